import asyncio
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from telegram import Bot, Update

from bot.runtime import Runtime
from bot.settings import Settings
from bot.telegram.inbox import (
    DoneMarks,
    DurableUpdateQueue,
    InboxProcessor,
    forget_handled,
    replay,
)
from storage import inbox
from storage.db import Database
from tests.helpers import TOKEN


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


async def test_a_poll_answer_is_stored_whole_before_its_updates_are_read(db: Database) -> None:
    bot = Bot(TOKEN)
    queue = DurableUpdateQueue(lambda: db, lambda: 1_795_000_000)
    await queue.put(update(5, bot))  # stored before (the webhook's way)
    dirty = update(6, bot).to_dict()
    dirty["message"]["text"] = "/agenda Rapat\x07 anggaran\u200b"
    dirty["message"]["from"]["first_name"] = "Bu\x00di"
    answer = {"ok": True, "result": [update(5, bot).to_dict(), dirty, update(7, bot).to_dict()]}
    await queue.store_polled(json.dumps(answer).encode())
    assert [update_id for update_id, _ in await inbox.pending(db)] == [5, 6, 7]
    stored = dict(await inbox.pending(db))
    assert "\\u0007" not in stored[6] and "Budi" in stored[6]
    for update_id in (5, 6, 7):  # as python-telegram-bot puts them, read from the answer
        await queue.put(Update.de_json(answer["result"][update_id - 5], bot))
    assert queue.qsize() == 3  # 5 once (it was delivered again), 6 and 7
    queued = [queue.get_nowait() for _ in range(3)]
    assert [u.update_id for u in queued] == [5, 6, 7]
    assert queued[1].message.text == "/agenda Rapat anggaran\u200b"
    assert queued[1].message.from_user.first_name == "Budi"
    assert queued[2].message.text == "/gabung DISHUB"


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


async def test_the_daily_job_forgets_updates_handled_a_week_ago(db: Database) -> None:
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    for update_id, done in ((1, now - timedelta(days=8)), (2, now - timedelta(days=6))):
        await inbox.store(db, update_id, "{}", int(done.timestamp()))
        await inbox.mark_done(db, update_id, int(done.timestamp()))
    await inbox.store(db, 3, "{}", int(now.timestamp()))  # not handled yet: kept
    runtime = Runtime()
    runtime.configure(Settings(_env_file=None), lambda: now)
    runtime.db = db
    await forget_handled(SimpleNamespace(bot_data=runtime))  # type: ignore[arg-type]
    assert not await inbox.store(db, 2, "{}", 0)  # still known: a re-delivery is dropped
    assert await inbox.store(db, 1, "{}", 0)  # forgotten
    assert [update_id for update_id, _ in await inbox.pending(db)] == [1, 3]


def chat_update(update_id: int, chat_id: int, bot: Bot) -> Update:
    data = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_795_000_000,
            "chat": {"id": chat_id, "type": "supergroup", "title": "G"},
            "from": {"id": 7, "is_bot": False, "first_name": "Budi"},
            "text": "halo",
        },
    }
    return Update.de_json(data, bot)


async def test_a_busy_chat_keeps_its_order_and_does_not_block_other_chats(db: Database) -> None:
    bot = Bot(TOKEN)
    processor = InboxProcessor(lambda: db, lambda: 1_795_000_000, asyncio.Queue(), max_concurrent=2)
    release = asyncio.Event()
    handled: list[int] = []

    async def handler(update_id: int, wait: bool) -> None:
        if wait:
            await release.wait()
        handled.append(update_id)

    busy = [
        asyncio.create_task(
            processor.process_update(chat_update(i, -100, bot), handler(i, wait=True))
        )
        for i in range(1, 6)
    ]
    other = asyncio.create_task(
        processor.process_update(chat_update(9, -200, bot), handler(9, wait=False))
    )
    await asyncio.wait_for(other, timeout=2)
    assert handled == [9]  # the other chat went ahead while the busy one waited
    release.set()
    await asyncio.gather(*busy)
    assert handled == [9, 1, 2, 3, 4, 5]


async def test_updates_handled_together_are_marked_done_in_few_transactions(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = Bot(TOKEN)
    queue = DurableUpdateQueue(lambda: db, lambda: 1_795_000_000)
    for update_id in range(1, 21):
        await queue.put(update(update_id, bot))
    batches: list[int] = []
    mark_all_done = inbox.mark_all_done

    async def counted(db: Database, done: Mapping[int, int]) -> None:
        batches.append(len(done))
        await mark_all_done(db, done)

    monkeypatch.setattr(inbox, "mark_all_done", counted)
    marks = DoneMarks(lambda: db)
    await asyncio.gather(*(marks.mark(update_id, 1_795_000_001) for update_id in range(1, 21)))
    assert await inbox.pending(db) == []
    assert sum(batches) == 20
    assert len(batches) <= 2
