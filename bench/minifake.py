"""A minimal fake Bot API for throughput figures: it answers at once and checks nothing.

``bot/fakeapi`` is the faithful fake the tests use (it validates HTML, keeps flood windows,
records every request); here every answer is the smallest one python-telegram-bot accepts, so
that the server costs as little as it can and is never what a benchmark measures.

Updates are loaded already serialised and held back until ``POST /bench/go``; ``getUpdates``
then serves them in order, up to its ``limit``, and a long poll waiting for them returns as
soon as they are released. The server counts what it answered, and keeps the callback data
of every button it was sent (``ann:a:12``) with the message carrying it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 999_000_001
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Rakor", "username": "rakor_bench_bot"}
MAX_BATCH = 100


@dataclass(frozen=True, slots=True)
class Posted:
    """A button the bot sent, with the message that carries it."""

    chat_id: int
    message_id: int
    data: str


@dataclass
class Counts:
    """What the server answered since the last :meth:`MiniFake.load`."""

    methods: Counter[str] = field(default_factory=Counter)
    first_text: str | None = None


class MiniFake:
    """The fake server: ``start()``, then ``load`` updates, and a client ``POST``s ``go``."""

    def __init__(self, token: str, admins: tuple[int, ...]) -> None:
        self.token = token
        self.admins = admins
        self.counts = Counts()
        self.posted: list[Posted] = []
        self._updates: list[bytes] = []
        self._first_id = 0
        self._released = False
        self._changed = asyncio.Event()
        self._message_id = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        app.router.add_post("/bench/go", self._go)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server  # noqa: SLF001 - aiohttp exposes the bound port only here
        assert isinstance(server, asyncio.Server)
        self.port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def load(self, updates: list[dict[str, Any]]) -> None:
        """The updates of the next run (consecutive ``update_id``), held until ``go``."""
        self._updates = [json.dumps(update, ensure_ascii=False).encode() for update in updates]
        self._first_id = updates[0]["update_id"] if updates else 0
        self._released = False
        self.counts = Counts()

    def release(self) -> None:
        """Serve the loaded updates; a long poll waiting for them returns now."""
        self._released = True
        self._changed.set()
        self._changed = asyncio.Event()

    def _available(self, offset: int) -> bool:
        return self._released and max(offset - self._first_id, 0) < len(self._updates)

    async def _go(self, request: web.Request) -> web.Response:
        self.release()
        return web.json_response({"ok": True})

    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401}, status=401)
        method = request.match_info["method"]
        params = dict(await request.post()) if request.can_read_body else {}
        self.counts.methods[method] += 1
        if method == "getUpdates":
            return await self._get_updates(params)
        return web.json_response({"ok": True, "result": self._result(method, params)})

    async def _get_updates(self, params: dict[str, Any]) -> web.Response:
        # Only the request's own offset says where its batch starts: a long poll left waiting
        # by a bot that has since exited wakes on the next release too, and must not move the
        # next bot's position.
        offset = int(params.get("offset") or 0)
        limit = min(int(params.get("limit") or MAX_BATCH), MAX_BATCH)
        timeout = float(params.get("timeout") or 0)
        if not self._available(offset):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)
        start = max(offset - self._first_id, 0)
        batch = self._updates[start : start + limit] if self._available(offset) else []
        body = b'{"ok":true,"result":[' + b",".join(batch) + b"]}"
        return web.Response(body=body, content_type="application/json")

    def _result(self, method: str, params: dict[str, Any]) -> object:
        if method == "getMe":
            return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": True}
        if method == "getChatAdministrators":
            return [
                {"status": "creator", "is_anonymous": False, "user": _user(admin)}
                for admin in self.admins
            ]
        if method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            return self._message(method, params)
        return True

    def _message(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if method == "sendMessage":
            self._message_id += 1
            message_id = self._message_id
            if self.counts.first_text is None:
                self.counts.first_text = str(params.get("text"))
        else:
            message_id = int(params["message_id"])
        markup = params.get("reply_markup")
        if markup:
            for row in json.loads(markup).get("inline_keyboard", []):
                for button in row:
                    if "callback_data" in button:
                        self.posted.append(Posted(chat_id, message_id, button["callback_data"]))
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "supergroup" if chat_id < 0 else "private"},
            "from": BOT_USER,
            "text": str(params.get("text") or "."),
        }


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"Pengguna {user_id}"}
