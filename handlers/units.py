"""Units (instansi): listing, adding (or restoring), archiving after a confirmation button
(``inst:y|n:<confirmation>``), joining.

A unit is archived, never deleted: its acknowledgements, tasks and attendance keep pointing at
it, its members are told they are in no unit any more, and adding its code again restores it.
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot.runtime import App, Context, runtime_of
from bot.services import Database, confirmations, members
from bot.telegram import confirm
from bot.telegram.buttons import pressed_html
from bot.telegram.commands import Call, CommandSpec, add_command, send
from bot.text.i18n import Safe, mention, t, too_long

UNITS = CommandSpec("instansi", "units")
JOIN = CommandSpec("gabung", "join")

CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{1,15}")
_ADD_WORDS = ("tambah", "add")
_REMOVE_WORDS = ("hapus", "remove", "arsipkan", "archive")
_CALLBACK = confirm.data_pattern("inst")


def register(app: App) -> None:
    add_command(app, UNITS, units_command)
    add_command(app, JOIN, join)
    app.add_handler(CallbackQueryHandler(archive_button, pattern=r"^inst:"))


def parse_unit(args: str) -> tuple[str, str] | None:
    """``KODE Nama lengkap`` → (code in capitals, name); None when either is missing or bad."""
    parts = args.split(None, 1)
    if len(parts) != 2 or not CODE.fullmatch(parts[0]):
        return None
    return parts[0].upper(), " ".join(parts[1].split())


async def units_command(call: Call) -> None:
    verb, _, rest = call.args.partition(" ")
    verb = verb.lower()
    if not verb:
        await list_units(call)
    elif verb in _ADD_WORDS or verb in _REMOVE_WORDS:
        if not await call.require("koordinator", f"/{UNITS.shown(call.caller.lang)} {verb}"):
            return
        if verb in _ADD_WORDS:
            await add_unit(call, rest.strip())
        else:
            await archive_unit(call, rest.strip())
    else:
        await call.reply(call.t("units.usage"))


async def list_units(call: Call) -> None:
    listed = await members.units_with_members(call.runtime.database, call.caller.chat_id)
    if not listed:
        await call.reply(call.t("units.list_empty"))
        return
    lines = [call.t("units.list_header", count=len(listed))]
    for entry in listed:
        who = (
            call.t("units.list_members", names=", ".join(entry.members))
            if entry.members
            else call.t("units.list_no_members")
        )
        lines.append(
            call.t("units.list_item", code=entry.unit.code, name=entry.unit.name, members=Safe(who))
        )
    lines.append(call.t("units.list_footer"))
    await call.reply("\n".join(lines))


async def add_unit(call: Call, args: str) -> None:
    parsed = parse_unit(args)
    if parsed is None:
        await call.reply(call.t("units.add_usage"))
        return
    code, name = parsed
    try:
        added, existing = await members.add_unit(
            call.runtime.database, call.caller.chat_id, code, name, call.caller.now
        )
    except members.TooLong as exc:
        await call.reply(too_long(call.caller.lang, "units.name_too_long", exc))
        return
    if added is None:
        await call.reply(call.t("units.exists", code=code, name=existing.name if existing else ""))
        return
    key = "units.restored" if added.restored else "units.added"
    await call.reply(call.t(key, code=added.unit.code, name=added.unit.name))


async def archive_unit(call: Call, args: str) -> None:
    """``/instansi hapus KODE``: asks before archiving the unit."""
    words = args.split()
    if len(words) != 1:
        await call.reply(call.t("units.remove_usage"))
        return
    caller, db = call.caller, call.runtime.database
    unit = await members.find_unit(db, caller.chat_id, words[0])
    if unit is None:
        await call.reply(await unknown_unit(call, words[0]) + "\n" + call.t("units.remove_usage"))
        return
    listed = await members.units_with_members(db, caller.chat_id)
    names = next((entry.members for entry in listed if entry.unit.id == unit.id), ())
    confirmation = await members.ask_archive(
        db,
        unit,
        asked_by=caller.user_id or caller.chat_id,
        now=caller.now,
        origin=call.update.update_id,
    )
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    call.t("units.archive_button"), callback_data=f"inst:y:{confirmation.id}"
                ),
                InlineKeyboardButton(
                    call.t("confirm.no_button"), callback_data=f"inst:n:{confirmation.id}"
                ),
            ]
        ]
    )
    question = call.t("units.confirm_archive", code=unit.code, name=unit.name, members=len(names))
    asked = await call.reply(question, markup)
    await confirmations.posted(db, confirmation, asked.message_id)


async def archive_button(update: Update, context: Context) -> None:
    """``inst:y|n:<confirmation>``: archive the unit, or not; untrusted input."""
    answer = await confirm.answer_of(update, context, pattern=_CALLBACK, action=members.ARCHIVE)
    if answer is None:
        return
    query, caller, found = answer.query, answer.caller, answer.confirmation
    lang, db = caller.lang, runtime_of(context).database
    unit = await members.unit(db, found.ref_id)
    if unit is None or caller.group is None:
        await confirm.refused(query, lang, "stale")
        return
    if not caller.may("koordinator"):
        await query.answer(t(lang, "units.archive_not_allowed"), show_alert=True)
        return
    by = caller.user_id or caller.chat_id
    if not answer.yes:
        if not await confirmations.decline(db, found, by, caller.now):
            await query.answer(t(lang, "confirm.answered"), show_alert=True)
            return
        await query.answer(t(lang, "confirm.declined"))
        await confirm.close(query, t(lang, "units.archive_declined", code=unit.code))
        return
    archived = await members.archive_unit(db, found, by=by, now=caller.now)
    if archived == "unanswerable":
        await query.answer(t(lang, "confirm.answered"), show_alert=True)
        return
    if archived == "archived_already":
        await query.answer(t(lang, "units.archived_already", code=unit.code), show_alert=True)
        await confirm.close(query, pressed_html(query))
        return
    await query.answer(t(lang, "units.archived_toast", code=unit.code))
    await confirm.close(
        query, t(lang, "units.archived", code=unit.code, name=unit.name, by=caller.full_name)
    )
    await send(context, caller.chat_id, await archived_text(db, archived, lang))


async def archived_text(db: Database, archived: members.Archived, lang: str) -> str:
    """The members told they are in no unit now, the tasks still under way for the unit, and
    how to restore it."""
    unit = archived.unit
    lines = []
    if archived.members:
        mentions = Safe(", ".join(mention(user_id, name) for user_id, name in archived.members))
        lines.append(t(lang, "units.archived_members", mentions=mentions))
    open_tasks = await members.open_tasks_of(db, unit)
    if open_tasks:
        numbers = ", ".join(f"#{task.number}" for task in open_tasks)
        lines.append(
            t(
                lang,
                "units.archived_tasks",
                code=unit.code,
                numbers=numbers,
                first=open_tasks[0].number,
            )
        )
    lines.append(t(lang, "units.archived_restore", code=unit.code, name=unit.name))
    return "\n\n".join(lines)


async def join(call: Call) -> None:
    code = call.args.split()[0] if call.args.split() else ""
    db = call.runtime.database
    unit = await members.find_unit(db, call.caller.chat_id, code) if code else None
    if not code or call.caller.user_id is None:
        await call.reply(call.t("units.join_usage", codes=Safe(await codes_text(call))))
        return
    if unit is None:
        await call.reply(await unknown_unit(call, code))
        return
    caller = call.caller
    before = await members.join(db, caller.chat_id, call.caller.user_id, unit, caller.now)
    params = {"name": caller.full_name, "code": unit.code, "unit": unit.name}
    if before is None or before.id == unit.id:  # (the same unit: a command handled again)
        await call.reply(call.t("units.joined", **params))
    else:
        await call.reply(call.t("units.joined_moved", old=before.code, **params))


async def codes_text(call: Call) -> str:
    """The group's unit codes, for messages that list them (already HTML)."""
    listed = await members.list_units(call.runtime.database, call.caller.chat_id)
    if not listed:
        return call.t("units.no_codes")
    return ", ".join(f"<code>{unit.code}</code>" for unit in listed)


async def unknown_unit(call: Call, code: str) -> str:
    return call.t("units.unknown", code=code, codes=Safe(await codes_text(call)))
