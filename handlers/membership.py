"""Who is in a group, from Telegram's own word: people joining, leaving, removed or banned.

Telegram reports a change twice, in no guaranteed order: as a service message
(``new_chat_members``, ``left_chat_member``) and, when the bot is an administrator, as a
``chat_member`` update (which also reports bans and restrictions that post no message). Each is
applied with its date; an older event never undoes a later one (``storage.people.membership``).
"""

from __future__ import annotations

from telegram import ChatMemberUpdated, Update
from telegram.ext import ChatMemberHandler, MessageHandler, filters

from bot.runtime import App, Context, runtime_of
from bot.services import groups, members
from bot.telegram.access import is_group_chat, is_in


def register(app: App) -> None:
    app.add_handler(ChatMemberHandler(member_changed, ChatMemberHandler.CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.NEW_CHAT_MEMBERS, members_joined))
    app.add_handler(MessageHandler(filters.StatusUpdate.LEFT_CHAT_MEMBER, member_left))


async def member_changed(update: Update, context: Context) -> None:
    change: ChatMemberUpdated | None = update.chat_member
    if change is None or not is_group_chat(change.chat):
        return
    runtime = runtime_of(context)
    db = runtime.database
    if await groups.get(db, change.chat.id) is None:
        return
    user = change.new_chat_member.user
    if user.is_bot:
        return
    if is_in(change.new_chat_member):
        await members.present(db, change.chat.id, user.id, change.date)
    else:
        await members.gone(db, change.chat.id, user.id, change.date)


async def members_joined(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not message.new_chat_members:
        return
    runtime = runtime_of(context)
    db = runtime.database
    if await groups.get(db, message.chat_id) is None:
        return
    for user in message.new_chat_members:
        if not user.is_bot:
            await members.remember(
                db,
                user_id=user.id,
                full_name=user.full_name,
                username=user.username,
                now=message.date,
            )
            await members.present(db, message.chat_id, user.id, message.date)


async def member_left(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.left_chat_member is None:
        return
    runtime = runtime_of(context)
    if await groups.get(runtime.database, message.chat_id) is None:
        return
    await members.gone(runtime.database, message.chat_id, message.left_chat_member.id, message.date)
