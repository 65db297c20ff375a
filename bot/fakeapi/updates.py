"""The update queue: ordered updates that stay deliverable until a getUpdates offset confirms
them, so a bot that dies before confirming gets them again."""

from __future__ import annotations

import asyncio
import copy
import logging
from typing import Any

logger = logging.getLogger(__name__)

#: Update types delivered when the bot did not ask for specific ones (Telegram's default).
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)


class UpdateQueue:
    """Pending updates ordered by update_id, plus the wake-up signal for long-polls."""

    def __init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self.confirmed_offset = 0
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self._wakeup = asyncio.Event()

    def _notify(self) -> None:
        """Wake long-polls and ``wait_for`` callers: something changed."""
        self._wakeup.set()
        self._wakeup = asyncio.Event()

    def add_update(self, update: dict[str, Any]) -> int:
        """Enqueue a raw update (an ``update_id`` is assigned); returns its update_id.

        Adding an update that is already queued (same ``update_id``) does nothing.
        """
        existing = update.get("update_id")
        if existing is not None and any(u["update_id"] == existing for u in self._updates):
            return int(existing)
        if existing is None or existing < self._next_update_id:
            update["update_id"] = self._next_update_id
        self._next_update_id = update["update_id"] + 1
        self._updates.append(update)
        self._notify()
        return int(update["update_id"])

    @property
    def pending_update_ids(self) -> list[int]:
        """Ids of updates not yet confirmed by the bot."""
        return [u["update_id"] for u in self._updates]

    def confirm(self, offset: int) -> None:
        """Forget updates below ``offset`` (a getUpdates offset confirms them)."""
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self.confirmed_offset = max(self.confirmed_offset, offset)
        elif offset < 0:
            self._updates = self._updates[offset:]

    def drop_pending_updates(self) -> None:
        if self._updates:
            self.confirmed_offset = max(self.confirmed_offset, self._updates[-1]["update_id"] + 1)
        self._updates = []

    def deliverable(self, limit: int) -> list[dict[str, Any]]:
        result = []
        for update in self._updates:
            kinds = set(update) - {"update_id"}
            if kinds & self.allowed_updates:
                result.append(copy.deepcopy(update))
                if len(result) >= limit:
                    break
        return result
