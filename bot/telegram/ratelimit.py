"""Every Bot API request passes here: flood limits kept with a margin, safe failures retried.

python-telegram-bot hands each request of ``ExtBot`` (except ``getUpdates``) to its rate
limiter. :class:`RateLimiter` implements ``BaseRateLimiter`` itself instead of extending
``AIORateLimiter``, whose buckets (aiolimiter's leaky bucket) let a full bucket and what
drained meanwhile through in the same second — Telegram counts rolling windows, and a strict
server answers that with 429s — and whose 429 handling stops the whole bot for any chat.

What it does with a request:

1. **Waits its turn.** Messages sent, edited or pinned wait until the rolling windows of
   :mod:`bot.telegram.flood` have room (``Settings``: by default 29 in any second for the
   bot, 19 in any minute per group); other requests (callback answers, lookups) never wait
   for them. Waiting requests leave in the order they came, except that one whose group
   window is full does not hold back the others. A request counts from the moment it leaves
   (not while it waits) until a window after its answer, so no network delay makes Telegram
   see more.
2. **Tells the caller it leaves, and how it came back.**
   ``rate_limit_args=SendOptions(on_attempt=…, after_attempt=…)`` on any ``ExtBot`` method:
   ``on_attempt`` is awaited after all waiting, right before each attempt's HTTP call;
   ``after_attempt`` when that attempt is over, with its error (None when it was answered).
3. **Waits out a 429 for everyone concerned.** ``retry_after`` pauses every request to that
   group (or, for a private chat or a request without a chat, to every chat: only the
   bot-wide limit can explain it), and the refused request is sent again, first in line, as
   often as Telegram asks.
4. **Retries what certainly was not carried out:** a 5xx answer (:class:`ServerError`, raised
   by :class:`TelegramRequest`) and a connection that was never made (aiohttp's
   ``ClientConnectorError`` and ``ConnectionTimeoutError``: refused, unreachable, no free
   connection in time), after the delays in ``retry_delays``. Anything else —
   a timeout or a dropped connection after the request was written, whose outcome is unknown,
   or a 400/403 — goes to the caller unchanged. (``BaseRateLimiter`` suggests leaving every
   error but 429 to the caller; this is the one place every request passes through, so the
   retries are here rather than around each call.)

Cancelling a waiting request gives its place (and any slot reserved for it) back.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus
from typing import Any

import aiohttp
from telegram.error import NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

from bot.telegram.flood import Chat, FloodLimits, SendWindows, is_group
from bot.telegram.transport import AiohttpRequest

logger = logging.getLogger(__name__)

RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0, 16.0)
"""Seconds before each retry of a request that was not carried out: six attempts over 31 s."""

SWEEP_SECONDS = 60.0
"""How often the windows of quiet groups are forgotten."""

#: Methods that do not send a message although their names say so.
_NOT_MESSAGES = frozenset({"sendChatAction"})
_MESSAGE_PREFIXES = ("send", "edit", "copy", "forward")
_MESSAGE_METHODS = frozenset({"pinChatMessage", "unpinChatMessage", "unpinAllChatMessages"})

JSONDict = dict[str, Any]
Callback = Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]]


@dataclass(frozen=True, slots=True)
class SendOptions:
    """``rate_limit_args`` of one request (any ``ExtBot`` method accepts them)."""

    on_attempt: Callable[[], Awaitable[None]] | None = None
    """Awaited right before each attempt leaves, after all waiting. If it raises (or the
    request is cancelled while it runs), nothing is sent and the error propagates."""
    after_attempt: Callable[[BaseException | None], Awaitable[None]] | None = None
    """Awaited when an attempt that ``on_attempt`` let go is over: with None when Telegram
    answered, else with the error (also a cancellation), before it is retried or raised."""


class ServerError(NetworkError):
    """Telegram answered with a 5xx status: it did not carry the request out."""

    __slots__ = ("status",)

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class TelegramRequest(AiohttpRequest):
    """The Bot API transport (:mod:`bot.telegram.transport`), raising :class:`ServerError` for a
    5xx answer.

    PTB itself turns a 5xx into a plain ``NetworkError`` with the status only in its text; its
    ``_request_wrapper`` passes a ``TelegramError`` from ``do_request`` on unchanged.
    """

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, payload = await super().do_request(*args, **kwargs)
        if status >= HTTPStatus.INTERNAL_SERVER_ERROR:
            raise ServerError(status, _describe(status, payload))
        return status, payload


def _describe(status: int, payload: bytes) -> str:
    try:
        description = json.loads(payload).get("description")
    except (ValueError, AttributeError):
        description = None
    if not description:
        try:
            description = HTTPStatus(status).phrase
        except ValueError:
            description = "Server error"
    return f"{description} ({status})"


def counts(endpoint: str) -> bool:
    """Whether a Bot API method sends, edits or pins a message (and so counts to the limits)."""
    if endpoint in _MESSAGE_METHODS:
        return True
    return endpoint.startswith(_MESSAGE_PREFIXES) and endpoint not in _NOT_MESSAGES


def chat_of(data: dict[str, Any]) -> Chat | None:
    """The chat a request goes to, as one key whether PTB got it as ``-100…`` or ``"-100…"``."""
    chat = data.get("chat_id")
    if chat is None or isinstance(chat, int):
        return chat
    text = str(chat)
    try:
        return int(text)
    except ValueError:
        return text


def never_carried_out(error: NetworkError) -> bool:
    """Whether the request certainly had no effect, so sending it again is safe."""
    if isinstance(error, ServerError):
        return True
    return isinstance(
        error.__cause__, (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
    )


def _seconds(delay: timedelta | float) -> float:
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


@dataclass(eq=False)
class _Ticket:
    """A request waiting for its turn; ``order`` keeps its place across retries."""

    order: int
    chat: Chat | None
    counted: bool
    future: asyncio.Future[None]


class RateLimiter(BaseRateLimiter[SendOptions]):
    """Rolling-window flood limits, 429 pauses per chat, retries of requests never carried out.

    ``limits=None`` keeps no windows (for a server without limits, such as the sandbox's) but
    keeps everything else.
    """

    def __init__(
        self,
        limits: FloodLimits | None,
        *,
        retry_delays: Sequence[float] = RETRY_DELAYS,
    ) -> None:
        self.windows = SendWindows(limits)
        self.retry_delays = tuple(retry_delays)
        self._order = itertools.count()
        self._waiting: list[_Ticket] = []
        self._pump_handle: asyncio.Handle | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._blocked_by_reservations = False
        self._next_sweep = float("-inf")

    async def initialize(self) -> None:
        """Nothing to set up: the windows start empty."""

    async def shutdown(self) -> None:
        """Stop the timers; a request still waiting is cancelled rather than left hanging."""
        for handle in (self._pump_handle, self._timer):
            if handle is not None:
                handle.cancel()
        self._pump_handle = self._timer = None
        for ticket in self._waiting:
            ticket.future.cancel()
        self._waiting.clear()

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: SendOptions | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat = chat_of(data)
        counted = counts(endpoint)
        options = rate_limit_args or SendOptions()
        order = next(self._order)
        failures = 0
        while True:
            loop = asyncio.get_running_loop()
            await self._admit(_Ticket(order, chat, counted, loop.create_future()))
            try:
                return await self._attempt(chat, counted, options, callback, args, kwargs)
            except RetryAfter as error:
                self._pause(chat, endpoint, _seconds(error.retry_after))
            except NetworkError as error:
                if not never_carried_out(error) or failures >= len(self.retry_delays):
                    raise
                delay = self.retry_delays[failures]
                failures += 1
                logger.warning(
                    "%s to %s not carried out (%s); attempt %d in %.1f s",
                    endpoint,
                    chat,
                    error,
                    failures + 1,
                    delay,
                )
                await asyncio.sleep(delay)

    # ------------------------------------------------------------------ waiting
    async def _admit(self, ticket: _Ticket) -> None:
        """Return once the ticket may leave, with its slots reserved if it counts."""
        now = asyncio.get_running_loop().time()
        self._sweep(now)
        if not self._waiting:
            ready = self.windows.ready_at(ticket.chat, ticket.counted, now)
            if ready is not None and ready <= now:
                self._grant(ticket)
                return
        bisect.insort(self._waiting, ticket, key=lambda waiting: waiting.order)
        self._wake()
        try:
            await ticket.future
        except asyncio.CancelledError:
            if ticket.future.done() and not ticket.future.cancelled():
                self._give_back(ticket.chat, ticket.counted)  # admitted as it was cancelled
            elif ticket in self._waiting:
                self._waiting.remove(ticket)
            raise

    async def _attempt(
        self,
        chat: Chat | None,
        counted: bool,
        options: SendOptions,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
    ) -> bool | JSONDict | list[JSONDict]:
        """Run the attempt hooks around the send, and date the reserved slots when the answer
        is back."""
        try:
            if options.on_attempt is not None:
                await options.on_attempt()
        except BaseException:
            self._give_back(chat, counted)
            raise
        error: BaseException | None = None
        try:
            return await callback(*args, **kwargs)
        except BaseException as exc:
            error = exc
            raise
        finally:
            if counted:
                self.windows.stamp(chat, asyncio.get_running_loop().time())
                if self._blocked_by_reservations:
                    self._wake()
            if options.after_attempt is not None:
                await options.after_attempt(error)

    def _grant(self, ticket: _Ticket) -> None:
        if ticket.counted:
            self.windows.reserve(ticket.chat)
        ticket.future.set_result(None)

    def _give_back(self, chat: Chat | None, counted: bool) -> None:
        if counted:
            self.windows.release(chat)
            self._wake()

    def _pause(self, chat: Chat | None, endpoint: str, seconds: float) -> None:
        scope = chat if chat is not None and is_group(chat) else None
        logger.warning(
            "429 on %s to %s: %s wait %.0f s",
            endpoint,
            chat,
            "all requests" if scope is None else "its requests",
            seconds,
        )
        self.windows.pause(scope, asyncio.get_running_loop().time() + seconds)

    def _wake(self) -> None:
        """Let the waiting requests through that may go now (soon, once per loop turn)."""
        if self._pump_handle is None:
            self._pump_handle = asyncio.get_running_loop().call_soon(self._pump)

    def _pump(self) -> None:
        """Admit, in order, every waiting request that may leave; sleep until the next one."""
        self._pump_handle = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        loop = asyncio.get_running_loop()
        now = loop.time()
        earliest: float | None = None
        blocked = False
        still: list[_Ticket] = []
        for ticket in self._waiting:
            if ticket.future.done():
                continue
            ready = self.windows.ready_at(ticket.chat, ticket.counted, now)
            if ready is not None and ready <= now:
                self._grant(ticket)
                continue
            still.append(ticket)
            if ready is None:
                blocked = True
            elif earliest is None or ready < earliest:
                earliest = ready
        self._waiting = still
        self._blocked_by_reservations = blocked
        if earliest is not None:
            self._timer = loop.call_at(earliest, self._pump)

    def _sweep(self, now: float) -> None:
        if now >= self._next_sweep:
            self.windows.forget_idle(now)
            self._next_sweep = now + SWEEP_SECONDS
