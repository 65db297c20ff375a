"""Ranking units (or pokja) by a score, the way a recap names them to officials.

Pure functions on plain values: the recap service (``bot.services.recap``) gives them the
figures it read, the handler shows what they return.

* Units are ranked on the **whole percentage they are shown with**: two units shown as 67 %
  share a rank even when one is 66.7 % and the other 67.2 %, so the table never ranks two
  equal-looking figures apart.
* Ties share a rank and the next rank skips (competition ranking: 1, 1, 3).
* Within a tie the display order is fewer overdue items first, then the code; the rank stays
  shared.
* The podium is ranks 1 to 3 among those above 0 %: a unit with 0 % is never on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Protocol, TypeVar

PODIUM = 3
"""Ranks named on the podium line."""


def percent(score: float) -> int:
    """The whole percentage a score is shown (and ranked) with; halves round up."""
    return int(score + 0.5)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing to rank: its code, its score (0–100) and how many items it has overdue."""

    code: str
    score: float
    overdue: int = 0


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    """1 for the best; entries with the same shown percentage share it."""
    percent: int
    entry: Entry


def rank(entries: Sequence[Entry]) -> list[Ranked]:
    """``entries`` best first with their shared ranks (see the module docstring)."""
    ordered = sorted(entries, key=lambda e: (-percent(e.score), e.overdue, e.code))
    ranked: list[Ranked] = []
    for position, entry in enumerate(ordered, 1):
        shown = percent(entry.score)
        same = bool(ranked) and ranked[-1].percent == shown
        ranked.append(Ranked(ranked[-1].rank if same else position, shown, entry))
    return ranked


class Placed(Protocol):
    """Anything with a rank and the percentage it is shown with."""

    @property
    def rank(self) -> int: ...

    @property
    def percent(self) -> int: ...


P = TypeVar("P", bound=Placed)


def podium(ranked: Sequence[P]) -> list[list[P]]:
    """The places of the podium, best first, each the entries sharing that rank: ranks 1 to
    :data:`PODIUM` above 0 %."""
    eligible = [r for r in ranked if r.rank <= PODIUM and r.percent > 0]
    return [list(group) for _, group in groupby(eligible, key=lambda r: r.rank)]
