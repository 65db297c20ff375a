"""The rate limiter around each Bot API request: order, pauses, retries, the attempt hook,
cancellation. The HTTP call is a scripted callback here; tests/app/test_flood_and_retries.py drives
the real Application against the fake server."""

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.telegram.flood import Chat, FloodLimits
from bot.telegram.ratelimit import (
    RateLimiter,
    SendOptions,
    ServerError,
    chat_of,
    counts,
    never_carried_out,
)
from tests.helpers import caused, refused

GROUP = -1001
OTHER = -1002
PRIVATE = 42
NO_WAIT = (0.0,) * 5


class Server:
    """The callback PTB would pass: records each call, raises what ``fail`` says, and holds
    calls while ``hold`` is set."""

    def __init__(self, fail: Callable[[str, Chat | None, int], Exception | None] | None = None):
        self.fail = fail
        self.calls: list[tuple[str, Chat | None]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.hold: asyncio.Event | None = None

    async def __call__(self, endpoint: str, data: dict[str, Any]) -> dict[str, Any]:
        chat = data.get("chat_id")
        self.calls.append((endpoint, chat))
        number = len(self.calls)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.hold is not None:
                await self.hold.wait()
            error = self.fail(endpoint, chat, number) if self.fail else None
            if error is not None:
                raise error
            return {"ok": True}
        finally:
            self.in_flight -= 1

    def sends_to(self, chat: Chat) -> int:
        return sum(1 for _, called in self.calls if called == chat)


async def request(
    limiter: RateLimiter,
    server: Server,
    chat: Chat | None,
    endpoint: str = "sendMessage",
    options: SendOptions | None = None,
) -> Any:
    data: dict[str, Any] = {} if chat is None else {"chat_id": chat}
    return await limiter.process_request(server, (endpoint, data), {}, endpoint, data, options)


def script(*outcomes: Exception | None) -> Callable[[str, Chat | None, int], Exception | None]:
    """Fail the n-th call with the n-th outcome (None: answer), then answer."""
    return lambda _endpoint, _chat, n: outcomes[n - 1] if n <= len(outcomes) else None


class Attempts:
    """An ``on_attempt`` hook that counts its calls."""

    def __init__(self) -> None:
        self.count = 0

    async def __call__(self) -> None:
        self.count += 1


@pytest.mark.parametrize(
    ("endpoint", "counted"),
    [
        ("sendMessage", True),
        ("sendDocument", True),
        ("sendPhoto", True),
        ("editMessageText", True),
        ("editMessageReplyMarkup", True),
        ("pinChatMessage", True),
        ("copyMessage", True),
        ("sendChatAction", False),
        ("answerCallbackQuery", False),
        ("getChatMember", False),
        ("setMyCommands", False),
        ("deleteMessage", False),
    ],
)
def test_what_counts_to_the_limits(endpoint: str, counted: bool) -> None:
    assert counts(endpoint) is counted


def test_chat_ids_are_one_key_however_ptb_holds_them() -> None:
    assert chat_of({"chat_id": -1001}) == -1001
    assert chat_of({"chat_id": "-1001"}) == -1001
    assert chat_of({"chat_id": "@kanal"}) == "@kanal"
    assert chat_of({"callback_query_id": "7"}) is None


@pytest.mark.parametrize(
    ("error", "safe"),
    [
        (ServerError(502, "Bad Gateway (502)"), True),
        (caused(NetworkError("x"), refused()), True),
        (caused(TimedOut(), aiohttp.ConnectionTimeoutError("slow")), True),
        (caused(TimedOut(), aiohttp.ConnectionTimeoutError("no free connection")), True),
        (caused(TimedOut(), aiohttp.SocketTimeoutError("no answer")), False),
        (caused(TimedOut(), TimeoutError()), False),
        (caused(NetworkError("x"), aiohttp.ServerDisconnectedError()), False),
        (NetworkError("Bad Gateway"), False),  # PTB's own 502: no status to rely on
        (BadRequest("can't parse entities"), False),
    ],
)
def test_which_failures_certainly_had_no_effect(error: NetworkError, safe: bool) -> None:
    assert never_carried_out(error) is safe


async def test_a_5xx_and_a_connection_never_made_are_retried_each_attempt_announced() -> None:
    limiter = RateLimiter(FloodLimits(30, 20), retry_delays=NO_WAIT)
    down = caused(NetworkError("down"), refused())
    server = Server(script(ServerError(500, "Internal Server Error (500)"), down))
    attempts = Attempts()
    assert await request(limiter, server, GROUP, options=SendOptions(attempts)) == {"ok": True}
    assert server.sends_to(GROUP) == 3
    assert attempts.count == 3


async def test_retries_are_bounded_by_the_schedule() -> None:
    limiter = RateLimiter(FloodLimits(30, 20), retry_delays=(0.0, 0.0))
    server = Server(lambda *_: ServerError(502, "Bad Gateway (502)"))
    with pytest.raises(ServerError):
        await request(limiter, server, GROUP)
    assert server.sends_to(GROUP) == 3


@pytest.mark.parametrize(
    "error",
    [
        caused(TimedOut(), aiohttp.SocketTimeoutError("no answer")),
        caused(NetworkError("cut"), aiohttp.ServerDisconnectedError()),
        BadRequest("Chat not found"),
        Forbidden("bot was kicked from the supergroup chat"),
    ],
)
async def test_what_may_have_had_an_effect_goes_to_the_caller(error: Exception) -> None:
    limiter = RateLimiter(FloodLimits(30, 20), retry_delays=NO_WAIT)
    server = Server(script(error))
    attempts = Attempts()
    with pytest.raises(type(error)):
        await request(limiter, server, GROUP, options=SendOptions(attempts))
    assert (server.sends_to(GROUP), attempts.count) == (1, 1)


async def test_a_429_is_retried_as_often_as_it_comes() -> None:
    limiter = RateLimiter(FloodLimits(30, 20), retry_delays=())
    server = Server(script(*[RetryAfter(0)] * 12))
    await request(limiter, server, GROUP)
    assert server.sends_to(GROUP) == 13


async def test_a_429_in_a_group_pauses_that_group_only() -> None:
    limiter = RateLimiter(FloodLimits(30, 1, minute=0.05))
    server = Server(script(RetryAfter(timedelta(seconds=0.5))))
    server.hold = asyncio.Event()
    first = asyncio.create_task(request(limiter, server, GROUP, "sendMessage"))
    await until(lambda: server.in_flight == 1)
    later = asyncio.create_task(request(limiter, server, GROUP, "sendPhoto"))
    await asyncio.sleep(0)  # it queues: the group's window is full
    server.hold.set()  # the first is refused: its group waits half a second
    await until(lambda: len(server.calls) == 1 and server.in_flight == 0)
    await request(limiter, server, OTHER)  # not held back
    await asyncio.gather(first, later)
    # the refused request keeps its place: it is retried before the one that came after it
    assert server.calls == [
        ("sendMessage", GROUP),
        ("sendMessage", OTHER),
        ("sendMessage", GROUP),
        ("sendPhoto", GROUP),
    ]


@pytest.mark.parametrize("chat", [PRIVATE, None])
async def test_a_429_outside_groups_pauses_everything(chat: Chat | None) -> None:
    limiter = RateLimiter(FloodLimits(1, 20, second=0.01))
    server = Server(script(RetryAfter(timedelta(seconds=0.3))))
    server.hold = asyncio.Event()
    endpoint = "sendMessage" if chat else "editMessageText"  # inline message: no chat
    first = asyncio.create_task(request(limiter, server, chat, endpoint))
    await until(lambda: server.in_flight == 1)
    others = [
        asyncio.create_task(request(limiter, server, GROUP)),  # waits for the bot's window
        asyncio.create_task(request(limiter, server, OTHER, "getChat")),  # does not
    ]
    await until(lambda: len(server.calls) == 2)
    server.hold.set()  # the first is refused: everything waits
    await until(lambda: server.in_flight == 0)
    lookup = asyncio.create_task(request(limiter, server, OTHER, "getChatMember"))
    await asyncio.gather(first, *others, lookup)
    assert server.calls == [
        (endpoint, chat),
        ("getChat", OTHER),
        (endpoint, chat),  # first in line again
        ("getChatMember", OTHER),  # held by the pause, not by the window
        ("sendMessage", GROUP),  # a window (0.01 s) after the retry
    ]


async def test_requests_wait_for_the_window_in_the_order_they_came() -> None:
    limiter = RateLimiter(FloodLimits(2, 20, second=0.05))
    server = Server()
    server.hold = asyncio.Event()
    chats = [-1 - index for index in range(6)]
    tasks = [asyncio.create_task(request(limiter, server, chat)) for chat in chats]
    await until(lambda: server.in_flight == 2)
    server.hold.set()
    await asyncio.gather(*tasks)
    assert server.most_in_flight == 2
    assert [chat for _, chat in server.calls] == chats


async def test_a_full_group_does_not_hold_back_the_others() -> None:
    limiter = RateLimiter(FloodLimits(30, 1, minute=3600.0))
    server = Server()
    await request(limiter, server, GROUP)
    waiting = asyncio.create_task(request(limiter, server, GROUP))
    await request(limiter, server, OTHER)
    await request(limiter, server, PRIVATE)
    await request(limiter, server, GROUP, "answerCallbackQuery")
    assert not waiting.done()
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert server.sends_to(GROUP) == 2  # the first send and the callback answer


async def test_a_request_cancelled_while_waiting_takes_no_slot() -> None:
    limiter = RateLimiter(FloodLimits(1, 20, second=0.01))
    server = Server()
    server.hold = asyncio.Event()
    first = asyncio.create_task(request(limiter, server, GROUP))
    await until(lambda: server.in_flight == 1)
    second = asyncio.create_task(request(limiter, server, OTHER))
    await asyncio.sleep(0)
    second.cancel()
    server.hold.set()
    await first
    await asyncio.wait_for(request(limiter, server, PRIVATE), 5)  # the slot came free
    with pytest.raises(asyncio.CancelledError):
        await second
    assert [chat for _, chat in server.calls] == [GROUP, PRIVATE]


async def test_a_request_cancelled_in_its_attempt_hook_gives_its_slot_back() -> None:
    limiter = RateLimiter(FloodLimits(1, 20, second=3600.0))
    server = Server()
    entered, never = asyncio.Event(), asyncio.Event()

    async def blocked() -> None:
        entered.set()
        await never.wait()

    first = asyncio.create_task(request(limiter, server, GROUP, options=SendOptions(blocked)))
    await entered.wait()
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    await asyncio.wait_for(request(limiter, server, GROUP), 5)  # else it would wait an hour
    assert server.calls == [("sendMessage", GROUP)]


async def test_a_failing_attempt_hook_sends_nothing() -> None:
    limiter = RateLimiter(FloodLimits(1, 20, second=3600.0))
    server = Server()

    async def broken() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        await request(limiter, server, GROUP, options=SendOptions(broken))
    await asyncio.wait_for(request(limiter, server, GROUP), 5)
    assert server.calls == [("sendMessage", GROUP)]


async def test_a_request_cancelled_under_way_still_counts() -> None:
    limiter = RateLimiter(FloodLimits(1, 20, second=3600.0))
    server = Server()
    server.hold = asyncio.Event()
    first = asyncio.create_task(request(limiter, server, GROUP))
    await until(lambda: server.in_flight == 1)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    now = asyncio.get_running_loop().time()
    ready = limiter.windows.ready_at(OTHER, True, now)
    assert ready is not None and ready > now  # it may have reached Telegram


async def test_shutdown_cancels_what_still_waits() -> None:
    limiter = RateLimiter(FloodLimits(30, 1, minute=3600.0))
    server = Server()
    await request(limiter, server, GROUP)
    waiting = asyncio.create_task(request(limiter, server, GROUP))
    await asyncio.sleep(0)
    await limiter.shutdown()
    with pytest.raises(asyncio.CancelledError):
        await waiting


async def test_without_limits_nothing_waits_but_failures_are_still_retried() -> None:
    limiter = RateLimiter(None, retry_delays=NO_WAIT)
    server = Server()
    server.hold = asyncio.Event()
    tasks = [asyncio.create_task(request(limiter, server, GROUP)) for _ in range(50)]
    await until(lambda: server.in_flight == 50)
    server.hold.set()
    await asyncio.gather(*tasks)
    server = Server(script(ServerError(502, "Bad Gateway (502)")))
    await request(limiter, server, GROUP)
    assert server.sends_to(GROUP) == 2


async def until(condition: Callable[[], bool]) -> None:
    """Let the limiter's tasks run until ``condition`` holds (a bounded number of turns)."""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("condition never held")
