"""Reminders as a service: creating, cancelling, snoozing and planning firings.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.lateness import is_late
from bot.domain.timeparse import Rule, When, parse_when
from bot.domain.workdays import wall_time
from storage import reminders
from storage.db import Database
from storage.firings import Outgoing
from storage.reminders import NewReminder, Reminder

MAX_MISSED = 10_000

Snooze = Literal["h", "d"]


class MissingText(ValueError):
    """The time was understood but there is nothing to remind of."""


@dataclass(frozen=True, slots=True)
class FiringPlan:
    scheduled_at: datetime
    """The firing to send now: the latest one due (earlier missed ones are folded into it)."""
    late: bool
    missed: int
    """How many firings fell due (more than one after downtime)."""
    next_at: datetime | None


def plan_firing(reminder: Reminder, now: datetime, up_since: datetime) -> FiringPlan:
    """What to send for a due reminder when the dispatcher runs at ``now`` in a process
    running since ``up_since``: the latest firing due, with the missed ones folded into it."""
    rule = rule_of(reminder)
    latest, missed = from_epoch(reminder.next_at or 0), 1
    if rule is not None:
        while missed < MAX_MISSED:
            following = rule.next_after(latest)
            if following is None or following > now:
                break
            latest, missed = following, missed + 1
    following = rule.next_after(max(now, latest)) if rule is not None else None
    return FiringPlan(latest, is_late(latest, now, up_since), missed, following)


async def claim_firing(
    db: Database, reminder: Reminder, plan: FiringPlan, message: Outgoing, now: datetime
) -> int | None:
    """Advance the reminder past the planned firing and claim it with its message; None when
    another run got there first."""
    return await reminders.claim_firing(
        db,
        reminder,
        scheduled_at=int(plan.scheduled_at.timestamp()),
        late=plan.late,
        next_at=int(plan.next_at.timestamp()) if plan.next_at else None,
        message=message,
        now=int(now.timestamp()),
    )


def split_phrase(text: str, when: When) -> str:
    """The time phrase the user wrote (the text before the reminder's message)."""
    head = text[: len(text) - len(when.rest)] if when.rest and text.endswith(when.rest) else text
    return head.strip(" ,:;-")


async def create(
    db: Database,
    *,
    chat_id: int,
    creator_id: int,
    creator_name: str,
    for_group: bool,
    text: str,
    now: datetime,
    tz: str,
    lang: str,
    origin: int | None = None,
) -> tuple[Reminder, When]:
    """Parse ``text`` (time phrase, then message) and store the reminder (once per ``origin``
    update: a command handled again gets the reminder it made the first time).

    Raises ``TimeParseError`` for a time it cannot read and :class:`MissingText` when there is
    no message after the time.
    """
    when = parse_when(text, now, tz, lang)
    if not when.rest:
        raise MissingText(text)
    reminder, _ = await reminders.create(
        db,
        NewReminder(
            chat_id=chat_id,
            creator_id=creator_id,
            creator_name=creator_name,
            for_group=for_group,
            text=when.rest,
            phrase=split_phrase(text, when),
            rule=when.rule.to_json() if when.rule else None,
            zone=when.zone,
            zone_named=when.zone_named,
            next_at=int(when.at.timestamp()),
        ),
        int(now.timestamp()),
        origin,
    )
    return reminder, when


def may_manage(reminder: Reminder, user_id: int | None, is_coordinator: bool) -> bool:
    """Only the creator or a koordinator may cancel or snooze a reminder."""
    return is_coordinator or reminder.creator_id == user_id


def snooze_until(choice: Snooze, scheduled_at: datetime, now: datetime, zone: str) -> datetime:
    """``h``: an hour from now; ``d``: tomorrow at the firing's time of day."""
    if choice == "h":
        return (now + timedelta(hours=1)).replace(second=0, microsecond=0)
    local = scheduled_at.astimezone(ZoneInfo(zone))
    tomorrow = now.astimezone(ZoneInfo(zone)).date() + timedelta(days=1)
    return wall_time(tomorrow, (local.hour, local.minute), zone)


async def snooze(
    db: Database, reminder: Reminder, firing_id: int, at: datetime, now: datetime
) -> Reminder | None:
    """Send the reminder again at ``at`` (a one-off is moved, a recurring one gets a copy);
    None when that firing was already snoozed: a double tap sends nothing twice."""
    return await reminders.snooze(
        db, firing_id, reminder.id, int(at.timestamp()), int(now.timestamp())
    )


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def rule_of(reminder: Reminder) -> Rule | None:
    return Rule.from_json(reminder.rule) if reminder.rule else None
