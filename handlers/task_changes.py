"""``/tugas N tenggat WAKTU``, ``/tugas N pindah KODE[,KODE]`` and ``/tugas N buka [KODE]``: a
koordinator changes a task after assigning it. Each change is announced in the group (the
units' members mentioned) and the task's post is edited to match.

Parsing is strict: a missing or bad id, or a missing part, is answered with the usage of that
change and an example; it never falls through to another form of /tugas.
"""

from __future__ import annotations

from bot.domain.timeparse import TimeParseError
from bot.domain.timewords import format_when, from_epoch
from bot.services import members
from bot.services import task_changes as service
from bot.services import tasks as task_service
from bot.services.task_changes import VERBS
from bot.services.tasks import AssignmentError, Task, TaskPart
from bot.telegram.commands import Call, CommandSpec, edit_post
from bot.text.i18n import Safe, escape
from bot.text.record_posts import withdrawn_notice
from bot.text.task_texts import due_text, mention_lines, pokja_label, post

__all__ = ["VERBS", "change"]


async def change(call: Call, spec: CommandSpec, number: int | None) -> None:
    """``/tugas N <kata> …`` (``number`` read from the first word; None when the first word is
    the change itself, the id missing)."""
    words = call.args.split(None, 2)
    if number is None:
        await call.reply(call.t(service.USAGE[VERBS[words[0].lower()]]))
        return
    verb = VERBS.get(words[1].lower()) if len(words) > 1 else None
    if verb is None:
        await call.reply(call.t("tasks.change_usage"))
        return
    if not await call.require("koordinator", f"/{spec.shown(call.caller.lang)} N {words[1]}"):
        return
    rest = words[2].strip() if len(words) > 2 else ""
    if verb != "reopen" and not rest:
        await call.reply(call.t(service.USAGE[verb]))
        return
    caller = call.caller
    task = await task_service.by_number(call.runtime.database, caller.chat_id, number)
    if task is None:
        await call.reply(call.t("tasks.not_found", number=number))
        return
    if task.withdrawn_at is not None:
        notice = withdrawn_notice(
            "task", task.number, task.withdrawn_by_name, task.withdrawn_at, caller.tz, caller.lang
        )
        await call.reply(notice)
        return
    if verb == "reopen":
        await reopen(call, task, rest)
        return
    if not task.is_open:
        await call.reply(call.t("tasks.change_closed", number=number))
        return
    if verb == "due":
        await change_due(call, task, rest)
    else:
        await move(call, task, rest)


async def change_due(call: Call, task: Task, phrase: str) -> None:
    caller = call.caller
    try:
        changed = await service.change_due(
            call.runtime.database,
            task,
            phrase,
            user_id=caller.user_id or caller.chat_id,
            user_name=caller.full_name,
            now=caller.now,
            tz=caller.tz,
            lang=caller.lang,
            wake=call.runtime.dispatcher.wake,
        )
    except TimeParseError as exc:
        await call.reply(exc.render(caller.lang, "tasks.due_change_example"))
        return
    except AssignmentError as exc:
        await call.reply(call.t(exc.key) + "\n" + call.t("tasks.due_change_example"))
        return
    if changed is None:
        await call.reply(call.t("tasks.change_closed", number=task.number))
        return
    previous = format_when(from_epoch(task.due_at), caller.tz, caller.lang)
    head = call.t(
        "tasks.due_changed",
        number=changed.number,
        units=changed.codes,
        name=caller.full_name,
        previous=previous,
        due=due_text(changed, caller.tz, caller.lang),
    )
    await announce(call, changed, head, changed.open_parts)


async def move(call: Call, task: Task, codes_text: str) -> None:
    caller, db = call.caller, call.runtime.database
    codes = task_service.parse_codes(codes_text)
    if codes is None:
        await call.reply(call.t("tasks.move_usage"))
        return
    units = []
    for code in codes:
        unit = await members.find_unit(db, caller.chat_id, code)
        if unit is None:
            known = ", ".join(u.code for u in await members.list_units(db, caller.chat_id))
            await call.reply(
                call.t(
                    "tasks.move_unknown_unit",
                    code=code,
                    codes=Safe(escape(known) or call.t("units.no_codes")),
                )
            )
            return
        units.append(unit)
    try:
        moved = await service.move(
            db,
            task,
            units,
            user_id=caller.user_id or caller.chat_id,
            user_name=caller.full_name,
            now=caller.now,
            wake=call.runtime.dispatcher.wake,
        )
    except AssignmentError as exc:
        await call.reply(call.t(exc.key))
        return
    if moved is None:
        await call.reply(call.t("tasks.change_closed", number=task.number))
        return
    head = call.t(
        "tasks.moved",
        number=moved.number,
        name=caller.full_name,
        previous=task.codes,
        units=moved.codes,
    )
    await announce(call, moved, head, moved.parts)


async def reopen(call: Call, task: Task, code: str) -> None:
    caller = call.caller
    if len(code.split()) > 1:
        await call.reply(call.t("tasks.reopen_usage"))
        return
    part: TaskPart | None = None
    if code:
        part = next((p for p in task.parts if p.code.casefold() == code.casefold()), None)
        if part is None:
            wrong = call.t(
                "tasks.not_a_part", number=task.number, code=code.upper(), units=task.codes
            )
            await call.reply(wrong + "\n" + call.t("tasks.reopen_usage"))
            return
    reopened = await service.reopen(
        call.runtime.database,
        task,
        unit_id=part.unit_id if part else None,
        user_id=caller.user_id or caller.chat_id,
        user_name=caller.full_name,
        now=caller.now,
        wake=call.runtime.dispatcher.wake,
    )
    if reopened is None:
        if part is None:
            await call.reply(call.t("tasks.nothing_closed", number=task.number))
        else:
            await call.reply(call.t("tasks.part_not_closed", number=task.number, unit=part.code))
        return
    head = call.t(
        "tasks.reopened",
        number=reopened.number,
        part=Safe(call.t("tasks.reopened_part", unit=part.code) if part else ""),
        name=caller.full_name,
        due=due_text(reopened, caller.tz, caller.lang),
    )
    concerned = [p for p in reopened.parts if part is None or p.unit_id == part.unit_id]
    await announce(call, reopened, head, concerned)


async def announce(
    call: Call, task: Task, head: str, parts: tuple[TaskPart, ...] | list[TaskPart]
) -> None:
    """Say the change in the group, mentioning the members of ``parts``' units, and edit the
    task's post to match."""
    caller, db = call.caller, call.runtime.database
    mentioned = await task_service.unit_members(db, [part.unit_id for part in task.parts])
    lines = [head, *mention_lines(caller.lang, list(parts), mentioned)] if parts else [head]
    await call.reply("\n".join(lines))
    text = post(task, mentioned, pokja=pokja_label(task), tz=caller.tz, lang=caller.lang)
    await edit_post(call.context, caller.chat_id, task.message_id, text)
