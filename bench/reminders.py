"""Benchmark of reminders: start-up with many pending, and a burst under Telegram's limits.

    .venv/bin/python -m bench.reminders            # both parts
    .venv/bin/python -m bench.reminders startup --pending 100000
    .venv/bin/python -m bench.reminders burst --reminders 1000 --groups 100

*startup* builds a database with N pending reminders, then measures (in a fresh process
each) the time from ``build_application`` to the end of ``post_init`` (migrate, replay, mark
interrupted firings, schedule the dispatcher, publish menus) and the peak memory, with N and
with none, so the figures come as a ratio measured in the same run.

*burst* puts R reminders due in the same minute across G groups, starts the real bot against
the fake Bot API with Telegram's flood limits enforced (30 messages/s per bot, 20 per minute
per group, 429 with retry_after beyond), runs the dispatcher once and records when each
message arrived. Lateness is measured from the moment the dispatcher started; the shortest
time the limits allow is R / 30 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import build_application, post_init, post_shutdown, running
from bot.fakeapi import FakeBotApi
from bot.runtime import runtime_of
from bot.settings import Settings
from storage import db as storage_db

TOKEN = "123456:BENCH-token-for-the-fake-server"  # noqa: S105 - the fake server's token
DUE = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 08.00 WIB


async def fill(database: Path, pending: int, groups: int, due: datetime) -> None:
    """``pending`` reminders spread over ``groups`` groups, all due at ``due``."""
    db = await storage_db.connect(database)
    rows = [
        (
            -1_000_000_000_000 - i % groups,
            i // groups + 1,
            42,
            "Budi",
            0,
            f"Pengingat uji {i}",
            "besok jam 8",
            None,
            "Asia/Jakarta",
            0,
            int(due.timestamp()),
            int(due.timestamp()) - 3600,
        )
        for i in range(pending)
    ]
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO reminders (chat_id, number, creator_id, creator_name, for_group, text,"
            " phrase, rule, zone, zone_named, next_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    await db.close()


def settings(fake: FakeBotApi, database: Path) -> Settings:
    return Settings(
        _env_file=None,
        bot_token=TOKEN,
        api_base_url=f"http://127.0.0.1:{fake.port}",
        database=database,
    )


async def measure_startup(database: Path) -> dict[str, float]:
    """One start-up (build + post_init) against a fake server; run in a fresh process."""
    fake = FakeBotApi(token=TOKEN)
    await fake.start()
    try:
        started = time.perf_counter()
        app = build_application(settings(fake, database), clock=lambda: DUE - timedelta(days=1))
        await app.initialize()
        await post_init(app)
        elapsed = time.perf_counter() - started
        await app.shutdown()
        await post_shutdown(app)
    finally:
        await fake.stop()
    return {"seconds": elapsed, "peak_rss_mib": peak_rss_kib() / 1024}


def peak_rss_kib() -> int:
    """This process's peak resident memory since its exec (``VmHWM``).

    ``getrusage``'s ``ru_maxrss`` would also count the parent's pages that the child had
    between fork and exec, so a parent that just filled a large database inflates it.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


RUNS = 5


def _startup_child(database: Path) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.reminders", "_startup_child", str(database)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup(pending: int) -> None:
    """Median of RUNS fresh-process start-ups with no and with ``pending`` reminders."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (0, pending):
            database = Path(tmp) / f"startup-{count}.sqlite3"
            asyncio.run(fill(database, count, 100, DUE))
            runs = [_startup_child(database) for _ in range(RUNS)]
            results[count] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            results[count]["db_mib"] = database.stat().st_size / 2**20
    base, full = results[0], results[pending]
    print(
        f"start-up with 0 pending reminders: {base['seconds'] * 1000:.0f} ms,"
        f" peak RSS {base['peak_rss_mib']:.0f} MiB"
    )
    print(
        f"start-up with {pending:,} pending: {full['seconds'] * 1000:.0f} ms"
        f" ({full['seconds'] / base['seconds']:.2f}x), peak RSS {full['peak_rss_mib']:.0f} MiB"
        f" ({full['peak_rss_mib'] / base['peak_rss_mib']:.2f}x), database {full['db_mib']:.1f} MiB"
    )


async def burst(reminders: int, groups: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "burst.sqlite3"
        await fill(database, reminders, groups, DUE)
        fake = FakeBotApi(token=TOKEN, clock=lambda: DUE)
        for index in range(groups):
            fake.add_group(-1_000_000_000_000 - index, f"Grup {index}")
        fake.enforce_limits = True
        await fake.start()
        arrivals: list[float] = []
        events = fake.subscribe()
        try:
            app = build_application(settings(fake, database), clock=lambda: DUE)
            async with running(app):
                started = time.monotonic()
                dispatch = asyncio.create_task(runtime_of(app).dispatcher.run_due(DUE))
                while len(arrivals) < reminders:
                    event = await asyncio.wait_for(events.get(), timeout=120)
                    if event.get("type") == "message":
                        arrivals.append(time.monotonic() - started)
                await dispatch
        finally:
            await fake.stop()
    attempts = sum(1 for method, _ in fake.requests if method == "sendMessage")
    minimum = reminders / 30
    lateness = sorted(arrivals)
    p50 = statistics.median(lateness)
    p99 = lateness[int(len(lateness) * 0.99) - 1]
    print(f"{reminders} reminders due in the same minute across {groups} groups, limits enforced:")
    print(f"  lateness p50 {p50:.1f} s, p99 {p99:.1f} s, last sent after {lateness[-1]:.1f} s")
    print(f"  shortest time the limits allow: {minimum:.1f} s; ratio {lateness[-1] / minimum:.2f}x")
    print(
        f"  sendMessage calls {attempts} for {reminders} messages"
        f" ({attempts - reminders} refused with 429 and resent)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "part", nargs="?", default="all", choices=["all", "startup", "burst", "_startup_child"]
    )
    parser.add_argument("database", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--reminders", type=int, default=1000)
    parser.add_argument("--groups", type=int, default=100)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    if args.part == "_startup_child":
        print(json.dumps(asyncio.run(measure_startup(Path(args.database)))))
        return
    if args.part in ("all", "startup"):
        startup(args.pending)
    if args.part in ("all", "burst"):
        asyncio.run(burst(args.reminders, args.groups))


if __name__ == "__main__":
    main()
