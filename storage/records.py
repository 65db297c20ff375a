"""Numbered records (announcements, meetings, agenda items, decisions, tasks, reminders): the one
place a record is inserted with its group's next number, indexed for search, and tied to the
update that asked for it.

The tie makes commands idempotent: a command handled again after a crash (its update was
stored but not marked done) finds the record it made the first time instead of making a second
one (``update_records``, written in the same transaction as the record).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import aiosqlite

from storage import search
from storage.db import one_row


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """How a record is found with /cari: its kind, its text and the unit it is from."""

    kind: str
    text: str
    unit_id: int | None


@dataclass(frozen=True, slots=True)
class Inserted:
    id: int
    number: int
    created: bool
    """False: the update that asked had made it before (a command handled again)."""


async def recorded(conn: aiosqlite.Connection, origin: int | None, kind: str) -> int | None:
    """The id of the ``kind`` record update ``origin`` made, if it made one."""
    if origin is None:
        return None
    cursor = await conn.execute(
        "SELECT record_id FROM update_records WHERE update_id = ? AND kind = ?", (origin, kind)
    )
    row = await cursor.fetchone()
    return int(row["record_id"]) if row else None


async def remember(
    conn: aiosqlite.Connection, origin: int | None, kind: str, record_id: int
) -> None:
    """Tie a record to the update that made it (inside the record's transaction)."""
    if origin is not None:
        await conn.execute(
            "INSERT INTO update_records (update_id, kind, record_id) VALUES (?, ?, ?)",
            (origin, kind, record_id),
        )


async def insert_numbered(
    conn: aiosqlite.Connection,
    table: str,
    group_id: int,
    values: Mapping[str, object],
    *,
    origin: int | None,
    now: int,
    group_column: str = "group_id",
    entry: SearchEntry | None = None,
) -> Inserted:
    """Insert a record into ``table`` (a constant) with its group's next number, index it and
    tie it to ``origin``, inside the caller's transaction; a replayed update gets its record."""
    existing = await recorded(conn, origin, table)
    if existing is not None:
        cursor = await conn.execute(f"SELECT number FROM {table} WHERE id = ?", (existing,))
        row = await cursor.fetchone()
        if row is not None:
            return Inserted(existing, int(row["number"]), created=False)
    columns = ", ".join((group_column, *values))
    marks = ", ".join("?" for _ in range(len(values) + 1))
    row = await one_row(
        conn,
        f"INSERT INTO {table} ({columns}, number) VALUES ({marks},"
        f" (SELECT coalesce(max(number), 0) + 1 FROM {table} WHERE {group_column} = ?))"
        " RETURNING id, number",
        (group_id, *values.values(), group_id),
    )
    inserted = Inserted(int(row["id"]), int(row["number"]), created=True)
    if entry is not None:
        cursor = await conn.execute("SELECT code FROM units WHERE id = ?", (entry.unit_id,))
        unit = await cursor.fetchone()
        await search.index_record(
            conn,
            group_id=group_id,
            kind=entry.kind,
            record_id=inserted.id,
            number=inserted.number,
            unit_code=unit["code"] if unit else None,
            created_at=now,
            text=entry.text,
        )
    await remember(conn, origin, table, inserted.id)
    return inserted
