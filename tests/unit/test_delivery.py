"""The outbox sending one claimed firing: what is retried, what is marked as a possible repeat,
what fails, and that nothing is lost."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from telegram import Chat, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    TimedOut,
)

from bot.runtime import Runtime
from bot.settings import Settings
from bot.telegram import delivery
from bot.telegram.delivery import Outbox
from bot.telegram.ratelimit import SendOptions, ServerError
from storage import db as storage_db
from storage import firings, groups
from storage.firings import Firing, NewFiring, Outgoing
from tests.helpers import GROUP, Clock, caused, refused

NOW = 1_795_000_000
SUPERGROUP = -1009999999999


class ScriptedBot:
    """Answers send_message from a script: an exception to raise, or None for success. Like
    the rate limiter, it calls the request's attempt hooks around it."""

    def __init__(self, *script: Exception | None) -> None:
        self.script = list(script)
        self.sent: list[tuple[int, str]] = []

    async def send_message(
        self, chat_id: int, text: str, *, rate_limit_args: SendOptions | None = None, **_: Any
    ) -> Message:
        options = rate_limit_args or SendOptions()
        if options.on_attempt is not None:
            await options.on_attempt()
        self.sent.append((chat_id, text))
        outcome = self.script.pop(0) if self.script else None
        if options.after_attempt is not None:
            await options.after_attempt(outcome)
        if outcome is not None:
            raise outcome
        return Message(len(self.sent), None, Chat(chat_id, "supergroup"), text=text)  # type: ignore[arg-type]


@pytest.fixture
async def runtime(tmp_path: Path, clock: Clock) -> AsyncIterator[Runtime]:
    runtime = Runtime()
    runtime.configure(Settings(_env_file=None, database=tmp_path / "rakor.sqlite3"), clock)
    runtime.db = await storage_db.connect(runtime.settings.database)
    yield runtime
    await runtime.db.close()


@dataclass
class Refusals:
    firings: list[Firing]

    async def __call__(self, firing: Firing) -> None:
        self.firings.append(firing)


async def claimed(runtime: Runtime) -> Firing:
    async with runtime.database.transaction() as conn:
        firing_id = await firings.claim(
            conn, NewFiring("test", 1, NOW, GROUP, False, Outgoing("Pengingat")), NOW
        )
    assert firing_id is not None
    firing = await firings.get(runtime.database, firing_id)
    assert firing is not None
    return firing


async def send(runtime: Runtime, bot: ScriptedBot, refusals: Refusals) -> Firing:
    """Claim a firing, send it once, and return it as stored afterwards."""
    outbox = Outbox(runtime, refusals)
    outbox.start(bot)  # type: ignore[arg-type]
    firing = await claimed(runtime)
    await outbox.send(firing)
    stored = await firings.get(runtime.database, firing.id)
    assert stored is not None
    return stored


@pytest.mark.parametrize(
    ("script", "status", "calls", "repeat", "refused"),
    [
        ((), "sent", 1, False, False),
        # certainly never reached Telegram (after the rate limiter's own retries): tried again
        # later, not a repeat
        ((ServerError(502, "Bad Gateway (502)"),), "pending", 1, False, False),
        (
            (caused(NetworkError("no route"), refused()),),
            "pending",
            1,
            False,
            False,
        ),
        ((caused(TimedOut(), aiohttp.ConnectionTimeoutError("slow")),), "pending", 1, False, False),
        # may have reached it: tried again later, marked as a possible repeat
        ((caused(TimedOut(), aiohttp.SocketTimeoutError("no answer")),), "pending", 1, True, False),
        ((caused(NetworkError("cut"), aiohttp.ClientPayloadError()),), "pending", 1, True, False),
        ((Forbidden("bot was kicked from the supergroup chat"),), "failed", 1, False, True),
        ((BadRequest("Chat not found"),), "failed", 1, False, True),
        ((BadRequest("can't parse entities"),), "failed", 1, False, False),
    ],
)
async def test_outcomes(
    runtime: Runtime,
    script: tuple[Exception, ...],
    status: str,
    calls: int,
    repeat: bool,
    refused: bool,
) -> None:
    bot = ScriptedBot(*script)
    refusals = Refusals([])
    stored = await send(runtime, bot, refusals)
    assert len(bot.sent) == calls
    assert stored.status == status
    assert stored.repeat == repeat
    assert bool(refusals.firings) == refused


async def test_a_retried_firing_waits_for_its_time_and_is_not_lost(
    runtime: Runtime, clock: Clock
) -> None:
    bot = ScriptedBot(caused(NetworkError("no route"), refused()))
    stored = await send(runtime, bot, Refusals([]))
    now = int(clock().timestamp())
    assert await firings.next_unsent(runtime.database, GROUP, now) is None
    retry_at = await firings.next_send_at(runtime.database)
    assert retry_at is not None
    assert retry_at > now
    again = await firings.next_unsent(runtime.database, GROUP, retry_at)
    assert again is not None
    assert again.id == stored.id


async def test_after_three_unknown_outcomes_a_firing_is_uncertain(runtime: Runtime) -> None:
    timeout = caused(TimedOut(), aiohttp.SocketTimeoutError("no answer"))
    outbox = Outbox(runtime, Refusals([]))
    bot = ScriptedBot(timeout, timeout, timeout)
    outbox.start(bot)  # type: ignore[arg-type]
    firing = await claimed(runtime)
    for _ in range(delivery.MAX_UNKNOWN):
        await outbox.send(firing)
        stored = await firings.get(runtime.database, firing.id)
        assert stored is not None
        firing = stored
    assert firing.status == "uncertain"
    assert len(bot.sent) == delivery.MAX_UNKNOWN
    assert "mungkin sudah terkirim" in bot.sent[-1][1]  # the repeats say so


async def test_a_group_that_became_a_supergroup_gets_its_firing_there(runtime: Runtime) -> None:
    await groups.register(runtime.database, GROUP, "Rakor", "Asia/Jakarta", "id", None, NOW)
    bot = ScriptedBot(ChatMigrated(SUPERGROUP))
    stored = await send(runtime, bot, Refusals([]))
    assert stored.status == "pending"
    assert stored.chat_id == SUPERGROUP
    assert not stored.repeat
    assert await groups.get(runtime.database, GROUP) is None
    moved = await groups.get(runtime.database, SUPERGROUP)
    assert moved is not None
    assert moved.title == "Rakor"
