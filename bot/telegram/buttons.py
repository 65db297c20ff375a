"""Inline keyboards as Telegram wants them, from the plain buttons services and the outbox use."""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

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
