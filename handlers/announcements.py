"""/umumkan (also as a reply, and #pengumuman from a koordinator), /pengumuman and /belum."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Message, ReplyParameters, Update
from telegram.error import TelegramError

from bot.domain.cleantext import excerpt
from bot.domain.timeparse import TimeParseError
from bot.domain.timewords import clock, format_when
from bot.runtime import App, Context, Runtime, runtime_of
from bot.services import announcements as service
from bot.services import members
from bot.telegram.access import Caller, resolve
from bot.telegram.commands import Call, CommandSpec, add_command, record_number, refusal_text, send
from bot.telegram.hashtags import add_hashtag
from bot.text.announcement_texts import post, unit_note
from bot.text.i18n import Safe, t, too_long
from bot.text.record_posts import edited_mark, withdrawn_notice
from handlers import announcement_acks

logger = logging.getLogger(__name__)


ANNOUNCE = CommandSpec("umumkan", "announce", role="koordinator")
LIST = CommandSpec("pengumuman", "announcements")
PENDING = CommandSpec("belum", "pending")

HASHTAG_GROUP = 1
"""The handler group of the #pengumuman handler (hashtag handlers each have their own)."""
_HASHTAG = r"(?i)(^|\s)#pengumuman\b"
_TIME_WORDS = ("time", "waktu")
_SETTING_WORDS = ("jam", *_TIME_WORDS)
"""The first word of ``/pengumuman jam 08.30``: any other argument just shows the list."""
LISTED = 10
EXCERPT = 80


def register(app: App) -> None:
    add_command(app, ANNOUNCE, announce)
    add_command(app, LIST, list_announcements)
    add_command(app, PENDING, pending)
    add_hashtag(app, _HASHTAG, hashtag, HASHTAG_GROUP)
    announcement_acks.install(app)


async def announce(call: Call) -> None:
    """``/umumkan teks``, or ``/umumkan`` replying to the message to announce."""
    caller = call.caller
    message = call.update.effective_message
    replied = _replied(message)
    if call.args or replied is None:
        author = await _author_of(call.runtime, caller, message)
        await publish(
            call.context,
            call.runtime,
            caller,
            author,
            call.args,
            message,
            "usage",
            call.update.update_id,
        )
        return
    text = replied.text or replied.caption or ""
    if not text.strip():
        await call.reply(call.t("announcements.reply_without_text"))
        return
    author = await _author_of(call.runtime, caller, replied)
    await publish(
        call.context, call.runtime, caller, author, text, replied, "usage", call.update.update_id
    )


async def hashtag(update: Update, context: Context) -> None:
    """A message with ``#pengumuman``: an announcement when a koordinator wrote it."""
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    message = update.effective_message
    if caller.group is None or message is None:
        return
    if not caller.may("koordinator"):
        refusal = refusal_text(caller, "access.role_required", "#pengumuman", "koordinator")
        await send(context, caller.chat_id, refusal)
        return
    text = service.strip_hashtag(message.text or message.caption or "")
    author = await _author_of(runtime, caller, message)
    await publish(
        context, runtime, caller, author, text, message, "hashtag_usage", update.update_id
    )


async def publish(
    context: Context,
    runtime: Runtime,
    caller: Caller,
    author: service.Author,
    text: str,
    source: Message | None,
    usage_key: str,
    update_id: int,
) -> None:
    """Record the announcement, post it with the Diterima button, pin it when allowed."""
    lang = caller.lang
    try:
        announcement, created = await service.create(
            runtime.database,
            group_id=caller.chat_id,
            author=author,
            text=text,
            source_message_id=source.message_id if source else None,
            now=caller.now,
            tz=caller.tz,
            wake=runtime.dispatcher.wake,
            origin=update_id,
        )
    except service.EmptyAnnouncement:
        await send(context, caller.chat_id, t(lang, f"announcements.{usage_key}"))
        return
    except service.TooLong as exc:
        await send(context, caller.chat_id, too_long(lang, "announcements.too_long", exc))
        return
    if not created and announcement.message_id is not None:
        # The command is handled again after a restart: it was posted already.
        await context.bot.send_message(
            caller.chat_id,
            t(lang, "announcements.already_posted", number=announcement.number),
            reply_parameters=ReplyParameters(
                announcement.message_id, allow_sending_without_reply=True
            ),
        )
        return
    progress = await service.progress(runtime.database, announcement)
    markup = announcement_acks.ack_markup(lang, announcement.id, progress)
    posted = await send(context, caller.chat_id, post(announcement, lang), markup)
    await service.posted(runtime.database, announcement, posted.message_id)
    await _pin(context, caller.chat_id, posted.message_id)


async def list_announcements(call: Call) -> None:
    """Recent announcements with their counts; ``/pengumuman jam 08.30`` sets the follow-up;
    anything else (``/pengumuman 1``) is answered with the usage."""
    if call.args and call.args.split()[0].lower() in _SETTING_WORDS:
        await set_followup_time(call)
        return
    if call.args:
        await call.reply(call.t("announcements.list_usage"))
        return
    db = call.runtime.database
    listed = await service.recent(db, call.caller.chat_id, LISTED)
    if not listed:
        await call.reply(call.t("announcements.list_empty"))
        return
    lines = [call.t("announcements.list_header")]
    for entry in listed:
        announcement, progress = entry.announcement, entry.progress
        earlier = (
            call.t("announcements.list_earlier", count=progress.earlier) if progress.earlier else ""
        )
        lines.append(
            call.t(
                "announcements.list_item",
                number=announcement.number,
                edited=edited_mark(announcement.edited, call.caller.lang),
                date=_when(announcement.created_at, call.caller),
                acked=progress.acked,
                total=progress.total,
                earlier=Safe(earlier),
                text=excerpt(announcement.text, EXCERPT),
            )
        )
    minute = await service.followup_minute(db, call.caller.chat_id)
    lines.append(
        call.t("announcements.list_footer", time=clock(*divmod(minute, 60), call.caller.lang))
    )
    await call.reply("\n\n".join(lines))


async def set_followup_time(call: Call) -> None:
    command = f"/{LIST.shown(call.caller.lang)} {call.args.split()[0]}"
    if not await call.require("koordinator", command):
        return
    phrase = call.args
    first, _, rest = phrase.partition(" ")
    if first.lower() in _TIME_WORDS:
        phrase = rest
    caller = call.caller
    try:
        minute = service.parse_followup_time(phrase, caller.now, caller.tz, caller.lang)
    except TimeParseError as exc:
        await call.reply(exc.render(caller.lang, "announcements.followup_time_example"))
        return
    if minute is None:
        await call.reply(call.t("announcements.followup_time_usage"))
        return
    await service.set_followup_minute(call.runtime.database, caller.chat_id, minute)
    await call.reply(
        call.t("announcements.followup_time_set", time=clock(*divmod(minute, 60), caller.lang))
    )


async def pending(call: Call) -> None:
    """``/belum N``: the units that have not acknowledged announcement N."""
    number = record_number(call.args)
    if number is None:
        await call.reply(call.t("announcements.pending_usage"))
        return
    db = call.runtime.database
    announcement = await service.by_number(db, call.caller.chat_id, number)
    if announcement is None:
        await call.reply(call.t("announcements.not_found", number=number))
        return
    caller = call.caller
    if announcement.withdrawn_at is not None:
        notice = withdrawn_notice(
            "announcement",
            number,
            announcement.withdrawn_by_name,
            announcement.withdrawn_at,
            caller.tz,
            caller.lang,
        )
        await call.reply(notice)
        return
    progress = await service.progress(db, announcement)
    missing = await service.missing_units(db, announcement)
    if not missing:
        await call.reply(call.t("announcements.pending_none", number=number, total=progress.total))
        return
    header = (
        "announcements.pending_header_edited"
        if announcement.edited
        else "announcements.pending_header"
    )
    lines = [call.t(header, number=number, count=len(missing), total=progress.total)]
    lines += [
        call.t(
            "announcements.pending_item",
            code=entry.unit.code,
            name=entry.unit.name,
            note=unit_note(entry, caller.lang),
        )
        for entry in missing
    ]
    await call.reply("\n".join(lines))


def _when(seconds: int, caller: Caller) -> str:
    return format_when(datetime.fromtimestamp(seconds, UTC), caller.tz, caller.lang)


def _replied(message: Message | None) -> Message | None:
    """The message a command replies to (not a forum topic's opening message)."""
    replied = message.reply_to_message if message else None
    if replied is None or replied.forum_topic_created is not None:
        return None
    return replied


async def _author_of(runtime: Runtime, caller: Caller, message: Message | None) -> service.Author:
    """Who wrote ``message`` (a person with their unit in this group, or a chat writing as
    itself: an anonymous admin, a linked channel)."""
    if message is not None and message.sender_chat is not None:
        chat = message.sender_chat
        return service.Author(chat.id, chat.title or caller.full_name, None)
    user = message.from_user if message is not None else None
    if user is None:
        return service.Author(caller.user_id or caller.chat_id, caller.full_name, None)
    member = await members.get(runtime.database, caller.chat_id, user.id)
    return service.Author(user.id, user.full_name, member.unit_id if member else None)


async def _pin(context: Context, chat_id: int, message_id: int) -> None:
    """Pin the post when the bot may; when it may not, carry on without a word."""
    try:
        await context.bot.pin_chat_message(chat_id, message_id, disable_notification=True)
    except TelegramError as exc:
        logger.info("announcement %s in chat %s not pinned: %s", message_id, chat_id, exc)
