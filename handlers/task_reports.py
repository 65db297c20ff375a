"""/progres, /selesai and evidence sent as a reply to a task's post.

A task may be shared by several units: each reports on, attaches to and closes its own part
(a koordinator outside its units speaks for the whole task).
"""

from __future__ import annotations

import logging
import re

from telegram import Message, Update
from telegram.ext import MessageHandler, filters

from bot.runtime import App, Context, runtime_of
from bot.services import tasks as service
from bot.services.tasks import Evidence, Task
from bot.telegram.access import resolve
from bot.telegram.commands import Call, CommandSpec, add_command, record_number, send
from bot.text.i18n import Safe, t, too_long
from bot.text.record_posts import withdrawn_notice
from bot.text.task_texts import due_text

logger = logging.getLogger(__name__)

PROGRESS = CommandSpec("progres", "progress", role="anggota")
DONE = CommandSpec("selesai", "done", role="anggota")

_BLOCKED = re.compile(r"^(?:terkendala|blocked)\s*:?\s*", re.IGNORECASE)


def register(app: App) -> None:
    add_command(app, PROGRESS, progress)
    add_command(app, DONE, done)
    app.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.REPLY & (filters.Document.ALL | filters.PHOTO),
            evidence,
        )
    )


def notice(task: Task, tz: str, lang: str) -> str:
    """The answer to a command naming a withdrawn task."""
    return withdrawn_notice(
        "task", task.number, task.withdrawn_by_name, task.withdrawn_at, tz, lang
    )


async def _task_to_report(
    call: Call, number: int, code: str | None = None
) -> tuple[Task, int | None] | None:
    """The caller's task ``number`` and the part (its unit; None: the whole task) they report
    on, if the task exists here, is open and they may; else the reason is answered.

    ``code`` names the part (``/selesai N KODE``): a koordinator may name any of the task's
    units, a member only their own.
    """
    caller = call.caller
    task = await service.by_number(call.runtime.database, caller.chat_id, number)
    if task is None:
        await call.reply(call.t("tasks.not_found", number=number))
        return None
    if task.withdrawn_at is not None:
        await call.reply(notice(task, caller.tz, caller.lang))
        return None
    own_unit = caller.member.unit_id if caller.member else None
    is_coordinator = caller.may("koordinator")
    if code is not None:
        part = next((p for p in task.parts if p.code.casefold() == code.casefold()), None)
        if part is None:
            wrong = call.t("tasks.not_a_part", number=number, code=code.upper(), units=task.codes)
            await call.reply(wrong + "\n" + call.t("tasks.done_usage"))
            return None
        acting = service.Acting(is_coordinator or part.unit_id == own_unit, part.unit_id)
    else:
        acting = service.acting_for(task, own_unit, is_coordinator)
    if not acting.allowed:
        await call.reply(call.t("tasks.not_your_unit", number=number, unit=task.codes))
        return None
    if not task.is_open:
        await call.reply(call.t("tasks.closed_already", number=number))
        return None
    part = task.part(acting.unit_id)
    if part is not None and not part.is_open:
        await call.reply(call.t("tasks.part_closed_already", number=number, unit=part.code))
        return None
    return task, acting.unit_id


async def progress(call: Call) -> None:
    head, _, text = call.args.partition(" ")
    number = record_number(head)
    text = text.strip()
    blocked = _BLOCKED.match(text)
    note = text[blocked.end() :].strip() if blocked else text
    if number is None or not note:
        await call.reply(call.t("tasks.progress_usage"))
        return
    found = await _task_to_report(call, number)
    if found is None:
        return
    task, unit_id = found
    caller = call.caller
    try:
        event = await service.add_note(
            call.runtime.database,
            task,
            blocked=bool(blocked),
            text=note,
            unit_id=unit_id,
            user_id=caller.user_id or caller.chat_id,
            user_name=caller.full_name,
            now=caller.now,
            origin=call.update.update_id,
        )
    except service.TooLong as exc:
        await call.reply(too_long(caller.lang, "tasks.progress_too_long", exc))
        return
    if event is None:
        await call.reply(call.t("tasks.closed_already", number=number))
        return
    unit = event.unit_code or task.codes
    if blocked:
        await call.reply(call.t("tasks.blocked_saved", number=number, unit=unit, reason=note))
    else:
        await call.reply(
            call.t(
                "tasks.progress_saved",
                number=number,
                unit=unit,
                status=t(caller.lang, "tasks.status.proses"),
            )
        )


async def done(call: Call) -> None:
    words = call.args.split()
    number = record_number(words[0]) if words else None
    if number is None or len(words) > 2:
        await call.reply(call.t("tasks.done_usage"))
        return
    db = call.runtime.database
    caller = call.caller
    replayed = await service.closed_by_update(db, call.update.update_id)
    if replayed is not None:  # this command closed it before a restart: answered again
        task, event = replayed
        closed_code = event.unit_code
    else:
        found = await _task_to_report(call, number, words[1] if len(words) == 2 else None)
        if found is None:
            return
        before, unit_id = found
        closed = await service.close(
            db,
            before,
            unit_id=unit_id,
            user_id=caller.user_id or caller.chat_id,
            user_name=caller.full_name,
            now=caller.now,
            wake=call.runtime.dispatcher.wake,
            origin=call.update.update_id,
        )
        if closed is None:
            await call.reply(call.t("tasks.closed_already", number=number))
            return
        task = closed
        part = task.part(unit_id)
        closed_code = part.code if part is not None else None
    await call.reply(done_text(call, task, closed_code))


def done_text(call: Call, task: Task, closed_code: str | None) -> str:
    """What closing says: the task done (by its only unit, its last unit, or a koordinator for
    all of them), or one unit's part done with the others still under way."""
    caller = call.caller
    timing = Safe(
        call.t("tasks.done_on_time")
        if int(caller.now.timestamp()) <= task.due_at
        else call.t("tasks.done_late", due=due_text(task, caller.tz, caller.lang))
    )
    params = {"number": task.number, "name": caller.full_name, "timing": timing}
    if len(task.parts) == 1 or closed_code is None:
        return call.t("tasks.done", unit=task.codes, **params)
    if task.is_open:
        remaining = ", ".join(part.code for part in task.open_parts)
        return call.t("tasks.part_done", unit=closed_code, remaining=remaining, **params)
    return call.t("tasks.done_all", unit=closed_code, units=task.codes, **params)


def _evidence_of(message: Message) -> Evidence | None:
    if message.document is not None:
        doc = message.document
        return Evidence(doc.file_id, "document", doc.file_name)
    if message.photo:
        return Evidence(message.photo[-1].file_id, "photo", None)
    return None


async def evidence(update: Update, context: Context) -> None:
    """A document or photo replying to a task's post is kept as evidence of the sender's
    unit's part (a koordinator's: of the task)."""
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
    acting = service.acting_for(task, unit_id, caller.may("koordinator"))
    if not acting.allowed:
        text = t(caller.lang, "tasks.evidence_not_allowed", number=task.number, unit=task.codes)
        await send(context, caller.chat_id, text)
        return
    await service.attach(
        runtime.database,
        task,
        found,
        unit_id=acting.unit_id,
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
