"""Data shipped in ``seeds/``: example units and the nine pokja."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _load(name: str) -> dict[str, object]:
    return json.loads((SEEDS / name).read_text(encoding="utf-8"))


@cache
def _units() -> tuple[tuple[str, str], ...]:
    return tuple((code, name) for code, name in _load("units.json")["units"])  # type: ignore[union-attr]


def example_units() -> list[tuple[str, str]]:
    """(code, full name) of the example units of a city government."""
    return list(_units())


@cache
def pokja() -> tuple[tuple[str, str], ...]:
    """(code, name) of the nine pokja."""
    return tuple((code, name) for code, name in _load("pokja.json")["pokja"])  # type: ignore[union-attr]
