"""The firing log: every scheduled message is claimed here before it is sent.

``(kind, ref_id, scheduled_at)`` is unique. A firing is claimed in the same transaction that
advances its source (a reminder's next time, a follow-up's state), then marked ``sent`` once
Telegram confirmed it, or ``failed`` when Telegram refused it. A claim still ``sending`` at
start-up was interrupted by a crash: it becomes ``uncertain`` and is not sent again.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.db import Database


@dataclass(frozen=True, slots=True)
class Firing:
    id: int
    kind: str
    ref_id: int
    scheduled_at: int
    chat_id: int
    status: str
    late: bool
    message_id: int | None


_COLUMNS = "id, kind, ref_id, scheduled_at, chat_id, status, late, message_id"


async def claim(
    conn: aiosqlite.Connection,
    *,
    kind: str,
    ref_id: int,
    scheduled_at: int,
    chat_id: int,
    late: bool,
    now: int,
) -> int | None:
    """Claim a firing inside the caller's transaction; None when it was claimed before."""
    cursor = await conn.execute(
        "INSERT INTO firings (kind, ref_id, scheduled_at, chat_id, late, claimed_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        (kind, ref_id, scheduled_at, chat_id, int(late), now),
    )
    row = await cursor.fetchone()
    return row[0] if row else None


async def mark_sent(db: Database, firing_id: int, message_id: int, now: int) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE firings SET status = 'sent', sent_at = ?, message_id = ? WHERE id = ?",
            (now, message_id, firing_id),
        )


async def mark_failed(db: Database, firing_id: int, error: str, now: int) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE firings SET status = 'failed', sent_at = ?, error = ? WHERE id = ?",
            (now, error[:500], firing_id),
        )


async def mark_uncertain(db: Database, firing_id: int, error: str, now: int) -> None:
    """The send may or may not have reached Telegram (a timeout): it is not sent again."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE firings SET status = 'uncertain', sent_at = ?, error = ? WHERE id = ?",
            (now, error[:500], firing_id),
        )


async def mark_interrupted(db: Database) -> int:
    """Claims left ``sending`` by a crash become ``uncertain``; returns how many."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE firings SET status = 'uncertain' WHERE status = 'sending'"
        )
        return cursor.rowcount


async def get(db: Database, firing_id: int) -> Firing | None:
    row = await db.fetch_one(f"SELECT {_COLUMNS} FROM firings WHERE id = ?", (firing_id,))
    if row is None:
        return None
    values = list(row)
    values[6] = bool(values[6])
    return Firing(*values)


async def for_ref(db: Database, kind: str, ref_id: int) -> list[Firing]:
    """Every firing of one source record, oldest first."""
    rows = await db.fetch_all(
        f"SELECT {_COLUMNS} FROM firings WHERE kind = ? AND ref_id = ? ORDER BY scheduled_at",
        (kind, ref_id),
    )
    return [Firing(*row[:6], bool(row[6]), row[7]) for row in rows]
