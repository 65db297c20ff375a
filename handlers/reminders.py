"""/ingatkan, /pengingat, /batal, and the cancel and snooze buttons (firing: ``jobs.reminders``)."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot.domain.cleantext import excerpt
from bot.domain.timeparse import TimeParseError
from bot.domain.timewords import from_epoch
from bot.runtime import App, Context, runtime_of
from bot.services import reminders as service
from bot.telegram.access import resolve
from bot.telegram.buttons import bound, pressed, pressed_html, refuse
from bot.telegram.commands import Call, CommandSpec, add_command, record_number
from bot.text.i18n import Safe, t, too_long
from bot.text.reminder_texts import when_text
from bot.text.render import LISTED

REMIND = CommandSpec("ingatkan", "remind", role="anggota", where="any")
LIST = CommandSpec("pengingat", "reminders", where="any")
CANCEL = CommandSpec("batal", "cancel", where="any")

_CALLBACK = re.compile(r"rem:([chd]):(\d{1,18})")


def register(app: App) -> None:
    add_command(app, REMIND, remind)
    add_command(app, LIST, list_reminders)
    add_command(app, CANCEL, cancel)
    app.add_handler(CallbackQueryHandler(button, pattern=r"^rem:"))


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
            wake=call.runtime.dispatcher.wake,
            origin=call.update.update_id,
        )
    except TimeParseError as exc:
        await call.reply(exc.render(caller.lang))
        return
    except service.MissingText:
        await call.reply(call.t("reminders.missing_text", phrase=call.args))
        return
    except service.TooLong as exc:
        await call.reply(too_long(caller.lang, "reminders.too_long", exc))
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
    posted = await call.reply("\n".join(lines), InlineKeyboardMarkup([[button]]))
    await service.posted(call.runtime.database, reminder, posted.message_id)


async def list_reminders(call: Call) -> None:
    pending = await service.pending(call.runtime.database, call.caller.chat_id)
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
                    from_epoch(reminder.next_at or 0),
                    reminder,
                    call.caller.tz,
                    call.caller.lang,
                ),
                recurring=Safe(recurring),
                text=excerpt(reminder.text, LISTED),
                creator=reminder.creator_name,
            )
        )
    await call.reply("\n\n".join(lines))


async def cancel(call: Call) -> None:
    number = record_number(call.args)
    if number is None:
        await call.reply(call.t("reminders.cancel_usage"))
        return
    reminder = await service.by_number(call.runtime.database, call.caller.chat_id, number)
    if reminder is None:
        await call.reply(call.t("reminders.not_found", number=number))
        return
    if not service.may_manage(reminder, call.caller.user_id, call.caller.may("koordinator")):
        await call.reply(call.t("reminders.not_allowed", number=number))
        return
    if not await service.cancel(call.runtime.database, reminder, call.runtime.dispatcher.wake):
        await call.reply(call.t("reminders.not_pending", number=number))
        return
    await call.reply(call.t("reminders.cancelled", number=number))


async def button(update: Update, context: Context) -> None:
    """Cancel (``rem:c:<reminder>``) or snooze (``rem:h|d:<firing>``); untrusted input."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    match = _CALLBACK.fullmatch(query.data or "")
    action = match.group(1) if match else ""
    target = (
        await service.button_target(runtime.database, action, int(match.group(2)), caller.chat_id)
        if match
        else None
    )
    if target is None:
        await query.answer(t(caller.lang, "reminders.stale_button"), show_alert=True)
        return
    reminder, firing = target
    post = reminder.message_id if firing is None else firing.message_id
    if not bound(query, [post or 0]):
        await refuse(query, caller.lang)
        return
    if not service.may_manage(reminder, caller.user_id, caller.may("koordinator")):
        await query.answer(
            t(caller.lang, "reminders.not_allowed", number=reminder.number), show_alert=True
        )
        return
    db, wake = runtime.database, runtime.dispatcher.wake
    if firing is None:
        if not await service.cancel(db, reminder, wake):
            await query.answer(
                t(caller.lang, "reminders.not_pending", number=reminder.number), show_alert=True
            )
            return
        await query.answer(t(caller.lang, "reminders.cancelled", number=reminder.number))
        await query.edit_message_text(
            pressed_html(query)
            + "\n\n"
            + t(
                caller.lang, "reminders.cancelled_by", number=reminder.number, name=caller.full_name
            )
        )
    else:
        choice: service.Snooze = "h" if action == "h" else "d"
        result = await service.snooze(db, reminder, firing, choice, caller.now, caller.tz, wake)
        if result is None:
            await query.answer(t(caller.lang, "reminders.already_snoozed"), show_alert=True)
            return
        snoozed, at = result
        when = when_text(at, snoozed, caller.tz, caller.lang)
        await query.answer(t(caller.lang, "reminders.snoozed_alert", when=when))
        await query.edit_message_text(
            pressed_html(query)
            + "\n\n"
            + t(
                caller.lang,
                "reminders.snoozed",
                name=caller.full_name,
                when=when,
                number=snoozed.number,
            )
        )
