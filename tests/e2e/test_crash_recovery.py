"""The durable inbox across a real crash: SIGKILL between fetching and handling updates."""

import signal
import sqlite3
from pathlib import Path

import pytest

from bench.faults import start_bot
from bot.fakeapi import FakeBotApi
from tests.helpers import ADMIN, GROUP, until

MEMBERS = [(2001 + i, f"Pegawai{i}") for i in range(5)]


def inbox_counts(database: Path) -> tuple[int, int]:
    """(stored, handled) update counts, read from the bot's SQLite file."""
    if not database.exists():
        return 0, 0
    with sqlite3.connect(database) as conn:
        try:
            stored, handled = conn.execute("SELECT count(*), count(done_at) FROM inbox").fetchone()
        except sqlite3.OperationalError:  # not migrated yet
            return 0, 0
    return stored, handled


@pytest.fixture
def server(live_fake: FakeBotApi) -> FakeBotApi:
    """The shared fake on the real clock (with ADMIN and GROUP), plus the five members of
    this test."""
    fake = live_fake
    for user_id, name in MEMBERS:
        fake.add_user(user_id, name)
    return fake


def replies_to(fake: FakeBotApi, name: str) -> int:
    return sum(1 for message in fake.sent if message.text.startswith(f"{name} bergabung"))


async def test_updates_fetched_before_a_crash_are_handled_exactly_once(
    server: FakeBotApi, tmp_path: Path
) -> None:
    database = tmp_path / "rakor.sqlite3"
    process = await start_bot(server, tmp_path)
    try:
        server.send_message(GROUP, ADMIN, "/mulai")
        server.send_message(GROUP, ADMIN, "/instansi tambah DISHUB Dinas Perhubungan")
        await until(lambda: inbox_counts(database) == (2, 2), timeout=30, what="set-up handled")

        server.stall("sendMessage")
        for user_id, _ in MEMBERS:
            server.send_message(GROUP, user_id, "/gabung DISHUB")
        stalled = sum(1 for method, _ in server.requests if method == "sendMessage")
        await until(lambda: inbox_counts(database)[0] == 7, timeout=30, what="updates stored")
        await until(
            lambda: sum(1 for method, _ in server.requests if method == "sendMessage") > stalled,
            timeout=30,
            what="the first handler to be under way",
        )
        assert inbox_counts(database) == (7, 2)  # fetched and stored, none of the five handled
    finally:
        process.send_signal(signal.SIGKILL)
        await process.wait()
    server.unstall("sendMessage")
    assert all(replies_to(server, name) == 0 for _, name in MEMBERS)

    process = await start_bot(server, tmp_path)
    try:
        await until(lambda: inbox_counts(database) == (7, 7), timeout=30, what="all handled")
        await until(
            lambda: all(replies_to(server, name) >= 1 for _, name in MEMBERS),
            timeout=30,
            what="every reply",
        )
        # Whatever was not confirmed before the crash is delivered again: handled once only.
        await until(lambda: not server.pending_update_ids, timeout=30, what="confirmation")
    finally:
        process.terminate()
        await process.wait()
    assert [replies_to(server, name) for _, name in MEMBERS] == [1] * len(MEMBERS)
    with sqlite3.connect(database) as conn:
        members = conn.execute("SELECT count(*) FROM members WHERE unit_id IS NOT NULL").fetchone()
    assert members == (5,)
