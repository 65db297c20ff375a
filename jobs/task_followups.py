"""Firing the tasks' follow-ups (one message per group and 09.00) and the weekly digest."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime
from typing import Any

from telegram.ext import Application

from bot.domain.timewords import format_when
from bot.runtime import Runtime, runtime_of
from bot.scheduling import dispatcher
from bot.services import tasks as service
from bot.services.reminders import LATE_AFTER, from_epoch
from bot.telegram.access import chat_locale
from bot.telegram.delivery import deliver
from bot.text.i18n import Safe, t
from bot.text.task_texts import due_text, mentions_line, status_text
from storage import task_followups as store
from storage import tasks
from storage.db import Database
from storage.task_followups import Advance, DigestSetting
from storage.tasks import Task

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
SECTIONS = ("soon", "today", "overdue")


def register(app: App) -> None:
    dispatcher.add_source(app, FollowupSource())
    dispatcher.add_source(app, DigestSource())


def followup_text(
    due: list[Task],
    members: dict[int, list[tuple[int, str]]],
    slot: datetime,
    late: bool,
    lang: str,
    tz: str,
) -> str:
    """One group's follow-up: the tasks due soon, today and overdue, each unit mentioned."""
    lines = [t(lang, "tasks.followup_header")]
    if late:
        lines.append(t(lang, "tasks.followup_late", when=format_when(slot, tz, lang)))
    by_section: dict[str, list[Task]] = defaultdict(list)
    for task in due:
        by_section[service.followup_section(from_epoch(task.due_at), task.zone, slot)].append(task)
    for section in SECTIONS:
        if not by_section[section]:
            continue
        lines += ["", t(lang, f"tasks.section.{section}")]
        units_seen: dict[int, str] = {}
        for task in sorted(by_section[section], key=lambda x: (x.unit_code, x.due_at, x.number)):
            units_seen.setdefault(task.unit_id, task.unit_code)
            lines.append(
                t(
                    lang,
                    "tasks.followup_item",
                    number=task.number,
                    unit=task.unit_code,
                    text=task.text,
                    due=due_text(task, tz, lang),
                    status=status_text(task, lang),
                )
            )
        for unit_id, code in units_seen.items():
            unit_members = members.get(unit_id, [])
            lines.append(mentions_line(lang, code, unit_members, "tasks.followup_for"))
    lines += ["", t(lang, "tasks.followup_footer")]
    return "\n".join(lines)


class FollowupSource:
    """Tasks due two working days ahead, today, or overdue: one message per group and slot."""

    name = "task_followups"

    async def next_due(self, db: Database) -> int | None:
        return await store.next_followup_at(db)

    async def run_due(self, app: App, now: datetime) -> None:
        runtime = runtime_of(app)
        by_group: dict[int, list[Task]] = defaultdict(list)
        for task in await store.due_followups(runtime.database, int(now.timestamp())):
            by_group[task.group_id].append(task)
        for group_id, due in by_group.items():
            try:
                await self._fire_group(app, runtime, group_id, due, now)
            except Exception:
                logger.exception("task follow-up for group %s failed", group_id)

    async def _fire_group(
        self, app: App, runtime: Runtime, group_id: int, due: list[Task], now: datetime
    ) -> None:
        slot = max(
            service.latest_followup(
                from_epoch(task.due_at), task.zone, from_epoch(task.next_followup_at or 0), now
            )
            for task in due
        )
        slot_at = int(slot.timestamp())
        advances = [
            Advance(
                task.id,
                task.next_followup_at or 0,
                int(service.followup_after(from_epoch(task.due_at), task.zone, now).timestamp()),
            )
            for task in due
        ]
        late = now - slot > LATE_AFTER
        claimed = await store.claim_followup(
            runtime.database,
            group_id,
            advances,
            scheduled_at=slot_at,
            late=late,
            now=int(now.timestamp()),
        )
        if claimed is None:
            return
        firing_id, moved = claimed
        sent = [task for task in due if task.id in moved]
        members = await tasks.unit_members(runtime.database, sorted({x.unit_id for x in sent}))
        lang, tz = await chat_locale(runtime, group_id)
        text = followup_text(sent, members, slot, late, lang, tz)
        await deliver(app.bot, runtime, firing_id, group_id, text)


def digest_text(open_tasks: list[Task], now: int, lang: str) -> str:
    """Open tasks counted per pokja and per unit, with their numbers and how many are late."""
    lines = [t(lang, "tasks.digest_header", count=len(open_tasks))]
    for title, key in (("tasks.digest_by_pokja", "pokja"), ("tasks.digest_by_unit", "unit")):
        grouped: dict[str, list[Task]] = defaultdict(list)
        for task in open_tasks:
            if key == "unit":
                name = task.unit_code
            else:
                pokja = service.pokja_name(task.pokja)
                name = pokja if pokja else t(lang, "tasks.digest_no_pokja")
            grouped[name].append(task)
        lines += ["", t(lang, title)]
        for name in sorted(grouped):
            listed = grouped[name]
            late = sum(1 for task in listed if task.due_at < now)
            overdue = t(lang, "tasks.digest_overdue", count=late) if late else ""
            lines.append(
                t(
                    lang,
                    "tasks.digest_line",
                    name=name,
                    count=len(listed),
                    numbers=", ".join(f"#{task.number}" for task in listed),
                    overdue=Safe(overdue),
                )
            )
    return "\n".join(lines)


class DigestSource:
    """The weekly digest of open tasks, per group on its day and time."""

    name = "task_digest"

    async def next_due(self, db: Database) -> int | None:
        return await store.next_digest_at(db)

    async def run_due(self, app: App, now: datetime) -> None:
        runtime = runtime_of(app)
        for setting in await store.due_digests(runtime.database, int(now.timestamp())):
            try:
                await self._fire(app, runtime, setting, now)
            except Exception:
                logger.exception("task digest for group %s failed", setting.group_id)

    async def _fire(
        self, app: App, runtime: Runtime, setting: DigestSetting, now: datetime
    ) -> None:
        lang, tz = await chat_locale(runtime, setting.group_id)
        following = service.digest_after(now, tz, setting.day, setting.minute)
        open_tasks = await tasks.open_tasks(runtime.database, setting.group_id)
        scheduled = from_epoch(setting.next_at or 0)
        firing_id = await store.claim_digest(
            runtime.database,
            setting,
            following=int(following.timestamp()),
            send=bool(open_tasks),
            late=now - scheduled > LATE_AFTER,
            now=int(now.timestamp()),
        )
        if firing_id is None:
            return
        text = digest_text(open_tasks, int(now.timestamp()), lang)
        await deliver(app.bot, runtime, firing_id, setting.group_id, text)
