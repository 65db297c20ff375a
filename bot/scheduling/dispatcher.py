"""The one dispatch loop for everything Rakor sends on a schedule.

The database is the source of truth. Each feature registers a :class:`Source` that knows
when its next item is due and how to fire what is due. The job queue holds a single job at
the earliest due time of all sources; it is rebuilt from the database at start-up (so what
fell due while the bot was down is sent at once, marked late) and after every change.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any, Protocol

from telegram.ext import Application, CallbackContext

from bot.runtime import runtime_of
from storage.db import Database

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

JOB_NAME = "rakor-dispatch"
_SOURCES = "rakor.sources"
_LOCK = "rakor.dispatch-lock"


class Source(Protocol):
    """Something that fires at stored times: reminders, follow-ups, meeting reminders…"""

    name: str

    async def next_due(self, db: Database) -> int | None:
        """The earliest due time (Unix seconds) of its pending items, if any."""

    async def run_due(self, app: App, now: datetime) -> None:
        """Fire every item due at ``now`` (claiming each firing before sending it)."""


def add_source(app: App, source: Source) -> None:
    app.bot_data.setdefault(_SOURCES, []).append(source)


def sources(app: App) -> list[Source]:
    return list(app.bot_data.get(_SOURCES, ()))


async def wake(app: App) -> datetime | None:
    """(Re)schedule the dispatch job at the earliest due time; returns that time."""
    runtime = runtime_of(app)
    due = [await source.next_due(runtime.database) for source in sources(app)]
    pending = [at for at in due if at is not None]
    job_queue = app.job_queue
    if job_queue is None:
        raise RuntimeError("Rakor needs python-telegram-bot's job queue")
    for job in job_queue.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    if not pending:
        return None
    now = runtime.now()
    when = max(datetime.fromtimestamp(min(pending), UTC), now)
    # The job queue runs on the wall clock, Rakor on its injected one: the job is armed by
    # the delay between them (its ``data`` is the due time on Rakor's clock), and a job that
    # wakes late (a stalled process) still runs.
    job_queue.run_once(
        _tick,
        when=when - now,
        data=when,
        name=JOB_NAME,
        job_kwargs={"misfire_grace_time": None},
    )
    return when


async def run_due(app: App, now: datetime) -> None:
    """Fire everything due at ``now`` (one run at a time), then schedule the next run."""
    lock: asyncio.Lock = app.bot_data.setdefault(_LOCK, asyncio.Lock())
    async with lock:
        for source in sources(app):
            try:
                await source.run_due(app, now)
            except Exception:
                logger.exception("firing %s failed; it is retried at the next run", source.name)
    await wake(app)


async def _tick(context: CallbackContext[Any, Any, Any, Any]) -> None:
    await run_due(context.application, runtime_of(context).now())
