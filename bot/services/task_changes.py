"""A koordinator's changes to a task after it was assigned: another due date (its follow-ups
planned again from it), other units, reopening what was closed. Each is a row of the task's
history. Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from bot.domain.timewords import from_epoch
from bot.services import Wake
from bot.services.tasks import AssignmentError, followup_after, parse_due
from storage import task_changes
from storage.db import Database
from storage.tasks import Task
from storage.units import Unit

Verb = Literal["due", "move", "reopen"]

VERBS: dict[str, Verb] = {
    "tenggat": "due",
    "due": "due",
    "pindah": "move",
    "move": "move",
    "buka": "reopen",
    "reopen": "reopen",
}
"""The words of ``/tugas N tenggat|pindah|buka`` (and English), to the change they make."""

USAGE: dict[Verb, str] = {
    "due": "tasks.due_change_usage",
    "move": "tasks.move_usage",
    "reopen": "tasks.reopen_usage",
}
"""The catalog text showing how to write each change, with an example."""


def _following(task: Task, due_at: int, now: datetime) -> int:
    return int(followup_after(from_epoch(due_at), task.zone, now).timestamp())


async def change_due(
    db: Database,
    task: Task,
    phrase: str,
    *,
    user_id: int,
    user_name: str,
    now: datetime,
    tz: str,
    lang: str,
    wake: Wake,
) -> Task | None:
    """Move the due date of an open task to ``phrase`` (read as ``/tugas`` reads it); its
    follow-ups are planned again from the new date. The task as it is now; None when it was
    closed or withdrawn meanwhile.

    Raises TimeParseError for a time the parser refuses, :class:`AssignmentError` for a
    recurring or unclear phrase, or one naming the due date it has already.
    """
    due_at = int(parse_due(phrase, now, tz, lang).timestamp())
    if due_at == task.due_at:
        raise AssignmentError("tasks.due_same")
    changed = await task_changes.set_due(
        db,
        task,
        due_at,
        following=_following(task, due_at, now),
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
    )
    if changed is not None:
        await wake()
    return changed


async def move(
    db: Database,
    task: Task,
    units: list[Unit],
    *,
    user_id: int,
    user_name: str,
    now: datetime,
    wake: Wake,
) -> Task | None:
    """Assign an open task to ``units`` instead (a unit it keeps keeps its part). The task as
    it is now; None when it was closed or withdrawn meanwhile. Raises :class:`AssignmentError`
    when those are its units already."""
    if [unit.id for unit in units] == [part.unit_id for part in task.parts]:
        raise AssignmentError("tasks.move_same")
    moved = await task_changes.move(
        db,
        task,
        tuple(unit.id for unit in units),
        following=_following(task, task.due_at, now),
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
    )
    if moved is not None:
        await wake()
    return moved


async def reopen(
    db: Database,
    task: Task,
    *,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: datetime,
    wake: Wake,
) -> Task | None:
    """Open ``unit_id``'s closed part again, or every closed part (None); the task is followed
    up again. The task as it is now; None when no such part was closed."""
    reopened = await task_changes.reopen(
        db,
        task,
        unit_id=unit_id,
        following=_following(task, task.due_at, now),
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
    )
    if reopened is not None:
        await wake()
    return reopened
