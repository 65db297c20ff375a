"""Parse the time phrases Indonesian officials write: ``besok jam 9 Rapat Pokja Aset``.

:func:`parse_when` reads a time phrase at the start of a text and returns a :class:`When`
(first firing, recurrence :class:`Rule`, and the rest of the text as the message). Anything
it cannot read with certainty is refused with a :class:`TimeParseError` whose message shows
a correct example: a wrong reminder time is worse than a refusal.

Decisions (what an official would expect):

* Dates are day-first (``5/12`` is 5 December); hours use ``.`` or ``:``; the clock is
  24-hour. ``jam 1``…``jam 5`` without ``pagi``/``sore``/``am``/``pm``, minutes aside, are
  refused as ambiguous (``jam 3`` is usually 15.00 in speech, 03.00 on a 24-hour clock);
  a leading zero (``pukul 03.00``) makes them unambiguous.
* ``pagi`` = 1–11; ``siang`` = 11–3 (``jam 1 siang`` = 13.00); ``sore``/``petang`` = 2–7
  (``jam 4 sore`` = 16.00); ``malam`` = 6–11 (``jam 7 malam`` = 19.00). ``jam 12 malam``
  and ``12am`` are refused (start or end of which day?); write ``pukul 00.00`` with a date.
* A day without a time means 08.00 (also ``besok pagi``); ``besok sore`` without an hour is
  refused. A time without a day is the next such time (today if still ahead, else
  tomorrow). If no time is given but the text further on contains ``jam 9``, it is refused
  (the time belongs right after the day).
* A weekday alone is the next such day (today if the time is still ahead). ``Senin depan`` /
  ``next Monday`` is the Monday of next week (weeks start on Monday), so on a Wednesday it is
  the coming Monday and ``Kamis depan`` is Thursday of next week, not tomorrow. ``Minggu
  depan`` is refused (next week, or next Sunday?); ``hari Minggu depan`` is next Sunday.
* A weekday next to a date (``Kamis (26/11)``) must agree with it, else it is refused
  naming the real day.
* A date without a year that has passed this year means next year only when that is less
  than six months ahead (in late November ``5 Januari`` is next January); otherwise it is
  refused, asking for the year. ``tanggal 5`` alone is the next 5th (this or next month).
* ``WIB``/``WITA``/``WIT`` anywhere in the phrase override the group's zone; ``.at`` is in
  that zone.
* Recurring: ``setiap tanggal 31`` skips months without a 31st; ``tiap tahun 29 Februari``
  fires in leap years only. Firings keep the local wall-clock time across DST changes; a
  time that does not exist on a DST day fires at the same instant an hour later.
* ``.rest`` is the text after the phrase, with leading spaces and ``,:;-`` separators
  removed and otherwise untouched.
* The parameters of an error are rendered in the parse call's language where they are
  words (weekday names, formatted times).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import timewords as w
from bot.domain.workdays import Rule, monday, wall_time
from bot.text.i18n import t

__all__ = ["Rule", "TimeParseError", "When", "parse_when"]

MAX_AHEAD = timedelta(days=3660)
_ROLL_OVER = timedelta(days=183)


class TimeParseError(ValueError):
    """A refused phrase. ``str()`` is the message in ``lang`` with the reminder example;
    :meth:`render` gives it in any language with the example of the command that asked."""

    def __init__(self, key: str, lang: str = "id", /, **params: object) -> None:
        self.key = f"timeparse.{key}"
        self.params = params
        super().__init__(self.render(lang))

    def render(self, lang: str, example_key: str = "timeparse.example") -> str:
        """What was wrong, then an example of the right form (``example_key``'s text)."""
        return t(lang, self.key, **self.params) + "\n" + t(lang, example_key)


@dataclass(frozen=True)
class When:
    """A parsed time phrase: the first firing, the message, and the recurrence if any."""

    at: datetime
    rest: str
    zone: str
    zone_named: bool = False
    rule: Rule | None = None

    def upcoming(self, n: int) -> list[datetime]:
        """The first ``n`` firings (``[at]`` for a one-off)."""
        out = [self.at][: max(n, 0)]
        while self.rule is not None and 0 < len(out) < n:
            following = self.rule.next_after(out[-1])
            if following is None:
                break
            out.append(following)
        return out


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class _Phrase:
    """What the parser has read so far."""

    parts: tuple[int, int, int | None] | None = None  # day, month, year
    day_of_month: int | None = None
    offset: int | None = None
    weekday: int | None = None
    next_week: bool = False
    time: re.Match[str] | None = None
    period: str | None = None
    exact: timedelta | None = None
    zone: str | None = None
    seen: set[str] = field(default_factory=set)


class _Parser:
    """Reads the phrase at the start of ``text``, one component at a time."""

    def __init__(self, text: str, now: datetime, tz: str, lang: str) -> None:
        self.text = text
        # Same length as ``text`` so positions map back; non-ASCII digits never match.
        self.low = "".join(
            "_" if c.isdigit() and not c.isascii() else c.lower() if len(c.lower()) == 1 else c
            for c in text.replace("\xa0", " ")
        )
        self.pos = 0
        self.now, self.tz, self.lang = now, tz, lang
        self.p = _Phrase()

    def error(self, key: str, **params: object) -> TimeParseError:
        return TimeParseError(key, self.lang, **params)

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Match ``pattern`` at the current position and move past it and any gap."""
        m = pattern.match(self.low, self.pos)
        if m and m.end() > self.pos:
            self.pos = w.GAP.match(self.low, m.end()).end()  # type: ignore[union-attr]
            return m
        return None

    def typed(self, m: re.Match[str]) -> str:
        return self.text[m.start() : m.end()].strip()

    # --- components -------------------------------------------------------------------

    def relative(self) -> bool:
        m = w.RELATIVE.match(self.low, self.pos)
        if not m or not (m["pre"] or m["post"]):
            return False
        self.take(w.RELATIVE)
        minutes, days_only = w.relative_minutes(m["pairs"])
        if minutes > MAX_AHEAD.total_seconds() / 60:
            raise self.error("too_far")
        if days_only:
            self.p.offset = int(minutes // 1440)
        else:
            self.p.exact = timedelta(minutes=minutes)
            self.p.seen |= {"time", "period", "weekday"}
        self.p.seen.add("date")
        return True

    def day_word(self) -> bool:
        m = self.take(w.DAY_WORD)
        if m:
            self.p.offset = w.day_offset(m["w"])
        return m is not None

    def weekday(self) -> bool:
        m = w.WEEKDAY.match(self.low, self.pos)
        if not m:
            return False
        if m["day"] == "minggu" and m["depan"] == "depan" and not m["hari"]:
            raise self.error("ambiguous_week")
        self.take(w.WEEKDAY)
        self.p.weekday = w.DAY_WORDS[m["day"]]
        self.p.next_week = m["depan"] == "depan" or m["next"] == "next"
        return True

    def date(self) -> bool:
        for pattern in w.DATE_PATTERNS:
            m = self.take(pattern)
            if m:
                month = w.MONTH_WORDS[m["mn"]] if "mn" in m.groupdict() else int(m["m"])
                year = m["y"] and int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
                self.p.parts = (int(m["d"]), month, year or None)
                return True
        m = self.take(w.DAY_OF_MONTH)
        if m:
            self.p.day_of_month = self.day_number(m)
        return m is not None

    def time(self) -> bool:
        m = w.TIME.match(self.low, self.pos)
        if not m or not (m["kw"] or m["m"] or m["ampm"] or m["period"]):
            return False
        self.p.time = self.take(w.TIME)
        if m["period"]:
            self.p.seen.add("period")
        return True

    def period(self) -> bool:
        m = self.take(w.PERIOD)
        if m:
            self.p.period = m["period"]
        return m is not None

    def zone(self) -> bool:
        m = self.take(w.ZONE)
        if m:
            self.p.zone = w.ZONE_WORDS[m["zone"]]
        return m is not None

    def components(self, recurring: bool) -> None:
        steps = [("time", self.time), ("period", self.period), ("zone", self.zone)]
        if not recurring:
            steps = [
                ("date", self.relative),
                ("date", self.day_word),
                ("weekday", self.weekday),
                ("date", self.date),
                *steps,
            ]
        progress = True
        while progress:
            progress = False
            for slot, step in steps:
                if slot not in self.p.seen and step():
                    self.p.seen.add(slot)
                    progress = True
                    break

    def day_number(self, m: re.Match[str]) -> int:
        day = int(m["d"])
        if not 1 <= day <= 31:
            raise self.error("bad_day_of_month", value=day)
        return day

    # --- resolution -------------------------------------------------------------------

    def hour_minute(self) -> tuple[int, int]:
        """The hour and minute named, on the 24-hour clock (08.00 for a day alone)."""
        m, period = self.p.time, self.p.period
        if m is None:
            if period in (None, "pagi"):
                return 8, 0
            raise self.error("period_without_hour", period=period)
        hour, minute, period = int(m["h"]), int(m["m"] or 0), m["period"] or period
        typed = m["h"] + (f".{m['m']}" if m["m"] else "")
        if minute > 59 or (hour > 23 and not period and not m["ampm"]):
            raise self.error("bad_hour", value=typed)
        if m["ampm"]:
            if not 1 <= hour <= 12:
                raise self.error("bad_hour", value=self.typed(m))
            if hour == 12 and m["ampm"][0] == "a":
                raise self.error("midnight")
            return hour % 12 + (12 if m["ampm"][0] == "p" else 0), minute
        if period:
            if period == "malam" and hour in (0, 12, 24):
                raise self.error("midnight")
            if hour not in w.PERIOD_HOURS[period]:
                raise self.error("bad_period", value=typed, period=period)
            return w.PERIOD_HOURS[period][hour], minute
        if 1 <= hour <= 5 and not m["h"].startswith("0"):
            value_pm = w.clock(hour + 12, minute, self.lang)
            raise self.error("ambiguous_hour", value=typed, value_pm=value_pm)
        return hour, minute

    def later(self, d: date, hm: tuple[int, int], zone: str) -> bool:
        return wall_time(d, hm, zone) > self.now

    def day(self, hm: tuple[int, int], zone: str) -> date:
        """The local date of a one-off firing."""
        p = self.p
        today = self.now.astimezone(ZoneInfo(zone)).date()
        if p.offset is not None:
            return today + timedelta(days=p.offset)
        if p.parts is not None:
            return self.explicit_date(p.parts, hm, zone, today)
        if p.day_of_month is not None:
            first = today.replace(day=1)
            months = (first, (first + timedelta(days=31)).replace(day=1))
            for month in months:
                d = _date(month.year, month.month, p.day_of_month)
                if d and self.later(d, hm, zone):
                    return d
            raise self.error("bad_date", value=f"{p.day_of_month}/{months[1].month}")
        if p.weekday is not None and p.next_week:
            return monday(today) + timedelta(days=7 + p.weekday)
        for ahead in range(8):
            d = today + timedelta(days=ahead)
            if (p.weekday in (None, d.weekday())) and self.later(d, hm, zone):
                return d
        raise AssertionError("unreachable")  # pragma: no cover

    def explicit_date(
        self, parts: tuple[int, int, int | None], hm: tuple[int, int], zone: str, today: date
    ) -> date:
        """A date as written; without a year, the next one (see the module docstring)."""
        day, month, year = parts
        valid = [
            d
            for y in ((year,) if year else (today.year, today.year + 1))
            if (d := _date(y, month, day))
        ]
        if not valid:
            raise self.error("bad_date", value="/".join(str(n) for n in parts if n))
        upcoming = [d for d in valid if self.later(d, hm, zone)]
        if year:
            return valid[0]
        if upcoming and (
            upcoming[0].year == today.year
            or wall_time(upcoming[0], hm, zone) - self.now < _ROLL_OVER
        ):
            return upcoming[0]
        raise self.error("date_passed", date=f"{day}/{month}", next_year=today.year + 1)

    def one_off(self, zone: str) -> datetime:
        """The single firing named, refused if it is not ahead."""
        p = self.p
        if p.exact is not None:
            at = (self.now + p.exact).astimezone(ZoneInfo(zone))
        else:
            hm = self.hour_minute()
            d = self.day(hm, zone)
            if p.weekday is not None and p.weekday != d.weekday():
                days = w.DAYS[self.lang]
                raise self.error(
                    "weekday_mismatch",
                    date=d.strftime("%d/%m/%Y"),
                    actual=days[d.weekday()],
                    given=days[p.weekday],
                )
            at = wall_time(d, hm, zone)
        if at <= self.now:
            raise self.error("past", when=w.format_when(at, zone, self.lang))
        if at - self.now > MAX_AHEAD:
            raise self.error("too_far")
        return at

    def recurrence(self) -> dict[str, object]:
        """The rule fields named after ``tiap``/``every``."""
        for kind, pattern in w.RECURRENCES:
            m = self.take(pattern)
            if m is None:
                continue
            groups = m.groupdict()
            if "days" in groups:
                days = sorted({w.DAY_WORDS[d.group(0)] for d in w.DAY_NAME.finditer(m["days"])})
                interval = int(groups.get("n") or 1)
                if interval < 1:
                    raise self.error("no_time")
                return {"kind": "weekly", "weekdays": tuple(days), "interval": interval}
            if kind == "yearly":
                month = w.MONTH_WORDS[m["m"]]
                if not _date(2000, month, int(m["d"])):
                    raise self.error("bad_date", value=f"{m['d']}/{month}")
                return {"kind": kind, "day": int(m["d"]), "month": month}
            if kind == "monthly":
                return {"kind": kind, "day": self.day_number(m)}
            return {"kind": kind}
        raise self.error("no_time")

    def parse(self) -> When:
        spec = self.recurrence() if self.take(w.RECURRING) else None
        self.components(recurring=spec is not None)
        if spec is None and not self.p.seen - {"zone", "period"}:
            raise self.error("no_time")
        rest_at = w.REST_GAP.match(self.low, self.pos).end()  # type: ignore[union-attr]
        if self.p.time is None and self.p.exact is None:
            later = w.TIME_LATER.search(self.low, rest_at)
            if later:
                raise self.error("time_later", found=self.typed(later))
        zone = self.p.zone or self.tz
        rule = None
        if spec is None:
            at = self.one_off(zone)
        else:
            hour, minute = self.hour_minute()
            rule = Rule(hour=hour, minute=minute, zone=zone, **spec)  # type: ignore[arg-type]
            first = rule.next_after(self.now)
            if first is None:  # pragma: no cover - every valid rule fires within 8 years
                raise self.error("too_far")
            if rule.interval > 1:
                rule = replace(rule, anchor=monday(first.astimezone(ZoneInfo(zone)).date()))
            at = first
        rest = self.text[rest_at:].strip()
        return When(at=at, rest=rest, zone=zone, zone_named=self.p.zone is not None, rule=rule)


def parse_when(text: str, now: datetime, tz: str = "Asia/Jakarta", lang: str = "id") -> When:
    """Read the time phrase at the start of ``text`` (see the module docstring).

    ``now`` must be timezone-aware; ``tz`` is the group's IANA zone. Raises
    :class:`TimeParseError` (message in ``lang``) for anything it cannot read for certain.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return _Parser(text, now, tz, "en" if lang == "en" else "id").parse()
