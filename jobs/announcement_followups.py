"""Following up announcements: units still missing are named and their members mentioned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import Database, groups
from bot.services import announcements as service
from bot.services.announcements import Announcement
from bot.text.announcement_texts import followup


class FollowupSource:
    """The announcements' follow-ups (the first and the second working day after)."""

    name = service.FOLLOWUP_KIND

    next_due = service.NEXT_FOLLOWUP

    async def due(self, db: Database, now: int) -> Sequence[Due[Announcement]]:
        return [Due(item.id, item) for item in await service.due_followups(db, now)]

    async def fire(self, runtime: Runtime, announcement: Announcement, now: datetime) -> None:
        plan = service.plan_followup(announcement, now, runtime.up_since)
        if plan is None:
            return
        db = runtime.database
        lang, tz = await groups.locale(db, announcement.group_id, runtime.default_locale)
        missing = await service.missing_units(db, announcement)
        progress = await service.progress(db, announcement)
        message = followup(announcement, missing, progress, plan, lang, tz)
        await service.claim_followup(db, announcement, plan, message, now)

    async def postpone(self, db: Database, announcement: Announcement, until: int | None) -> None:
        await service.postpone_followup(db, announcement.id, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await service.postpone_followup(db, ref_id, None)
