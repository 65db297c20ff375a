"""The ``rakor`` command, run as real processes: ``run`` and the maintenance subcommands."""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from bench.faults import query, start_bot, stop_bot
from bot.fakeapi import FakeBotApi
from bot.services.search import search
from storage import db as storage_db
from storage import groups
from storage.search import KIND_DECISION, index_record
from tests.helpers import ADMIN, TOKEN, run_cli, until

GROUP = -1001000000001


def rakor(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAKOR_DATABASE": str(workdir / "rakor.sqlite3")}
    env.pop("RAKOR_BOT_TOKEN", None)
    return run_cli(*args, cwd=workdir, env=env)


def test_migrate_creates_the_schema(tmp_path: Path) -> None:
    result = rakor(tmp_path, "migrate")
    assert result.returncode == 0, result.stderr
    assert f"schema version {len(storage_db.migrations())}" in result.stdout


def test_backup_copies_a_consistent_database(tmp_path: Path) -> None:
    rakor(tmp_path, "migrate")
    result = rakor(tmp_path, "backup", "copy.sqlite3")
    assert result.returncode == 0
    assert "integrity check: ok" in result.stdout
    with sqlite3.connect(tmp_path / "copy.sqlite3") as conn:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
    assert version == len(storage_db.migrations())


def test_backup_of_a_missing_database_says_so(tmp_path: Path) -> None:
    result = rakor(tmp_path, "backup", "copy.sqlite3")
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_seed_loads_the_example_units_into_a_registered_group(tmp_path: Path) -> None:
    refused = rakor(tmp_path, "seed", "--group", str(GROUP))
    assert refused.returncode == 2
    assert "/mulai" in refused.stderr

    async def register() -> None:
        db = await storage_db.connect(tmp_path / "rakor.sqlite3")
        await groups.register(db, GROUP, "Rakor Kota Contoh", "Asia/Jakarta", "id", 1, 0)
        await db.close()

    asyncio.run(register())
    result = rakor(tmp_path, "seed", "--group", str(GROUP))
    assert result.returncode == 0
    assert "Added 36 example units" in result.stdout
    again = rakor(tmp_path, "seed", "--group", str(GROUP))
    assert "Added 0 example units" in again.stdout


def test_bad_settings_are_explained_without_a_traceback(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("RAKOR_TIMEZONE=Mars/Olympus\n")
    result = rakor(tmp_path, "migrate")
    assert result.returncode == 2
    assert "Invalid settings" in result.stderr
    assert "Traceback" not in result.stderr


async def test_status_reports_the_last_poll_the_backlog_and_the_next_firing(
    live_fake: FakeBotApi, tmp_path: Path
) -> None:
    database = tmp_path / "rakor.sqlite3"
    process = await start_bot(live_fake, tmp_path)
    try:
        live_fake.send_message(GROUP, ADMIN, "/mulai")
        live_fake.send_message(GROUP, ADMIN, "/ingatkan besok jam 9 Apel pagi")
        await until(lambda: any("Pengingat #1" in m.text for m in live_fake.sent), timeout=30)
        await until(
            lambda: (
                query(database, "SELECT count(*) FROM health WHERE name = 'last_poll_at'") == [(1,)]
            ),
            timeout=30,
            what="the health report",
        )
        result = await asyncio.to_thread(rakor, tmp_path, "status")
    finally:
        await stop_bot(process)
    assert result.returncode == 0
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines())
    assert "s ago" in lines["last successful poll"]
    assert lines["inbox backlog"].strip() == "0 update(s) not handled yet"
    assert "from now" in lines["next firing due"]
    assert lines["firings"].strip() == "pending 0, sending 0, sent 0, failed 0, uncertain 0"


def test_status_of_a_missing_database_says_so(tmp_path: Path) -> None:
    result = rakor(tmp_path, "status")
    assert result.returncode == 2
    assert "does not exist" in result.stderr


async def test_a_token_telegram_rejects_stops_the_bot_with_one_line(
    live_fake: FakeBotApi, tmp_path: Path
) -> None:
    token = "654321:WRONG-token-nobody-issued"
    env = {
        **os.environ,
        "RAKOR_BOT_TOKEN": token,
        "RAKOR_API_BASE_URL": f"http://127.0.0.1:{live_fake.port}",
        "RAKOR_DATABASE": str(tmp_path / "rakor.sqlite3"),
    }
    result = await asyncio.to_thread(run_cli, "run", cwd=tmp_path, env=env)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert token not in output
    assert token.split(":")[1] not in output
    assert (
        result.stderr.strip().splitlines()[-1].endswith("check RAKOR_BOT_TOKEN (from @BotFather).")
    )


async def test_rakor_reindex_rebuilds_the_index(tmp_path: Path) -> None:
    path = tmp_path / "rakor.sqlite3"
    database = await storage_db.connect(path)
    async with database.transaction() as conn:
        await index_record(
            conn,
            group_id=GROUP,
            kind=KIND_DECISION,
            record_id=1,
            number=1,
            unit_code=None,
            created_at=0,
            text="Catatan tanpa tabel asal",
        )
    await database.close()
    result = await asyncio.to_thread(rakor, tmp_path, "reindex")
    assert result.returncode == 0, result.stderr
    assert "search index rebuilt" in result.stdout
    database = await storage_db.connect(path)
    try:
        # No feature lists this record, so the rebuilt index no longer holds it.
        assert (await search(database, group_ids=[GROUP], query="catatan")).total == 0
    finally:
        await database.close()


async def test_no_token_in_the_log_of_a_real_process_at_debug_level(tmp_path: Path) -> None:
    fake = FakeBotApi(token=TOKEN)
    fake.add_user(ADMIN, "Asisten")
    fake.add_group(GROUP, "Rakor Kota Contoh", admins=(ADMIN,))
    await fake.start()
    log = tmp_path / "bot.log"
    env = {
        "PATH": "/usr/bin:/bin",
        "RAKOR_BOT_TOKEN": TOKEN,
        "RAKOR_API_BASE_URL": f"http://127.0.0.1:{fake.port}",
        "RAKOR_DATABASE": str(tmp_path / "rakor.sqlite3"),
        "RAKOR_ALLOWED_CHATS": str(GROUP),
        "RAKOR_LOG_LEVEL": "DEBUG",
    }
    try:
        with log.open("w") as output:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot.cli",
                "run",
                cwd=tmp_path,
                env=env,
                stdout=output,
                stderr=output,
            )
            try:
                fake.send_message(GROUP, ADMIN, "/mulai")
                await until(lambda: len(fake.sent) >= 1, timeout=30, what="the reply")
                # The person blocks the bot while it answers: an error worth a traceback.
                fake.stall("sendMessage")
                fake.send_message(ADMIN, ADMIN, "/start")
                await until(lambda: fake.hanging("sendMessage") >= 1, timeout=30, what="a reply")
                fake.block_bot(ADMIN)
                fake.unstall("sendMessage")
                await until(lambda: "Forbidden" in log.read_text(), timeout=30, what="an error")
            finally:
                process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(process.wait(), timeout=timedelta(seconds=20).seconds)
    finally:
        await fake.stop()
    text = log.read_text()
    assert "DEBUG" in text
    assert "Traceback" in text
    assert TOKEN not in text
    assert TOKEN.split(":")[1] not in text
