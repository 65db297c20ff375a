"""Fakes and factories for tests: an injected clock and a harness around the real bot."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import aiohttp

from bot.fakeapi import FakeBotApi, StoredMessage
from bot.runtime import runtime_of
from storage import firings, inbox
from storage.db import Database

E = TypeVar("E", bound=Exception)

TOKEN = "123456:TEST-token-for-the-fake-server"
JAKARTA = ZoneInfo("Asia/Jakarta")

GROUP = -1001000000001
OTHER_GROUP = -1001000000002
REFUSED_GROUP = -1001000000666

ADMIN = 1001  # Asisten, a Telegram administrator of GROUP
BUDI = 1002  # Dishub
SITI = 1003  # Bapperida
ANI = 1004  # read-only staff


def caused(error: E, cause: Exception) -> E:
    """``error`` raised from ``cause`` (as the transport raises its ``TelegramError``)."""
    error.__cause__ = cause
    return error


def refused() -> aiohttp.ClientConnectorError:
    """aiohttp's error for a connection the server refused (nothing was sent)."""
    key = SimpleNamespace(host="api.telegram.org", port=443, ssl=True)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connection refused"))  # type: ignore[arg-type]


class Clock:
    """An injected clock; tests move it, nothing sleeps."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current

    def set(self, now: datetime) -> None:
        self.current = now


def populate(fake: FakeBotApi) -> None:
    """The people and groups most tests use."""
    fake.add_user(ADMIN, "Asisten", last_name="Pemerintahan", username="asisten_pem")
    fake.add_user(BUDI, "Budi", last_name="Santoso", username="budi_dishub")
    fake.add_user(SITI, "Siti", last_name="Rahma", username="siti_bapperida")
    fake.add_user(ANI, "Ani", username="ani_staf", language_code="en")
    for chat_id, title in ((GROUP, "Rakor Kota Contoh"), (OTHER_GROUP, "Rakor Lain")):
        fake.add_group(chat_id, title, admins=(ADMIN,), bot_is_admin=True, bot_can_pin=True)
    fake.add_group(REFUSED_GROUP, "Grup Asing", admins=(ADMIN,))


async def until(condition: Any, timeout: float = 10.0, what: str = "condition") -> None:  # noqa: ASYNC109
    """Wait (real time, for the bot's own work) until the async or sync ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


@dataclass
class Harness:
    """The real ``Application`` running against the fake Bot API server."""

    fake: FakeBotApi
    app: Any
    clock: Clock

    @property
    def db(self) -> Database:
        return runtime_of(self.app).database

    async def settle(self) -> None:
        """Wait until every update the fake holds was fetched, stored and handled."""

        async def idle() -> bool:
            return not self.fake.pending_update_ids and not await inbox.pending(self.db)

        await until(idle, timeout=30, what="the bot to handle every update")

    async def say(
        self, chat_id: int, user_id: int, text: str, **kwargs: Any
    ) -> list[StoredMessage]:
        """A user writes; returns what the bot sent in answer (new messages only)."""
        before = len(self.fake.sent)
        self.fake.send_message(chat_id, user_id, text, **kwargs)
        await self.settle()
        return self.fake.sent[before:]

    async def reply_text(self, chat_id: int, user_id: int, text: str, **kwargs: Any) -> str:
        """The plain text of the bot's answers to one message, joined."""
        return "\n".join(
            message.text for message in await self.say(chat_id, user_id, text, **kwargs)
        )

    async def leave(self, chat_id: int, user_id: int, **kwargs: Any) -> None:
        """The user leaves the group (see ``FakeBotApi.leave`` for removals, bans, orders)."""
        self.fake.leave(chat_id, user_id, **kwargs)
        await self.settle()

    async def fire(self, at: datetime, *, restarted: bool = False) -> list[StoredMessage]:
        """Move the clock to ``at`` and run the dispatcher as its job would; what it sent.

        ``restarted``: as if the bot had been down and started again at ``at`` (what fell due
        before is then late).
        """
        self.clock.set(at)
        runtime = runtime_of(self.app)
        if restarted:
            runtime.up_since = at
        before = len(self.fake.sent)
        await runtime.dispatcher.run_due(self.clock())
        return self.fake.sent[before:]

    async def quiet(self) -> None:
        """Send every follow-up and reminder due by now and wait until they are out, so that
        none arrives while the next command is answered."""

        async def outbox_empty() -> bool:
            counts = await firings.counts(self.db)
            return not counts.get("pending") and not counts.get("sending")

        while True:
            sent = await self.fire(self.clock())
            await until(outbox_empty, what="the outbox to empty")
            if not sent:
                return

    async def press(
        self, chat_id: int, user_id: int, message_id: int, data: str
    ) -> tuple[str, str | None, bool]:
        """A user presses an inline button; returns the callback answer."""
        query_id = self.fake.press_button(chat_id, user_id, message_id, data)
        await self.settle()
        await until(
            lambda: any(a[0] == query_id for a in self.fake.callback_answers), what="an answer"
        )
        return next(a for a in self.fake.callback_answers if a[0] == query_id)

    async def confirm(
        self, chat_id: int, user_id: int, command: str, *, yes: bool = True
    ) -> tuple[StoredMessage, tuple[str, str | None, bool]]:
        """A user sends ``command``, which asks for a confirmation, and presses Ya (or Batal)
        on the question; the question and the answer to the press."""
        [question] = await self.say(chat_id, user_id, command)
        answer = await self.press(
            chat_id, user_id, question.message_id, confirm_data(question, yes=yes)
        )
        return question, answer


def confirm_data(question: StoredMessage, *, yes: bool = True) -> str:
    """The callback data of the Ya (or Batal) button of a confirmation question."""
    [[ok, cancel]] = question.reply_markup["inline_keyboard"]
    return (ok if yes else cancel)["callback_data"]


def run_cli(
    *args: str, cwd: Path, env: dict[str, str], timeout: float = 60.0
) -> subprocess.CompletedProcess[str]:
    """``python -m bot.cli ARGS`` to its end (killed after ``timeout`` seconds).

    Not ``subprocess.run(timeout=…)``: its wait polls with ``time.sleep``, which fails with
    EINVAL under faketime (CI runs the suite a year ahead); a timer kills a hung process.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    try:
        stdout, stderr = process.communicate()
    finally:
        killer.cancel()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
