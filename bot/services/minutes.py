"""The minutes (notulen) of a meeting: what they hold, and how they read as a chat message.

:func:`gather` collects everything from storage; :func:`message` renders it for the chat and
``bot.text.minutes_docx.document`` as a Word file. Attendance is what was recorded in the room
(``bot.services.room``); follow-up tasks come from ``storage.tasks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.timewords import clock, format_date, format_when, from_epoch, zone_label
from bot.services import room
from bot.services.meetings import plain
from bot.services.room import STATUSES, UnitRecord
from bot.text.i18n import t
from bot.text.meeting_text import agenda_lines, local_time
from storage import agenda, decisions, groups, tasks
from storage.agenda import AgendaItem
from storage.db import Database
from storage.decisions import Decision
from storage.meetings import Meeting
from storage.tasks import Task


@dataclass(frozen=True, slots=True)
class Minutes:
    meeting: Meeting
    group_title: str
    attendance: tuple[UnitRecord, ...]
    items: tuple[AgendaItem, ...]
    decisions: tuple[Decision, ...]
    tasks: tuple[Task, ...]

    @property
    def open_items(self) -> tuple[AgendaItem, ...]:
        """Items a koordinator may still carry over to the next meeting."""
        return tuple(item for item in self.items if item.status == "open")


async def gather(db: Database, meeting: Meeting) -> Minutes:
    group = await groups.get(db, meeting.group_id)
    return Minutes(
        meeting=meeting,
        group_title=group.title if group else "",
        attendance=tuple(await room.records(db, meeting)),
        items=tuple(await agenda.for_meeting(db, meeting.id)),
        decisions=tuple(await decisions.for_meeting(db, meeting.id)),
        tasks=tuple(await tasks.for_meeting(db, meeting.id)),
    )


def notetaker(meeting: Meeting, asked_by: str) -> str:
    """The notulis: the one named with ``/rapat notulis``, else the koordinator asking."""
    return meeting.notetaker_name or asked_by


@dataclass(frozen=True, slots=True)
class Schedule:
    """The meeting's day and times in words, in one zone."""

    day: str
    """``Kamis, 26 November 2026``."""
    start: str
    """When it began (the start time, or the ``/rapat mulai`` before it)."""
    end: str | None
    """When ``/rapat selesai`` closed it; None while it is not closed."""
    zone: str


def schedule(meeting: Meeting, tz: str, lang: str) -> Schedule:
    zone = ZoneInfo(tz)
    start = from_epoch(meeting.began_at).astimezone(zone)
    end = from_epoch(meeting.closed_at).astimezone(zone) if meeting.closed_at else None
    return Schedule(
        day=format_date(start, lang),
        start=clock(start.hour, start.minute, lang),
        end=clock(end.hour, end.minute, lang) if end else None,
        zone=zone_label(tz),
    )


def time_text(when: Schedule, lang: str) -> str:
    """``09.00 – 11.20 WIB``, or ``09.00 WIB – sedang berlangsung`` (plain text)."""
    if when.end is None:
        return plain(lang, "minutes.time_open", start=when.start, zone=when.zone)
    return plain(lang, "minutes.time_range", start=when.start, end=when.end, zone=when.zone)


def attendees(unit: UnitRecord, lang: str) -> str:
    """Who attended for the unit (plain text): the people who pressed *Hadir di rapat*, else
    the koordinator who marked it; empty for a unit not present."""
    if unit.people:
        return ", ".join(unit.people)
    if unit.marked_by:
        return plain(lang, "attendance.marked_by", name=unit.marked_by)
    return ""


def tally_text(attendance: tuple[UnitRecord, ...], lang: str) -> str:
    """``Hadir 2 · Diwakilkan 1 · Tidak hadir (konfirmasi) 1 · Tidak ada keterangan 3``."""
    counts = room.tally(attendance)
    return " · ".join(
        f"{plain(lang, f'minutes.status.{status}')} {counts[status]}" for status in STATUSES
    )


def task_due(task: Task, tz: str, lang: str) -> str:
    return format_when(from_epoch(task.due_at), tz, lang)


def message(minutes: Minutes, *, notetaker: str, tz: str, lang: str, now: datetime) -> str:
    """The minutes as a chat message, in the same order as the document."""
    meeting = minutes.meeting
    when = schedule(meeting, tz, lang)
    lines = [
        t(lang, "minutes.msg_title", number=meeting.number),
        t(lang, "minutes.msg_subject", title=meeting.title),
        t(lang, "minutes.msg_day", day=when.day),
        t(lang, "minutes.msg_time", time=time_text(when, lang)),
        t(lang, "minutes.msg_place", place=meeting.place),
        t(lang, "minutes.msg_chair", chair=meeting.chair_name),
        t(lang, "minutes.msg_notetaker", name=notetaker),
        "",
        t(lang, "minutes.section_attendance"),
    ]
    for unit in minutes.attendance:
        names = attendees(unit, lang)
        lines.append(
            t(
                lang,
                "minutes.msg_unit",
                unit=unit.code,
                status=plain(lang, f"minutes.status.{unit.status}"),
                names=f" — {names}" if names else "",
            )
        )
    lines.append(t(lang, "minutes.msg_tally", counts=tally_text(minutes.attendance, lang)))
    lines += ["", t(lang, "minutes.section_agenda")]
    lines += agenda_lines(list(minutes.items), lang) or [t(lang, "minutes.none")]
    lines += ["", t(lang, "minutes.section_decisions")]
    lines += [
        t(lang, "minutes.msg_decision", index=index, number=decision.number, text=decision.text)
        for index, decision in enumerate(minutes.decisions, 1)
    ] or [t(lang, "minutes.none")]
    lines += ["", t(lang, "minutes.section_tasks")]
    lines += [
        t(
            lang,
            "minutes.msg_task",
            index=index,
            number=task.number,
            unit=task.codes,
            text=task.text,
            due=task_due(task, tz, lang),
            status=t(lang, f"tasks.status.{task.status}"),
        )
        for index, task in enumerate(minutes.tasks, 1)
    ] or [t(lang, "minutes.none")]
    lines += ["", t(lang, "minutes.section_closing")]
    if when.end is None:
        made = local_time(int(now.timestamp()), tz, lang)["time"]
        lines.append(
            t(lang, "minutes.closing_open", number=meeting.number, now=made, zone=when.zone)
        )
    else:
        lines.append(t(lang, "minutes.closing", end=when.end, zone=when.zone))
    if minutes.open_items and room.has_begun(meeting, now):
        lines += ["", t(lang, "minutes.carry_hint")]
    return "\n".join(lines)
