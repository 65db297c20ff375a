"""Rendering replies: measuring text as Telegram does and splitting long HTML to fit."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.cleantext import utf16_len

MESSAGE_LIMIT = 4096

LISTED = 300
"""A record's text in a listing (several records in one message), in UTF-16 code units: a
long one is shortened with "…" (``bot.domain.cleantext.excerpt``); its own view shows it all."""

_ATOM = re.compile(r"<[^<>]*>|&#?[a-zA-Z0-9]+;|[^<&\s]*\s+|[^<&\s]+|[<&]")
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)")
_TEXT_ONLY = re.compile(r"<[^<>]*>")

Stack = tuple[tuple[str, str], ...]
"""Tags open at a point of the text: (name, the opening tag as written)."""


def largest_fitting(build: Callable[[int], str], most: int, limit: int = MESSAGE_LIMIT) -> int:
    """The largest ``n`` in ``0..most`` for which ``build(n)`` (growing with ``n``) fits in
    ``limit`` UTF-16 code units; -1 when even ``build(0)`` does not fit."""
    low, high = -1, most + 1  # fits / does not fit
    while high - low > 1:
        middle = (low + high) // 2
        if utf16_len(build(middle)) <= limit:
            low = middle
        else:
            high = middle
    return low


def split_html(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split Telegram HTML into chunks of at most ``limit`` UTF-16 code units each.

    Cuts after a line break where one lies in the second half of the chunk, else after a
    space, else inside a long word; never inside a tag or an entity. Tags open at a cut are
    closed at the end of the chunk and opened again at the start of the next, so each chunk is
    valid HTML on its own. The markup is counted too, so a chunk also fits once Telegram has
    parsed it. Where the markup itself leaves no room (a tag longer than the limit, or tags
    nested so deep that closing and reopening them fills a chunk), the text is split without
    its markup instead: no chunk is ever longer than ``limit`` (at least 40). Linear in the
    length of ``text``.
    """
    if utf16_len(text) <= limit:
        return [text]
    chunks: list[str] = []
    start: Stack = ()
    opening = 0  # units of the tags reopened at the start of the chunk being filled
    current: list[tuple[str, Stack]] = []  # atoms of the chunk being filled, with tags open after
    used = 0  # units of those atoms
    stack, closing = start, 0  # tags open after the last atom, the units to close them
    for atom in _atoms(text, limit // 4):
        after = _apply(stack, atom)
        if after is not stack:
            stack, closing = after, utf16_len(_closing(after))
        size = utf16_len(atom)
        while current and opening + used + size + closing > limit:
            cut = _cut(current)
            head, current = current[:cut], current[cut:]
            chunks.append(_opening(start) + "".join(a for a, _ in head) + _closing(head[-1][1]))
            start = head[-1][1]
            opening = utf16_len(_opening(start))
            used = sum(utf16_len(a) for a, _ in current)
        current.append((atom, after))
        used += size
    if current:
        chunks.append(_opening(start) + "".join(a for a, _ in current) + _closing(current[-1][1]))
    if any(utf16_len(chunk) > limit for chunk in chunks):
        return split_html(_TEXT_ONLY.sub("", text), limit)
    return [chunk for chunk in chunks if _TEXT_ONLY.sub("", chunk).strip()]


def _atoms(text: str, longest: int) -> list[str]:
    """Tags, entities and words (with their trailing spaces); words longer than ``longest``
    UTF-16 code units cut into pieces of at most that."""
    atoms: list[str] = []
    for atom in _ATOM.findall(text):
        if (atom.startswith("<") and len(atom) > 1) or utf16_len(atom) <= longest:
            atoms.append(atom)
            continue
        piece: list[str] = []
        units = 0
        for char in atom:
            width = 2 if ord(char) > 0xFFFF else 1
            if units + width > longest and piece:
                atoms.append("".join(piece))
                piece = []
                units = 0
            piece.append(char)
            units += width
        atoms.append("".join(piece))
    return atoms


def _apply(stack: Stack, atom: str) -> Stack:
    match = _TAG.match(atom)
    if not match or not atom.endswith(">"):
        return stack
    name = match.group(2).lower()
    if not match.group(1):
        return (*stack, (name, atom))
    if stack and stack[-1][0] == name:
        return stack[:-1]
    return stack


def _opening(stack: Stack) -> str:
    return "".join(tag for _, tag in stack)


def _closing(stack: Stack) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _cut(atoms: list[tuple[str, Stack]]) -> int:
    """How many atoms go into the chunk: up to the last line break in the second half, if any."""
    for index in range(len(atoms) - 1, len(atoms) // 2, -1):
        if atoms[index][0].endswith("\n"):
            return index + 1
    return len(atoms)
