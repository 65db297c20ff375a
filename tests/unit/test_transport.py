"""The Bot API transport over aiohttp, against real sockets on loopback: what
python-telegram-bot expects of a request class (forms, files, status and body as they came),
and how each way a request can fail reaches the rate limiter."""

import asyncio
import socket
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.fakeapi import FakeBotApi
from bot.telegram.ratelimit import never_carried_out
from bot.telegram.transport import AiohttpRequest
from tests.helpers import GROUP, TOKEN

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def serving(handler: Handler) -> AsyncIterator[str]:
    """A one-route HTTP server on loopback; its base URL."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def transport(**options: float | int | None) -> AsyncIterator[AiohttpRequest]:
    request = AiohttpRequest(**options)  # type: ignore[arg-type]
    await request.initialize()
    try:
        yield request
    finally:
        await request.shutdown()


def form(**values: object) -> RequestData:
    return RequestData([RequestParameter.from_input(k, v) for k, v in values.items()])


async def test_a_form_goes_out_and_the_answer_comes_back_as_it_came() -> None:
    seen: list[tuple[str, str, dict[str, str], str]] = []

    async def answer(request: web.Request) -> web.Response:
        fields = await request.post()
        seen.append(
            (
                request.method,
                request.headers["Content-Type"],
                {k: str(v) for k, v in fields.items()},
                request.headers["User-Agent"],
            )
        )
        return web.Response(status=400, body=b'{"ok":false,"description":"Bad Request: x"}')

    async with serving(answer) as url, transport() as request:
        data = form(chat_id=GROUP, text="Rapat 10.00 — ruang 2 & aula", reply_markup={"a": [1]})
        status, payload = await request.do_request(f"{url}/botT/sendMessage", "POST", data)
    assert (status, payload) == (400, b'{"ok":false,"description":"Bad Request: x"}')
    [(method, content_type, fields, agent)] = seen
    assert method == "POST"
    assert content_type == "application/x-www-form-urlencoded"
    assert fields == {
        "chat_id": str(GROUP),
        "text": "Rapat 10.00 — ruang 2 & aula",
        "reply_markup": '{"a": [1]}',
    }
    assert agent.startswith("python-telegram-bot")


async def test_python_telegram_bot_sends_files_through_it(fake: FakeBotApi) -> None:
    request = AiohttpRequest()
    async with Bot(TOKEN, base_url=fake.base_url, request=request) as bot:
        sent = await bot.send_document(
            GROUP, b"tanggal,agenda\n", filename="agenda.csv", caption="Agenda <b>rakor</b>"
        )
    assert sent.document is not None
    stored = fake.sent[-1]
    assert stored.document == ("agenda.csv", b"tanggal,agenda\n")
    assert stored.caption == "Agenda <b>rakor</b>"


@pytest.mark.parametrize(
    ("name", "arrives"),
    [
        ("notulen rapat.docx", "notulen rapat.docx"),
        ("Undangan — Rakor Pokja Aset ke-3.ics", "Undangan — Rakor Pokja Aset ke-3.ics"),
        ('rekap "minggu ini".png', "rekap %22minggu ini%22.png"),
        ("baris\r\nX-Sisipan: 1.xlsx", "baris%0D%0AX-Sisipan: 1.xlsx"),
    ],
)
async def test_a_file_keeps_its_name_and_cannot_break_the_form(
    fake: FakeBotApi, name: str, arrives: str
) -> None:
    async with Bot(TOKEN, base_url=fake.base_url, request=AiohttpRequest()) as bot:
        await bot.send_document(GROUP, b"isi", filename=name)
    assert fake.sent[-1].document == (arrives, b"isi")


async def test_a_redirect_is_answered_not_followed() -> None:
    async def moved(request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": "/elsewhere"}, body=b"moved")

    async with serving(moved) as url, transport() as request:
        assert await request.do_request(f"{url}/botT/getMe", "POST") == (302, b"moved")


async def test_a_refused_connection_was_certainly_not_carried_out() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}"
    async with transport() as request:  # nothing listens on the port
        with pytest.raises(NetworkError) as refused:
            await request.do_request(f"{url}/botT/sendMessage", "POST", form(text="x"))
    assert isinstance(refused.value.__cause__, aiohttp.ClientConnectorError)
    assert never_carried_out(refused.value)


async def test_no_answer_in_time_may_have_been_carried_out() -> None:
    arrived, release = asyncio.Event(), asyncio.Event()

    async def silent(request: web.Request) -> web.Response:
        arrived.set()
        await release.wait()
        return web.Response(body=b"{}")

    async with serving(silent) as url, transport(read_timeout=0.2) as request:
        with pytest.raises(TimedOut) as late:
            await request.do_request(f"{url}/botT/sendMessage", "POST", form(text="x"))
        release.set()
    assert arrived.is_set()
    assert not never_carried_out(late.value)


async def test_a_connection_dropped_after_the_request_may_have_been_carried_out() -> None:
    async def drop(request: web.Request) -> web.Response:
        await request.read()
        assert request.transport is not None
        request.transport.close()
        raise AssertionError("unreachable")

    async with serving(drop) as url, transport() as request:
        with pytest.raises(NetworkError) as dropped:
            await request.do_request(f"{url}/botT/sendMessage", "POST", form(text="x"))
    assert not isinstance(dropped.value, TimedOut)
    assert not never_carried_out(dropped.value)


async def test_no_free_connection_in_time_was_certainly_not_carried_out() -> None:
    arrived, release = asyncio.Event(), asyncio.Event()
    arrivals: list[str] = []

    async def slow(request: web.Request) -> web.Response:
        arrivals.append(request.path)
        arrived.set()
        await release.wait()
        return web.Response(body=b"{}")

    one = transport(connection_pool_size=1, pool_timeout=0.1, connect_timeout=0.1)
    async with serving(slow) as url, one as request:
        first = asyncio.create_task(request.do_request(f"{url}/botT/first", "POST"))
        await arrived.wait()
        with pytest.raises(TimedOut) as busy:
            await request.do_request(f"{url}/bot{TOKEN}/second", "POST")
        release.set()
        assert await first == (200, b"{}")
    assert arrivals == ["/botT/first"]
    assert isinstance(busy.value.__cause__, aiohttp.ConnectionTimeoutError)
    assert never_carried_out(busy.value)
    # aiohttp names the whole URL in this error; the token in its path is not printed even
    # when the error is never caught
    printed = "".join(traceback.format_exception(busy.value))
    assert "Connection timeout to host" in printed
    assert TOKEN not in printed


async def test_the_environment_proxy_carries_the_requests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxied: list[str] = []
    direct: list[str] = []

    async def proxy(request: web.Request) -> web.Response:
        proxied.append(str(request.url))
        return web.Response(body=b'{"ok":true}')

    async def server(request: web.Request) -> web.Response:
        direct.append(request.path)
        return web.Response(body=b'{"ok":true}')

    async with serving(proxy) as proxy_url, serving(server) as direct_url:
        monkeypatch.setenv("HTTP_PROXY", proxy_url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        async with transport() as request:
            via = await request.do_request("http://api.telegram.example/botT/getMe", "POST")
            around = await request.do_request(f"{direct_url}/botT/getMe", "POST")
    assert via == around == (200, b'{"ok":true}')
    assert proxied == ["http://api.telegram.example/botT/getMe"]
    assert direct == ["/botT/getMe"]


async def test_it_must_be_initialized_and_shuts_down_once() -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/botT/getMe", "POST")
    await request.initialize()
    await request.shutdown()
    await request.shutdown()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/botT/getMe", "POST")
