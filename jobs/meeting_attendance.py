"""The daftar hadir of every meeting, posted at its start time (unless ``/rapat mulai`` opened
it earlier), claimed in the transaction that marks the meeting opened."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import Database, groups
from bot.services import room as service
from bot.services.meetings import Meeting
from bot.text.attendance_text import list_post


class AttendanceListSource:
    """The daftar hadir at each meeting's start time."""

    name = service.KIND_LIST

    next_due = service.NEXT_LIST

    async def due(self, db: Database, now: int) -> Sequence[Due[Meeting]]:
        return [Due(meeting.id, meeting) for meeting in await service.lists_due(db, now)]

    async def fire(self, runtime: Runtime, meeting: Meeting, now: datetime) -> None:
        db = runtime.database
        late = service.list_is_late(meeting, now, runtime.up_since)
        message = None
        if late is not None:
            lang, tz = await groups.locale(db, meeting.group_id, runtime.default_locale)
            records = await service.records(db, meeting)
            message = list_post(meeting, records, tz=tz, lang=lang)
        await service.claim_list(db, meeting, late, message, now)

    async def postpone(self, db: Database, meeting: Meeting, until: int | None) -> None:
        await service.postpone_list(db, meeting, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await service.drop_list(db, ref_id)
