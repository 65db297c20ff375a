"""Commands: their names in both languages, who may use them, and the handler wrapper.

Every feature registers its commands with :func:`add_command`; the same registry feeds
``/bantuan`` and the command menus set with Telegram at start-up, so help never lists a
command that does not exist.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import CommandHandler, filters

from bot.runtime import App, Context, Runtime, runtime_of
from bot.telegram.access import Caller, resolve
from bot.text.i18n import t
from bot.text.render import split_html

logger = logging.getLogger(__name__)

Where = Literal["group", "private", "any"]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    """The Indonesian name (``umumkan``); the English alias works everywhere too."""
    alias: str
    role: str = "pengamat"
    """The least role that may use it: pengamat (everyone), anggota or koordinator."""
    where: Where = "group"
    needs_registration: bool = True
    """In a group: refuse until the group was registered with /mulai."""

    def shown(self, lang: str) -> str:
        return self.alias if lang == "en" else self.name


@dataclass(slots=True)
class Call:
    """One command as a handler sees it: who asked, what they wrote, and how to answer."""

    update: Update
    context: Context
    runtime: Runtime
    caller: Caller
    args: str

    def t(self, key: str, /, **params: object) -> str:
        return t(self.caller.lang, key, **params)

    async def require(self, role: str, command: str) -> bool:
        """True when the caller has ``role``; else explains the refusal and returns False."""
        if self.caller.may(role):
            return True
        await self.reply(refusal_text(self.caller, "access.role_required", command, role))
        return False

    async def reply(self, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
        """Answer in the chat (split when too long); the buttons go with the last part."""
        return await send(self.context, self.caller.chat_id, text, markup)


async def send(
    context: Context,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message:
    parts = split_html(text)
    for part in parts[:-1]:
        await context.bot.send_message(chat_id, part)
    return await context.bot.send_message(chat_id, parts[-1], reply_markup=markup)


async def edit_post(
    context: Context,
    chat_id: int,
    message_id: int | None,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> bool:
    """Edit one of the bot's posts in place (a record corrected or withdrawn); False when it
    could not be (no post known, deleted, too long, or refused), which is logged."""
    if message_id is None:
        return False
    try:
        await context.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=markup
        )
    except TelegramError as exc:
        logger.info("post %s in chat %s not edited: %s", message_id, chat_id, exc)
        return False
    return True


Handler = Callable[[Call], Awaitable[None]]


_NUMBER = re.compile(r"^#?(\d{1,9})$")
_MEETING_REF = re.compile(r"^(#\d{1,9})(?:\s+|$)")


def record_number(text: str) -> int | None:
    """A record id as users write it: ``12`` or ``#12``; None for anything else."""
    match = _NUMBER.match(text.strip())
    return int(match.group(1)) if match else None


def split_meeting_ref(args: str) -> tuple[int | None, str]:
    """A meeting named before the text (``/agenda #3 teks``, ``/putuskan #3 teks``):
    ``#3 teks`` → (3, 'teks'); ``teks`` → (None, 'teks')."""
    match = _MEETING_REF.match(args)
    if match is None:
        return None, args.strip()
    return record_number(match.group(1)), args[match.end() :].strip()


def command_args(message: Message | None) -> str:
    """The text after ``/command`` (line breaks kept)."""
    text = (message.text or message.caption or "") if message else ""
    parts = text.split(None, 1)
    return parts[1].strip() if len(parts) > 1 else ""


def add_command(app: App, spec: CommandSpec, handler: Handler) -> None:
    """Register ``handler`` for ``/name`` and ``/alias`` behind the chat and role checks."""

    async def callback(update: Update, context: Context) -> None:
        runtime = runtime_of(context)
        caller = await resolve(update, context, runtime)
        refusal = refusal_of(spec, caller)
        if refusal:
            text = refusal_text(caller, refusal, "/" + spec.shown(caller.lang), spec.role)
            await send(context, caller.chat_id, text)
            return
        call = Call(update, context, runtime, caller, command_args(update.effective_message))
        await handler(call)

    # New messages only: editing an old /umumkan must not announce it a second time.
    app.add_handler(
        CommandHandler([spec.name, spec.alias], callback, filters=filters.UpdateType.MESSAGE)
    )
    app.bot_data.commands.append(spec)


def refusal_of(spec: CommandSpec, caller: Caller) -> str | None:
    """The catalog key that explains why ``caller`` may not use ``spec`` here, or None."""
    if spec.where == "group" and not caller.is_group:
        return "access.group_only"
    if spec.where == "private" and caller.is_group:
        return "access.private_only"
    if caller.is_group and spec.needs_registration and caller.group is None:
        return "access.not_registered"
    if caller.is_group and not caller.may(spec.role):
        # Before registration nobody has a role yet: only the group's admins can help.
        return "access.role_required" if caller.group else "access.admins_only"
    return None


def refusal_text(caller: Caller, key: str, command: str, role: str) -> str:
    """The refusal ``key`` for ``command`` (as the user wrote it) that needs ``role``."""
    return t(
        caller.lang,
        key,
        command=command,
        role=t(caller.lang, f"common.role.{role}"),
        your_role=t(caller.lang, f"common.role.{caller.role}"),
        start="/" + ("start" if caller.lang == "en" else "mulai"),
    )


def registered(runtime: Runtime) -> Sequence[CommandSpec]:
    """Every command registered so far, in registration order."""
    return tuple(runtime.commands)
