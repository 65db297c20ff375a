"""Firing the tasks' follow-ups (one message per group and 09.00) and the weekly digest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.lateness import is_late
from bot.domain.timewords import format_when
from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import tasks as service
from bot.services.reminders import from_epoch
from bot.telegram.access import chat_locale
from bot.text.i18n import Safe, t
from bot.text.task_texts import due_text, mentions_line, status_text
from storage import task_followups as store
from storage import tasks
from storage.db import Database
from storage.firings import Outgoing
from storage.task_followups import Advance, DigestSetting
from storage.tasks import Task

SECTIONS = ("soon", "today", "overdue")


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


@dataclass(frozen=True, slots=True)
class GroupFollowup:
    """A group's tasks whose follow-up has come: they go out as one message."""

    group_id: int
    tasks: list[Task]


class FollowupSource:
    """Tasks due two working days ahead, today, or overdue: one message per group and slot."""

    name = store.KIND_FOLLOWUP

    async def next_due(self, db: Database) -> int | None:
        return await store.next_followup_at(db)

    async def due(self, db: Database, now: int) -> Sequence[Due[GroupFollowup]]:
        by_group: dict[int, list[Task]] = defaultdict(list)
        for task in await store.due_followups(db, now):
            by_group[task.group_id].append(task)
        return [Due(group_id, GroupFollowup(group_id, due)) for group_id, due in by_group.items()]

    async def fire(self, runtime: Runtime, item: GroupFollowup, now: datetime) -> None:
        slot = max(
            service.latest_followup(
                from_epoch(task.due_at), task.zone, from_epoch(task.next_followup_at or 0), now
            )
            for task in item.tasks
        )
        advances = [
            Advance(
                task.id,
                task.next_followup_at or 0,
                int(service.followup_after(from_epoch(task.due_at), task.zone, now).timestamp()),
            )
            for task in item.tasks
        ]
        late = is_late(slot, now, runtime.up_since)
        db = runtime.database
        members = await tasks.unit_members(db, sorted({task.unit_id for task in item.tasks}))
        lang, tz = await chat_locale(runtime, item.group_id)
        text = followup_text(item.tasks, members, slot, late, lang, tz)
        await store.claim_followup(
            db,
            item.group_id,
            advances,
            scheduled_at=int(slot.timestamp()),
            late=late,
            message=Outgoing(text),
            now=int(now.timestamp()),
        )

    async def postpone(self, db: Database, item: GroupFollowup, until: int | None) -> None:
        await store.postpone_followups(db, [task.id for task in item.tasks], until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await store.stop_followups(db, ref_id)


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

    name = store.KIND_DIGEST

    async def next_due(self, db: Database) -> int | None:
        return await store.next_digest_at(db)

    async def due(self, db: Database, now: int) -> Sequence[Due[DigestSetting]]:
        return [Due(setting.group_id, setting) for setting in await store.due_digests(db, now)]

    async def fire(self, runtime: Runtime, setting: DigestSetting, now: datetime) -> None:
        db = runtime.database
        lang, tz = await chat_locale(runtime, setting.group_id)
        following = service.digest_after(now, tz, setting.day, setting.minute)
        open_tasks = await tasks.open_tasks(db, setting.group_id)
        message = (
            Outgoing(digest_text(open_tasks, int(now.timestamp()), lang)) if open_tasks else None
        )
        await store.claim_digest(
            db,
            setting,
            following=int(following.timestamp()),
            late=is_late(from_epoch(setting.next_at or 0), now, runtime.up_since),
            message=message,
            now=int(now.timestamp()),
        )

    async def postpone(self, db: Database, setting: DigestSetting, until: int | None) -> None:
        await store.postpone_digest(db, setting.group_id, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await store.stop_followups(db, ref_id)
