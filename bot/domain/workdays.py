"""Working days of Indonesian government offices, and recurrence rules on local dates.

A working day is Monday to Friday, except Indonesia's national holidays (from the
``holidays`` package) and the cuti bersama (collective leave) dates in
``seeds/cuti_bersama.json``. Data is loaded lazily on first use and cached.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import holidays

Kind = Literal["daily", "workdays", "weekly", "monthly", "yearly"]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CUTI_BERSAMA_FILE = SEEDS / "cuti_bersama.json"


@cache
def cuti_bersama() -> dict[date, str]:
    """The cuti bersama dates from the seed file, with their notes."""
    data = json.loads(CUTI_BERSAMA_FILE.read_text(encoding="utf-8"))
    return {
        date.fromisoformat(entry["date"]): entry.get("note", "")
        for entries in data["dates"].values()
        for entry in entries
    }


@cache
def _national(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("ID", years=year)


def holiday_name(d: date) -> str | None:
    """The national holiday or cuti bersama on ``d``, if any."""
    name = _national(d.year).get(d)
    return name if name is not None else cuti_bersama().get(d)


def is_working_day(d: date) -> bool:
    """Monday to Friday and neither a national holiday nor cuti bersama."""
    return d.weekday() < 5 and holiday_name(d) is None


def next_working_day(d: date) -> date:
    """The first working day strictly after ``d``."""
    d += timedelta(days=1)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def monday(d: date) -> date:
    """The Monday of the week of ``d``."""
    return d - timedelta(days=d.weekday())


def wall_time(d: date, hm: tuple[int, int], zone: str) -> datetime:
    """``hm`` on the local date ``d`` in ``zone``; a time in a DST gap moves forward."""
    tz = ZoneInfo(zone)
    return datetime(d.year, d.month, d.day, *hm, tzinfo=tz).astimezone(UTC).astimezone(tz)


@dataclass(frozen=True)
class Rule:
    """A recurrence at ``hour:minute`` wall-clock time in ``zone``."""

    kind: Kind
    hour: int
    minute: int
    zone: str
    weekdays: tuple[int, ...] = ()
    interval: int = 1  # in weeks, for "weekly"
    anchor: date | None = None  # Monday of a week that fires, for interval > 1
    day: int = 0  # day of the month, for "monthly" and "yearly"
    month: int = 0  # for "yearly"

    def matches(self, d: date) -> bool:
        """Whether the rule fires on the local date ``d``."""
        if self.kind == "daily":
            return True
        if self.kind == "workdays":
            return is_working_day(d)
        if self.kind == "weekly":
            if d.weekday() not in self.weekdays:
                return False
            if self.anchor is None:
                return True
            weeks = (monday(d) - self.anchor).days // 7
            return weeks % self.interval == 0
        if self.kind == "monthly":
            return d.day == self.day
        return (d.month, d.day) == (self.month, self.day)

    def firing_on(self, d: date) -> datetime:
        """The firing on the local date ``d`` (a DST-gap time moves forward)."""
        return wall_time(d, (self.hour, self.minute), self.zone)

    def next_after(self, dt: datetime) -> datetime | None:
        """The next firing strictly after ``dt`` (aware), or None within eight years."""
        d = dt.astimezone(ZoneInfo(self.zone)).date()
        try:
            for _ in range(366 * 8 + 2):
                if self.matches(d):
                    at = self.firing_on(d)
                    if at.timestamp() > dt.timestamp():
                        return at
                d += timedelta(days=1)
        except OverflowError:
            return None
        return None

    def to_json(self) -> str:
        """The rule as a JSON object, for storage."""
        data = asdict(self)
        data["anchor"] = self.anchor.isoformat() if self.anchor else None
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Rule:
        """The inverse of :meth:`to_json`."""
        data = json.loads(text)
        data["weekdays"] = tuple(data.get("weekdays", ()))
        if data.get("anchor"):
            data["anchor"] = date.fromisoformat(data["anchor"])
        return cls(**data)
