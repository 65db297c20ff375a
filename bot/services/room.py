"""A meeting as it runs in the room: opened (its daftar hadir posted at the start time, or
earlier with ``/rapat mulai``), who is present per unit, closed with ``/rapat selesai``, and
its notulis; and each unit's attendance as the minutes state it. Plain values, no Telegram.

An RSVP stays an intention. The minutes say what was recorded in the room:

* *Hadir* — someone of the unit pressed *Hadir di rapat*, or a koordinator marked it;
* *Diwakilkan* — the same, when the unit's RSVP said it would be represented;
* *Tidak hadir (konfirmasi)* — nobody recorded, and the unit said it would not come;
* *Tidak ada keterangan* — everyone else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.lateness import is_late
from bot.domain.timewords import from_epoch
from bot.services import Wake
from bot.services.meetings import MeetingInputError
from storage import attendance, firings, meetings, rsvps
from storage.attendance import Presence
from storage.db import Database
from storage.firings import NewFiring, Outgoing
from storage.meetings import Meeting
from storage.rsvps import UnitAttendance
from storage.units import Unit

KIND_LIST = attendance.KIND_LIST

Status = Literal["hadir", "wakil", "tidak", "silent"]
STATUSES: tuple[Status, ...] = ("hadir", "wakil", "tidak", "silent")
"""Present, represented, absent as the unit said beforehand, no word at all."""


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """One unit's attendance at a meeting."""

    code: str
    name: str
    status: Status
    people: tuple[str, ...]
    """Who of the unit pressed *Hadir di rapat*, first first."""
    marked_by: str | None
    """The koordinator who marked the unit present with ``/hadir`` (if one did)."""
    since: int | None
    """When the unit was first recorded present."""

    @property
    def present(self) -> bool:
        return self.status in ("hadir", "wakil")


def unit_records(units: Sequence[UnitAttendance], presence: Sequence[Presence]) -> list[UnitRecord]:
    """Each unit's attendance from its RSVP (the intention) and the presence recorded."""
    records = []
    for unit in units:
        rows = [row for row in presence if row.unit_id == unit.unit_id]
        status: Status
        if rows:
            status = "wakil" if unit.status == "wakil" else "hadir"
        else:
            status = "tidak" if unit.status == "tidak" else "silent"
        records.append(
            UnitRecord(
                code=unit.code,
                name=unit.name,
                status=status,
                people=tuple(dict.fromkeys(row.full_name for row in rows if row.full_name)),
                marked_by=next((row.marked_by_name for row in rows if row.user_id is None), None),
                since=min((row.at for row in rows), default=None),
            )
        )
    return records


def tally(records: Sequence[UnitRecord]) -> dict[Status, int]:
    """How many units are in each status."""
    return {status: sum(1 for unit in records if unit.status == status) for status in STATUSES}


async def records(db: Database, meeting: Meeting) -> list[UnitRecord]:
    """Every unit of the meeting's group (and any no longer active that answered or attended)
    with its attendance, by code."""
    units = await rsvps.attendance(db, meeting.group_id, meeting.id)
    return unit_records(units, await attendance.for_meeting(db, meeting.id))


def has_begun(meeting: Meeting, now: datetime) -> bool:
    """Opened with ``/rapat mulai``, or its start time has come."""
    return meeting.began_at <= now.timestamp()


# --- opening and closing ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opened:
    meeting: Meeting
    posted: bool
    """The daftar hadir is posted now (False: it was opened before)."""


def check_openable(meeting: Meeting, now: datetime, tz: str) -> None:
    """A meeting opens on its day (in the group's zone), until it is closed or over."""
    if meeting.cancelled:
        raise MeetingInputError("meetings.is_cancelled", number=meeting.number)
    if meeting.closed or meeting.ends_at <= now.timestamp():
        raise MeetingInputError("meetings.is_closed", number=meeting.number)
    zone = ZoneInfo(tz)
    if now.astimezone(zone).date() < from_epoch(meeting.starts_at).astimezone(zone).date():
        raise MeetingInputError("meetings.not_today", number=meeting.number)


async def open_room(
    db: Database,
    meeting: Meeting,
    *,
    chair_id: int,
    chair_name: str,
    message: Outgoing,
    now: datetime,
    tz: str,
    wake: Wake,
) -> Opened:
    """Open the meeting now, chaired by the koordinator who opens it; its daftar hadir
    (``message``) is posted unless it was opened before. Raises :class:`MeetingInputError`."""
    check_openable(meeting, now, tz)
    at = int(now.timestamp())
    firing = NewFiring(KIND_LIST, meeting.id, at, meeting.group_id, False, message)
    opened = await meetings.open_room(
        db, meeting.id, chair_id=chair_id, chair_name=chair_name, firing=firing, now=at
    )
    if opened is None:
        current = await meetings.get(db, meeting.id)
        check_openable(current or meeting, now, tz)
        raise MeetingInputError("meetings.is_closed", number=meeting.number)
    await wake()
    return Opened(opened[0], opened[1] is not None)


async def close_room(db: Database, meeting: Meeting, now: datetime, wake: Wake) -> Meeting:
    """Close a meeting that has begun (its daftar hadir too). Raises :class:`MeetingInputError`."""
    if meeting.closed:
        raise MeetingInputError("meetings.is_closed", number=meeting.number)
    if not has_begun(meeting, now):
        raise MeetingInputError("meetings.not_begun", number=meeting.number)
    closed = await meetings.close(db, meeting.id, int(now.timestamp()))
    if closed is None:
        raise MeetingInputError("meetings.is_closed", number=meeting.number)
    await wake()
    return closed


async def name_notetaker(db: Database, meeting: Meeting, user_id: int, name: str) -> Meeting:
    """Name the meeting's notulis. Raises :class:`MeetingInputError` when it was cancelled."""
    named = await meetings.set_notetaker(db, meeting.id, user_id, name)
    if named is None:
        raise MeetingInputError("meetings.is_cancelled", number=meeting.number)
    return named


# --- presence ---------------------------------------------------------------------------------


def takes_presses(meeting: Meeting) -> bool:
    """Members may press *Hadir di rapat* until the meeting is closed or cancelled."""
    return not meeting.cancelled and not meeting.closed


async def press(
    db: Database, meeting: Meeting, *, unit_id: int, user_id: int, full_name: str, now: datetime
) -> tuple[Presence, bool]:
    """A member is present for their unit; with whether it is new."""
    return await attendance.press(
        db,
        meeting.id,
        unit_id=unit_id,
        user_id=user_id,
        full_name=full_name,
        at=int(now.timestamp()),
    )


async def mark(
    db: Database, meeting: Meeting, unit: Unit, *, by_id: int, by_name: str, now: datetime
) -> bool:
    """A koordinator marks ``unit`` present; False when it was present already."""
    return await attendance.mark(
        db, meeting.id, unit.id, by_id=by_id, by_name=by_name, at=int(now.timestamp())
    )


async def unmark(db: Database, meeting: Meeting, unit: Unit) -> bool:
    """Take ``unit`` off the meeting's list; False when it was not on it."""
    return await attendance.unmark(db, meeting.id, unit.id)


async def list_post(db: Database, firing_id: int) -> tuple[Meeting, int] | None:
    """The meeting whose daftar hadir firing ``firing_id`` is, with the post's message id; None
    when it is no daftar hadir (or was never posted)."""
    firing = await firings.get(db, firing_id)
    if firing is None or firing.kind != KIND_LIST or firing.message_id is None:
        return None
    meeting = await meetings.get(db, firing.ref_id)
    return (meeting, firing.message_id) if meeting else None


async def list_message(db: Database, meeting: Meeting) -> tuple[int, int] | None:
    """(firing id, message id) of the meeting's daftar hadir; None until it is posted."""
    return await attendance.list_message(db, meeting.id)


# --- the daftar hadir at the start time (the dispatcher's source, jobs/meeting_attendance.py) --


NEXT_LIST = attendance.NEXT_LIST


async def lists_due(db: Database, now: int) -> list[Meeting]:
    return await attendance.lists_due(db, now)


def list_is_late(meeting: Meeting, now: datetime, up_since: datetime) -> bool | None:
    """Whether the daftar hadir due now is late (it fell due while the bot was down); None when
    none should be posted: the meeting is over, closed or cancelled."""
    due = meeting.attendance_at
    if due is None or not takes_presses(meeting) or meeting.ends_at <= now.timestamp():
        return None
    return is_late(from_epoch(due), now, up_since)


async def claim_list(
    db: Database, meeting: Meeting, late: bool | None, message: Outgoing | None, now: datetime
) -> int | None:
    """Mark the meeting opened and claim its daftar hadir (``late`` None: drop it unposted)."""
    return await attendance.claim_list(
        db,
        meeting,
        late=bool(late),
        message=message if late is not None else None,
        now=int(now.timestamp()),
    )


async def postpone_list(db: Database, meeting: Meeting, until: int | None) -> None:
    await attendance.postpone_list(db, meeting, until)


async def drop_list(db: Database, meeting_id: int) -> None:
    await attendance.drop_list(db, meeting_id)
