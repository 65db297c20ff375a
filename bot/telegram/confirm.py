"""The Ya/Batal press on a confirmation question (``<prefix>:y|n:<confirmation>``), shared by
every command that asks before acting (withdrawing a record, archiving a unit)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from telegram import CallbackQuery, Message, Update
from telegram.error import TelegramError

from bot.runtime import Context, runtime_of
from bot.services import confirmations
from bot.services.confirmations import Confirmation
from bot.telegram.access import Caller, resolve
from bot.telegram.buttons import pressed, pressed_html
from bot.text.i18n import t

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Answer:
    """A press on a live confirmation question of this chat."""

    query: CallbackQuery
    caller: Caller
    confirmation: Confirmation
    yes: bool


def data_pattern(prefix: str) -> re.Pattern[str]:
    """The whole callback data of a Ya (``y``) or Batal (``n``) button."""
    return re.compile(re.escape(prefix) + r":([yn]):(\d{1,18})")


async def answer_of(
    update: Update, context: Context, *, pattern: re.Pattern[str], action: str
) -> Answer | None:
    """The press as an :class:`Answer`; None after telling the presser why it does nothing
    (stale, answered, or expired — an expired question loses its buttons)."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    match = pattern.fullmatch(query.data or "")
    message = query.message if isinstance(query.message, Message) else None
    found = (
        await confirmations.pressed(
            runtime.database,
            int(match.group(2)),
            actions=(action,),
            chat_id=caller.chat_id,
            message_id=message.message_id if message else None,
            now=caller.now,
        )
        if match
        else "stale"
    )
    if isinstance(found, str):
        await refused(query, caller.lang, found)
        return None
    return Answer(query, caller, found, yes=match is not None and match.group(1) == "y")


async def refused(query: CallbackQuery, lang: str, reason: confirmations.Refused) -> None:
    """Tell why the press does nothing; an expired question loses its buttons."""
    await query.answer(t(lang, f"confirm.{reason}"), show_alert=True)
    if reason == "expired":
        await close(query, pressed_html(query) + "\n\n" + t(lang, "confirm.expired_note"))


async def close(query: CallbackQuery, text: str) -> None:
    """The question without its buttons, saying how it ended."""
    try:
        await query.edit_message_text(text or "…", reply_markup=None)
    except TelegramError as exc:
        logger.info("confirmation question not closed: %s", exc)
