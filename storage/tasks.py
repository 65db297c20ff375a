"""Tasks (rencana aksi): assigned to one or more units with a due date, every change kept as an
event.

Each unit of a task has its own part (``task_units``): its status, and when and by whom it
closed it; the task's own status sums the parts up (done when every part is done). The task
text and progress notes are kept in the search index (``task`` and ``task_note``) inside the
same transaction as the write. Changes after assigning are in ``storage.task_changes``. A
withdrawn task is kept but left out of lists, follow-ups, minutes (``by_number`` still finds
it, to say so).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import aiosqlite

from storage import corrections, records, search
from storage.db import Database, from_row, one_row

STATUSES = ("baru", "proses", "terkendala", "selesai")
NOTE_KINDS = ("progress", "blocked")


@dataclass(frozen=True, slots=True)
class TaskPart:
    """One unit's part of a task."""

    unit_id: int
    code: str
    name: str
    status: str
    closed_at: int | None
    closed_by: int | None

    @property
    def is_open(self) -> bool:
        return self.status != "selesai"


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    group_id: int
    number: int
    text: str
    pokja: str | None
    due_at: int
    zone: str
    status: str
    """The parts summed up: ``selesai`` when every part is, else the most pressing of them."""
    creator_id: int
    creator_name: str
    created_at: int
    message_id: int | None
    meeting_id: int | None
    meeting_number: int | None
    closed_at: int | None
    """When the last part was closed."""
    closed_by: int | None
    next_followup_at: int | None
    version: int
    withdrawn_at: int | None
    withdrawn_by_name: str | None
    parts: tuple[TaskPart, ...]
    """The units it is assigned to, in the order they were given."""

    @property
    def is_open(self) -> bool:
        return self.status != "selesai"

    @property
    def edited(self) -> bool:
        return self.version > 1

    @property
    def codes(self) -> str:
        """``DISHUB`` or ``DISHUB, BAPPERIDA``."""
        return ", ".join(part.code for part in self.parts)

    @property
    def open_parts(self) -> tuple[TaskPart, ...]:
        return tuple(part for part in self.parts if part.is_open)

    def part(self, unit_id: int | None) -> TaskPart | None:
        return next((part for part in self.parts if part.unit_id == unit_id), None)


@dataclass(frozen=True, slots=True)
class TaskEvent:
    id: int
    task_id: int
    kind: str
    """created, progress, blocked, closed, evidence, edited, due_changed, moved or reopened."""
    status: str
    """The task's status after this change."""
    text: str | None
    """The note, the blocker's reason, or (edited) the earlier text."""
    file_id: str | None
    file_kind: str | None
    file_name: str | None
    user_id: int
    user_name: str
    at: int
    unit_code: str | None
    """The unit whose part it concerns (None: the whole task)."""
    due_at: int | None
    previous_due_at: int | None
    unit_codes: str | None
    """``moved``: the units after and before the move."""
    previous_unit_codes: str | None


@dataclass(frozen=True, slots=True)
class NewTask:
    group_id: int
    unit_ids: tuple[int, ...]
    text: str
    pokja: str | None
    due_at: int
    zone: str
    creator_id: int
    creator_name: str
    meeting_id: int | None
    next_followup_at: int | None
    first_digest_at: int
    """The group's first weekly digest, used only if the group has no digest setting yet."""


@dataclass(frozen=True, slots=True)
class Evidence:
    file_id: str
    file_kind: str
    """``document`` or ``photo``."""
    file_name: str | None


SELECT = (
    "SELECT t.id, t.group_id, t.number, t.text, t.pokja, t.due_at, t.zone, t.status,"
    " t.creator_id, t.creator_name, t.created_at, t.message_id, t.meeting_id,"
    " g.number AS meeting_number, t.closed_at, t.closed_by, t.next_followup_at, t.version,"
    " t.withdrawn_at, t.withdrawn_by_name,"
    " (SELECT json_group_array(json_array(p.position, p.unit_id, u.code, u.name, p.status,"
    "  p.closed_at, p.closed_by)) FROM task_units p JOIN units u ON u.id = p.unit_id"
    "  WHERE p.task_id = t.id) AS parts"
    " FROM tasks t LEFT JOIN meetings g ON g.id = t.meeting_id"
)
SHOWN = "t.withdrawn_at IS NULL"
_EVENT_COLUMNS = (
    "e.id, e.task_id, e.kind, e.status, e.text, e.file_id, e.file_kind, e.file_name,"
    " e.user_id, e.user_name, e.at, u.code AS unit_code, e.due_at, e.previous_due_at,"
    " e.unit_codes, e.previous_unit_codes"
)
EVENT_SELECT = f"SELECT {_EVENT_COLUMNS} FROM task_events e LEFT JOIN units u ON u.id = e.unit_id"

search.register_source(
    search.KIND_TASK,
    f"SELECT t.group_id, t.id AS record_id, t.number,"
    f" ({corrections.task_unit_codes('t.id')}) AS unit_code, t.created_at, t.text"
    " FROM tasks t WHERE t.withdrawn_at IS NULL ORDER BY t.id",
)
search.register_source(
    search.KIND_TASK_NOTE,
    f"SELECT t.group_id, e.id AS record_id, t.number,"
    f" coalesce(u.code, ({corrections.task_unit_codes('t.id')})) AS unit_code,"
    " e.at AS created_at, e.text"
    " FROM task_events e JOIN tasks t ON t.id = e.task_id LEFT JOIN units u ON u.id = e.unit_id"
    " WHERE e.kind IN ('progress', 'blocked') AND t.withdrawn_at IS NULL ORDER BY e.id",
)


def task_of(row: aiosqlite.Row) -> Task:
    """A task from a row of :data:`SELECT`."""
    parts = sorted(json.loads(row["parts"]))
    return from_row(
        Task,
        row,
        parts=tuple(
            TaskPart(unit_id, code, name, status, closed_at, closed_by)
            for _, unit_id, code, name, status, closed_at, closed_by in parts
        ),
    )


async def insert_event(
    conn: aiosqlite.Connection,
    task_id: int,
    kind: str,
    user_id: int,
    user_name: str,
    at: int,
    *,
    text: str | None = None,
    evidence: Evidence | None = None,
    unit_id: int | None = None,
    due: tuple[int, int] | None = None,
    units: tuple[str, str] | None = None,
) -> TaskEvent:
    """A row of the task's history, with the task's status as it is now (inside the caller's
    transaction). ``due``: the new and earlier due dates; ``units``: the codes after and
    before."""
    cursor = await conn.execute(
        "INSERT INTO task_events (task_id, kind, status, text, file_id, file_kind, file_name,"
        " user_id, user_name, at, unit_id, due_at, previous_due_at, unit_codes,"
        " previous_unit_codes)"
        " SELECT id, ?, status, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM tasks WHERE id = ?"
        " RETURNING id",
        (
            kind,
            text,
            evidence.file_id if evidence else None,
            evidence.file_kind if evidence else None,
            evidence.file_name if evidence else None,
            user_id,
            user_name,
            at,
            unit_id,
            *(due or (None, None)),
            *(units or (None, None)),
            task_id,
        ),
    )
    inserted = await cursor.fetchone()
    if inserted is None:
        raise RuntimeError(f"task {task_id} has gone")
    row = await one_row(conn, EVENT_SELECT + " WHERE e.id = ?", (inserted["id"],))
    return from_row(TaskEvent, row)


async def create(
    db: Database, new: NewTask, now: int, origin: int | None = None
) -> tuple[Task, bool]:
    """Store a task with the group's next number, its units' parts, its first event and its
    search entry; the task and whether it is new (False: update ``origin`` made it before)."""
    async with db.transaction() as conn:
        inserted = await records.insert_numbered(
            conn,
            "tasks",
            new.group_id,
            {
                "unit_id": new.unit_ids[0],
                "text": new.text,
                "pokja": new.pokja,
                "due_at": new.due_at,
                "zone": new.zone,
                "creator_id": new.creator_id,
                "creator_name": new.creator_name,
                "created_at": now,
                "meeting_id": new.meeting_id,
                "next_followup_at": new.next_followup_at,
            },
            origin=origin,
            now=now,
        )
        if inserted.created:
            await conn.executemany(
                "INSERT INTO task_units (task_id, unit_id, position) VALUES (?, ?, ?)",
                [(inserted.id, unit_id, i) for i, unit_id in enumerate(new.unit_ids)],
            )
            await corrections.reindex_record(
                conn, "task", inserted.id, new.group_id, inserted.number, now
            )
            await insert_event(conn, inserted.id, "created", new.creator_id, new.creator_name, now)
            await conn.execute(
                "INSERT INTO task_settings (group_id, next_digest_at) VALUES (?, ?)"
                " ON CONFLICT (group_id) DO NOTHING",
                (new.group_id, new.first_digest_at),
            )
        row = await one_row(conn, SELECT + " WHERE t.id = ?", (inserted.id,))
    return task_of(row), inserted.created


async def set_message(db: Database, task_id: int, message_id: int) -> None:
    """Remember the bot's post of the task (replies to it with a file are evidence)."""
    await db.write("UPDATE tasks SET message_id = ? WHERE id = ?", (message_id, task_id))


async def _one(db: Database, where: str, params: tuple[object, ...]) -> Task | None:
    row = await db.fetch_one(f"{SELECT} WHERE {where}", params)
    return task_of(row) if row else None


async def get(db: Database, task_id: int) -> Task | None:
    return await _one(db, "t.id = ?", (task_id,))


async def by_number(db: Database, group_id: int, number: int) -> Task | None:
    """The task numbered ``number`` in the group, withdrawn or not."""
    return await _one(db, "t.group_id = ? AND t.number = ?", (group_id, number))


async def by_message(db: Database, group_id: int, message_id: int) -> Task | None:
    """The task (not withdrawn) whose post is ``message_id`` in the group, if any."""
    return await _one(
        db, f"t.group_id = ? AND t.message_id = ? AND {SHOWN}", (group_id, message_id)
    )


async def open_tasks(db: Database, group_id: int) -> list[Task]:
    """The group's open tasks (not withdrawn) by due date."""
    rows = await db.fetch_all(
        f"{SELECT} WHERE t.group_id = ? AND t.status <> 'selesai' AND {SHOWN}"
        " ORDER BY t.due_at, t.number",
        (group_id,),
    )
    return [task_of(row) for row in rows]


async def for_meeting(db: Database, meeting_id: int) -> list[Task]:
    """The tasks (not withdrawn) assigned while meeting ``meeting_id`` was under way."""
    rows = await db.fetch_all(
        f"{SELECT} WHERE t.meeting_id = ? AND {SHOWN} ORDER BY t.number", (meeting_id,)
    )
    return [task_of(row) for row in rows]


async def open_for_unit(db: Database, unit_id: int) -> list[Task]:
    """Tasks (not withdrawn) in which the unit's part is still open, by number."""
    rows = await db.fetch_all(
        f"{SELECT} WHERE {SHOWN} AND t.id IN (SELECT task_id FROM task_units"
        " WHERE unit_id = ? AND status <> 'selesai') ORDER BY t.number",
        (unit_id,),
    )
    return [task_of(row) for row in rows]


async def history(db: Database, task_id: int) -> list[TaskEvent]:
    """Every change of the task, oldest first."""
    rows = await db.fetch_all(EVENT_SELECT + " WHERE e.task_id = ? ORDER BY e.at, e.id", (task_id,))
    return [from_row(TaskEvent, row) for row in rows]


async def event_of_update(db: Database, origin: int) -> TaskEvent | None:
    """The task event update ``origin`` made, if it made one (a command handled again)."""
    row = await db.fetch_one(
        EVENT_SELECT + " WHERE e.id ="
        " (SELECT record_id FROM update_records WHERE update_id = ? AND kind = 'task_events')",
        (origin,),
    )
    return from_row(TaskEvent, row) if row else None


async def unit_members(db: Database, unit_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Current members (user id, name) of each unit, to mention them."""
    if not unit_ids:
        return {}
    marks = ", ".join("?" * len(unit_ids))
    rows = await db.fetch_all(
        "SELECT m.unit_id, m.user_id, p.full_name FROM members m"
        " JOIN users p ON p.user_id = m.user_id"
        f" WHERE m.unit_id IN ({marks}) AND m.left_at IS NULL ORDER BY p.full_name",
        tuple(unit_ids),
    )
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        found[row["unit_id"]].append((row["user_id"], row["full_name"]))
    return dict(found)
