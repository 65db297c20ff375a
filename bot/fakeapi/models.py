"""Records kept by the fake Bot API: messages, files, errors, and Bot API object builders."""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field
from typing import Any

from bot.fakeapi.html import entities_to_html

logger = logging.getLogger(__name__)

#: Telegram's user id for anonymous group admins ("GroupAnonymousBot").
ANONYMOUS_ADMIN_ID = 1087968824


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(
        self,
        code: int,
        description: str,
        retry_after: int | None = None,
        *,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        if self.migrate_to_chat_id is not None:
            body["parameters"] = {"migrate_to_chat_id": self.migrate_to_chat_id}
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


@dataclass
class StoredFile:
    """A file known to the server (sent by the bot or by a user)."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None

    def size(self) -> int:
        return len(self.data)


@dataclass
class MessageVersion:
    """A previous version of an edited message."""

    text: str | None
    html: str | None
    entities: list[dict]
    reply_markup: dict | None
    caption: str | None
    edit_date: int | None


@dataclass
class StoredMessage:
    """A message in a chat, from a user or from the bot.

    ``text`` is the plain text after entity parsing, ``html`` the markup the bot sent (or
    ``None``). For documents and photos, ``text`` is ``None`` and ``caption`` holds the plain
    caption.
    """

    chat: dict
    message_id: int
    sender: dict
    date: int
    text: str | None = None
    html: str | None = None
    entities: list[dict] = field(default_factory=list)
    reply_markup: dict | None = None
    document: tuple[str, bytes] | None = None
    photo: bytes | None = None
    caption: str | None = None
    file: StoredFile | None = None
    reply_to: int | None = None
    sender_chat: dict | None = None
    edits: list[MessageVersion] = field(default_factory=list)
    edit_date: int | None = None
    pinned: bool = False
    deleted: bool = False
    from_bot: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])

    def render_html(self) -> str:
        """The message text or caption as Telegram HTML (the bot's own markup if it sent HTML)."""
        if self.html is not None:
            return self.html
        return entities_to_html(self.text or self.caption or "", self.entities)

    def snapshot(self) -> MessageVersion:
        return MessageVersion(
            text=self.text,
            html=self.html,
            entities=copy.deepcopy(self.entities),
            reply_markup=copy.deepcopy(self.reply_markup),
            caption=self.caption,
            edit_date=self.edit_date,
        )

    def to_api(self, reply: StoredMessage | None = None) -> dict[str, Any]:
        """This message as a Bot API ``Message`` object."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": copy.deepcopy(self.sender),
            "chat": copy.deepcopy(self.chat),
            "date": self.date,
        }
        if self.sender_chat is not None:
            data["sender_chat"] = copy.deepcopy(self.sender_chat)
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.text is not None:
            data["text"] = self.text
            if self.entities:
                data["entities"] = copy.deepcopy(self.entities)
        if self.file is not None:
            if self.photo is not None:
                data["photo"] = photo_sizes(self.file)
            else:
                data["document"] = {
                    "file_id": self.file.file_id,
                    "file_unique_id": self.file.file_unique_id,
                    "file_name": self.file.file_name,
                    "mime_type": self.file.mime_type or "application/octet-stream",
                    "file_size": self.file.size(),
                }
            if self.caption is not None:
                data["caption"] = self.caption
                if self.entities:
                    data["caption_entities"] = copy.deepcopy(self.entities)
        if self.reply_markup is not None:
            data["reply_markup"] = copy.deepcopy(self.reply_markup)
        if reply is not None:
            data["reply_to_message"] = reply.to_api()
        data.update(copy.deepcopy(self.extra))
        return data


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG or JPEG image (1x1 when unknown)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                break
            marker = data[i + 1]
            length = int.from_bytes(data[i + 2 : i + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2):
                height = int.from_bytes(data[i + 5 : i + 7], "big")
                width = int.from_bytes(data[i + 7 : i + 9], "big")
                return width, height
            i += 2 + length
    return 1, 1


def photo_sizes(stored: StoredFile) -> list[dict[str, Any]]:
    width, height = image_size(stored.data)
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": width,
            "height": height,
            "file_size": stored.size(),
        }
    ]


def member_payload(
    user: dict, status: str, *, can_pin: bool = True, is_member: bool = True
) -> dict[str, Any]:
    """A Bot API ``ChatMember`` object for ``user`` with the given status (``is_member``: of a
    restricted user, whether they are still in the group)."""
    data: dict[str, Any] = {"user": copy.deepcopy(user), "status": status}
    if status == "creator":
        data["is_anonymous"] = False
    elif status == "administrator":
        data.update(
            can_be_edited=False,
            is_anonymous=False,
            can_manage_chat=True,
            can_delete_messages=True,
            can_manage_video_chats=True,
            can_restrict_members=True,
            can_promote_members=False,
            can_change_info=True,
            can_invite_users=True,
            can_post_stories=False,
            can_edit_stories=False,
            can_delete_stories=False,
            can_pin_messages=can_pin,
            can_manage_topics=False,
        )
    elif status == "kicked":
        data["until_date"] = 0
    elif status == "restricted":
        data.update({name: False for name in RESTRICTED_RIGHTS}, is_member=is_member, until_date=0)
    return data


RESTRICTED_RIGHTS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
    "can_edit_tag",
    "can_react_to_messages",
)


@dataclass
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    data: bytes
    content_type: str | None = None

    def __repr__(self) -> str:
        return f"UploadedFile({self.filename!r}, {len(self.data)} bytes)"
