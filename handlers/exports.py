"""/ekspor: tasks, decisions, announcements or meetings as an Excel file for a koordinator."""

from __future__ import annotations

import logging
import os
import tempfile
from typing import IO

from telegram import InputFile
from telegram.constants import ChatAction

from bot.runtime import App
from bot.services import exports as service
from bot.telegram.commands import Call, CommandSpec, add_command
from bot.text import export_book, export_sheets

logger = logging.getLogger(__name__)

EXPORT = CommandSpec("ekspor", "export", role="koordinator")

MAX_UPLOAD = 50 * 1024 * 1024
"""The largest file a bot may send (Bot API ``sendDocument``)."""


def register(app: App) -> None:
    add_command(app, EXPORT, export_command)


async def export_command(call: Call) -> None:
    caller = call.caller
    try:
        request = service.parse_request(call.args, caller.now, caller.tz)
    except service.ExportError as exc:
        await call.reply(call.t(exc.key))
        return
    context = export_sheets.Context(
        group_id=caller.chat_id,
        lang=caller.lang,
        tz=caller.tz,
        now=int(caller.now.timestamp()),
    )
    await call.context.bot.send_chat_action(caller.chat_id, ChatAction.UPLOAD_DOCUMENT)
    with tempfile.TemporaryFile() as target:
        count = await export_book.write(call.runtime.database, request, context, target)
        if not count:
            await call.reply(export_book.empty(request, caller.lang))
            return
        await send(call, request, target, count)


async def send(call: Call, request: service.Request, target: IO[bytes], count: int) -> None:
    caller = call.caller
    size = os.fstat(target.fileno()).st_size
    logger.info(
        "export of %s for %s: %d records, %d bytes", request.kind, caller.chat_id, count, size
    )
    if size > MAX_UPLOAD:
        await call.reply(call.t("exports.too_large", size=round(size / 1024 / 1024)))
        return
    target.seek(0)
    name = export_book.file_name(request, caller.lang, caller.now, caller.tz)
    caption = call.t(
        "exports.caption",
        what=export_book.what(request, caller.lang),
        period=export_book.period(request, caller.lang, caller.now, caller.tz),
        count=count,
    )
    await call.context.bot.send_document(
        caller.chat_id, document=InputFile(target, filename=name), caption=caption
    )
