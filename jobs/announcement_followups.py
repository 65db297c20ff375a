"""Following up announcements: units still missing are named and their members mentioned."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from telegram.ext import Application

from bot.domain.timewords import format_when
from bot.runtime import Runtime, runtime_of
from bot.services import announcements as service
from bot.telegram.access import chat_locale
from bot.telegram.delivery import deliver
from bot.text.i18n import Safe, mention, t
from handlers.announcement_acks import ack_markup
from storage import announcements
from storage.announcements import Announcement, MissingUnit
from storage.db import Database

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

EXCERPT = 200


class FollowupSource:
    """Fires the announcements' follow-ups: each group's in order, groups concurrently."""

    name = "announcement_followups"

    async def next_due(self, db: Database) -> int | None:
        return await announcements.next_followup_at(db)

    async def run_due(self, app: App, now: datetime) -> None:
        runtime = runtime_of(app)
        by_group: dict[int, list[Announcement]] = defaultdict(list)
        for announcement in await announcements.due_followups(
            runtime.database, int(now.timestamp())
        ):
            by_group[announcement.group_id].append(announcement)
        await asyncio.gather(
            *(self._fire_group(app, runtime, due, now) for due in by_group.values())
        )

    async def _fire_group(
        self, app: App, runtime: Runtime, due: list[Announcement], now: datetime
    ) -> None:
        lang, tz = await chat_locale(runtime, due[0].group_id)
        for announcement in due:
            await self._fire(app, runtime, announcement, now, lang, tz)

    async def _fire(
        self,
        app: App,
        runtime: Runtime,
        announcement: Announcement,
        now: datetime,
        lang: str,
        tz: str,
    ) -> None:
        plan = service.plan_followup(announcement, now)
        if plan is None:
            return
        claimed = await announcements.claim_followup(
            runtime.database,
            announcement,
            scheduled_at=plan.scheduled_at,
            next_at=plan.next_at,
            late=plan.late,
            now=int(now.timestamp()),
        )
        if claimed is None:
            return
        progress = await announcements.progress(runtime.database, announcement.id)
        lines = [
            t(
                lang,
                "announcements.followup",
                number=announcement.number,
                count=len(claimed.missing),
                total=progress.total,
                units=Safe("\n".join(unit_line(entry, lang) for entry in claimed.missing)),
                excerpt=service.excerpt(announcement.text, EXCERPT),
            )
        ]
        if plan.late:
            when = format_when(datetime.fromtimestamp(plan.scheduled_at, UTC), tz, lang)
            lines.append(t(lang, "announcements.followup_late", when=when))
        await deliver(
            app.bot,
            runtime,
            claimed.firing_id,
            announcement.group_id,
            "\n\n".join(lines),
            ack_markup(lang, announcement.id, None),
        )


def unit_line(entry: MissingUnit, lang: str) -> str:
    """``• DISHUB: @Budi, @Rina`` with each member mentioned (HTML)."""
    mentions = ", ".join(mention(user_id, name) for user_id, name in entry.members)
    return t(
        lang,
        "announcements.followup_unit",
        code=entry.unit.code,
        members=Safe(mentions or t(lang, "announcements.followup_no_members")),
    )
