"""The bots ``bench/throughput.py`` compares, each run in a process of its own.

    python -m bench.throughput_bots KIND URL COUNT    # prints one line of JSON

``rakor`` is what ``rakor run`` runs (``build_application`` and ``running``, settings from
the environment, logging configured as the command does) with the flood limiter off;
``echo`` is python-telegram-bot's echo bot as its examples write it (each message answered
with its text, each button press answered), ``noop`` a bot whose one handler does nothing;
``poller`` is no bot at all but ``getUpdates`` in a loop, the JSON parsed and dropped: what
the fake server can serve. Each measures from the moment it asks the fake server to release
the updates until it has finished ``COUNT`` of them: updates per second, CPU seconds of the
whole process (every thread) per update, and its peak resident memory. Only this module's
imports are loaded in a bare bot's process, so its memory is python-telegram-bot's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any
from unittest import mock

import httpx
from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bench.memory import peak_rss_kib

TOKEN = "123456:BENCH-throughput-token"  # noqa: S105 - the fake server's token
KINDS = ("rakor", "echo", "noop", "poller")
POLL_TIMEOUT = timedelta(seconds=30)


class Warnings(logging.Handler):
    """Counts the warnings and errors logged while the bot ran (a run with any is suspect)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.first: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if self.first is None:
            self.first = record.getMessage()[:200]


@contextmanager
def counting(queue: asyncio.Queue[object], count: int) -> Iterator[asyncio.Event]:
    """An event set once the application has finished ``count`` updates: python-telegram-bot
    calls its update queue's ``task_done`` after an update's handlers (and, for Rakor, its
    done-mark in the inbox) are through."""
    finished = asyncio.Event()
    done = 0
    task_done = queue.task_done

    def one_done() -> None:
        nonlocal done
        task_done()
        done += 1
        if done >= count:
            finished.set()

    with mock.patch.object(queue, "task_done", side_effect=one_done):
        yield finished


async def go(url: str) -> None:
    async with httpx.AsyncClient() as client:
        await client.post(f"{url}/bench/go")


async def measure(
    app: Application[Any, Any, Any, Any, Any, Any], url: str, count: int
) -> dict[str, Any]:
    """Release the updates and time the application through ``count`` of them."""
    warnings = Warnings()
    logging.getLogger().addHandler(warnings)
    with counting(app.update_queue, count) as finished:
        started, cpu = time.perf_counter(), time.process_time()
        await go(url)
        await finished.wait()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "updates_per_s": count / seconds,
        "cpu_us": cpu / count * 1e6,
        "peak_rss_mib": peak_rss_kib() / 1024,
        "warnings": warnings.count,
        "first_warning": warnings.first,
    }


async def rakor(url: str, count: int) -> dict[str, Any]:
    from bot import logs
    from bot.app import build_application, running
    from bot.settings import Settings

    settings = Settings()
    logs.configure(settings.log_level, (TOKEN,))
    app = build_application(settings, flood_limits=False)
    async with running(app):
        return await measure(app, url, count)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer(update.callback_query.data)


async def nothing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The no-op bot's one handler."""


async def bare(kind: str, url: str, count: int) -> dict[str, Any]:
    app = Application.builder().token(TOKEN).base_url(f"{url}/bot").build()
    if kind == "echo":
        app.add_handler(MessageHandler(filters.ALL, echo))
        app.add_handler(CallbackQueryHandler(answer))
    else:
        app.add_handler(TypeHandler(Update, nothing))
    async with app:
        updater = app.updater
        assert updater is not None
        await updater.start_polling(poll_interval=0, timeout=POLL_TIMEOUT)
        await app.start()
        result = await measure(app, url, count)
        await updater.stop()
        await app.stop()
    return result


async def poller(url: str, count: int) -> dict[str, Any]:
    """``getUpdates`` as fast as the server answers, each batch parsed and dropped."""
    async with httpx.AsyncClient(base_url=f"{url}/bot{TOKEN}") as client:
        started, cpu = time.perf_counter(), time.process_time()
        await client.post(f"{url}/bench/go")
        offset, got = 0, 0
        while got < count:
            answer = await client.post("/getUpdates", data={"offset": offset, "timeout": 30})
            updates = answer.json()["result"]
            got += len(updates)
            offset = updates[-1]["update_id"] + 1 if updates else offset
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "updates_per_s": count / seconds,
        "cpu_us": cpu / count * 1e6,
        "peak_rss_mib": peak_rss_kib() / 1024,
        "warnings": 0,
        "first_warning": None,
    }


def main(argv: list[str]) -> None:
    kind, url, count = argv[0], argv[1], int(argv[2])
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # as ``rakor`` sets it
    if kind == "rakor":
        result = asyncio.run(rakor(url, count))
    elif kind == "poller":
        result = asyncio.run(poller(url, count))
    else:
        result = asyncio.run(bare(kind, url, count))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
