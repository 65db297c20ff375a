"""The text of a time phrase as the grammar reads it: lower case, shorthand and number words.

:func:`normalize` lower-cases the text, writes out the shorthand officials type in chat
groups (``bsk`` → ``besok``, ``pkl.`` → ``pukul``, ``tgl`` → ``tanggal``) and turns number
words into digits (``jam setengah delapan`` → ``jam setengah 8``, ``dua belas`` → ``12``,
``sejam`` → ``1 jam``), so that every pattern of the grammar is written once, with digits.
It keeps a map from each position of the result back to the text as typed: the message after
a phrase is cut from the original text, untouched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from bot.domain.timewords import alternation

#: Chat shorthand and spelling variants -> the word the grammar knows. A trailing dot is part
#: of the abbreviation (``pkl.``). ``hr`` is not here: it is ``hari`` in ``hr Senin`` but an
#: hour in ``in 2 hr``, which the grammar decides.
SHORTHAND: Final = {
    "bsk": "besok",
    "bsok": "besok",
    "besuk": "besok",
    "lsa": "lusa",
    "pkl": "pukul",
    "jm": "jam",
    "tgl": "tanggal",
    "mgg": "minggu",
    "bln": "bulan",
    "dpn": "depan",
    "dgn": "dengan",
    "thn": "tahun",
    "lg": "lagi",
    "lgi": "lagi",
    "nnti": "nanti",
    "ntar": "nanti",
    "entar": "nanti",
    "mlm": "malam",
    "stgh": "setengah",
    "stengah": "setengah",
    "sampe": "sampai",
}

_DIGITS: Final = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_WHOLE: Final = {
    "sepuluh": 10,
    "sebelas": 11,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "forty five": 45,
}
#: ``sejam`` = ``1 jam``: the ``se-`` forms of the units a count can take.
SE_UNITS: Final = ("jam", "menit", "hari", "minggu", "pekan", "bulan", "tahun")


_ONE = alternation(_DIGITS)
_TWO_TO_NINE = alternation(k for k, v in _DIGITS.items() if v >= 2)
_WORD = re.compile(
    r"(?<!\w)(?:"
    rf"(?P<tens>{_TWO_TO_NINE})\s*puluh(?:\s+(?P<units>{_ONE}))?"
    rf"|(?P<teen>{_TWO_TO_NINE})\s*belas"
    rf"|(?P<whole>{alternation(_WHOLE)})"
    rf"|(?P<digit>{_ONE})"
    rf"|se(?P<se>{alternation(SE_UNITS)})"
    rf"|(?P<short>{alternation(SHORTHAND)})\.?"
    r")(?!\w)"
)


def _replacement(m: re.Match[str]) -> str:
    if m["tens"]:
        return str(_DIGITS[m["tens"]] * 10 + (_DIGITS[m["units"]] if m["units"] else 0))
    if m["teen"]:
        return str(10 + _DIGITS[m["teen"]])
    if m["whole"]:
        return str(_WHOLE[m["whole"]])
    if m["digit"]:
        return str(_DIGITS[m["digit"]])
    if m["se"]:
        return "1 " + m["se"]
    return SHORTHAND[m["short"]]


def _lower(text: str) -> str:
    """``text`` in lower case, position for position; non-ASCII digits never match ``\\d``."""
    if text.isascii():
        return text.lower()
    return "".join(
        "_"
        if c.isdigit() and not c.isascii()
        else " "
        if c.isspace()
        else low
        if len(low := c.lower()) == 1
        else c
        for c in text
    )


@dataclass(frozen=True)
class Normalized:
    """The normalised text and the map back to the text as typed.

    The text is a run of segments, each either copied (position for position) or written in
    place of a word; ``starts`` and ``origins`` hold where each segment begins in the result
    and in the original, ``copied`` whether it was copied.
    """

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    copied: tuple[bool, ...]

    def splits(self, pos: int) -> bool:
        """Whether ``pos`` falls inside a word written in place of another (the ``1`` of
        ``1 hari`` for ``sehari``): no match may end there."""
        i = bisect_right(self.starts, pos) - 1
        return not self.copied[i] and pos != self.starts[i]

    def original(self, pos: int) -> int:
        """The position in the typed text of position ``pos`` of :attr:`text`."""
        i = bisect_right(self.starts, pos) - 1
        if self.copied[i]:
            return self.origins[i] + pos - self.starts[i]
        return self.origins[i] if pos == self.starts[i] else self.origins[i + 1]


def normalize(text: str) -> Normalized:
    """``text`` as the grammar reads it (see the module docstring)."""
    low = _lower(text)
    parts: list[str] = []
    starts, origins, copied = [0], [0], [True]
    at = length = 0
    for m in _WORD.finditer(low):
        new = _replacement(m)
        if new == m.group(0):
            continue
        parts.append(low[at : m.start()])
        length += m.start() - at
        parts.append(new)
        starts += [length, length + len(new)]
        origins += [m.start(), m.end()]
        copied += [False, True]
        length += len(new)
        at = m.end()
    parts.append(low[at:])
    return Normalized("".join(parts), tuple(starts), tuple(origins), tuple(copied))
