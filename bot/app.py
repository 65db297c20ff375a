"""The one place that wires Rakor: settings → ``Application`` with handlers, jobs, hooks and
errors, and running it (polling or webhook) with a stop that takes seconds, not minutes."""

from __future__ import annotations

import asyncio
import functools
import logging
import signal
import sqlite3
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import certifi
from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import Application, Defaults, JobQueue

import jobs
from bot.domain import textsearch
from bot.runtime import CONTEXT_TYPES, App, Clock, Context, Runtime, runtime_of, system_clock
from bot.scheduling.dispatcher import Dispatcher
from bot.settings import Settings
from bot.telegram import commands
from bot.telegram.access import chat_locale
from bot.telegram.delivery import Outbox
from bot.telegram.flood import FloodLimits
from bot.telegram.inbox import DurableUpdateQueue, InboxProcessor, forget_handled, replay
from bot.telegram.ratelimit import RateLimiter, TelegramRequest
from bot.text.i18n import LANGUAGES, t
from handlers import (
    agenda,
    announcements,
    corrections,
    decisions,
    exports,
    meetings,
    membership,
    minutes,
    recap,
    reminders,
    roles,
    search,
    tasks,
    units,
)
from handlers import groups as groups_handlers
from handlers import help as help_handlers
from storage import db as storage_db
from storage import firings, health
from storage import search as search_index
from storage.firings import Firing

logger = logging.getLogger(__name__)

search_index.use_analyser(textsearch.analyse)

FEATURES = (
    groups_handlers,
    membership,
    units,
    roles,
    announcements,
    meetings,
    agenda,
    decisions,
    minutes,
    reminders,
    tasks,
    corrections,
    recap,
    exports,
    search,
    help_handlers,
)
"""Handler modules, each with ``register(app)``; /bantuan lists commands in this order. Help
comes last: its fallback for unknown commands must follow every command."""

POLL_TIMEOUT = timedelta(seconds=30)
HEALTH_INTERVAL = timedelta(seconds=30)
POLL_WARNING = 60.0
"""Seconds without a successful ``getUpdates`` before a warning is logged."""


@functools.cache
def tls() -> ssl.SSLContext:
    """One TLS context for every connection of the process: building one (loading the CA
    bundle) takes about 50 ms, and python-telegram-bot would build two per application."""
    return ssl.create_default_context(cafile=certifi.where())


class PollRequest(TelegramRequest):
    """The ``getUpdates`` connection: stores every answer's updates before python-telegram-bot
    reads them (:meth:`DurableUpdateQueue.store_polled`) and reports the success
    (``rakor status``)."""

    def __init__(
        self, store: Callable[[bytes], Awaitable[None]], on_success: Callable[[], None]
    ) -> None:
        super().__init__(connection_pool_size=1, ssl_context=tls())
        self._store = store
        self._on_success = on_success

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        if code == 200:
            await self._store(payload)
            self._on_success()
        return code, payload


def build_application(
    settings: Settings, *, clock: Clock = system_clock, flood_limits: bool = True
) -> App:
    """Build the ``Application``: one per process, shared by production, the sandbox and tests.

    ``flood_limits=False`` keeps no flood windows, for the sandbox's fake Telegram, which has
    no limits to respect (with them, a demo of 40 messages would crawl at one every 3 s).
    """
    if settings.bot_token is None:
        raise ValueError("RAKOR_BOT_TOKEN is not set")
    jobs_queue: JobQueue[Context] = JobQueue()
    builder = (
        Application.builder()
        .context_types(CONTEXT_TYPES)
        .job_queue(jobs_queue)
        .rate_limiter(rate_limiter(settings, flood_limits=flood_limits))
    )
    # The runtime is created by python-telegram-bot from CONTEXT_TYPES; the pieces built
    # before the application reach it through this holder.
    holder: list[Runtime] = []

    def database() -> storage_db.Database:
        return holder[0].database

    def epoch() -> int:
        return int(holder[0].now().timestamp())

    queue = DurableUpdateQueue(database, epoch)
    processor = InboxProcessor(database, epoch, queue)
    requests = TelegramRequest(ssl_context=tls())
    poll = PollRequest(queue.store_polled, lambda: holder[0].polled())
    app: App = (
        builder.request(requests)
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_url)
        .base_file_url(settings.bot_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                tzinfo=ZoneInfo(settings.timezone),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .get_updates_request(poll)
        .update_queue(queue)
        .concurrent_updates(processor)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    runtime = app.bot_data
    holder.append(runtime)
    runtime.configure(settings, clock)
    runtime.inbox = processor
    runtime.requests = (requests, poll)

    async def refused(firing: Firing) -> None:
        source = dispatcher.source(firing.kind)
        if source is not None:
            await source.refused(runtime.database, firing.ref_id)

    outbox = Outbox(runtime, refused)
    dispatcher = Dispatcher(runtime, jobs.sources(), outbox)
    runtime.attach_scheduling(dispatcher, outbox)
    for feature in FEATURES:
        feature.register(app)
    app.add_error_handler(on_error)
    return app


def rate_limiter(settings: Settings, *, flood_limits: bool = True) -> RateLimiter:
    """Every Bot API request passes here: Telegram's flood limits kept with the settings'
    margin, 429s waited out, requests that were never carried out retried
    (``bot/telegram/ratelimit.py``). Without flood limits only the windows are left out."""
    limits = FloodLimits(settings.flood_per_second, settings.flood_per_group_minute)
    return RateLimiter(limits if flood_limits else None)


RECENT_SENDS = timedelta(minutes=1)
"""How far back the flood windows of a starting bot count what the last process sent."""


async def count_recent_sends(app: App) -> None:
    """Scheduled messages sent in the last minute, perhaps by a process that was just killed,
    count to this one's flood windows (at the end of the second they are dated in: the
    latest they can have been answered)."""
    runtime = runtime_of(app)
    limiter = app.bot.rate_limiter
    if not isinstance(limiter, RateLimiter):
        return
    now = runtime.now().timestamp()
    sent = await firings.attempted_since(runtime.database, int(now - RECENT_SENDS.total_seconds()))
    loop_now = asyncio.get_running_loop().time()
    limiter.windows.sent_before((chat, loop_now - max(0.0, now - (at + 1))) for chat, at in sent)


async def post_init(app: App) -> None:
    """Open the database (migrating it, rebuilding the search index if a migration asked),
    queue unhandled updates, recover interrupted firings, start the dispatcher, publish the
    command menus."""
    runtime = runtime_of(app)
    if runtime.db is None:
        runtime.db = await storage_db.connect(runtime.settings.database)
    await search_index.rebuild_if_requested(runtime.db)
    runtime.up_since = runtime.now()
    await health.put(runtime.db, {health.STARTED: int(runtime.up_since.timestamp())})
    replayed = await replay(runtime.db, app.update_queue, app.bot)
    if replayed:
        logger.info("%d update(s) stored before the last stop will be handled now", replayed)
    await count_recent_sends(app)
    interrupted = await firings.recover_interrupted(runtime.db)
    if interrupted:
        logger.warning(
            "%d firing(s) were being sent when the bot stopped; sent again, marked as possible"
            " repeats",
            interrupted,
        )
    job_queue = app.job_queue
    if job_queue is None:
        raise RuntimeError("Rakor needs python-telegram-bot's job queue")
    runtime.outbox.start(app.bot)
    runtime.dispatcher.start(job_queue)
    await runtime.dispatcher.wake()
    job_queue.run_repeating(forget_handled, interval=timedelta(days=1), first=timedelta(0))
    job_queue.run_repeating(report_health, interval=HEALTH_INTERVAL, first=timedelta(seconds=1))
    await publish_commands(app)


async def post_shutdown(app: App) -> None:
    runtime = runtime_of(app)
    for request in runtime.requests:
        await request.shutdown()
    if runtime.db is not None:
        await runtime.db.close()
        runtime.db = None


async def report_health(context: Context) -> None:
    """Every half minute: what ``rakor status`` shows, and a warning when polling is stuck."""
    runtime = runtime_of(context)
    polling = runtime.polling
    if polling.at is not None:
        await health.put(runtime.database, {health.LAST_POLL: int(polling.at.timestamp())})
    updater = context.application.updater
    if runtime.settings.mode != "polling" or updater is None or not updater.running:
        return
    since = time.monotonic() - (polling.monotonic or runtime.started_monotonic)
    if since > POLL_WARNING:
        logger.warning("no successful getUpdates for %.0f s: is Telegram reachable?", since)


async def publish_commands(app: App) -> None:
    """The command menus, Indonesian by default and English for English-speaking users."""
    specs = commands.registered(runtime_of(app))
    for lang in LANGUAGES:
        menu = [BotCommand(spec.shown(lang), t(lang, f"help.{spec.name}")) for spec in specs]
        try:
            await app.bot.set_my_commands(menu, language_code=None if lang == "id" else lang)
        except TelegramError as exc:
            logger.warning("could not publish the %s command menu: %s", lang, exc)


def passing(error: BaseException | None) -> bool:
    """Whether a handler failed for a reason that passes: the database busy (another process
    holding its lock, a full disk) or Telegram unreachable or failing (5xx, timeouts)."""
    if isinstance(error, sqlite3.OperationalError):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


async def on_error(update: object, context: Context) -> None:
    """Log the failure; handle the update again later when the reason passes (commands are
    idempotent), else tell the user politely. Never lets the error escape."""
    update_id = update.update_id if isinstance(update, Update) else None
    runtime = runtime_of(context)
    if update_id is not None and passing(context.error) and runtime.inbox.retry_later(update_id):
        logger.warning("handling update %s failed for now: %r", update_id, context.error)
        return
    logger.error("handling update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    chat = update.effective_chat
    try:
        lang, _ = await chat_locale(runtime, chat.id)
        if update.callback_query is not None:
            await update.callback_query.answer(t(lang, "common.error"), show_alert=True)
        else:
            await context.bot.send_message(chat.id, t(lang, "common.error"))
    except Exception:  # the error handler must never raise
        logger.exception("could not tell chat %s about the failure", chat.id)


@asynccontextmanager
async def running(app: App, *, poll_timeout: timedelta = POLL_TIMEOUT) -> AsyncIterator[App]:
    """Run the application inside an existing event loop until the block ends, then stop fast
    (see :func:`stop`). Polling, or the webhook server when the settings say so."""
    runtime = runtime_of(app)
    # The database first: a file the bot cannot use stops it before it talks to Telegram.
    runtime.db = await storage_db.connect(runtime.settings.database)
    try:
        await app.initialize()
    except BaseException:
        await post_shutdown(app)
        raise
    try:
        await post_init(app)
        settings = runtime.settings
        updater = app.updater
        if updater is None:
            raise RuntimeError("Rakor needs python-telegram-bot's updater")
        if settings.mode == "webhook":
            await updater.start_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                webhook_url=settings.webhook_url,
                secret_token=(
                    settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
                ),
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            await updater.start_polling(
                poll_interval=0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
            )
        await app.start()
        try:
            yield app
        finally:
            await stop(app)
    finally:
        await app.shutdown()
        await post_shutdown(app)


async def stop(app: App) -> None:
    """Stop within seconds, losing nothing: stop fetching (what was confirmed to Telegram is
    stored), leave queued updates in the inbox for the next start, give the updates being
    handled a moment and cancel the rest (replayed next start), stop sending (unsent firings
    stay in the outbox), then stop python-telegram-bot's application."""
    runtime = runtime_of(app)
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    queue = app.update_queue
    if isinstance(queue, DurableUpdateQueue):
        waiting = queue.drop_waiting()
        if waiting:
            logger.info("%d queued update(s) are left in the inbox for the next start", waiting)
    await runtime.inbox.stop()
    await runtime.outbox.close()
    if app.running:
        await app.stop()


async def serve(app: App) -> None:
    """Run until SIGTERM or SIGINT (the ``rakor run`` command)."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    async with running(app):
        await stopping.wait()
        logger.info("stopping")
