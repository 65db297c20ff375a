"""Following up announcements: units still missing are named and their members mentioned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import announcements as service
from bot.telegram.access import chat_locale
from bot.text.announcement_texts import followup
from storage import announcements
from storage.announcements import Announcement
from storage.db import Database


class FollowupSource:
    """The announcements' follow-ups (the first and the second working day after)."""

    name = announcements.FOLLOWUP_KIND

    async def next_due(self, db: Database) -> int | None:
        return await announcements.next_followup_at(db)

    async def due(self, db: Database, now: int) -> Sequence[Due[Announcement]]:
        return [Due(item.id, item) for item in await announcements.due_followups(db, now)]

    async def fire(self, runtime: Runtime, announcement: Announcement, now: datetime) -> None:
        plan = service.plan_followup(announcement, now, runtime.up_since)
        if plan is None:
            return
        db = runtime.database
        lang, tz = await chat_locale(runtime, announcement.group_id)
        missing = await announcements.missing_units(db, announcement.id)
        progress = await announcements.progress(db, announcement.id)
        message = followup(announcement, missing, progress, plan, lang, tz)
        await service.claim_followup(db, announcement, plan, message, now)

    async def postpone(self, db: Database, announcement: Announcement, until: int | None) -> None:
        await announcements.postpone_followup(db, announcement.id, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await announcements.postpone_followup(db, ref_id, None)
