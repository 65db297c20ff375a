"""Meetings (rapat): their schedule, the two reminders still due, opening and closing, and the
group's settings.

The meeting row is the source of truth for what is still to be posted: ``day_before_at`` and
``hour_before_at`` hold the reminders still due, ``attendance_at`` the daftar hadir (NULL once
claimed, switched off, opened earlier, closed or cancelled; see ``storage.attendance``).
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage import firings, records
from storage.db import Database, Earliest, earliest, from_row, one_row
from storage.firings import NewFiring, Outgoing

KIND_REMINDER = "meeting_reminder"
"""The firing kind of both meeting reminders (ref_id = meeting id)."""


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    group_id: int
    number: int
    title: str
    place: str
    starts_at: int
    ends_at: int
    zone: str
    chair_id: int
    chair_name: str
    status: str
    """``scheduled`` or ``cancelled``."""
    revision: int
    message_id: int | None
    day_before_at: int | None
    hour_before_at: int | None
    created_at: int
    attendance_at: int | None
    """When the daftar hadir is still to be posted (None: claimed, opened, closed, cancelled)."""
    opened_at: int | None
    """When the daftar hadir was opened (the start time, or an earlier ``/rapat mulai``)."""
    closed_at: int | None
    """When ``/rapat selesai`` closed the meeting."""
    notetaker_id: int | None
    notetaker_name: str | None

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def began_at(self) -> int:
        """When it began, or begins: the start time, or the ``/rapat mulai`` before it."""
        return min(self.opened_at, self.starts_at) if self.opened_at else self.starts_at


@dataclass(frozen=True, slots=True)
class NewMeeting:
    group_id: int
    title: str
    place: str
    starts_at: int
    ends_at: int
    zone: str
    chair_id: int
    chair_name: str
    day_before_at: int | None
    hour_before_at: int | None


@dataclass(frozen=True, slots=True)
class MeetingSettings:
    day_before_minute: int | None
    """Time of day of the day-before reminder (minutes after midnight); None = off."""
    hour_before_min: int | None
    """How long before the start the second reminder goes; None = off."""
    duration_min: int


DEFAULT_SETTINGS = MeetingSettings(day_before_minute=16 * 60, hour_before_min=60, duration_min=120)

_COLUMNS = (
    "id, group_id, number, title, place, starts_at, ends_at, zone, chair_id, chair_name,"
    " status, revision, message_id, day_before_at, hour_before_at, created_at, attendance_at,"
    " opened_at, closed_at, notetaker_id, notetaker_name"
)
SELECT = f"SELECT {_COLUMNS} FROM meetings"
SETTINGS_SELECT = "SELECT day_before_minute, hour_before_min, duration_min FROM meeting_settings"


async def create(
    db: Database, new: NewMeeting, now: int, origin: int | None = None
) -> tuple[Meeting, bool]:
    """Store a meeting with the group's next number; carried-over agenda items waiting for a
    meeting join it. The meeting and whether it is new (False: update ``origin`` made it)."""
    async with db.transaction() as conn:
        inserted = await records.insert_numbered(
            conn,
            "meetings",
            new.group_id,
            {
                "title": new.title,
                "place": new.place,
                "starts_at": new.starts_at,
                "ends_at": new.ends_at,
                "zone": new.zone,
                "chair_id": new.chair_id,
                "chair_name": new.chair_name,
                "day_before_at": new.day_before_at,
                "hour_before_at": new.hour_before_at,
                "attendance_at": new.starts_at,
                "created_at": now,
            },
            origin=origin,
            now=now,
        )
        if inserted.created:
            await conn.execute(
                "UPDATE agenda_items SET meeting_id = ? WHERE group_id = ? AND meeting_id IS NULL",
                (inserted.id, new.group_id),
            )
        row = await one_row(conn, SELECT + " WHERE id = ?", (inserted.id,))
    return from_row(Meeting, row), inserted.created


async def get(db: Database, meeting_id: int) -> Meeting | None:
    row = await db.fetch_one(SELECT + " WHERE id = ?", (meeting_id,))
    return from_row(Meeting, row) if row else None


async def by_number(db: Database, group_id: int, number: int) -> Meeting | None:
    row = await db.fetch_one(SELECT + " WHERE group_id = ? AND number = ?", (group_id, number))
    return from_row(Meeting, row) if row else None


async def upcoming(db: Database, group_id: int, now: int, limit: int = 10) -> list[Meeting]:
    """Scheduled meetings not over yet (under way or ahead), soonest first."""
    rows = await db.fetch_all(
        SELECT + " WHERE group_id = ? AND status = 'scheduled'"
        " AND ends_at > ? ORDER BY starts_at, number LIMIT ?",
        (group_id, now, limit),
    )
    return [from_row(Meeting, row) for row in rows]


async def next_ahead(db: Database, group_id: int, now: int) -> Meeting | None:
    """The next scheduled meeting that has not started yet."""
    row = await db.fetch_one(NEXT_AHEAD, (group_id, now))
    return from_row(Meeting, row) if row else None


NEXT_AHEAD = (
    SELECT + " WHERE group_id = ? AND status = 'scheduled'"
    " AND starts_at > ? ORDER BY starts_at, number LIMIT 1"
)
"""The group's next scheduled meeting that has not started at a time (parameters: group, now)."""


async def candidates_for_records(
    db: Database, group_id: int, *, now: int, starts_by: int, day_start: int
) -> list[Meeting]:
    """The group's meetings a record made at ``now`` may belong to: begun, opened or starting
    by ``starts_by``, and not ended (closed, else its scheduled end) before ``day_start``.

    ``bot.services.meetings.current_for_records`` picks the one among them.
    """
    rows = await db.fetch_all(
        SELECT + " WHERE group_id = ? AND status = 'scheduled'"
        " AND (starts_at <= ? OR opened_at <= ?) AND coalesce(closed_at, ends_at) >= ?"
        " ORDER BY starts_at, number",
        (group_id, starts_by, now, day_start),
    )
    return [from_row(Meeting, row) for row in rows]


async def set_message(db: Database, meeting_id: int, message_id: int) -> None:
    """Remember the bot's post carrying the RSVP buttons."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE meetings SET message_id = ? WHERE id = ?", (message_id, meeting_id)
        )


async def move(
    db: Database,
    meeting_id: int,
    *,
    starts_at: int,
    ends_at: int,
    zone: str,
    place: str,
    day_before_at: int | None,
    hour_before_at: int | None,
) -> Meeting | None:
    """Move a scheduled meeting not opened yet (its reminders and daftar hadir follow); None
    when it is cancelled, opened or closed."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE meetings SET starts_at = ?, ends_at = ?, zone = ?, place = ?,"
            " day_before_at = ?, hour_before_at = ?, attendance_at = ?,"
            " revision = revision + 1 WHERE id = ? AND status = 'scheduled'"
            " AND opened_at IS NULL AND closed_at IS NULL RETURNING " + _COLUMNS,
            (starts_at, ends_at, zone, place, day_before_at, hour_before_at, starts_at, meeting_id),
        )
        row = await cursor.fetchone()
    return from_row(Meeting, row) if row else None


@dataclass(frozen=True, slots=True)
class Cancelled:
    meeting: Meeting
    moved: tuple[int, ...]
    """The numbers of its open agenda items, moved on."""
    moved_to: Meeting | None
    """The next scheduled meeting, which took them; None: they wait for the next one created."""


async def cancel(db: Database, meeting_id: int, now: int) -> Cancelled | None:
    """Cancel a scheduled meeting, its reminders and its daftar hadir, and move its open agenda
    items to the group's next meeting ahead (or leave them waiting for the next one created),
    in one transaction; None when it was not scheduled."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE meetings SET status = 'cancelled', cancelled_at = ?, day_before_at = NULL,"
            " hour_before_at = NULL, attendance_at = NULL, revision = revision + 1"
            " WHERE id = ? AND status = 'scheduled' RETURNING " + _COLUMNS,
            (now, meeting_id),
        )
        row = await cursor.fetchone()
        if row is None:
            return None
        meeting = from_row(Meeting, row)
        cursor = await conn.execute(
            SELECT + " WHERE group_id = ? AND status = 'scheduled' AND starts_at > ?"
            " ORDER BY starts_at, number LIMIT 1",
            (meeting.group_id, now),
        )
        following = await cursor.fetchone()
        moved_to = from_row(Meeting, following) if following else None
        cursor = await conn.execute(
            "UPDATE agenda_items SET meeting_id = ? WHERE meeting_id = ? AND status = 'open'"
            " RETURNING number",
            (moved_to.id if moved_to else None, meeting.id),
        )
        moved = tuple(sorted(row["number"] for row in await cursor.fetchall()))
    return Cancelled(meeting, moved, moved_to)


async def open_room(
    db: Database, meeting_id: int, *, chair_id: int, chair_name: str, firing: NewFiring, now: int
) -> tuple[Meeting, int | None] | None:
    """Open the meeting now with this chair (no reminder is due any more): the daftar hadir is
    claimed (``firing``) in the same transaction, unless it was opened before (then the chair
    stays who opened it). The meeting and the firing claimed (None: opened before); None when
    it is not scheduled or already closed."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "SELECT opened_at FROM meetings WHERE id = ? AND status = 'scheduled'"
            " AND closed_at IS NULL",
            (meeting_id,),
        )
        found = await cursor.fetchone()
        if found is None:
            return None
        row = await one_row(
            conn,
            "UPDATE meetings SET opened_at = coalesce(opened_at, ?), attendance_at = NULL,"
            " day_before_at = NULL, hour_before_at = NULL,"
            " chair_id = CASE WHEN opened_at IS NULL THEN ? ELSE chair_id END,"
            " chair_name = CASE WHEN opened_at IS NULL THEN ? ELSE chair_name END"
            " WHERE id = ? RETURNING " + _COLUMNS,
            (now, chair_id, chair_name, meeting_id),
        )
        claimed = await firings.claim(conn, firing, now) if found["opened_at"] is None else None
    return from_row(Meeting, row), claimed


async def close(db: Database, meeting_id: int, now: int) -> Meeting | None:
    """Close a scheduled meeting now (nothing more is posted for it); None when it is not
    scheduled or already closed."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE meetings SET closed_at = ?, opened_at = coalesce(opened_at, ?),"
            " attendance_at = NULL, day_before_at = NULL, hour_before_at = NULL"
            " WHERE id = ? AND status = 'scheduled' AND closed_at IS NULL RETURNING " + _COLUMNS,
            (now, now, meeting_id),
        )
        row = await cursor.fetchone()
    return from_row(Meeting, row) if row else None


async def set_notetaker(db: Database, meeting_id: int, user_id: int, name: str) -> Meeting | None:
    """Name the meeting's notulis; None when the meeting is cancelled."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE meetings SET notetaker_id = ?, notetaker_name = ?"
            " WHERE id = ? AND status = 'scheduled' RETURNING " + _COLUMNS,
            (user_id, name, meeting_id),
        )
        row = await cursor.fetchone()
    return from_row(Meeting, row) if row else None


# --- reminders ----------------------------------------------------------------------------


NEXT_REMINDER = Earliest(
    "SELECT min(at) FROM (SELECT min(day_before_at) AS at FROM meetings"
    " UNION ALL SELECT min(hour_before_at) FROM meetings)"
)


async def next_reminder_at(db: Database) -> int | None:
    return await earliest(db, [NEXT_REMINDER])


async def reminders_due(db: Database, now: int, limit: int = 1000) -> list[Meeting]:
    """Meetings with a reminder due at ``now``, the earliest due first."""
    rows = await db.fetch_all(
        SELECT + " WHERE status = 'scheduled'"
        " AND (day_before_at <= ? OR hour_before_at <= ?)"
        " ORDER BY min(coalesce(day_before_at, hour_before_at),"
        " coalesce(hour_before_at, day_before_at)) LIMIT ?",
        (now, now, limit),
    )
    return [from_row(Meeting, row) for row in rows]


async def claim_reminder(
    db: Database,
    meeting: Meeting,
    *,
    scheduled_at: int | None,
    late: bool,
    message: Outgoing | None,
    now: int,
) -> int | None:
    """Clear the meeting's due reminders and claim the one to send with its message, in one
    transaction.

    ``scheduled_at`` is the reminder to send (None: nothing is sent, the due ones are dropped,
    e.g. when the meeting has already started). Returns the firing id, or None when another
    run got there first or nothing is to be sent.
    """

    async def advance(conn: aiosqlite.Connection) -> bool:
        cursor = await conn.execute(
            "UPDATE meetings SET"
            " day_before_at = CASE WHEN day_before_at <= ? THEN NULL ELSE day_before_at END,"
            " hour_before_at = CASE WHEN hour_before_at <= ? THEN NULL ELSE hour_before_at END"
            " WHERE id = ? AND status = 'scheduled' AND revision = ?"
            " AND day_before_at IS ? AND hour_before_at IS ?",
            (
                now,
                now,
                meeting.id,
                meeting.revision,
                meeting.day_before_at,
                meeting.hour_before_at,
            ),
        )
        return cursor.rowcount == 1

    if scheduled_at is None or message is None:
        async with db.transaction() as conn:
            await advance(conn)
        return None
    firing = NewFiring(KIND_REMINDER, meeting.id, scheduled_at, meeting.group_id, late, message)
    return await firings.claim_after(db, advance, firing, now)


async def postpone_reminders(db: Database, meeting: Meeting, until: int | None) -> None:
    """Set the meeting's due reminders that failed aside until ``until`` (None: dropped)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE meetings SET"
            " day_before_at = CASE WHEN day_before_at IS ? THEN ? ELSE day_before_at END,"
            " hour_before_at = CASE WHEN hour_before_at IS ? THEN ? ELSE hour_before_at END"
            " WHERE id = ?",
            (meeting.day_before_at, until, meeting.hour_before_at, until, meeting.id),
        )


async def drop_reminders(db: Database, meeting_id: int) -> None:
    """No more reminders of this meeting (its group refused the bot)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE meetings SET day_before_at = NULL, hour_before_at = NULL WHERE id = ?",
            (meeting_id,),
        )


# --- settings -------------------------------------------------------------------------------


async def settings(db: Database, group_id: int) -> MeetingSettings:
    row = await db.fetch_one(SETTINGS_SELECT + " WHERE group_id = ?", (group_id,))
    return from_row(MeetingSettings, row) if row else DEFAULT_SETTINGS


async def save_settings(db: Database, group_id: int, value: MeetingSettings) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO meeting_settings (group_id, day_before_minute, hour_before_min,"
            " duration_min) VALUES (?, ?, ?, ?) ON CONFLICT (group_id) DO UPDATE SET"
            " day_before_minute = excluded.day_before_minute,"
            " hour_before_min = excluded.hour_before_min, duration_min = excluded.duration_min",
            (group_id, value.day_before_minute, value.hour_before_min, value.duration_min),
        )
