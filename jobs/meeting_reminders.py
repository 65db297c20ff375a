"""The two reminders of every meeting (the day before, and shortly before), each claimed in
the transaction that clears it from the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import meetings as service
from bot.telegram.access import chat_locale
from bot.text import meeting_text
from storage import agenda, meetings, rsvps
from storage.db import Database
from storage.firings import Outgoing
from storage.meetings import Meeting


class MeetingReminderSource:
    """The day-before and hour-before reminders of every meeting."""

    name = meetings.KIND_REMINDER

    async def next_due(self, db: Database) -> int | None:
        return await meetings.next_reminder_at(db)

    async def due(self, db: Database, now: int) -> Sequence[Due[Meeting]]:
        return [Due(meeting.id, meeting) for meeting in await meetings.reminders_due(db, now)]

    async def fire(self, runtime: Runtime, meeting: Meeting, now: datetime) -> None:
        db = runtime.database
        plan = service.plan_reminder(meeting, now, runtime.up_since)
        message = None
        if plan.scheduled_at is not None:
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
            message = Outgoing(text)
        await meetings.claim_reminder(
            db,
            meeting,
            scheduled_at=plan.scheduled_at,
            late=plan.late,
            message=message,
            now=int(now.timestamp()),
        )

    async def postpone(self, db: Database, meeting: Meeting, until: int | None) -> None:
        await meetings.postpone_reminders(db, meeting, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await meetings.drop_reminders(db, ref_id)
