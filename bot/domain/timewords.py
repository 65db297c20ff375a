"""Day, month and zone words in Bahasa Indonesia and English, and formatting of times.

The grammar (:mod:`bot.domain.timegrammar`) reads the same tables, so every name the parser
understands is listed here once. Formatting follows the house style of Indonesian official letters:
``Kamis, 26 November 2026 pukul 09.00 WIB`` (English: ``Thursday, 26 November 2026 at
09:00 WIB``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def from_epoch(seconds: int) -> datetime:
    """An instant stored as Unix seconds, as an aware datetime (UTC)."""
    return datetime.fromtimestamp(seconds, UTC)


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
    "peb": 2,
    "pebruari": 2,
    "mar": 3,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agst": 8,
    "agust": 8,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "nop": 11,
    "nopember": 11,
    "des": 12,
    "dec": 12,
}


def _table(
    names: Mapping[str, tuple[str, ...]], aliases: dict[str, int], base: int
) -> dict[str, int]:
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


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that prefixes do not win."""
    return "|".join(sorted((w.replace("'", "'?") for w in words), key=len, reverse=True))


def zone_label(tz: str) -> str:
    """``WIB``/``WITA``/``WIT`` for Indonesian zones, else the IANA name."""
    return _ZONE_ABBREVIATIONS.get(tz, tz)


def clock(hour: int, minute: int, lang: str) -> str:
    """``09.00`` (Indonesian style) or ``09:00`` (English)."""
    sep = ":" if lang == "en" else "."
    return f"{hour:02d}{sep}{minute:02d}"


def month_name(month: int, lang: str) -> str:
    """``November`` (1 is January) in Bahasa Indonesia or English."""
    return MONTHS["en" if lang == "en" else "id"][month - 1]


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
