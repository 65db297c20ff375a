"""People coming and going in the fake Telegram: joins, leaves, bans, join requests, reactions.

Telegram reports one change of membership twice when the bot is an administrator: a service
message in the group (``new_chat_members`` / ``left_chat_member``) and a ``chat_member``
update, in no guaranteed order; a ban of someone who already left, a restriction, or a group
that hides its service messages gives the ``chat_member`` update alone. Each method here
returns the updates it made (already enqueued in the order given), so a test can play any of
these cases.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from bot.fakeapi.models import member_payload
from bot.fakeapi.world import ACTIVE_STATUSES, World

Notice = Literal["message", "chat_member"]
BOTH: tuple[Notice, ...] = ("message", "chat_member")


class People(World):
    """Membership events of users (the bot's own are in :class:`World`)."""

    def join(
        self,
        chat_id: int,
        user_id: int,
        *,
        by: int | None = None,
        notices: tuple[Notice, ...] = BOTH,
    ) -> list[dict[str, Any]]:
        """The user joins the group (``by``: an admin adds them); ``notices`` in that order."""
        return self._change(chat_id, user_id, "member", by, notices)

    def leave(
        self,
        chat_id: int,
        user_id: int,
        *,
        by: int | None = None,
        ban: bool = False,
        notices: tuple[Notice, ...] = BOTH,
    ) -> list[dict[str, Any]]:
        """The user leaves the group, or ``by`` an admin removes (``ban``: bans) them."""
        return self._change(chat_id, user_id, "kicked" if ban else "left", by, notices)

    def restrict(self, chat_id: int, user_id: int, *, by: int, is_member: bool) -> dict[str, Any]:
        """An admin restricts the user (a restricted user may still be in the group or not):
        only a ``chat_member`` update tells."""
        old = self.members.setdefault(chat_id, {}).get(user_id, "left")
        self.members[chat_id][user_id] = "restricted" if is_member else "left"
        update = self._member_update(chat_id, user_id, by, old, "restricted", is_member)
        self.add_update(update)
        return update

    def request_join(self, chat_id: int, user_id: int) -> dict[str, Any]:
        """The user asks to join (a group with join requests): they are not in it yet."""
        update = {
            "chat_join_request": {
                "chat": copy.deepcopy(self.chats[chat_id]),
                "from": copy.deepcopy(self.users[user_id]),
                "user_chat_id": user_id,
                "date": self.now(),
            }
        }
        self.add_update(update)
        return update

    def react(
        self, chat_id: int, user_id: int, message_id: int, emoji: str = "👍"
    ) -> dict[str, Any]:
        """The user reacts to a message (anyone who can see a public group can)."""
        update = {
            "message_reaction": {
                "chat": copy.deepcopy(self.chats[chat_id]),
                "message_id": message_id,
                "user": copy.deepcopy(self.users[user_id]),
                "date": self.now(),
                "old_reaction": [],
                "new_reaction": [{"type": "emoji", "emoji": emoji}],
            }
        }
        self.add_update(update)
        return update

    def _change(
        self,
        chat_id: int,
        user_id: int,
        status: str,
        by: int | None,
        notices: tuple[Notice, ...],
    ) -> list[dict[str, Any]]:
        old = self.members.setdefault(chat_id, {}).get(user_id, "left")
        self.members[chat_id][user_id] = status
        actor = by if by is not None else user_id
        made = []
        for notice in notices:
            if notice == "chat_member":
                if self.bot_status.get(chat_id) != "administrator":
                    continue  # Telegram tells only administrators of others' changes
                update = self._member_update(chat_id, user_id, actor, old, status)
            else:
                update = {"message": self._service_message(chat_id, user_id, actor, status)}
            self.add_update(update)
            made.append(update)
        return made

    def _member_update(
        self,
        chat_id: int,
        user_id: int,
        actor: int,
        old: str,
        new: str,
        is_member: bool = False,
    ) -> dict[str, Any]:
        user = self.users[user_id]
        return {
            "chat_member": {
                "chat": copy.deepcopy(self.chats[chat_id]),
                "from": copy.deepcopy(self.users[actor]),
                "date": self.now(),
                "old_chat_member": member_payload(user, old, is_member=old in ACTIVE_STATUSES),
                "new_chat_member": member_payload(user, new, is_member=is_member),
            }
        }

    def _service_message(
        self, chat_id: int, user_id: int, actor: int, status: str
    ) -> dict[str, Any]:
        chat = self.chats[chat_id]
        user = copy.deepcopy(self.users[user_id])
        key = "new_chat_members" if status in ACTIVE_STATUSES else "left_chat_member"
        return {
            "message_id": self.next_message_id(chat_id),
            "date": self.now(),
            "chat": copy.deepcopy(chat),
            "from": copy.deepcopy(self.users[actor]),
            key: [user] if key == "new_chat_members" else user,
        }


__all__ = ["BOTH", "Notice", "People"]
