"""Sending a claimed firing: what is retried, what is never sent twice, what fails."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import Chat, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.runtime import Runtime
from bot.settings import Settings
from bot.telegram import delivery
from storage import db as storage_db
from storage import firings
from tests.helpers import GROUP, Clock

NOW = 1_795_000_000


def caused(error: Exception, cause: Exception) -> Exception:
    error.__cause__ = cause
    return error


class ScriptedBot:
    """Answers send_message from a script: an exception to raise, or None for success."""

    def __init__(self, *script: Exception | None) -> None:
        self.script = list(script)
        self.calls = 0

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Message:
        self.calls += 1
        outcome = self.script.pop(0) if self.script else None
        if outcome is not None:
            raise outcome
        return Message(self.calls, None, Chat(chat_id, "supergroup"), text=text)  # type: ignore[arg-type]


@pytest.fixture
async def runtime(tmp_path: Path, clock: Clock) -> AsyncIterator[Runtime]:
    settings = Settings(_env_file=None, database=tmp_path / "rakor.sqlite3")
    runtime = Runtime(settings=settings, clock=clock)
    runtime.db = await storage_db.connect(settings.database)
    yield runtime
    await runtime.db.close()


async def claimed(runtime: Runtime) -> int:
    async with runtime.database.transaction() as conn:
        firing_id = await firings.claim(
            conn, kind="test", ref_id=1, scheduled_at=NOW, chat_id=GROUP, late=False, now=NOW
        )
    assert firing_id is not None
    return firing_id


@pytest.mark.parametrize(
    ("script", "status", "calls", "refused"),
    [
        ((), "sent", 1, False),
        ((RetryAfter(0), RetryAfter(0)), "sent", 3, False),
        ((caused(NetworkError("no route"), httpx.ConnectError("refused")),), "sent", 2, False),
        ((caused(TimedOut(), httpx.ConnectTimeout("slow")),), "sent", 2, False),
        ((caused(TimedOut(), httpx.ReadTimeout("no answer")),), "uncertain", 1, False),
        ((caused(NetworkError("cut"), httpx.ReadError("reset")),), "uncertain", 1, False),
        ((Forbidden("bot was kicked from the supergroup chat"),), "failed", 1, True),
        ((BadRequest("Chat not found"),), "failed", 1, True),
        ((BadRequest("can't parse entities"),), "failed", 1, False),
        ((caused(NetworkError("down"), httpx.ConnectError("refused")),) * 4, "failed", 4, False),
    ],
)
async def test_outcomes(
    runtime: Runtime,
    monkeypatch: pytest.MonkeyPatch,
    script: tuple[Exception, ...],
    status: str,
    calls: int,
    refused: bool,
) -> None:
    monkeypatch.setattr(delivery, "BACKOFF_SECONDS", 0.0)
    bot = ScriptedBot(*script)
    firing_id = await claimed(runtime)
    outcome = await delivery.deliver(bot, runtime, firing_id, GROUP, "Pengingat")  # type: ignore[arg-type]
    assert bot.calls == calls
    assert (await firings.get(runtime.database, firing_id)).status == status
    assert (outcome.message is not None) == (status == "sent")
    assert outcome.refused == refused
