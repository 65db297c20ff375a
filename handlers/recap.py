"""/rekap: the month's recap per unit, as a bar chart and a compact table."""

from __future__ import annotations

import asyncio
import logging
from io import BytesIO

from telegram import InputFile

from bot.domain.timewords import MONTHS
from bot.runtime import App
from bot.services import recap as service
from bot.telegram.commands import Call, CommandSpec, add_command
from bot.text.i18n import escape
from bot.text.recap_chart import ChartLabels, render

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
    if not found.rows:
        await call.reply(call.t("recap.no_units"))
        return
    month = MONTHS["en" if caller.lang == "en" else "id"][found.month - 1]
    labels = ChartLabels(
        title=call.t("recap.chart_title", month=month, year=found.year),
        ack_share=call.t("recap.chart_ack"),
        task_share=call.t("recap.chart_task"),
        overdue=call.t("recap.chart_overdue"),
        no_data=call.t("recap.chart_no_data"),
    )
    png = await asyncio.to_thread(render, found.rows, labels)
    await call.context.bot.send_photo(
        caller.chat_id,
        photo=InputFile(BytesIO(png), filename="rekap.png"),
        caption=call.t("recap.caption", month=month, year=found.year),
    )
    await call.reply(text_of(call, found, month))


def text_of(call: Call, found: service.Recap, month: str) -> str:
    """Header, the three leading units, the table and what its columns mean."""
    lines = [call.t("recap.header", month=month, year=found.year)]
    if found.leaders:
        names = ", ".join(f"{row.rank}. {row.unit_code}" for row in found.leaders)
        lines.append(call.t("recap.leaders", leaders=names))
    else:
        lines.append(call.t("recap.no_leaders"))
    headers = tuple(call.t("recap.columns").split("|"))
    lines.append(f"<pre>{escape(service.table(found.rows, headers))}</pre>")
    lines.append(call.t("recap.legend"))
    return "\n".join(lines)
