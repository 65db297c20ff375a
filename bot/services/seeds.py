"""Data shipped in ``seeds/``: example units and the nine pokja."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _pairs(name: str, key: str) -> tuple[tuple[str, str], ...]:
    """The ``[code, name]`` pairs under ``key`` in ``seeds/<name>``."""
    data = json.loads((SEEDS / name).read_text(encoding="utf-8"))
    return tuple((str(code), str(full)) for code, full in data[key])


@cache
def _units() -> tuple[tuple[str, str], ...]:
    return _pairs("units.json", "units")


def example_units() -> list[tuple[str, str]]:
    """(code, full name) of the example units of a city government."""
    return list(_units())


@cache
def pokja() -> tuple[tuple[str, str], ...]:
    """(code, name) of the nine pokja."""
    return _pairs("pokja.json", "pokja")
