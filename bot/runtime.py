"""What handlers and jobs share at run time, typed: the application's ``bot_data``.

python-telegram-bot creates ``bot_data`` from :data:`CONTEXT_TYPES`, so every callback sees
``context.bot_data`` as a :class:`Runtime`; :func:`bot.app.build_application` configures it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue
from telegram.request import BaseRequest

from bot.settings import Settings
from bot.telegram.ratelimit import SendOptions
from storage.db import Database

if TYPE_CHECKING:
    from bot.scheduling.dispatcher import Dispatcher
    from bot.services.groups import Group
    from bot.services.members import Member
    from bot.telegram.commands import CommandSpec
    from bot.telegram.delivery import Outbox
    from bot.telegram.inbox import InboxProcessor
    from bot.telegram.throttle import EditThrottle


def system_clock() -> datetime:
    """The real time, UTC. The only place Rakor reads the wall clock."""
    return datetime.now(UTC)


Clock: TypeAlias = Callable[[], datetime]


@dataclass(slots=True)
class Polling:
    """When Telegram last answered ``getUpdates``: on Rakor's clock and on the monotonic one."""

    at: datetime | None = None
    monotonic: float | None = None


class Runtime:
    """Settings, clock, database, dispatcher and the small caches of one application."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self.clock: Clock = system_clock
        self.db: Database | None = None
        """Opened in ``post_init`` and closed in ``post_shutdown``."""
        self.up_since: datetime = system_clock()
        """When this process started serving (set in ``post_init``): firings due before it
        were delayed by downtime."""
        self.admin_cache: dict[int, tuple[float, frozenset[int]]] = {}
        """chat id → (monotonic expiry, ids of the chat's Telegram administrators)."""
        self.membership_answers: dict[tuple[int, int], tuple[float, bool]] = {}
        """(group, user) → (monotonic expiry, whether Telegram said the user is in it)."""
        self.commands: list[CommandSpec] = []
        """Every command registered, in order: /bantuan and the command menus."""
        self.unknown_command_hints: dict[int, datetime] = {}
        """chat id → when it was last told a command is unknown (at most once a minute)."""
        self._dispatcher: Dispatcher | None = None
        self._outbox: Outbox | None = None
        self._announcement_edits: EditThrottle | None = None
        self._attendance_edits: EditThrottle | None = None
        self._inbox: InboxProcessor | None = None
        self.polling = Polling()
        self.started_monotonic = time.monotonic()
        self.requests: tuple[BaseRequest, ...] = ()
        """The Bot API connections (requests and ``getUpdates``), closed in ``post_shutdown``:
        python-telegram-bot opens them before it checks the token and closes them only after
        a start that succeeded."""

    def configure(self, settings: Settings, clock: Clock) -> None:
        self._settings = settings
        self.clock = clock

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            raise RuntimeError("the runtime is configured by build_application")
        return self._settings

    @property
    def default_locale(self) -> tuple[str, str]:
        """(language, time zone) of a chat that is not a registered group."""
        return self.settings.language, self.settings.timezone

    @property
    def database(self) -> Database:
        if self.db is None:
            raise RuntimeError(
                "the database is opened in post_init; the application is not running"
            )
        return self.db

    @property
    def dispatcher(self) -> Dispatcher:
        if self._dispatcher is None:
            raise RuntimeError("the dispatcher is set up by build_application")
        return self._dispatcher

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            raise RuntimeError("the outbox is set up by build_application")
        return self._outbox

    def attach_scheduling(self, dispatcher: Dispatcher, outbox: Outbox) -> None:
        self._dispatcher, self._outbox = dispatcher, outbox

    @property
    def inbox(self) -> InboxProcessor:
        if self._inbox is None:
            raise RuntimeError("the inbox is set up by build_application")
        return self._inbox

    @inbox.setter
    def inbox(self, processor: InboxProcessor) -> None:
        self._inbox = processor

    @property
    def announcement_edits(self) -> EditThrottle:
        """The throttle of the announcements' Diterima buttons (tests shorten its interval)."""
        if self._announcement_edits is None:
            raise RuntimeError("the announcement buttons are registered by build_application")
        return self._announcement_edits

    @announcement_edits.setter
    def announcement_edits(self, throttle: EditThrottle) -> None:
        self._announcement_edits = throttle

    @property
    def attendance_edits(self) -> EditThrottle:
        """The throttle of the daftar hadir posts' edits (tests shorten its interval)."""
        if self._attendance_edits is None:
            raise RuntimeError("the meeting handlers are registered by build_application")
        return self._attendance_edits

    @attendance_edits.setter
    def attendance_edits(self, throttle: EditThrottle) -> None:
        self._attendance_edits = throttle

    def now(self) -> datetime:
        now = self.clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return an aware datetime")
        return now

    def polled(self) -> None:
        """Telegram answered ``getUpdates``."""
        self.polling = Polling(self.now(), time.monotonic())


Bot: TypeAlias = ExtBot[SendOptions]
"""The bot of the application (its requests go through Rakor's rate limiter)."""


class Context(CallbackContext[Bot, dict[Any, Any], dict[Any, Any], Runtime]):
    """The context every handler and job gets: ``context.bot_data`` is the :class:`Runtime`.

    python-telegram-bot makes one context per update and hands it to every handler group, so
    what the gate (handler group -1) learns reaches the handlers after it."""

    seen_in_group: tuple[Group | None, Member | None] | None = None
    """The chat's registered group and the person as its member, as the gate left them; the
    update's first ``access.resolve`` takes them instead of asking the database again."""


App: TypeAlias = Application[
    Bot, Context, dict[Any, Any], dict[Any, Any], Runtime, JobQueue[Context]
]
"""The application type, one alias for the whole code base."""

CONTEXT_TYPES = ContextTypes(context=Context, bot_data=Runtime)


def runtime_of(holder: App | Context) -> Runtime:
    """The :class:`Runtime` of an application or of a handler's/job's context."""
    return holder.bot_data
