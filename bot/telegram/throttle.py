"""At most one edit per interval for each message that changes often (a busy button).

The first change after a quiet interval is edited at once; changes within the interval are
coalesced into one pending edit that runs when the interval has passed. The edit reads the
current state when it runs, so the last edit always shows the final state.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from dataclasses import dataclass, field
from typing import Any

from bot.runtime import App

logger = logging.getLogger(__name__)

Edit = Callable[[], Awaitable[None]]
Spawn = Callable[[Coroutine[Any, Any, None]], "asyncio.Future[None]"]


@dataclass(eq=False)
class _State:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last: float | None = None
    """When the last edit started (monotonic seconds)."""
    pending: bool = False


class EditThrottle:
    """Runs edits per key at most once every ``interval`` seconds, never dropping the last."""

    def __init__(
        self,
        interval: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        spawn: Spawn = asyncio.ensure_future,
    ) -> None:
        self.interval = interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._spawn = spawn
        self._states: dict[Hashable, _State] = {}
        self._tasks: set[asyncio.Future[None]] = set()

    async def request(self, key: Hashable, edit: Edit) -> None:
        """Edit now if the key's last edit is an interval old; else make sure one edit follows."""
        self._forget_quiet()
        state = self._states.setdefault(key, _State())
        if state.pending:
            return
        wait = 0.0 if state.last is None else state.last + self.interval - self._monotonic()
        if wait <= 0 and not state.lock.locked():
            await self._run(key, state, edit)
            return
        state.pending = True
        task = self._spawn(self._later(key, state, max(wait, 0.0), edit))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def pending(self, key: Hashable) -> bool:
        state = self._states.get(key)
        return state is not None and state.pending

    async def _later(self, key: Hashable, state: _State, wait: float, edit: Edit) -> None:
        await self._sleep(wait)
        state.pending = False  # a change from now on needs another edit
        await self._run(key, state, edit)

    async def _run(self, key: Hashable, state: _State, edit: Edit) -> None:
        async with state.lock:
            state.last = self._monotonic()
            try:
                await edit()
            except Exception:
                logger.exception("edit for %r failed", key)

    def _forget_quiet(self) -> None:
        now = self._monotonic()
        quiet = [
            key
            for key, state in self._states.items()
            if not state.pending
            and not state.lock.locked()
            and (state.last is None or state.last + self.interval <= now)
        ]
        for key in quiet:
            del self._states[key]


def spawner(app: App, name: str) -> Spawn:
    """Deferred edits run as application tasks (named ``name``), which ``Application.stop``
    waits for."""

    def spawn(coroutine: Coroutine[Any, Any, None]) -> asyncio.Future[None]:
        if app.running:
            return app.create_task(coroutine, name=name)
        return asyncio.ensure_future(coroutine)

    return spawn
