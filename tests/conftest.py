import os
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from bot.app import build_application, running
from bot.fakeapi import FakeBotApi
from bot.settings import Settings
from storage import units
from tests.helpers import (
    ADMIN,
    BUDI,
    GROUP,
    JAKARTA,
    OTHER_GROUP,
    SITI,
    TOKEN,
    Clock,
    Harness,
    populate,
)

# As the CLI does: python-telegram-bot 22 gives RetryAfter.retry_after as a timedelta.
os.environ.setdefault("PTB_TIMEDELTA", "true")


@pytest.hookimpl(tryfirst=True)  # before hypothesis's own hook applies --hypothesis-profile
def pytest_configure() -> None:
    """Property tests run the same examples every time and have no per-example deadline, so a
    loaded machine cannot fail a slow but correct example (each test keeps its max_examples);
    ``pytest --hypothesis-profile=explore`` draws new examples instead."""
    hypothesis_settings.register_profile(
        "deterministic", deadline=None, derandomize=True, database=None, print_blob=True
    )
    hypothesis_settings.register_profile("explore", deadline=None, print_blob=True)
    hypothesis_settings.load_profile("deterministic")


@pytest.fixture
def clock() -> Clock:
    # Wednesday 25 November 2026, 10.00 WIB
    return Clock(datetime(2026, 11, 25, 10, 0, tzinfo=JAKARTA))


@pytest.fixture
async def fake(clock: Clock) -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(token=TOKEN, bot_username="rakor_bot", clock=clock)
    populate(server)
    await server.start()
    yield server
    await server.stop()


def make_settings(fake: FakeBotApi, database: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "bot_token": TOKEN,
        "api_base_url": f"http://127.0.0.1:{fake.port}",
        "database": database,
        "allowed_chats": frozenset({GROUP, OTHER_GROUP}),
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
async def bot(fake: FakeBotApi, clock: Clock, tmp_path: Path) -> AsyncIterator[Harness]:
    app = build_application(make_settings(fake, tmp_path / "rakor.sqlite3"), clock=clock)
    async with running(app, poll_timeout=timedelta(seconds=5)):
        yield Harness(fake=fake, app=app, clock=clock)


@pytest.fixture
async def unlimited(fake: FakeBotApi, clock: Clock, tmp_path: Path) -> AsyncIterator[Harness]:
    """The bot without its flood limiter, for tests that post more than a group's 20 messages
    a minute: they would wait for Telegram's limits, not for the bot."""
    settings = make_settings(fake, tmp_path / "rakor.sqlite3")
    app = build_application(settings, clock=clock, flood_limits=False)
    async with running(app, poll_timeout=timedelta(seconds=5)):
        yield Harness(fake=fake, app=app, clock=clock)


@pytest.fixture
async def group(bot: Harness) -> Harness:
    """GROUP registered with /mulai, with Dishub, Bapperida and a kecamatan."""
    await bot.say(GROUP, ADMIN, "/mulai")
    now = int(bot.clock().timestamp())
    await units.add_many(
        bot.db,
        GROUP,
        [
            ("DISHUB", "Dinas Perhubungan"),
            ("BAPPERIDA", "Bapperida"),
            ("KEC-KOTA", "Kecamatan Kota"),
        ],
        now,
    )
    return bot


@pytest.fixture
async def staffed(group: Harness) -> Harness:
    """GROUP with Budi in Dishub and Siti in Bapperida."""
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.say(GROUP, SITI, "/gabung BAPPERIDA")
    return group
