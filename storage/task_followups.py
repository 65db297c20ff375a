"""What is due in the tasks' follow-ups and weekly digests, and claiming their firings.

A follow-up message combines every task of a group that is due at the same 09.00, so the
firing is the group's: ``(task_followup, group_id, slot)``. Each task's ``next_followup_at`` is
advanced in the same transaction as the claim, so nothing is sent twice, even across a crash.
The weekly digest is ``(task_digest, group_id, slot)``, advanced the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage import firings, tasks
from storage.db import Database, Earliest, earliest, from_row
from storage.firings import NewFiring, Outgoing
from storage.tasks import Task

KIND_FOLLOWUP = "task_followup"
KIND_DIGEST = "task_digest"


@dataclass(frozen=True, slots=True)
class Advance:
    task_id: int
    due: int
    """The follow-up time that is being sent (the task's ``next_followup_at``)."""
    following: int | None
    """The one after it."""


@dataclass(frozen=True, slots=True)
class DigestSetting:
    group_id: int
    day: int
    """0 = Monday."""
    minute: int
    """Minutes after midnight in the group's zone."""
    next_at: int | None


DIGEST_SELECT = (
    "SELECT group_id, digest_day AS day, digest_minute AS minute, next_digest_at AS next_at"
    " FROM task_settings"
)


NEXT_FOLLOWUP = Earliest(
    "SELECT min(next_followup_at) FROM tasks WHERE status <> 'selesai' AND withdrawn_at IS NULL"
)


async def next_followup_at(db: Database) -> int | None:
    return await earliest(db, [NEXT_FOLLOWUP])


async def due_followups(db: Database, now: int, limit: int = 5000) -> list[Task]:
    """Open tasks (not withdrawn) whose follow-up has come, by group and number."""
    rows = await db.fetch_all(
        f"{tasks.SELECT} WHERE t.status <> 'selesai' AND {tasks.SHOWN}"
        " AND t.next_followup_at <= ? ORDER BY t.group_id, t.number LIMIT ?",
        (now, limit),
    )
    return [tasks.task_of(row) for row in rows]


async def claim_followup(
    db: Database,
    group_id: int,
    advances: list[Advance],
    *,
    scheduled_at: int,
    late: bool,
    message: Outgoing,
    now: int,
) -> int | None:
    """Advance the tasks past this follow-up and claim the group's firing with its message, in
    one transaction.

    None when none of the tasks is still due (closed or advanced by another run meanwhile) or
    the firing was claimed before.
    """

    async def advance(conn: aiosqlite.Connection) -> bool:
        moved = 0
        for step in advances:
            cursor = await conn.execute(
                "UPDATE tasks SET next_followup_at = ?"
                " WHERE id = ? AND status <> 'selesai' AND next_followup_at = ?",
                (step.following, step.task_id, step.due),
            )
            moved += cursor.rowcount
        return moved > 0

    firing = NewFiring(KIND_FOLLOWUP, group_id, scheduled_at, group_id, late, message)
    return await firings.claim_after(db, advance, firing, now)


async def postpone_followups(db: Database, task_ids: list[int], until: int | None) -> None:
    """Set follow-ups that failed aside until ``until`` (None: no more follow-ups)."""
    async with db.transaction() as conn:
        await conn.executemany(
            "UPDATE tasks SET next_followup_at = ? WHERE id = ?",
            [(until, task_id) for task_id in task_ids],
        )


async def stop_followups(db: Database, group_id: int) -> None:
    """No more follow-ups or digests for a group that refused the bot."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE tasks SET next_followup_at = NULL WHERE group_id = ?", (group_id,)
        )
        await conn.execute(
            "UPDATE task_settings SET next_digest_at = NULL WHERE group_id = ?", (group_id,)
        )


async def digest_setting(db: Database, group_id: int) -> DigestSetting | None:
    row = await db.fetch_one(DIGEST_SELECT + " WHERE group_id = ?", (group_id,))
    return from_row(DigestSetting, row) if row else None


async def set_digest(
    db: Database, group_id: int, day: int, minute: int, next_at: int | None
) -> None:
    """Set the weekly digest's day and time (``next_at`` None switches it off)."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO task_settings (group_id, digest_day, digest_minute, next_digest_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (group_id) DO UPDATE SET"
            " digest_day = excluded.digest_day, digest_minute = excluded.digest_minute,"
            " next_digest_at = excluded.next_digest_at",
            (group_id, day, minute, next_at),
        )


NEXT_DIGEST = Earliest("SELECT min(next_digest_at) FROM task_settings")


async def due_digests(db: Database, now: int) -> list[DigestSetting]:
    rows = await db.fetch_all(
        DIGEST_SELECT + " WHERE next_digest_at <= ? ORDER BY next_digest_at", (now,)
    )
    return [from_row(DigestSetting, row) for row in rows]


async def claim_digest(
    db: Database,
    setting: DigestSetting,
    *,
    following: int,
    late: bool,
    message: Outgoing | None,
    now: int,
) -> int | None:
    """Move the digest to ``following`` and claim this one with its message (None: nothing to
    send this week), in one transaction; the firing id."""

    async def advance(conn: aiosqlite.Connection) -> bool:
        cursor = await conn.execute(
            "UPDATE task_settings SET next_digest_at = ? WHERE group_id = ? AND next_digest_at = ?",
            (following, setting.group_id, setting.next_at),
        )
        return cursor.rowcount == 1

    if message is None or setting.next_at is None:
        async with db.transaction() as conn:
            await advance(conn)
        return None
    firing = NewFiring(
        KIND_DIGEST, setting.group_id, setting.next_at, setting.group_id, late, message
    )
    return await firings.claim_after(db, advance, firing, now)


async def postpone_digest(db: Database, group_id: int, until: int | None) -> None:
    """Set a digest that failed aside until ``until`` (None: switched off)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE task_settings SET next_digest_at = ? WHERE group_id = ?", (until, group_id)
        )
