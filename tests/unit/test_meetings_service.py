"""The meeting service's pure parts: reading times and fields, planning reminders."""

from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.timeparse import TimeParseError
from bot.services.meetings import (
    MeetingInputError,
    link_of,
    parse_clock,
    pick_for_records,
    plan_reminder,
    read_slot,
    reminder_times,
    split_fields,
)
from bot.telegram.commands import split_meeting_ref
from storage.meetings import DEFAULT_SETTINGS, Meeting, MeetingSettings
from tests.helpers import JAKARTA

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=JAKARTA)


def ts(day: int, hour: int, minute: int = 0) -> int:
    return int(datetime(2026, 11, day, hour, minute, tzinfo=JAKARTA).timestamp())


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_read_slot_accepts_or_refuses_any_text(text: str) -> None:
    try:
        slot = read_slot(text, NOW, "Asia/Jakarta", "id", 120)
    except (TimeParseError, MeetingInputError):
        return
    assert NOW < slot.starts_at < slot.ends_at


@given(st.text(max_size=60))
def test_split_meeting_ref_never_fails(text: str) -> None:
    number, rest = split_meeting_ref(text)
    assert number is None or number >= 0
    assert rest == rest.strip()


def test_fields_and_clock() -> None:
    assert split_fields(" Rakor  Aset | besok jam 9 |Aula ") == [
        "Rakor Aset",
        "besok jam 9",
        "Aula",
    ]
    assert parse_clock("16.00") == 960
    assert parse_clock("7:30") == 450
    assert parse_clock("24.00") is None
    assert parse_clock("jam 4") is None


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ((26, 9), (ts(25, 16), ts(26, 8))),
        ((25, 13), (None, ts(25, 12))),  # today: the day-before time has passed
        ((25, 10, 30), (None, None)),  # within the hour
    ],
)
def test_reminder_times(start: tuple[int, ...], expected: tuple[int | None, int | None]) -> None:
    starts_at = datetime(2026, 11, *start, tzinfo=JAKARTA)
    assert reminder_times(starts_at, "Asia/Jakarta", DEFAULT_SETTINGS, NOW) == expected


def test_a_day_before_reminder_after_the_hour_before_one_is_dropped() -> None:
    late_evening = MeetingSettings(
        day_before_minute=23 * 60 + 45, hour_before_min=60, duration_min=60
    )
    starts_at = datetime(2026, 11, 27, 0, 30, tzinfo=JAKARTA)
    assert reminder_times(starts_at, "Asia/Jakarta", late_evening, NOW) == (None, ts(26, 23, 30))


def meeting(
    day_before: int | None = None, hour_before: int | None = None, **changes: object
) -> Meeting:
    """Meeting #1, Friday 27 November 09.00–11.00 WIB, with ``changes``."""
    base = Meeting(
        id=1,
        group_id=-1,
        number=1,
        title="Rakor",
        place="Aula",
        starts_at=ts(27, 9),
        ends_at=ts(27, 11),
        zone="Asia/Jakarta",
        chair_id=1,
        chair_name="A",
        status="scheduled",
        revision=0,
        message_id=None,
        day_before_at=day_before,
        hour_before_at=hour_before,
        created_at=ts(25, 10),
        attendance_at=ts(27, 9),
        opened_at=None,
        closed_at=None,
        notetaker_id=None,
        notetaker_name=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_plan_reminder() -> None:
    both = meeting(ts(26, 16), ts(27, 8))
    started = datetime(2026, 11, 25, 10, 0, tzinfo=JAKARTA)  # running since before both
    restarted = datetime(2026, 11, 27, 8, 10, tzinfo=JAKARTA)  # down over both
    assert plan_reminder(both, at(26, 15), started).scheduled_at is None
    plan = plan_reminder(both, at(26, 16), started)
    assert (plan.scheduled_at, plan.late, plan.day_before) == (ts(26, 16), False, True)
    plan = plan_reminder(both, at(27, 8, 10), started)  # a busy process: not late
    assert (plan.scheduled_at, plan.late, plan.day_before) == (ts(27, 8), False, False)
    plan = plan_reminder(both, at(27, 8, 10), restarted)  # after downtime: late
    assert (plan.scheduled_at, plan.late, plan.day_before) == (ts(27, 8), True, False)
    assert plan_reminder(both, at(27, 9, 5), started).scheduled_at is None


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=JAKARTA)


def test_a_record_without_a_number_goes_to_the_meeting_under_way_then_soon_then_ended() -> None:
    morning = meeting()  # 09.00–11.00
    closed_early = meeting(id=2, number=2, closed_at=ts(27, 10, 20))
    afternoon = meeting(id=3, number=3, starts_at=ts(27, 13), ends_at=ts(27, 15))
    opened_early = replace(afternoon, opened_at=ts(27, 12, 40))
    day = [morning, afternoon]
    # the candidates are the day's meetings begun or starting within 30 minutes
    assert pick_for_records(day, at(27, 8, 45)) == morning
    assert link_of(morning, at(27, 8, 59)) == "soon"
    assert pick_for_records(day, at(27, 10)) == morning
    assert link_of(morning, at(27, 10)) == "open"
    assert pick_for_records(day, at(27, 12, 45)) == afternoon
    assert pick_for_records([morning], at(27, 12)) == morning
    assert link_of(morning, at(27, 12)) == "ended"
    assert pick_for_records([morning, opened_early], at(27, 12, 41)) == opened_early
    assert link_of(opened_early, at(27, 12, 41)) == "open"
    # closed with /rapat selesai: ended at the closing time, not the scheduled end
    assert link_of(closed_early, at(27, 10, 30)) == "ended"
    assert pick_for_records([closed_early, morning], at(27, 10, 30)) == morning
    assert pick_for_records([closed_early], at(27, 10, 30)) == closed_early
    assert pick_for_records([], at(27, 10)) is None
