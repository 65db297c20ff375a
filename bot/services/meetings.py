"""Meetings as a service: reading ``/rapat`` arguments, scheduling, moving, cancelling, and
planning the two reminders. Plain values in and out (no Telegram); ``now`` is passed in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.cleantext import utf16_len
from bot.domain.lateness import is_late
from bot.domain.timeparse import parse_when
from bot.domain.timewords import from_epoch
from bot.domain.workdays import wall_time
from bot.services import Wake
from bot.text.i18n import t
from storage import agenda, groups, meetings, rsvps, tasks
from storage.agenda import AgendaItem
from storage.db import Database
from storage.firings import Outgoing
from storage.meetings import Cancelled, Meeting, MeetingSettings, NewMeeting
from storage.rsvps import Rsvp, UnitAttendance

KIND_REMINDER = meetings.KIND_REMINDER

MAX_FIELD = 200
"""A meeting's title and place, in UTF-16 code units: both go on its card with its buttons."""
EARLY = timedelta(minutes=30)
"""A record made this long before a meeting's start (or later) belongs to it."""


class MeetingInputError(ValueError):
    """Input the meeting commands refuse; ``key`` is a catalog key, ``params`` its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True, slots=True)
class Slot:
    """When a meeting takes place."""

    starts_at: datetime
    ends_at: datetime
    zone: str
    """The zone the time was given in (the group's, or the one the phrase named)."""


def split_fields(args: str) -> list[str]:
    """``a | b | c`` → ``['a', 'b', 'c']`` with spaces trimmed."""
    return [" ".join(part.split()) for part in args.split("|")]


def plain(lang: str, key: str, /, **params: object) -> str:
    """A catalog text (with no markup of its own) as plain text, for files such as .ics/.docx."""
    return html.unescape(t(lang, key, **params))


def read_slot(phrase: str, now: datetime, tz: str, lang: str, duration_min: int) -> Slot:
    """A one-off meeting time such as ``Kamis (26/11) pukul 09.00 s.d. selesai``.

    The end time (``s.d. 11.30``, ``09.00-11.00``) is read by the time parser with the start;
    without one, or with ``s.d. selesai``, the meeting lasts ``duration_min``. Raises
    :class:`TimeParseError` for a time the parser refuses (an end before the start too) and
    :class:`MeetingInputError` for a recurring phrase or extra words.
    """
    when = parse_when(phrase, now, tz, lang)
    if when.rule is not None:
        raise MeetingInputError("meetings.recurring")
    if when.rest:
        raise MeetingInputError("meetings.extra_words", words=when.rest)
    end = when.end or when.at + timedelta(minutes=duration_min)
    return Slot(when.at, end, when.zone)


def reminder_times(
    starts_at: datetime, zone: str, settings: MeetingSettings, now: datetime
) -> tuple[int | None, int | None]:
    """The day-before and hour-before reminder instants still ahead of ``now`` (else None)."""
    day_before: int | None = None
    if settings.day_before_minute is not None:
        day = starts_at.astimezone(ZoneInfo(zone)).date() - timedelta(days=1)
        at = wall_time(day, divmod(settings.day_before_minute, 60), zone)
        day_before = int(at.timestamp()) if at > now else None
    hour_before: int | None = None
    if settings.hour_before_min is not None:
        at = starts_at - timedelta(minutes=settings.hour_before_min)
        hour_before = int(at.timestamp()) if at > now else None
    if day_before is not None and hour_before is not None and day_before >= hour_before:
        day_before = None  # a meeting early in the day: the hour-before one is enough
    return day_before, hour_before


def _check_text(value: str, too_long_key: str) -> str:
    if not value:
        raise MeetingInputError("meetings.usage")
    length = utf16_len(value)
    if length > MAX_FIELD:
        raise MeetingInputError(too_long_key, length=length, limit=MAX_FIELD)
    return value


async def schedule(
    db: Database,
    *,
    group_id: int,
    args: str,
    chair_id: int,
    chair_name: str,
    now: datetime,
    tz: str,
    lang: str,
    wake: Wake,
    origin: int | None = None,
) -> tuple[Meeting, bool]:
    """``judul | waktu | tempat`` → a stored meeting with its reminders planned, and whether it
    is new (False: update ``origin`` made it before)."""
    fields = split_fields(args)
    if len(fields) != 3:
        raise MeetingInputError("meetings.usage")
    title = _check_text(fields[0], "meetings.title_too_long")
    place = _check_text(fields[2], "meetings.place_too_long")
    if not fields[1]:
        raise MeetingInputError("meetings.usage")
    settings = await meetings.settings(db, group_id)
    slot = read_slot(fields[1], now, tz, lang, settings.duration_min)
    day_before, hour_before = reminder_times(slot.starts_at, slot.zone, settings, now)
    scheduled = await meetings.create(
        db,
        NewMeeting(
            group_id=group_id,
            title=title,
            place=place,
            starts_at=int(slot.starts_at.timestamp()),
            ends_at=int(slot.ends_at.timestamp()),
            zone=slot.zone,
            chair_id=chair_id,
            chair_name=chair_name,
            day_before_at=day_before,
            hour_before_at=hour_before,
        ),
        int(now.timestamp()),
        origin,
    )
    await wake()
    return scheduled


async def find_open(db: Database, group_id: int, number: int, now: datetime) -> Meeting:
    """Meeting ``number`` of the group, scheduled and neither over nor closed; else
    :class:`MeetingInputError`."""
    meeting = await find(db, group_id, number)
    if meeting.closed or meeting.ends_at <= now.timestamp():
        raise MeetingInputError("meetings.is_over", number=number)
    return meeting


async def find(db: Database, group_id: int, number: int) -> Meeting:
    """Meeting ``number`` of the group, not cancelled; else :class:`MeetingInputError`."""
    meeting = await meetings.by_number(db, group_id, number)
    if meeting is None:
        raise MeetingInputError("meetings.not_found", number=number)
    if meeting.cancelled:
        raise MeetingInputError("meetings.is_cancelled", number=number)
    return meeting


async def move(
    db: Database,
    meeting: Meeting,
    *,
    phrase: str,
    place: str | None,
    now: datetime,
    lang: str,
    wake: Wake,
) -> Meeting:
    """Move a meeting to the time ``phrase`` (and ``place``); its reminders are planned anew.

    A time without a zone is read in the zone the meeting was scheduled in. A meeting opened
    already (its daftar hadir posted) keeps its time.
    """
    if meeting.opened_at is not None:
        raise MeetingInputError("meetings.is_open", number=meeting.number)
    if place is not None:
        place = _check_text(place, "meetings.place_too_long")
    duration = max((meeting.ends_at - meeting.starts_at) // 60, 15)
    slot = read_slot(phrase, now, meeting.zone, lang, duration)
    settings = await meetings.settings(db, meeting.group_id)
    day_before, hour_before = reminder_times(slot.starts_at, slot.zone, settings, now)
    moved = await meetings.move(
        db,
        meeting.id,
        starts_at=int(slot.starts_at.timestamp()),
        ends_at=int(slot.ends_at.timestamp()),
        zone=slot.zone,
        place=place or meeting.place,
        day_before_at=day_before,
        hour_before_at=hour_before,
    )
    if moved is None:
        current = await meetings.get(db, meeting.id)
        cancelled = current is None or current.cancelled
        key = "meetings.is_cancelled" if cancelled else "meetings.is_open"
        raise MeetingInputError(key, number=meeting.number)
    await wake()
    return moved


@dataclass(frozen=True, slots=True)
class ReminderPlan:
    scheduled_at: int | None
    """The reminder to send now (the latest one due), None when none should go out."""
    late: bool
    day_before: bool
    """Whether it is the day-before reminder (else the hour-before one)."""


def plan_reminder(meeting: Meeting, now: datetime, up_since: datetime) -> ReminderPlan:
    """Which of a meeting's due reminders to send at ``now`` (in a process running since
    ``up_since``).

    When both are due (after downtime) only the later one goes. Nothing goes once the meeting
    has started: a reminder of a meeting under way helps nobody.
    """
    at = int(now.timestamp())
    due = [
        (instant, is_day_before)
        for instant, is_day_before in (
            (meeting.day_before_at, True),
            (meeting.hour_before_at, False),
        )
        if instant is not None and instant <= at
    ]
    if not due or meeting.starts_at <= at:
        return ReminderPlan(None, False, False)
    scheduled_at, day_before = max(due)
    return ReminderPlan(scheduled_at, is_late(from_epoch(scheduled_at), now, up_since), day_before)


def parse_clock(text: str) -> int | None:
    """``16.00`` / ``7:30`` → minutes after midnight; None when it is not a time of day."""
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})", text.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    return hour * 60 + minute if hour < 24 and minute < 60 else None


# --- reading and changing meetings (handlers and jobs reach storage only through here) --------


@dataclass(frozen=True, slots=True)
class Attendance:
    """A meeting's answers so far: each person's, and per unit."""

    answers: list[Rsvp]
    units: list[UnitAttendance]


async def get(db: Database, meeting_id: int) -> Meeting | None:
    return await meetings.get(db, meeting_id)


async def by_number(db: Database, group_id: int, number: int) -> Meeting | None:
    return await meetings.by_number(db, group_id, number)


async def upcoming(db: Database, group_id: int, now: datetime) -> list[Meeting]:
    return await meetings.upcoming(db, group_id, int(now.timestamp()))


async def next_ahead(db: Database, group_id: int, now: datetime) -> Meeting | None:
    """The next scheduled meeting that has not started yet."""
    return await meetings.next_ahead(db, group_id, int(now.timestamp()))


async def current_for_records(db: Database, group_id: int, now: datetime) -> Meeting | None:
    """The meeting a decision or task made at ``now`` without ``#N`` belongs to: the one under
    way, else the one starting within :data:`EARLY`, else the one that ended earlier that day
    in the group's zone (see :func:`link_of`); None when there is none."""
    group = await groups.get(db, group_id)
    local = now.astimezone(ZoneInfo(group.timezone if group else "Asia/Jakarta"))
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    candidates = await meetings.candidates_for_records(
        db,
        group_id,
        now=int(now.timestamp()),
        starts_by=int((now + EARLY).timestamp()),
        day_start=int(day_start.timestamp()),
    )
    return pick_for_records(candidates, now)


Link = Literal["open", "soon", "ended"]


def ended_at(meeting: Meeting) -> int:
    """When it ended, or ends: closed, else its scheduled end."""
    return meeting.closed_at if meeting.closed_at is not None else meeting.ends_at


def link_of(meeting: Meeting, now: datetime) -> Link:
    """How a record made at ``now`` relates to a meeting it is linked to: made while it is under
    way, before it begins, or after it ended (closed, else its scheduled end)."""
    at = now.timestamp()
    if ended_at(meeting) <= at:
        return "ended"
    return "open" if meeting.began_at <= at else "soon"


def pick_for_records(candidates: list[Meeting], now: datetime) -> Meeting | None:
    """Among a day's meetings: the one under way that began last, else the next to begin,
    else the one that ended last."""
    under_way = [m for m in candidates if link_of(m, now) == "open"]
    if under_way:
        return max(under_way, key=lambda m: (m.began_at, m.number))
    soon = [m for m in candidates if link_of(m, now) == "soon"]
    if soon:
        return min(soon, key=lambda m: (m.starts_at, m.number))
    return max(candidates, key=lambda m: (ended_at(m), m.number), default=None)


async def posted(db: Database, meeting_id: int, message_id: int) -> None:
    """Remember the bot's post carrying the RSVP buttons."""
    await meetings.set_message(db, meeting_id, message_id)


async def cancel(db: Database, meeting: Meeting, now: datetime, wake: Wake) -> Cancelled | None:
    """Cancel a scheduled meeting (its reminders and daftar hadir go; its open agenda items move
    to the next meeting ahead, or wait for the next one created); None when it was cancelled
    already."""
    cancelled = await meetings.cancel(db, meeting.id, int(now.timestamp()))
    await wake()
    return cancelled


async def reminder_settings(db: Database, group_id: int) -> MeetingSettings:
    return await meetings.settings(db, group_id)


async def save_reminder_settings(db: Database, group_id: int, value: MeetingSettings) -> None:
    await meetings.save_settings(db, group_id, value)


async def attendance(db: Database, meeting: Meeting) -> Attendance:
    return Attendance(
        await rsvps.for_meeting(db, meeting.id),
        await rsvps.attendance(db, meeting.group_id, meeting.id),
    )


async def answer(
    db: Database,
    meeting: Meeting,
    *,
    user_id: int,
    full_name: str,
    unit_id: int | None,
    answer: str,
    now: datetime,
) -> bool:
    """Record (or change) a person's RSVP; False when it was already that answer."""
    return await rsvps.answer(
        db,
        meeting.id,
        user_id=user_id,
        full_name=full_name,
        unit_id=unit_id,
        answer=answer,
        now=int(now.timestamp()),
    )


async def agenda_of(db: Database, meeting_id: int) -> list[AgendaItem]:
    return await agenda.for_meeting(db, meeting_id)


async def silent_units(
    db: Database, units: list[UnitAttendance]
) -> list[tuple[str, list[tuple[int, str]]]]:
    """The units that have not answered, each with its members (user id, name) to mention."""
    silent = [unit for unit in units if not unit.answers]
    members = await tasks.unit_members(db, [unit.unit_id for unit in silent])
    return [(unit.code, members.get(unit.unit_id, [])) for unit in silent]


# --- reminders (the dispatcher's source, jobs/meeting_reminders.py) -----------------------


NEXT_REMINDER = meetings.NEXT_REMINDER


async def reminders_due(db: Database, now: int) -> list[Meeting]:
    return await meetings.reminders_due(db, now)


async def claim_reminder(
    db: Database, meeting: Meeting, plan: ReminderPlan, message: Outgoing | None, now: datetime
) -> int | None:
    """Clear the meeting's due reminders and claim the planned one with its message."""
    return await meetings.claim_reminder(
        db,
        meeting,
        scheduled_at=plan.scheduled_at,
        late=plan.late,
        message=message,
        now=int(now.timestamp()),
    )


async def postpone_reminders(db: Database, meeting: Meeting, until: int | None) -> None:
    await meetings.postpone_reminders(db, meeting, until)


async def drop_reminders(db: Database, meeting_id: int) -> None:
    await meetings.drop_reminders(db, meeting_id)
