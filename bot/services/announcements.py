"""Announcements as a service: recording them, planning and timing their follow-ups.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.domain.cleantext import TooLong as TooLong
from bot.domain.cleantext import within
from bot.domain.lateness import is_late
from bot.domain.timeparse import parse_when
from bot.domain.workdays import next_working_day, wall_time
from bot.services import Wake
from storage import announcements, firings
from storage.announcements import (
    Ack,
    Announcement,
    Listed,
    MissingUnit,
    NewAnnouncement,
    Progress,
)
from storage.db import Database
from storage.firings import Outgoing

FOLLOWUP_KIND = announcements.FOLLOWUP_KIND

HASHTAG = re.compile(r"(?i)(?:^|(?<=\s))#pengumuman\b")
"""The hashtag that makes a koordinator's message an announcement."""

MAX_TEXT = 3500
"""Longer texts are refused: the post (header, text, author) must fit one Telegram message."""


class EmptyAnnouncement(ValueError):
    """There is no text to announce."""


@dataclass(frozen=True, slots=True)
class Author:
    user_id: int
    name: str
    unit_id: int | None


@dataclass(frozen=True, slots=True)
class FollowupPlan:
    scheduled_at: int
    """The follow-up to send now (an earlier missed one is folded into a later one)."""
    next_at: int | None
    late: bool


def plan_followups(created: datetime, tz: str, minute_of_day: int) -> tuple[datetime, datetime]:
    """The two follow-ups: the next working day after ``created`` at the group's follow-up time,
    and the working day after that."""
    hm = divmod(minute_of_day, 60)
    first_day = next_working_day(created.astimezone(ZoneInfo(tz)).date())
    return wall_time(first_day, hm, tz), wall_time(next_working_day(first_day), hm, tz)


def plan_followup(
    announcement: Announcement, now: datetime, up_since: datetime
) -> FollowupPlan | None:
    """What to send for an announcement whose next follow-up is due at ``now`` (in a process
    running since ``up_since``)."""
    due = announcement.next_followup_at
    if due is None or due > now.timestamp():
        return None
    second = announcement.second_followup_at
    if due < second and now.timestamp() < second:  # the first (again, after an edit)
        scheduled, following = due, second
    else:  # the second one, or the first one sent so late that the second is due as well
        scheduled, following = max(due, second), None
    late = is_late(datetime.fromtimestamp(scheduled, UTC), now, up_since)
    return FollowupPlan(scheduled, following, late)


async def claim_followup(
    db: Database, announcement: Announcement, plan: FollowupPlan, message: Outgoing, now: datetime
) -> int | None:
    """Advance the announcement past the planned follow-up and claim it with its message;
    None when nothing is to be sent (all acknowledged meanwhile, or claimed before)."""
    return await announcements.claim_followup(
        db,
        announcement,
        scheduled_at=plan.scheduled_at,
        next_at=plan.next_at,
        late=plan.late,
        message=message,
        now=int(now.timestamp()),
    )


def strip_hashtag(text: str) -> str:
    """The announcement text of a ``#pengumuman`` message: the hashtag itself removed."""
    lines = [" ".join(HASHTAG.sub(" ", line).split()) for line in text.splitlines()]
    return "\n".join(lines).strip()


def parse_followup_time(phrase: str, now: datetime, tz: str, lang: str) -> int | None:
    """``jam 8.30`` / ``08.30`` / ``jam setengah 9`` / ``at 8:30`` → minutes after midnight in
    the group's zone, read by the time parser as a working-day time; raises TimeParseError for
    a time it refuses, None for anything else (another zone, a day, extra words)."""
    if not phrase.strip():
        return None
    recurring = "every working day" if lang == "en" else "tiap hari kerja"
    when = parse_when(f"{recurring} {phrase}", now, tz, lang)
    if when.rest or when.rule is None or when.rule.kind != "workdays" or when.rule.zone != tz:
        return None
    return when.rule.hour * 60 + when.rule.minute


def checked_text(text: str) -> str:
    """The text to announce; raises :class:`EmptyAnnouncement` or :class:`TooLong`."""
    text = text.strip()
    if not text:
        raise EmptyAnnouncement
    within(text, MAX_TEXT)
    return text


async def create(
    db: Database,
    *,
    group_id: int,
    author: Author,
    text: str,
    source_message_id: int | None,
    now: datetime,
    tz: str,
    wake: Wake,
    origin: int | None = None,
) -> tuple[Announcement, bool]:
    """Store an announcement with its two follow-ups planned at the group's follow-up time;
    the announcement and whether it is new (False: update ``origin`` made it before).

    Raises :class:`EmptyAnnouncement` or :class:`TooLong` for text that cannot be announced.
    """
    text = checked_text(text)
    first, second = plan_followups(now, tz, await announcements.followup_minute(db, group_id))
    recorded = await announcements.create(
        db,
        NewAnnouncement(
            group_id=group_id,
            author_id=author.user_id,
            author_name=author.name,
            unit_id=author.unit_id,
            text=text,
            source_message_id=source_message_id,
            first_followup_at=int(first.timestamp()),
            second_followup_at=int(second.timestamp()),
        ),
        int(now.timestamp()),
        origin,
    )
    await wake()
    return recorded


async def edit(
    db: Database,
    announcement: Announcement,
    text: str,
    *,
    user_id: int,
    user_name: str,
    now: datetime,
    tz: str,
    wake: Wake,
) -> Announcement | None:
    """A new version of the text (the earlier one kept in its history): every unit is asked to
    acknowledge it, and its two follow-ups start again from ``now``. The announcement as it is
    now; None when it was withdrawn. Raises :class:`EmptyAnnouncement` or :class:`TooLong`."""
    text = checked_text(text)
    first, second = plan_followups(
        now, tz, await announcements.followup_minute(db, announcement.group_id)
    )
    revised = await announcements.edit(
        db,
        announcement.id,
        text,
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
        followups=(int(first.timestamp()), int(second.timestamp())),
    )
    if revised is None:
        return None
    await wake()
    return await announcements.get(db, announcement.id)


# --- reading and changing announcements (handlers and jobs reach storage only here) ---------


async def get(db: Database, announcement_id: int) -> Announcement | None:
    return await announcements.get(db, announcement_id)


async def by_number(db: Database, group_id: int, number: int) -> Announcement | None:
    return await announcements.by_number(db, group_id, number)


async def carries_button(db: Database, announcement: Announcement, message_id: int) -> bool:
    """Whether message ``message_id`` carries the announcement's *Diterima* button: its post
    (no query: the press of almost every storm) or one of its follow-ups."""
    if message_id == announcement.message_id:
        return True
    return message_id in await firings.messages_of(db, FOLLOWUP_KIND, announcement.id)


async def recent(db: Database, group_id: int, limit: int) -> list[Listed]:
    """The latest announcements with how many units acknowledged each."""
    return await announcements.recent(db, group_id, limit)


async def progress(db: Database, announcement: Announcement) -> Progress:
    return await announcements.progress(db, announcement.id)


async def missing_units(db: Database, announcement: Announcement) -> list[MissingUnit]:
    """The units it is for that have not acknowledged, with their members."""
    return await announcements.missing_units(db, announcement.id)


async def posted(db: Database, announcement: Announcement, message_id: int) -> None:
    """Remember the post carrying the Diterima button (its count is edited in place)."""
    await announcements.set_message(db, announcement.id, message_id)


async def acknowledge(
    db: Database, announcement: Announcement, *, unit_id: int, user_id: int, now: datetime
) -> Ack:
    """One acknowledgement per unit: the first member to press counts for the unit."""
    return await announcements.acknowledge(
        db, announcement.id, unit_id, user_id, int(now.timestamp())
    )


async def followup_minute(db: Database, group_id: int) -> int:
    """The group's follow-up time of day, in minutes after midnight."""
    return await announcements.followup_minute(db, group_id)


async def set_followup_minute(db: Database, group_id: int, minute: int) -> None:
    await announcements.set_followup_minute(db, group_id, minute)


# --- follow-ups (the dispatcher's source, jobs/announcement_followups.py) ------------------


NEXT_FOLLOWUP = announcements.NEXT_FOLLOWUP


async def due_followups(db: Database, now: int) -> list[Announcement]:
    return await announcements.due_followups(db, now)


async def postpone_followup(db: Database, announcement_id: int, until: int | None) -> None:
    """Set a follow-up aside until ``until`` (None: no more follow-ups)."""
    await announcements.postpone_followup(db, announcement_id, until)
