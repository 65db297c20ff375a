"""The two reminders of every meeting (the day before, and shortly before), fired through the
shared firing log: each is claimed in the transaction that clears it from the meeting."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram.ext import Application

from bot.runtime import runtime_of
from bot.services import meetings as service
from bot.telegram.access import chat_locale
from bot.telegram.delivery import deliver
from bot.text import meeting_text
from storage import agenda, meetings, rsvps
from storage.db import Database

App = Application[Any, Any, Any, Any, Any, Any]


class MeetingReminderSource:
    """The day-before and hour-before reminders of every meeting."""

    name = "meeting reminders"

    async def next_due(self, db: Database) -> int | None:
        return await meetings.next_reminder_at(db)

    async def run_due(self, app: App, now: datetime) -> None:
        runtime = runtime_of(app)
        db = runtime.database
        for meeting in await meetings.reminders_due(db, int(now.timestamp())):
            plan = service.plan_reminder(meeting, now)
            firing_id = await meetings.claim_reminder(
                db,
                meeting,
                scheduled_at=plan.scheduled_at,
                late=plan.late,
                now=int(now.timestamp()),
            )
            if firing_id is None or plan.scheduled_at is None:
                continue
            lang, tz = await chat_locale(runtime, meeting.group_id)
            text = meeting_text.reminder(
                meeting,
                await agenda.for_meeting(db, meeting.id),
                await rsvps.for_meeting(db, meeting.id),
                await rsvps.attendance(db, meeting.group_id, meeting.id),
                day_before=plan.day_before,
                late_since=plan.scheduled_at if plan.late else None,
                tz=tz,
                lang=lang,
            )
            await deliver(app.bot, runtime, firing_id, meeting.group_id, text)
