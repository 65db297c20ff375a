"""Messages that act through a hashtag (``#agenda``, ``#keputusan``): who wrote them, whether
they may, and the text with the tag taken out."""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.runtime import App, Context, runtime_of
from bot.telegram.access import Caller, resolve
from bot.telegram.commands import refusal_text, send


def add_hashtag(
    app: App,
    pattern: re.Pattern[str] | str,
    callback: Callable[[Update, Context], Coroutine[Any, Any, None]],
    group: int,
) -> None:
    """Handle new group messages (text or caption, not commands) that match ``pattern``.

    Each hashtag gets its own handler ``group``: python-telegram-bot runs only the first
    matching handler of a group, and one message may carry several hashtags.
    """
    tagged = filters.Regex(pattern) | filters.CaptionRegex(pattern)
    app.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.UpdateType.MESSAGE & ~filters.COMMAND & tagged,
            callback,
        ),
        group=group,
    )


@dataclass(frozen=True, slots=True)
class Tagged:
    caller: Caller
    text: str
    """The message without the hashtag, spaces collapsed (may be empty)."""
    message_id: int | None


async def tagged(
    update: Update,
    context: Context,
    *,
    pattern: re.Pattern[str],
    tag: str,
    role: str,
) -> Tagged | None:
    """The tagged message when its sender may use ``tag``; else None, after telling a sender
    who lacks the role why (an unregistered group is ignored)."""
    caller = await resolve(update, context, runtime_of(context))
    if caller.group is None:
        return None
    if not caller.may(role):
        await send(context, caller.chat_id, refusal_text(caller, "access.role_required", tag, role))
        return None
    message = update.effective_message
    written = (message.text or message.caption or "") if message else ""
    text = " ".join(pattern.sub(" ", written).split())
    return Tagged(caller, text, message.message_id if message else None)
