"""/notulen: the minutes of a meeting as a .docx and a message, and the carry-over step.

The minutes message carries one button per agenda item still open: a koordinator presses it
for an item that was not discussed, and the item continues in the next meeting of the group
(or, when none is scheduled yet, in the next one created). The message is then redrawn.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackContext, CallbackQueryHandler

from bot.runtime import runtime_of
from bot.services import minutes as minutes_service
from bot.telegram.access import resolve
from bot.telegram.commands import Call, CommandSpec, add_command, record_number
from bot.text.i18n import t
from storage import agenda, meetings
from storage.meetings import Meeting

logger = logging.getLogger(__name__)

MINUTES = CommandSpec("notulen", "minutes", role="koordinator")

MAX_BUTTONS = 20
_CALLBACK = re.compile(r"^mtg:c:(\d{1,18})$")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    add_command(app, MINUTES, send_minutes)
    app.add_handler(CallbackQueryHandler(carry_button, pattern=r"^mtg:c:"))


def carry_markup(
    minutes: minutes_service.Minutes, lang: str, now_ts: float
) -> InlineKeyboardMarkup | None:
    """One button per open item, once the meeting has started."""
    if minutes.meeting.starts_at > now_ts or not minutes.open_items:
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
    meeting = await meetings.by_number(db, caller.chat_id, number)
    if meeting is None:
        await call.reply(call.t("meetings.not_found", number=number))
        return
    if meeting.cancelled:
        await call.reply(call.t("meetings.is_cancelled", number=number))
        return
    if meeting.starts_at > caller.now.timestamp():
        await call.reply(call.t("minutes.not_started", number=number))
        return
    minutes = await minutes_service.gather(db, meeting)
    data = await asyncio.to_thread(word_document, minutes, caller.tz, caller.lang)
    await call.context.bot.send_document(
        caller.chat_id,
        document=InputFile(io.BytesIO(data), filename=f"notulen-rapat-{meeting.number}.docx"),
        caption=call.t("minutes.caption", number=meeting.number, title=meeting.title),
    )
    await call.reply(
        minutes_service.message(minutes, tz=caller.tz, lang=caller.lang, now=caller.now),
        carry_markup(minutes, caller.lang, caller.now.timestamp()),
    )


def word_document(minutes: minutes_service.Minutes, tz: str, lang: str) -> bytes:
    """The .docx of the minutes. python-docx (and lxml) is imported here, on the first
    /notulen and in a worker thread, rather than at start-up for every process."""
    from bot.text import minutes_docx

    return minutes_docx.document(minutes, tz=tz, lang=lang)


async def carry_button(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """``mtg:c:<agenda item>``: carry an undiscussed item over; untrusted input."""
    query = update.callback_query
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    db = runtime.database
    match = _CALLBACK.match(query.data or "")
    item = await agenda.get(db, int(match.group(1))) if match else None
    meeting: Meeting | None = (
        await meetings.get(db, item.meeting_id) if item and item.meeting_id else None
    )
    if (
        item is None
        or meeting is None
        or caller.group is None
        or item.group_id != caller.chat_id
        or meeting.group_id != caller.chat_id
        or meeting.cancelled
        or meeting.starts_at > caller.now.timestamp()
    ):
        await query.answer(t(caller.lang, "meetings.stale_button"), show_alert=True)
        return
    if not caller.may(MINUTES.role):
        await query.answer(t(caller.lang, "minutes.carry_not_allowed"), show_alert=True)
        return
    now = int(caller.now.timestamp())
    following = await meetings.next_ahead(db, caller.chat_id, max(now, meeting.starts_at))
    copy = await agenda.carry_over(
        db, item.id, next_meeting_id=following.id if following else None, now=now
    )
    if copy is None:
        await query.answer(
            t(caller.lang, "minutes.already_carried", number=item.number), show_alert=True
        )
        return
    await query.answer(
        t(caller.lang, "minutes.carried", number=item.number, new=copy.number)
        if following is None
        else t(
            caller.lang,
            "minutes.carried_to",
            number=item.number,
            new=copy.number,
            meeting=following.number,
        )
    )
    minutes = await minutes_service.gather(db, meeting)
    try:
        await query.edit_message_text(
            minutes_service.message(minutes, tz=caller.tz, lang=caller.lang, now=caller.now),
            reply_markup=carry_markup(minutes, caller.lang, caller.now.timestamp()),
        )
    except BadRequest as exc:
        logger.info("minutes of meeting %s not redrawn: %s", meeting.id, exc)
