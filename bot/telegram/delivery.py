"""The outbox: sending claimed firings, one chat's in order, chats concurrently.

A firing is claimed with its message (``storage.firings``); the :class:`Outbox` hands it to
Telegram and records the outcome, so that a scheduled message is never lost:

* Flood limits (429) and failures that certainly never reached Telegram (no connection, an
  HTTP 5xx) are retried by the rate limiter (``bot/telegram/ratelimit.py``), then by the
  outbox with back-off, without end. A firing counts as attempted only once its request has
  left the rate limiter (``SendOptions.on_attempt``): one still waiting there when the process
  dies is sent normally after the restart.
* A request whose outcome is unknown (a timeout after it left, a crash while it was under
  way) is sent once more, marked as a possible repeat; after :data:`MAX_UNKNOWN` such
  attempts the firing is recorded as uncertain.
* A chat that refuses the bot (403, chat not found) fails the firing and stops its source.
* A group that became a supergroup (``ChatMigrated``) is moved to its new id with everything
  it has, and the firing goes there.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError
from telegram.ext import ExtBot

from bot.runtime import Runtime
from bot.services import groups as groups_service
from bot.telegram.access import chat_locale
from bot.telegram.buttons import markup_of
from bot.telegram.inbox import with_backoff
from bot.telegram.ratelimit import SendOptions, never_carried_out
from bot.text.i18n import t
from bot.text.render import split_html
from storage import firings
from storage.firings import Firing

logger = logging.getLogger(__name__)

MAX_UNKNOWN = 3
"""Attempts whose outcome stayed unknown before a firing is given up as uncertain."""
RETRY_BACKOFF = timedelta(seconds=30)
MAX_RETRY_BACKOFF = timedelta(minutes=15)

Refused = Callable[[Firing], Awaitable[None]]


class Outbox:
    """Sends every unsent firing; :meth:`flush` returns when none is left to send now."""

    def __init__(self, runtime: Runtime, refused: Refused) -> None:
        self.runtime = runtime
        self._refused = refused
        self._bot: ExtBot[Any] | None = None
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._wire = asyncio.Semaphore(1)
        """Held by the one firing whose request is out (see :meth:`_attempt_hooks`)."""

    def start(self, bot: ExtBot[Any]) -> None:
        self._bot = bot

    async def close(self) -> None:
        """Stop sending (at shutdown): what is unsent stays in the outbox for the next start."""
        workers = list(self._workers.values())
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)

    async def kick(self) -> None:
        """Start sending what is due now, without waiting for it (claims still coming in)."""
        for chat_id in await firings.chats_to_send(self.runtime.database, self._epoch()):
            self._worker(chat_id)

    async def flush(self) -> None:
        """Send everything due now, each chat by one worker; raises what a worker raised."""
        while chats := await firings.chats_to_send(self.runtime.database, self._epoch()):
            results = await asyncio.gather(
                *(self._worker(chat_id) for chat_id in chats), return_exceptions=True
            )
            for result in results:
                if isinstance(result, BaseException):
                    raise result

    def _worker(self, chat_id: int) -> asyncio.Task[None]:
        worker = self._workers.get(chat_id)
        if worker is None or worker.done():
            worker = asyncio.create_task(self._drain(chat_id), name=f"rakor-outbox-{chat_id}")
            self._workers[chat_id] = worker
            worker.add_done_callback(lambda done: self._forget(chat_id, done))
        return worker

    def _forget(self, chat_id: int, worker: asyncio.Task[None]) -> None:
        if self._workers.get(chat_id) is worker:
            del self._workers[chat_id]

    async def _drain(self, chat_id: int) -> None:
        while firing := await firings.next_unsent(self.runtime.database, chat_id, self._epoch()):
            await self.send(firing)

    async def send(self, firing: Firing) -> None:
        """Hand one firing to Telegram and record what became of it."""
        db = self.runtime.database
        try:
            message = await self._deliver(firing)
        except ChatMigrated as exc:
            await groups_service.migrate(db, firing.chat_id, exc.new_chat_id, self._epoch())
            await firings.retry_later(db, firing.id, str(exc), self._epoch(), maybe_sent=False)
        except Forbidden as exc:
            await self._fail(firing, exc, refused=True)
        except BadRequest as exc:
            await self._fail(firing, exc, refused="chat not found" in str(exc).lower())
        except NetworkError as exc:
            await self._retry(firing, exc, maybe_sent=not never_carried_out(exc))
        else:
            await firings.set_message(db, firing.id, message.message_id)

    async def _deliver(self, firing: Firing) -> Message:
        """Send the firing's parts through the rate limiter (which waits out 429s and retries
        what never reached Telegram), each attempt recorded around its request."""
        if self._bot is None:
            raise RuntimeError("the outbox is started in post_init")
        text = firing.message.text
        if firing.repeat:
            lang, _ = await chat_locale(self.runtime, firing.chat_id)
            text += "\n\n" + t(lang, "delivery.possible_repeat")
        parts = split_html(text)
        markup = markup_of(firing.message.buttons)
        message: Message | None = None
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            message = await self._bot.send_message(
                firing.chat_id,
                part,
                reply_markup=markup if last else None,
                rate_limit_args=self._attempt_hooks(firing, last=last),
            )
        assert message is not None  # noqa: S101 - split_html returns at least one part
        return message

    def _attempt_hooks(self, firing: Firing, *, last: bool) -> SendOptions:
        """One firing on the wire at a time: as its request leaves the rate limiter it becomes
        ``sending``; when the answer is back it is ``sent`` (after its last part) before the
        next firing may leave, and a request certainly not carried out makes it ``pending``
        again. So a crash at any moment leaves at most one firing whose fate is unknown."""
        db = self.runtime.database

        async def on_attempt() -> None:
            await self._wire.acquire()
            try:
                await with_backoff(
                    f"recording firing {firing.id} under way",
                    lambda: firings.mark_attempted(db, firing.id, self._epoch()),
                )
            except BaseException:
                self._wire.release()
                raise

        async def after_attempt(error: BaseException | None) -> None:
            try:
                if error is None and last:
                    await with_backoff(
                        f"recording firing {firing.id} sent",
                        lambda: firings.mark_sent(db, firing.id, self._epoch()),
                    )
                elif isinstance(error, NetworkError) and never_carried_out(error):
                    await with_backoff(
                        f"recording firing {firing.id} not sent",
                        lambda: firings.mark_not_sent(db, firing.id),
                    )
            finally:
                self._wire.release()

        return SendOptions(on_attempt=on_attempt, after_attempt=after_attempt)

    async def _fail(self, firing: Firing, exc: Exception, *, refused: bool) -> None:
        logger.warning("firing %s to chat %s failed: %s", firing.id, firing.chat_id, exc)
        await firings.mark_failed(self.runtime.database, firing.id, str(exc), self._epoch())
        if refused:
            await self._refused(firing)

    async def _retry(self, firing: Firing, exc: Exception, *, maybe_sent: bool) -> None:
        db = self.runtime.database
        attempts = firing.attempts + 1
        if maybe_sent and attempts >= MAX_UNKNOWN:
            logger.error(
                "firing %s to chat %s: outcome unknown after %d attempts; not sent again: %s",
                firing.id,
                firing.chat_id,
                attempts,
                exc,
            )
            await firings.mark_uncertain(db, firing.id, str(exc), self._epoch())
            return
        delay = min(RETRY_BACKOFF * 2 ** (attempts - 1), MAX_RETRY_BACKOFF)
        logger.warning(
            "firing %s to chat %s %s (%s); sent again in %s",
            firing.id,
            firing.chat_id,
            "may or may not have arrived" if maybe_sent else "did not reach Telegram",
            exc,
            delay,
        )
        retry_at = self._epoch() + int(delay.total_seconds())
        await firings.retry_later(db, firing.id, str(exc), retry_at, maybe_sent=maybe_sent)

    def _epoch(self) -> int:
        return int(self.runtime.now().timestamp())
