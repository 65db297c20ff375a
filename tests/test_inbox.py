import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot, Update

from bot.inbox import DurableUpdateQueue, replay
from storage import db as storage_db
from storage import inbox
from storage.db import Database
from tests.helpers import TOKEN


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await storage_db.connect(tmp_path / "rakor.sqlite3")
    yield database
    await database.close()


def update(update_id: int, bot: Bot) -> Update:
    data = {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 1_795_000_000,
            "chat": {"id": -100, "type": "supergroup", "title": "G"},
            "from": {"id": 7, "is_bot": False, "first_name": "Budi"},
            "text": "/gabung DISHUB",
        },
    }
    return Update.de_json(data, bot)


async def test_a_redelivered_update_is_queued_once(db: Database) -> None:
    bot = Bot(TOKEN)
    queue = DurableUpdateQueue(lambda: db, lambda: 1_795_000_000)
    await queue.put(update(5, bot))
    await queue.put(update(5, bot))
    assert queue.qsize() == 1
    await inbox.mark_done(db, 5, 1_795_000_001)
    await queue.put(update(5, bot))
    assert queue.qsize() == 1


async def test_stored_updates_are_replayed_in_order_after_a_restart(db: Database) -> None:
    bot = Bot(TOKEN)
    before_crash = DurableUpdateQueue(lambda: db, lambda: 1_795_000_000)
    for update_id in (8, 6, 7):
        await before_crash.put(update(update_id, bot))
    await inbox.mark_done(db, 6, 1_795_000_001)
    after_restart: asyncio.Queue[object] = asyncio.Queue()
    assert await replay(db, after_restart, bot) == 2
    replayed = [after_restart.get_nowait(), after_restart.get_nowait()]
    assert [u.update_id for u in replayed] == [7, 8]
    assert replayed[0].message.text == "/gabung DISHUB"
