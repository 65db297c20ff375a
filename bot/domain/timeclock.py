"""An hour as Indonesians say it, on the 24-hour clock.

``setengah 8`` is half *before* eight (07.30), ``jam 8 kurang seperempat`` 07.45, ``jam 9
lewat seperempat`` 09.15, ``jam 9 lebih 10`` 09.10; ``pagi``/``siang``/``sore``/``malam`` and
am/pm place the hour in the day. A spoken time is first turned into the hour and minute on the
clock face (``setengah 8`` = 7.30, ``setengah 1`` = 0.30), then read by the same rules as a
time written with digits, so ``setengah 3`` is as ambiguous as ``jam 2.30``.
"""

from __future__ import annotations

import re
from typing import Final

from bot.domain.timeerrors import TimeParseError
from bot.domain.timegrammar import PERIOD_HOURS
from bot.domain.timewords import clock

_PART_MINUTES: Final = {"seperempat": 15, "setengah": 30}


def names_time(m: re.Match[str]) -> bool:
    """Whether a :data:`~bot.domain.timegrammar.TIME` match is a time and not a bare number
    (``9`` alone is not; ``jam 9``, ``09.00``, ``9 pagi``, ``setengah 9`` are)."""
    return not m["h"] or any(m[g] for g in ("kw", "m", "rel", "ampm", "period"))


def _face(m: re.Match[str], lang: str) -> tuple[int, int, bool]:
    """The hour (0–24) and minute on the clock face, and whether the hour was derived from
    another one (``setengah 1`` is 0.30: the hour written was 1)."""
    if m["noon"]:
        return 12, 0, False
    if m["midnight"]:
        raise TimeParseError("midnight", lang)
    value = " ".join(m["body"].split())
    if m["half"]:
        total = int(m["hh"]) * 60 - 30
    elif m["quarter"]:
        shift = 30 if m["quarter"] == "half" else 15
        total = int(m["qh"]) * 60 + (shift if m["dir"] == "past" else -shift)
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if minute > 59:
            raise TimeParseError("bad_hour", lang, value=value)
        if not m["rel"]:
            return hour, minute, False
        part = _PART_MINUTES.get(m["rm"]) or int(m["rm"])
        if not 1 <= part <= 59:
            raise TimeParseError("bad_hour", lang, value=value)
        total = hour * 60 + (-part if m["rel"] == "kurang" else part)
    if total < 0:
        raise TimeParseError("bad_hour", lang, value=value)
    hour, minute = divmod(total, 60)
    return hour, minute, True


def read_clock(m: re.Match[str], period: str | None, lang: str) -> tuple[int, int]:
    """The hour and minute a :data:`~bot.domain.timegrammar.TIME` match names, with the
    ``period`` said elsewhere in the phrase (``besok sore jam 4``); refused when unsure."""
    hour, minute, derived = _face(m, lang)
    value = " ".join(m["body"].split())
    period = m["period"] or period
    # On a 12-hour face the hour before 1 is 12: setengah 1 siang = 12.30.
    face = 12 if derived and hour == 0 else hour
    if m["ampm"]:
        if not 1 <= face <= 12:
            raise TimeParseError("bad_hour", lang, value=f"{value}{m['ampm']}")
        if face == 12 and m["ampm"][0] == "a":
            raise TimeParseError("midnight", lang)
        return face % 12 + (12 if m["ampm"][0] == "p" else 0), minute
    if period:
        if period == "malam" and face in (0, 12, 24):
            raise TimeParseError("midnight", lang)
        if face not in PERIOD_HOURS[period]:
            raise TimeParseError("bad_period", lang, value=value, period=period)
        return PERIOD_HOURS[period][face], minute
    if hour > 23:
        raise TimeParseError("bad_hour", lang, value=value)
    zero = (m["h"] or m["hh"] or m["qh"] or "").startswith("0")
    if (derived and hour == 0) or (1 <= hour <= 5 and not zero):
        value_pm = clock(face + 12 if face < 12 else face, minute, lang)
        raise TimeParseError("ambiguous_hour", lang, value=value, value_pm=value_pm)
    return hour, minute
