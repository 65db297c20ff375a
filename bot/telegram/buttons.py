"""Inline keyboards as Telegram wants them, from the plain buttons services and the outbox use."""

from __future__ import annotations

from collections.abc import Collection

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.text.i18n import t
from storage.firings import Keyboard


def markup_of(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    """The inline keyboard of ``keyboard``; None when it has no buttons."""
    if not keyboard:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(button.label, callback_data=button.data) for button in row]
            for row in keyboard
        ]
    )


def pressed(update: Update) -> CallbackQuery:
    """The button press of an update a ``CallbackQueryHandler`` handles."""
    if update.callback_query is None:
        raise ValueError("the update is not a button press")
    return update.callback_query


def pressed_html(query: CallbackQuery) -> str:
    """The HTML of the message a button was pressed on ('' when Telegram no longer shows it:
    older than 48 hours)."""
    message = query.message
    return message.text_html if isinstance(message, Message) and message.text else ""


def bound(query: CallbackQuery, posts: Collection[int] | None = None) -> bool:
    """True when the press may act on the record its data names: the pressed message is one
    of the record's own ``posts`` (message ids in the record's chat) when they are known;
    otherwise the data must be one of the buttons Telegram shows on the pressed message (so
    a forged press, naming data of another message, never acts; a message too old for
    Telegram to show, over 48 hours, cannot be checked and does not act)."""
    message = query.message
    if message is None:
        return False
    if posts is not None:
        return message.message_id in posts
    if isinstance(message, Message) and message.reply_markup is not None:
        keyboard = message.reply_markup.inline_keyboard
        return any(button.callback_data == query.data for row in keyboard for button in row)
    return False


async def refuse(query: CallbackQuery, lang: str) -> None:
    """Answer a press that may not act: "tombol ini tidak berlaku"; nothing changes."""
    await query.answer(t(lang, "common.button_invalid"), show_alert=True)
