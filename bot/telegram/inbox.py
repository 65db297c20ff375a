"""The durable inbox around python-telegram-bot's update queue.

Both the polling updater and the webhook server hand every update to
``application.update_queue.put`` *before* they confirm it to Telegram (polling confirms with
the next ``getUpdates`` offset, the webhook with its HTTP answer). :class:`DurableUpdateQueue`
writes the update to SQLite inside ``put``, so an update Telegram considers delivered is always
on disk; a re-delivered update is recognised by its ``update_id`` and dropped. When the
database cannot take the write (locked by another process, disk full), ``put`` retries with
back-off: nothing is confirmed that was not stored, and polling resumes when it can.

:class:`InboxProcessor` handles one chat's updates in order and different chats concurrently,
and marks each update done after its handlers. A handler that failed for a passing reason (the
database locked, Telegram unreachable) has its update handled again a little later: commands
are idempotent (``storage.origins``), so a second run never makes a second record. At stop,
updates not handled yet stay in the inbox for the next start; at start-up, :func:`replay`
queues them.

User text is cleaned at this door (:func:`cleaned`): what is stored and what every handler
sees is NFC text without control characters, noncharacters or lone surrogates.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor

from bot.domain.cleantext import clean, clean_with_entities, json_is_clean
from bot.runtime import Context, runtime_of
from storage import inbox
from storage.db import Database

logger = logging.getLogger(__name__)

DatabaseGetter = Callable[[], Database]
Clock = Callable[[], int]

STORE_BACKOFF = 0.5
MAX_STORE_BACKOFF = 30.0
MAX_RETRIES = 6
"""How often an update whose handler failed for a passing reason is handled again."""
RETRY_BACKOFF = 1.0
STOP_GRACE = 2.0
"""Seconds the updates being handled get to finish at stop before they are cancelled."""


async def with_backoff(what: str, write: Callable[[], Awaitable[Any]]) -> Any:
    """Run a database write until it succeeds, waiting longer after each failure."""
    delay = STORE_BACKOFF
    failures = 0
    while True:
        try:
            return await write()
        except sqlite3.Error as exc:
            failures += 1
            if failures == 1 or failures % 10 == 0:
                logger.warning(
                    "%s failed (%d time(s)); retrying in %.1f s: %s", what, failures, delay, exc
                )
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_STORE_BACKOFF)


_WRITTEN = (("text", "entities"), ("caption", "caption_entities"))
_NAMES = ("first_name", "last_name", "title")


def cleaned(data: Any) -> Any:
    """An update's JSON with every text, caption and name cleaned (entities moved with their
    text); ``data`` itself when nothing needed it."""
    if isinstance(data, list):
        items = [cleaned(item) for item in data]
        changed = any(new is not old for new, old in zip(items, data, strict=True))
        return items if changed else data
    if not isinstance(data, dict):
        return data
    result = {key: cleaned(value) for key, value in data.items()}
    for key, entities_key in _WRITTEN:
        if isinstance(data.get(key), str):
            text, entities = clean_with_entities(data[key], result.get(entities_key, ()))
            if text is not data[key]:
                result[key] = text
                if entities_key in data:
                    result[entities_key] = entities
    for key in _NAMES:
        if isinstance(data.get(key), str):
            result[key] = clean(data[key])
    changed = any(result[key] is not data[key] for key in data)
    return result if changed else data


def prepared(data: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """An update's JSON text as it is stored, and its cleaned JSON when cleaning changed it
    (a text with nothing to clean skips the walk over its strings)."""
    text = json.dumps(data, ensure_ascii=False)
    if json_is_clean(text):
        return text, None
    clean_data = cleaned(data)
    if clean_data is data:
        return text, None
    return json.dumps(clean_data, ensure_ascii=False), clean_data


class DurableUpdateQueue(asyncio.Queue[object]):
    """An update queue that stores each update in SQLite before accepting it.

    Polling stores a whole ``getUpdates`` answer in one durable transaction before
    python-telegram-bot reads it (:meth:`store_polled`, called by the poll request), from
    Telegram's own JSON; ``put`` then only drops re-deliveries. An update that arrives any
    other way (the webhook) is stored by ``put`` itself."""

    def __init__(self, database: DatabaseGetter, clock: Clock) -> None:
        super().__init__()
        self._database = database
        self._clock = clock
        self._polled: dict[int, tuple[bool, dict[str, Any] | None]] = {}
        """The last poll's updates: stored now (False: a re-delivery), and their cleaned JSON
        when cleaning changed it."""

    async def store_polled(self, payload: bytes) -> None:
        """Store every update of a ``getUpdates`` answer (one transaction, retried with back-off:
        polling goes on only once they are on disk). python-telegram-bot puts a poll's updates
        before it polls again, so the previous poll's are all taken by now."""
        self._polled.clear()
        try:
            result = json.loads(payload).get("result")
        except (ValueError, AttributeError):
            return  # not an answer python-telegram-bot will take either
        if not isinstance(result, list):
            return
        rows: list[tuple[int, str]] = []
        changed: dict[int, dict[str, Any]] = {}
        for data in result:
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                continue
            text, clean_data = prepared(data)
            if clean_data is not None:
                changed[data["update_id"]] = clean_data
            rows.append((data["update_id"], text))
        if not rows:
            return

        async def store() -> set[int]:
            return await inbox.store_many(self._database(), rows, self._clock())

        stored = await with_backoff(f"storing {len(rows)} update(s)", store)
        for update_id, _ in rows:
            self._polled[update_id] = (update_id in stored, changed.get(update_id))

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            polled = self._polled.pop(item.update_id, None)
            if polled is not None:
                new, clean_data = polled
            else:
                new, clean_data = await self._store(item)
            if not new:
                logger.info("update %s was delivered again; it is handled once", item.update_id)
                return
            if clean_data is not None:
                item = Update.de_json(clean_data, item.get_bot())
        await super().put(item)

    async def _store(self, update: Update) -> tuple[bool, dict[str, Any] | None]:
        """Store one update: whether it is new, and its cleaned JSON if cleaning changed it."""
        payload, clean_data = prepared(update.to_dict())

        async def store() -> bool:
            return await inbox.store(self._database(), update.update_id, payload, self._clock())

        return await with_backoff(f"storing update {update.update_id}", store), clean_data

    def drop_waiting(self) -> int:
        """At stop: forget the updates not taken yet (they are stored; the next start replays
        them). Returns how many."""
        dropped = 0
        while True:
            try:
                self.get_nowait()
            except asyncio.QueueEmpty:
                return dropped
            self.task_done()
            dropped += 1


class DoneMarks:
    """Marks handled updates done, many in one transaction (a group commit): a mark asked
    while a batch is being written goes into the next batch. :meth:`mark` returns once its
    mark is committed, so an update is never confirmed done before it is on disk."""

    def __init__(self, database: DatabaseGetter) -> None:
        self._database = database
        self._next: dict[int, int] = {}
        self._next_written: asyncio.Future[None] | None = None
        self._writer: asyncio.Task[None] | None = None

    async def mark(self, update_id: int, done_at: int) -> None:
        """Mark the update done; raises what the write of its batch raised."""
        self._next[update_id] = done_at
        if self._next_written is None:
            self._next_written = asyncio.get_running_loop().create_future()
        written = self._next_written
        if self._writer is None:
            self._writer = asyncio.create_task(self._write())
        await asyncio.shield(written)

    async def _write(self) -> None:
        try:
            while self._next_written is not None:
                batch, written = self._next, self._next_written
                self._next, self._next_written = {}, None
                try:
                    await inbox.mark_all_done(self._database(), batch)
                except Exception as exc:
                    written.set_exception(exc)
                else:
                    written.set_result(None)
        finally:
            self._writer = None

    async def stop(self) -> None:
        """Let the batch being written finish."""
        if self._writer is not None:
            await asyncio.wait({self._writer})


class InboxProcessor(BaseUpdateProcessor):
    """Marks updates done once handled; one chat's updates run in order, chats in parallel.

    python-telegram-bot's own semaphore is set wide open: an update first waits for its chat's
    turn and only then for one of this processor's slots, so a busy chat (a hundred units
    pressing one button) never holds the slots other chats need.
    """

    def __init__(
        self,
        database: DatabaseGetter,
        clock: Clock,
        queue: asyncio.Queue[object],
        max_concurrent: int = 16,
    ) -> None:
        super().__init__(max_concurrent_updates=4096)
        self._database = database
        self._clock = clock
        self._queue = queue
        self._slots = asyncio.Semaphore(max_concurrent)
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._failed: set[int] = set()
        self._retries: dict[int, int] = {}
        self._done = DoneMarks(database)

    def retry_later(self, update_id: int) -> bool:
        """Ask for the update to be handled again later (its handler failed for a passing
        reason); False when it was tried too often already."""
        if self._retries.get(update_id, 0) >= MAX_RETRIES:
            return False
        self._failed.add(update_id)
        return True

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        chat = update.effective_chat if isinstance(update, Update) else None
        chat_id = chat.id if chat else 0
        lock = self._chat_locks.setdefault(chat_id, asyncio.Lock())
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        started = False
        try:
            async with lock, self._slots:
                started = True
                await coroutine
            if isinstance(update, Update):
                await self._finish(update)
        finally:
            if not started and asyncio.iscoroutine(coroutine):
                coroutine.close()  # cancelled at stop before its turn: replayed next start
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id], self._chat_locks[chat_id]
            if task is not None:
                self._in_flight.discard(task)

    async def _finish(self, update: Update) -> None:
        update_id = update.update_id
        if update_id in self._failed:
            self._failed.discard(update_id)
            attempt = self._retries[update_id] = self._retries.get(update_id, 0) + 1
            delay = RETRY_BACKOFF * 2 ** (attempt - 1)
            logger.info(
                "update %s is handled again in %.0f s (attempt %d)", update_id, delay, attempt + 1
            )
            asyncio.get_running_loop().call_later(delay, self._requeue, update)
            return
        self._retries.pop(update_id, None)

        async def mark() -> None:
            await self._done.mark(update_id, self._clock())

        await with_backoff(f"marking update {update_id} handled", mark)

    def _requeue(self, update: Update) -> None:
        # Bypass the durable ``put``: the update is stored already.
        with contextlib.suppress(asyncio.QueueFull):
            asyncio.Queue.put_nowait(self._queue, update)

    async def stop(self) -> None:
        """Give the updates being handled a moment, then cancel the rest: what was not marked
        done is handled again at the next start."""
        pending = set(self._in_flight)
        if pending:
            _, still = await asyncio.wait(pending, timeout=STOP_GRACE)
            for task in still:
                task.cancel()
            if still:
                logger.info("%d update(s) being handled are left for the next start", len(still))
                await asyncio.wait(still)
        await self._done.stop()

    async def initialize(self) -> None:
        """Nothing to set up; the database belongs to the application."""

    async def shutdown(self) -> None:
        """Nothing to release."""


async def replay(db: Database, queue: asyncio.Queue[object], bot: Bot) -> int:
    """Queue the updates stored but not handled before the last stop; returns how many."""
    pending = await inbox.pending(db)
    for update_id, payload in pending:
        update = Update.de_json(json.loads(payload), bot)
        # Bypass the durable ``put``: these are stored already.
        await asyncio.Queue.put(queue, update)
        logger.info("replaying update %s stored before the last stop", update_id)
    return len(pending)


KEEP_HANDLED = timedelta(days=7)
"""How long a handled update's id is kept: Telegram re-delivers only for about a day."""


async def forget_handled(context: Context) -> None:
    """Daily job: drop the ids of updates handled more than :data:`KEEP_HANDLED` ago."""
    runtime = runtime_of(context)
    before = int((runtime.now() - KEEP_HANDLED).timestamp())
    removed = await inbox.forget_done_before(runtime.database, before)
    if removed:
        logger.info("forgot %d handled update(s)", removed)
