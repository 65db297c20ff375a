"""How reminders read: their time in words, and the message a firing sends."""

from __future__ import annotations

from datetime import datetime

from bot.domain.timewords import format_when
from bot.services.reminders import FiringPlan
from bot.text.i18n import mention, t
from storage.firings import FIRING_PLACEHOLDER, Button, Outgoing
from storage.reminders import Reminder


def when_text(at: datetime, reminder: Reminder, group_tz: str, lang: str) -> str:
    """The time in words in the chat's zone, with the zone the user named in brackets."""
    also = reminder.zone if reminder.zone_named and reminder.zone != group_tz else None
    return format_when(at, group_tz, lang, also_zone=also)


def fired(reminder: Reminder, plan: FiringPlan, lang: str, tz: str) -> Outgoing:
    """The message of one firing, with its snooze buttons (they name the firing)."""
    lines = [t(lang, "reminders.fired", number=reminder.number, text=reminder.text)]
    if not reminder.for_group and reminder.chat_id != reminder.creator_id:
        lines.append(
            t(
                lang,
                "reminders.fired_for",
                mention=mention(reminder.creator_id, reminder.creator_name),
            )
        )
    if plan.late:
        when = when_text(plan.scheduled_at, reminder, tz, lang)
        lines.append(t(lang, "reminders.fired_late", when=when))
    if plan.missed > 1:
        lines.append(t(lang, "reminders.fired_missed", count=plan.missed))
    buttons = (
        (
            Button(t(lang, "reminders.snooze_hour"), f"rem:h:{FIRING_PLACEHOLDER}"),
            Button(t(lang, "reminders.snooze_day"), f"rem:d:{FIRING_PLACEHOLDER}"),
        ),
    )
    return Outgoing("\n".join(lines), buttons)
