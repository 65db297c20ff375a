"""Benchmark of reminders: start-up with many pending, and a burst under Telegram's limits.

    .venv/bin/python -m bench.reminders            # both parts
    .venv/bin/python -m bench.reminders startup --pending 100000
    .venv/bin/python -m bench.reminders burst --reminders 1000 --groups 100 [--limiter rakor]
    .venv/bin/python -m bench.reminders burst --latency 0.1   # requests up to 100 ms late

*startup* builds a database with N pending reminders, then measures (in a fresh process
each) the time from ``build_application`` to the end of ``post_init`` (migrate, replay, mark
interrupted firings, schedule the dispatcher, publish menus) and the peak memory, with N and
with none, so the figures come as a ratio measured in the same run.

*burst* puts R reminders due in the same minute across G groups, starts the real bot against
the fake Bot API with Telegram's flood limits enforced as rolling windows (30 messages in any
second per bot, 20 in any minute per group, 429 with retry_after beyond), runs the dispatcher
once and records when each message arrived. Lateness is measured from the moment the
dispatcher started; the limit-bound time, the shortest the limits allow, is R / 30 seconds
(or what the group limit needs, if more). It runs once with Rakor's rate limiter and once
with each baseline: python-telegram-bot's ``AIORateLimiter`` as shipped, and as Rakor
configured it before (one message every 1/30 s, 5 retries). ``--latency`` makes each request
reach the fake a random time late (seeded), as a network would, so that requests sent evenly
can arrive bunched together.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from telegram.ext import AIORateLimiter, BaseRateLimiter

from bench.memory import peak_rss_kib
from bot import app as app_module
from bot.app import build_application, post_init, post_shutdown, running
from bot.fakeapi import FakeBotApi
from bot.fakeapi.limits import GLOBAL_LIMIT, GROUP_LIMIT, GROUP_WINDOW
from bot.runtime import runtime_of
from bot.settings import Settings
from bot.telegram.ratelimit import SendOptions
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
    return Settings.model_validate(
        {"bot_token": TOKEN, "api_base_url": f"http://127.0.0.1:{fake.port}", "database": database}
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


class HookedAIORateLimiter(AIORateLimiter):
    """PTB's ``AIORateLimiter``, running Rakor's attempt hooks (it takes an int of retries)."""

    async def process_request(  # type: ignore[override]
        self,
        callback: Callable[..., Any],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: SendOptions | None,
    ) -> Any:
        options = rate_limit_args or SendOptions()

        async def attempt(*call_args: Any, **call_kwargs: Any) -> Any:
            if options.on_attempt is not None:
                await options.on_attempt()
            error: BaseException | None = None
            try:
                return await callback(*call_args, **call_kwargs)
            except BaseException as exc:
                error = exc
                raise
            finally:
                if options.after_attempt is not None:
                    await options.after_attempt(error)

        return await super().process_request(attempt, args, kwargs, endpoint, data, None)


LIMITERS: dict[str, Callable[..., BaseRateLimiter[Any]]] = {
    "rakor": app_module.rate_limiter,
    "aio-ptb": lambda _settings, **_: HookedAIORateLimiter(),
    "aio-before": lambda _settings, **_: HookedAIORateLimiter(
        overall_max_rate=1, overall_time_period=1 / 30, max_retries=5
    ),
}
"""Stand-ins for ``bot.app.rate_limiter(settings, flood_limits=…)`` in each run."""

TITLES = {
    "rakor": "Rakor's RateLimiter",
    "aio-ptb": "AIORateLimiter() as shipped",
    "aio-before": "AIORateLimiter(1 per 1/30 s, 5 retries) as Rakor had it",
}


def limit_bound(reminders: int, groups: int) -> float:
    """The shortest time Telegram's limits allow for the burst (the issue's R / 30 s)."""
    per_group = -(-reminders // groups)
    return max(reminders / GLOBAL_LIMIT, (per_group - 1) // GROUP_LIMIT * GROUP_WINDOW)


async def burst(reminders: int, groups: int, limiter: str, latency: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "burst.sqlite3"
        await fill(database, reminders, groups, DUE)
        fake = FakeBotApi(token=TOKEN, clock=lambda: DUE)
        for index in range(groups):
            fake.add_group(-1_000_000_000_000 - index, f"Grup {index}")
        fake.enforce_limits = True
        fake.faults.slow(latency)
        await fake.start()
        arrivals: list[float] = []
        events = fake.subscribe()
        try:
            # build_application takes no limiter: give it this run's one where it asks.
            with mock.patch.object(app_module, "rate_limiter", LIMITERS[limiter]):
                app = build_application(settings(fake, database), clock=lambda: DUE)
            async with running(app):
                started = time.monotonic()
                dispatch = asyncio.create_task(runtime_of(app).dispatcher.run_due(DUE))
                while len(arrivals) < reminders:
                    event = await asyncio.wait_for(events.get(), timeout=300)
                    if event.get("type") == "message":
                        arrivals.append(time.monotonic() - started)
                await dispatch
        finally:
            await fake.stop()
    attempts = sum(1 for method, _ in fake.requests if method == "sendMessage")
    bound = limit_bound(reminders, groups)
    lateness = sorted(arrivals)
    p50 = statistics.median(lateness)
    p99 = lateness[int(len(lateness) * 0.99) - 1]
    print(f"{TITLES[limiter]}:")
    print(f"  lateness p50 {p50:.1f} s, p99 {p99:.1f} s, last sent after {lateness[-1]:.1f} s")
    print(f"  limit-bound time {bound:.1f} s; ratio {lateness[-1] / bound:.3f}x")
    print(
        f"  429 answers {fake.limiter.refused}; sendMessage calls {attempts} for {reminders}"
        f" messages; busiest second {fake.limiter.busiest_second()} (limit {GLOBAL_LIMIT}),"
        f" busiest group minute {fake.limiter.busiest_group_minute()} (limit {GROUP_LIMIT})"
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
    parser.add_argument("--limiter", choices=[*LIMITERS, "all"], default="all")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="requests reach the fake up to this late (s)"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)  # a trace a 429
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    if args.part == "_startup_child":
        print(json.dumps(asyncio.run(measure_startup(Path(args.database)))))
        return
    if args.part in ("all", "startup"):
        startup(args.pending)
    if args.part in ("all", "burst"):
        print(
            f"{args.reminders} reminders due in the same minute across {args.groups} groups,"
            " rolling-window limits enforced by the fake Bot API"
            + (f", each request up to {args.latency * 1000:.0f} ms late:" if args.latency else ":")
        )
        for limiter in LIMITERS if args.limiter == "all" else [args.limiter]:
            asyncio.run(burst(args.reminders, args.groups, limiter, args.latency))


if __name__ == "__main__":
    main()
