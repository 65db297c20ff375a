"""The one dispatch loop for everything Rakor sends on a schedule.

The database is the source of truth. Each scheduled feature is a :class:`Source` (in
``jobs/``) that knows when its next item is due, which items are due, and how to claim one: a
claim advances the item and stores the message in the firing outbox in one transaction. The
dispatcher claims what is due, then the :class:`~bot.telegram.delivery.Outbox` sends it.

The job queue holds a single job, armed by the delay (on Rakor's injected clock) until the
earliest due time and run however late it wakes (a stalled process loses nothing). A safety
tick re-arms it every :data:`SAFETY_INTERVAL` whatever happened. One item that raises is set
aside with back-off and logged once; everything else keeps firing. A run that fails as a whole
(the database locked by another process, say) is retried with back-off, not in a spin.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from telegram.ext import Job, JobQueue

from storage import faults, firings
from storage.db import Database, Earliest, earliest

if TYPE_CHECKING:
    from bot.runtime import Context, Runtime
    from bot.telegram.delivery import Outbox

logger = logging.getLogger(__name__)

JOB_NAME = "rakor-dispatch"
SAFETY_INTERVAL = timedelta(seconds=30)
MAX_FAULTS = 8
"""After this many failures in a row an item is given up (its source marks it failed)."""
FAULT_BACKOFF = timedelta(minutes=1)
MAX_FAULT_BACKOFF = timedelta(hours=6)
KICK_INTERVAL = 0.05
"""Seconds between two nudges of the outbox while a burst is being claimed."""
REARM_MARGIN = 0.01
"""Seconds within which a wake that finds the same due time keeps the armed job."""
RUN_BACKOFF = timedelta(seconds=5)
MAX_RUN_BACKOFF = timedelta(minutes=1)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Due(Generic[T]):
    """One item a source has due: ``ref_id`` names it in the fault log."""

    ref_id: int
    item: T


class Source(Protocol[T]):
    """Something that fires at stored times: reminders, follow-ups, meeting reminders…"""

    name: str
    """Also the ``kind`` of its firings."""

    next_due: Earliest
    """The earliest due time of its pending items: asked with every other source's in one
    statement (:func:`next_due`)."""

    async def due(self, db: Database, now: int) -> Sequence[Due[T]]:
        """Its items due at ``now``."""

    async def fire(self, runtime: Runtime, item: T, now: datetime) -> None:
        """Claim the item's firing (advance it and store the message), if still due."""

    async def postpone(self, db: Database, item: T, until: int | None) -> None:
        """Set the item aside until ``until`` (None: for good) after it raised."""

    async def refused(self, db: Database, ref_id: int) -> None:
        """Telegram refused the chat of a firing of ``ref_id`` (bot removed): stop it."""


async def next_due(db: Database, sources: Sequence[Source[Any]]) -> int | None:
    """The earliest due time of every source and of the outbox (retries), in one statement."""
    return await earliest(db, [*(source.next_due for source in sources), firings.NEXT_SEND])


class Dispatcher:
    """Claims what is due from every source and has the outbox send it."""

    def __init__(self, runtime: Runtime, sources: Sequence[Source[Any]], outbox: Outbox) -> None:
        self.runtime = runtime
        self.sources = tuple(sources)
        self.outbox = outbox
        self._job_queue: JobQueue[Any] | None = None
        self._armed: tuple[Job[Any], datetime, float] | None = None
        """The dispatch job, the due time it is for and when it runs (``time.monotonic``)."""
        self._lock = asyncio.Lock()
        self._failed_runs = 0

    def source(self, name: str) -> Source[Any] | None:
        return next((source for source in self.sources if source.name == name), None)

    def start(self, job_queue: JobQueue[Any]) -> None:
        """Arm the safety tick (the first wake is :meth:`wake`'s)."""
        self._job_queue = job_queue
        job_queue.run_repeating(self._safety_tick, interval=SAFETY_INTERVAL, first=SAFETY_INTERVAL)

    async def wake(self, due: datetime | None = None) -> datetime | None:
        """(Re)arm the dispatch job at the earliest due time; returns that time. ``due``: the
        due time of an item just added; a run armed for then or earlier stays as it is, and
        the database is not asked (a run in progress asks again when it ends)."""
        if self._job_queue is None:
            raise RuntimeError("the dispatcher is started in post_init")
        if due is not None and self._armed is not None and not self._failed_runs:
            armed_when = self._armed[1]
            if armed_when <= due:
                return armed_when
        earliest = await next_due(self.runtime.database, self.sources)
        if earliest is None:
            self._disarm()
            return None
        now = self.runtime.now()
        when = max(datetime.fromtimestamp(earliest, UTC), now)
        if self._failed_runs:
            backoff = min(RUN_BACKOFF * 2 ** (self._failed_runs - 1), MAX_RUN_BACKOFF)
            when = max(when, now + backoff)
        # The job queue runs on the wall clock, Rakor on its injected one: the job is armed by
        # the delay between them (its ``data`` is the due time on Rakor's clock), and a job
        # that wakes late (a stalled process) still runs. A wake that finds the job armed for
        # the same moment (most wakes: a command rarely changes the earliest due time) keeps
        # it: re-arming costs more than the question.
        runs_at = time.monotonic() + (when - now).total_seconds()
        if self._armed is not None:
            _, armed_when, armed_runs_at = self._armed
            if armed_when == when and abs(armed_runs_at - runs_at) < REARM_MARGIN:
                return when
        self._disarm()
        job = self._job_queue.run_once(
            self._tick,
            when=when - now,
            data=when,
            name=JOB_NAME,
            job_kwargs={"misfire_grace_time": None},
        )
        self._armed = (job, when, runs_at)
        return when

    def _disarm(self) -> None:
        if self._armed is not None:
            # APScheduler's JobLookupError (a KeyError): it has just run.
            with contextlib.suppress(KeyError):
                self._armed[0].schedule_removal()
            self._armed = None

    async def run_due(self, now: datetime) -> None:
        """Claim everything due at ``now``, send what is unsent, then arm the next run."""
        try:
            async with self._lock:
                await self._claim_due(now)
            await self.outbox.flush()
        except Exception:
            self._failed_runs += 1
            logger.exception("dispatching failed (%d in a row); retried soon", self._failed_runs)
        else:
            self._failed_runs = 0
        await self.wake()

    async def _claim_due(self, now: datetime) -> None:
        """Claim every due item; sending starts while a long burst is still being claimed."""
        db = self.runtime.database
        epoch = int(now.timestamp())
        set_aside = await faults.keys(db)
        kicked = time.monotonic()
        for source in self.sources:
            for entry in await source.due(db, epoch):
                try:
                    await source.fire(self.runtime, entry.item, now)
                except Exception as exc:
                    await self._set_aside(source, entry, exc, epoch)
                    continue
                if (source.name, entry.ref_id) in set_aside:
                    await faults.clear(db, source.name, entry.ref_id)
                if time.monotonic() - kicked > KICK_INTERVAL:
                    await self.outbox.kick()
                    kicked = time.monotonic()

    async def _set_aside(
        self, source: Source[Any], entry: Due[Any], exc: Exception, now: int
    ) -> None:
        db = self.runtime.database
        failures = await faults.record(db, source.name, entry.ref_id, repr(exc), now)
        if failures >= MAX_FAULTS:
            logger.error(
                "%s %s failed %d times; given up: %r", source.name, entry.ref_id, failures, exc
            )
            await source.postpone(db, entry.item, None)
            return
        delay = min(FAULT_BACKOFF * 2 ** (failures - 1), MAX_FAULT_BACKOFF)
        if failures == 1:
            logger.error(
                "%s %s failed; set aside for %s", source.name, entry.ref_id, delay, exc_info=exc
            )
        else:
            logger.warning(
                "%s %s failed again (%d times); set aside for %s: %r",
                source.name,
                entry.ref_id,
                failures,
                delay,
                exc,
            )
        await source.postpone(db, entry.item, now + int(delay.total_seconds()))

    async def _tick(self, context: Context) -> None:
        if self._armed is not None and self._armed[0] == context.job:
            self._armed = None  # it has run
        await self.run_due(self.runtime.now())

    async def _safety_tick(self, context: Context) -> None:
        """Re-arm the dispatch job whatever happened to it."""
        jobs = self._job_queue.get_jobs_by_name(JOB_NAME) if self._job_queue else ()
        if self._armed is not None and self._armed[0] not in jobs:
            self._armed = None  # gone without running: armed again below
        try:
            await self.wake()
        except Exception:
            logger.exception("the safety wake failed; it is tried again")
