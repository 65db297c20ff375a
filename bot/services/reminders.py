"""Reminders as a service: creating, cancelling, snoozing and planning firings.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.cleantext import TooLong as TooLong
from bot.domain.cleantext import within
from bot.domain.lateness import is_late
from bot.domain.timeparse import Rule, When, parse_when
from bot.domain.timewords import from_epoch
from bot.domain.workdays import wall_time
from bot.services import Wake
from storage import firings, reminders
from storage.db import Database
from storage.firings import Firing, Outgoing
from storage.reminders import NewReminder, Reminder

KIND = reminders.KIND

MAX_MISSED = 10_000

MAX_TEXT = 3000
"""A reminder's message, in UTF-16 code units: it goes out with its snooze buttons in one
message, which a press then edits with a line more (who snoozed it, until when)."""

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
    wake: Wake,
    origin: int | None = None,
) -> tuple[Reminder, When]:
    """Parse ``text`` (time phrase, then message) and store the reminder (once per ``origin``
    update: a command handled again gets the reminder it made the first time).

    Raises ``TimeParseError`` for a time it cannot read, :class:`MissingText` when there is
    no message after the time and :class:`TooLong` for a message over :data:`MAX_TEXT`.
    """
    when = parse_when(text, now, tz, lang)
    if not when.rest:
        raise MissingText(text)
    within(when.rest, MAX_TEXT)
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
    await wake(when.at)
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
    db: Database,
    reminder: Reminder,
    firing: Firing,
    choice: Snooze,
    now: datetime,
    zone: str,
    wake: Wake,
) -> tuple[Reminder, datetime] | None:
    """Send the reminder of ``firing`` again (``h``: in an hour, ``d``: tomorrow at its time):
    a one-off is moved, a recurring one gets a copy. None when that firing was already
    snoozed: a double tap sends nothing twice."""
    at = snooze_until(choice, from_epoch(firing.scheduled_at), now, zone)
    snoozed = await reminders.snooze(
        db, firing.id, reminder.id, int(at.timestamp()), int(now.timestamp())
    )
    if snoozed is None:
        return None
    await wake()
    return snoozed, at


async def posted(db: Database, reminder: Reminder, message_id: int) -> None:
    """Remember the bot's confirmation of the reminder (edited when it is withdrawn)."""
    await reminders.set_message(db, reminder.id, message_id)


async def pending(db: Database, chat_id: int) -> list[Reminder]:
    """The chat's pending reminders, soonest first."""
    return await reminders.pending(db, chat_id)


async def by_number(db: Database, chat_id: int, number: int) -> Reminder | None:
    return await reminders.by_number(db, chat_id, number)


async def cancel(db: Database, reminder: Reminder, wake: Wake) -> bool:
    """Cancel a pending reminder; False when it was not pending any more."""
    cancelled = await reminders.cancel(db, reminder.id)
    if cancelled:
        await wake()
    return cancelled


async def button_target(
    db: Database, action: str, ref: int, chat_id: int
) -> tuple[Reminder, Firing | None] | None:
    """The reminder (and the firing, for a snooze) a button names, if it belongs to this
    chat and can still act: ``c`` names a pending reminder, ``h``/``d`` a sent firing."""
    firing = None
    if action != "c":
        firing = await firings.get(db, ref)
        if firing is None or firing.kind != reminders.KIND or firing.status != "sent":
            return None
        ref = firing.ref_id
    reminder = await reminders.get(db, ref)
    if reminder is None or reminder.chat_id != chat_id:
        return None
    if action == "c" and reminder.status != "pending":
        return None
    return reminder, firing


def rule_of(reminder: Reminder) -> Rule | None:
    return Rule.from_json(reminder.rule) if reminder.rule else None


# --- firing (the dispatcher's reminder source, jobs/reminders.py) --------------------------


NEXT_DUE = reminders.NEXT_DUE


async def due(db: Database, now: int) -> list[Reminder]:
    """Pending reminders whose time has come, oldest first."""
    return await reminders.due(db, now)


async def postpone(db: Database, reminder: Reminder, until: int | None) -> None:
    """Set a reminder that failed to fire aside until ``until``; None stops it for good."""
    await reminders.postpone(db, reminder.id, until)


async def stop(db: Database, reminder_id: int) -> None:
    """Telegram refused the chat (the bot was removed): the reminder stops."""
    await reminders.stop_failed(db, reminder_id)
