"""/rapat: scheduling, listing, showing, moving and cancelling meetings; RSVP buttons. Opening,
closing and the notulis are ``handlers.meeting_room``'s, with ``/hadir``."""

from __future__ import annotations

import io
import logging
import re
from dataclasses import replace
from datetime import datetime

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler

from bot.domain.timeparse import TimeParseError
from bot.runtime import App, Context, runtime_of
from bot.services import Database
from bot.services import groups as groups_service
from bot.services import meetings as service
from bot.services.meetings import Meeting, MeetingInputError, MeetingSettings
from bot.telegram.access import resolve
from bot.telegram.buttons import bound, pressed, refuse
from bot.telegram.commands import Call, CommandSpec, add_command, record_number
from bot.text import invitation, meeting_text
from bot.text.i18n import t
from handlers import meeting_room

logger = logging.getLogger(__name__)


MEETING = CommandSpec("rapat", "meeting")

_MOVE_WORDS = ("ubah", "move", "change")
_CANCEL_WORDS = ("batal", "cancel")
_SETTINGS_WORDS = ("pengingat", "reminders")
_START_WORDS = ("mulai", "start")
_END_WORDS = ("selesai", "end")
_NOTETAKER_WORDS = ("notulis", "notetaker")
_SUBCOMMAND_WORDS = (
    *_MOVE_WORDS,
    *_CANCEL_WORDS,
    *_SETTINGS_WORDS,
    *_START_WORDS,
    *_END_WORDS,
    *_NOTETAKER_WORDS,
)
_OFF_WORDS = ("mati", "off")
_CALLBACK = re.compile(r"mtg:r:(\d{1,18}):([htw])")
_ANSWER_OF = {"h": "hadir", "t": "tidak", "w": "wakil"}


def register(app: App) -> None:
    add_command(app, MEETING, meeting_command)
    app.add_handler(CallbackQueryHandler(rsvp_button, pattern=r"^mtg:r:"))
    meeting_room.install(app)


async def meeting_command(call: Call) -> None:
    if not call.args:
        await list_meetings(call)
        return
    number = record_number(call.args)
    if number is not None:
        await meeting_room.show(call, number)
        return
    verb = call.args.split(None, 1)[0].lower()
    if not await call.require("koordinator", f"/{MEETING.shown(call.caller.lang)}"):
        return
    # A subcommand word means the subcommand, so "/rapat ubah 1.5 | … | …" answers with the
    # usage and never schedules a meeting titled "ubah 1.5"; only a title in words (three
    # fields, "Ubah status aset | besok jam 9 | Aula") may start with one.
    if verb in _SUBCOMMAND_WORDS and _titled(call.args):
        await create(call)
    elif verb in _MOVE_WORDS:
        await move(call)
    elif verb in _CANCEL_WORDS:
        await cancel(call)
    elif verb in _SETTINGS_WORDS:
        await reminder_settings(call)
    elif verb in (*_START_WORDS, *_END_WORDS, *_NOTETAKER_WORDS):
        run = (
            meeting_room.start
            if verb in _START_WORDS
            else meeting_room.close
            if verb in _END_WORDS
            else meeting_room.notetaker
        )
        changed = await run(call)
        if changed is not None:  # the chair, the notulis or the end shows on the card
            await refresh_card(call.context, changed, call.caller.lang, call.caller.tz)
    elif "|" in call.args:
        await create(call)
    else:
        await call.reply(call.t("meetings.usage"))


def _titled(args: str) -> bool:
    """``Ubah status aset | besok jam 9 | Aula``: a meeting's three fields whose title only
    starts with a subcommand word, followed by a word (not an id, not a single letter)."""
    fields = service.split_fields(args)
    words = fields[0].split()
    return len(fields) == 3 and len(words) > 1 and words[1].isalpha() and len(words[1]) > 2


async def create(call: Call) -> None:
    caller = call.caller
    try:
        meeting, created = await service.schedule(
            call.runtime.database,
            group_id=caller.chat_id,
            args=call.args,
            chair_id=caller.user_id or caller.chat_id,
            chair_name=caller.full_name,
            now=caller.now,
            tz=caller.tz,
            lang=caller.lang,
            wake=call.runtime.dispatcher.wake,
            origin=call.update.update_id,
        )
    except (TimeParseError, MeetingInputError) as exc:
        await call.reply(refusal(exc, caller.lang, "meetings.example"))
        return
    if not created and meeting.message_id is not None:
        # The command is handled again after a restart: the meeting was posted already.
        await call.context.bot.send_message(
            caller.chat_id,
            call.t("meetings.already_posted", number=meeting.number),
            reply_parameters=ReplyParameters(meeting.message_id, allow_sending_without_reply=True),
        )
        return
    message = await call.reply(
        await render_card(call.runtime.database, meeting, caller.lang, caller.tz),
        rsvp_markup(meeting, caller.lang),
    )
    await service.posted(call.runtime.database, meeting.id, message.message_id)
    meeting = replace(meeting, message_id=message.message_id)
    await send_invitation(call.context, meeting, caller.lang, caller.now)


def refusal(exc: TimeParseError | MeetingInputError, lang: str, example_key: str) -> str:
    """A refused time or field, followed by the right form."""
    if isinstance(exc, TimeParseError):
        return exc.render(lang, example_key)
    text = t(lang, exc.key, **exc.params)
    return text if exc.key.endswith("usage") else text + "\n" + t(lang, example_key)


async def list_meetings(call: Call) -> None:
    db = call.runtime.database
    caller = call.caller
    ahead = await service.upcoming(db, caller.chat_id, caller.now)
    if not ahead:
        await call.reply(call.t("meetings.list_empty"))
        return
    lines = [call.t("meetings.list_header", count=len(ahead))]
    for meeting in ahead:
        answers = (await service.attendance(db, meeting)).answers
        items = await service.agenda_of(db, meeting.id)
        lines.append(
            meeting_text.list_item(meeting, answers, len(items), tz=caller.tz, lang=caller.lang)
        )
    await call.reply("\n\n".join(lines))


async def _target(call: Call, usage_key: str, head: str) -> Meeting | None:
    """The open meeting named in ``head`` (``ubah 3``), or None after explaining."""
    parts = head.split(None, 1)
    number = record_number(parts[1]) if len(parts) == 2 else None
    if number is None:
        await call.reply(call.t(usage_key))
        return None
    try:
        return await service.find_open(
            call.runtime.database, call.caller.chat_id, number, call.caller.now
        )
    except MeetingInputError as exc:
        await call.reply(call.t(exc.key, **exc.params))
        return None


async def move(call: Call) -> None:
    fields = service.split_fields(call.args)
    if len(fields) not in (2, 3) or not fields[1]:
        await call.reply(call.t("meetings.move_usage"))
        return
    meeting = await _target(call, "meetings.move_usage", fields[0])
    if meeting is None:
        return
    caller = call.caller
    try:
        moved = await service.move(
            call.runtime.database,
            meeting,
            phrase=fields[1],
            place=fields[2] if len(fields) == 3 else None,
            now=caller.now,
            lang=caller.lang,
            wake=call.runtime.dispatcher.wake,
        )
    except (TimeParseError, MeetingInputError) as exc:
        await call.reply(refusal(exc, caller.lang, "meetings.move_example"))
        return
    before = meeting_text.when_text(meeting, caller.tz, caller.lang)
    await announce_change(call, moved, "meetings.moved", before=before, place=moved.place)


async def cancel(call: Call) -> None:
    meeting = await _target(call, "meetings.cancel_usage", call.args)
    if meeting is None:
        return
    caller = call.caller
    cancelled = await service.cancel(
        call.runtime.database, meeting, caller.now, call.runtime.dispatcher.wake
    )
    if cancelled is None:
        await call.reply(call.t("meetings.is_cancelled", number=meeting.number))
        return
    extra = ""
    if cancelled.moved:
        items = ", ".join(f"#{number}" for number in cancelled.moved)
        target = cancelled.moved_to
        extra = (
            call.t("meetings.cancel_agenda_waiting", items=items)
            if target is None
            else call.t(
                "meetings.cancel_agenda_moved",
                items=items,
                meeting=target.number,
                when=meeting_text.when_text(target, caller.tz, caller.lang),
            )
        )
    await announce_change(call, cancelled.meeting, "meetings.cancelled", extra=extra)
    if cancelled.meeting.opened_at is not None:
        await meeting_room.request_refresh(
            call.context.bot, call.runtime, cancelled.meeting, caller.lang, caller.tz
        )


async def announce_change(
    call: Call, meeting: Meeting, key: str, *, extra: str = "", **params: object
) -> None:
    """Tell the group (``extra``: a line more), redraw the meeting's post, send the updated
    .ics."""
    caller = call.caller
    when = meeting_text.when_text(meeting, caller.tz, caller.lang)
    text = call.t(key, number=meeting.number, title=meeting.title, when=when, **params)
    await call.reply(text + ("\n" + extra if extra else ""))
    await refresh_card(call.context, meeting, caller.lang, caller.tz)
    await send_invitation(call.context, meeting, caller.lang, caller.now)


async def reminder_settings(call: Call) -> None:
    """``/rapat pengingat`` shows them; ``/rapat pengingat 16.00 60`` (or ``mati``) sets them."""
    db = call.runtime.database
    words = call.args.split()[1:]
    current = await service.reminder_settings(db, call.caller.chat_id)
    if words:
        parsed = _parse_settings(words, current)
        if parsed is None:
            await call.reply(call.t("meetings.settings_usage"))
            return
        current = parsed
        await service.save_reminder_settings(db, call.caller.chat_id, current)
    off = call.t("meetings.settings_off")
    day = current.day_before_minute
    await call.reply(
        call.t(
            "meetings.settings",
            day_before=off if day is None else f"{day // 60:02d}.{day % 60:02d}",
            hour_before=off if current.hour_before_min is None else current.hour_before_min,
        )
    )


def _parse_settings(words: list[str], current: MeetingSettings) -> MeetingSettings | None:
    if len(words) != 2:
        return None
    day_word, minutes_word = (word.lower() for word in words)
    day = None if day_word in _OFF_WORDS else service.parse_clock(day_word)
    if day is None and day_word not in _OFF_WORDS:
        return None
    if minutes_word in _OFF_WORDS:
        minutes = None
    elif minutes_word.isdigit() and 1 <= int(minutes_word) <= 1440:
        minutes = int(minutes_word)
    else:
        return None
    return MeetingSettings(day, minutes, current.duration_min)


# --- the card, the invitation and the RSVP buttons ---------------------------------------------


def rsvp_markup(meeting: Meeting, lang: str) -> InlineKeyboardMarkup | None:
    if meeting.cancelled or meeting.closed:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t(lang, f"meetings.answer.{answer}"),
                    callback_data=f"mtg:r:{meeting.id}:{code}",
                )
                for code, answer in _ANSWER_OF.items()
            ]
        ]
    )


async def render_card(db: Database, meeting: Meeting, lang: str, tz: str) -> str:
    so_far = await service.attendance(db, meeting)
    return meeting_text.card(meeting, so_far.answers, so_far.units, tz=tz, lang=lang)


async def refresh_card(context: Context, meeting: Meeting, lang: str, tz: str) -> None:
    """Edit the meeting's post to its current state (time, attendance, cancelled)."""
    if meeting.message_id is None:
        return
    text = await render_card(runtime_of(context).database, meeting, lang, tz)
    try:
        await context.bot.edit_message_text(
            text,
            chat_id=meeting.group_id,
            message_id=meeting.message_id,
            reply_markup=rsvp_markup(meeting, lang),
        )
    except BadRequest as exc:  # deleted, unchanged, or refused
        _log_failed_edit(meeting, exc, "")


async def send_invitation(context: Context, meeting: Meeting, lang: str, now: datetime) -> None:
    """The .ics file (an update or a cancellation once the meeting changed)."""
    group = await groups_service.get(runtime_of(context).database, meeting.group_id)
    data = invitation.invitation(
        meeting, group_title=group.title if group else "", lang=lang, now=now
    )
    key = "meetings.ics_cancel_caption" if meeting.cancelled else "meetings.ics_caption"
    await context.bot.send_document(
        meeting.group_id,
        document=InputFile(io.BytesIO(data), filename=invitation.filename(meeting, lang)),
        caption=t(lang, key, number=meeting.number),
        reply_parameters=(
            ReplyParameters(meeting.message_id, allow_sending_without_reply=True)
            if meeting.message_id
            else None
        ),
    )


async def rsvp_button(update: Update, context: Context) -> None:
    """``mtg:r:<meeting>:<h|t|w>``: a person's answer; untrusted input."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    db = runtime.database
    match = _CALLBACK.fullmatch(query.data or "")
    meeting = await service.get(db, int(match.group(1))) if match else None
    if meeting is not None and not bound(query, [meeting.message_id or 0]):
        await refuse(query, caller.lang)
        return
    if (
        match is None
        or meeting is None
        or caller.group is None
        or meeting.group_id != caller.chat_id
        or meeting.cancelled
        or meeting.closed
        or meeting.ends_at <= caller.now.timestamp()
    ):
        await query.answer(t(caller.lang, "meetings.stale_button"), show_alert=True)
        return
    if not caller.may("anggota") or caller.user_id is None:
        await query.answer(t(caller.lang, "meetings.rsvp_not_allowed"), show_alert=True)
        return
    answer = _ANSWER_OF[match.group(2)]
    label = t(caller.lang, f"meetings.answer.{answer}")
    changed = await service.answer(
        db,
        meeting,
        user_id=caller.user_id,
        full_name=caller.full_name,
        unit_id=caller.member.unit_id if caller.member else None,
        answer=answer,
        now=caller.now,
    )
    if not changed:
        await query.answer(t(caller.lang, "meetings.rsvp_same", answer=label))
        return
    await query.answer(t(caller.lang, "meetings.rsvp_saved", answer=label))
    text = await render_card(db, meeting, caller.lang, caller.tz)
    try:
        await query.edit_message_text(text, reply_markup=rsvp_markup(meeting, caller.lang))
    except BadRequest as exc:
        _log_failed_edit(meeting, exc, " after an RSVP")


def _log_failed_edit(meeting: Meeting, exc: BadRequest, when: str) -> None:
    """An unchanged card is nothing to report; any other refusal leaves the card stale."""
    if "not modified" in str(exc).lower():
        logger.info("meeting %s: card unchanged%s", meeting.id, when)
    else:
        logger.warning("meeting %s: card not edited%s: %s", meeting.id, when, exc)
