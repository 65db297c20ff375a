"""Who is asking: the chat, the person, their unit, role and language, for one update."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram import Chat, ChatMember, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.runtime import Context, Runtime
from bot.services import groups as groups_service
from bot.services import members
from bot.services.groups import Group
from bot.services.members import Member
from bot.text.i18n import normalize_language

logger = logging.getLogger(__name__)

GROUP_CHATS = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})
ROLE_RANK = {"pengamat": 0, "anggota": 1, "koordinator": 2}


@dataclass(frozen=True, slots=True)
class Caller:
    chat_id: int
    is_group: bool
    user_id: int | None
    full_name: str
    group: Group | None
    """The registered group of this chat (None in a private chat or an unregistered group)."""
    member: Member | None
    role: str
    lang: str
    tz: str
    now: datetime

    def may(self, role: str) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


def is_group_chat(chat: Chat | None) -> bool:
    return chat is not None and chat.type in GROUP_CHATS


def update_time(update: Update, runtime: Runtime) -> datetime:
    """The time a message was written (Telegram's clock), else the runtime clock."""
    message = update.effective_message
    if message is not None and update.callback_query is None and message.date is not None:
        return message.date
    return runtime.now()


async def resolve(update: Update, context: Context, runtime: Runtime) -> Caller:
    chat = update.effective_chat
    user = update.effective_user
    if chat is None:
        raise ValueError("an update without a chat has no caller")
    db = runtime.database
    now = update_time(update, runtime)
    is_group = is_group_chat(chat)
    group: Group | None = None
    member: Member | None = None
    if is_group and user:
        seen, context.seen_in_group = context.seen_in_group, None
        group, member = seen or await members.group_and_member(db, chat.id, user.id)
    elif is_group:
        group = await groups_service.get(db, chat.id)
    role = "anggota"
    if is_group:
        if _sent_as_the_group(update) or (
            user and user.id in await _admins(context, runtime, chat.id)
        ):
            role = "koordinator"
        elif member is not None:
            role = member.role
    if group is not None:
        lang, tz = group.language, group.timezone
    elif is_group:
        lang, tz = runtime.settings.language, runtime.settings.timezone
    else:
        lang = normalize_language(user.language_code if user else None)
        tz = runtime.settings.timezone
    return Caller(
        chat_id=chat.id,
        is_group=is_group,
        user_id=user.id if user else None,
        full_name=user.full_name if user else (chat.title or ""),
        group=group,
        member=member,
        role=role,
        lang=lang,
        tz=tz,
        now=now,
    )


async def chat_locale(runtime: Runtime, chat_id: int) -> tuple[str, str]:
    """(language, time zone) of a chat when nobody in it is asking (scheduled messages,
    errors): the registered group's, else the settings' defaults."""
    return await groups_service.locale(runtime.database, chat_id, runtime.default_locale)


def _sent_as_the_group(update: Update) -> bool:
    """Anonymous administrators write as the group itself."""
    message = update.effective_message
    chat = update.effective_chat
    return bool(message and chat and message.sender_chat and message.sender_chat.id == chat.id)


async def _admins(context: Context, runtime: Runtime, chat_id: int) -> frozenset[int]:
    """The chat's Telegram administrators, asked of Telegram and cached briefly."""
    cached = runtime.admin_cache.get(chat_id)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    try:
        admins = await context.bot.get_chat_administrators(chat_id)
    except TelegramError as exc:
        logger.warning("could not list the administrators of chat %s: %s", chat_id, exc)
        return cached[1] if cached else frozenset()
    ids = frozenset(admin.user.id for admin in admins)
    runtime.admin_cache[chat_id] = (time.monotonic() + runtime.settings.admin_cache_seconds, ids)
    return ids


IN_GROUP = frozenset(
    {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}
)
CONFIRM_AFTER = timedelta(minutes=5)
"""A membership not heard of for this long is asked of Telegram before a private search."""
ANSWER_KEPT = 120.0
"""Seconds Telegram's answer about one person in one group is kept (paging asks again)."""


async def still_members(
    context: Context, runtime: Runtime, user_id: int, group_ids: list[int], now: datetime
) -> list[int]:
    """Those of ``group_ids`` the user is in, by Telegram's word where the stored one is older
    than :data:`CONFIRM_AFTER`: someone removed while the bot could not see it (no admin
    rights for member updates) loses access at the next private search. When Telegram cannot
    be asked, the stored state stands."""
    kept = []
    for group_id in group_ids:
        known = await members.last_known(runtime.database, group_id, user_id)
        fresh = known is not None and now - known <= CONFIRM_AFTER
        if fresh or await _telegram_says_member(context, runtime, group_id, user_id, now):
            kept.append(group_id)
    return kept


def is_in(member: ChatMember) -> bool:
    """Whether Telegram counts the person as in the group (a restricted member may be)."""
    if member.status == ChatMemberStatus.RESTRICTED:
        return bool(getattr(member, "is_member", False))
    return member.status in IN_GROUP


async def _telegram_says_member(
    context: Context, runtime: Runtime, group_id: int, user_id: int, now: datetime
) -> bool:
    cached = runtime.membership_answers.get((group_id, user_id))
    if cached and cached[0] > time.monotonic():
        return cached[1]
    try:
        member = await context.bot.get_chat_member(group_id, user_id)
    except TelegramError as exc:
        logger.warning("could not ask whether %s is in chat %s: %s", user_id, group_id, exc)
        return True
    is_member = is_in(member)
    runtime.membership_answers[(group_id, user_id)] = (time.monotonic() + ANSWER_KEPT, is_member)
    if is_member:
        await members.confirmed(runtime.database, group_id, user_id, now)
    else:
        await members.gone(runtime.database, group_id, user_id, now)
    return is_member
