"""The Diterima button: one acknowledgement per unit, the progress edited in place (throttled)."""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import CallbackQueryHandler

from bot.runtime import App, Bot, Context, Runtime, runtime_of
from bot.services import announcements as service
from bot.services.announcements import Announcement, Progress
from bot.telegram.access import resolve
from bot.telegram.buttons import markup_of, pressed, refuse
from bot.telegram.throttle import EditThrottle, spawner
from bot.text.announcement_texts import ack_buttons
from bot.text.i18n import t

logger = logging.getLogger(__name__)


EDIT_INTERVAL = 3.0
"""Seconds between two edits of one announcement's button (Telegram limits edits per group)."""

_CALLBACK = re.compile(r"ann:a:(\d{1,18})")


def install(app: App) -> None:
    """The button's handler and the edit throttle of this application."""
    app.bot_data.announcement_edits = EditThrottle(
        EDIT_INTERVAL, spawn=spawner(app, "announcement-edit")
    )
    app.add_handler(CallbackQueryHandler(button, pattern=r"^ann:"))


def throttle_of(app: App) -> EditThrottle:
    """The throttle of the announcement buttons (tests shorten its ``interval``)."""
    return app.bot_data.announcement_edits


def ack_markup(lang: str, announcement_id: int, progress: Progress | None) -> InlineKeyboardMarkup:
    """The Diterima button; with ``progress`` it shows how many units acknowledged."""
    markup = markup_of(ack_buttons(lang, announcement_id, progress))
    assert markup is not None  # noqa: S101 - ack_buttons always has the button
    return markup


async def button(update: Update, context: Context) -> None:
    """``ann:a:<announcement id>``: untrusted; acknowledges for the presser's unit."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    lang = caller.lang
    match = _CALLBACK.fullmatch(query.data or "")
    announcement = await service.get(runtime.database, int(match.group(1))) if match else None
    if announcement is None or caller.group is None or announcement.group_id != caller.chat_id:
        await query.answer(t(lang, "announcements.stale_button"), show_alert=True)
        return
    on = query.message.message_id if query.message else None
    if on is None or not await service.carries_button(runtime.database, announcement, on):
        await refuse(query, lang)
        return
    if not caller.may("anggota"):
        await query.answer(t(lang, "announcements.ack_observer"), show_alert=True)
        return
    member = caller.member
    if member is None or member.unit_id is None or caller.user_id is None:
        await query.answer(t(lang, "announcements.ack_no_unit"), show_alert=True)
        return
    ack = await service.acknowledge(
        runtime.database,
        announcement,
        unit_id=member.unit_id,
        user_id=caller.user_id,
        now=caller.now,
    )
    params = {"code": member.unit_code or "", "number": announcement.number}
    if ack.status == "withdrawn":
        await query.answer(t(lang, "announcements.ack_withdrawn", **params), show_alert=True)
        return
    if ack.status == "not_for_unit":
        await query.answer(t(lang, "announcements.ack_not_for_unit", **params), show_alert=True)
        return
    if ack.status == "already":
        await query.answer(
            t(lang, "announcements.ack_already", name=ack.by_name or "", **params), show_alert=True
        )
        return
    await query.answer(t(lang, "announcements.ack_stored", **params))
    bot = context.bot

    async def edit() -> None:
        await refresh_button(bot, runtime, announcement, lang)

    await runtime.announcement_edits.request(announcement.id, edit)


async def refresh_button(bot: Bot, runtime: Runtime, announcement: Announcement, lang: str) -> None:
    """Show the current count on the announcement's post (read now, so it is never stale; a
    withdrawn announcement's post keeps no button)."""
    current = await service.get(runtime.database, announcement.id)
    if current is None or current.message_id is None or current.withdrawn_at is not None:
        return
    announcement = current
    progress = await service.progress(runtime.database, announcement)
    try:
        await bot.edit_message_reply_markup(
            announcement.group_id,
            announcement.message_id,
            reply_markup=ack_markup(lang, announcement.id, progress),
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            logger.warning("could not update announcement %s: %s", announcement.id, exc)
    except TelegramError as exc:
        logger.warning("could not update announcement %s: %s", announcement.id, exc)
