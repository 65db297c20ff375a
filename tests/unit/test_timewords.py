"""Tests for ``bot.domain.timewords``: formatting and zone names."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timewords import DAY_WORDS, MONTH_WORDS, format_when, zone_from_name

JKT = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("dt", "tz", "lang", "also", "expected"),
    [
        (
            datetime(2026, 11, 26, 9, tzinfo=JKT),
            "Asia/Jakarta",
            "id",
            None,
            "Kamis, 26 November 2026 pukul 09.00 WIB",
        ),
        (
            datetime(2026, 11, 26, 9, tzinfo=JKT),
            "Asia/Jakarta",
            "en",
            None,
            "Thursday, 26 November 2026 at 09:00 WIB",
        ),
        (
            datetime(2026, 11, 30, 8, 30, tzinfo=JKT),
            "Asia/Jakarta",
            "id",
            "Asia/Makassar",
            "Senin, 30 November 2026 pukul 08.30 WIB (09.30 WITA)",
        ),
        (
            datetime(2026, 11, 30, 1, 30, tzinfo=UTC),
            "Asia/Pontianak",
            "id",
            None,
            "Senin, 30 November 2026 pukul 08.30 WIB",
        ),
        (
            datetime(2026, 8, 17, 7, tzinfo=JKT),
            "Asia/Jayapura",
            "id",
            None,
            "Senin, 17 Agustus 2026 pukul 09.00 WIT",
        ),
        (
            datetime(2026, 12, 31, 23, tzinfo=JKT),
            "Asia/Jakarta",
            "en",
            "Asia/Jayapura",
            "Thursday, 31 December 2026 at 23:00 WIB (Friday 01:00 WIT)",
        ),
        (
            datetime(2026, 7, 1, 12, tzinfo=UTC),
            "Europe/Amsterdam",
            "en",
            None,
            "Wednesday, 1 July 2026 at 14:00 Europe/Amsterdam",
        ),
    ],
)
def test_format_when(dt: datetime, tz: str, lang: str, also: str | None, expected: str) -> None:
    assert format_when(dt, tz, lang, also_zone=also) == expected


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("WIB", "Asia/Jakarta"),
        ("wita", "Asia/Makassar"),
        (" Wit ", "Asia/Jayapura"),
        ("Asia/Pontianak", "Asia/Pontianak"),
        ("europe/amsterdam", "Europe/Amsterdam"),
        ("Mars/Olympus", None),
        ("../etc/passwd", None),
        ("", None),
        ("UTC", "UTC"),
        ("localtime", None),
        ("Factory", None),
        ("Etc/GMT+7", None),
        ("GMT", None),
    ],
)
def test_zone_from_name(text: str, zone: str | None) -> None:
    assert zone_from_name(text) == zone


def test_words() -> None:
    assert DAY_WORDS["senin"] == 0 == DAY_WORDS["monday"]
    assert DAY_WORDS["jumat"] == DAY_WORDS["jum'at"] == 4
    assert DAY_WORDS["minggu"] == 6
    assert MONTH_WORDS["agustus"] == MONTH_WORDS["agt"] == MONTH_WORDS["august"] == 8
    assert MONTH_WORDS["des"] == MONTH_WORDS["desember"] == 12
