"""The ``rakor`` command: run the bot, migrate, back up, seed."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from telegram import Update

from bot import logs, seeds
from bot.app import build_application
from bot.runtime import system_clock
from bot.settings import Settings
from storage import db as storage_db
from storage import groups, units

logger = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rakor", description="Rakor: the coordination group bot")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run the bot (polling or webhook, per settings)")
    sub.add_parser("migrate", help="create or upgrade the database")
    backup = sub.add_parser("backup", help="copy the database safely while the bot runs")
    backup.add_argument("path", type=Path)
    seed = sub.add_parser("seed", help="load the example units into a registered group")
    seed.add_argument("--group", type=int, required=True, help="the group's chat id")
    args = parser.parse_args(argv)

    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"Invalid settings (see .env.example):\n{exc}", file=sys.stderr)
        return 2
    secrets = (settings.bot_token.get_secret_value(),) if settings.bot_token else ()
    logs.configure(settings.log_level, secrets)

    if args.command == "run":
        return run(settings)
    if args.command == "migrate":
        return asyncio.run(migrate(settings))
    if args.command == "backup":
        return backup_database(settings.database, args.path)
    return asyncio.run(seed_group(settings, args.group))


def run(settings: Settings) -> int:
    if settings.bot_token is None:
        print(
            "RAKOR_BOT_TOKEN is not set. Create a bot with @BotFather, then put its token in\n"
            ".env (see .env.example) or the environment, e.g.\n"
            "  RAKOR_BOT_TOKEN=123456:ABC... RAKOR_ALLOWED_CHATS=-1001234567890 rakor run",
            file=sys.stderr,
        )
        return 2
    app = build_application(settings, clock=system_clock)
    if settings.mode == "webhook":
        if not settings.webhook_url:
            print("RAKOR_MODE=webhook needs RAKOR_WEBHOOK_URL.", file=sys.stderr)
            return 2
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            webhook_url=settings.webhook_url,
            secret_token=(
                settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
            ),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


async def migrate(settings: Settings) -> int:
    database = await storage_db.connect(settings.database)
    version = await storage_db.schema_version(database)
    await database.close()
    print(f"{settings.database}: schema version {version}")
    return 0


def backup_database(source: Path, target: Path) -> int:
    """SQLite's online backup (consistent while the bot writes), then an integrity check."""
    if not source.exists():
        print(f"{source} does not exist.", file=sys.stderr)
        return 2
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
        (result,) = dst.execute("PRAGMA integrity_check").fetchone()
    src.close()
    dst.close()
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
