"""Parse the time phrases Indonesian officials write: ``besok jam 9 Rapat Pokja Aset``.

:func:`parse_when` reads a time phrase at the start of a text and returns a :class:`When`
(first firing, recurrence :class:`Rule`, end time, and the rest of the text as the message).
Anything it cannot read with certainty is refused with a :class:`TimeParseError` whose message
shows a correct example: a wrong reminder time is worse than a refusal. Every command that
reads a time (``/ingatkan``, ``/rapat`` and ``/rapat ubah``, ``/tugas`` due dates,
``/pengumuman jam``) goes through it. The work is shared by :mod:`~bot.domain.timenorm`
(shorthand, number words), :mod:`~bot.domain.timegrammar` (the patterns),
:mod:`~bot.domain.timeclock` (hours) and :mod:`~bot.domain.timerecur` (``tiap …``).

Decisions (what an official would expect):

* Dates are day-first (``5/12`` is 5 December; ``03-12-2026`` and ``03.12.2026`` too); hours
  use ``.`` or ``:``; the clock is 24-hour. ``jam 1``…``jam 5`` without ``pagi``/``sore``/
  ``am``/``pm``, minutes aside, are refused as ambiguous (``jam 3`` is usually 15.00 in speech,
  03.00 on a 24-hour clock); a leading zero (``pukul 03.00``) makes them unambiguous.
* Number words count like digits everywhere (``jam sembilan``, ``dua jam lagi``, ``tanggal
  satu``, ``sejam lagi``); chat shorthand is read in full (``bsk``, ``besuk``, ``lsa``,
  ``pkl``, ``jm``, ``tgl``, ``mgg``, ``hr``, ``bln``, ``dpn``, ``lg``); so are ``Nopember``,
  ``Pebruari``, ``Agt``, ``Sept``, ``Okt``, ``Des`` with or without a dot. ``hr`` is ``hari``,
  except in an English count (``in 2 hr`` is two hours).
* Half and quarter hours are read as spoken: ``setengah 8`` is half *before* eight (07.30),
  ``jam 8 kurang seperempat`` 07.45, ``kurang 10`` ten to, ``lewat seperempat`` / ``lewat 15`` /
  ``lebih 10`` past. The result is then read like the same time written with digits, so the
  ambiguous half hours are the same as the ambiguous hours: ``setengah 2`` … ``setengah 6``
  (1.30 … 5.30) are refused without ``pagi``/``sore``, like ``jam 1.30`` … ``jam 5.30``, and so
  is ``setengah 1`` (00.30 or 12.30?); ``setengah 7`` … ``setengah 12`` are morning like
  ``jam 6.30`` … ``jam 11.30``. With a period word the period belongs to the time meant:
  ``setengah 7 malam`` = 18.30, ``setengah 1 siang`` = 12.30, ``setengah 12 malam`` = 23.30.
* ``pagi`` = 1–11; ``siang`` = 11–3 (``jam 1 siang`` = 13.00); ``sore``/``petang`` = 2–7
  (``jam 4 sore`` = 16.00); ``malam`` = 6–11 (``jam 7 malam`` = 19.00). ``jam 12 malam``,
  ``tengah malam`` and ``12am`` are refused (start or end of which day?); write ``pukul 00.00``
  with a date. ``tengah hari`` / ``noon`` is 12.00.
* A day without a time means 08.00 (also ``besok pagi``; a task's due date passes 23.59
  instead); ``besok sore`` or ``nanti`` without an hour is refused. A time without a day is
  the next such time (today if still ahead, else tomorrow). ``nanti sore jam 4``, ``sore ini``,
  ``malam ini``, ``tonight`` are today only: refused once past, never moved to tomorrow.
* A weekday alone is the next such day (today if the time is still ahead). ``Senin depan`` /
  ``Senin pekan depan`` / ``Senin minggu depan`` / ``minggu depan hari Senin`` / ``next Monday``
  is the Monday of next week (weeks start on Monday), so on a Wednesday ``Kamis depan`` is
  Thursday of next week, not tomorrow; ``Senin pekan ini`` is this week's (refused once past).
  ``Minggu depan`` and ``Minggu ini`` are refused (a week, or a Sunday?); ``hari Minggu
  depan`` is next Sunday.
* ``tanggal 5`` alone is the next 5th (this or next month); ``tanggal 1 bulan depan`` the 1st
  of next month. ``akhir bulan`` / ``akhir tahun`` (``ini``/``depan``) are the last day of
  the month or year, the way a deadline is read. ``awal …``, ``pertengahan …``, ``akhir
  pekan``, ``pekan depan``, ``bulan depan`` without a day name a stretch of days, not a day:
  they are refused with a question.
* ``N hari/minggu lagi`` keeps the clock of the day named (08.00 unless a time follows);
  ``N bulan/tahun lagi`` is the same date N months on (refused if it does not exist);
  ``1,5 jam lagi``, ``satu setengah jam lagi``, ``setengah jam lagi`` are exact.
* A weekday next to a date (``Kamis (26/11)``, ``Senin, 30 November 2026``) must agree with
  it, else it is refused naming the real day. The labels of an invitation letter
  (``Hari/Tanggal :``, ``Waktu :``, ``Pukul :``) are skipped.
* A date without a year that has passed this year means next year only when that is less
  than six months ahead (in late November ``5 Januari`` is next January); otherwise it is
  refused, asking for the year.
* An end may follow a one-off time: ``s.d. 11.30``, ``sampai jam 12``, ``- 11.00`` (``09.00-
  11.00``), ``s.d. selesai``; it is on the same day and must be after the start. A zone after
  the end (``09.00 s.d. 11.00 WITA``) is the zone of both.
* ``WIB``/``WITA``/``WIT`` anywhere in the phrase override the group's zone; ``.at`` is in
  that zone.
* Recurring: ``tiap pagi jam 7`` is daily; ``Senin-Jumat`` / ``Senin sampai Jumat`` /
  ``Senin s.d. Jumat`` are those weekdays every week (national holidays included: only
  ``hari kerja`` skips them); ``setiap tanggal 31`` skips months without a 31st; ``tiap tahun
  29 Februari`` fires in leap years only. Firings keep the local wall-clock time across DST
  changes; a time that does not exist on a DST day fires at the same instant an hour later.
* The safety rule, here and only here: once the phrase is read, if the message still starts
  with something that looks like a time (``jam``, ``pukul``, a clock number like ``10.30``,
  ``setengah``, ``kurang``, ``lewat``, ``lebih``, a count with a time word like ``2 jam``,
  ``pagi``/``siang``/``sore``/``malam``, or, when no hour was read, a number up to 24), the
  phrase is refused quoting those words with the closest correct example; a default time is
  never used while a time is left in the text. If no time was read but the text further on
  contains ``jam 9``, it is refused too (the time belongs right after the day).
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

from bot.domain import timegrammar as g
from bot.domain import timewords as w
from bot.domain.timeclock import names_time, read_clock
from bot.domain.timeerrors import TimeParseError
from bot.domain.timenorm import normalize
from bot.domain.timerecur import RECURRING, Recurrence, read_recurrence
from bot.domain.workdays import Rule, monday, wall_time

__all__ = ["Rule", "TimeParseError", "When", "parse_when"]

MAX_AHEAD = timedelta(days=3660)
_ROLL_OVER = timedelta(days=183)
_DAY_START = (8, 0)
_QUOTED_WORDS = 4


@dataclass(frozen=True)
class When:
    """A parsed time phrase: the first firing, the message, and the recurrence if any.

    ``end`` is the end time named after the start (``s.d. 11.30``); ``open_end`` says the
    phrase ended in ``s.d. selesai``.
    """

    at: datetime
    rest: str
    zone: str
    zone_named: bool = False
    rule: Rule | None = None
    end: datetime | None = None
    open_end: bool = False

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


def _month_start(d: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``d``."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class _Phrase:
    """What the parser has read so far."""

    parts: tuple[int, int, int | None] | None = None  # day, month, year as written
    day_of_month: int | None = None
    month_shift: int | None = None  # tanggal 1 bulan depan: 1; bulan ini: 0
    last_day: tuple[str, int] | None = None  # akhir bulan depan: ("bulan", 1)
    offset: int | None = None  # days from today
    months: int = 0  # whole months from today, before ``offset``
    nanti: bool = False  # nanti (jam 4): today, and an hour is needed
    weekday: int | None = None
    week: int | None = None  # Senin pekan ini: 0; Senin depan: 1; Senin: None (the next)
    time: re.Match[str] | None = None
    period: str | None = None
    exact: timedelta | None = None
    zone: str | None = None
    end: re.Match[str] | None = None
    open_end: bool = False
    seen: set[str] = field(default_factory=set)


class _Parser:
    """Reads the phrase at the start of ``text``, one component at a time."""

    def __init__(
        self, text: str, now: datetime, tz: str, lang: str, day_time: tuple[int, int]
    ) -> None:
        self.text = text
        self.norm = normalize(text)
        self.low = self.norm.text
        self.pos = self.start = self.gap(0)
        self.now, self.tz, self.lang, self.day_time = now, tz, lang, day_time
        self.p = _Phrase()

    def error(self, key: str, **params: object) -> TimeParseError:
        return TimeParseError(key, self.lang, **params)

    def gap(self, pos: int) -> int:
        return g.GAP.match(self.low, pos).end()  # type: ignore[union-attr]

    def match(self, pattern: re.Pattern[str], pos: int | None = None) -> re.Match[str] | None:
        """``pattern`` at ``pos`` (the current position), unless it ends inside a word that
        normalising wrote in place of another."""
        m = pattern.match(self.low, self.pos if pos is None else pos)
        return None if m is None or self.norm.splits(m.end()) else m

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Match ``pattern`` at the current position and move past it and any gap."""
        m = self.match(pattern)
        if m and m.end() > self.pos:
            self.pos = self.gap(m.end())
            return m
        return None

    def typed(self, start: int, end: int) -> str:
        """The original text between two positions of the normalised one."""
        return self.text[self.norm.original(start) : self.norm.original(end)].strip(" ,:;-")

    # --- components -------------------------------------------------------------------

    def relative(self) -> bool:
        m = self.match(g.RELATIVE)
        if not m or not (m["pre"] or m["post"]):
            return False
        amount = g.relative_amount(m)
        if amount is None or (amount[0] and not amount[2]):
            raise self.error("vague", words=self.typed(m.start(), m.end()))
        self.take(g.RELATIVE)
        months, minutes, days_only = amount
        if months * 31 * 1440 + minutes > MAX_AHEAD.total_seconds() / 60:
            raise self.error("too_far")
        if days_only:
            self.p.months, self.p.offset = months, int(minutes // 1440)
        else:
            self.p.exact = timedelta(minutes=minutes)
            self.p.seen |= {"time", "period", "weekday"}
        return True

    def day_word(self) -> bool:
        m = self.take(g.DAY_WORD)
        if m:
            self.p.offset = g.day_offset(m["w"])
        return m is not None

    def day_part(self) -> bool:
        m = self.take(g.DAY_PART)
        if m is None:
            return False
        self.p.offset = 0
        period = m["p"] or m["q"] or ("malam" if m["tonight"] else None)
        if period:
            self.p.period = period
            self.p.seen.add("period")
        self.p.nanti = period is None
        return True

    def last_day(self) -> bool:
        m = self.take(g.LAST_DAY)
        if m:
            self.p.last_day = (m["unit"], 1 if m["which"] == "depan" else 0)
        return m is not None

    def vague(self) -> bool:
        m = self.match(g.VAGUE)
        if m:
            raise self.error("vague", words=self.typed(m.start(), m.end()))
        return False

    def weekday(self) -> bool:
        m = self.match(g.WEEKDAY)
        if not m:
            return False
        if m["day"] == "minggu" and m["depan"] and not (m["hari"] or m["wk2"]):
            raise self.error("ambiguous_week", words=self.typed(m.start(), m.end()))
        self.take(g.WEEKDAY)
        self.p.weekday = w.DAY_WORDS[m["day"]]
        if "depan" in (m["wkdir"], m["depan"]) or m["next"] == "next":
            self.p.week = 1
        elif m["wkdir"] == "ini" or m["wk2"]:
            self.p.week = 0
        return True

    def calendar_date(self) -> bool:
        for pattern in g.DATE_PATTERNS:
            m = self.take(pattern)
            if m:
                month = w.MONTH_WORDS[m["mn"]] if "mn" in m.groupdict() else int(m["m"])
                year = m["y"] and int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
                self.p.parts = (int(m["d"]), month, year or None)
                return True
        m = self.take(g.DAY_OF_MONTH)
        if m:
            day = int(m["d"])
            if not 1 <= day <= 31:
                raise self.error("bad_day_of_month", value=day)
            self.p.day_of_month = day
            shift = m["pre"] or m["post"]
            self.p.month_shift = None if shift is None else int(shift == "depan")
        return m is not None

    def time(self) -> bool:
        m = self.match(g.TIME)
        if not m or not names_time(m):
            return False
        self.p.time = self.take(g.TIME)
        if m["period"]:
            self.p.seen.add("period")
        return True

    def period(self) -> bool:
        m = self.take(g.PERIOD)
        if m:
            self.p.period = m["period"]
        return m is not None

    def zone(self) -> bool:
        m = self.take(g.ZONE)
        if m:
            self.p.zone = w.ZONE_WORDS[m["zone"]]
        return m is not None

    def components(self, recurring: bool) -> None:
        steps = [("time", self.time), ("period", self.period), ("zone", self.zone)]
        if not recurring:
            steps = [
                ("date", self.relative),
                ("date", self.day_word),
                ("date", self.day_part),
                ("date", self.last_day),
                ("weekday", self.weekday),
                ("date", self.calendar_date),
                ("date", self.vague),
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

    def end(self) -> None:
        """``s.d. 11.30``, ``sampai selesai``, ``09.00-11.00`` after the start time."""
        m = self.match(g.END)
        if m is None:
            return
        done = self.match(g.OPEN_END, m.end())
        if done:
            self.p.open_end = True
            self.pos = self.gap(done.end())
            return
        t = self.match(g.TIME, m.end())
        # After a dash a bare hour is an end only written tight ("09.00-11"), not in
        # "jam 9 - 10 orang hadir".
        dash = m.group(0).strip() in ("-", "\u2013", "\u2014")
        tight = m.group(0) == "-" and not self.low[m.start() - 1].isspace()
        if t is None or not (names_time(t) or not dash or tight):
            return
        self.p.end = t
        self.pos = self.gap(t.end())
        zone = self.match(g.ZONE)
        if zone:
            named = w.ZONE_WORDS[zone["zone"]]
            if self.p.zone not in (None, named):
                raise self.error("two_zones", words=self.typed(self.start, zone.end()))
            self.p.zone = named
            self.pos = self.gap(zone.end())

    # --- resolution -------------------------------------------------------------------

    def hour_minute(self) -> tuple[int, int]:
        """The hour and minute named, on the 24-hour clock (08.00 for a day alone)."""
        if self.p.time is not None:
            return read_clock(self.p.time, self.p.period, self.lang)
        if self.p.period == "pagi":
            return _DAY_START
        if self.p.period is None and not self.p.nanti:
            return self.day_time
        raise self.error("period_without_hour", period=self.p.period or "nanti")

    def check_leftover(self, rest_at: int, hm: tuple[int, int] | None) -> None:
        """The safety rule: refuse when the message still starts with a time, quoting it
        with the closest correct example (the hour read, or the number left over)."""
        m = g.LEFTOVER.match(self.low, rest_at)
        suggestion = hm if self.p.time is not None and not (m and m["modifier"]) else None
        if m is None and self.p.time is None and self.p.exact is None:
            m = g.BARE_HOUR.match(self.low, rest_at)
            if m and int(m["h"]) > 24:
                m = None
            elif m:
                hour = int(m["h"]) % 24
                suggestion = (hour + 12 if 1 <= hour <= 5 else hour, 0)
        if m is None:
            return
        words = " ".join(self.text[self.norm.original(rest_at) :].split()[:_QUOTED_WORDS])
        head_end = self.p.time.start() if self.p.time is not None else rest_at
        head = self.typed(self.start, head_end)
        word = "at" if self.lang == "en" else "jam"
        if suggestion is None:
            example = f"{head} {word} {w.clock(7, 30, self.lang)}".strip()
            raise self.error("unread_time", words=words, example=example)
        example = f"{head} {word} {w.clock(*suggestion, self.lang)}".strip()
        raise self.error("unread", words=words, example=example)

    def day(self, hm: tuple[int, int], zone: str) -> date:
        """The local date of a one-off firing."""
        p = self.p
        today = self.now.astimezone(ZoneInfo(zone)).date()
        if p.offset is not None:
            if not p.months:
                return today + timedelta(days=p.offset)
            first = _month_start(today, p.months)
            d = _date(first.year, first.month, today.day)
            if d is None:
                raise self.error("bad_date", value=f"{today.day}/{first.month}/{first.year}")
            return d + timedelta(days=p.offset)
        if p.parts is not None:
            return self.explicit_date(p.parts, hm, zone, today)
        if p.last_day is not None:
            unit, shift = p.last_day
            if unit == "tahun":
                return date(today.year + shift, 12, 31)
            return _month_start(today, shift + 1) - timedelta(days=1)
        if p.day_of_month is not None:
            return self.day_of_month(p.day_of_month, hm, zone, today)
        if p.weekday is not None and p.week is not None:
            return monday(today) + timedelta(days=7 * p.week + p.weekday)
        for ahead in range(8):
            d = today + timedelta(days=ahead)
            if (p.weekday in (None, d.weekday())) and wall_time(d, hm, zone) > self.now:
                return d
        raise AssertionError("unreachable")  # pragma: no cover

    def day_of_month(self, day: int, hm: tuple[int, int], zone: str, today: date) -> date:
        """``tanggal 5``: the next 5th; with ``bulan ini``/``bulan depan``, that month's."""
        shifts = (0, 1) if self.p.month_shift is None else (self.p.month_shift,)
        months = [_month_start(today, shift) for shift in shifts]
        for month in months:
            d = _date(month.year, month.month, day)
            if d and (self.p.month_shift is not None or wall_time(d, hm, zone) > self.now):
                return d
        raise self.error("bad_date", value=f"{day}/{months[-1].month}")

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
        upcoming = [d for d in valid if wall_time(d, hm, zone) > self.now]
        if year:
            return valid[0]
        if upcoming and (
            upcoming[0].year == today.year
            or wall_time(upcoming[0], hm, zone) - self.now < _ROLL_OVER
        ):
            return upcoming[0]
        raise self.error("date_passed", date=f"{day}/{month}", next_year=today.year + 1)

    def one_off(self, hm: tuple[int, int], zone: str) -> datetime:
        """The single firing named, refused if it is not ahead."""
        p = self.p
        if p.exact is not None:
            at = (self.now + p.exact).astimezone(ZoneInfo(zone))
        else:
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

    def end_time(self, start: datetime, zone: str) -> datetime | None:
        """The end named after the start, on the same local day and after it. Without a
        period of its own it takes the start's when it fits: ``jam 7 malam s.d. 9`` is 21.00."""
        m = self.p.end
        if m is None:
            return None
        period = self.p.time["period"] if self.p.time is not None else None
        hm = None
        if not m["period"] and (period or self.p.period):
            try:
                hm = read_clock(m, period or self.p.period, self.lang)
            except TimeParseError:
                hm = None  # it does not fit the start's period: read on its own below
        if hm is None:
            hm = read_clock(m, None, self.lang)
        end = wall_time(start.astimezone(ZoneInfo(zone)).date(), hm, zone)
        if end <= start:
            raise self.error("end_before_start", words=self.typed(m.start(), m.end()))
        return end

    def rule(self, spec: Recurrence, hm: tuple[int, int], zone: str) -> tuple[Rule, datetime]:
        rule = Rule(
            kind=spec.kind,
            hour=hm[0],
            minute=hm[1],
            zone=zone,
            weekdays=spec.weekdays,
            interval=spec.interval,
            day=spec.day,
            month=spec.month,
        )
        first = rule.next_after(self.now)
        if first is None:  # pragma: no cover - every valid rule fires within 8 years
            raise self.error("too_far")
        if rule.interval > 1:
            rule = replace(rule, anchor=monday(first.astimezone(ZoneInfo(zone)).date()))
        return rule, first

    def parse(self) -> When:
        spec = None
        if self.take(RECURRING):
            spec, self.pos = read_recurrence(self.norm, self.pos, self.lang)
            self.pos = self.gap(self.pos)
        self.components(recurring=spec is not None)
        if spec is None and not self.p.seen - {"zone", "period"}:
            raise self.error("no_time")
        if self.p.time is not None:
            self.end()
        rest_at = g.REST_GAP.match(self.low, self.pos).end()  # type: ignore[union-attr]
        hm = self.hour_minute() if self.p.exact is None else None
        self.check_leftover(rest_at, hm)
        if self.p.time is None and self.p.exact is None:
            later = g.TIME_LATER.search(self.low, rest_at)
            if later:
                raise self.error("time_later", found=self.typed(later.start(), later.end()))
        zone = self.p.zone or self.tz
        rule = None
        if spec is None:
            at = self.one_off(hm or _DAY_START, zone)
        else:
            rule, at = self.rule(spec, hm or _DAY_START, zone)
        return When(
            at=at,
            rest=self.text[self.norm.original(rest_at) :].strip(),
            zone=zone,
            zone_named=self.p.zone is not None,
            rule=rule,
            end=self.end_time(at, zone),
            open_end=self.p.open_end,
        )


def parse_when(
    text: str,
    now: datetime,
    tz: str = "Asia/Jakarta",
    lang: str = "id",
    *,
    day_time: tuple[int, int] = _DAY_START,
) -> When:
    """Read the time phrase at the start of ``text`` (see the module docstring).

    ``now`` must be timezone-aware; ``tz`` is the group's IANA zone; ``day_time`` is the
    hour and minute of a day named without one (a task's due date passes 23.59). Raises
    :class:`TimeParseError` (message in ``lang``) for anything it cannot read for certain.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return _Parser(text, now, tz, "en" if lang == "en" else "id", day_time).parse()
