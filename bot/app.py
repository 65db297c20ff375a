"""The one place that wires Rakor: settings → ``Application`` with handlers, hooks and errors."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, CallbackContext, Defaults

from bot.runtime import Runtime, attach, runtime_of, system_clock
from bot.scheduling import dispatcher
from bot.settings import Settings
from bot.telegram import commands
from bot.telegram.access import chat_locale
from bot.telegram.inbox import DurableUpdateQueue, InboxProcessor, forget_handled, replay
from bot.text.i18n import LANGUAGES, t
from handlers import (
    agenda,
    announcements,
    decisions,
    meetings,
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
from storage import firings
from storage import search as search_index

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

FEATURES = (
    groups_handlers,
    units,
    roles,
    announcements,
    meetings,
    agenda,
    decisions,
    minutes,
    reminders,
    tasks,
    recap,
    search,
    help_handlers,
)
"""Handler modules, each with ``register(app)``; /bantuan lists commands in this order."""

POLL_TIMEOUT = timedelta(seconds=30)


def build_application(
    settings: Settings, *, clock: Callable[[], datetime] = system_clock, flood_limits: bool = True
) -> App:
    """Build the ``Application``: one per process, shared by production, the sandbox and tests.

    ``flood_limits=False`` drops the rate limiter, for the sandbox's fake Telegram, which has
    no limits to respect (with it, a demo of 40 messages would crawl at one every 3 s).
    """
    if settings.bot_token is None:
        raise ValueError("RAKOR_BOT_TOKEN is not set")
    runtime = Runtime(settings=settings, clock=clock)

    def database() -> storage_db.Database:
        return runtime.database

    def epoch() -> int:
        return int(runtime.now().timestamp())

    builder = Application.builder()
    if flood_limits:
        builder = builder.rate_limiter(rate_limiter())
    app = (
        builder.token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_url)
        .base_file_url(settings.bot_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                tzinfo=ZoneInfo(settings.timezone),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .update_queue(DurableUpdateQueue(database, epoch))
        .concurrent_updates(InboxProcessor(database, epoch))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    attach(app, runtime)
    for feature in FEATURES:
        feature.register(app)
    app.add_error_handler(on_error)
    return app


def rate_limiter() -> AIORateLimiter:
    """Telegram's flood limits: 30 messages a second per bot, 20 a minute per group.

    The overall limit is spread evenly (one message every 1/30 s) rather than allowed as a
    burst of 30 followed by 30 a second, which can put up to 60 messages in one second and
    earn 429s; groups keep their burst of 20, so a reply of two messages is not held back.
    """
    return AIORateLimiter(overall_max_rate=1, overall_time_period=1 / 30, max_retries=5)


async def post_init(app: App) -> None:
    """Open the database (migrating it, rebuilding the search index if a migration asked),
    queue unhandled updates, schedule what is due, publish the command menus."""
    runtime = runtime_of(app)
    runtime.db = await storage_db.connect(runtime.settings.database)
    await search_index.rebuild_if_requested(runtime.db)
    replayed = await replay(runtime.db, app.update_queue, app.bot)
    if replayed:
        logger.info("%d update(s) stored before the last stop will be handled now", replayed)
    interrupted = await firings.mark_interrupted(runtime.db)
    if interrupted:
        logger.warning("%d firing(s) interrupted by the last stop are not sent again", interrupted)
    await dispatcher.wake(app)
    app.job_queue.run_repeating(forget_handled, interval=timedelta(days=1), first=timedelta(0))
    await publish_commands(app)


async def post_shutdown(app: App) -> None:
    runtime = runtime_of(app)
    if runtime.db is not None:
        await runtime.db.close()
        runtime.db = None


async def publish_commands(app: App) -> None:
    """The command menus, Indonesian by default and English for English-speaking users."""
    specs = commands.registered(app)
    for lang in LANGUAGES:
        menu = [BotCommand(spec.shown(lang), t(lang, f"help.{spec.name}")) for spec in specs]
        try:
            await app.bot.set_my_commands(menu, language_code=None if lang == "id" else lang)
        except TelegramError as exc:
            logger.warning("could not publish the %s command menu: %s", lang, exc)


async def on_error(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Log the failure and tell the user politely; never let the error escape."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("handling update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    chat = update.effective_chat
    runtime = runtime_of(context)
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
    """Run the application with polling inside an existing event loop (tests, the sandbox).

    Does what ``run_polling`` does, minus owning the loop and the signals.
    """
    await app.initialize()
    try:
        await post_init(app)
        await app.updater.start_polling(
            poll_interval=0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )
        await app.start()
        try:
            yield app
        finally:
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
    finally:
        await app.shutdown()
        await post_shutdown(app)
