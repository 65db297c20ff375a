"""/ekspor as a file: its name and the words of its caption, and writing it.

Rows are fetched in batches (``bot.services.exports``) and written in a worker thread one
batch at a time (``bot.text.spreadsheet``), so neither the memory nor the event loop carries a
whole table. What the sheets hold is in ``bot.text.export_sheets``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime
from typing import IO, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.timewords import format_date, month_name
from bot.services import Database
from bot.services import exports as service
from bot.services.exports import MeetingSheet, Request
from bot.text.export_sheets import (
    Context,
    announcement_columns,
    announcement_values,
    decision_columns,
    decision_values,
    detail_columns,
    detail_heading,
    detail_rows,
    meeting_columns,
    meeting_values,
    task_columns,
    task_values,
)
from bot.text.i18n import t
from bot.text.spreadsheet import Column, Sheet, Spreadsheet, Value

R = TypeVar("R")


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


async def _tasks(book: Spreadsheet, db: Database, request: Request, ctx: Context) -> int:
    return await _one_sheet(
        book,
        ctx.t("exports.sheet.tasks"),
        task_columns(ctx),
        service.tasks(db, ctx.group_id, request),
        lambda row: task_values(row, ctx),
    )


async def _decisions(book: Spreadsheet, db: Database, request: Request, ctx: Context) -> int:
    return await _one_sheet(
        book,
        ctx.t("exports.sheet.decisions"),
        decision_columns(ctx),
        service.decisions(db, ctx.group_id, request),
        lambda row: decision_values(row, ctx),
    )


async def _announcements(book: Spreadsheet, db: Database, request: Request, ctx: Context) -> int:
    units = await service.announcement_units(db, ctx.group_id)
    return await _one_sheet(
        book,
        ctx.t("exports.sheet.announcements"),
        announcement_columns(ctx, units),
        service.announcements(db, ctx.group_id, request),
        lambda row: announcement_values(row, ctx, units),
    )


_WRITERS = {
    "tasks": _tasks,
    "decisions": _decisions,
    "announcements": _announcements,
    "meetings": _meetings,
}


async def write(db: Database, request: Request, ctx: Context, target: IO[bytes]) -> int:
    """Write the requested export to ``target`` as ``.xlsx``; the number of records (0: none,
    and nothing is written)."""
    book = Spreadsheet()
    count = await _WRITERS[request.kind](book, db, request, ctx)
    if count:
        await asyncio.to_thread(book.save, target)
    return count
