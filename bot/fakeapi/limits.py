"""Telegram's flood limits for bots, as sliding windows over a monotonic clock."""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable

logger = logging.getLogger(__name__)

GLOBAL_LIMIT = 30  # messages per second across all chats
GLOBAL_WINDOW = 1.0
GROUP_LIMIT = 20  # messages per minute in one group
GROUP_WINDOW = 60.0

#: Methods that send a new message (count to both limits).
SEND_METHODS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "sendAudio",
        "sendVideo",
        "sendVoice",
        "sendAnimation",
        "sendSticker",
        "sendLocation",
        "sendContact",
        "sendPoll",
        "sendMediaGroup",
        "copyMessage",
        "forwardMessage",
    }
)
#: Methods that edit a message (count to the per-group limit only).
EDIT_METHODS = frozenset(
    {"editMessageText", "editMessageCaption", "editMessageReplyMarkup", "editMessageMedia"}
)


class FloodLimiter:
    """Counts sends per window and tells how long to wait when a window is full."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self._global: deque[float] = deque()
        self._groups: dict[int, deque[float]] = {}

    @staticmethod
    def _prune(window: deque[float], now: float, length: float) -> None:
        while window and window[0] <= now - length:
            window.popleft()

    def _counts(self, method: str, chat_id: int | None) -> tuple[bool, bool]:
        """(counts to the global limit, counts to the group limit) for this call."""
        is_group = chat_id is not None and chat_id < 0
        if method in SEND_METHODS:
            return True, is_group
        return False, is_group and method in EDIT_METHODS

    def check(self, method: str, chat_id: int | None) -> int | None:
        """``None`` if the call may proceed, else the seconds to wait (retry_after)."""
        counts_global, counts_group = self._counts(method, chat_id)
        if not counts_global and not counts_group:
            return None
        now = self.now()
        waits: list[float] = []
        if counts_global:
            self._prune(self._global, now, GLOBAL_WINDOW)
            if len(self._global) >= GLOBAL_LIMIT:
                waits.append(self._global[-GLOBAL_LIMIT] + GLOBAL_WINDOW - now)
        if counts_group and chat_id is not None:
            group = self._groups.setdefault(chat_id, deque())
            self._prune(group, now, GROUP_WINDOW)
            if len(group) >= GROUP_LIMIT:
                waits.append(group[-GROUP_LIMIT] + GROUP_WINDOW - now)
        if not waits:
            return None
        retry_after = max(1, math.ceil(max(waits)))
        logger.debug("flood limit hit by %s in %s: retry after %s", method, chat_id, retry_after)
        return retry_after

    def record(self, method: str, chat_id: int | None) -> None:
        """Count a successful call in its windows."""
        counts_global, counts_group = self._counts(method, chat_id)
        now = self.now()
        if counts_global:
            self._global.append(now)
        if counts_group and chat_id is not None:
            self._groups.setdefault(chat_id, deque()).append(now)

    def reset(self) -> None:
        """Forget every recorded send."""
        self._global.clear()
        self._groups.clear()
