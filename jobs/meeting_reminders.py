"""The two reminders of every meeting (the day before, naming the units that have not answered
and mentioning their members; and shortly before), each claimed in the transaction that
clears it from the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import Database, Outgoing, groups
from bot.services import meetings as service
from bot.services.meetings import Meeting
from bot.text import meeting_text


class MeetingReminderSource:
    """The day-before and hour-before reminders of every meeting."""

    name = service.KIND_REMINDER

    next_due = service.NEXT_REMINDER

    async def due(self, db: Database, now: int) -> Sequence[Due[Meeting]]:
        return [Due(meeting.id, meeting) for meeting in await service.reminders_due(db, now)]

    async def fire(self, runtime: Runtime, meeting: Meeting, now: datetime) -> None:
        db = runtime.database
        plan = service.plan_reminder(meeting, now, runtime.up_since)
        message = None
        if plan.scheduled_at is not None:
            lang, tz = await groups.locale(db, meeting.group_id, runtime.default_locale)
            so_far = await service.attendance(db, meeting)
            text = meeting_text.reminder(
                meeting,
                await service.agenda_of(db, meeting.id),
                so_far.answers,
                so_far.units,
                day_before=plan.day_before,
                late_since=plan.scheduled_at if plan.late else None,
                tz=tz,
                lang=lang,
                silent=await service.silent_units(db, so_far.units) if plan.day_before else (),
            )
            message = Outgoing(text)
        await service.claim_reminder(db, meeting, plan, message, now)

    async def postpone(self, db: Database, meeting: Meeting, until: int | None) -> None:
        await service.postpone_reminders(db, meeting, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await service.drop_reminders(db, ref_id)
