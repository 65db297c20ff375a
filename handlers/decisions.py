"""/putuskan, ``#keputusan`` and /keputusan: recording decisions and reading them back."""

from __future__ import annotations

import re

from telegram import Message, Update

from bot.domain.cleantext import excerpt
from bot.domain.timewords import format_when, from_epoch
from bot.runtime import App, Context, runtime_of
from bot.services import Database
from bot.services import decisions as service
from bot.services import meetings as meeting_service
from bot.telegram.access import Caller
from bot.telegram.commands import (
    Call,
    CommandSpec,
    add_command,
    record_number,
    send,
    split_meeting_ref,
)
from bot.telegram.hashtags import add_hashtag, tagged
from bot.text import meeting_text
from bot.text.i18n import Safe, t, too_long
from bot.text.meeting_text import local_time
from bot.text.record_posts import decision_post, edited_mark, withdrawn_notice
from bot.text.render import LISTED

DECIDE = CommandSpec("putuskan", "decide", role="koordinator")
DECISIONS = CommandSpec("keputusan", "decisions")

HASHTAG_GROUP = 3
_HASHTAG = re.compile(r"(?i)(^|\s)#keputusan\b")


def register(app: App) -> None:
    add_command(app, DECIDE, decide)
    add_command(app, DECISIONS, show_decisions)
    add_hashtag(app, _HASHTAG, hashtag, HASHTAG_GROUP)


def _message_text(message: Message | None) -> str:
    return (message.text or message.caption or "").strip() if message else ""


async def decide(call: Call) -> None:
    """``/putuskan teks``, ``/putuskan #N teks``, or either without text as a reply."""
    message = call.update.effective_message
    replied = message.reply_to_message if message else None
    number, text = split_meeting_ref(call.args)
    text = text or _message_text(replied)
    source = replied.message_id if replied else (message.message_id if message else None)
    db = call.runtime.database
    reply, decision = await record(db, call.caller, number, text, source, call.update.update_id)
    posted = await call.reply(reply)
    if decision is not None:
        await service.posted(db, decision, posted.message_id)


async def hashtag(update: Update, context: Context) -> None:
    """A koordinator's group message with ``#keputusan`` records it as a decision."""
    message = await tagged(update, context, pattern=_HASHTAG, tag="#keputusan", role=DECIDE.role)
    if message is None:
        return
    db = runtime_of(context).database
    number, text = split_meeting_ref(message.text)
    reply, decision = await record(
        db, message.caller, number, text, message.message_id, update.update_id
    )
    posted = await send(context, message.caller.chat_id, reply)
    if decision is not None:
        await service.posted(db, decision, posted.message_id)


async def record(
    db: Database,
    caller: Caller,
    number: int | None,
    text: str,
    source_message_id: int | None,
    origin: int,
) -> tuple[str, service.Decision | None]:
    """Store the decision (once per update ``origin``) of meeting ``number``, else of the
    meeting under way, about to begin or ended today; the reply text says which, and the
    decision it posts."""
    try:
        recorded = await service.record(
            db,
            group_id=caller.chat_id,
            meeting_number=number,
            author_id=caller.user_id or caller.chat_id,
            author_name=caller.full_name,
            unit_id=caller.member.unit_id if caller.member else None,
            text=text,
            source_message_id=source_message_id,
            now=caller.now,
            origin=origin,
        )
    except service.EmptyDecision:
        return t(caller.lang, "decisions.usage"), None
    except service.TooLong as exc:
        return too_long(caller.lang, "decisions.too_long", exc), None
    except service.MeetingInputError as exc:
        return t(caller.lang, exc.key, **exc.params), None
    decision, meeting = recorded.decision, recorded.meeting
    how = ""
    if meeting is not None and recorded.link in ("soon", "ended"):
        at = meeting.starts_at if recorded.link == "soon" else meeting_service.ended_at(meeting)
        how = t(
            caller.lang, f"decisions.link.{recorded.link}", **local_time(at, caller.tz, caller.lang)
        )
    elif meeting is not None and recorded.link == "open":
        how = t(caller.lang, "decisions.link.open")
    return decision_post(decision, caller.lang, Safe(how)), decision


async def show_decisions(call: Call) -> None:
    if call.args:
        number = record_number(call.args)
        if number is None:
            await call.reply(call.t("decisions.show_usage"))
            return
        await show_one(call, number)
        return
    db = call.runtime.database
    recent = await service.recent(db, call.caller.chat_id)
    if not recent:
        await call.reply(call.t("decisions.list_empty"))
        return
    lines = [call.t("decisions.list_header", count=len(recent))]
    for decision in recent:
        lines.append(
            call.t(
                "decisions.list_item",
                number=decision.number,
                date=format_when(from_epoch(decision.created_at), call.caller.tz, call.caller.lang),
                meeting=call.t("decisions.meeting_ref", meeting=decision.meeting_number)
                if decision.meeting_number
                else "",
                text=excerpt(decision.text, LISTED),
            )
        )
    await call.reply("\n\n".join(lines))


async def show_one(call: Call, number: int) -> None:
    db = call.runtime.database
    caller = call.caller
    decision = await service.by_number(db, caller.chat_id, number)
    if decision is None:
        await call.reply(call.t("decisions.not_found", number=number))
        return
    if decision.withdrawn_at is not None:
        notice = withdrawn_notice(
            "decision",
            number,
            decision.withdrawn_by_name,
            decision.withdrawn_at,
            caller.tz,
            caller.lang,
        )
        await call.reply(notice)
        return
    lines = [
        call.t(
            "decisions.detail_title",
            number=decision.number,
            edited=edited_mark(decision.edited, caller.lang),
        ),
        decision_text(decision.text, caller.lang),
        "",
        call.t(
            "decisions.detail_by",
            name=decision.author_name,
            unit=f" ({decision.unit_code})" if decision.unit_code else "",
            when=format_when(from_epoch(decision.created_at), caller.tz, caller.lang),
        ),
    ]
    meeting = await service.meeting_of(db, decision)
    if meeting is None:
        lines.append(call.t("decisions.detail_no_meeting"))
    else:
        lines.append(
            call.t(
                "decisions.detail_meeting",
                meeting=meeting.number,
                title=meeting.title,
                when=meeting_text.when_text(meeting, caller.tz, caller.lang),
                place=meeting.place,
            )
        )
    for earlier in await service.edits(db, decision):
        lines.append(
            call.t(
                "decisions.detail_edit",
                name=earlier.user_name,
                when=format_when(from_epoch(earlier.at), caller.tz, caller.lang),
                text=earlier.text,
            )
        )
    await call.reply("\n".join(lines))


def decision_text(text: str, lang: str) -> str:
    return t(lang, "decisions.body", text=text)
