"""Scheduled items that raised while being fired: counted, so the dispatcher backs off."""

from __future__ import annotations

from storage.db import Database


async def record(db: Database, source: str, ref_id: int, error: str, now: int) -> int:
    """Count one more failure of ``(source, ref_id)``; returns how many in a row."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO dispatch_faults (source, ref_id, failures, error, at)"
            " VALUES (?, ?, 1, ?, ?) ON CONFLICT (source, ref_id) DO UPDATE SET"
            " failures = failures + 1, error = excluded.error, at = excluded.at"
            " RETURNING failures",
            (source, ref_id, error[:500], now),
        )
        row = await cursor.fetchone()
    return int(row["failures"]) if row else 1


async def keys(db: Database) -> set[tuple[str, int]]:
    """Every ``(source, ref_id)`` that failed and has not succeeded since."""
    rows = await db.fetch_all("SELECT source, ref_id FROM dispatch_faults")
    return {(row["source"], row["ref_id"]) for row in rows}


async def clear(db: Database, source: str, ref_id: int) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "DELETE FROM dispatch_faults WHERE source = ? AND ref_id = ?", (source, ref_id)
        )


async def count(db: Database) -> int:
    row = await db.fetch_one("SELECT count(*) AS n FROM dispatch_faults")
    return int(row["n"]) if row else 0
