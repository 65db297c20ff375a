"""The simulated Telegram world: users, chats, memberships, messages, files and updates.

Everything here is plain synchronous Python so tests (in the same event loop as the server)
can set up a scene and play users' actions; the HTTP side lives in ``server.py``.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dtm
import itertools
import logging
import mimetypes
from collections.abc import Callable
from typing import Any

from bot.fakeapi.html import detect_entities
from bot.fakeapi.models import ANONYMOUS_ADMIN_ID, StoredFile, StoredMessage, member_payload
from bot.fakeapi.updates import DEFAULT_UPDATE_TYPES, UpdateQueue

logger = logging.getLogger(__name__)

Clock = Callable[[], dtm.datetime | None]

ACTIVE_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})
SHOWN_IN_PRESSES = 48 * 3600
"""A press on a bot message older than this (seconds) carries only its chat and id."""


class World(UpdateQueue):
    """State of the fake Telegram: read it in tests, change it through the methods."""

    def __init__(
        self, token: str, bot_username: str, clock: Clock | None, bot_first_name: str
    ) -> None:
        super().__init__()
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.clock: Clock | None = clock
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.members: dict[int, dict[int, str]] = {}
        self.bot_status: dict[int, str] = {}
        self.bot_can_pin: dict[int, bool] = {}
        self.blocked_by: set[int] = set()
        self.migrated_to: dict[int, int] = {}
        """Groups Telegram upgraded to a supergroup: old id → new id (sends to the old fail)."""
        self._messages: dict[int, list[StoredMessage]] = {}
        self._next_message_id: dict[int, int] = {}
        self.sent: list[StoredMessage] = []
        self.files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._file_counter = itertools.count(1)
        self._callback_counter = itertools.count(1)
        self.callback_queries: dict[str, dict[str, Any]] = {}
        self.callback_answers: list[tuple[str, str | None, bool]] = []
        self.commands: dict[str, list[dict]] = {}
        self.scoped_commands: dict[tuple[str, str], list[dict]] = {}
        self.left_chats: list[int] = []
        self.profile: dict[tuple[str, str], Any] = {}
        self.webhook: dict[str, Any] = {"url": ""}
        self._subscribers: list[asyncio.Queue] = []

    # ------------------------------------------------------------------ helpers
    def now(self) -> int:
        """Current Unix time from the injected clock (real UTC time by default)."""
        moment = self.clock() if self.clock is not None else None
        if moment is None:
            moment = dtm.datetime.now(dtm.UTC)
        return int(moment.timestamp())

    def publish(self, event: dict[str, Any]) -> None:
        """Send an event to every subscriber queue (for a browser UI)."""
        for queue in self._subscribers:
            queue.put_nowait(copy.deepcopy(event))

    def subscribe(self) -> asyncio.Queue:
        """A queue receiving events: new/edited/deleted messages, callback answers, pins."""
        queue: asyncio.Queue = asyncio.Queue()
        self._subscribers.append(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        if queue in self._subscribers:
            self._subscribers.remove(queue)

    def store_file(self, data: bytes, file_name: str | None, kind: str) -> StoredFile:
        number = next(self._file_counter)
        suffix = ""
        if file_name and "." in file_name:
            suffix = "." + file_name.rsplit(".", 1)[1]
        elif kind == "photos":
            suffix = ".jpg"
        stored = StoredFile(
            file_id=f"{kind[:3].upper()}-{self.bot_id}-{number:06d}",
            file_unique_id=f"U{number:06d}",
            file_path=f"{kind}/file_{number}{suffix}",
            data=data,
            file_name=file_name,
            mime_type=mimetypes.guess_type(file_name or "")[0],
        )
        self.files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return self._files_by_path.get(path)

    def find_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        for message in self._messages.get(chat_id, []):
            if message.message_id == message_id and not message.deleted:
                return message
        return None

    def messages(self, chat_id: int) -> list[StoredMessage]:
        """All messages in the chat (users' and the bot's), oldest first, without deleted."""
        return [m for m in self._messages.get(chat_id, []) if not m.deleted]

    def message_payload(self, message: StoredMessage) -> dict[str, Any]:
        reply = None
        if message.reply_to is not None:
            reply = self.find_message(message.chat_id, message.reply_to)
        return message.to_api(reply)

    def append_message(self, message: StoredMessage) -> StoredMessage:
        self._messages.setdefault(message.chat_id, []).append(message)
        if message.from_bot:
            self.sent.append(message)
        self.publish({"type": "message", "message": self.message_payload(message)})
        return message

    def next_message_id(self, chat_id: int) -> int:
        value = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = value + 1
        return value

    # ------------------------------------------------------------------ scene setup
    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
    ) -> dict[str, Any]:
        """Register a Telegram user; returns the ``User`` object."""
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self.users[user_id] = user
        return copy.deepcopy(user)

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        admins: tuple[int, ...] | list[int] = (),
        creator: int | None = None,
        bot_is_admin: bool = False,
        bot_can_pin: bool = False,
    ) -> dict[str, Any]:
        """Create a group the bot is a member of (``bot_can_pin`` implies admin)."""
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        chat = {"id": chat_id, "type": kind, "title": title}
        self.chats[chat_id] = chat
        self.members[chat_id] = {}
        if creator is not None:
            self.members[chat_id][creator] = "creator"
        self.set_admins(chat_id, admins)
        self.set_bot_admin(chat_id, bot_is_admin or bot_can_pin, can_pin=bot_can_pin)
        return copy.deepcopy(chat)

    def set_admins(self, chat_id: int, user_ids: tuple[int, ...] | list[int]) -> None:
        """Make exactly these users administrators (the creator stays creator)."""
        members = self.members[chat_id]
        for user_id, status in list(members.items()):
            if status == "administrator":
                members[user_id] = "member"
        for user_id in user_ids:
            if members.get(user_id) != "creator":
                members[user_id] = "administrator"

    def set_member(self, chat_id: int, user_id: int, status: str = "member") -> None:
        """Set a user's membership status: member, administrator, creator, left, kicked."""
        self.members.setdefault(chat_id, {})[user_id] = status

    def set_bot_admin(self, chat_id: int, is_admin: bool, *, can_pin: bool = False) -> None:
        self.bot_status[chat_id] = "administrator" if is_admin else "member"
        self.bot_can_pin[chat_id] = is_admin and can_pin

    def _bot_member_update(
        self, chat_id: int, by_user_id: int | None, old: str, new: str
    ) -> dict[str, Any]:
        actor = self.users.get(by_user_id or 0, self.bot_user)
        return {
            "my_chat_member": {
                "chat": copy.deepcopy(self.chats[chat_id]),
                "from": copy.deepcopy(actor),
                "date": self.now(),
                "old_chat_member": member_payload(self.bot_user, old, can_pin=False),
                "new_chat_member": member_payload(
                    self.bot_user, new, can_pin=self.bot_can_pin.get(chat_id, False)
                ),
            }
        }

    def bot_added_to_group(self, chat_id: int, by_user_id: int) -> dict[str, Any]:
        """The bot joins the group (added by a user); enqueues and returns my_chat_member."""
        if chat_id not in self.chats:
            raise KeyError(f"unknown chat {chat_id}; call add_group first")
        old = self.bot_status.get(chat_id, "left")
        old = "left" if old not in ("left", "kicked") else old
        if self.bot_status.get(chat_id) not in ("member", "administrator"):
            self.bot_status[chat_id] = "member"
        self.members[chat_id].setdefault(by_user_id, "member")
        update = self._bot_member_update(chat_id, by_user_id, old, self.bot_status[chat_id])
        self.add_update(update)
        return update

    def remove_bot(self, chat_id: int, by_user_id: int | None = None) -> dict[str, Any]:
        """The bot is kicked from the group: later sends get 403; enqueues my_chat_member."""
        old = self.bot_status.get(chat_id, "member")
        self.bot_status[chat_id] = "kicked"
        self.bot_can_pin[chat_id] = False
        update = self._bot_member_update(chat_id, by_user_id, old, "kicked")
        self.add_update(update)
        return update

    def migrate_group(
        self,
        chat_id: int,
        new_chat_id: int,
        by_user_id: int,
        *,
        new_first: bool = False,
        notices: bool = True,
    ) -> None:
        """Telegram upgrades a group to a supergroup with a new id: members, admins and the bot
        move; sends to the old id fail with ``migrate_to_chat_id``; a service message in each
        chat names the other (``new_first``: the supergroup's arrives first; ``notices=False``:
        none arrives, the bot learns it from a failed send)."""
        old = self.chats[chat_id]
        new = {"id": new_chat_id, "type": "supergroup", "title": old.get("title", "")}
        self.chats[new_chat_id] = new
        self.members[new_chat_id] = dict(self.members.get(chat_id, {}))
        self.bot_status[new_chat_id] = self.bot_status.get(chat_id, "member")
        self.bot_can_pin[new_chat_id] = self.bot_can_pin.get(chat_id, False)
        self.migrated_to[chat_id] = new_chat_id
        user = copy.deepcopy(self.users[by_user_id])
        messages = [
            {
                "message_id": self.next_message_id(chat_id),
                "date": self.now(),
                "chat": copy.deepcopy(old),
                "from": user,
                "migrate_to_chat_id": new_chat_id,
            },
            {
                "message_id": self.next_message_id(new_chat_id),
                "date": self.now(),
                "chat": copy.deepcopy(new),
                "from": user,
                "sender_chat": copy.deepcopy(old),
                "migrate_from_chat_id": chat_id,
            },
        ]
        for notice in reversed(messages) if new_first else messages:
            if notices:
                self.add_update({"message": notice})

    def block_bot(self, user_id: int) -> None:
        """The user blocks the bot: sends to their private chat get 403."""
        self.blocked_by.add(user_id)

    # ------------------------------------------------------------------ user actions
    def _private_chat(self, user: dict[str, Any]) -> dict[str, Any]:
        chat_id = user["id"]
        if chat_id not in self.chats:
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            for key in ("last_name", "username"):
                if key in user:
                    chat[key] = user[key]
            self.chats[chat_id] = chat
            self.members[chat_id] = {chat_id: "member"}
            self.bot_status[chat_id] = "member"
        return self.chats[chat_id]

    def send_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        reply_to: int | None = None,
        sender_chat_id: int | None = None,
        document: tuple[str, bytes] | None = None,
        photo: bytes | None = None,
    ) -> dict[str, Any]:
        """A user writes in a chat; returns the Message as the bot sees it.

        A positive ``chat_id`` is the user's private chat with the bot. ``sender_chat_id``
        equal to the group id makes an anonymous admin; another id is a linked channel.
        With ``document`` or ``photo`` the text becomes the caption.
        """
        if user_id not in self.users:
            raise KeyError(f"unknown user {user_id}; call add_user first")
        user = self.users[user_id]
        if chat_id > 0:
            if chat_id != user_id:
                raise ValueError("a private chat id is the id of the user writing in it")
            chat = self._private_chat(user)
            self.blocked_by.discard(user_id)
        else:
            if chat_id not in self.chats:
                raise KeyError(f"unknown chat {chat_id}; call add_group first")
            chat = self.chats[chat_id]
            if self.members[chat_id].get(user_id) not in ACTIVE_STATUSES:
                self.members[chat_id][user_id] = "member"
        sender: dict[str, Any] = user
        sender_chat = None
        if sender_chat_id is not None:
            if sender_chat_id == chat_id:
                sender = {
                    "id": ANONYMOUS_ADMIN_ID,
                    "is_bot": True,
                    "first_name": "Group",
                    "username": "GroupAnonymousBot",
                }
                sender_chat = chat
            else:
                sender = {"id": 777000, "is_bot": False, "first_name": "Telegram"}
                sender_chat = self.chats.get(
                    sender_chat_id, {"id": sender_chat_id, "type": "channel", "title": "Channel"}
                )
        if reply_to is not None and self.find_message(chat_id, reply_to) is None:
            raise KeyError(f"no message {reply_to} in chat {chat_id}")
        message = StoredMessage(
            chat=copy.deepcopy(chat),
            message_id=self.next_message_id(chat_id),
            sender=copy.deepcopy(sender),
            date=self.now(),
            entities=detect_entities(text),
            reply_to=reply_to,
            sender_chat=copy.deepcopy(sender_chat),
        )
        if document is not None:
            message.document = document
            message.file = self.store_file(document[1], document[0], "documents")
        elif photo is not None:
            message.photo = photo
            message.file = self.store_file(photo, None, "photos")
        if message.file is not None:
            message.caption = text or None
            if not text:
                message.entities = []
        else:
            message.text = text
        self.append_message(message)
        payload = self.message_payload(message)
        if self.bot_status.get(chat_id) in ("member", "administrator"):
            self.add_update({"message": payload})
        return payload

    def open_private_chat(self, user_id: int) -> dict[str, Any]:
        """The user has started the bot (without a message): the bot may now write to them."""
        return copy.deepcopy(self._private_chat(self.users[user_id]))

    def edit_message(
        self, chat_id: int, user_id: int, message_id: int, text: str
    ) -> dict[str, Any]:
        """A user edits their message; enqueues ``edited_message`` and returns the Message."""
        message = self.find_message(chat_id, message_id)
        if message is None or message.from_bot or message.sender.get("id") != user_id:
            raise KeyError(f"no message {message_id} of user {user_id} in chat {chat_id}")
        message.edits.append(message.snapshot())
        if message.file is not None:
            message.caption = text or None
        else:
            message.text = text
        message.entities = detect_entities(text)
        message.edit_date = self.now()
        payload = self.message_payload(message)
        self.publish({"type": "edit", "message": payload})
        if self.bot_status.get(chat_id) in ("member", "administrator"):
            self.add_update({"edited_message": payload})
        return payload

    def press_button(self, chat_id: int, user_id: int, message_id: int, data: str) -> str:
        """A user presses an inline button of a bot message; returns the callback_query id."""
        message = self.find_message(chat_id, message_id)
        if message is None or not message.from_bot:
            raise KeyError(f"no bot message {message_id} in chat {chat_id}")
        query_id = f"{self.bot_id}{next(self._callback_counter):08d}"
        if self.now() - message.date > SHOWN_IN_PRESSES:
            # Telegram leaves out the content of a message too old (an InaccessibleMessage).
            shown: dict[str, Any] = {"chat": message.chat, "message_id": message_id, "date": 0}
        else:
            shown = self.message_payload(message)
        self.callback_queries[query_id] = {
            "chat_id": chat_id,
            "message_id": message_id,
            "user_id": user_id,
            "answered": False,
        }
        self.add_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": copy.deepcopy(self.users[user_id]),
                    "message": shown,
                    "chat_instance": str(abs(chat_id) * 7919 % 10**12),
                    "data": data,
                }
            }
        )
        return query_id


__all__ = ["ACTIVE_STATUSES", "DEFAULT_UPDATE_TYPES", "SHOWN_IN_PRESSES", "World"]
