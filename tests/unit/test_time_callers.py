"""Every command that reads a time reads it with ``parse_when``: the same forms, the same
refusals. ``now`` is Wednesday 2026-11-25 10:00 WIB."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from bot.domain.timeparse import TimeParseError
from bot.services.announcements import parse_followup_time
from bot.services.meetings import MeetingInputError, read_slot
from bot.services.tasks import AssignmentError, parse_due
from tests.unit.timeparse_phrases import JKT, NOW

ZONE = "Asia/Jakarta"

READERS: dict[str, Callable[[str], object]] = {
    "meeting": lambda phrase: read_slot(phrase, NOW, ZONE, "id", 120),
    "task due date": lambda phrase: parse_due(phrase, NOW, ZONE, "id"),
    "follow-up time": lambda phrase: parse_followup_time(phrase, NOW, ZONE, "id"),
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("jam setengah 3", "timeparse.ambiguous_hour"),
        ("jam 9 jam 10", "timeparse.unread"),
        ("jam 8 kurang dikit", "timeparse.unread_time"),
        ("jam 25", "timeparse.bad_hour"),
    ],
)
def test_the_same_refusal_everywhere(reader: str, phrase: str, key: str) -> None:
    with pytest.raises(TimeParseError) as info:
        READERS[reader](phrase)
    assert info.value.key == key


def test_a_meeting_reads_its_end_with_the_start() -> None:
    slot = read_slot("besok pukul 09.00-11.30 WIB", NOW, ZONE, "id", 120)
    assert (slot.starts_at, slot.ends_at) == (
        datetime(2026, 11, 26, 9, tzinfo=JKT),
        datetime(2026, 11, 26, 11, 30, tzinfo=JKT),
    )
    slot = read_slot("Senin, 30 November 2026 pukul 09.00 WIB s.d. selesai", NOW, ZONE, "id", 90)
    assert slot.ends_at - slot.starts_at == timedelta(minutes=90)
    slot = read_slot("besok jam 7 malam sampai jam setengah 10", NOW, ZONE, "id", 120)
    assert slot.ends_at == datetime(2026, 11, 26, 21, 30, tzinfo=JKT)
    with pytest.raises(TimeParseError) as info:
        read_slot("besok jam 9 s.d. 08.00", NOW, ZONE, "id", 120)
    assert info.value.key == "timeparse.end_before_start"
    with pytest.raises(MeetingInputError) as extra:
        read_slot("besok jam 9 ngopi dulu", NOW, ZONE, "id", 120)
    assert extra.value.key == "meetings.extra_words"


def test_a_due_date_without_an_hour_is_the_end_of_that_day() -> None:
    assert parse_due("bsk", NOW, ZONE, "id") == datetime(2026, 11, 26, 23, 59, tzinfo=JKT)
    assert parse_due("akhir bulan", NOW, ZONE, "id") == datetime(2026, 11, 30, 23, 59, tzinfo=JKT)
    assert parse_due("besok jam setengah 3 sore", NOW, ZONE, "id") == datetime(
        2026, 11, 26, 14, 30, tzinfo=JKT
    )
    for phrase, key in (
        ("tiap Senin", "tasks.due_recurring"),
        ("besok jam 9 s.d. 11", "tasks.due_unclear"),
        ("besok Rapat", "tasks.due_unclear"),
    ):
        with pytest.raises(AssignmentError) as info:
            parse_due(phrase, NOW, ZONE, "id")
        assert info.value.key == key


def test_the_follow_up_time_takes_any_spoken_hour() -> None:
    assert parse_followup_time("jam setengah 9", NOW, ZONE, "id") == 8 * 60 + 30
    assert parse_followup_time("pkl 08.15", NOW, ZONE, "id") == 8 * 60 + 15
    assert parse_followup_time("jam 9 WITA", NOW, ZONE, "id") is None
    assert parse_followup_time("jam 9 besok", NOW, ZONE, "id") is None
