"""What recurs after ``tiap``/``setiap``/``every``: the days of a :class:`Rule`.

``tiap hari kerja``, ``tiap pagi``, ``setiap Senin, Rabu, Jumat``, ``setiap Senin-Jumat`` /
``Senin sampai Jumat`` / ``Senin s.d. Jumat`` (the days in between, every week), ``tiap 2
minggu hari Senin``, ``setiap tanggal 1``, ``tiap tahun 17 Agustus``. The hour is read by the
parser after these words, as for a one-off time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.domain.timeerrors import TimeParseError
from bot.domain.timegrammar import DAY_NAME, HARI
from bot.domain.timenorm import Normalized
from bot.domain.timewords import DAY_WORDS, MONTH_WORDS, alternation
from bot.domain.workdays import Kind

_B = r"(?!\w)"
_DAY = alternation(DAY_WORDS)
_MONTH = alternation(MONTH_WORDS)
_TANGGAL = r"(?:tanggal)\s*:?\s*"
_THROUGH = r"\s*(?:[-\u2013\u2014]|s\.?\s?d\b\.?|s/d|sampai(?:\s+dengan)?|hingga|to|through)\s*"
_RANGE = re.compile(rf"(?P<first>{_DAY}){_B}{_THROUGH}(?P<last>{_DAY}){_B}")
_DAYS = (
    rf"(?:{_DAY}){_B}(?:{_THROUGH}(?:{_DAY}){_B}"
    rf"|(?:\s*(?:,\s*(?:dan\s+|and\s+)?|dan\s+|and\s+|&\s*|/\s*)(?:{_DAY}){_B})*)"
)

RECURRING = re.compile(rf"(?:(?:se)?tiap|every|saban){_B}\s*")
#: Recurrence bodies after ``tiap``/``every``, tried in this order.
_BODIES = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("workdays", rf"(?:{HARI}[\s-]+kerja|weekdays?|working\s+days?|workdays?){_B}"),
        (
            "weeks",
            rf"(?:(?P<n>\d{{1,2}})\s*)?(?:minggu|pekan|weeks?){_B}(?:\s+sekali)?[\s,]*"
            rf"(?:(?:pada\s+)?{HARI}\s+|on\s+)?(?P<days>{_DAYS})",
        ),
        ("weekly", rf"(?:{HARI}\s+|on\s+)?(?P<days>{_DAYS})"),
        (
            "yearly",
            rf"(?:(?:tahun|year){_B}[\s,]*)?(?:pada\s+|on\s+)?(?:{_TANGGAL})?"
            rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<m>{_MONTH}){_B}\.?",
        ),
        (
            "monthly",
            rf"(?:(?:bulan|month){_B}[\s,]*(?:pada\s+|on\s+(?:the\s+)?)?(?:{_TANGGAL})?"
            rf"|{_TANGGAL})(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d/.:-])",
        ),
        # tiap pagi jam 7: the period is read with the hour.
        ("daily", rf"(?:{HARI}|day){_B}|(?=(?:pagi|siang|sore|petang|malam){_B})"),
        ("vague", r"(?:awal|akhir|pertengahan|tengah)\s+(?:bulan|pekan|minggu|tahun)"),
    )
)


@dataclass(frozen=True)
class Recurrence:
    """The days a rule fires on; the fields of :class:`~bot.domain.workdays.Rule` but the
    time."""

    kind: Kind
    weekdays: tuple[int, ...] = ()
    interval: int = 1
    day: int = 0
    month: int = 0


def weekdays_of(days: str) -> tuple[int, ...]:
    """The weekday numbers of ``Senin, Rabu dan Jumat`` or of the range ``Senin-Jumat``
    (``Jumat-Senin`` wraps over the weekend)."""
    m = _RANGE.fullmatch(days)
    if m is None:
        return tuple(sorted({DAY_WORDS[d.group(0)] for d in DAY_NAME.finditer(days)}))
    first, last = DAY_WORDS[m["first"]], DAY_WORDS[m["last"]]
    return tuple(sorted((first + i) % 7 for i in range((last - first) % 7 + 1)))


def read_recurrence(text: Normalized, pos: int, lang: str) -> tuple[Recurrence, int]:
    """The recurrence named at ``pos`` of ``text`` (just after ``tiap``), and where it ends;
    refused when there is none."""
    for kind, pattern in _BODIES:
        m = pattern.match(text.text, pos)
        if m is None or text.splits(m.end()):
            continue
        if kind == "vague":
            raise TimeParseError("vague", lang, words=m.group(0))
        if kind in ("weeks", "weekly"):
            interval = int(m["n"] or 1) if kind == "weeks" else 1
            if interval < 1:
                break
            return Recurrence("weekly", weekdays_of(m["days"]), interval), m.end()
        if kind == "yearly":
            month = MONTH_WORDS[m["m"]]
            if not _exists(month, int(m["d"])):
                raise TimeParseError("bad_date", lang, value=f"{m['d']}/{month}")
            return Recurrence("yearly", day=int(m["d"]), month=month), m.end()
        if kind == "monthly":
            day = int(m["d"])
            if not 1 <= day <= 31:
                raise TimeParseError("bad_day_of_month", lang, value=day)
            return Recurrence("monthly", day=day), m.end()
        return Recurrence("workdays" if kind == "workdays" else "daily"), m.end()
    raise TimeParseError("no_time", lang)


def _exists(month: int, day: int) -> bool:
    """Whether ``day``/``month`` is on the calendar in some year (29 February is)."""
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True
