"""The monthly recap as a service: which month, the figures, and the standings they make.

Plain values in, plain values out (no Telegram); ``now`` is always passed in. Only units (or
pokja) that had something to assess in the month are ranked (``bot.domain.ranking``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain import ranking
from bot.domain import timewords as w
from bot.domain.workdays import wall_time
from storage import recap
from storage.db import Database
from storage.recap import RecapRow

TOP = 10
"""Standings shown one by one; the rest are summed up in one line."""
FIRST_YEAR = 2000
"""Years before this (and after next year) are typing mistakes, not months to recap."""
POKJA_WORD = "pokja"
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
class Standing:
    rank: int
    """Shared by standings with the same shown percentage (1, 1, 3)."""
    percent: int
    """The score as shown, a whole percentage."""
    row: RecapRow


@dataclass(frozen=True, slots=True)
class Recap:
    year: int
    month: int
    by_pokja: bool
    standings: tuple[Standing, ...]
    """Those with something to assess in the month, best first."""
    listed: int
    """How many active units (or pokja with tasks) the group has, assessed or not."""

    @property
    def shown(self) -> tuple[Standing, ...]:
        return self.standings[:TOP]

    @property
    def rest(self) -> tuple[Standing, ...]:
        """The standings below the top :data:`TOP`, summed up in one line."""
        return self.standings[TOP:]

    @property
    def podium(self) -> list[list[Standing]]:
        """Ranks 1 to 3 above 0 %, each place with the standings sharing it."""
        return ranking.podium(self.standings)


def _entry(row: RecapRow) -> ranking.Entry:
    return ranking.Entry(row.code, row.score or 0.0, row.overdue_now)


def standings(rows: list[RecapRow]) -> tuple[Standing, ...]:
    """The rows with a score, ranked best first."""
    by_code = {row.code: row for row in rows if row.score is not None}
    ranked = ranking.rank([_entry(row) for row in by_code.values()])
    return tuple(Standing(r.rank, r.percent, by_code[r.entry.code]) for r in ranked)


def split_request(text: str) -> tuple[bool, str]:
    """``pokja [bulan]`` → (True, bulan); anything else → (False, text)."""
    words = text.split(maxsplit=1)
    if words and words[0].casefold() == POKJA_WORD:
        return True, words[1] if len(words) > 1 else ""
    return False, text


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
    """The recap ``text`` asks for (``[bulan]`` or ``pokja [bulan]``); raises
    :class:`MonthError`."""
    by_pokja, month_text = split_request(text)
    year, month = parse_month(month_text, now.astimezone(ZoneInfo(zone)).date())
    start, end = month_bounds(year, month, zone)
    bounds = (int(start.timestamp()), int(end.timestamp()), int(now.timestamp()))
    read = recap.monthly_by_pokja if by_pokja else recap.monthly
    rows = await read(db, group_id, *bounds)
    return Recap(year, month, by_pokja, standings(rows), len(rows))
