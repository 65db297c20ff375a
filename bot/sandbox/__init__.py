"""Try Rakor without Telegram: a demo group in the browser, on 127.0.0.1.

``rakor sandbox`` (and ``rakor run`` without a token) starts the fake Bot API server, the real
bot against it, and a page that looks like a group chat on a phone, where you play the
Asisten, members of Dishub, Bapperida and a Kecamatan, or a read-only staff member.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from pathlib import Path

from bot.sandbox.runner import DATABASE_NAME, Sandbox, started
from bot.sandbox.scene import GROUP_TITLE, PERSONAS
from bot.sandbox.script import DEMO, play
from bot.settings import Settings

logger = logging.getLogger(__name__)


async def serve(
    settings: Settings,
    *,
    port: int,
    demo: bool,
    on_ready: Callable[[Sandbox], None],
    directory: Path = Path(),
) -> None:
    """Run the sandbox until SIGINT/SIGTERM; ``on_ready`` is called once the page is up."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with started(settings, port=port, directory=directory) as sandbox:
        on_ready(sandbox)
        if demo:
            try:
                await play(sandbox)
            except Exception:  # the page stays useful without the demo
                logger.exception("the demo session failed")
        await stop.wait()


__all__ = [
    "DATABASE_NAME",
    "DEMO",
    "GROUP_TITLE",
    "PERSONAS",
    "Sandbox",
    "play",
    "serve",
    "started",
]
