"""User text made safe once, where it enters, for every output: HTML, .docx, .ics, chart
labels and search.

Text is put in Unicode NFC; control characters other than newline and tab, noncharacters
(U+FFFE, U+FDD0…) and lone surrogates are removed — XML (so .docx) refuses them, and they
mean nothing to a reader. Emoji, joiners and direction marks are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

_PLANE_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _PLANE_NONCHARACTERS + "]"
)


def _is_clean(text: str) -> bool:
    return _UNWANTED.search(text) is None and unicodedata.is_normalized("NFC", text)


_ESCAPED_CONTROL = re.compile(r"\\(u00[01]|[bfr])")
"""How ``json.dumps`` writes the control characters it escapes (a false alarm on a typed
backslash costs only the slow way)."""


def json_is_clean(dumped: str) -> bool:
    """Whether nothing in a JSON text written by ``json.dumps(..., ensure_ascii=False)``
    needs cleaning: a fast test of a whole update before its strings are looked at one by one."""
    return _is_clean(dumped) and _ESCAPED_CONTROL.search(dumped) is None


def clean(text: str) -> str:
    """``text`` in NFC without the characters no output can take."""
    if _is_clean(text):
        return text
    return unicodedata.normalize("NFC", _UNWANTED.sub("", text))


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets (an
    emoji is 2; a lone surrogate, possible before cleaning, is 1)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class TooLong(ValueError):
    """A text longer than its limit; both in UTF-16 code units, as Telegram counts."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(length, limit)
        self.length = length
        self.limit = limit


def within(text: str, limit: int) -> str:
    """``text`` when it is at most ``limit`` UTF-16 code units long; else raises
    :class:`TooLong`."""
    length = utf16_len(text)
    if length > limit:
        raise TooLong(length, limit)
    return text


def clean_with_entities(
    text: str, entities: Sequence[Mapping[str, Any]]
) -> tuple[str, list[dict[str, Any]]]:
    """Clean ``text`` and move Telegram's ``entities`` (offsets in UTF-16 code units) with it.

    The text is cleaned piece by piece between entity boundaries, so a removed character
    never shifts an entity onto the wrong words; an entity left empty is dropped.
    """
    if _is_clean(text):
        return text, [dict(entity) for entity in entities]
    boundaries = {0}
    for entity in entities:
        boundaries.update((entity["offset"], entity["offset"] + entity["length"]))
    pieces: list[str] = []
    moved: dict[int, int] = {0: 0}
    start_char, position, new_position = 0, 0, 0
    for index, char in enumerate(text):
        if position in boundaries and index > start_char:
            piece = clean(text[start_char:index])
            pieces.append(piece)
            new_position += utf16_len(piece)
            moved[position] = new_position
            start_char = index
        position += 2 if ord(char) > 0xFFFF else 1
    piece = clean(text[start_char:])
    pieces.append(piece)
    moved[position] = new_position + utf16_len(piece)
    result = []
    for entity in entities:
        end = entity["offset"] + entity["length"]
        if entity["offset"] not in moved or end not in moved:
            continue  # not on a character boundary: Telegram never sends that
        offset, length = moved[entity["offset"]], moved[end] - moved[entity["offset"]]
        if length > 0:
            result.append({**entity, "offset": offset, "length": length})
    return "".join(pieces), result


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` UTF-16 code units: cut at a word where one
    ends in the last fifth, else inside the word, and ended with "…"."""
    flat = " ".join(text.split())
    if utf16_len(flat) <= limit:
        return flat
    room, cut = limit - 1, 0  # "…" is one unit
    while (width := utf16_len(flat[cut])) <= room:  # flat is longer than room: cut stops
        room -= width
        cut += 1
    head = flat[:cut]
    space = head.rfind(" ")
    if space >= len(head) * 4 // 5:
        head = head[:space]
    return head.rstrip() + "…"
