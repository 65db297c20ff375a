"""Announcements, their acknowledgements per unit and version, and the follow-up state.

The units an announcement is for are the group's units when it was made, written with it
(``announcement_units``): a unit added later is neither counted nor followed up, and archiving
or restoring a unit never changes an announcement's figures. An edited announcement has a new
version; its count is of the units that acknowledged that version (``earlier``: those that
acknowledged only an earlier one). A withdrawn announcement is left out of every list and
follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import aiosqlite

from storage import corrections, firings, records, search
from storage.corrections import Revised
from storage.db import Database, Earliest, earliest, from_row, one_row
from storage.firings import NewFiring, Outgoing
from storage.units import Unit

FOLLOWUP_KIND = "announcement_followup"
DEFAULT_FOLLOWUP_MINUTE = 9 * 60
"""09.00, in minutes after midnight in the group's zone."""


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    group_id: int
    number: int
    author_id: int
    author_name: str
    unit_id: int | None
    unit_code: str | None
    """The author's unit (when they wrote it)."""
    text: str
    created_at: int
    message_id: int | None
    """The bot's post carrying the Diterima button (None until it was posted)."""
    source_message_id: int | None
    first_followup_at: int
    second_followup_at: int
    next_followup_at: int | None
    followups_sent: int
    version: int
    """1 as first announced, one more per edit."""
    withdrawn_at: int | None
    withdrawn_by_name: str | None

    @property
    def edited(self) -> bool:
        return self.version > 1


@dataclass(frozen=True, slots=True)
class NewAnnouncement:
    group_id: int
    author_id: int
    author_name: str
    unit_id: int | None
    text: str
    source_message_id: int | None
    first_followup_at: int
    second_followup_at: int


@dataclass(frozen=True, slots=True)
class Progress:
    acked: int
    """Units that acknowledged the current version."""
    total: int
    earlier: int
    """Units that acknowledged only an earlier version."""


@dataclass(frozen=True, slots=True)
class Listed:
    announcement: Announcement
    progress: Progress


@dataclass(frozen=True, slots=True)
class Ack:
    status: Literal["stored", "already", "not_for_unit", "withdrawn"]
    """``not_for_unit``: the unit was added after the announcement."""
    by_name: str | None = None
    """Who acknowledged for the unit (for ``already``)."""
    at: int | None = None


@dataclass(frozen=True, slots=True)
class MissingUnit:
    unit: Unit
    members: tuple[tuple[int, str], ...]
    """(user id, display name) of the unit's current members."""
    acked_earlier: bool
    """It acknowledged an earlier version of the (edited) announcement."""
    archived: bool


_COLUMNS = (
    "a.id, a.group_id, a.number, a.author_id, a.author_name, a.unit_id, w.code AS unit_code,"
    " a.text, a.created_at, a.message_id, a.source_message_id, a.first_followup_at,"
    " a.second_followup_at, a.next_followup_at, a.followups_sent, a.version, a.withdrawn_at,"
    " a.withdrawn_by_name"
)
_FROM = "announcements a LEFT JOIN units w ON w.id = a.unit_id"
_ACKED = (
    "EXISTS (SELECT 1 FROM announcement_acks k"
    " WHERE k.announcement_id = a.id AND k.unit_id = {unit} AND k.version = a.version)"
)
_ACKED_BEFORE = (
    "EXISTS (SELECT 1 FROM announcement_acks k"
    " WHERE k.announcement_id = a.id AND k.unit_id = {unit} AND k.version < a.version)"
)
_PROGRESS = (
    "(SELECT count(*) FROM announcement_units f"
    f" WHERE f.announcement_id = a.id AND {_ACKED.format(unit='f.unit_id')}) AS acked,"
    " (SELECT count(*) FROM announcement_units f WHERE f.announcement_id = a.id) AS total,"
    " (SELECT count(*) FROM announcement_units f WHERE f.announcement_id = a.id"
    f" AND NOT {_ACKED.format(unit='f.unit_id')} AND {_ACKED_BEFORE.format(unit='f.unit_id')})"
    " AS earlier"
)
SELECT = f"SELECT {_COLUMNS} FROM {_FROM}"
PROGRESS_SELECT = f"SELECT {_PROGRESS} FROM announcements a"
_SHOWN = "a.withdrawn_at IS NULL"

search.register_source(
    search.KIND_ANNOUNCEMENT,
    "SELECT a.group_id, a.id AS record_id, a.number, u.code AS unit_code, a.created_at, a.text"
    " FROM announcements a LEFT JOIN units u ON u.id = a.unit_id"
    " WHERE a.withdrawn_at IS NULL ORDER BY a.id",
)


async def create(
    db: Database, new: NewAnnouncement, now: int, origin: int | None = None
) -> tuple[Announcement, bool]:
    """Store an announcement with the group's next number and index it for /cari; the
    announcement and whether it is new (False: update ``origin`` made it before)."""
    async with db.transaction() as conn:
        inserted = await records.insert_numbered(
            conn,
            "announcements",
            new.group_id,
            {
                "author_id": new.author_id,
                "author_name": new.author_name,
                "unit_id": new.unit_id,
                "text": new.text,
                "created_at": now,
                "source_message_id": new.source_message_id,
                "first_followup_at": new.first_followup_at,
                "second_followup_at": new.second_followup_at,
                "next_followup_at": new.first_followup_at,
            },
            origin=origin,
            now=now,
            entry=records.SearchEntry(search.KIND_ANNOUNCEMENT, new.text, new.unit_id),
        )
        if inserted.created:
            await conn.execute(
                "INSERT INTO announcement_units (announcement_id, unit_id)"
                " SELECT ?, id FROM units WHERE group_id = ? AND removed_at IS NULL",
                (inserted.id, new.group_id),
            )
        row = await one_row(conn, SELECT + " WHERE a.id = ?", (inserted.id,))
    return from_row(Announcement, row), inserted.created


async def set_message(db: Database, announcement_id: int, message_id: int) -> None:
    """Remember the bot's post of the announcement (the one whose button shows progress)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE announcements SET message_id = ? WHERE id = ?", (message_id, announcement_id)
        )


async def get(db: Database, announcement_id: int) -> Announcement | None:
    row = await db.fetch_one(SELECT + " WHERE a.id = ?", (announcement_id,))
    return from_row(Announcement, row) if row else None


async def by_number(db: Database, group_id: int, number: int) -> Announcement | None:
    row = await db.fetch_one(SELECT + " WHERE a.group_id = ? AND a.number = ?", (group_id, number))
    return from_row(Announcement, row) if row else None


async def progress(db: Database, announcement_id: int) -> Progress:
    """How many of the units the announcement is for have acknowledged it."""
    row = await db.fetch_one(PROGRESS_SELECT + " WHERE a.id = ?", (announcement_id,))
    return from_row(Progress, row) if row else Progress(0, 0, 0)


async def recent(db: Database, group_id: int, limit: int = 10) -> list[Listed]:
    """The group's latest announcements (not withdrawn), newest first, with their progress."""
    rows = await db.fetch_all(
        f"SELECT {_COLUMNS}, {_PROGRESS} FROM {_FROM} WHERE a.group_id = ? AND {_SHOWN}"
        " ORDER BY a.number DESC LIMIT ?",
        (group_id, limit),
    )
    return [Listed(from_row(Announcement, row), from_row(Progress, row)) for row in rows]


async def acknowledge(
    db: Database, announcement_id: int, unit_id: int, user_id: int, now: int
) -> Ack:
    """Record the unit's acknowledgement of the current version; the first member of a unit to
    press counts."""

    async def work(conn: aiosqlite.Connection) -> Ack:
        cursor = await conn.execute(
            "SELECT a.version, a.withdrawn_at, EXISTS (SELECT 1 FROM announcement_units f"
            " WHERE f.announcement_id = a.id AND f.unit_id = ?) AS addressed"
            " FROM announcements a WHERE a.id = ?",
            (unit_id, announcement_id),
        )
        found = await cursor.fetchone()
        if found is None or found["withdrawn_at"] is not None:
            return Ack("withdrawn")
        if not found["addressed"]:
            return Ack("not_for_unit")
        version = found["version"]
        cursor = await conn.execute(
            "INSERT INTO announcement_acks (announcement_id, unit_id, version, user_id, acked_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (announcement_id, unit_id, version, user_id, now),
        )
        if cursor.rowcount == 1:
            return Ack("stored")
        row = await one_row(
            conn,
            "SELECT coalesce(p.full_name, '') AS name, k.acked_at FROM announcement_acks k"
            " LEFT JOIN users p ON p.user_id = k.user_id"
            " WHERE k.announcement_id = ? AND k.unit_id = ? AND k.version = ?",
            (announcement_id, unit_id, version),
        )
        return Ack("already", by_name=row["name"], at=row["acked_at"])

    return await db.atomically(work)


async def missing_units(db: Database, announcement_id: int) -> list[MissingUnit]:
    """The units the announcement is for that have not acknowledged it, with their members."""
    async with db.reading() as conn:
        return await _missing(conn, announcement_id)


async def _missing(conn: aiosqlite.Connection, announcement_id: int) -> list[MissingUnit]:
    cursor = await conn.execute(
        "SELECT u.id, u.group_id, u.code, u.name, u.removed_at IS NOT NULL AS archived,"
        f" {_ACKED_BEFORE.format(unit='u.id')} AS acked_earlier, m.user_id, p.full_name"
        " FROM announcements a JOIN announcement_units f ON f.announcement_id = a.id"
        " JOIN units u ON u.id = f.unit_id"
        " LEFT JOIN members m ON m.unit_id = u.id AND m.group_id = u.group_id"
        " AND m.left_at IS NULL"
        " LEFT JOIN users p ON p.user_id = m.user_id"
        f" WHERE a.id = ? AND NOT {_ACKED.format(unit='u.id')} ORDER BY u.code, p.full_name",
        (announcement_id,),
    )
    rows = await cursor.fetchall()
    grouped: dict[int, tuple[Unit, list[tuple[int, str]], bool, bool]] = {}
    for row in rows:
        unit, members, _, _ = grouped.setdefault(
            row["id"],
            (from_row(Unit, row), [], bool(row["acked_earlier"]), bool(row["archived"])),
        )
        if row["user_id"] is not None:
            members.append((row["user_id"], row["full_name"] or ""))
    return [
        MissingUnit(unit, tuple(members), earlier, archived)
        for unit, members, earlier, archived in grouped.values()
    ]


NEXT_FOLLOWUP = Earliest(
    "SELECT min(next_followup_at) FROM announcements"
    " WHERE next_followup_at IS NOT NULL AND withdrawn_at IS NULL"
)


async def next_followup_at(db: Database) -> int | None:
    return await earliest(db, [NEXT_FOLLOWUP])


async def due_followups(db: Database, now: int, limit: int = 1000) -> list[Announcement]:
    """Announcements whose next follow-up time has come, oldest first."""
    rows = await db.fetch_all(
        SELECT + f" WHERE a.next_followup_at <= ? AND {_SHOWN} ORDER BY a.next_followup_at LIMIT ?",
        (now, limit),
    )
    return [from_row(Announcement, row) for row in rows]


async def claim_followup(
    db: Database,
    announcement: Announcement,
    *,
    scheduled_at: int,
    next_at: int | None,
    late: bool,
    message: Outgoing,
    now: int,
) -> int | None:
    """Advance the announcement past this follow-up and, when units are still missing, claim
    the firing with its message, in one transaction.

    None when nothing is to be sent: another run advanced it already, or every unit has
    acknowledged meanwhile (then no follow-up is left at all).
    """

    async def advance(conn: aiosqlite.Connection) -> bool:
        missing = bool(await _missing(conn, announcement.id))
        cursor = await conn.execute(
            "UPDATE announcements SET next_followup_at = ?, followups_sent = followups_sent + ?"
            " WHERE id = ? AND next_followup_at = ?",
            (
                next_at if missing else None,
                int(missing),
                announcement.id,
                announcement.next_followup_at,
            ),
        )
        return cursor.rowcount == 1 and missing

    firing = NewFiring(
        FOLLOWUP_KIND, announcement.id, scheduled_at, announcement.group_id, late, message
    )
    return await firings.claim_after(db, advance, firing, now)


async def postpone_followup(db: Database, announcement_id: int, until: int | None) -> None:
    """Set a follow-up that failed aside until ``until`` (None: no more follow-ups)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE announcements SET next_followup_at = ? WHERE id = ?", (until, announcement_id)
        )


async def followup_minute(db: Database, group_id: int) -> int:
    """The group's follow-up time of day, in minutes after midnight (09.00 by default)."""
    row = await db.fetch_one(
        "SELECT followup_minute FROM announcement_settings WHERE group_id = ?", (group_id,)
    )
    return int(row["followup_minute"]) if row else DEFAULT_FOLLOWUP_MINUTE


async def set_followup_minute(db: Database, group_id: int, minute: int) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO announcement_settings (group_id, followup_minute) VALUES (?, ?)"
            " ON CONFLICT (group_id) DO UPDATE SET followup_minute = excluded.followup_minute",
            (group_id, minute),
        )


async def edit(
    db: Database,
    announcement_id: int,
    text: str,
    *,
    user_id: int,
    user_name: str,
    now: int,
    followups: tuple[int, int],
) -> Revised | None:
    """A new version of the text (the earlier one kept): units acknowledge it again, so its
    follow-ups start again at ``followups`` (the next one, and the one after). None when the
    announcement is withdrawn."""
    async with db.transaction() as conn:
        revised = await corrections.revise(
            conn, "announcement", announcement_id, text, user_id, user_name, now
        )
        if revised is not None:
            await conn.execute(
                "UPDATE announcements SET next_followup_at = ?, second_followup_at = ?"
                " WHERE id = ?",
                (*followups, announcement_id),
            )
    return revised
