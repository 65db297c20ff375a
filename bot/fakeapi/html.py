"""Telegram-style text handling: HTML parse mode, UTF-16 offsets, automatic entities.

The HTML parser mirrors what the Bot API accepts for ``parse_mode=HTML`` and rejects what it
rejects (unknown or unbalanced tags, a bare ``<``, an ``&`` that is not an entity), so a bot
tested against the fake cannot produce markup the real server would refuse.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from bot.domain.cleantext import utf16_len

logger = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

_SIMPLE_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_ALLOWED_TAGS = set(_SIMPLE_TAGS) | {"a", "span", "blockquote", "tg-emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]*);")
_TAG_NAME_RE = re.compile(r"[a-zA-Z0-9-]*")
_ATTR_NAME_RE = re.compile(r"[a-zA-Z0-9_-]+")


class EntityParseError(ValueError):
    """The markup cannot be parsed; the message is Telegram's description without prefix."""


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    start: int  # UTF-16 offset in the plain text
    source_index: int


def _decode_entity(source: str, index: int) -> tuple[str, int]:
    """Decode the character reference at ``source[index]`` (an ``&``); return (text, end)."""
    match = _ENTITY_RE.match(source, index)
    if match is not None:
        body = match.group(1)
        if body.startswith(("#x", "#X")):
            code = int(body[2:], 16)
        elif body.startswith("#"):
            code = int(body[1:])
        elif body in _NAMED_ENTITIES:
            return _NAMED_ENTITIES[body], match.end()
        else:
            code = -1
        if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code), match.end()
    raise EntityParseError(
        f"Character '&' is reserved and must be escaped as &amp; "
        f"at byte offset {_byte_offset(source, index)}"
    )


def _decode_attr(source: str, raw: str, offset: int) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            try:
                text, i = _decode_entity(raw, i)
            except EntityParseError:
                raise EntityParseError(
                    f"Character '&' is reserved and must be escaped as &amp; "
                    f"at byte offset {_byte_offset(source, offset + i)}"
                ) from None
            out.append(text)
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def _parse_start_tag(source: str, index: int) -> tuple[str, dict[str, str], int]:
    """Parse ``<name attr="v" ...>`` at ``index``; return (name, attributes, end index)."""
    name_match = _TAG_NAME_RE.match(source, index + 1)
    assert name_match is not None  # noqa: S101 - the pattern matches the empty string
    name = name_match.group(0).lower()
    if name not in _ALLOWED_TAGS:
        raise EntityParseError(
            f'Unsupported start tag "{name}" at byte offset {_byte_offset(source, index)}'
        )
    attrs: dict[str, str] = {}
    i = name_match.end()
    unclosed = EntityParseError(f"Unclosed start tag at byte offset {_byte_offset(source, index)}")
    while True:
        while i < len(source) and source[i].isspace():
            i += 1
        if i >= len(source):
            raise unclosed
        if source[i] == ">":
            return name, attrs, i + 1
        if source[i] == "/" and source.startswith("/>", i):
            return name, attrs, i + 2
        attr_match = _ATTR_NAME_RE.match(source, i)
        if attr_match is None:
            raise EntityParseError(
                f'Empty attribute name in the tag "{name}" at byte offset '
                f"{_byte_offset(source, index)}"
            )
        attr = attr_match.group(0).lower()
        i = attr_match.end()
        while i < len(source) and source[i].isspace():
            i += 1
        if i >= len(source):
            raise unclosed
        if source[i] != "=":
            attrs[attr] = ""
            continue
        i += 1
        while i < len(source) and source[i].isspace():
            i += 1
        if i >= len(source):
            raise unclosed
        if source[i] in "\"'":
            quote = source[i]
            end = source.find(quote, i + 1)
            if end < 0:
                raise unclosed
            attrs[attr] = _decode_attr(source, source[i + 1 : end], i + 1)
            i = end + 1
        else:
            start = i
            while i < len(source) and not source[i].isspace() and source[i] not in ">":
                i += 1
            attrs[attr] = _decode_attr(source, source[start:i], start)


def _entity_for(tag: _OpenTag, end: int, source: str, parent: _OpenTag | None) -> dict | None:
    """The entity produced by a closed tag (``None`` for no entity)."""
    length = end - tag.start
    entity: dict[str, Any] = {"offset": tag.start, "length": length}
    if tag.name in _SIMPLE_TAGS:
        entity["type"] = _SIMPLE_TAGS[tag.name]
        if tag.name == "code" and parent is not None and parent.name == "pre":
            language = tag.attrs.get("class", "")
            if language.startswith("language-") and parent.start == tag.start:
                parent.attrs["language"] = language[len("language-") :]
                return None
        if tag.name == "pre" and tag.attrs.get("language"):
            entity["language"] = tag.attrs["language"]
    elif tag.name == "span":
        entity["type"] = "spoiler"
    elif tag.name == "blockquote":
        entity["type"] = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
    elif tag.name == "tg-emoji":
        entity["type"] = "custom_emoji"
        entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
    else:  # a
        href = tag.attrs.get("href", "")
        user = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if user is not None:
            entity["type"] = "text_mention"
            entity["user"] = {"id": int(user.group(1)), "is_bot": False, "first_name": ""}
        elif href:
            entity["type"] = "text_link"
            entity["url"] = href
        else:
            return None
    return entity if length > 0 else None


def parse_html(source: str) -> tuple[str, list[dict]]:
    """Parse Telegram HTML into (plain text, entities); raise ``EntityParseError`` if invalid."""
    out: list[str] = []
    position = 0  # UTF-16 length of the text produced so far
    stack: list[_OpenTag] = []
    entities: list[dict] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "<":
            if source.startswith("</", i):
                end = source.find(">", i)
                if end < 0:
                    raise EntityParseError(
                        f"Unclosed end tag at byte offset {_byte_offset(source, i)}"
                    )
                name = source[i + 2 : end].strip().lower()
                if not stack:
                    raise EntityParseError(
                        f"Unexpected end tag at byte offset {_byte_offset(source, i)}"
                    )
                if name != stack[-1].name:
                    raise EntityParseError(
                        f"Unmatched end tag at byte offset {_byte_offset(source, i)}, "
                        f'expected "</{stack[-1].name}>", found "</{name}>"'
                    )
                tag = stack.pop()
                entity = _entity_for(tag, position, source, stack[-1] if stack else None)
                if entity is not None:
                    entities.append(entity)
                i = end + 1
                continue
            name, attrs, end = _parse_start_tag(source, i)
            if name == "span" and attrs.get("class") != "tg-spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset '
                    f"{_byte_offset(source, i)}"
                )
            if name == "tg-emoji" and not attrs.get("emoji-id"):
                raise EntityParseError(
                    f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset '
                    f"{_byte_offset(source, i)}"
                )
            stack.append(_OpenTag(name, attrs, position, i))
            i = end
            continue
        if char == "&":
            text, i = _decode_entity(source, i)
        else:
            text = char
            i += 1
        out.append(text)
        position += utf16_len(text)
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def strip_text(text: str, entities: list[dict]) -> tuple[str, list[dict]]:
    """Trim surrounding whitespace like Telegram does, shifting and clipping the entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    result = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")
_HASHTAG_RE = re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")
_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}(?!\w)")
_URL_RE = re.compile(r"(?<![\w/])https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")


def detect_entities(text: str) -> list[dict]:
    """Entities Telegram computes for plain text: bot_command, hashtag, mention, url."""
    entities: list[dict] = []
    for kind, pattern in (
        ("bot_command", _COMMAND_RE),
        ("hashtag", _HASHTAG_RE),
        ("mention", _MENTION_RE),
        ("url", _URL_RE),
    ):
        for match in pattern.finditer(text):
            entities.append(
                {
                    "type": kind,
                    "offset": utf16_len(text[: match.start()]),
                    "length": utf16_len(match.group(0)),
                }
            )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return entities


_RENDER_TAGS: dict[str, str] = {
    "bold": "b",
    "italic": "i",
    "underline": "u",
    "strikethrough": "s",
    "spoiler": "tg-spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "expandable_blockquote": "blockquote",
    "text_link": "a",
    "text_mention": "a",
    "custom_emoji": "tg-emoji",
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _open_tag(entity: dict) -> str:
    kind = entity["type"]
    tag = _RENDER_TAGS[kind]
    if kind == "text_link":
        return f'<a href="{_escape(entity.get("url", "")).replace(chr(34), "&quot;")}">'
    if kind == "text_mention":
        return f'<a href="tg://user?id={int(entity.get("user", {}).get("id", 0))}">'
    if kind == "custom_emoji":
        return f'<tg-emoji emoji-id="{_escape(str(entity.get("custom_emoji_id", "")))}">'
    if kind == "expandable_blockquote":
        return "<blockquote expandable>"
    if kind == "pre" and entity.get("language"):
        return f'<pre><code class="language-{_escape(entity["language"])}">'
    return f"<{tag}>"


def _close_tag(entity: dict) -> str:
    if entity["type"] == "pre" and entity.get("language"):
        return "</code></pre>"
    return f"</{_RENDER_TAGS[entity['type']]}>"


def entities_to_html(text: str, entities: list[dict]) -> str:
    """Telegram HTML for ``text`` with its formatting entities (for display and round-trips).

    Automatic entities (commands, hashtags, mentions, urls) stay plain text. Entities that
    overlap without nesting are closed and reopened, so the result is always valid.
    """
    units = text.encode("utf-16-le")
    total = len(units) // 2
    formatting = [
        e
        for e in entities
        if e.get("type") in _RENDER_TAGS and e.get("length", 0) > 0 and e["offset"] < total
    ]
    points = sorted({0, total} | {e["offset"] for e in formatting} | {_end(e) for e in formatting})
    out: list[str] = []
    stack: list[dict] = []
    for index, point in enumerate(points):
        ending = [i for i, e in enumerate(stack) if _end(e) <= point]
        if ending:
            reopen = [e for e in stack[ending[0] :] if _end(e) > point]
            out.extend(_close_tag(e) for e in reversed(stack[ending[0] :]))
            del stack[ending[0] :]
            out.extend(_open_tag(e) for e in reopen)
            stack.extend(reopen)
        starting = sorted((e for e in formatting if e["offset"] == point), key=lambda e: -_end(e))
        out.extend(_open_tag(e) for e in starting)
        stack.extend(starting)
        if index + 1 < len(points):
            segment = units[point * 2 : points[index + 1] * 2]
            out.append(_escape(segment.decode("utf-16-le", errors="replace")))
    out.extend(_close_tag(e) for e in reversed(stack))
    return "".join(out)


def _end(entity: dict) -> int:
    return int(entity["offset"]) + int(entity["length"])
