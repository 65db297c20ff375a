"""Faults injected into a real bot process (``bench/faults.py`` runs the same scenarios and
prints the figures): a stall, a database locked by another process, SIGTERM with work queued,
SIGKILL at random points, and a database the bot cannot use at start-up."""

import os
import sqlite3
from pathlib import Path

import pytest

from bench import faults
from tests.helpers import run_cli


async def test_a_stall_across_a_due_time_loses_nothing_and_is_not_called_late(
    tmp_path: Path,
) -> None:
    figures = (await faults.stall(tmp_path, frozen=6.0)).values
    assert figures["lost"] == 0
    assert figures["s after thaw"] < 3
    assert figures["called late"] == 0


async def test_a_write_lock_held_past_the_busy_timeout_delays_but_loses_nothing(
    tmp_path: Path,
) -> None:
    figures = (await faults.write_lock(tmp_path, hold=7.0, commands=5)).values
    assert figures["answered"] == 5
    assert figures["stored"] == 5
    assert figures["polling after"] == 1


async def test_sigterm_with_twenty_commands_queued_exits_fast_and_each_is_handled_once(
    tmp_path: Path,
) -> None:
    figures = (await faults.sigterm(tmp_path, queued=20)).values
    assert figures["s to exit"] <= 5
    assert figures["lost"] == 0
    assert figures["doubled"] == 0


async def test_sigkill_at_random_points_makes_each_record_exactly_once(tmp_path: Path) -> None:
    figures = (await faults.kill_commands(tmp_path, commands=150, kills=5, seed=11)).values
    assert figures["kills"] >= 3  # the process really died under the commands
    assert figures["lost"] == 0
    assert figures["doubled"] == 0


async def test_sigkill_during_a_burst_loses_nothing_and_repeats_at_most_one_per_kill(
    tmp_path: Path,
) -> None:
    figures = (await faults.kill_burst(tmp_path, reminders=300, groups=30, kills=5)).values
    assert figures["kills"] >= 3
    assert figures["lost"] == 0
    assert figures["repeated"] <= figures["kills"]
    assert figures["429s"] == 0


def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not an SQLite database header" * 100)
    return path


def truncated(tmp_path: Path) -> Path:
    path = tmp_path / "truncated.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE filler (value TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize(
    "database",
    [
        lambda tmp: Path("/proc/rakor/rakor.sqlite3"),  # a directory nobody may create
        lambda tmp: Path("/proc/version"),  # a read-only file that is no database
        damaged,
        truncated,
    ],
    ids=["unwritable-directory", "read-only-file", "damaged-header", "truncated"],
)
def test_a_database_the_bot_cannot_use_stops_it_with_one_clear_line(
    tmp_path: Path, database: object
) -> None:
    path = database(tmp_path)  # type: ignore[operator]
    env = {
        **os.environ,
        "RAKOR_BOT_TOKEN": faults.TOKEN,
        "RAKOR_API_BASE_URL": "http://127.0.0.1:9",  # never reached: the database comes first
        "RAKOR_DATABASE": str(path),
    }
    result = run_cli("run", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"rakor: cannot use the database {path}: ")
