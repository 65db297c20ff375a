"""Tasks (rencana aksi): assigned to a unit with a due date, every change kept as an event.

Progress notes and the task text are kept in the search index (``task`` and ``task_note``)
inside the same transaction as the write.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import aiosqlite

from storage import records, search
from storage.db import Database, from_row, one_row

STATUSES = ("baru", "proses", "terkendala", "selesai")
NOTE_KINDS = ("progress", "blocked")


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    group_id: int
    number: int
    unit_id: int
    unit_code: str
    unit_name: str
    text: str
    pokja: str | None
    due_at: int
    zone: str
    status: str
    creator_id: int
    creator_name: str
    created_at: int
    message_id: int | None
    meeting_id: int | None
    closed_at: int | None
    closed_by: int | None
    next_followup_at: int | None

    @property
    def is_open(self) -> bool:
        return self.status != "selesai"


@dataclass(frozen=True, slots=True)
class TaskEvent:
    id: int
    task_id: int
    kind: str
    """created, progress, blocked, closed or evidence."""
    status: str
    """The task's status after this change."""
    text: str | None
    file_id: str | None
    file_kind: str | None
    file_name: str | None
    user_id: int
    user_name: str
    at: int


@dataclass(frozen=True, slots=True)
class NewTask:
    group_id: int
    unit_id: int
    unit_code: str
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
    "SELECT t.id, t.group_id, t.number, t.unit_id, u.code AS unit_code, u.name AS unit_name,"
    " t.text, t.pokja, t.due_at, t.zone, t.status, t.creator_id, t.creator_name, t.created_at,"
    " t.message_id, t.meeting_id, t.closed_at, t.closed_by, t.next_followup_at"
    " FROM tasks t JOIN units u ON u.id = t.unit_id"
)
_EVENT_COLUMNS = (
    "id, task_id, kind, status, text, file_id, file_kind, file_name, user_id, user_name, at"
)
EVENT_SELECT = f"SELECT {_EVENT_COLUMNS} FROM task_events"

search.register_source(
    search.KIND_TASK,
    "SELECT t.group_id, t.id AS record_id, t.number, u.code AS unit_code, t.created_at, t.text"
    " FROM tasks t JOIN units u ON u.id = t.unit_id ORDER BY t.id",
)
search.register_source(
    search.KIND_TASK_NOTE,
    "SELECT t.group_id, e.id AS record_id, t.number, u.code AS unit_code,"
    " e.at AS created_at, e.text"
    " FROM task_events e JOIN tasks t ON t.id = e.task_id JOIN units u ON u.id = t.unit_id"
    " WHERE e.kind IN ('progress', 'blocked') ORDER BY e.id",
)


async def _insert_event(
    conn: aiosqlite.Connection,
    task_id: int,
    kind: str,
    status: str,
    user_id: int,
    user_name: str,
    at: int,
    text: str | None = None,
    evidence: Evidence | None = None,
) -> TaskEvent:
    row = await one_row(
        conn,
        "INSERT INTO task_events (task_id, kind, status, text, file_id, file_kind, file_name,"
        " user_id, user_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
        + _EVENT_COLUMNS,
        (
            task_id,
            kind,
            status,
            text,
            evidence.file_id if evidence else None,
            evidence.file_kind if evidence else None,
            evidence.file_name if evidence else None,
            user_id,
            user_name,
            at,
        ),
    )
    return from_row(TaskEvent, row)


async def create(
    db: Database, new: NewTask, now: int, origin: int | None = None
) -> tuple[Task, bool]:
    """Store a task with the group's next number, its first event and its search entry; the
    task and whether it is new (False: update ``origin`` made it before)."""
    async with db.transaction() as conn:
        inserted = await records.insert_numbered(
            conn,
            "tasks",
            new.group_id,
            {
                "unit_id": new.unit_id,
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
            entry=records.SearchEntry(search.KIND_TASK, new.text, new.unit_id),
        )
        if inserted.created:
            await _insert_event(
                conn, inserted.id, "created", "baru", new.creator_id, new.creator_name, now
            )
            await conn.execute(
                "INSERT INTO task_settings (group_id, next_digest_at) VALUES (?, ?)"
                " ON CONFLICT (group_id) DO NOTHING",
                (new.group_id, new.first_digest_at),
            )
        row = await one_row(conn, SELECT + " WHERE t.id = ?", (inserted.id,))
    return from_row(Task, row), inserted.created


async def set_message(db: Database, task_id: int, message_id: int) -> None:
    """Remember the bot's post of the task (replies to it with a file are evidence)."""
    async with db.transaction() as conn:
        await conn.execute("UPDATE tasks SET message_id = ? WHERE id = ?", (message_id, task_id))


async def _one(db: Database, where: str, params: tuple[object, ...]) -> Task | None:
    row = await db.fetch_one(f"{SELECT} WHERE {where}", params)
    return from_row(Task, row) if row else None


async def get(db: Database, task_id: int) -> Task | None:
    return await _one(db, "t.id = ?", (task_id,))


async def by_number(db: Database, group_id: int, number: int) -> Task | None:
    return await _one(db, "t.group_id = ? AND t.number = ?", (group_id, number))


async def by_message(db: Database, group_id: int, message_id: int) -> Task | None:
    """The task whose post is ``message_id`` in the group, if any."""
    return await _one(db, "t.group_id = ? AND t.message_id = ?", (group_id, message_id))


async def open_tasks(db: Database, group_id: int) -> list[Task]:
    """The group's open tasks by unit code, then due date."""
    rows = await db.fetch_all(
        f"{SELECT} WHERE t.group_id = ? AND t.status <> 'selesai'"
        " ORDER BY u.code, t.due_at, t.number",
        (group_id,),
    )
    return [from_row(Task, row) for row in rows]


async def for_meeting(db: Database, meeting_id: int) -> list[Task]:
    """The tasks assigned while meeting ``meeting_id`` was under way (for its minutes)."""
    rows = await db.fetch_all(f"{SELECT} WHERE t.meeting_id = ? ORDER BY t.number", (meeting_id,))
    return [from_row(Task, row) for row in rows]


async def history(db: Database, task_id: int) -> list[TaskEvent]:
    """Every change of the task, oldest first."""
    rows = await db.fetch_all(EVENT_SELECT + " WHERE task_id = ? ORDER BY at, id", (task_id,))
    return [from_row(TaskEvent, row) for row in rows]


async def add_note(
    db: Database,
    task: Task,
    kind: str,
    text: str,
    user_id: int,
    user_name: str,
    now: int,
    origin: int | None = None,
) -> TaskEvent | None:
    """A progress note (status ``proses``) or a blocker (``terkendala``); None when closed.
    An update handled again gets the note it added the first time."""
    if kind not in NOTE_KINDS:
        raise ValueError(f"unknown note kind {kind!r}")
    status = "proses" if kind == "progress" else "terkendala"
    async with db.transaction() as conn:
        earlier = await records.recorded(conn, origin, "task_events")
        if earlier is not None:
            row = await one_row(conn, EVENT_SELECT + " WHERE id = ?", (earlier,))
            return from_row(TaskEvent, row)
        cursor = await conn.execute(
            "UPDATE tasks SET status = ? WHERE id = ? AND status <> 'selesai'", (status, task.id)
        )
        if cursor.rowcount != 1:
            return None
        event = await _insert_event(conn, task.id, kind, status, user_id, user_name, now, text)
        await records.remember(conn, origin, "task_events", event.id)
        await search.index_record(
            conn,
            group_id=task.group_id,
            kind=search.KIND_TASK_NOTE,
            record_id=event.id,
            number=task.number,
            unit_code=task.unit_code,
            created_at=now,
            text=text,
        )
    return event


async def close(
    db: Database, task: Task, user_id: int, user_name: str, now: int, origin: int | None = None
) -> bool:
    """Close the task (no more follow-ups); False when it was closed already."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE tasks SET status = 'selesai', closed_at = ?, closed_by = ?,"
            " next_followup_at = NULL WHERE id = ? AND status <> 'selesai'",
            (now, user_id, task.id),
        )
        if cursor.rowcount != 1:
            return False
        event = await _insert_event(conn, task.id, "closed", "selesai", user_id, user_name, now)
        await records.remember(conn, origin, "task_events", event.id)
    return True


async def attach(
    db: Database,
    task: Task,
    evidence: Evidence,
    user_id: int,
    user_name: str,
    now: int,
    origin: int | None = None,
) -> TaskEvent:
    """Keep a document or photo as evidence of the task (its status does not change); an
    update handled again gets the evidence it kept the first time."""
    async with db.transaction() as conn:
        earlier = await records.recorded(conn, origin, "task_events")
        if earlier is not None:
            row = await one_row(conn, EVENT_SELECT + " WHERE id = ?", (earlier,))
            return from_row(TaskEvent, row)
        row = await one_row(conn, "SELECT status FROM tasks WHERE id = ?", (task.id,))
        event = await _insert_event(
            conn, task.id, "evidence", row["status"], user_id, user_name, now, evidence=evidence
        )
        await records.remember(conn, origin, "task_events", event.id)
    return event


async def event_of_update(db: Database, origin: int) -> TaskEvent | None:
    """The task event update ``origin`` made, if it made one (a command handled again)."""
    row = await db.fetch_one(
        EVENT_SELECT + " WHERE id ="
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
