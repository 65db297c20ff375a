"""The ``rakor`` command: run the bot or the sandbox, migrate, back up, seed, reindex."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from contextlib import closing
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from telegram.error import InvalidToken

import jobs
from bot import logs, sandbox
from bot.app import build_application, serve
from bot.runtime import system_clock
from bot.scheduling import dispatcher
from bot.services import seeds
from bot.settings import Settings
from storage import db as storage_db
from storage import faults, firings, groups, health, inbox, search, units
from storage.db import DatabaseUnavailable

logger = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rakor", description="Rakor: the coordination group bot")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run the bot (polling or webhook); without a token, the sandbox")
    sandbox_cmd = sub.add_parser("sandbox", help="try Rakor in the browser, without Telegram")
    sandbox_cmd.add_argument("--port", type=int, help="port on 127.0.0.1 (RAKOR_SANDBOX_PORT)")
    sandbox_cmd.add_argument("--demo", action="store_true", help="play a short demo session")
    sub.add_parser("migrate", help="create or upgrade the database")
    sub.add_parser("status", help="is the bot alive: last poll, backlog, next firing, failures")
    sub.add_parser("reindex", help="rebuild the search index from the records")
    backup = sub.add_parser("backup", help="copy the database safely while the bot runs")
    backup.add_argument("path", type=Path)
    seed = sub.add_parser("seed", help="load the example units into a registered group")
    seed.add_argument("--group", type=int, required=True, help="the group's chat id")
    args = parser.parse_args(argv)
    # python-telegram-bot 22 gives durations (RetryAfter.retry_after) as timedelta with this set.
    os.environ.setdefault("PTB_TIMEDELTA", "true")

    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"Invalid settings (see .env.example):\n{exc}", file=sys.stderr)
        return 2
    secrets = (settings.bot_token.get_secret_value(),) if settings.bot_token else ()
    logs.configure(settings.log_level, secrets)

    if args.command == "run":
        return run(settings)
    if args.command == "sandbox":
        return run_sandbox(settings, args.port or settings.sandbox_port, demo=args.demo)
    if args.command == "migrate":
        return asyncio.run(migrate(settings))
    if args.command == "status":
        return asyncio.run(status(settings))
    if args.command == "reindex":
        return asyncio.run(reindex(settings))
    if args.command == "backup":
        return backup_database(settings.database, args.path)
    return asyncio.run(seed_group(settings, args.group))


def run(settings: Settings) -> int:
    if settings.bot_token is None:
        print("RAKOR_BOT_TOKEN is not set: starting the local sandbox instead.", file=sys.stderr)
        return run_sandbox(settings, settings.sandbox_port, demo=True)
    if settings.mode == "webhook" and not settings.webhook_url:
        print("RAKOR_MODE=webhook needs RAKOR_WEBHOOK_URL.", file=sys.stderr)
        return 2
    app = build_application(settings, clock=system_clock)
    try:
        asyncio.run(serve(app))
    except InvalidToken:
        # Its message quotes the token: never printed.
        print(
            "Telegram menolak token bot / Telegram rejected the bot token:"
            " check RAKOR_BOT_TOKEN (from @BotFather).",
            file=sys.stderr,
        )
        return 1
    except DatabaseUnavailable as exc:
        print(f"rakor: {exc}", file=sys.stderr)
        return 1
    return 0


def run_sandbox(settings: Settings, port: int, *, demo: bool) -> int:
    """The sandbox on 127.0.0.1:``port`` until Ctrl+C (see ``bot/sandbox``)."""

    def ready(box: sandbox.Sandbox) -> None:
        print(
            f"\n  Rakor SANDBOX — a demo group in your browser: {box.url}\n\n"
            "  This is a sandbox: a fake Telegram on this computer, with the demo group\n"
            f"  {sandbox.GROUP_TITLE!r} and {len(sandbox.PERSONAS)} people you can play.\n"
            f"  Nothing leaves this machine; its data is in {box.database_path}\n"
            "  (emptied at every start).\n"
            "  To connect a real bot, create one with @BotFather and set RAKOR_BOT_TOKEN\n"
            "  (and RAKOR_ALLOWED_CHATS) in .env, then run `rakor run` (see README.md).\n"
            "  Stop with Ctrl+C.\n",
            flush=True,
        )

    try:
        asyncio.run(sandbox.serve(settings, port=port, demo=demo, on_ready=ready))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(
            f"Could not start the sandbox on 127.0.0.1:{port}: {exc}\n"
            "Choose another port with --port or RAKOR_SANDBOX_PORT.",
            file=sys.stderr,
        )
        return 1
    return 0


async def migrate(settings: Settings) -> int:
    database = await storage_db.connect(settings.database)
    try:
        rebuilt = await search.rebuild_if_requested(database)
        version = await storage_db.schema_version(database)
    finally:
        await database.close()
    print(f"{settings.database}: schema version {version}")
    if rebuilt:
        print(f"{settings.database}: search index rebuilt.")
    return 0


async def status(settings: Settings) -> int:
    """What the bot recorded of itself, read from the database (it may be running)."""
    if not settings.database.exists():
        print(f"{settings.database} does not exist: the bot has never run here.", file=sys.stderr)
        return 2
    database = await storage_db.connect(settings.database)
    try:
        recorded = await health.read(database)
        backlog = await inbox.backlog(database)
        due = await dispatcher.next_due(database, jobs.sources())
        counts = await firings.counts(database)
        set_aside = await faults.count(database)
    finally:
        await database.close()
    now = int(system_clock().timestamp())
    zone = ZoneInfo(settings.timezone)

    def when(at: int | None) -> str:
        if at is None:
            return "never"
        shown = datetime.fromtimestamp(at, zone).strftime("%Y-%m-%d %H:%M:%S %Z")
        ago = now - at
        return f"{shown} ({abs(ago)} s {'ago' if ago >= 0 else 'from now'})"

    print(f"database:              {settings.database}")
    print(f"started:               {when(recorded.get(health.STARTED))}")
    print(f"last successful poll:  {when(recorded.get(health.LAST_POLL))}")
    print(f"inbox backlog:         {backlog} update(s) not handled yet")
    print(f"next firing due:       {when(due) if due is not None else 'none'}")
    print(
        "firings:               "
        + ", ".join(f"{name} {counts.get(name, 0)}" for name in firings.STATUSES)
    )
    print(f"items set aside:       {set_aside} (raised while firing; retried with back-off)")
    return 0


async def reindex(settings: Settings) -> int:
    """Rebuild the search index from every registered source (the features' tables)."""
    database = await storage_db.connect(settings.database)
    try:
        counts = await search.reindex(database)
    finally:
        await database.close()
    summary = ", ".join(f"{kind}: {count}" for kind, count in counts.items()) or "no sources"
    print(f"{settings.database}: search index rebuilt ({summary}).")
    return 0


def backup_database(source: Path, target: Path) -> int:
    """SQLite's online backup (consistent while the bot writes), then an integrity check."""
    if not source.exists():
        print(f"{source} does not exist.", file=sys.stderr)
        return 2
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        (result,) = dst.execute("PRAGMA integrity_check").fetchone()
    if result != "ok":
        print(f"Backup {target} failed its integrity check: {result}", file=sys.stderr)
        return 1
    print(f"Backed up {source} to {target} (integrity check: ok).")
    return 0


async def seed_group(settings: Settings, chat_id: int) -> int:
    database = await storage_db.connect(settings.database)
    try:
        if await groups.get(database, chat_id) is None:
            print(f"Group {chat_id} is not registered; send /mulai in it first.", file=sys.stderr)
            return 2
        now = int(system_clock().timestamp())
        added = await units.add_many(database, chat_id, seeds.example_units(), now)
    finally:
        await database.close()
    print(f"Added {added} example units to group {chat_id}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
