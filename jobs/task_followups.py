"""Firing the tasks' follow-ups (one message per group and 09.00) and the weekly digest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.lateness import is_late
from bot.domain.timewords import from_epoch
from bot.runtime import Runtime
from bot.scheduling.dispatcher import Due
from bot.services import Database, Outgoing, groups
from bot.services import tasks as service
from bot.services.tasks import DigestSetting, Task
from bot.text.task_texts import digest_text, followup_text


@dataclass(frozen=True, slots=True)
class GroupFollowup:
    """A group's tasks whose follow-up has come: they go out as one message."""

    group_id: int
    tasks: list[Task]


class FollowupSource:
    """Tasks due two working days ahead, today, or overdue: one message per group and slot."""

    name = service.KIND_FOLLOWUP

    next_due = service.NEXT_FOLLOWUP

    async def due(self, db: Database, now: int) -> Sequence[Due[GroupFollowup]]:
        by_group: dict[int, list[Task]] = defaultdict(list)
        for task in await service.due_followups(db, now):
            by_group[task.group_id].append(task)
        return [Due(group_id, GroupFollowup(group_id, due)) for group_id, due in by_group.items()]

    async def fire(self, runtime: Runtime, item: GroupFollowup, now: datetime) -> None:
        slot = max(
            service.latest_followup(
                from_epoch(task.due_at), task.zone, from_epoch(task.next_followup_at or 0), now
            )
            for task in item.tasks
        )
        late = is_late(slot, now, runtime.up_since)
        db = runtime.database
        unit_ids = {part.unit_id for task in item.tasks for part in task.parts}
        members = await service.unit_members(db, sorted(unit_ids))
        lang, tz = await groups.locale(db, item.group_id, runtime.default_locale)
        text = followup_text(item.tasks, members, slot, late, lang, tz)
        await service.claim_followup(
            db, item.group_id, item.tasks, slot, late=late, message=Outgoing(text), now=now
        )

    async def postpone(self, db: Database, item: GroupFollowup, until: int | None) -> None:
        await service.postpone_followups(db, item.tasks, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await service.stop_followups(db, ref_id)


class DigestSource:
    """The weekly digest of open tasks, per group on its day and time."""

    name = service.KIND_DIGEST

    next_due = service.NEXT_DIGEST

    async def due(self, db: Database, now: int) -> Sequence[Due[DigestSetting]]:
        return [Due(setting.group_id, setting) for setting in await service.due_digests(db, now)]

    async def fire(self, runtime: Runtime, setting: DigestSetting, now: datetime) -> None:
        db = runtime.database
        lang, tz = await groups.locale(db, setting.group_id, runtime.default_locale)
        following = service.digest_after(now, tz, setting.day, setting.minute)
        open_tasks = await service.open_tasks(db, setting.group_id)
        message = (
            Outgoing(digest_text(open_tasks, int(now.timestamp()), lang)) if open_tasks else None
        )
        await service.claim_digest(
            db,
            setting,
            following=following,
            late=is_late(from_epoch(setting.next_at or 0), now, runtime.up_since),
            message=message,
            now=now,
        )

    async def postpone(self, db: Database, setting: DigestSetting, until: int | None) -> None:
        await service.postpone_digest(db, setting.group_id, until)

    async def refused(self, db: Database, ref_id: int) -> None:
        await service.stop_followups(db, ref_id)
