"""Messages of the fake Telegram as the sandbox page shows them (plain JSON, no markup).

The page never receives HTML: it gets the plain text and Telegram's entities (UTF-16 offsets,
which are JavaScript string offsets) and builds DOM nodes from them, so whatever the bot or
a user wrote is displayed as text.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from bot.fakeapi import StoredMessage

logger = logging.getLogger(__name__)

#: Entity types the page renders; others (mentions, hashtags …) are only coloured.
FORMATTING = frozenset(
    {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "pre",
        "blockquote",
        "expandable_blockquote",
        "text_link",
        "url",
        "bot_command",
        "hashtag",
        "mention",
    }
)


SHOWCASE_BUTTONS = ("ann:", "mtg:r:")
"""Callback data of the buttons that make a post worth showing first: an announcement's
*Diterima* with its counter, a meeting card's RSVP buttons. The page opens scrolled to the
last such post, not to the bottom of a long reply."""


def sender_name(sender: dict[str, Any]) -> str:
    return " ".join(str(sender.get(key, "")) for key in ("first_name", "last_name")).strip()


def _entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    shown = []
    for entity in entities:
        if entity.get("type") not in FORMATTING:
            continue
        item = {
            "type": entity["type"],
            "offset": int(entity["offset"]),
            "length": int(entity["length"]),
        }
        if entity["type"] == "text_link":
            item["url"] = str(entity.get("url", ""))
        shown.append(item)
    return shown


def _buttons(markup: dict[str, Any] | None) -> list[list[dict[str, str]]]:
    rows = (markup or {}).get("inline_keyboard") or []
    shown: list[list[dict[str, str]]] = []
    for row in rows:
        buttons = []
        for button in row:
            item = {"text": str(button.get("text", ""))}
            if "callback_data" in button:
                item["data"] = str(button["callback_data"])
            elif "url" in button:
                item["url"] = str(button["url"])
            buttons.append(item)
        shown.append(buttons)
    return shown


def _has_showcase_button(markup: dict[str, Any] | None) -> bool:
    rows = (markup or {}).get("inline_keyboard") or []
    return any(
        str(button.get("callback_data", "")).startswith(SHOWCASE_BUTTONS)
        for row in rows
        for button in row
    )


def file_url(path: str) -> str:
    return "/files/" + quote(path)


def message_view(message: StoredMessage, reply: StoredMessage | None = None) -> dict[str, Any]:
    """One message for the page."""
    view: dict[str, Any] = {
        "id": message.message_id,
        "chat_id": message.chat_id,
        "date": message.date,
        "from": {
            "id": message.sender.get("id"),
            "name": sender_name(message.sender),
            "is_bot": bool(message.from_bot),
        },
        "text": message.text or message.caption or "",
        "entities": _entities(message.entities),
        "buttons": _buttons(message.reply_markup),
        "edited": message.edit_date is not None,
        "pinned": message.pinned,
        "showcase": bool(message.from_bot) and _has_showcase_button(message.reply_markup),
    }
    if message.file is not None:
        view["file"] = {
            "kind": "photo" if message.photo is not None else "document",
            "url": file_url(message.file.file_path),
            "name": message.file.file_name or message.file.file_path.rsplit("/", 1)[-1],
            "size": message.file.size(),
        }
    if reply is not None:
        view["reply_to"] = {
            "id": reply.message_id,
            "name": sender_name(reply.sender),
            "text": (reply.text or reply.caption or "")[:120],
        }
    return view


def has_button(message: StoredMessage, data: str) -> bool:
    """Whether ``message`` carries an inline button with this callback data."""
    rows = (message.reply_markup or {}).get("inline_keyboard") or []
    return any(button.get("callback_data") == data for row in rows for button in row)
