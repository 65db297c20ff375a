"""The monthly recap as a service: which month, its figures, the leading units, the table.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain import timewords as w
from bot.domain.workdays import wall_time
from storage import recap
from storage.db import Database
from storage.recap import RecapRow

LEADERS = 3
FIRST_YEAR = 2000
"""Years before this (and after next year) are typing mistakes, not months to recap."""
_ISO_MONTH = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:[-/.]|\s)(\d{4})$")
_MONTH_ONLY = re.compile(r"^(\d{1,2})$")
_WORD_MONTH = re.compile(r"^([^\W\d]+)\.?(?:\s+(\d{4}))?$")


class MonthError(ValueError):
    """Not a month Rakor can recap: ``key`` names the catalog text."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class Recap:
    year: int
    month: int
    rows: list[RecapRow]

    @property
    def leaders(self) -> list[RecapRow]:
        """The leading units (at most three), best first."""
        ranked = sorted(
            (row for row in self.rows if row.rank is not None), key=lambda r: r.rank or 0
        )
        return ranked[:LEADERS]


def parse_month(text: str, today: date) -> tuple[int, int]:
    """``""`` (this month), ``Oktober`` / ``Okt 2025``, ``10``, ``10/2026`` / ``10-2026`` or
    ``2026-10`` → (year, month).

    A month without a year is the latest such month up to now (in January, ``Desember`` or
    ``12`` is last December). Raises :class:`MonthError` for anything else, a year before
    2000 or after next year, or a month ahead.
    """
    words = " ".join(text.split()).lower()
    if not words:
        return today.year, today.month
    if m := _ISO_MONTH.match(words):
        year, month = int(m[1]), int(m[2])
    elif m := _MONTH_YEAR.match(words):
        month, year = int(m[1]), int(m[2])
    elif m := _MONTH_ONLY.match(words):
        month = int(m[1])
        year = today.year - (month > today.month)
    elif (m := _WORD_MONTH.match(words)) and m[1] in w.MONTH_WORDS:
        month = w.MONTH_WORDS[m[1]]
        year = int(m[2]) if m[2] else today.year - (month > today.month)
    else:
        raise MonthError("recap.bad_month")
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= today.year + 1:
        raise MonthError("recap.bad_month")
    if (year, month) > (today.year, today.month):
        raise MonthError("recap.future_month")
    return year, month


def month_bounds(year: int, month: int, zone: str) -> tuple[datetime, datetime]:
    """The first instant of the month and of the next one, in ``zone``."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return wall_time(date(year, month, 1), (0, 0), zone), wall_time(following, (0, 0), zone)


async def monthly(db: Database, group_id: int, text: str, now: datetime, zone: str) -> Recap:
    """The recap of the month ``text`` names; raises :class:`MonthError`."""
    year, month = parse_month(text, now.astimezone(ZoneInfo(zone)).date())
    start, end = month_bounds(year, month, zone)
    rows = await recap.monthly(
        db, group_id, int(start.timestamp()), int(end.timestamp()), int(now.timestamp())
    )
    return Recap(year, month, rows)


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0f}%"


def table(rows: list[RecapRow], headers: tuple[str, ...]) -> str:
    """A fixed-width table (for a ``<pre>`` block): unit, acknowledged, share, tasks, share,
    overdue."""
    lines = [
        (
            row.unit_code,
            f"{row.acked}/{row.announcements}",
            percent(row.ack_share),
            f"{row.closed}/{row.tasks}",
            percent(row.task_share),
            str(row.overdue_now),
        )
        for row in rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *lines, strict=True)]
    out = []
    for cells in (headers, *lines):
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        out.append(" ".join((first, *rest)).rstrip())
    return "\n".join(out)
