"""Inline keyboards as Telegram wants them, from the plain buttons services and the outbox use."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

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
