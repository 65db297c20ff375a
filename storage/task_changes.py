"""What happens to a task after it was assigned: progress notes, blockers, evidence and closing
(each for one unit's part, or for the whole task), and a koordinator's changes: the due date,
the units, reopening. Each is a row of the task's history, written with the change.

After a change of its parts the task's own status is summed up again (:func:`_settle`): done
when every part is done (then it has no more follow-ups), else blocked if a part is blocked,
in progress if a part moved, new otherwise.
"""

from __future__ import annotations

import aiosqlite

from storage import corrections, records, search
from storage.db import Database, from_row, one_row
from storage.tasks import (
    EVENT_SELECT,
    NOTE_KINDS,
    SELECT,
    Evidence,
    Task,
    TaskEvent,
    insert_event,
    task_of,
)


async def _replayed(conn: aiosqlite.Connection, origin: int | None) -> TaskEvent | None:
    """The event update ``origin`` made before, when it is handled again."""
    earlier = await records.recorded(conn, origin, "task_events")
    if earlier is None:
        return None
    row = await one_row(conn, EVENT_SELECT + " WHERE e.id = ?", (earlier,))
    return from_row(TaskEvent, row)


async def _live(conn: aiosqlite.Connection, task_id: int) -> bool:
    """The task exists and is not withdrawn."""
    cursor = await conn.execute(
        "SELECT 1 FROM tasks WHERE id = ? AND withdrawn_at IS NULL", (task_id,)
    )
    return await cursor.fetchone() is not None


async def _set_parts(
    conn: aiosqlite.Connection,
    task_id: int,
    unit_id: int | None,
    assignments: str,
    where: str,
    params: tuple[object, ...],
) -> int:
    """Update the parts of the task matching ``where`` (only ``unit_id``'s, or every one when
    None); how many changed."""
    only = " AND unit_id = ?" if unit_id is not None else ""
    cursor = await conn.execute(
        f"UPDATE task_units SET {assignments} WHERE task_id = ? AND {where}{only}",
        (*params, task_id, *((unit_id,) if unit_id is not None else ())),
    )
    return cursor.rowcount


async def _settle(conn: aiosqlite.Connection, task_id: int, following: int | None) -> None:
    """Sum the parts up into the task's status; a task open again gets its next follow-up
    ``following`` (an open task keeps the one it has)."""
    cursor = await conn.execute(
        "SELECT status, closed_at, closed_by FROM task_units WHERE task_id = ? ORDER BY closed_at",
        (task_id,),
    )
    parts = list(await cursor.fetchall())
    statuses = {part["status"] for part in parts}
    if statuses == {"selesai"}:
        last = parts[-1]
        await conn.execute(
            "UPDATE tasks SET status = 'selesai', closed_at = ?, closed_by = ?,"
            " next_followup_at = NULL WHERE id = ?",
            (last["closed_at"], last["closed_by"], task_id),
        )
        return
    if "terkendala" in statuses:
        status = "terkendala"
    elif statuses & {"proses", "selesai"}:
        status = "proses"
    else:
        status = "baru"
    await conn.execute(
        "UPDATE tasks SET status = ?, closed_at = NULL, closed_by = NULL,"
        " next_followup_at = coalesce(next_followup_at, ?) WHERE id = ?",
        (status, following, task_id),
    )


async def _task(conn: aiosqlite.Connection, task_id: int) -> Task:
    return task_of(await one_row(conn, SELECT + " WHERE t.id = ?", (task_id,)))


async def add_note(
    db: Database,
    task: Task,
    kind: str,
    text: str,
    *,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: int,
    origin: int | None = None,
) -> TaskEvent | None:
    """A progress note (the part becomes ``proses``) or a blocker (``terkendala``) for
    ``unit_id``'s part, or for every open part (None); None when no such part is open. An
    update handled again gets the note it added the first time."""
    if kind not in NOTE_KINDS:
        raise ValueError(f"unknown note kind {kind!r}")
    status = "proses" if kind == "progress" else "terkendala"
    async with db.transaction() as conn:
        earlier = await _replayed(conn, origin)
        if earlier is not None:
            return earlier
        if not await _live(conn, task.id):
            return None
        changed = await _set_parts(
            conn, task.id, unit_id, "status = ?", "status <> 'selesai'", (status,)
        )
        if not changed:
            return None
        await _settle(conn, task.id, None)
        event = await insert_event(
            conn, task.id, kind, user_id, user_name, now, text=text, unit_id=unit_id
        )
        await records.remember(conn, origin, "task_events", event.id)
        await search.index_record(
            conn,
            group_id=task.group_id,
            kind=search.KIND_TASK_NOTE,
            record_id=event.id,
            number=task.number,
            unit_code=event.unit_code or task.codes,
            created_at=now,
            text=text,
        )
    return event


async def close(
    db: Database,
    task: Task,
    *,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: int,
    origin: int | None = None,
) -> Task | None:
    """Close ``unit_id``'s part, or every open part (None); the task is done when every part
    is. The task as it is now; None when no such part was open."""
    async with db.transaction() as conn:
        if not await _live(conn, task.id):
            return None
        changed = await _set_parts(
            conn,
            task.id,
            unit_id,
            "status = 'selesai', closed_at = ?, closed_by = ?",
            "status <> 'selesai'",
            (now, user_id),
        )
        if not changed:
            return None
        await _settle(conn, task.id, None)
        event = await insert_event(
            conn, task.id, "closed", user_id, user_name, now, unit_id=unit_id
        )
        await records.remember(conn, origin, "task_events", event.id)
        return await _task(conn, task.id)


async def attach(
    db: Database,
    task: Task,
    evidence: Evidence,
    *,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: int,
    origin: int | None = None,
) -> TaskEvent:
    """Keep a document or photo as evidence of ``unit_id``'s part (None: of the task); the
    status does not change. An update handled again gets the evidence it kept the first time."""
    async with db.transaction() as conn:
        earlier = await _replayed(conn, origin)
        if earlier is not None:
            return earlier
        event = await insert_event(
            conn, task.id, "evidence", user_id, user_name, now, evidence=evidence, unit_id=unit_id
        )
        await records.remember(conn, origin, "task_events", event.id)
    return event


async def set_due(
    db: Database,
    task: Task,
    due_at: int,
    *,
    following: int,
    user_id: int,
    user_name: str,
    now: int,
) -> Task | None:
    """Move the due date of an open task (its next follow-up becomes ``following``); the task
    as it is now, None when it is closed or withdrawn meanwhile."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE tasks SET due_at = ?, next_followup_at = ? WHERE id = ?"
            " AND status <> 'selesai' AND withdrawn_at IS NULL RETURNING due_at",
            (due_at, following, task.id),
        )
        if await cursor.fetchone() is None:
            return None
        await insert_event(
            conn, task.id, "due_changed", user_id, user_name, now, due=(due_at, task.due_at)
        )
        return await _task(conn, task.id)


async def move(
    db: Database,
    task: Task,
    unit_ids: tuple[int, ...],
    *,
    following: int,
    user_id: int,
    user_name: str,
    now: int,
) -> Task | None:
    """Assign an open task to ``unit_ids`` instead: a unit it keeps keeps its part (status and
    history), a new one starts its part, a unit no longer named loses its part. The task as it
    is now; None when it is closed or withdrawn meanwhile."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "SELECT 1 FROM tasks WHERE id = ? AND status <> 'selesai' AND withdrawn_at IS NULL",
            (task.id,),
        )
        if await cursor.fetchone() is None:
            return None
        marks = ", ".join("?" * len(unit_ids))
        await conn.execute(
            f"DELETE FROM task_units WHERE task_id = ? AND unit_id NOT IN ({marks})",
            (task.id, *unit_ids),
        )
        for position, unit_id in enumerate(unit_ids):
            await conn.execute(
                "INSERT INTO task_units (task_id, unit_id, position) VALUES (?, ?, ?)"
                " ON CONFLICT (task_id, unit_id) DO UPDATE SET position = excluded.position",
                (task.id, unit_id, position),
            )
        await conn.execute("UPDATE tasks SET unit_id = ? WHERE id = ?", (unit_ids[0], task.id))
        await _settle(conn, task.id, following)
        moved = await _task(conn, task.id)
        await insert_event(
            conn, task.id, "moved", user_id, user_name, now, units=(moved.codes, task.codes)
        )
        await corrections.reindex_record(
            conn, "task", task.id, task.group_id, task.number, task.created_at
        )
        return moved


async def reopen(
    db: Database,
    task: Task,
    *,
    unit_id: int | None,
    following: int,
    user_id: int,
    user_name: str,
    now: int,
) -> Task | None:
    """Open ``unit_id``'s closed part again, or every closed part (None): work on it goes on
    (``proses``) and the task is followed up again from ``following``. The task as it is now;
    None when no such part was closed."""
    async with db.transaction() as conn:
        if not await _live(conn, task.id):
            return None
        changed = await _set_parts(
            conn,
            task.id,
            unit_id,
            "status = 'proses', closed_at = NULL, closed_by = NULL",
            "status = 'selesai'",
            (),
        )
        if not changed:
            return None
        await _settle(conn, task.id, following)
        await insert_event(conn, task.id, "reopened", user_id, user_name, now, unit_id=unit_id)
        return await _task(conn, task.id)
