"""Units (instansi): listing, adding, removing, joining one."""

from __future__ import annotations

import re

from bot.runtime import App
from bot.services import members
from bot.telegram.commands import Call, CommandSpec, add_command
from bot.text.i18n import Safe

UNITS = CommandSpec("instansi", "units")
JOIN = CommandSpec("gabung", "join")

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{1,15}$")
_ADD_WORDS = ("tambah", "add")
_REMOVE_WORDS = ("hapus", "remove")


def register(app: App) -> None:
    add_command(app, UNITS, units_command)
    add_command(app, JOIN, join)


def parse_unit(args: str) -> tuple[str, str] | None:
    """``KODE Nama lengkap`` → (code in capitals, name); None when either is missing or bad."""
    parts = args.split(None, 1)
    if len(parts) != 2 or not CODE.match(parts[0]):
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
            await remove_unit(call, rest.strip())
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
    unit, existing = await members.add_unit(
        call.runtime.database, call.caller.chat_id, code, name, call.caller.now
    )
    if unit is None:
        await call.reply(call.t("units.exists", code=code, name=existing.name if existing else ""))
        return
    await call.reply(call.t("units.added", code=unit.code, name=unit.name))


async def remove_unit(call: Call, args: str) -> None:
    code = args.split()[0] if args.split() else ""
    if not code:
        await call.reply(call.t("units.remove_usage"))
        return
    unit = await members.remove_unit(
        call.runtime.database, call.caller.chat_id, code, call.caller.now
    )
    if unit is None:
        await call.reply(await unknown_unit(call, code))
        return
    await call.reply(call.t("units.removed", code=unit.code, name=unit.name))


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
    await members.join(db, call.caller.chat_id, call.caller.user_id, unit, call.caller.now)
    await call.reply(
        call.t("units.joined", name=call.caller.full_name, code=unit.code, unit=unit.name)
    )


async def codes_text(call: Call) -> str:
    """The group's unit codes, for messages that list them (already HTML)."""
    listed = await members.list_units(call.runtime.database, call.caller.chat_id)
    if not listed:
        return call.t("units.no_codes")
    return ", ".join(f"<code>{unit.code}</code>" for unit in listed)


async def unknown_unit(call: Call, code: str) -> str:
    return call.t("units.unknown", code=code, codes=Safe(await codes_text(call)))
