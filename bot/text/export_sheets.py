"""/ekspor as a spreadsheet: the sheets, columns and rows of each kind, in the group's language.

* tasks, decisions, announcements: one sheet, one row per record (its number, dates as Excel
  dates in the group's zone, unit, text, a link to its post); announcements add one column
  per unit with the time it acknowledged (``belum`` when it has not, empty when the
  announcement was not for it).
* meetings: a sheet listing them, then one sheet per meeting with its attendance per unit,
  agenda, decisions and follow-up tasks.

Rows are fetched in batches (``bot.services.exports``) and written in a worker thread one
batch at a time, so neither the memory nor the event loop carries a whole table.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.timewords import clock, format_date, from_epoch, month_name, zone_label
from bot.services import Database
from bot.services import exports as service
from bot.services.exports import (
    AnnouncementRow,
    DecisionRow,
    ExportUnit,
    MeetingSheet,
    Request,
    TaskRow,
)
from bot.text.i18n import t
from bot.text.spreadsheet import Column, Link, Sheet, Spreadsheet, Value

R = TypeVar("R")


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


# ---------------------------------------------------------------- what is asked for, in words
def what(request: Request, lang: str) -> str:
    return t(lang, f"exports.kind.{request.kind}")


def period(request: Request, lang: str, now: datetime, tz: str) -> str:
    if request.month is None:
        return t(lang, "exports.period_all", date=format_date(now.astimezone(ZoneInfo(tz)), lang))
    year, month = request.month
    return t(lang, "exports.period_month", month=month_name(month, lang), year=year)


def file_name(request: Request, lang: str, now: datetime, tz: str) -> str:
    if request.month is None:
        stamp = t(lang, "exports.file_until", date=now.astimezone(ZoneInfo(tz)).date().isoformat())
    else:
        stamp = "{}-{:02d}".format(*request.month)
    return t(lang, "exports.file_name", what=what(request, lang), period=stamp)


def empty(request: Request, lang: str) -> str:
    if request.month is None:
        return t(lang, "exports.empty_all", what=what(request, lang))
    year, month = request.month
    return t(
        lang,
        "exports.empty_month",
        what=what(request, lang),
        month=month_name(month, lang),
        year=year,
    )


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
    addressed = [unit for unit in units if unit.addressed_by(row.created_at)]
    not_yet = ctx.t("exports.not_acked")
    per_unit: list[Value] = [
        ctx.local(row.acks[unit.id])
        if unit.id in row.acks
        else (not_yet if unit.addressed_by(row.created_at) else None)
        for unit in units
    ]
    return [
        row.number,
        ctx.local(row.created_at),
        row.author_name,
        row.unit_code,
        row.text,
        sum(1 for unit in addressed if unit.id in row.acks),
        len(addressed),
        ctx.link(row.message_id),
        *per_unit,
    ]


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
    """Attendance per unit, then the agenda, the decisions and the follow-up tasks."""
    section = {
        key: ctx.t(f"exports.section.{key}")
        for key in ("attendance", "agenda", "decisions", "tasks")
    }
    rows: list[list[Value]] = [
        [
            section["attendance"],
            None,
            unit.code,
            ctx.t(f"minutes.status.{unit.status}") if unit.status else ctx.t("exports.no_answer"),
            unit.names or None,
            None,
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
            task.unit_code,
            task.text,
            task.creator_name,
            ctx.local(task.due_at),
            ctx.t(f"tasks.status.{task.status}"),
        ]
        for task in sheet.tasks
    ]
    return rows


# ---------------------------------------------------------------- writing
def _append(sheet: Sheet, batch: Sequence[R], values: Callable[[R], list[Value]]) -> None:
    sheet.append(values(record) for record in batch)


async def _one_sheet(
    book: Spreadsheet,
    title: str,
    columns: list[Column],
    batches: AsyncIterator[list[R]],
    values: Callable[[R], list[Value]],
) -> int:
    sheet: Sheet | None = None
    async for batch in batches:
        if sheet is None:
            sample = [values(record) for record in batch]
            sheet = await asyncio.to_thread(book.sheet, title, columns, sample)
        await asyncio.to_thread(_append, sheet, batch, values)
    if sheet is None:
        return 0
    await asyncio.to_thread(sheet.close)
    return sheet.rows


def _meeting_sheets(book: Spreadsheet, batch: list[MeetingSheet], ctx: Context) -> None:
    for meeting in batch:
        rows = detail_rows(meeting, ctx)
        title = ctx.t("exports.sheet.meeting", number=meeting.meeting.number)
        sheet = book.sheet(title, detail_columns(ctx), rows, heading=detail_heading(meeting, ctx))
        sheet.append(rows)
        sheet.close()


async def _meetings(book: Spreadsheet, db: Database, request: Request, ctx: Context) -> int:
    overview: Sheet | None = None
    async for batch in service.meeting_sheets(db, ctx.group_id, request):
        if overview is None:
            sample = [meeting_values(sheet, ctx) for sheet in batch]
            title = ctx.t("exports.sheet.meetings")
            overview = await asyncio.to_thread(book.sheet, title, meeting_columns(ctx), sample)
        await asyncio.to_thread(_append, overview, batch, lambda s: meeting_values(s, ctx))
        await asyncio.to_thread(_meeting_sheets, book, batch, ctx)
    if overview is None:
        return 0
    await asyncio.to_thread(overview.close)
    return overview.rows


async def write(db: Database, request: Request, ctx: Context, target: IO[bytes]) -> int:
    """Write the requested export to ``target`` as ``.xlsx``; the number of records (0: none,
    and nothing is written)."""
    book = Spreadsheet()
    sheet = ctx.t(f"exports.sheet.{request.kind}")
    if request.kind == "tasks":
        batches = service.tasks(db, ctx.group_id, request)
        count = await _one_sheet(
            book, sheet, task_columns(ctx), batches, lambda r: task_values(r, ctx)
        )
    elif request.kind == "decisions":
        batches_d = service.decisions(db, ctx.group_id, request)
        count = await _one_sheet(
            book, sheet, decision_columns(ctx), batches_d, lambda r: decision_values(r, ctx)
        )
    elif request.kind == "announcements":
        units = await service.announcement_units(db, ctx.group_id)
        batches_a = service.announcements(db, ctx.group_id, request)
        count = await _one_sheet(
            book,
            sheet,
            announcement_columns(ctx, units),
            batches_a,
            lambda r: announcement_values(r, ctx, units),
        )
    else:
        count = await _meetings(book, db, request, ctx)
    if count:
        await asyncio.to_thread(book.save, target)
    return count
