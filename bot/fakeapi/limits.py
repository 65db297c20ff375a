"""Telegram's flood limits for bots, enforced the way a strict server would.

At most 30 messages in *any* rolling second for the bot and 20 in any rolling minute per group
(negative chat id): a request is refused with 429 when, counting it, a window ``(t - length,
t]`` ending at its arrival would hold more. Every method that sends, edits or pins a message
counts to both, from its arrival, whether or not it then succeeds. The server also keeps the
arrival time of every such request, refused ones included, so a test can ask how busy the
busiest second and minute were as the server saw them.

This is the server's own definition, written independently of the bot's rate limiter
(``bot/telegram/ratelimit.py``), so that a mistake in one is caught by the other.
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)

GLOBAL_LIMIT = 30  # messages per second across all chats
GLOBAL_WINDOW = 1.0
GROUP_LIMIT = 20  # messages per minute in one group
GROUP_WINDOW = 60.0

#: Methods that send, edit or pin a message: they count to the limits.
COUNTED_METHODS = frozenset(
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
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
        "editMessageMedia",
        "pinChatMessage",
        "unpinChatMessage",
    }
)


def busiest(times: Iterable[float], length: float) -> int:
    """The most of ``times`` (sorted) that fall in one window ``(t - length, t]``."""
    window: deque[float] = deque()
    most = 0
    for at in times:
        window.append(at)
        while window[0] + length <= at:
            window.popleft()
        most = max(most, len(window))
    return most


class FloodLimiter:
    """Counts sends per rolling window and tells how long to wait when a window is full."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self._global: deque[float] = deque()
        self._groups: dict[int, deque[float]] = {}
        self.arrivals: list[tuple[float, int | None]] = []
        """(time, group or None) of every counted request, admitted or refused."""
        self.refused = 0
        """How many requests were answered with 429."""

    @staticmethod
    def _prune(window: deque[float], now: float, length: float) -> None:
        while window and window[0] + length <= now:
            window.popleft()

    def admit(self, method: str, chat_id: int | None) -> int | None:
        """Count a request as it arrives: ``None`` if it may proceed, else retry_after."""
        if method not in COUNTED_METHODS:
            return None
        now = self.now()
        group = chat_id if chat_id is not None and chat_id < 0 else None
        self.arrivals.append((now, group))
        self._prune(self._global, now, GLOBAL_WINDOW)
        waits: list[float] = []
        if len(self._global) >= GLOBAL_LIMIT:
            waits.append(self._global[-GLOBAL_LIMIT] + GLOBAL_WINDOW - now)
        window = self._groups.setdefault(group, deque()) if group is not None else None
        if window is not None:
            self._prune(window, now, GROUP_WINDOW)
            if len(window) >= GROUP_LIMIT:
                waits.append(window[-GROUP_LIMIT] + GROUP_WINDOW - now)
        if waits:
            self.refused += 1
            retry_after = max(1, math.ceil(max(waits)))
            logger.debug("%s in %s refused: retry after %s", method, chat_id, retry_after)
            return retry_after
        self._global.append(now)
        if window is not None:
            window.append(now)
        return None

    def busiest_second(self) -> int:
        """The most counted requests that arrived within one rolling second."""
        return busiest((at for at, _ in self.arrivals), GLOBAL_WINDOW)

    def busiest_group_minute(self) -> int:
        """The most counted requests to one group that arrived within one rolling minute."""
        per_group: dict[int, list[float]] = defaultdict(list)
        for at, group in self.arrivals:
            if group is not None:
                per_group[group].append(at)
        return max((busiest(times, GROUP_WINDOW) for times in per_group.values()), default=0)
