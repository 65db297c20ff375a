"""Firing reminders: each due reminder is advanced and its message claimed in one step."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import reminders as service
from bot.telegram.access import chat_locale
from bot.text.reminder_texts import fired
from storage import reminders
from storage.db import Database
from storage.reminders import Reminder


class ReminderSource:
    """Due reminders; a recurring one that missed several firings sends one message."""

    name = reminders.KIND

    async def next_due(self, db: Database) -> int | None:
        return await reminders.next_due_at(db)

    async def due(self, db: Database, now: int) -> Sequence[Due[Reminder]]:
        return [Due(reminder.id, reminder) for reminder in await reminders.due(db, now)]

    async def fire(self, runtime: Runtime, reminder: Reminder, now: datetime) -> None:
        lang, tz = await chat_locale(runtime, reminder.chat_id)
        plan = service.plan_firing(reminder, now, runtime.up_since)
        await service.claim_firing(
            runtime.database, reminder, plan, fired(reminder, plan, lang, tz), now
        )

    async def postpone(self, db: Database, reminder: Reminder, until: int | None) -> None:
        await reminders.postpone(db, reminder.id, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await reminders.stop_failed(db, ref_id)
