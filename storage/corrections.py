"""Corrections of numbered records: a text edited (the earlier one kept, the search index
following) and a record withdrawn (kept with who and when, taken out of the search index;
every reader leaves it out by ``withdrawn_at IS NULL``).

Announcements, decisions, agenda items and tasks can be edited; those and reminders can be
withdrawn. Tasks keep their earlier texts in their own history (``task_events``), the others in
``record_edits``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import aiosqlite

from storage import confirmations, search
from storage.db import Database, from_row

Kind = Literal["announcement", "decision", "agenda_item", "task", "reminder"]
EDITABLE: tuple[Kind, ...] = ("announcement", "decision", "agenda_item", "task")
WITHDRAWABLE: tuple[Kind, ...] = (*EDITABLE, "reminder")

_UNIT_CODE = "SELECT u.code FROM {table} r JOIN units u ON u.id = r.unit_id WHERE r.id = ?"


def task_unit_codes(task: str) -> str:
    """SQL giving ``code``: the codes of the units of task ``task`` (a column or ``?``) in the
    order they were given, ``DISHUB, BAPPERIDA``."""
    return (
        "SELECT group_concat(code, ', ') AS code FROM (SELECT u.code FROM task_units p"
        f" JOIN units u ON u.id = p.unit_id WHERE p.task_id = {task} ORDER BY p.position)"
    )


@dataclass(frozen=True, slots=True)
class _Table:
    name: str
    unit_code: str | None
    """SQL giving the ``code`` the record is indexed under (None: not searchable)."""
    withdrawable: str
    """The condition a record must meet to be withdrawn."""
    on_withdraw: str
    """What else a withdrawal sets (its follow-ups stop)."""


_TABLES: dict[Kind, _Table] = {
    "announcement": _Table(
        "announcements",
        _UNIT_CODE.format(table="announcements"),
        "withdrawn_at IS NULL",
        ", next_followup_at = NULL",
    ),
    "decision": _Table(
        "decisions", _UNIT_CODE.format(table="decisions"), "withdrawn_at IS NULL", ""
    ),
    "agenda_item": _Table(
        "agenda_items", _UNIT_CODE.format(table="agenda_items"), "withdrawn_at IS NULL", ""
    ),
    "task": _Table(
        "tasks", task_unit_codes("?"), "withdrawn_at IS NULL", ", next_followup_at = NULL"
    ),
    "reminder": _Table(
        "reminders", None, "status = 'pending'", ", status = 'cancelled', next_at = NULL"
    ),
}


@dataclass(frozen=True, slots=True)
class RecordEdit:
    """An earlier text of a record: what it said at ``version``, until ``user_name`` changed it
    at ``at``."""

    version: int
    text: str
    user_id: int
    user_name: str
    at: int


EDIT_SELECT = "SELECT version, text, user_id, user_name, at FROM record_edits"


@dataclass(frozen=True, slots=True)
class Revised:
    version: int
    """The record's version after the edit."""
    previous: str


Withdrawal = Literal["withdrawn", "unanswerable", "not_withdrawable"]
"""``unanswerable``: the confirmation was answered before or expired; ``not_withdrawable``:
the record is withdrawn already (or, a reminder, no longer pending)."""


async def revise(
    conn: aiosqlite.Connection,
    kind: Kind,
    record_id: int,
    text: str,
    user_id: int,
    user_name: str,
    now: int,
) -> Revised | None:
    """Replace the text of a record that is not withdrawn, keep the earlier one and re-index it
    (inside the caller's transaction); None when the record is withdrawn or gone."""
    table = _TABLES[kind]
    cursor = await conn.execute(
        f"SELECT group_id, number, created_at, text, version{', status' if kind == 'task' else ''}"
        f" FROM {table.name} WHERE id = ? AND withdrawn_at IS NULL",
        (record_id,),
    )
    row = await cursor.fetchone()
    if row is None:
        return None
    if kind == "task":
        await conn.execute(
            "INSERT INTO task_events (task_id, kind, status, text, user_id, user_name, at)"
            " VALUES (?, 'edited', ?, ?, ?, ?, ?)",
            (record_id, row["status"], row["text"], user_id, user_name, now),
        )
    else:
        await conn.execute(
            "INSERT INTO record_edits (kind, record_id, version, text, user_id, user_name, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, record_id, row["version"], row["text"], user_id, user_name, now),
        )
    await conn.execute(
        f"UPDATE {table.name} SET text = ?, version = version + 1 WHERE id = ?",
        (text, record_id),
    )
    await reindex_record(conn, kind, record_id, row["group_id"], row["number"], row["created_at"])
    return Revised(int(row["version"]) + 1, row["text"])


async def reindex_record(
    conn: aiosqlite.Connection,
    kind: Kind,
    record_id: int,
    group_id: int,
    number: int,
    created_at: int,
) -> None:
    """Index the record's current text and unit(s) again (replacing its entry)."""
    table = _TABLES[kind]
    if table.unit_code is None:
        return
    cursor = await conn.execute(table.unit_code, (record_id,))
    unit = await cursor.fetchone()
    cursor = await conn.execute(f"SELECT text FROM {table.name} WHERE id = ?", (record_id,))
    current = await cursor.fetchone()
    if current is None:
        return
    await search.index_record(
        conn,
        group_id=group_id,
        kind=kind,
        record_id=record_id,
        number=number,
        unit_code=unit["code"] if unit else None,
        created_at=created_at,
        text=current["text"],
    )


async def edit(
    db: Database,
    kind: Kind,
    record_id: int,
    text: str,
    user_id: int,
    user_name: str,
    now: int,
) -> Revised | None:
    """:func:`revise` as its own transaction."""
    async with db.transaction() as conn:
        return await revise(conn, kind, record_id, text, user_id, user_name, now)


async def withdraw(
    db: Database,
    kind: Kind,
    record_id: int,
    *,
    confirmation_id: int,
    by: int,
    by_name: str,
    now: int,
) -> Withdrawal:
    """Withdraw a record as ``confirmation_id`` confirms, in one transaction: kept with who and
    when, out of the search index (a task with its notes), its follow-ups stopped."""
    table = _TABLES[kind]
    async with db.transaction() as conn:
        if not await confirmations.answer(conn, confirmation_id, "yes", by, now):
            return "unanswerable"
        cursor = await conn.execute(
            f"UPDATE {table.name} SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_by_name = ?"
            f"{table.on_withdraw} WHERE id = ? AND {table.withdrawable}",
            (now, by, by_name, record_id),
        )
        if cursor.rowcount != 1:
            return "not_withdrawable"
        if table.unit_code is not None:
            await search.unindex_record(conn, kind, record_id)
        if kind == "task":
            cursor = await conn.execute(
                "SELECT id FROM task_events WHERE task_id = ? AND kind IN ('progress', 'blocked')",
                (record_id,),
            )
            for note in await cursor.fetchall():
                await search.unindex_record(conn, search.KIND_TASK_NOTE, note["id"])
    return "withdrawn"


async def edits(db: Database, kind: Kind, record_id: int) -> list[RecordEdit]:
    """The record's earlier texts, oldest first (tasks: see their history instead)."""
    rows = await db.fetch_all(
        EDIT_SELECT + " WHERE kind = ? AND record_id = ? ORDER BY version", (kind, record_id)
    )
    return [from_row(RecordEdit, row) for row in rows]
