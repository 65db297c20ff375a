"""Attendance taken in the room: who was present at a meeting, per unit, and the daftar hadir
post that collects it (a firing of kind :data:`KIND_LIST`, due at ``meetings.attendance_at``).

A unit is present when a member pressed *Hadir di rapat* (one row per person) or a koordinator
marked it with ``/hadir`` (one row for the unit, without a person).
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage import firings
from storage.db import Database, Earliest, from_row
from storage.firings import NewFiring, Outgoing
from storage.meetings import SELECT as MEETING_SELECT
from storage.meetings import Meeting

KIND_LIST = "meeting_attendance"
"""The firing kind of the daftar hadir post (ref_id = meeting id)."""


@dataclass(frozen=True, slots=True)
class Presence:
    unit_id: int
    unit_code: str
    user_id: int | None
    """Who pressed *Hadir di rapat*; None: a koordinator marked the unit present."""
    full_name: str | None
    marked_by_name: str
    at: int


SELECT = (
    "SELECT p.unit_id, u.code AS unit_code, p.user_id, p.full_name, p.marked_by_name, p.at"
    " FROM meeting_presence p JOIN units u ON u.id = p.unit_id"
)


async def for_meeting(db: Database, meeting_id: int) -> list[Presence]:
    """Everyone recorded present, in the order they were recorded."""
    rows = await db.fetch_all(SELECT + " WHERE p.meeting_id = ? ORDER BY p.at, p.id", (meeting_id,))
    return [from_row(Presence, row) for row in rows]


async def press(
    db: Database, meeting_id: int, *, unit_id: int, user_id: int, full_name: str, at: int
) -> tuple[Presence, bool]:
    """A member is present for their unit; with whether it is new (False: recorded before)."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO meeting_presence (meeting_id, unit_id, user_id, full_name, marked_by_id,"
            " marked_by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (meeting_id, unit_id, user_id, full_name, user_id, full_name, at),
        )
        created = cursor.rowcount == 1
        cursor = await conn.execute(
            SELECT + " WHERE p.meeting_id = ? AND p.user_id = ?", (meeting_id, user_id)
        )
        row = await cursor.fetchone()
    assert row is not None  # noqa: S101 - inserted or found above, in one transaction
    return from_row(Presence, row), created


async def mark(
    db: Database, meeting_id: int, unit_id: int, *, by_id: int, by_name: str, at: int
) -> bool:
    """A koordinator marks a unit present; False when it was recorded present already."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO meeting_presence (meeting_id, unit_id, marked_by_id, marked_by_name, at)"
            " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM meeting_presence"
            " WHERE meeting_id = ? AND unit_id = ?)",
            (meeting_id, unit_id, by_id, by_name, at, meeting_id, unit_id),
        )
        return cursor.rowcount == 1


async def unmark(db: Database, meeting_id: int, unit_id: int) -> bool:
    """Take a unit off the list (a mistake); False when it was not on it."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "DELETE FROM meeting_presence WHERE meeting_id = ? AND unit_id = ?",
            (meeting_id, unit_id),
        )
        return cursor.rowcount > 0


# --- the daftar hadir post (the dispatcher's source, jobs/meeting_attendance.py) -------------


NEXT_LIST = Earliest("SELECT min(attendance_at) FROM meetings WHERE attendance_at IS NOT NULL")


async def lists_due(db: Database, now: int, limit: int = 1000) -> list[Meeting]:
    """Meetings whose daftar hadir is due at ``now``, the earliest first."""
    rows = await db.fetch_all(
        MEETING_SELECT + " WHERE attendance_at <= ? ORDER BY attendance_at LIMIT ?", (now, limit)
    )
    return [from_row(Meeting, row) for row in rows]


async def claim_list(
    db: Database, meeting: Meeting, *, late: bool, message: Outgoing | None, now: int
) -> int | None:
    """Mark the meeting opened at its due time and claim its daftar hadir with ``message``, in
    one transaction (``message`` None: nothing is posted, the due time is dropped). The firing
    id, or None when another run got there first or nothing is to be posted."""
    due = meeting.attendance_at

    async def advance(conn: aiosqlite.Connection) -> bool:
        cursor = await conn.execute(
            "UPDATE meetings SET attendance_at = NULL,"
            " opened_at = CASE WHEN ? THEN coalesce(opened_at, attendance_at) ELSE opened_at END"
            " WHERE id = ? AND attendance_at IS ? AND revision = ?",
            (message is not None, meeting.id, due, meeting.revision),
        )
        return cursor.rowcount == 1

    if message is None or due is None:
        async with db.transaction() as conn:
            await advance(conn)
        return None
    firing = NewFiring(KIND_LIST, meeting.id, due, meeting.group_id, late, message)
    return await firings.claim_after(db, advance, firing, now)


async def postpone_list(db: Database, meeting: Meeting, until: int | None) -> None:
    """Set a daftar hadir that failed aside until ``until`` (None: dropped)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE meetings SET attendance_at = ? WHERE id = ? AND attendance_at IS ?",
            (until, meeting.id, meeting.attendance_at),
        )


async def drop_list(db: Database, meeting_id: int) -> None:
    """No daftar hadir for this meeting (its group refused the bot)."""
    async with db.transaction() as conn:
        await conn.execute("UPDATE meetings SET attendance_at = NULL WHERE id = ?", (meeting_id,))


async def list_message(db: Database, meeting_id: int) -> tuple[int, int] | None:
    """(firing id, message id) of the meeting's daftar hadir as posted; None before that."""
    row = await db.fetch_one(
        "SELECT id, message_id FROM firings WHERE kind = ? AND ref_id = ?"
        " AND message_id IS NOT NULL ORDER BY id DESC LIMIT 1",
        (KIND_LIST, meeting_id),
    )
    return (int(row["id"]), int(row["message_id"])) if row else None
