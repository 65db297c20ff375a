"""The durable inbox around python-telegram-bot's update queue.

Both the polling updater and the webhook server hand every update to
``application.update_queue.put`` *before* they confirm it to Telegram (polling confirms with
the next ``getUpdates`` offset, the webhook with its HTTP answer). :class:`DurableUpdateQueue`
writes the update to SQLite inside ``put``, so an update Telegram considers delivered is always
on disk; a re-delivered update is recognised by its ``update_id`` and dropped.
:class:`InboxProcessor` marks an update done after its handlers finished, keeping each chat's
updates in order while different chats proceed concurrently. At start-up, :func:`replay`
queues what was stored but not handled before a crash.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor, CallbackContext

from bot.runtime import runtime_of
from storage import inbox
from storage.db import Database

logger = logging.getLogger(__name__)

DatabaseGetter = Callable[[], Database]
Clock = Callable[[], int]


class DurableUpdateQueue(asyncio.Queue[object]):
    """An update queue that stores each update in SQLite before accepting it."""

    def __init__(self, database: DatabaseGetter, clock: Clock) -> None:
        super().__init__()
        self._database = database
        self._clock = clock

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            payload = json.dumps(item.to_dict(), ensure_ascii=False)
            if not await inbox.store(self._database(), item.update_id, payload, self._clock()):
                logger.info("update %s was delivered again; it is handled once", item.update_id)
                return
        await super().put(item)


class InboxProcessor(BaseUpdateProcessor):
    """Marks updates done once handled; one chat's updates run in order, chats in parallel."""

    def __init__(self, database: DatabaseGetter, clock: Clock, max_concurrent: int = 16) -> None:
        super().__init__(max_concurrent_updates=max_concurrent)
        self._database = database
        self._clock = clock
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's turn first and only then for a free slot, so a busy chat (a
        hundred units pressing one button) never holds the slots other chats need."""
        chat = update.effective_chat if isinstance(update, Update) else None
        chat_id = chat.id if chat else 0
        lock = self._chat_locks.setdefault(chat_id, asyncio.Lock())
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        try:
            async with lock:
                await super().process_update(update, coroutine)
        finally:
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id], self._chat_locks[chat_id]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine
        if isinstance(update, Update):
            await inbox.mark_done(self._database(), update.update_id, self._clock())

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


async def forget_handled(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Daily job: drop the ids of updates handled more than :data:`KEEP_HANDLED` ago."""
    runtime = runtime_of(context)
    before = int((runtime.now() - KEEP_HANDLED).timestamp())
    removed = await inbox.forget_done_before(runtime.database, before)
    if removed:
        logger.info("forgot %d handled update(s)", removed)
