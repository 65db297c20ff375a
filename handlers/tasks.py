"""/tugas, /progres, /selesai and evidence sent as a reply to a task's post."""

from __future__ import annotations

import logging
import re

from telegram import Message, ReplyParameters, Update
from telegram.ext import MessageHandler, filters

from bot.domain.timeparse import TimeParseError
from bot.domain.timewords import DAYS, clock, format_when, from_epoch
from bot.runtime import App, Context, runtime_of
from bot.services import meetings as meeting_service
from bot.services import members
from bot.services import tasks as service
from bot.services.seeds import pokja
from bot.services.tasks import Evidence, Task, TaskEvent
from bot.telegram.access import resolve
from bot.telegram.commands import Call, CommandSpec, add_command, record_number, send
from bot.text.i18n import Safe, escape, t
from bot.text.task_texts import due_text, mentions_line, overdue_mark, status_text

logger = logging.getLogger(__name__)

TASK = CommandSpec("tugas", "task")
PROGRESS = CommandSpec("progres", "progress", role="anggota")
DONE = CommandSpec("selesai", "done", role="anggota")

_BLOCKED = re.compile(r"^(?:terkendala|blocked)\s*:?\s*", re.IGNORECASE)
_DIGEST_WORDS = ("ringkasan", "digest")
_OFF_WORDS = ("mati", "off")


def register(app: App) -> None:
    add_command(app, TASK, task_command)
    add_command(app, PROGRESS, progress)
    add_command(app, DONE, done)
    app.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.REPLY & (filters.Document.ALL | filters.PHOTO),
            evidence,
        )
    )


async def task_command(call: Call) -> None:
    args = call.args
    number = record_number(args) if args else None
    if not args:
        await list_tasks(call)
    elif number is not None:
        await show_task(call, number)
    elif args.split()[0].lower() in _DIGEST_WORDS:
        if await call.require("koordinator", f"/{TASK.shown(call.caller.lang)} {args.split()[0]}"):
            await set_digest(call, args.split(None, 1)[1] if len(args.split()) > 1 else "")
    elif "|" in args:
        if await call.require("koordinator", "/" + TASK.shown(call.caller.lang)):
            await assign(call)
    else:
        await call.reply(call.t("tasks.usage"))


async def assign(call: Call) -> None:
    caller, db = call.caller, call.runtime.database
    try:
        wanted = service.parse_assignment(call.args)
    except service.AssignmentError as exc:
        await call.reply(call.t(exc.key))
        return
    unit = await members.find_unit(db, caller.chat_id, wanted.code)
    if unit is None:
        codes = ", ".join(u.code for u in await members.list_units(db, caller.chat_id))
        await call.reply(
            call.t(
                "tasks.unknown_unit",
                code=wanted.code,
                codes=Safe(escape(codes) or call.t("units.no_codes")),
            )
        )
        return
    found_pokja = service.find_pokja(wanted.pokja) if wanted.pokja else None
    if wanted.pokja and found_pokja is None:
        listing = "\n".join(
            f"<code>{escape(code)}</code> — {escape(name)}" for code, name in pokja()
        )
        await call.reply(call.t("tasks.unknown_pokja", given=wanted.pokja, pokja=Safe(listing)))
        return
    try:
        due_at = service.parse_due(wanted.due_phrase, caller.now, caller.tz, caller.lang)
    except TimeParseError as exc:
        await call.reply(exc.render(caller.lang, "tasks.due_example"))
        return
    except service.AssignmentError as exc:
        await call.reply(call.t(exc.key))
        return
    meeting = await meeting_service.current_for_records(db, caller.chat_id, caller.now)
    task, created = await service.assign(
        db,
        unit=unit,
        text=wanted.text,
        pokja_code=found_pokja[0] if found_pokja else None,
        due_at=due_at,
        zone=caller.tz,
        creator_id=caller.user_id or caller.chat_id,
        creator_name=caller.full_name,
        meeting_id=meeting.id if meeting else None,
        now=caller.now,
        wake=call.runtime.dispatcher.wake,
        origin=call.update.update_id,
    )
    if not created and task.message_id is not None:
        # The command is handled again after a restart: the task was posted already.
        await call.context.bot.send_message(
            caller.chat_id,
            call.t("tasks.already_posted", number=task.number),
            reply_parameters=ReplyParameters(task.message_id, allow_sending_without_reply=True),
        )
        return
    mentioned = (await service.unit_members(db, [unit.id])).get(unit.id, [])
    lines = [
        call.t(
            "tasks.assigned",
            number=task.number,
            unit=unit.code,
            unit_name=unit.name,
            text=task.text,
            due=due_text(task, caller.tz, caller.lang),
        )
    ]
    if found_pokja:
        lines.append(call.t("tasks.assigned_pokja", pokja=f"{found_pokja[1]} ({found_pokja[0]})"))
    if meeting:
        lines.append(call.t("tasks.assigned_meeting", meeting=meeting.number))
    lines.append(mentions_line(caller.lang, unit.code, mentioned))
    lines.append(call.t("tasks.how_to_report", number=task.number))
    posted = await call.reply("\n".join(lines))
    await service.posted(db, task, posted.message_id)


async def list_tasks(call: Call) -> None:
    caller = call.caller
    found = await service.open_tasks(call.runtime.database, caller.chat_id)
    if not found:
        await call.reply(call.t("tasks.list_empty"))
        return
    now = int(caller.now.timestamp())
    lines = [call.t("tasks.list_header", count=len(found))]
    unit = None
    for task in found:
        if task.unit_code != unit:
            unit = task.unit_code
            lines += ["", call.t("tasks.list_unit", unit=unit)]
        lines.append(
            call.t(
                "tasks.list_item",
                number=task.number,
                text=task.text,
                due=due_text(task, caller.tz, caller.lang),
                status=status_text(task, caller.lang),
                overdue=overdue_mark(task, now, caller.lang),
            )
        )
    await call.reply("\n".join(lines))


def event_text(event: TaskEvent, tz: str, lang: str) -> str:
    when = format_when(from_epoch(event.at), tz, lang)
    file = ""
    if event.kind == "evidence":
        file = Safe(t(lang, f"tasks.file.{event.file_kind}", name=event.file_name or ""))
    return t(
        lang,
        f"tasks.event.{event.kind}",
        when=when,
        name=event.user_name,
        text=event.text or "",
        file=file,
    )


async def show_task(call: Call, number: int) -> None:
    caller, db = call.caller, call.runtime.database
    task = await service.by_number(db, caller.chat_id, number)
    if task is None:
        await call.reply(call.t("tasks.not_found", number=number))
        return
    lines = [
        call.t(
            "tasks.detail",
            number=task.number,
            unit=task.unit_code,
            unit_name=task.unit_name,
            text=task.text,
            due=due_text(task, caller.tz, caller.lang),
            status=status_text(task, caller.lang),
            overdue=overdue_mark(task, int(caller.now.timestamp()), caller.lang),
        )
    ]
    name = service.pokja_name(task.pokja)
    if name:
        lines.append(call.t("tasks.assigned_pokja", pokja=f"{name} ({task.pokja})"))
    if task.meeting_id is not None:
        meeting = await meeting_service.get(db, task.meeting_id)
        if meeting is not None:
            lines.append(call.t("tasks.assigned_meeting", meeting=meeting.number))
    lines += ["", call.t("tasks.history_header")]
    lines += [event_text(e, caller.tz, caller.lang) for e in await service.history(db, task)]
    await call.reply("\n".join(lines))


async def _task_to_change(call: Call, number: int) -> Task | None:
    """The caller's task ``number`` if it exists here, is open and they may change it."""
    caller = call.caller
    task = await service.by_number(call.runtime.database, caller.chat_id, number)
    if task is None:
        await call.reply(call.t("tasks.not_found", number=number))
        return None
    unit_id = caller.member.unit_id if caller.member else None
    if not service.may_update(task, unit_id, caller.may("koordinator")):
        await call.reply(call.t("tasks.not_your_unit", number=number, unit=task.unit_code))
        return None
    if not task.is_open:
        await call.reply(call.t("tasks.closed_already", number=number))
        return None
    return task


async def progress(call: Call) -> None:
    head, _, text = call.args.partition(" ")
    number = record_number(head)
    text = text.strip()
    blocked = _BLOCKED.match(text)
    note = text[blocked.end() :].strip() if blocked else text
    if number is None or not note:
        await call.reply(call.t("tasks.progress_usage"))
        return
    task = await _task_to_change(call, number)
    if task is None:
        return
    caller = call.caller
    event = await service.add_note(
        call.runtime.database,
        task,
        blocked=bool(blocked),
        text=note,
        user_id=caller.user_id or caller.chat_id,
        user_name=caller.full_name,
        now=caller.now,
        origin=call.update.update_id,
    )
    if event is None:
        await call.reply(call.t("tasks.closed_already", number=number))
    elif blocked:
        await call.reply(
            call.t("tasks.blocked_saved", number=number, unit=task.unit_code, reason=note)
        )
    else:
        await call.reply(
            call.t(
                "tasks.progress_saved",
                number=number,
                unit=task.unit_code,
                status=t(caller.lang, f"tasks.status.{event.status}"),
            )
        )


async def done(call: Call) -> None:
    number = record_number(call.args)
    if number is None:
        await call.reply(call.t("tasks.done_usage"))
        return
    db = call.runtime.database
    caller = call.caller
    now = int(caller.now.timestamp())
    task = await service.closed_by_update(db, call.update.update_id)
    if task is None:  # (else this command closed it before a restart: answered again)
        task = await _task_to_change(call, number)
        if task is None:
            return
        closed = await service.close(
            db,
            task,
            user_id=caller.user_id or caller.chat_id,
            user_name=caller.full_name,
            now=caller.now,
            wake=call.runtime.dispatcher.wake,
            origin=call.update.update_id,
        )
        if not closed:
            await call.reply(call.t("tasks.closed_already", number=number))
            return
    timing = (
        call.t("tasks.done_on_time")
        if now <= task.due_at
        else call.t("tasks.done_late", due=due_text(task, caller.tz, caller.lang))
    )
    await call.reply(
        call.t(
            "tasks.done",
            number=number,
            unit=task.unit_code,
            name=caller.full_name,
            timing=Safe(timing),
        )
    )


def _evidence_of(message: Message) -> Evidence | None:
    if message.document is not None:
        doc = message.document
        return Evidence(doc.file_id, "document", doc.file_name)
    if message.photo:
        return Evidence(message.photo[-1].file_id, "photo", None)
    return None


async def evidence(update: Update, context: Context) -> None:
    """A document or photo replying to a task's post is kept as evidence of that task."""
    message = update.effective_message
    reply_to = message.reply_to_message if message else None
    found = _evidence_of(message) if message else None
    if message is None or reply_to is None or found is None:
        return
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    if caller.group is None:
        return
    task = await service.by_post(runtime.database, caller.chat_id, reply_to.message_id)
    if task is None:
        return
    unit_id = caller.member.unit_id if caller.member else None
    if not service.may_update(task, unit_id, caller.may("koordinator")):
        text = t(caller.lang, "tasks.evidence_not_allowed", number=task.number, unit=task.unit_code)
        await send(context, caller.chat_id, text)
        return
    await service.attach(
        runtime.database,
        task,
        found,
        user_id=caller.user_id or caller.chat_id,
        user_name=caller.full_name,
        now=caller.now,
        origin=update.update_id,
    )
    file = Safe(t(caller.lang, f"tasks.file.{found.file_kind}", name=found.file_name or ""))
    await send(
        context,
        caller.chat_id,
        t(
            caller.lang,
            "tasks.evidence_saved",
            number=task.number,
            file=file,
            name=caller.full_name,
        ),
    )


async def set_digest(call: Call, text: str) -> None:
    caller, db = call.caller, call.runtime.database
    off = text.strip().lower() in _OFF_WORDS
    setting = None if off else service.parse_digest_setting(text)
    if setting is None and not off:
        await call.reply(call.t("tasks.digest_usage"))
        return
    following = await service.set_digest(
        db, caller.chat_id, setting, caller.now, caller.tz, call.runtime.dispatcher.wake
    )
    if setting is None or following is None:
        await call.reply(call.t("tasks.digest_off"))
        return
    day, minute = setting
    await call.reply(
        call.t(
            "tasks.digest_set",
            day=DAYS[caller.lang][day],
            time=clock(*divmod(minute, 60), caller.lang),
            next=format_when(following, caller.tz, caller.lang),
        )
    )
