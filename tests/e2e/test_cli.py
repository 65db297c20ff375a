"""The ``rakor`` command's maintenance subcommands, run as real processes."""

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from storage import db as storage_db
from storage import groups

GROUP = -1001000000001


def rakor(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAKOR_DATABASE": str(workdir / "rakor.sqlite3")}
    env.pop("RAKOR_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_migrate_creates_the_schema(tmp_path: Path) -> None:
    result = rakor(tmp_path, "migrate")
    assert result.returncode == 0, result.stderr
    assert f"schema version {len(storage_db.migrations())}" in result.stdout


def test_backup_copies_a_consistent_database(tmp_path: Path) -> None:
    rakor(tmp_path, "migrate")
    result = rakor(tmp_path, "backup", "copy.sqlite3")
    assert result.returncode == 0 and "integrity check: ok" in result.stdout
    with sqlite3.connect(tmp_path / "copy.sqlite3") as conn:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
    assert version == len(storage_db.migrations())


def test_backup_of_a_missing_database_says_so(tmp_path: Path) -> None:
    result = rakor(tmp_path, "backup", "copy.sqlite3")
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_seed_loads_the_example_units_into_a_registered_group(tmp_path: Path) -> None:
    refused = rakor(tmp_path, "seed", "--group", str(GROUP))
    assert refused.returncode == 2 and "/mulai" in refused.stderr

    async def register() -> None:
        db = await storage_db.connect(tmp_path / "rakor.sqlite3")
        await groups.register(db, GROUP, "Rakor Kota Contoh", "Asia/Jakarta", "id", 1, 0)
        await db.close()

    asyncio.run(register())
    result = rakor(tmp_path, "seed", "--group", str(GROUP))
    assert result.returncode == 0 and "Added 36 example units" in result.stdout
    again = rakor(tmp_path, "seed", "--group", str(GROUP))
    assert "Added 0 example units" in again.stdout


def test_bad_settings_are_explained_without_a_traceback(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("RAKOR_TIMEZONE=Mars/Olympus\n")
    result = rakor(tmp_path, "migrate")
    assert result.returncode == 2
    assert "Invalid settings" in result.stderr and "Traceback" not in result.stderr
