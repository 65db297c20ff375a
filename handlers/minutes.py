"""/notulen: the minutes of a meeting as a .docx and a message, and the carry-over step.

The minutes message carries one button per agenda item still open: a koordinator presses it
for an item that was not discussed, and the item continues in the next meeting of the group
(or, when none is scheduled yet, in the next one created). The press is answered, the group
told where the item went, and the message redrawn.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler

from bot.domain.timewords import format_date, from_epoch
from bot.runtime import App, Context, runtime_of
from bot.services import agenda as agenda_service
from bot.services import meetings as meeting_service
from bot.services import minutes as minutes_service
from bot.services import room
from bot.telegram.access import resolve
from bot.telegram.buttons import bound, pressed, refuse
from bot.telegram.commands import Call, CommandSpec, add_command, record_number, send
from bot.text.i18n import t

logger = logging.getLogger(__name__)

MINUTES = CommandSpec("notulen", "minutes", role="koordinator")

MAX_BUTTONS = 20
_CALLBACK = re.compile(r"mtg:c:(\d{1,18})")


def register(app: App) -> None:
    add_command(app, MINUTES, send_minutes)
    app.add_handler(CallbackQueryHandler(carry_button, pattern=r"^mtg:c:"))


def carry_markup(
    minutes: minutes_service.Minutes, lang: str, now: datetime
) -> InlineKeyboardMarkup | None:
    """One button per open item, once the meeting has begun."""
    if not room.has_begun(minutes.meeting, now) or not minutes.open_items:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t(lang, "minutes.carry_button", number=item.number),
                    callback_data=f"mtg:c:{item.id}",
                )
            ]
            for item in minutes.open_items[:MAX_BUTTONS]
        ]
    )


async def send_minutes(call: Call) -> None:
    number = record_number(call.args)
    if number is None:
        await call.reply(call.t("minutes.usage"))
        return
    caller = call.caller
    db = call.runtime.database
    meeting = await meeting_service.by_number(db, caller.chat_id, number)
    if meeting is None:
        await call.reply(call.t("meetings.not_found", number=number))
        return
    if meeting.cancelled:
        await call.reply(call.t("meetings.is_cancelled", number=number))
        return
    if not room.has_begun(meeting, caller.now):
        await call.reply(call.t("minutes.not_started", number=number))
        return
    minutes = await minutes_service.gather(db, meeting)
    notetaker = minutes_service.notetaker(meeting, caller.full_name)
    data = await asyncio.to_thread(
        word_document, minutes, notetaker, caller.tz, caller.lang, caller.now
    )
    await call.context.bot.send_document(
        caller.chat_id,
        document=InputFile(
            io.BytesIO(data), filename=call.t("minutes.file_name", number=meeting.number)
        ),
        caption=call.t("minutes.caption", number=meeting.number, title=meeting.title),
    )
    await call.reply(
        minutes_service.message(
            minutes, notetaker=notetaker, tz=caller.tz, lang=caller.lang, now=caller.now
        ),
        carry_markup(minutes, caller.lang, caller.now),
    )


def word_document(
    minutes: minutes_service.Minutes, notetaker: str, tz: str, lang: str, now: datetime
) -> bytes:
    """The .docx of the minutes. python-docx (and lxml) is imported here, on the first
    /notulen and in a worker thread, rather than at start-up for every process."""
    from bot.text import minutes_docx

    return minutes_docx.document(minutes, notetaker=notetaker, tz=tz, lang=lang, now=now)


async def carry_button(update: Update, context: Context) -> None:
    """``mtg:c:<agenda item>``: carry an undiscussed item over; untrusted input, taken only
    from a minutes message that carries this very button."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    db = runtime.database
    match = _CALLBACK.fullmatch(query.data or "")
    found = await agenda_service.item_of_meeting(db, int(match.group(1))) if match else None
    if found is None or not bound(query):
        await refuse(query, caller.lang)
        return
    item, meeting = found
    if (
        caller.group is None
        or item.group_id != caller.chat_id
        or meeting.group_id != caller.chat_id
        or meeting.cancelled
        or not room.has_begun(meeting, caller.now)
    ):
        await query.answer(t(caller.lang, "meetings.stale_button"), show_alert=True)
        return
    if not caller.may(MINUTES.role):
        await query.answer(t(caller.lang, "minutes.carry_not_allowed"), show_alert=True)
        return
    carried = await agenda_service.carry_over(db, item, meeting, caller.now)
    if carried is None:
        await query.answer(
            t(caller.lang, "minutes.already_carried", number=item.number), show_alert=True
        )
        return
    params = {"number": item.number, "new": carried.copy.number, "text": item.text}
    target = carried.meeting
    if target is None:
        await query.answer(t(caller.lang, "minutes.carried", **params))
        post = t(caller.lang, "minutes.carried_post_waiting", **params)
    else:
        await query.answer(t(caller.lang, "minutes.carried_to", meeting=target.number, **params))
        day = format_date(from_epoch(target.starts_at).astimezone(ZoneInfo(caller.tz)), caller.lang)
        post = t(caller.lang, "minutes.carried_post", meeting=target.number, day=day, **params)
    await send(context, caller.chat_id, post)
    minutes = await minutes_service.gather(db, meeting)
    notetaker = minutes_service.notetaker(meeting, caller.full_name)
    try:
        await query.edit_message_text(
            minutes_service.message(
                minutes, notetaker=notetaker, tz=caller.tz, lang=caller.lang, now=caller.now
            ),
            reply_markup=carry_markup(minutes, caller.lang, caller.now),
        )
    except BadRequest as exc:
        logger.info("minutes of meeting %s not redrawn: %s", meeting.id, exc)
