"""Exports (/ekspor) as a service: what was asked for, the records in batches, and the data of
one meeting's sheet.

The records come from ``storage.exports`` in batches (never a whole table at once); the
spreadsheet is written by ``bot.text.export_sheets``. Plain values, no Telegram.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from bot.services import minutes
from bot.services.recap import MonthError, month_bounds, parse_month
from bot.services.room import UnitRecord
from storage import exports, meetings
from storage.agenda import AgendaItem
from storage.db import Database
from storage.decisions import Decision
from storage.exports import AnnouncementRow, DecisionRow, ExportUnit, TaskRow
from storage.meetings import Meeting
from storage.tasks import Task

__all__ = [
    "AnnouncementRow",
    "DecisionRow",
    "ExportError",
    "ExportUnit",
    "MeetingSheet",
    "Request",
    "TaskRow",
    "UnitRecord",
    "announcement_units",
    "announcements",
    "decisions",
    "meeting_sheets",
    "parse_request",
    "post_link",
    "tasks",
]

Kind = Literal["tasks", "decisions", "announcements", "meetings"]

KINDS: dict[str, Kind] = {
    "tugas": "tasks",
    "tasks": "tasks",
    "keputusan": "decisions",
    "decisions": "decisions",
    "pengumuman": "announcements",
    "announcements": "announcements",
    "rapat": "meetings",
    "meetings": "meetings",
}
"""The words for each kind, Indonesian (the command's contract) or English."""

_MONTH_ERRORS = {
    "recap.bad_month": "exports.bad_month",
    "recap.future_month": "exports.future_month",
}

MEETING_BATCH = 50
"""Meetings gathered at a time: each brings its attendance, agenda, decisions and tasks."""


class ExportError(ValueError):
    """Not an export Rakor can make: ``key`` names the catalog text."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class Request:
    kind: Kind
    month: tuple[int, int] | None
    """(year, month), or None for every record."""
    start: int | None
    end: int | None
    """The month as Unix seconds ``[start, end)``; None for every record."""


def parse_request(text: str, now: datetime, zone: str) -> Request:
    """``tugas|keputusan|pengumuman|rapat [bulan]`` (or the English words); raises
    :class:`ExportError`."""
    words = text.split(maxsplit=1)
    kind = KINDS.get(words[0].casefold()) if words else None
    if kind is None:
        raise ExportError("exports.usage")
    if len(words) == 1:
        return Request(kind, None, None, None)
    try:
        year, month = parse_month(words[1], now.astimezone(ZoneInfo(zone)).date())
    except MonthError as exc:
        raise ExportError(_MONTH_ERRORS[exc.key]) from exc
    start, end = month_bounds(year, month, zone)
    return Request(kind, (year, month), int(start.timestamp()), int(end.timestamp()))


def post_link(chat_id: int, message_id: int | None) -> str | None:
    """The link to a post in a supergroup (``https://t.me/c/<id without -100>/<message>``);
    None for a message of a basic group, which has no link."""
    digits = str(chat_id)
    if message_id is None or not digits.startswith("-100"):
        return None
    return f"https://t.me/c/{digits[4:]}/{message_id}"


def tasks(db: Database, group_id: int, request: Request) -> AsyncIterator[list[TaskRow]]:
    """The requested tasks in batches, by number."""
    return exports.tasks(db, group_id, request.start, request.end)


def decisions(db: Database, group_id: int, request: Request) -> AsyncIterator[list[DecisionRow]]:
    """The requested decisions in batches, by number."""
    return exports.decisions(db, group_id, request.start, request.end)


def announcements(
    db: Database, group_id: int, request: Request
) -> AsyncIterator[list[AnnouncementRow]]:
    """The requested announcements in batches, by number, each with its acknowledgements."""
    return exports.announcements(db, group_id, request.start, request.end)


async def announcement_units(db: Database, group_id: int) -> list[ExportUnit]:
    return await exports.announcement_units(db, group_id)


@dataclass(frozen=True, slots=True)
class MeetingSheet:
    """What one meeting's sheet shows."""

    meeting: Meeting
    attendance: tuple[UnitRecord, ...]
    items: tuple[AgendaItem, ...]
    decisions: tuple[Decision, ...]
    tasks: tuple[Task, ...]

    @property
    def present(self) -> int:
        """Units present or represented."""
        return sum(1 for unit in self.attendance if unit.present)


async def meeting_sheet(db: Database, meeting: Meeting) -> MeetingSheet:
    """The attendance per unit (as recorded in the room, the minutes' categories), agenda,
    decisions and tasks of one meeting."""
    gathered = await minutes.gather(db, meeting)
    return MeetingSheet(
        meeting=meeting,
        attendance=gathered.attendance,
        items=gathered.items,
        decisions=gathered.decisions,
        tasks=gathered.tasks,
    )


async def meeting_sheets(
    db: Database, group_id: int, request: Request
) -> AsyncIterator[list[MeetingSheet]]:
    """The requested meetings' sheets, a few meetings at a time, by number."""
    async for ids in exports.meeting_ids(
        db, group_id, request.start, request.end, size=MEETING_BATCH
    ):
        batch = []
        for meeting_id in ids:
            meeting = await meetings.get(db, meeting_id)
            if meeting is not None:
                batch.append(await meeting_sheet(db, meeting))
        yield batch
