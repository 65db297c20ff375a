"""Day, month and zone words in Bahasa Indonesia and English, and formatting of times.

The parser (:mod:`bot.domain.timeparse`) reads the same tables, so every name it understands is
listed here once. Formatting follows the house style of Indonesian official letters:
``Kamis, 26 November 2026 pukul 09.00 WIB`` (English: ``Thursday, 26 November 2026 at
09:00 WIB``).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Index 0 is Monday, as in ``date.weekday()``.
DAYS: Final = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
# Index 0 is January.
MONTHS: Final = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

# Extra spellings and abbreviations the parser accepts (lower case), besides the full names.
_DAY_ALIASES: Final = {
    "jum'at": 4,
    "jumaat": 4,
    "ahad": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_MONTH_ALIASES: Final = {
    "jan": 1,
    "feb": 2,
    "pebruari": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
    "dec": 12,
}


def _table(names: dict[str, tuple[str, ...]], aliases: dict[str, int], base: int) -> dict[str, int]:
    table = {name.lower(): i + base for words in names.values() for i, name in enumerate(words)}
    return table | aliases


#: Lower-case day word -> weekday number (Monday = 0).
DAY_WORDS: Final = _table(DAYS, _DAY_ALIASES, 0)
#: Lower-case month word -> month number (January = 1).
MONTH_WORDS: Final = _table(MONTHS, _MONTH_ALIASES, 1)

#: Indonesian zone abbreviations -> IANA zone.
ZONE_WORDS: Final = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}
_ZONE_ABBREVIATIONS: Final = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def alternation(words: dict[str, int]) -> str:
    """A regex alternation of ``words``, longest first so that prefixes do not win."""
    return "|".join(sorted((w.replace("'", "'?") for w in words), key=len, reverse=True))


def zone_label(tz: str) -> str:
    """``WIB``/``WITA``/``WIT`` for Indonesian zones, else the IANA name."""
    return _ZONE_ABBREVIATIONS.get(tz, tz)


def clock(hour: int, minute: int, lang: str) -> str:
    """``09.00`` (Indonesian style) or ``09:00`` (English)."""
    sep = ":" if lang == "en" else "."
    return f"{hour:02d}{sep}{minute:02d}"


def format_date(dt: datetime, lang: str) -> str:
    """``Kamis, 26 November 2026`` / ``Thursday, 26 November 2026``."""
    lang = "en" if lang == "en" else "id"
    day = DAYS[lang][dt.weekday()]
    return f"{day}, {dt.day} {MONTHS[lang][dt.month - 1]} {dt.year}"


def format_when(dt: datetime, tz: str, lang: str, also_zone: str | None = None) -> str:
    """``dt`` in the zone ``tz`` for people, e.g. ``Kamis, 26 November 2026 pukul 09.00 WIB``.

    ``also_zone`` appends the same moment in another zone in brackets, e.g.
    ``Senin, 30 November 2026 pukul 08.30 WIB (09.30 WITA)``; the day name is added there
    when that zone is already on another date.
    """
    lang = "en" if lang == "en" else "id"
    local = dt.astimezone(ZoneInfo(tz))
    word = "at" if lang == "en" else "pukul"
    time = clock(local.hour, local.minute, lang)
    text = f"{format_date(local, lang)} {word} {time} {zone_label(tz)}"
    if also_zone and also_zone != tz:
        other = dt.astimezone(ZoneInfo(also_zone))
        prefix = f"{DAYS[lang][other.weekday()]} " if other.date() != local.date() else ""
        text += f" ({prefix}{clock(other.hour, other.minute, lang)} {zone_label(also_zone)})"
    return text


@cache
def _iana_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def zone_from_name(text: str) -> str | None:
    """``WIB``/``WITA``/``WIT`` (any case) or an IANA zone name -> the IANA zone, else None."""
    key = text.strip().lower()
    if key in ZONE_WORDS:
        return ZONE_WORDS[key]
    name = _iana_names().get(key)
    # Area/City names only (and UTC): not ``localtime`` or ``Factory``, which depend on the
    # server, nor ``Etc/GMT+7``, which means UTC-7 and invites mistakes.
    if name is None or not (name == "UTC" or ("/" in name and not name.startswith("Etc/"))):
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


# --- Grammar pieces for the parser (patterns run on lower-cased text) -----------------------

_B = r"(?!\w)"  # end of a word
_DAY = alternation(DAY_WORDS)
_MONTH = alternation(MONTH_WORDS)
_DAY_LIST = (
    rf"(?:{_DAY}){_B}(?:\s*(?:,\s*(?:dan\s+|and\s+)?|dan\s+|and\s+|&\s*|/\s*)(?:{_DAY}){_B})*"
)
_TANGGAL = r"(?:tanggal|tgl\.?)\s*"
UNIT_MINUTES: Final = {
    **dict.fromkeys(("menit", "mnt", "minute", "minutes", "min", "mins"), 1),
    **dict.fromkeys(("jam", "hour", "hours", "hr", "hrs"), 60),
    **dict.fromkeys(("hari", "day", "days"), 1440),
    **dict.fromkeys(("minggu", "pekan", "week", "weeks"), 10080),
}
_UNITS = alternation(UNIT_MINUTES)
_AMOUNT = r"\d{1,6}|setengah|satu|half\s+an?|an?"

DAY_NAME = re.compile(rf"(?:{_DAY}){_B}")
GAP = re.compile(r"[\s,]*")
REST_GAP = re.compile(r"[\s,:;\-\u2013\u2014]*")

RECURRING = re.compile(rf"(?:(?:se)?tiap|every|saban){_B}\s*")
#: Recurrence bodies after ``tiap``/``every``, tried in this order.
RECURRENCES: Final = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("workdays", rf"(?:hari[\s-]+kerja|weekdays?|working\s+days?|workdays?){_B}"),
        (
            "weeks",
            rf"(?:(?P<n>\d{{1,2}})\s*)?(?:minggu|pekan|weeks?){_B}(?:\s+sekali)?[\s,]*"
            rf"(?:(?:pada\s+)?hari\s+|on\s+)?(?P<days>{_DAY_LIST})",
        ),
        ("weekly", rf"(?:hari\s+|on\s+)?(?P<days>{_DAY_LIST})"),
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
        ("daily", rf"(?:hari|day){_B}"),
    )
)

RELATIVE = re.compile(
    rf"(?:(?P<pre>dalam|in)\s+)?(?P<pairs>(?:(?:{_AMOUNT})\s*(?:{_UNITS}){_B}[\s,]*"
    rf"(?:(?:dan|and){_B}\s*)?)+)(?P<post>lagi|later|from\s+now)?{_B}"
)
RELATIVE_PAIR = re.compile(rf"(?P<n>{_AMOUNT})\s*(?P<unit>{_UNITS}){_B}")


def relative_minutes(pairs: str) -> tuple[float, bool]:
    """The minutes in ``2 jam 30 menit``, and whether only days or weeks were named."""
    total, days_only = 0.0, True
    for m in RELATIVE_PAIR.finditer(pairs):
        n = m["n"]
        amount = int(n) if n[0].isdigit() else 0.5 if n[0] in "sh" and n != "satu" else 1
        minutes = UNIT_MINUTES[m["unit"]]
        days_only = days_only and minutes >= 1440
        total += amount * minutes
    return total, days_only


DAY_WORD = re.compile(
    r"(?P<w>hari\s+ini|today|besok|esok|tomorrow|lusa|(?:the\s+)?day\s+after\s+tomorrow"
    rf"|kemarin|yesterday){_B}"
)


def day_offset(word: str) -> int:
    """Days from today for ``besok``, ``lusa``, ``yesterday``..."""
    word = " ".join(word.split())
    if word in ("hari ini", "today"):
        return 0
    if word in ("kemarin", "yesterday"):
        return -1
    return 2 if word == "lusa" or word.endswith("after tomorrow") else 1


_OPEN, _CLOSE = r"(?P<open>\()?\s*", r"\s*(?(open)\))"  # optional brackets around
WEEKDAY = re.compile(
    rf"{_OPEN}(?:(?P<hari>hari|on|pada)\s+)?(?:(?P<next>next|this)\s+)?(?P<day>{_DAY}){_B}"
    rf"(?:\s+(?P<depan>depan|ini){_B})?{_CLOSE}"
)
DATE_PATTERNS: Final = (
    re.compile(rf"{_OPEN}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d){_CLOSE}"),
    re.compile(
        rf"(?:(?:tanggal|tgl\.?|on|pada)\s*)?{_OPEN}(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})"
        rf"(?:[/-](?P<y>\d{{4}}|\d{{2}}))?(?![\d/]){_CLOSE}"
    ),
    re.compile(
        rf"(?:(?:tanggal|tgl\.?|on|pada)\s*)?(?:the\s+)?{_OPEN}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"\s*(?:of\s+)?(?P<mn>{_MONTH}){_B}\.?(?:[\s,]*(?P<y>20\d{{2}})(?!\d))?{_CLOSE}"
    ),
    re.compile(
        rf"(?:on\s+)?(?P<mn>{_MONTH}){_B}\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.:])"
        rf"(?:,?\s*(?P<y>20\d{{2}})(?!\d))?"
    ),
)
DAY_OF_MONTH = re.compile(rf"{_TANGGAL}(?P<d>\d{{1,2}})(?![\d/.:-])")

TIME = re.compile(
    r"(?:(?P<kw>jam|pukul|pkl|pk|at|@)\.?\s*)?(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?!\d)(?![.:]\d)"
    rf"\s*(?P<ampm>[ap]\.?m{_B}\.?)?(?:\s*(?P<period>pagi|siang|sore|petang|malam){_B})?"
)
PERIOD = re.compile(rf"(?P<period>pagi|siang|sore|petang|malam){_B}")
ZONE = re.compile(rf"(?P<zone>wita|wib|wit){_B}")
TIME_LATER = re.compile(r"(?<!\w)(?:jam|pukul|pkl|at)\.?\s*\d{1,2}(?:[.:]\d{2})?")

_AFTERNOON: Final = {h: h + 12 for h in range(2, 8)} | {h: h for h in range(14, 20)}
#: Hour as written with a period word -> hour on the 24-hour clock.
PERIOD_HOURS: Final = {
    "pagi": {h: h for h in range(1, 12)},
    "siang": {11: 11, 12: 12, 1: 13, 2: 14, 3: 15, 13: 13, 14: 14, 15: 15},
    "sore": _AFTERNOON,
    "petang": _AFTERNOON,
    "malam": {h: h + 12 for h in range(6, 12)} | {h: h for h in range(18, 24)},
}
