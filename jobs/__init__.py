"""Scheduled work: each module is one source of firings for the dispatcher."""

from __future__ import annotations

from typing import Any

from bot.scheduling.dispatcher import Source
from jobs.announcement_followups import FollowupSource as AnnouncementFollowups
from jobs.meeting_attendance import AttendanceListSource
from jobs.meeting_reminders import MeetingReminderSource
from jobs.reminders import ReminderSource
from jobs.task_followups import DigestSource
from jobs.task_followups import FollowupSource as TaskFollowups


def sources() -> tuple[Source[Any], ...]:
    """Every source of scheduled messages, in the order the dispatcher claims them."""
    return (
        ReminderSource(),
        AnnouncementFollowups(),
        MeetingReminderSource(),
        AttendanceListSource(),
        TaskFollowups(),
        DigestSource(),
    )
