"""The HTTP side of the fake Bot API: an aiohttp server on loopback and the test-facing API."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from aiohttp import web

from bot.fakeapi.chats import ChatMethods
from bot.fakeapi.faults import DROP, Faults
from bot.fakeapi.limits import FloodLimiter
from bot.fakeapi.models import ApiError, UploadedFile
from bot.fakeapi.world import Clock

logger = logging.getLogger(__name__)

#: Parameters that are plain strings even when they look like JSON ("123", "true").
STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "url",
        "language_code",
        "secret_token",
        "action",
        "file_id",
        "inline_message_id",
        "title",
        "description",
        "name",
        "short_description",
        "custom_title",
        "emoji",
        "ip_address",
    }
)


def _coerce(name: str, value: str) -> Any:
    """Decode one form value: PTB JSON-encodes every non-string parameter."""
    if name in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeBotApi(ChatMethods):
    """A fake Telegram Bot API server plus a scriptable world (see the package docstring)."""

    def __init__(
        self,
        token: str = "123456:TEST-token",  # noqa: S107 - a fake token
        bot_username: str = "rakor_bot",
        clock: Clock | None = None,
        *,
        bot_first_name: str = "Rakor",
    ) -> None:
        super().__init__(token, bot_username, clock, bot_first_name)
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.rejected: list[tuple[str, dict[str, Any], ApiError]] = []
        """Every call answered with an error (a bad request, a 403, a 429...), not counting
        the faults injected with ``faults``."""
        self.enforce_limits = False
        self.limiter = FloodLimiter()
        self.faults = Faults()
        self.host = "127.0.0.1"
        self.port = 0
        self._stalled: dict[str, asyncio.Event] = {}
        self._hanging: list[tuple[str, web.Request]] = []
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def base_url(self) -> str:
        """The ``base_url`` for python-telegram-bot (the token is appended to it)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """The ``base_file_url`` for python-telegram-bot."""
        return f"http://{self.host}:{self.port}/file/bot"

    def make_app(self) -> web.Application:
        """The aiohttp application (mountable in a larger sandbox app)."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_get("/file/{bottoken}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{bottoken}/{method}", self._handle_api)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Serve on ``host:port`` (port 0 picks a free port, see ``self.port``)."""
        self._closing = False
        self._runner = web.AppRunner(self.make_app(), shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        self._site = site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server  # noqa: SLF001 - the only way to learn the bound port
        sockets = getattr(server, "sockets", None) or []
        self.host = host
        self.port = sockets[0].getsockname()[1] if sockets else port
        logger.info("fake Bot API listening on %s", self.base_url)

    async def go_offline(self) -> None:
        """Become unreachable: new connections are refused (the client sees
        ``httpx.ConnectError``) and idle ones are closed; requests under way still finish."""
        if self._runner is None or self._site is None:
            return
        await self._site.stop()
        self._site = None
        server = self._runner.server
        if server is None:
            return
        idle = []
        for connection in server.connections:
            if connection._request_in_progress:  # noqa: SLF001 - aiohttp tells no other way
                connection.close()  # after its answer
            else:
                connection.force_close()
                idle.append(connection)
        for _ in range(100):  # until closed, so that no client reuses one meanwhile
            if not set(idle) & set(server.connections):
                break
            await asyncio.sleep(0)

    async def go_online(self) -> None:
        """Accept connections again, on the same port."""
        if self._runner is not None and self._site is None:
            self._site = web.TCPSite(self._runner, self.host, self.port)
            await self._site.start()

    async def stop(self) -> None:
        """Stop serving; pending long-polls and stalled calls are released."""
        self._closing = True
        for event in self._stalled.values():
            event.set()
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self._site = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ test controls
    def stall(self, method: str) -> None:
        """From now on, calls of ``method`` hang until ``unstall(method)``."""
        self._stalled.setdefault(method.lower(), asyncio.Event())

    def unstall(self, method: str) -> None:
        """Release the hanging calls of ``method`` (still-connected ones are then answered)."""
        event = self._stalled.pop(method.lower(), None)
        if event is not None:
            event.set()

    def hanging(self, method: str | None = None) -> int:
        """How many stalled calls (of ``method``) still have a connected client."""
        return sum(
            1
            for name, request in self._hanging
            if (method is None or name.lower() == method.lower())
            and request.transport is not None
            and not request.transport.is_closing()
        )

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 - the deadline is this helper's contract
        *,
        poll_interval: float = 0.05,
    ) -> None:
        """Wait until ``predicate()`` is true.

        Re-checks after every request to the server and every ``poll_interval`` seconds (for
        conditions on state outside the server, e.g. a database or a dropped connection).
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            wakeup = self._wakeup
            if predicate():
                return
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(self._timeout_summary(timeout))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wakeup.wait(), min(remaining, poll_interval))

    def _timeout_summary(self, timeout: float) -> str:
        lines = [f"condition not met within {timeout}s; last requests:"]
        for method, params in self.requests[-15:]:
            shown = {k: v for k, v in params.items() if k != "reply_markup"}
            lines.append(f"  {method} {str(shown)[:200]}")
        if not self.requests:
            lines.append("  (none: is the bot running against this server?)")
        lines.append(f"pending updates: {self.pending_update_ids}")
        lines.append(f"sent texts: {[m.text or m.caption for m in self.sent[-5:]]}")
        return "\n".join(lines)

    # ------------------------------------------------------------------ HTTP
    @staticmethod
    def _response(payload: dict[str, Any], status: int = 200) -> web.Response:
        return web.json_response(payload, status=status)

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = {k: _coerce(k, v) for k, v in request.query.items()}
        if not request.can_read_body:
            return params
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
            return params
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                params[name] = UploadedFile(
                    filename=value.filename, data=value.file.read(), content_type=value.content_type
                )
            else:
                params[name] = _coerce(name, str(value))
        return params

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["bottoken"] != f"bot{self.token}":
            return self._response(ApiError(401, "Unauthorized").payload(), 401)
        method = request.match_info["method"]
        handler = self.handler_for(method)
        if handler is None:
            return self._response(ApiError(404, "Not Found").payload(), 404)
        try:
            params = await self._read_params(request)
        except ValueError:
            return self._response(bad_request_payload("can't parse request body"), 400)
        self.requests.append((handler.__name__[4:], params))
        self._notify()
        try:
            return await self._call(request, handler.__name__[4:], handler, params)
        finally:
            self._notify()

    async def _call(
        self, request: web.Request, method: str, handler: Any, params: dict[str, Any]
    ) -> web.StreamResponse:
        delay = self.faults.delay()
        if delay:
            await asyncio.sleep(delay)
        entry = (method, request)
        while (event := self._stalled.get(method.lower())) is not None and not self._closing:
            logger.debug("stalling %s", method)
            self._hanging.append(entry)
            try:
                await event.wait()
            finally:
                self._hanging.remove(entry)
        if self._closing or request.transport is None or request.transport.is_closing():
            logger.debug("dropping %s: server closing or client gone", method)
            return self._response(ApiError(502, "Bad Gateway").payload(), 502)
        fault = self.faults.take(method)
        if fault == DROP:
            logger.debug("dropping the connection of %s without an answer", method)
            request.protocol.force_close()
            return self._response(ApiError(502, "Bad Gateway").payload(), 502)
        if fault == HTTPStatus.TOO_MANY_REQUESTS:
            return self._response(
                ApiError(
                    fault,
                    f"Too Many Requests: retry after {self.faults.retry_after}",
                    self.faults.retry_after,
                ).payload(),
                fault,
            )
        if fault is not None:
            return self._response(ApiError(fault, HTTPStatus(fault).phrase).payload(), fault)
        chat_id = params.get("chat_id")
        limited_chat = chat_id if isinstance(chat_id, int) else None
        try:
            if self.enforce_limits:
                retry_after = self.limiter.admit(method, limited_chat)
                if retry_after is not None:
                    raise ApiError(
                        429, f"Too Many Requests: retry after {retry_after}", retry_after
                    )
            result = await handler(params)
        except ApiError as error:
            logger.debug("%s -> %s %s", method, error.code, error.description)
            self.rejected.append((method, params, error))
            return self._response(error.payload(), error.code)
        except Exception as error:
            logger.exception("fake Bot API failed in %s", method)
            return self._response(ApiError(500, f"Internal Server Error: {error!r}").payload(), 500)
        return self._response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["bottoken"] != f"bot{self.token}":
            return self._response(ApiError(401, "Unauthorized").payload(), 401)
        stored = self.file_by_path(request.match_info["path"])
        if stored is None:
            return self._response(ApiError(404, "Not Found").payload(), 404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )


def bad_request_payload(reason: str) -> dict[str, Any]:
    return ApiError(400, f"Bad Request: {reason}").payload()
