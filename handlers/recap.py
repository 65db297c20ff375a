"""/rekap: the month's recap per unit (or ``pokja``), as a phone-sized chart and a short table."""

from __future__ import annotations

import asyncio
import logging
from io import BytesIO

from telegram import InputFile

from bot.runtime import App
from bot.services import recap as service
from bot.telegram.commands import Call, CommandSpec, add_command
from bot.text import recap_text
from bot.text.recap_chart import render

logger = logging.getLogger(__name__)

RECAP = CommandSpec("rekap", "recap")


def register(app: App) -> None:
    add_command(app, RECAP, recap_command)


async def recap_command(call: Call) -> None:
    caller = call.caller
    try:
        found = await service.monthly(
            call.runtime.database, caller.chat_id, call.args, caller.now, caller.tz
        )
    except service.MonthError as exc:
        await call.reply(call.t(exc.key))
        return
    if not found.listed and not found.by_pokja:
        await call.reply(call.t("recap.no_units"))
        return
    if not found.standings:
        await call.reply(recap_text.empty(found, caller.lang))
        return
    bars, labels = recap_text.chart(found, caller.lang)
    png = await asyncio.to_thread(render, bars, labels)
    await call.context.bot.send_photo(
        caller.chat_id,
        photo=InputFile(BytesIO(png), filename=recap_text.file_name(found, caller.lang)),
        caption=recap_text.caption(found, caller.lang),
    )
    await call.reply(recap_text.message(found, caller.lang))
