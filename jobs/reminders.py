"""Firing reminders: each due reminder is advanced and its message claimed in one step."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import Database, groups
from bot.services import reminders as service
from bot.services.reminders import Reminder
from bot.text.reminder_texts import fired


class ReminderSource:
    """Due reminders; a recurring one that missed several firings sends one message."""

    name = service.KIND

    next_due = service.NEXT_DUE

    async def due(self, db: Database, now: int) -> Sequence[Due[Reminder]]:
        return [Due(reminder.id, reminder) for reminder in await service.due(db, now)]

    async def fire(self, runtime: Runtime, reminder: Reminder, now: datetime) -> None:
        db = runtime.database
        lang, tz = await groups.locale(db, reminder.chat_id, runtime.default_locale)
        plan = service.plan_firing(reminder, now, runtime.up_since)
        await service.claim_firing(db, reminder, plan, fired(reminder, plan, lang, tz), now)

    async def postpone(self, db: Database, reminder: Reminder, until: int | None) -> None:
        await service.postpone(db, reminder, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await service.stop(db, ref_id)
