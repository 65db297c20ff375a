"""Tests that run the bot as a real process or drive a browser: all marked ``e2e``, so
``pytest -m "not e2e"`` leaves them out."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.faults import kill_leftovers
from bot.fakeapi import FakeBotApi
from bot.runtime import system_clock
from tests.helpers import TOKEN, populate

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
async def live_fake() -> AsyncIterator[FakeBotApi]:
    """A fake server on the real clock, for tests that run the bot as a separate process (its
    clock is the system's, so the dates of the fake's messages must be too)."""
    server = FakeBotApi(token=TOKEN, bot_username="rakor_bot", clock=system_clock)
    populate(server)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(autouse=True)
async def no_bot_left_running() -> AsyncIterator[None]:
    """A test that fails half-way must not leave its bot process running."""
    yield
    await kill_leftovers()
