"""/tugas: assigning, listing and showing tasks, and the daily digest.

A unit's reports on its part of a task (/progres, /selesai, evidence) are in
``handlers.task_reports``; a koordinator's changes after assigning (``/tugas N
tenggat|pindah|buka``) in ``handlers.task_changes``.
"""

from __future__ import annotations

import logging

from telegram import ReplyParameters

from bot.domain.cleantext import excerpt
from bot.domain.timeparse import TimeParseError
from bot.domain.timewords import DAYS, clock, format_when, from_epoch
from bot.runtime import App
from bot.services import meetings as meeting_service
from bot.services import members
from bot.services import tasks as service
from bot.services.seeds import pokja
from bot.services.tasks import Task, TaskEvent
from bot.telegram.commands import Call, CommandSpec, add_command, record_number
from bot.text.i18n import Safe, escape, t, too_long
from bot.text.record_posts import edited_mark
from bot.text.render import LISTED
from bot.text.task_texts import (
    due_text,
    named_units,
    overdue_mark,
    pokja_label,
    post,
    status_text,
)
from handlers import task_changes, task_reports
from handlers.task_reports import notice

logger = logging.getLogger(__name__)

TASK = CommandSpec("tugas", "task")

_DIGEST_WORDS = ("ringkasan", "digest")
_OFF_WORDS = ("mati", "off")


def register(app: App) -> None:
    add_command(app, TASK, task_command)
    task_reports.register(app)


async def task_command(call: Call) -> None:
    args = call.args
    words = args.split()
    number = record_number(words[0]) if words else None
    if not args:
        await list_tasks(call)
    elif number is not None and len(words) == 1:
        await show_task(call, number)
    elif words[0].lower() in _DIGEST_WORDS:
        if await call.require("koordinator", f"/{TASK.shown(call.caller.lang)} {words[0]}"):
            await set_digest(call, args.split(None, 1)[1] if len(words) > 1 else "")
    elif "|" in args:
        if await call.require("koordinator", "/" + TASK.shown(call.caller.lang)):
            await assign(call)
    elif number is not None or words[0].lower() in task_changes.VERBS:
        await task_changes.change(call, TASK, number)
    else:
        await call.reply(call.t("tasks.usage"))


async def assign(call: Call) -> None:
    caller, db = call.caller, call.runtime.database
    try:
        wanted = service.parse_assignment(call.args)
    except service.AssignmentError as exc:
        await call.reply(call.t(exc.key))
        return
    except service.TooLong as exc:
        await call.reply(too_long(call.caller.lang, "tasks.too_long", exc))
        return
    units = []
    for code in wanted.codes:
        unit = await members.find_unit(db, caller.chat_id, code)
        if unit is None:
            codes = ", ".join(u.code for u in await members.list_units(db, caller.chat_id))
            await call.reply(
                call.t(
                    "tasks.unknown_unit",
                    code=code,
                    codes=Safe(escape(codes) or call.t("units.no_codes")),
                )
            )
            return
        units.append(unit)
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
        units=units,
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
    mentioned = await service.unit_members(db, [unit.id for unit in units])
    text = post(task, mentioned, pokja=pokja_label(task), tz=caller.tz, lang=caller.lang)
    posted = await call.reply(text)
    await service.posted(db, task, posted.message_id)


async def list_tasks(call: Call) -> None:
    """Open tasks per unit: a shared task under each unit whose part is still open."""
    caller = call.caller
    found = await service.open_tasks(call.runtime.database, caller.chat_id)
    if not found:
        await call.reply(call.t("tasks.list_empty"))
        return
    now = int(caller.now.timestamp())
    by_unit = sorted(
        (
            (part.code, task.due_at, task.number, part.status, task)
            for task in found
            for part in task.open_parts
        ),
        key=lambda row: row[:3],
    )
    lines = [call.t("tasks.list_header", count=len(found))]
    unit = None
    for code, _, _, status, task in by_unit:
        if code != unit:
            unit = code
            lines += ["", call.t("tasks.list_unit", unit=unit)]
        others = [part.code for part in task.parts if part.code != code]
        lines.append(
            call.t(
                "tasks.list_item",
                number=task.number,
                text=excerpt(task.text, LISTED),
                due=due_text(task, caller.tz, caller.lang),
                status=t(caller.lang, f"tasks.status.{status}"),
                overdue=overdue_mark(task, now, caller.lang),
                shared=Safe(call.t("tasks.list_shared", units=", ".join(others)) if others else ""),
            )
        )
    await call.reply("\n".join(lines))


def event_text(event: TaskEvent, task: Task, tz: str, lang: str) -> str:
    """One line of a task's history; the unit is named when the task is (or was) shared."""
    when = format_when(from_epoch(event.at), tz, lang)
    file = ""
    if event.kind == "evidence":
        file = Safe(t(lang, f"tasks.file.{event.file_kind}", name=event.file_name or ""))
    unit = ""
    if event.unit_code is not None and (len(task.parts) > 1 or event.unit_code != task.codes):
        unit = Safe(t(lang, "tasks.event_unit", unit=event.unit_code))
    return t(
        lang,
        f"tasks.event.{event.kind}",
        when=when,
        name=event.user_name,
        text=event.text or "",
        file=file,
        unit=unit,
        due=format_when(from_epoch(event.due_at), tz, lang) if event.due_at else "",
        previous=(
            format_when(from_epoch(event.previous_due_at), tz, lang)
            if event.previous_due_at
            else event.previous_unit_codes or ""
        ),
        units=event.unit_codes or "",
    )


async def show_task(call: Call, number: int) -> None:
    caller, db = call.caller, call.runtime.database
    task = await service.by_number(db, caller.chat_id, number)
    if task is None:
        await call.reply(call.t("tasks.not_found", number=number))
        return
    if task.withdrawn_at is not None:
        await call.reply(notice(task, caller.tz, caller.lang))
        return
    single = len(task.parts) == 1
    lines = [
        call.t(
            "tasks.detail",
            number=task.number,
            units=named_units(task, caller.lang) if single else task.codes,
            text=task.text,
            due=due_text(task, caller.tz, caller.lang),
            status=status_text(task, caller.lang),
            overdue=overdue_mark(task, int(caller.now.timestamp()), caller.lang),
            edited=edited_mark(task.edited, caller.lang),
        )
    ]
    if not single:
        for part in task.parts:
            closed = (
                call.t(
                    "tasks.part_closed",
                    when=format_when(from_epoch(part.closed_at), caller.tz, caller.lang),
                )
                if part.closed_at is not None
                else ""
            )
            lines.append(
                call.t(
                    "tasks.part_line",
                    unit=part.code,
                    status=t(caller.lang, f"tasks.status.{part.status}"),
                    closed=Safe(closed),
                )
            )
    label = pokja_label(task)
    if label:
        lines.append(call.t("tasks.assigned_pokja", pokja=label))
    if task.meeting_number is not None:
        lines.append(call.t("tasks.assigned_meeting", meeting=task.meeting_number))
    lines += ["", call.t("tasks.history_header")]
    lines += [event_text(e, task, caller.tz, caller.lang) for e in await service.history(db, task)]
    await call.reply("\n".join(lines))


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
