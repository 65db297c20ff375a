"""The minutes (notulen) of a meeting: what they hold, and how they read as a chat message.

:func:`gather` collects everything from storage; :func:`message` renders it for the chat and
``bot.text.minutes_docx.document`` as a Word file. Follow-up tasks come from ``storage.tasks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.timewords import clock, format_date, format_when, from_epoch, zone_label
from bot.text.i18n import t
from bot.text.meeting_text import agenda_lines, counts_text
from storage import agenda, decisions, groups, rsvps, tasks
from storage.agenda import AgendaItem
from storage.db import Database
from storage.decisions import Decision
from storage.meetings import Meeting
from storage.rsvps import Rsvp, UnitAttendance
from storage.tasks import Task

UNANSWERED = "tidak"
"""A unit that never answered is recorded as absent."""


@dataclass(frozen=True, slots=True)
class Minutes:
    meeting: Meeting
    group_title: str
    attendance: tuple[UnitAttendance, ...]
    answers: tuple[Rsvp, ...]
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
        attendance=tuple(await rsvps.attendance(db, meeting.group_id, meeting.id)),
        answers=tuple(await rsvps.for_meeting(db, meeting.id)),
        items=tuple(await agenda.for_meeting(db, meeting.id)),
        decisions=tuple(await decisions.for_meeting(db, meeting.id)),
        tasks=tuple(await tasks.for_meeting(db, meeting.id)),
    )


@dataclass(frozen=True, slots=True)
class Schedule:
    """The meeting's day and times in words, in one zone."""

    day: str
    """``Kamis, 26 November 2026``."""
    start: str
    end: str
    zone: str


def schedule(meeting: Meeting, tz: str, lang: str) -> Schedule:
    start = from_epoch(meeting.starts_at).astimezone(ZoneInfo(tz))
    end = from_epoch(meeting.ends_at).astimezone(ZoneInfo(tz))
    return Schedule(
        day=format_date(start, lang),
        start=clock(start.hour, start.minute, lang),
        end=clock(end.hour, end.minute, lang),
        zone=zone_label(tz),
    )


def unit_status(unit: UnitAttendance) -> str:
    return unit.status or UNANSWERED


def unit_names(unit: UnitAttendance) -> str:
    """Who answered for the unit (those attending, else those representing it, else all)."""
    status = unit_status(unit)
    chosen = [rsvp.full_name for rsvp in unit.answers if rsvp.answer == status]
    return ", ".join(chosen or [rsvp.full_name for rsvp in unit.answers])


def task_due(task: Task, tz: str, lang: str) -> str:
    return format_when(from_epoch(task.due_at), tz, lang)


def message(minutes: Minutes, *, tz: str, lang: str, now: datetime) -> str:
    """The minutes as a chat message, in the same order as the document."""
    meeting = minutes.meeting
    when = schedule(meeting, tz, lang)
    lines = [
        t(lang, "minutes.msg_title", number=meeting.number),
        t(lang, "minutes.msg_subject", title=meeting.title),
        t(lang, "minutes.msg_day", day=when.day),
        t(lang, "minutes.msg_time", start=when.start, end=when.end, zone=when.zone),
        t(lang, "minutes.msg_place", place=meeting.place),
        t(lang, "minutes.msg_chair", chair=meeting.chair_name),
        "",
        t(lang, "minutes.section_attendance"),
    ]
    for unit in minutes.attendance:
        names = unit_names(unit)
        lines.append(
            t(
                lang,
                "minutes.msg_unit",
                unit=unit.code,
                status=t(lang, f"minutes.status.{unit_status(unit)}"),
                names=f" — {names}" if names else "",
            )
        )
    loose = [rsvp for rsvp in minutes.answers if rsvp.unit_id is None]
    if loose:
        lines.append(
            t(
                lang,
                "minutes.msg_no_unit",
                names=", ".join(
                    f"{rsvp.full_name} ({t(lang, f'meetings.answer.{rsvp.answer}')})"
                    for rsvp in loose
                ),
            )
        )
    lines.append(t(lang, "minutes.msg_people", counts=counts_text(list(minutes.answers), lang)))
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
    lines.append(t(lang, "minutes.closing", end=when.end, zone=when.zone))
    if minutes.open_items and meeting.starts_at <= now.timestamp():
        lines += ["", t(lang, "minutes.carry_hint")]
    return "\n".join(lines)
