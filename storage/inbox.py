"""The durable inbox: every update is stored before Telegram is told it arrived."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from storage.db import Database


async def store(db: Database, update_id: int, payload: str, received_at: int) -> bool:
    """Store an update; False when it was stored before (a re-delivery)."""
    return update_id in await store_many(db, [(update_id, payload)], received_at)


async def store_many(
    db: Database, updates: Sequence[tuple[int, str]], received_at: int
) -> set[int]:
    """Store updates (``update_id, payload``) in one durable transaction: on disk when this
    returns, as Telegram may be told next that they arrived. The ids stored now (the others
    were stored before: re-deliveries)."""

    def work(conn: sqlite3.Connection) -> set[int]:
        stored = set()
        for update_id, payload in updates:
            cursor = conn.execute(
                "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO NOTHING",
                (update_id, payload, received_at),
            )
            if cursor.rowcount == 1:
                stored.add(update_id)
        return stored

    return await db.atomic(work, durable=True)


async def mark_done(db: Database, update_id: int, done_at: int) -> None:
    """Mark an update handled and drop its payload (only its id is kept, against re-delivery)."""
    await mark_all_done(db, {update_id: done_at})


async def mark_all_done(db: Database, done: Mapping[int, int]) -> None:
    """:func:`mark_done` for each ``update_id: done_at``, in one transaction."""
    marks = [(done_at, update_id) for update_id, done_at in done.items()]

    def work(conn: sqlite3.Connection) -> None:
        conn.executemany(
            "UPDATE inbox SET done_at = ?, payload = NULL WHERE update_id = ? AND done_at IS NULL",
            marks,
        )

    await db.atomic(work)


async def pending(db: Database) -> list[tuple[int, str]]:
    """Updates stored but not handled yet, oldest first: (update_id, payload)."""
    rows = await db.fetch_all(
        "SELECT update_id, payload FROM inbox WHERE done_at IS NULL ORDER BY update_id"
    )
    return [(row["update_id"], row["payload"]) for row in rows]


async def backlog(db: Database) -> int:
    """How many stored updates are not handled yet."""
    row = await db.fetch_one("SELECT count(*) AS n FROM inbox WHERE done_at IS NULL")
    return int(row["n"]) if row else 0


async def forget_done_before(db: Database, before: int) -> int:
    """Delete handled updates older than ``before``; Telegram re-delivers only recent ones."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "DELETE FROM inbox WHERE done_at IS NOT NULL AND done_at < ?", (before,)
        )
        return cursor.rowcount
