"""/agenda and ``#agenda``: proposing agenda items for a meeting and listing the agenda."""

from __future__ import annotations

import re

from telegram import Update

from bot.runtime import App, Context, runtime_of
from bot.services import Database
from bot.services import agenda as service
from bot.services import meetings as meeting_service
from bot.telegram.access import Caller
from bot.telegram.commands import (
    Call,
    CommandSpec,
    add_command,
    send,
    split_meeting_ref,
)
from bot.telegram.hashtags import add_hashtag, tagged
from bot.text import meeting_text
from bot.text.i18n import t, too_long
from bot.text.record_posts import agenda_post

AGENDA = CommandSpec("agenda", "agenda", role="anggota")

HASHTAG_GROUP = 2
_HASHTAG = re.compile(r"(?i)(^|\s)#agenda\b")


def register(app: App) -> None:
    add_command(app, AGENDA, agenda_command)
    add_hashtag(app, _HASHTAG, hashtag, HASHTAG_GROUP)


async def agenda_command(call: Call) -> None:
    number, text = split_meeting_ref(call.args)
    if not text:
        await list_agenda(call, number)
        return
    db = call.runtime.database
    reply, item = await add_item(db, call.caller, number, text, call.update.update_id)
    posted = await call.reply(reply)
    if item is not None:
        await service.posted(db, item, posted.message_id)


async def hashtag(update: Update, context: Context) -> None:
    """A group message with ``#agenda``: the message (without the tag) is an agenda item."""
    message = await tagged(update, context, pattern=_HASHTAG, tag="#agenda", role=AGENDA.role)
    if message is None:
        return
    caller = message.caller
    number, text = split_meeting_ref(message.text)
    if not text:
        await send(context, caller.chat_id, t(caller.lang, "agenda.usage"))
        return
    db = runtime_of(context).database
    reply, item = await add_item(db, caller, number, text, update.update_id)
    posted = await send(context, caller.chat_id, reply)
    if item is not None:
        await service.posted(db, item, posted.message_id)


async def add_item(
    db: Database, caller: Caller, number: int | None, text: str, origin: int
) -> tuple[str, service.AgendaItem | None]:
    """Add ``text`` to the meeting (once per update ``origin``); the reply, which names the
    item ``Agenda #N``, and the item it posts."""
    try:
        added = await service.add(
            db,
            group_id=caller.chat_id,
            meeting_number=number,
            unit_id=caller.member.unit_id if caller.member else None,
            author_id=caller.user_id or caller.chat_id,
            author_name=caller.full_name,
            text=text,
            now=caller.now,
            origin=origin,
        )
    except service.TooLong as exc:
        return too_long(caller.lang, "agenda.too_long", exc), None
    except service.NoMeeting:
        return t(caller.lang, "agenda.no_meeting"), None
    except service.MeetingInputError as exc:
        return t(caller.lang, exc.key, **exc.params), None
    return agenda_post(added.item, caller.lang), added.item


async def list_agenda(call: Call, number: int | None) -> None:
    db = call.runtime.database
    caller = call.caller
    if number is not None:
        meeting = await meeting_service.by_number(db, caller.chat_id, number)
        if meeting is None:
            await call.reply(call.t("meetings.not_found", number=number))
            return
    else:
        meeting = await meeting_service.next_ahead(db, caller.chat_id, caller.now)
    if meeting is None:
        waiting = await service.waiting(db, caller.chat_id)
        lines = [call.t("agenda.no_meeting")]
        if waiting:
            lines += ["", call.t("agenda.waiting_header")]
            lines += meeting_text.agenda_lines(waiting, caller.lang)
        await call.reply("\n".join(lines))
        return
    items = await service.for_meeting(db, meeting.id)
    lines = [
        call.t("agenda.header", number=meeting.number, title=meeting.title),
        call.t("meetings.card_when", when=meeting_text.when_text(meeting, caller.tz, caller.lang)),
        "",
    ]
    lines += meeting_text.agenda_lines(items, caller.lang) or [call.t("agenda.empty")]
    await call.reply("\n".join(lines))
