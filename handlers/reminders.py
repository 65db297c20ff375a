"""/ingatkan, /pengingat, /batal, the cancel and snooze buttons, and firing reminders."""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackContext, CallbackQueryHandler

from bot.domain.timeparse import TimeParseError
from bot.domain.timewords import format_when
from bot.runtime import Runtime, runtime_of
from bot.scheduling import dispatcher
from bot.services import reminders as service
from bot.telegram.access import chat_locale, resolve
from bot.telegram.commands import Call, CommandSpec, add_command, record_number
from bot.telegram.delivery import deliver
from bot.text.i18n import Safe, mention, t
from storage import firings, reminders
from storage.db import Database
from storage.reminders import Reminder

REMIND = CommandSpec("ingatkan", "remind", role="anggota", where="any")
LIST = CommandSpec("pengingat", "reminders", where="any")
CANCEL = CommandSpec("batal", "cancel", where="any")

_CALLBACK = re.compile(r"^rem:([chd]):(\d{1,18})$")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    add_command(app, REMIND, remind)
    add_command(app, LIST, list_reminders)
    add_command(app, CANCEL, cancel)
    app.add_handler(CallbackQueryHandler(button, pattern=r"^rem:"))
    dispatcher.add_source(app, ReminderSource())


def when_text(at: datetime, reminder: Reminder, group_tz: str, lang: str) -> str:
    """The time in words in the chat's zone, with the zone the user named in brackets."""
    also = reminder.zone if reminder.zone_named and reminder.zone != group_tz else None
    return format_when(at, group_tz, lang, also_zone=also)


async def remind(call: Call) -> None:
    caller = call.caller
    if not call.args:
        await call.reply(call.t("reminders.usage"))
        return
    try:
        reminder, when = await service.create(
            call.runtime.database,
            chat_id=caller.chat_id,
            creator_id=caller.user_id or caller.chat_id,
            creator_name=caller.full_name,
            for_group=caller.is_group and caller.may("koordinator"),
            text=call.args,
            now=caller.now,
            tz=caller.tz,
            lang=caller.lang,
        )
    except TimeParseError as exc:
        await call.reply(exc.render(caller.lang))
        return
    except service.MissingText:
        await call.reply(call.t("reminders.missing_text", phrase=call.args))
        return
    lines = [
        call.t(
            "reminders.confirmed",
            number=reminder.number,
            when=when_text(when.at, reminder, caller.tz, caller.lang),
            text=reminder.text,
        )
    ]
    if when.rule is not None:
        upcoming = [when_text(at, reminder, caller.tz, caller.lang) for at in when.upcoming(3)[1:]]
        lines.append(
            call.t("reminders.recurring", phrase=reminder.phrase, upcoming="; ".join(upcoming))
        )
    button = InlineKeyboardButton(
        call.t("reminders.cancel_button"), callback_data=f"rem:c:{reminder.id}"
    )
    await call.reply("\n".join(lines), InlineKeyboardMarkup([[button]]))
    await dispatcher.wake(call.context.application)


async def list_reminders(call: Call) -> None:
    pending = await reminders.pending(call.runtime.database, call.caller.chat_id)
    if not pending:
        await call.reply(call.t("reminders.list_empty"))
        return
    lines = [call.t("reminders.list_header", count=len(pending))]
    for reminder in pending:
        recurring = (
            call.t("reminders.list_recurring", phrase=reminder.phrase) if reminder.rule else ""
        )
        lines.append(
            call.t(
                "reminders.list_item",
                number=reminder.number,
                when=when_text(
                    service.from_epoch(reminder.next_at or 0),
                    reminder,
                    call.caller.tz,
                    call.caller.lang,
                ),
                recurring=Safe(recurring),
                text=reminder.text,
                creator=reminder.creator_name,
            )
        )
    await call.reply("\n\n".join(lines))


async def cancel(call: Call) -> None:
    number = record_number(call.args)
    if number is None:
        await call.reply(call.t("reminders.cancel_usage"))
        return
    reminder = await reminders.by_number(call.runtime.database, call.caller.chat_id, number)
    if reminder is None:
        await call.reply(call.t("reminders.not_found", number=number))
        return
    if not service.may_manage(reminder, call.caller.user_id, call.caller.may("koordinator")):
        await call.reply(call.t("reminders.not_allowed", number=number))
        return
    if not await reminders.cancel(call.runtime.database, reminder.id):
        await call.reply(call.t("reminders.not_pending", number=number))
        return
    await call.reply(call.t("reminders.cancelled", number=number))
    await dispatcher.wake(call.context.application)


async def button(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Cancel (``rem:c:<reminder>``) or snooze (``rem:h|d:<firing>``); untrusted input."""
    query = update.callback_query
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    match = _CALLBACK.match(query.data or "")
    target = await _button_target(runtime.database, match, caller.chat_id) if match else None
    if target is None:
        await query.answer(t(caller.lang, "reminders.stale_button"), show_alert=True)
        return
    reminder, firing = target
    if not service.may_manage(reminder, caller.user_id, caller.may("koordinator")):
        await query.answer(
            t(caller.lang, "reminders.not_allowed", number=reminder.number), show_alert=True
        )
        return
    db = runtime.database
    if firing is None:
        if not await reminders.cancel(db, reminder.id):
            await query.answer(
                t(caller.lang, "reminders.not_pending", number=reminder.number), show_alert=True
            )
            return
        await query.answer(t(caller.lang, "reminders.cancelled", number=reminder.number))
        await query.edit_message_text(
            query.message.text_html
            + "\n\n"
            + t(
                caller.lang, "reminders.cancelled_by", number=reminder.number, name=caller.full_name
            )
        )
    else:
        at = service.snooze_until(
            match.group(1), service.from_epoch(firing.scheduled_at), caller.now, caller.tz
        )  # type: ignore[arg-type,union-attr]
        snoozed = await service.snooze(db, reminder, firing.id, at, caller.now)
        if snoozed is None:
            await query.answer(t(caller.lang, "reminders.already_snoozed"), show_alert=True)
            return
        when = when_text(at, snoozed, caller.tz, caller.lang)
        await query.answer(t(caller.lang, "reminders.snoozed_alert", when=when))
        await query.edit_message_text(
            query.message.text_html
            + "\n\n"
            + t(
                caller.lang,
                "reminders.snoozed",
                name=caller.full_name,
                when=when,
                number=snoozed.number,
            )
        )
    await dispatcher.wake(context.application)


async def _button_target(
    db: Database, match: re.Match[str], chat_id: int
) -> tuple[Reminder, Any] | None:
    """The reminder (and firing, for a snooze) a button names, if it belongs to this chat."""
    action, ref = match.group(1), int(match.group(2))
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


class ReminderSource:
    """Fires due reminders: each chat's in order, chats concurrently."""

    name = "reminders"

    async def next_due(self, db: Database) -> int | None:
        return await reminders.next_due_at(db)

    async def run_due(self, app: Application[Any, Any, Any, Any, Any, Any], now: datetime) -> None:
        runtime = runtime_of(app)
        by_chat: dict[int, list[Reminder]] = defaultdict(list)
        for reminder in await reminders.due(runtime.database, int(now.timestamp())):
            by_chat[reminder.chat_id].append(reminder)
        await asyncio.gather(*(self._fire_chat(app, runtime, due, now) for due in by_chat.values()))

    async def _fire_chat(
        self,
        app: Application[Any, Any, Any, Any, Any, Any],
        runtime: Runtime,
        due: list[Reminder],
        now: datetime,
    ) -> None:
        lang, tz = await chat_locale(runtime, due[0].chat_id)
        for reminder in due:
            await self._fire(app, runtime, reminder, now, lang, tz)

    async def _fire(
        self,
        app: Application[Any, Any, Any, Any, Any, Any],
        runtime: Runtime,
        reminder: Reminder,
        now: datetime,
        lang: str,
        tz: str,
    ) -> None:
        plan = service.plan_firing(
            service.from_epoch(reminder.next_at or 0), service.rule_of(reminder), now
        )
        firing_id = await reminders.claim_firing(
            runtime.database,
            reminder,
            scheduled_at=int(plan.scheduled_at.timestamp()),
            late=plan.late,
            next_at=int(plan.next_at.timestamp()) if plan.next_at else None,
            now=int(now.timestamp()),
        )
        if firing_id is None:
            return
        lines = [t(lang, "reminders.fired", number=reminder.number, text=reminder.text)]
        if not reminder.for_group and reminder.chat_id != reminder.creator_id:
            creator = mention(reminder.creator_id, reminder.creator_name)
            lines.append(t(lang, "reminders.fired_for", mention=creator))
        if plan.late:
            lines.append(
                t(
                    lang,
                    "reminders.fired_late",
                    when=when_text(plan.scheduled_at, reminder, tz, lang),
                )
            )
        if plan.missed > 1:
            lines.append(t(lang, "reminders.fired_missed", count=plan.missed))
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        t(lang, "reminders.snooze_hour"), callback_data=f"rem:h:{firing_id}"
                    ),
                    InlineKeyboardButton(
                        t(lang, "reminders.snooze_day"), callback_data=f"rem:d:{firing_id}"
                    ),
                ]
            ]
        )
        outcome = await deliver(
            app.bot, runtime, firing_id, reminder.chat_id, "\n".join(lines), markup
        )
        if outcome.refused:
            await reminders.stop_failed(runtime.database, reminder.id)
