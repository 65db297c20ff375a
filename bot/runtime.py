"""What handlers and jobs share at run time: settings, the database and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from telegram.ext import Application, CallbackContext

from bot.settings import Settings
from storage.db import Database

_KEY = "rakor"


def system_clock() -> datetime:
    """The real time, UTC. The only place Rakor reads the wall clock."""
    return datetime.now(UTC)


@dataclass(eq=False)
class Runtime:
    settings: Settings
    clock: Callable[[], datetime] = system_clock
    db: Database | None = None
    """Opened in ``post_init`` and closed in ``post_shutdown``."""

    admin_cache: dict[int, tuple[float, frozenset[int]]] = field(default_factory=dict)
    """chat id → (monotonic expiry, ids of the chat's Telegram administrators)."""

    @property
    def database(self) -> Database:
        if self.db is None:
            raise RuntimeError(
                "the database is opened in post_init; the application is not running"
            )
        return self.db

    def now(self) -> datetime:
        now = self.clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return an aware datetime")
        return now


def attach(app: Application[Any, Any, Any, Any, Any, Any], runtime: Runtime) -> None:
    app.bot_data[_KEY] = runtime


def runtime_of(
    holder: Application[Any, Any, Any, Any, Any, Any] | CallbackContext[Any, Any, Any, Any],
) -> Runtime:
    """The :class:`Runtime` of an application or of a handler's/job's context."""
    return holder.bot_data[_KEY]
