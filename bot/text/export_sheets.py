"""/ekspor as a spreadsheet: the sheets, columns and rows of each kind, in the group's language.

* tasks, decisions, announcements: one sheet, one row per record (its number, dates as Excel
  dates in the group's zone, unit, text, a link to its post); announcements add one column
  per unit with the time it acknowledged the current version (``versi sebelumnya`` when it
  acknowledged only an earlier one, ``belum`` when none, empty when the announcement was not
  for it).
* meetings: a sheet listing them, then one sheet per meeting with its attendance per unit,
  agenda, decisions and follow-up tasks.

Plain functions from one record to the values of its row; ``bot.text.export_book`` writes
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.timewords import clock, format_date, from_epoch, zone_label
from bot.services import exports as service
from bot.services import minutes
from bot.services.exports import (
    AnnouncementRow,
    DecisionRow,
    ExportUnit,
    MeetingSheet,
    TaskRow,
)
from bot.services.meetings import plain
from bot.text.i18n import t
from bot.text.spreadsheet import Column, Link, Value


@dataclass(frozen=True, slots=True)
class Context:
    group_id: int
    lang: str
    tz: str
    now: int

    def t(self, key: str, /, **params: object) -> str:
        return t(self.lang, key, **params)

    def header(self, key: str) -> str:
        return t(self.lang, f"exports.col.{key}", zone=zone_label(self.tz))

    def local(self, at: int | None) -> datetime | None:
        """An Excel date: the instant in the group's zone, without the zone."""
        if at is None:
            return None
        return from_epoch(at).astimezone(ZoneInfo(self.tz)).replace(tzinfo=None)

    def link(self, message_id: int | None) -> Link | None:
        url = service.post_link(self.group_id, message_id)
        return Link(url) if url else None


# ---------------------------------------------------------------- tasks
def task_columns(ctx: Context) -> list[Column]:
    return [
        Column(ctx.header("number"), "number"),
        Column(ctx.header("created"), "date"),
        Column(ctx.header("due"), "date"),
        Column(ctx.header("unit")),
        Column(ctx.header("unit_name")),
        Column(ctx.header("pokja")),
        Column(ctx.header("status")),
        Column(ctx.header("task"), "long"),
        Column(ctx.header("closed"), "date"),
        Column(ctx.header("late")),
        Column(ctx.header("meeting"), "number"),
        Column(ctx.header("assigned_by")),
        Column(ctx.header("link"), "link"),
    ]


def task_values(row: TaskRow, ctx: Context) -> list[Value]:
    finished = row.closed_at if row.closed_at is not None else ctx.now
    return [
        row.number,
        ctx.local(row.created_at),
        ctx.local(row.due_at),
        ", ".join(row.unit_codes),
        ", ".join(row.unit_names),
        row.pokja,
        ctx.t(f"tasks.status.{row.status}"),
        row.text,
        ctx.local(row.closed_at),
        ctx.t("exports.yes" if finished > row.due_at else "exports.no"),
        row.meeting_number,
        row.creator_name,
        ctx.link(row.message_id),
    ]


# ---------------------------------------------------------------- decisions
def decision_columns(ctx: Context) -> list[Column]:
    return [
        Column(ctx.header("number"), "number"),
        Column(ctx.header("date"), "date"),
        Column(ctx.header("meeting"), "number"),
        Column(ctx.header("meeting_title")),
        Column(ctx.header("unit")),
        Column(ctx.header("recorded_by")),
        Column(ctx.header("decision"), "long"),
        Column(ctx.header("link"), "link"),
    ]


def decision_values(row: DecisionRow, ctx: Context) -> list[Value]:
    return [
        row.number,
        ctx.local(row.created_at),
        row.meeting_number,
        row.meeting_title,
        row.unit_code,
        row.author_name,
        row.text,
        ctx.link(row.message_id),
    ]


# ---------------------------------------------------------------- announcements
def announcement_columns(ctx: Context, units: Sequence[ExportUnit]) -> list[Column]:
    return [
        Column(ctx.header("number"), "number"),
        Column(ctx.header("date"), "date"),
        Column(ctx.header("author")),
        Column(ctx.header("unit")),
        Column(ctx.header("announcement"), "long"),
        Column(ctx.header("acked"), "number"),
        Column(ctx.header("addressed"), "number"),
        Column(ctx.header("link"), "link"),
        *(Column(unit.code, "date") for unit in units),
    ]


def announcement_values(
    row: AnnouncementRow, ctx: Context, units: Sequence[ExportUnit]
) -> list[Value]:
    per_unit = [_acknowledged(row, unit.id, ctx) for unit in units]
    return [
        row.number,
        ctx.local(row.created_at),
        row.author_name,
        row.unit_code,
        row.text,
        sum(1 for unit_id in row.units if unit_id in row.acks),
        len(row.units),
        ctx.link(row.message_id),
        *per_unit,
    ]


def _acknowledged(row: AnnouncementRow, unit_id: int, ctx: Context) -> Value:
    """A unit's cell: when it acknowledged the current version; ``versi lama`` when only an
    earlier one, ``belum`` when none; empty when the announcement was not for it."""
    if unit_id in row.acks:
        return ctx.local(row.acks[unit_id])
    if unit_id in row.earlier:
        return ctx.t("exports.acked_earlier")
    return ctx.t("exports.not_acked") if unit_id in row.units else None


# ---------------------------------------------------------------- meetings
def meeting_columns(ctx: Context) -> list[Column]:
    return [
        Column(ctx.header("number"), "number"),
        Column(ctx.header("title"), "long"),
        Column(ctx.header("starts"), "date"),
        Column(ctx.header("ends"), "date"),
        Column(ctx.header("place")),
        Column(ctx.header("chair")),
        Column(ctx.header("status")),
        Column(ctx.header("present"), "number"),
        Column(ctx.header("agenda"), "number"),
        Column(ctx.header("decisions"), "number"),
        Column(ctx.header("link"), "link"),
    ]


def meeting_values(sheet: MeetingSheet, ctx: Context) -> list[Value]:
    meeting = sheet.meeting
    return [
        meeting.number,
        meeting.title,
        ctx.local(meeting.starts_at),
        ctx.local(meeting.ends_at),
        meeting.place,
        meeting.chair_name,
        ctx.t(f"exports.meeting_status.{meeting.status}"),
        sheet.present,
        len(sheet.items),
        len(sheet.decisions),
        ctx.link(meeting.message_id),
    ]


def detail_columns(ctx: Context) -> list[Column]:
    return [
        Column(ctx.header("section")),
        Column(ctx.header("number"), "number"),
        Column(ctx.header("unit")),
        Column(ctx.header("content"), "long"),
        Column(ctx.header("by")),
        Column(ctx.header("time"), "date"),
        Column(ctx.header("note")),
    ]


def detail_heading(sheet: MeetingSheet, ctx: Context) -> str:
    meeting = sheet.meeting
    start = from_epoch(meeting.starts_at).astimezone(ZoneInfo(ctx.tz))
    end = from_epoch(meeting.ends_at).astimezone(ZoneInfo(ctx.tz))
    when = (
        f"{format_date(start, ctx.lang)}, {clock(start.hour, start.minute, ctx.lang)}"
        f"–{clock(end.hour, end.minute, ctx.lang)} {zone_label(ctx.tz)}"
    )
    number = ctx.t("exports.meeting_heading", number=meeting.number)
    return f"{number}: {meeting.title} · {when} · {meeting.place}"


def _carried(item_from: int | None, item_to: int | None, status: str, ctx: Context) -> str | None:
    if status == "carried":
        if item_to is not None:
            return ctx.t("exports.carried_to", meeting=item_to)
        return ctx.t("exports.carried_next")
    if item_from is not None:
        return ctx.t("exports.carried_from", meeting=item_from)
    return None


def detail_rows(sheet: MeetingSheet, ctx: Context) -> list[list[Value]]:
    """Attendance per unit (when it was first recorded present), then the agenda, the
    decisions and the follow-up tasks."""
    section = {
        key: ctx.t(f"exports.section.{key}")
        for key in ("attendance", "agenda", "decisions", "tasks")
    }
    rows: list[list[Value]] = [
        [
            section["attendance"],
            None,
            unit.code,
            plain(ctx.lang, f"minutes.status.{unit.status}"),
            minutes.attendees(unit, ctx.lang) or None,
            ctx.local(unit.since),
            unit.name,
        ]
        for unit in sheet.attendance
    ]
    rows += [
        [
            section["agenda"],
            item.number,
            item.unit_code,
            item.text,
            item.author_name,
            None,
            _carried(item.carried_from_meeting, item.carried_to_meeting, item.status, ctx),
        ]
        for item in sheet.items
    ]
    rows += [
        [
            section["decisions"],
            decision.number,
            decision.unit_code,
            decision.text,
            decision.author_name,
            ctx.local(decision.created_at),
            None,
        ]
        for decision in sheet.decisions
    ]
    rows += [
        [
            section["tasks"],
            task.number,
            task.codes,
            task.text,
            task.creator_name,
            ctx.local(task.due_at),
            ctx.t(f"tasks.status.{task.status}"),
        ]
        for task in sheet.tasks
    ]
    return rows
