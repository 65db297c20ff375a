"""Parse the time phrases Indonesian officials write: ``besok jam 9 Rapat Pokja Aset``.

:func:`parse_when` reads a time phrase at the start of a text and returns a :class:`When`
(first firing, recurrence :class:`Rule`, end time, and the rest of the text as the message).
Anything it cannot read with certainty is refused with a :class:`TimeParseError` whose message
shows a correct example: a wrong reminder time is worse than a refusal. Every command that
reads a time (``/ingatkan``, ``/rapat`` and ``/rapat ubah``, ``/tugas`` due dates,
``/pengumuman jam``) goes through it. :mod:`~bot.domain.timereader` reads what a phrase
names (with :mod:`~bot.domain.timenorm` for shorthand and number words,
:mod:`~bot.domain.timegrammar` for the patterns, :mod:`~bot.domain.timeclock` for hours and
:mod:`~bot.domain.timerecur` for ``tiap …``); this module resolves it against ``now``.

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

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import timewords as w
from bot.domain.timeerrors import TimeParseError
from bot.domain.timereader import DAY_START, MAX_AHEAD, Phrase, read_phrase
from bot.domain.timerecur import Recurrence
from bot.domain.workdays import Rule, monday, wall_time

__all__ = ["Rule", "TimeParseError", "When", "parse_when"]

_ROLL_OVER = timedelta(days=183)


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


class _Resolver:
    """Turns a :class:`Phrase` into instants at ``now`` in ``zone``; refuses what is not
    ahead or not on the calendar."""

    def __init__(self, phrase: Phrase, now: datetime, zone: str, lang: str) -> None:
        self.p, self.now, self.zone, self.lang = phrase, now, zone, lang

    def later(self, d: date) -> bool:
        """Whether the phrase's hour on the local date ``d`` is still ahead."""
        return wall_time(d, self.p.hm, self.zone) > self.now

    def error(self, key: str, **params: object) -> TimeParseError:
        return TimeParseError(key, self.lang, **params)

    def day(self) -> date:
        """The local date of a one-off firing."""
        p = self.p
        today = self.now.astimezone(ZoneInfo(self.zone)).date()
        if p.offset is not None:
            if not p.months:
                return today + timedelta(days=p.offset)
            first = _month_start(today, p.months)
            d = _date(first.year, first.month, today.day)
            if d is None:
                raise self.error("bad_date", value=f"{today.day}/{first.month}/{first.year}")
            return d + timedelta(days=p.offset)
        if p.parts is not None:
            return self.explicit_date(p.parts, today)
        if p.last_day is not None:
            unit, shift = p.last_day
            if unit == "tahun":
                return date(today.year + shift, 12, 31)
            return _month_start(today, shift + 1) - timedelta(days=1)
        if p.day_of_month is not None:
            return self.day_of_month(p.day_of_month, today)
        if p.weekday is not None and p.week is not None:
            return monday(today) + timedelta(days=7 * p.week + p.weekday)
        for ahead in range(8):
            d = today + timedelta(days=ahead)
            if p.weekday in (None, d.weekday()) and self.later(d):
                return d
        raise AssertionError("unreachable")  # pragma: no cover

    def day_of_month(self, day: int, today: date) -> date:
        """``tanggal 5``: the next 5th; with ``bulan ini``/``bulan depan``, that month's."""
        shifts = (0, 1) if self.p.month_shift is None else (self.p.month_shift,)
        months = [_month_start(today, shift) for shift in shifts]
        for month in months:
            d = _date(month.year, month.month, day)
            if d and (self.p.month_shift is not None or self.later(d)):
                return d
        raise self.error("bad_date", value=f"{day}/{months[-1].month}")

    def explicit_date(self, parts: tuple[int, int, int | None], today: date) -> date:
        """A date as written; without a year, the next one (see the module docstring)."""
        day, month, year = parts
        valid = [
            d
            for y in ((year,) if year else (today.year, today.year + 1))
            if (d := _date(y, month, day))
        ]
        if not valid:
            raise self.error("bad_date", value="/".join(str(n) for n in parts if n))
        upcoming = [d for d in valid if self.later(d)]
        if year:
            return valid[0]
        if upcoming and (
            upcoming[0].year == today.year
            or wall_time(upcoming[0], self.p.hm, self.zone) - self.now < _ROLL_OVER
        ):
            return upcoming[0]
        raise self.error("date_passed", date=f"{day}/{month}", next_year=today.year + 1)

    def one_off(self) -> datetime:
        """The single firing named, refused if it is not ahead."""
        p = self.p
        if p.exact is not None:
            at = (self.now + p.exact).astimezone(ZoneInfo(self.zone))
        else:
            d = self.day()
            if p.weekday is not None and p.weekday != d.weekday():
                days = w.DAYS[self.lang]
                raise self.error(
                    "weekday_mismatch",
                    date=d.strftime("%d/%m/%Y"),
                    actual=days[d.weekday()],
                    given=days[p.weekday],
                )
            at = wall_time(d, self.p.hm, self.zone)
        if at <= self.now:
            raise self.error("past", when=w.format_when(at, self.zone, self.lang))
        if at - self.now > MAX_AHEAD:
            raise self.error("too_far")
        return at

    def end_time(self, start: datetime) -> datetime | None:
        """The end named after the start, on the same local day and after it."""
        if self.p.end_hm is None:
            return None
        end = wall_time(start.astimezone(ZoneInfo(self.zone)).date(), self.p.end_hm, self.zone)
        if end <= start:
            raise self.error("end_before_start", words=self.p.end_words)
        return end

    def rule(self, spec: Recurrence) -> tuple[Rule, datetime]:
        """The rule of a recurring phrase and its first firing after ``now``."""
        rule = Rule(
            kind=spec.kind,
            hour=self.p.hm[0],
            minute=self.p.hm[1],
            zone=self.zone,
            weekdays=spec.weekdays,
            interval=spec.interval,
            day=spec.day,
            month=spec.month,
        )
        first = rule.next_after(self.now)
        if first is None:  # pragma: no cover - every valid rule fires within 8 years
            raise self.error("too_far")
        if rule.interval > 1:
            rule = replace(rule, anchor=monday(first.astimezone(ZoneInfo(self.zone)).date()))
        return rule, first


def parse_when(
    text: str,
    now: datetime,
    tz: str = "Asia/Jakarta",
    lang: str = "id",
    *,
    day_time: tuple[int, int] = DAY_START,
) -> When:
    """Read the time phrase at the start of ``text`` (see the module docstring).

    ``now`` must be timezone-aware; ``tz`` is the group's IANA zone; ``day_time`` is the
    hour and minute of a day named without one (a task's due date passes 23.59). Raises
    :class:`TimeParseError` (message in ``lang``) for anything it cannot read for certain.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    lang = "en" if lang == "en" else "id"
    phrase = read_phrase(text, lang, day_time)
    zone = phrase.zone or tz
    resolver = _Resolver(phrase, now, zone, lang)
    rule = None
    if phrase.recurrence is None:
        at = resolver.one_off()
    else:
        rule, at = resolver.rule(phrase.recurrence)
    return When(
        at=at,
        rest=phrase.rest,
        zone=zone,
        zone_named=phrase.zone is not None,
        rule=rule,
        end=resolver.end_time(at),
        open_end=phrase.open_end,
    )
