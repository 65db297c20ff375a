"""The meeting in the room: ``/rapat mulai``, ``/rapat selesai``, ``/rapat notulis`` and
``/rapat N`` (dispatched by ``handlers.meetings``), ``/hadir``, and the *Hadir di rapat*
button of the daftar hadir.

The daftar hadir is posted by the outbox (``jobs.meeting_attendance`` at the start time, or
the claim ``/rapat mulai`` makes) and edited here in place, at most once every
:data:`EDIT_INTERVAL` seconds while units press.
"""

from __future__ import annotations

import logging
import re

from telegram import ReplyParameters, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import CallbackQueryHandler

from bot.runtime import App, Bot, Context, Runtime, runtime_of
from bot.services import meetings as meeting_service
from bot.services import members, room
from bot.services import minutes as minutes_service
from bot.services.meetings import Meeting, MeetingInputError
from bot.telegram.access import resolve
from bot.telegram.buttons import bound, markup_of, pressed, refuse
from bot.telegram.commands import Call, CommandSpec, add_command, record_number
from bot.telegram.throttle import EditThrottle, spawner
from bot.text import attendance_text, meeting_detail
from bot.text.i18n import Safe, escape, t
from bot.text.meeting_text import local_time

logger = logging.getLogger(__name__)

PRESENT = CommandSpec("hadir", "present", role="koordinator")

EDIT_INTERVAL = 5.0
"""Seconds between two edits of one daftar hadir (a group allows 20 messages a minute)."""

_CALLBACK = re.compile(re.escape(attendance_text.CALLBACK_PREFIX) + r"(\d{1,18})")


def install(app: App) -> None:
    """``/hadir``, the *Hadir di rapat* button and the throttle of the daftar hadir edits."""
    app.bot_data.attendance_edits = EditThrottle(EDIT_INTERVAL, spawn=spawner(app, "list-edit"))
    add_command(app, PRESENT, present_command)
    app.add_handler(CallbackQueryHandler(press_button, pattern=r"^mtg:a:"))


def throttle_of(app: App) -> EditThrottle:
    """The throttle of the daftar hadir edits (tests shorten its ``interval``)."""
    return app.bot_data.attendance_edits


def _number(args: str) -> int | None:
    """``mulai 3`` → 3."""
    words = args.split()
    return record_number(words[1]) if len(words) == 2 else None


async def _find(call: Call, number: int) -> Meeting | None:
    """Meeting ``number`` of the group, not cancelled; None after explaining."""
    try:
        return await meeting_service.find(call.runtime.database, call.caller.chat_id, number)
    except MeetingInputError as exc:
        await call.reply(call.t(exc.key, **exc.params))
        return None


async def start(call: Call) -> Meeting | None:
    """``/rapat mulai N``: the koordinator opens the meeting and chairs it (their unit is
    present); its daftar hadir is posted now unless it was already. The meeting, or None."""
    number = _number(call.args)
    if number is None:
        await call.reply(call.t("meetings.start_usage"))
        return None
    meeting = await _find(call, number)
    if meeting is None:
        return None
    caller, db = call.caller, call.runtime.database
    try:
        room.check_openable(meeting, caller.now, caller.tz)
        unit_id = caller.member.unit_id if caller.member else None
        if unit_id is not None and caller.user_id is not None:
            await room.press(
                db,
                meeting,
                unit_id=unit_id,
                user_id=caller.user_id,
                full_name=caller.full_name,
                now=caller.now,
            )
        records = await room.records(db, meeting)
        opened = await room.open_room(
            db,
            meeting,
            chair_id=caller.user_id or caller.chat_id,
            chair_name=caller.full_name,
            message=attendance_text.list_post(meeting, records, tz=caller.tz, lang=caller.lang),
            now=caller.now,
            tz=caller.tz,
            wake=call.runtime.dispatcher.wake,
        )
    except MeetingInputError as exc:
        await call.reply(call.t(exc.key, **exc.params))
        return None
    meeting = opened.meeting
    params = {"number": meeting.number, "title": meeting.title, "chair": meeting.chair_name}
    posted = None if opened.posted else await room.list_message(db, meeting)
    if opened.posted:
        await call.reply(call.t("meetings.opened", **params))
    elif posted is None:
        await call.reply(call.t("meetings.opened_soon", **params))
    else:
        await call.context.bot.send_message(
            caller.chat_id,
            call.t("meetings.already_open", **params),
            reply_parameters=ReplyParameters(posted[1], allow_sending_without_reply=True),
        )
        await request_refresh(call.context.bot, call.runtime, meeting, caller.lang, caller.tz)
    return meeting


async def close(call: Call) -> Meeting | None:
    """``/rapat selesai N``: the meeting closes now, and its daftar hadir with it."""
    number = _number(call.args)
    if number is None:
        await call.reply(call.t("meetings.end_usage"))
        return None
    meeting = await _find(call, number)
    if meeting is None:
        return None
    caller, db = call.caller, call.runtime.database
    try:
        closed = await room.close_room(db, meeting, caller.now, call.runtime.dispatcher.wake)
    except MeetingInputError as exc:
        await call.reply(call.t(exc.key, **exc.params))
        return None
    records = await room.records(db, closed)
    assert closed.closed_at is not None  # noqa: S101 - just closed
    await call.reply(
        call.t(
            "meetings.closed",
            number=closed.number,
            title=closed.title,
            present=sum(1 for unit in records if unit.present),
            total=len(records),
            **local_time(closed.closed_at, caller.tz, caller.lang),
        )
    )
    await request_refresh(call.context.bot, call.runtime, closed, caller.lang, caller.tz)
    return closed


async def notetaker(call: Call) -> Meeting | None:
    """``/rapat notulis N @username`` (or ``/rapat notulis N`` as a reply): the notulis, who
    signs the minutes beside the chair."""
    words = call.args.split()
    number = record_number(words[1]) if len(words) in (2, 3) else None
    message = call.update.effective_message
    replied = message.reply_to_message if message else None
    target = replied.from_user if replied and len(words) == 2 else None
    username = words[2] if len(words) == 3 and words[2].startswith("@") else None
    if number is None or (username is None and (target is None or target.is_bot)):
        await call.reply(call.t("meetings.notetaker_usage"))
        return None
    caller, db = call.caller, call.runtime.database
    if username is not None:
        user_id = await members.find_user(db, username[1:])
        member = await members.get(db, caller.chat_id, user_id) if user_id else None
        if member is None:
            await call.reply(call.t("meetings.notetaker_unknown", username=username))
            return None
        person = (member.user_id, member.full_name)
    else:
        assert target is not None  # noqa: S101 - checked above
        person = (target.id, target.full_name)
    meeting = await _find(call, number)
    if meeting is None:
        return None
    try:
        named = await room.name_notetaker(db, meeting, *person)
    except MeetingInputError as exc:
        await call.reply(call.t(exc.key, **exc.params))
        return None
    await call.reply(call.t("meetings.notetaker_set", number=named.number, name=person[1]))
    return named


async def show(call: Call, number: int) -> None:
    """``/rapat N``: the meeting in full (anyone in the group)."""
    db, caller = call.runtime.database, call.caller
    meeting = await meeting_service.by_number(db, caller.chat_id, number)
    if meeting is None:
        await call.reply(call.t("meetings.not_found", number=number))
        return
    so_far = await meeting_service.attendance(db, meeting)
    minutes = await minutes_service.gather(db, meeting)
    await call.reply(
        meeting_detail.detail(
            meeting,
            answers=so_far.answers,
            units=so_far.units,
            records=minutes.attendance,
            items=list(minutes.items),
            decisions=minutes.decisions,
            begun=room.has_begun(meeting, caller.now),
            tz=caller.tz,
            lang=caller.lang,
        )
    )


# --- /hadir -------------------------------------------------------------------------------------


async def present_command(call: Call) -> None:
    """``/hadir N KODE [KODE …]`` marks units present; ``/hadir N -KODE`` takes one off."""
    words = call.args.replace(",", " ").split()
    number = record_number(words[0]) if words else None
    codes = [word for word in words[1:] if word.lstrip("-")]
    if number is None or not codes:
        await call.reply(call.t("attendance.usage"))
        return
    meeting = await _find(call, number)
    if meeting is None:
        return
    caller, db = call.caller, call.runtime.database
    if not room.has_begun(meeting, caller.now):
        await call.reply(call.t("meetings.not_begun", number=number))
        return
    outcome: dict[str, list[str]] = {
        key: [] for key in ("marked", "already", "removed", "not_listed", "unknown")
    }
    for code in codes:
        unit = await members.find_unit(db, caller.chat_id, code.lstrip("-"))
        if unit is None:
            outcome["unknown"].append(code.lstrip("-"))
        elif code.startswith("-"):
            removed = await room.unmark(db, meeting, unit)
            outcome["removed" if removed else "not_listed"].append(unit.code)
        else:
            marked = await room.mark(
                db,
                meeting,
                unit,
                by_id=caller.user_id or caller.chat_id,
                by_name=caller.full_name,
                now=caller.now,
            )
            outcome["marked" if marked else "already"].append(unit.code)
    lines = [
        call.t(f"attendance.{key}", number=number, units=", ".join(dict.fromkeys(units)))
        for key, units in outcome.items()
        if units and key != "unknown"
    ]
    if outcome["unknown"]:
        known = ", ".join(unit.code for unit in await members.list_units(db, caller.chat_id))
        lines.append(
            call.t(
                "attendance.unknown_units",
                codes=", ".join(outcome["unknown"]),
                known=Safe(escape(known) or call.t("units.no_codes")),
                number=number,
            )
        )
    await call.reply("\n".join(lines))
    if outcome["marked"] or outcome["removed"]:
        await request_refresh(call.context.bot, call.runtime, meeting, caller.lang, caller.tz)


# --- the daftar hadir post ------------------------------------------------------------------


async def press_button(update: Update, context: Context) -> None:
    """``mtg:a:<firing>``: *Hadir di rapat* on a daftar hadir; untrusted input."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    lang = caller.lang
    match = _CALLBACK.fullmatch(query.data or "")
    found = await room.list_post(runtime.database, int(match.group(1))) if match else None
    if found is None or caller.group is None or found[0].group_id != caller.chat_id:
        await query.answer(t(lang, "meetings.stale_button"), show_alert=True)
        return
    meeting, message_id = found
    if not bound(query, [message_id]):
        await refuse(query, lang)
        return
    if not room.takes_presses(meeting):
        await query.answer(t(lang, "attendance.closed", number=meeting.number), show_alert=True)
        return
    if not caller.may("anggota") or caller.user_id is None:
        await query.answer(t(lang, "attendance.observer"), show_alert=True)
        return
    member = caller.member
    if member is None or member.unit_id is None:
        await query.answer(t(lang, "attendance.no_unit"), show_alert=True)
        return
    presence, new = await room.press(
        runtime.database,
        meeting,
        unit_id=member.unit_id,
        user_id=caller.user_id,
        full_name=caller.full_name,
        now=caller.now,
    )
    params = {"unit": presence.unit_code, **local_time(presence.at, caller.tz, lang)}
    await query.answer(
        t(lang, "attendance.pressed" if new else "attendance.pressed_again", **params)
    )
    if new:
        await request_refresh(context.bot, runtime, meeting, lang, caller.tz)


async def request_refresh(bot: Bot, runtime: Runtime, meeting: Meeting, lang: str, tz: str) -> None:
    """Have the meeting's daftar hadir show the current state (throttled per meeting)."""

    async def edit() -> None:
        await refresh_list(bot, runtime, meeting.id, lang, tz)

    await runtime.attendance_edits.request(meeting.id, edit)


async def refresh_list(bot: Bot, runtime: Runtime, meeting_id: int, lang: str, tz: str) -> None:
    """Edit the daftar hadir post to the meeting's state now (present units, closed,
    cancelled); nothing before it is posted."""
    db = runtime.database
    meeting = await meeting_service.get(db, meeting_id)
    posted = await room.list_message(db, meeting) if meeting else None
    if meeting is None or posted is None:
        return
    firing_id, message_id = posted
    records = await room.records(db, meeting)
    post = attendance_text.list_post(meeting, records, tz=tz, lang=lang, firing_id=firing_id)
    try:
        await bot.edit_message_text(
            post.text,
            chat_id=meeting.group_id,
            message_id=message_id,
            reply_markup=markup_of(post.buttons),
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            logger.warning("daftar hadir of meeting %s not edited: %s", meeting.id, exc)
    except TelegramError as exc:
        logger.warning("daftar hadir of meeting %s not edited: %s", meeting.id, exc)
