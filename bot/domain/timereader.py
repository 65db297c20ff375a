"""Reading a time phrase: the day, hour, period, zone, end and recurrence it names.

:func:`read_phrase` walks the normalised text (:mod:`~bot.domain.timenorm`) one component at a
time with the patterns of :mod:`~bot.domain.timegrammar`, in any order (``jam 9 besok``),
and returns a :class:`Phrase`. It does not know ``now``: :mod:`bot.domain.timeparse` turns the
phrase into instants. The safety rule is enforced here, once: a phrase whose message still
starts with a time is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from bot.domain import timegrammar as g
from bot.domain import timewords as w
from bot.domain.timeclock import names_time, read_clock
from bot.domain.timeerrors import TimeParseError
from bot.domain.timenorm import normalize
from bot.domain.timerecur import RECURRING, Recurrence, read_recurrence

MAX_AHEAD = timedelta(days=3660)
DAY_START = (8, 0)
_QUOTED_WORDS = 4


@dataclass
class Phrase:
    """What a phrase names, as read; :mod:`bot.domain.timeparse` says what it means."""

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
    open_end: bool = False  # s.d. selesai
    recurrence: Recurrence | None = None
    hm: tuple[int, int] = DAY_START  # the hour and minute named (unused with ``exact``)
    end_hm: tuple[int, int] | None = None  # s.d. 11.30
    end_words: str = ""  # as typed, for a refusal
    rest: str = ""
    seen: set[str] = field(default_factory=set)


class _Reader:
    """Reads the phrase at the start of ``text``, one component at a time."""

    def __init__(self, text: str, lang: str, day_time: tuple[int, int]) -> None:
        self.text = text
        self.norm = normalize(text)
        self.low = self.norm.text
        self.lang, self.day_time = lang, day_time
        self.p = Phrase()
        self.pos = self.start = self.gap(0)

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
        self.p.end_hm = self.end_hour_minute(t)
        self.pos = self.gap(t.end())
        zone = self.match(g.ZONE)
        if zone:
            named = w.ZONE_WORDS[zone["zone"]]
            if self.p.zone not in (None, named):
                raise self.error("two_zones", words=self.typed(self.start, zone.end()))
            self.p.zone = named
            self.pos = self.gap(zone.end())

    # --- the hour, and what must not be left behind ------------------------------------

    def hour_minute(self) -> tuple[int, int]:
        """The hour and minute named, on the 24-hour clock (08.00 for a day alone)."""
        if self.p.time is not None:
            return read_clock(self.p.time, self.p.period, self.lang)
        if self.p.period == "pagi":
            return DAY_START
        if self.p.period is None and not self.p.nanti:
            return self.day_time
        raise self.error("period_without_hour", period=self.p.period or "nanti")

    def check_leftover(self, rest_at: int) -> None:
        """The safety rule: refuse when the message still starts with a time, quoting it
        with the closest correct example (the hour read, or the number left over)."""
        m = g.LEFTOVER.match(self.low, rest_at)
        suggestion = self.p.hm if self.p.time is not None and not (m and m["modifier"]) else None
        if m is None and self.p.time is None and self.p.exact is None:
            m = g.BARE_HOUR.match(self.low, rest_at)
            if m and int(m["h"]) > 24:
                m = None
            elif m:
                suggestion = self.bare_hour(int(m["h"]))
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

    def bare_hour(self, hour: int) -> tuple[int, int] | None:
        """What a number left after the day most likely meant as an hour: with the period
        read (``besok pagi 7``), else 1–5 in the afternoon, as in speech."""
        if self.p.period is not None:
            fitting = g.PERIOD_HOURS[self.p.period].get(hour)
            return None if fitting is None else (fitting, 0)
        hour %= 24
        return (hour + 12 if 1 <= hour <= 5 else hour), 0

    def end_hour_minute(self, m: re.Match[str]) -> tuple[int, int]:
        """The end's hour. Without a period of its own it takes the start's when it fits:
        ``jam 7 malam s.d. 9`` is 21.00."""
        self.p.end_words = self.typed(m.start(), m.end())
        period = (self.p.time["period"] if self.p.time is not None else None) or self.p.period
        if period and not m["period"]:
            try:
                return read_clock(m, period, self.lang)
            except TimeParseError:
                pass  # it does not fit the start's period: read on its own below
        return read_clock(m, None, self.lang)

    def read(self) -> Phrase:
        if self.take(RECURRING):
            self.p.recurrence, self.pos = read_recurrence(self.norm, self.pos, self.lang)
            self.pos = self.gap(self.pos)
        self.components(recurring=self.p.recurrence is not None)
        if self.p.recurrence is None and not self.p.seen - {"zone", "period"}:
            raise self.error("no_time")
        if self.p.time is not None:
            self.end()
        rest_at = g.REST_GAP.match(self.low, self.pos).end()  # type: ignore[union-attr]
        if self.p.exact is None:
            self.p.hm = self.hour_minute()
        self.check_leftover(rest_at)
        if self.p.time is None and self.p.exact is None:
            later = g.TIME_LATER.search(self.low, rest_at)
            if later:
                raise self.error("time_later", found=self.typed(later.start(), later.end()))
        self.p.rest = self.text[self.norm.original(rest_at) :].strip()
        return self.p


def read_phrase(text: str, lang: str, day_time: tuple[int, int] = DAY_START) -> Phrase:
    """The phrase at the start of ``text``; ``day_time`` is the hour of a day named alone.
    Raises :class:`TimeParseError` (in ``lang``) for what cannot be read for certain."""
    return _Reader(text, lang, day_time).read()
