"""Tests for ``bot.domain.workdays``: weekends, national holidays and cuti bersama."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.workdays import (
    cuti_bersama,
    holiday_name,
    is_working_day,
    next_working_day,
)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 25), True),  # Wednesday
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 12, 25), False),  # Christmas
        (date(2026, 12, 24), False),  # cuti bersama
        (date(2026, 8, 17), False),  # Independence Day
        (date(2026, 3, 23), False),  # cuti bersama Idul Fitri
        (date(2025, 4, 7), False),  # cuti bersama Idul Fitri
        (date(2026, 12, 28), True),
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 25), date(2026, 11, 26)),
        (date(2026, 11, 27), date(2026, 11, 30)),
        (date(2026, 12, 23), date(2026, 12, 28)),
        (date(2026, 12, 31), date(2027, 1, 4)),
    ],
)
def test_next_working_day(day: date, expected: date) -> None:
    assert next_working_day(day) == expected


def test_seed_file() -> None:
    dates = cuti_bersama()
    assert {d.year for d in dates} == {2025, 2026, 2027}
    assert all(d.weekday() < 5 for d in dates)
    assert holiday_name(date(2026, 12, 24))
    assert holiday_name(date(2026, 11, 25)) is None
