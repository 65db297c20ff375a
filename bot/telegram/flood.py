"""Telegram's flood limits as rolling windows: when may the next message leave?

Pure arithmetic over a monotonic clock passed in as ``now``; the waiting is done by
:mod:`bot.telegram.ratelimit`. A rolling window of ``limit`` per ``length`` seconds admits a
request at ``now`` when fewer than ``limit`` are counted in ``(now - length, now]`` — any
interval of that length, not fixed buckets.

A request takes its slot when it leaves (``reserve``), not while it waits, and keeps it until
a window after its answer came back (``stamp`` dates it then). Telegram counts a request at
some moment between those two, so however late it arrives, however long it is processed,
the server never sees more than ``limit`` in any window: no margin has to be spent on network
delays (sending in bursts and dating each request when it left let a strict server see up to
40 in one second from a limit of 28 in ``bench/reminders.py``, where the bot and the fake
share one busy event loop).

Private chats (positive ids) count only to the bot-wide window; groups, supergroups and
channels (negative ids, ``@username``) also to their own window. A pause (after a 429) holds
back every request of one chat, or of the whole bot, until a given time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

Chat = int | str
"""A chat as Telegram names it in ``chat_id``: its id, or ``@username`` for public ones."""


@dataclass(frozen=True, slots=True)
class FloodLimits:
    """How many messages may be counted per rolling window (Telegram allows 30 and 20)."""

    per_second: int
    per_group_minute: int
    second: float = 1.0
    minute: float = 60.0


def is_group(chat: Chat) -> bool:
    """Groups, supergroups and channels have negative ids (or a public ``@username``)."""
    return isinstance(chat, str) or chat < 0


class Window:
    """One rolling window: when the counted requests were answered, oldest first, and how many
    slots are taken by requests still under way (they count as if just answered)."""

    __slots__ = ("length", "limit", "reserved", "times")

    def __init__(self, limit: int, length: float) -> None:
        self.limit = limit
        self.length = length
        self.times: deque[float] = deque()
        self.reserved = 0

    def _prune(self, now: float) -> None:
        while self.times and self.times[0] + self.length <= now:
            self.times.popleft()

    def free_at(self, now: float) -> float | None:
        """The earliest time from ``now`` on when one more send fits.

        ``None`` when requests under way fill the window: it frees once one is answered.
        """
        self._prune(now)
        excess = len(self.times) + self.reserved - self.limit
        if excess < 0:
            return now
        if excess >= len(self.times):
            return None
        return self.times[excess] + self.length

    def reserve(self) -> None:
        self.reserved += 1

    def stamp(self, at: float) -> None:
        """A reserved slot's request was answered (or given up on) at ``at``.

        Dates never go back: ``at`` earlier than the last one dated is counted as that one.
        """
        self.reserved -= 1
        self.times.append(max(at, self.times[-1]) if self.times else at)

    def release(self) -> None:
        """A reserved slot's request never left."""
        self.reserved -= 1

    def idle(self, now: float) -> bool:
        self._prune(now)
        return not self.times and not self.reserved


class SendWindows:
    """The bot-wide window, one window per group, and the pauses a 429 imposed.

    ``limits=None`` keeps no windows (nothing waits for them) but still honours pauses.
    """

    def __init__(self, limits: FloodLimits | None) -> None:
        self.limits = limits
        self._bot = Window(limits.per_second, limits.second) if limits else None
        self._groups: dict[Chat, Window] = {}
        self._paused_until = float("-inf")
        self._chat_paused_until: dict[Chat, float] = {}

    def ready_at(self, chat: Chat | None, counted: bool, now: float) -> float | None:
        """When a request to ``chat`` may leave (``now`` if at once).

        ``counted`` requests (messages sent, edited, pinned) wait for the windows; every
        request waits out a pause of its chat or of the bot. ``None``: not before one of the
        requests under way is answered or given back.
        """
        times = [now, self._paused_until]
        if chat is not None:
            times.append(self._chat_paused_until.get(chat, now))
        if counted and self._bot is not None:
            windows = [self._bot]
            group = self._group(chat, create=False)
            if group is not None:
                windows.append(group)
            for window in windows:
                free = window.free_at(now)
                if free is None:
                    return None
                times.append(free)
        return max(times)

    def reserve(self, chat: Chat | None) -> None:
        """Take a slot in every window the request counts to (when ``ready_at`` is now)."""
        for window in self._windows(chat):
            window.reserve()

    def stamp(self, chat: Chat | None, at: float) -> None:
        for window in self._windows(chat):
            window.stamp(at)

    def release(self, chat: Chat | None) -> None:
        for window in self._windows(chat):
            window.release()

    def pause(self, chat: Chat | None, until: float) -> None:
        """Hold back every request of ``chat`` (of the whole bot when ``None``) until ``until``."""
        if chat is None:
            self._paused_until = max(self._paused_until, until)
        else:
            self._chat_paused_until[chat] = max(self._chat_paused_until.get(chat, until), until)

    def sent_before(self, sends: Iterable[tuple[Chat, float]]) -> None:
        """Count messages a previous process sent (``chat``, when on this loop's clock, oldest
        first) as answered then: a bot restarted within a second of its last burst does not
        send a second's worth more on top of it."""
        for chat, at in sends:
            for window in (self._bot, self._group(chat, create=True)):
                if window is not None:
                    window.reserve()
                    window.stamp(at)

    def forget_idle(self, now: float) -> None:
        """Drop the windows and pauses of groups that have nothing left in them."""
        for chat in [chat for chat, window in self._groups.items() if window.idle(now)]:
            del self._groups[chat]
        for chat in [chat for chat, until in self._chat_paused_until.items() if until <= now]:
            del self._chat_paused_until[chat]

    def _windows(self, chat: Chat | None) -> list[Window]:
        if self._bot is None:
            return []
        group = self._group(chat, create=True)
        return [self._bot] if group is None else [self._bot, group]

    def _group(self, chat: Chat | None, *, create: bool) -> Window | None:
        if self.limits is None or chat is None or not is_group(chat):
            return None
        window = self._groups.get(chat)
        if window is None and create:
            window = self._groups[chat] = Window(self.limits.per_group_minute, self.limits.minute)
        return window
