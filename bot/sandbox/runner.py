"""Start the sandbox: the fake Bot API, the real bot against it, the demo group, the page.

Everything runs in one event loop on loopback. The bot is the production ``Application``
from :func:`bot.app.build_application`, with a generated token, the embedded fake server as
its Bot API and a SQLite file of its own.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import SecretStr

from bot.app import App, build_application, running
from bot.fakeapi import FakeBotApi, StoredMessage
from bot.runtime import runtime_of
from bot.sandbox.scene import (
    BOT_USERNAME,
    GROUP_ID,
    GROUP_TITLE,
    PERSONAS,
    Attachment,
    Persona,
    coordinator,
)
from bot.sandbox.web import make_web_app
from bot.services import seeds
from bot.settings import Settings
from bot.telegram import commands
from storage import groups, inbox, people, units
from storage.db import Database

logger = logging.getLogger(__name__)

DATABASE_NAME = "rakor-sandbox.sqlite3"
HOST = "127.0.0.1"


@dataclass(eq=False)
class Sandbox:
    """A running sandbox: the fake Telegram, the bot and the address of the page."""

    fake: FakeBotApi
    app: App
    settings: Settings
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def db(self) -> Database:
        return runtime_of(self.app).database

    @property
    def database_path(self) -> Path:
        return self.settings.database

    def command_names(self) -> frozenset[str]:
        """Names and aliases of every command the bot has now."""
        specs = commands.registered(runtime_of(self.app))
        return frozenset(name for spec in specs for name in (spec.name, spec.alias))

    async def language(self) -> str:
        group = await groups.get(self.db, GROUP_ID)
        return group.language if group else self.settings.language

    async def role_of(self, persona: Persona) -> tuple[str, str | None]:
        """The persona's current role and unit code in the demo group."""
        member = await people.get_member(self.db, GROUP_ID, persona.user_id)
        role = member.role if member else "anggota"
        if persona.admin:
            role = "koordinator"
        return role, member.unit_code if member else None

    def chat_id(self, persona: Persona, chat: str) -> int:
        """``group`` or ``private`` (the persona's private chat with the bot) as a chat id."""
        return GROUP_ID if chat == "group" else persona.user_id

    def say(
        self,
        persona: Persona,
        text: str,
        chat: str = "group",
        *,
        reply_to: int | None = None,
        attachment: Attachment | None = None,
    ) -> dict[str, Any]:
        """The persona writes in the group or in their private chat with the bot, optionally
        as a reply and with a photo or document (``text`` is then its caption)."""
        logger.debug("%s writes %r in %s", persona.key, text, chat)
        photo = document = None
        if attachment is not None and attachment.kind == "photo":
            photo = attachment.data
        elif attachment is not None:
            document = (attachment.name, attachment.data)
        return self.fake.send_message(
            self.chat_id(persona, chat),
            persona.user_id,
            text,
            reply_to=reply_to,
            document=document,
            photo=photo,
        )

    def press(self, persona: Persona, chat: str, message_id: int, data: str) -> str:
        return self.fake.press_button(
            self.chat_id(persona, chat), persona.user_id, message_id, data
        )

    def bot_messages(self, chat_id: int) -> list[StoredMessage]:
        return [m for m in self.fake.messages(chat_id) if m.from_bot]

    async def settle(self, timeout: float = 15.0) -> None:  # noqa: ASYNC109 - a plain deadline
        """Wait until the bot has fetched and handled every update sent so far."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.fake.pending_update_ids or await inbox.pending(self.db):
            if loop.time() > deadline:
                raise TimeoutError("the sandbox bot did not handle its updates in time")
            await asyncio.sleep(0.02)


def fake_token() -> str:
    """A token in BotFather's shape that only the embedded fake server accepts."""
    return f"{secrets.randbelow(9 * 10**8) + 10**8}:SANDBOX-{secrets.token_urlsafe(24)}"


def sandbox_settings(base: Settings, token: str, api_url: str, database: Path) -> Settings:
    if base.database.resolve() == database.resolve():
        raise ValueError(f"the sandbox must not use the production database {base.database}")
    return base.model_copy(
        update={
            "bot_token": SecretStr(token),
            "api_base_url": api_url,
            "database": database,
            "allowed_chats": frozenset({GROUP_ID}),
            "mode": "polling",
        }
    )


def fresh_database(directory: Path) -> Path:
    """The sandbox's own SQLite file, emptied: the fake Telegram starts empty every time."""
    path = directory / DATABASE_NAME
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def build_world(fake: FakeBotApi) -> None:
    for persona in PERSONAS:
        fake.add_user(
            persona.user_id,
            persona.first_name,
            last_name=persona.last_name,
            username=persona.username,
        )
    admins = tuple(p.user_id for p in PERSONAS if p.admin)
    fake.add_group(GROUP_ID, GROUP_TITLE, admins=admins, bot_is_admin=True, bot_can_pin=True)


async def set_up_group(sandbox: Sandbox) -> None:
    """Register the demo group through the bot, load the units, let everyone join theirs."""
    boss = coordinator()
    sandbox.say(boss, "/mulai")
    await sandbox.settle()
    now = int(sandbox.fake.now())
    added = await units.add_many(sandbox.db, GROUP_ID, seeds.example_units(), now)
    logger.info("sandbox group %s registered with %d units", GROUP_TITLE, added)
    for persona in PERSONAS:
        if persona.unit:
            sandbox.say(persona, f"/gabung {persona.unit}")
            await sandbox.settle()
    for persona in PERSONAS:
        if persona.role != "anggota" and not persona.admin:
            sandbox.say(boss, f"/peran @{persona.username} {persona.role}")
            await sandbox.settle()


@asynccontextmanager
async def started(base: Settings, *, port: int, directory: Path = Path()) -> AsyncIterator[Sandbox]:
    """Run the sandbox until the block exits; the page listens on 127.0.0.1:``port``.

    ``port`` 0 picks a free port (see ``sandbox.port``).
    """
    token = fake_token()
    fake = FakeBotApi(token=token, bot_username=BOT_USERNAME, bot_first_name="Rakor")
    build_world(fake)
    await fake.start(HOST, 0)
    try:
        database = fresh_database(directory)
        settings = sandbox_settings(base, token, f"http://{HOST}:{fake.port}", database)
        app = build_application(settings, flood_limits=False)
        async with running(app, poll_timeout=timedelta(seconds=10)):
            sandbox = Sandbox(fake=fake, app=app, settings=settings)
            await set_up_group(sandbox)
            runner = web.AppRunner(make_web_app(sandbox), shutdown_timeout=0.5, access_log=None)
            await runner.setup()
            try:
                site = web.TCPSite(runner, HOST, port)
                await site.start()
                sockets = getattr(site._server, "sockets", None) or []  # noqa: SLF001
                sandbox.port = sockets[0].getsockname()[1] if sockets else port
                logger.info("sandbox page on %s", sandbox.url)
                yield sandbox
            finally:
                await runner.cleanup()
    finally:
        await fake.stop()
