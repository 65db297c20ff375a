"""Groups: the gate every update passes, /mulai, /bahasa, and the bot joining a group."""

from __future__ import annotations

import logging

from telegram import ChatMemberUpdated, Message, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    ChatMemberHandler,
    TypeHandler,
)

from bot.domain.timewords import format_when, zone_from_name, zone_label
from bot.runtime import App, Context, Runtime, runtime_of
from bot.services import groups as groups_service
from bot.services import members
from bot.telegram.access import is_group_chat, update_time
from bot.telegram.commands import Call, CommandSpec, add_command
from bot.text.i18n import LANGUAGES, t

logger = logging.getLogger(__name__)

START = CommandSpec("mulai", "start", role="koordinator", where="any", needs_registration=False)
LANGUAGE = CommandSpec("bahasa", "language", role="koordinator")
TIMEZONE = CommandSpec("zona", "timezone", role="koordinator")


def register(app: App) -> None:
    app.add_handler(TypeHandler(Update, gate), group=-1)
    app.add_handler(ChatMemberHandler(bot_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    add_command(app, START, start)
    add_command(app, LANGUAGE, language)
    add_command(app, TIMEZONE, timezone)


async def gate(update: Update, context: Context) -> None:
    """Refuse groups the settings do not allow (once, then leave); remember the names of the
    people the bot sees, and that whoever wrote a message in a registered group is in it."""
    runtime = runtime_of(context)
    chat = update.effective_chat
    if chat is None:  # nothing in a chat: inline queries, polls (Rakor asks for none of these)
        return
    now = update_time(update, runtime)
    message = update.effective_message
    if message is not None and (message.migrate_to_chat_id or message.migrate_from_chat_id):
        await migrated(runtime, message, int(now.timestamp()))
        raise ApplicationHandlerStop
    allowed = runtime.settings.allowed_chats
    if is_group_chat(chat) and not await groups_service.allowed(runtime.database, chat.id, allowed):
        if await groups_service.refuse_once(runtime.database, chat.id, now):
            logger.warning("refusing chat %s: not in RAKOR_ALLOWED_CHATS", chat.id)
            text = t(runtime.settings.language, "access.refused_group", chat_id=chat.id)
            try:
                await context.bot.send_message(chat.id, text)
                await context.bot.leave_chat(chat.id)
            except TelegramError as exc:
                logger.warning("could not refuse chat %s: %s", chat.id, exc)
        raise ApplicationHandlerStop
    user = update.effective_user
    if user is None or user.is_bot:
        return
    if not is_group_chat(chat):
        await members.remember(
            runtime.database,
            user_id=user.id,
            full_name=user.full_name,
            username=user.username,
            now=now,
        )
        return
    # Only a message someone wrote in the group shows they are in it: a join request, a
    # reaction or a button press (possible in a public group) never makes anyone a member.
    wrote = update.message
    wrote_at = None
    if (
        wrote is not None
        and wrote.from_user is not None
        and wrote.from_user.id == user.id
        and wrote.left_chat_member is None
    ):
        wrote_at = wrote.date
    context.seen_in_group = await members.seen_in(
        runtime.database,
        user_id=user.id,
        full_name=user.full_name,
        username=user.username,
        group_id=chat.id,
        wrote_at=wrote_at,
        now=now,
    )


async def migrated(runtime: Runtime, message: Message, now: int) -> None:
    """Telegram upgraded an allowed group to a supergroup (a message in each: one names the new
    id, the other the old one, in no fixed order): the group moves with everything it has."""
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    else:
        old, new = message.migrate_from_chat_id or 0, message.chat.id
    if await groups_service.allowed(runtime.database, old, runtime.settings.allowed_chats):
        await groups_service.migrate(runtime.database, old, new, now)


async def bot_membership(update: Update, context: Context) -> None:
    """Greet an allowed group the bot was just added to, with the one step to take."""
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None or not is_group_chat(change.chat):
        return
    joined = change.new_chat_member.status in (
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.ADMINISTRATOR,
    )
    was_out = change.old_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    runtime = runtime_of(context)
    if joined and was_out and await groups_service.get(runtime.database, change.chat.id) is None:
        await context.bot.send_message(
            change.chat.id, t(runtime.settings.language, "groups.added_hint")
        )


async def start(call: Call) -> None:
    caller = call.caller
    if not caller.is_group:
        name = call.update.effective_user.first_name if call.update.effective_user else ""
        await call.reply(
            call.t("groups.private_greeting", name=name) + "\n\n" + call.t("help.hint")
        )
        return
    runtime = call.runtime
    chat = call.update.effective_chat
    group, created = await groups_service.register(
        runtime.database,
        chat_id=caller.chat_id,
        title=(chat.title if chat else None) or str(caller.chat_id),
        timezone=runtime.settings.timezone,
        language=runtime.settings.language,
        by=caller.user_id,
        now=caller.now,
    )
    key = "groups.registered" if created else "groups.already_registered"
    await call.reply(t(group.language, key, title=group.title))


async def language(call: Call) -> None:
    choice = call.args.strip().lower()
    if choice not in LANGUAGES:
        await call.reply(call.t("groups.language_usage"))
        return
    await groups_service.set_language(call.runtime.database, call.caller.chat_id, choice)
    await call.reply(t(choice, "groups.language_set"))


async def timezone(call: Call) -> None:
    zone = zone_from_name(call.args.strip()) if call.args.strip() else None
    if zone is None:
        await call.reply(call.t("zone.usage"))
        return
    await groups_service.set_timezone(call.runtime.database, call.caller.chat_id, zone)
    label = zone_label(zone)
    shown = label if label == zone else f"{label} ({zone})"
    now = format_when(call.caller.now, zone, call.caller.lang)
    await call.reply(call.t("zone.set", zone=shown, now=now))
