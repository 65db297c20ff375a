"""The grammar of time phrases: one compiled pattern per component, and what its words mean.

The patterns run on the text :func:`bot.domain.timenorm.normalize` returns (lower case,
shorthand written out, number words as digits), at a position, with ``match``. The parser
(:mod:`bot.domain.timeparse`) decides the order they are tried in and what they add up to.
"""

from __future__ import annotations

import re
from typing import Final

from bot.domain.timewords import DAY_WORDS, MONTH_WORDS, alternation

_B = r"(?!\w)"  # end of a word
_DAY = alternation(DAY_WORDS)
_MONTH = alternation(MONTH_WORDS)
HARI = r"(?:hari|hr)"
_PERIOD = r"(?:pagi|siang|sore|petang|malam)"
_OPEN, _CLOSE = r"(?P<open>\()?\s*", r"\s*(?(open)\))"  # optional brackets around
_TANGGAL = r"(?:tanggal|on|pada)\s*:?\s*"

#: Between components: spaces, commas, and the labels of an invitation letter
#: (``Hari/Tanggal :``, ``Waktu :``).
GAP = re.compile(
    r"(?:[\s,]+|(?:pada\s+)?(?:hari\s*(?:/|,|dan)\s*tanggal|hari|tanggal|waktu|date|time|day)"
    r"\s*:\s*)*"
)
#: Between the phrase and the message.
REST_GAP = re.compile(r"[\s,:;\-\u2013\u2014]*")

DAY_NAME = re.compile(rf"(?:{_DAY}){_B}")

# --- days ----------------------------------------------------------------------------------

DAY_WORD = re.compile(
    rf"(?P<w>{HARI}\s+ini|today|besok|esok|tomorrow|lusa|(?:the\s+)?day\s+after\s+tomorrow"
    rf"|kemarin|yesterday){_B}"
)


def day_offset(word: str) -> int:
    """Days from today for ``besok``, ``lusa``, ``yesterday``..."""
    word = " ".join(word.split())
    if word in ("hari ini", "hr ini", "today"):
        return 0
    if word in ("kemarin", "yesterday"):
        return -1
    return 2 if word == "lusa" or word.endswith("after tomorrow") else 1


#: A part of today: ``nanti sore``, ``malam ini``, ``tonight``, ``nanti`` (before an hour).
DAY_PART = re.compile(
    rf"(?:nanti(?:\s+(?P<p>{_PERIOD}))?|(?P<q>{_PERIOD})\s+ini|(?P<tonight>tonight)){_B}"
)

WEEKDAY = re.compile(
    rf"{_OPEN}(?:(?P<wk>pekan|minggu)\s+(?P<wkdir>depan|ini)\s+(?:(?:pada\s+)?hari\s+)?)?"
    rf"(?:(?P<hari>{HARI}|on|pada)\s+)?(?:(?P<next>next|this)\s+)?(?P<day>{_DAY}){_B}"
    rf"(?:\s+(?:(?P<wk2>pekan|minggu)\s+)?(?P<depan>depan|ini){_B})?{_CLOSE}"
)

DATE_PATTERNS: Final = (
    re.compile(rf"{_OPEN}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d){_CLOSE}"),
    re.compile(
        rf"(?:{_TANGGAL})?{_OPEN}(?P<d>\d{{1,2}})(?P<sep>[/-])(?P<m>\d{{1,2}})"
        rf"(?:(?P=sep)(?P<y>\d{{4}}|\d{{2}}))?(?![\d/]){_CLOSE}"
    ),
    # 03.12.2026: with dots only with the year, else it is a clock time.
    re.compile(rf"(?:{_TANGGAL})?(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d.])"),
    re.compile(
        rf"(?:{_TANGGAL})?(?:the\s+)?{_OPEN}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"\s*(?:of\s+)?(?P<mn>{_MONTH}){_B}\.?(?:[\s,]*(?P<y>20\d{{2}})(?!\d))?{_CLOSE}"
    ),
    re.compile(
        rf"(?:on\s+)?(?P<mn>{_MONTH}){_B}\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.:])"
        rf"(?:,?\s*(?P<y>20\d{{2}})(?!\d))?"
    ),
)
#: ``tanggal 5``, ``tanggal 1 bulan depan``, ``bulan depan tanggal 1``.
DAY_OF_MONTH = re.compile(
    r"(?:bulan\s+(?P<pre>depan|ini)\s+)?tanggal\s*:?\s*(?P<d>\d{1,2})(?![\d/.:-])"
    rf"(?:\s+bulan\s+(?P<post>depan|ini){_B})?"
)
#: ``akhir bulan``: the last day of this (or next) month or year.
LAST_DAY = re.compile(rf"akhir\s+(?P<unit>bulan|tahun)(?:\s+(?P<which>ini|depan))?{_B}")
#: Spans of days that name no single day: refused with a question.
VAGUE = re.compile(
    r"(?:(?:awal|pertengahan|tengah|akhir)\s+(?:pekan|minggu|bulan|tahun)(?:\s+(?:depan|ini))?"
    r"|(?:pekan|bulan|tahun)\s+(?:depan|ini)|besok\s+lusa"
    rf"|(?:next|this)\s+(?:week|month|year)|(?:early|mid|late|end\s+of)\s+(?:the\s+)?"
    rf"(?:week|month|year)|weekend){_B}"
)

# --- counts: 2 jam lagi ----------------------------------------------------------------------

UNIT_MINUTES: Final = {
    **dict.fromkeys(("menit", "mnt", "minute", "minutes", "min", "mins"), 1),
    **dict.fromkeys(("jam", "hour", "hours", "hrs"), 60),
    **dict.fromkeys(("hari", "day", "days"), 1440),
    **dict.fromkeys(("minggu", "pekan", "week", "weeks"), 10080),
}
UNIT_MONTHS: Final = {
    **dict.fromkeys(("bulan", "month", "months"), 1),
    **dict.fromkeys(("tahun", "year", "years"), 12),
}
_UNITS = alternation([*UNIT_MINUTES, *UNIT_MONTHS, "hr"])
_AMOUNT = r"\d{1,6}(?:[.,]\d(?!\d))?(?:\s+setengah)?|setengah|seperempat|half\s+an?|an?"
_ENGLISH_FRAME = ("in", "later", "from now")

RELATIVE = re.compile(
    rf"(?:(?P<pre>dalam|in)\s+)?(?P<pairs>(?:(?:{_AMOUNT})\s*(?:{_UNITS}){_B}[\s,]*"
    rf"(?:(?:dan|and){_B}\s*)?)+)(?P<post>lagi|kemudian|later|from\s+now)?{_B}"
)
_RELATIVE_PAIR = re.compile(rf"(?P<n>{_AMOUNT})\s*(?P<unit>{_UNITS}){_B}")


def _amount(text: str) -> float:
    if text[0].isdigit():
        number, _, half = text.partition(" ")
        return float(number.replace(",", ".")) + (0.5 if half else 0)
    if text.startswith(("setengah", "half")):
        return 0.5
    return 0.25 if text == "seperempat" else 1


def relative_amount(m: re.Match[str]) -> tuple[int, float, bool] | None:
    """Whole months, minutes, and whether only whole days were counted, in a
    :data:`RELATIVE` match (``1 bulan 2 hari lagi`` is ``(1, 2880.0, True)``); None for a
    fraction of a month or year (``setengah bulan``).

    ``hr`` is ``hari`` in an Indonesian phrase (``2 hr lagi``) and an hour in an English one
    (``in 2 hr``).
    """
    english = m["pre"] == "in" or " ".join((m["post"] or "").split()) in _ENGLISH_FRAME
    months, minutes, days_only = 0, 0.0, True
    for pair in _RELATIVE_PAIR.finditer(m["pairs"]):
        amount, unit = _amount(pair["n"]), pair["unit"]
        if unit in UNIT_MONTHS:
            if amount != int(amount):
                return None
            months += int(amount) * UNIT_MONTHS[unit]
            continue
        per = (60 if english else 1440) if unit == "hr" else UNIT_MINUTES[unit]
        days_only = days_only and per >= 1440
        minutes += amount * per
    return months, minutes, days_only and minutes % 1440 == 0


# --- hours -----------------------------------------------------------------------------------

PERIOD_WORD = rf"(?P<period>{_PERIOD}){_B}(?!\s+ini{_B})"
#: A time of day. ``body`` is the time as spoken, without keyword, am/pm or period.
TIME = re.compile(
    r"(?:(?P<kw>jam|pukul|pk|at|@)\.?\s*:?\s*)?(?P<body>"
    r"(?P<half>setengah)\s*(?P<hh>\d{1,2})(?![\d.:,])"
    r"|(?P<quarter>half|quarter)\s+(?P<dir>past|to)\s+(?P<qh>\d{1,2})(?![\d.:,])"
    r"|(?P<noon>noon|midday|tengah\s+hari)|(?P<midnight>midnight|tengah\s+malam)"
    r"|(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?!\d)(?![.:]\d)"
    r"(?(m)|(?:\s*(?P<rel>kurang|lewat|lebih)\s*(?P<rm>seperempat|setengah|\d{1,2}(?!\d))"
    rf"(?:\s*(?:menit|mnt|min){_B})?)?)"
    rf")(?:\s*(?P<ampm>[ap]\.?m{_B}\.?))?(?:\s*{PERIOD_WORD})?"
)
PERIOD = re.compile(PERIOD_WORD)
ZONE = re.compile(rf"(?P<zone>wita|wib|wit){_B}")

_AFTERNOON: Final = {h: h + 12 for h in range(2, 8)} | {h: h for h in range(14, 20)}
#: Hour as written with a period word -> hour on the 24-hour clock.
PERIOD_HOURS: Final = {
    "pagi": {h: h for h in range(1, 12)},
    "siang": {11: 11, 12: 12, 1: 13, 2: 14, 3: 15, 13: 13, 14: 14, 15: 15},
    "sore": _AFTERNOON,
    "petang": _AFTERNOON,
    "malam": {h: h + 12 for h in range(6, 12)} | {h: h for h in range(18, 24)},
}

#: The end of a meeting: ``s.d. 11.30``, ``sampai selesai``, ``- 12.00``, ``until 11:30``.
END = re.compile(
    rf"(?:s\.?\s?d{_B}\.?|s/d{_B}|sampai(?:\s+dengan)?{_B}|hingga{_B}|until{_B}|till{_B}|to{_B}"
    r"|[-\u2013\u2014])\s*"
)
OPEN_END = re.compile(rf"(?:selesai|done|end|finish(?:ed)?){_B}")

# --- what must not be left behind ------------------------------------------------------------

_COUNTED = alternation([*UNIT_MINUTES, *UNIT_MONTHS, "hr", "detik"])
#: Words at the start of the message that still look like a time: read them or refuse.
#: ``modifier`` words would change an hour already read (``jam 8 kurang dikit``).
LEFTOVER = re.compile(
    r"(?:(?:jam|pukul|pk)(?!\w)|(?:at|@)\s*\d|\d{1,2}[.:]\d{2}(?!\d)"
    rf"|(?P<modifier>setengah|seperempat|kurang|lewat|lebih|(?:half|quarter)\s+(?:past|to)){_B}"
    rf"|(?:noon|midday|midnight|tengah\s+(?:hari|malam)|{_PERIOD}|wita|wib|wit){_B}"
    rf"|\d+(?:[.,]\d+)?\s*(?:{_COUNTED}|{_PERIOD}|[ap]\.?m){_B})"
)
#: A number that may be an hour at the start of the message when no time was read.
BARE_HOUR = re.compile(r"(?P<h>\d{1,2})(?!\d)")
#: A time further on in the text, when the phrase named none (``besok Rapat jam 9``).
TIME_LATER = re.compile(
    r"(?<!\w)(?:(?:jam|pukul|at)\s*:?\s*(?:setengah\s*)?\d{1,2}(?:[.:]\d{2})?|setengah\s*\d{1,2})"
    r"(?!\d)"
)
