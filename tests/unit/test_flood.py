"""Rolling-window arithmetic of the rate limiter, on an injected monotonic clock."""

import heapq
import random

import pytest

from bot.fakeapi.limits import FloodLimiter
from bot.telegram.flood import FloodLimits, SendWindows, Window

GROUP = -1001
OTHER = -1002
PRIVATE = 42


def send(window: Window, at: float) -> None:
    """A request that left and was answered at ``at``."""
    window.reserve()
    window.stamp(at)


def test_a_window_is_rolling_not_fixed_buckets() -> None:
    window = Window(3, 1.0)
    for at in (0.9, 0.95, 0.99):
        send(window, at)
    # a fixed bucket per whole second would let three more through at 1.1
    assert window.free_at(1.1) == pytest.approx(1.9)
    assert window.free_at(1.9) == pytest.approx(1.9)
    send(window, 1.9)
    assert window.free_at(1.9) == pytest.approx(1.95)


def test_free_at_is_now_while_there_is_room() -> None:
    window = Window(3, 1.0)
    send(window, 10.0)
    assert window.free_at(10.2) == 10.2


def test_requests_under_way_count_until_answered() -> None:
    window = Window(2, 1.0)
    window.reserve()
    window.reserve()
    assert window.free_at(5.0) is None  # only an answer can free it
    window.stamp(5.5)
    assert window.free_at(5.6) == pytest.approx(6.5)  # a second after the answer
    window.release()  # the other never left
    assert window.free_at(5.6) == 5.6


def test_dates_never_go_back() -> None:
    window = Window(2, 1.0)
    send(window, 3.0)
    send(window, 2.0)  # an answer dated before the last one counts as that one
    assert window.free_at(3.5) == pytest.approx(4.0)


def test_an_idle_window_can_be_forgotten() -> None:
    window = Window(2, 1.0)
    window.reserve()
    assert not window.idle(0.0)
    window.stamp(0.0)
    assert not window.idle(0.5)
    assert window.idle(1.0)


def limits(per_second: int = 3, per_group_minute: int = 2) -> FloodLimits:
    return FloodLimits(per_second, per_group_minute)


def sent(windows: SendWindows, chat: int | str | None, at: float) -> None:
    assert windows.ready_at(chat, True, at) == at
    windows.reserve(chat)
    windows.stamp(chat, at)


def test_groups_have_their_own_minute_and_share_the_bot_second() -> None:
    windows = SendWindows(limits())
    sent(windows, GROUP, 0.0)
    sent(windows, GROUP, 0.1)
    assert windows.ready_at(GROUP, True, 0.2) == pytest.approx(60.0)
    assert windows.ready_at(OTHER, True, 0.2) == 0.2
    assert windows.ready_at("@kanal_publik", True, 0.2) == 0.2
    sent(windows, OTHER, 0.2)
    assert windows.ready_at(PRIVATE, True, 0.3) == pytest.approx(1.0)  # the bot's second


def test_private_chats_count_only_to_the_bot_limit() -> None:
    windows = SendWindows(limits(per_second=5))
    for at in (0.0, 0.1, 0.2):
        sent(windows, PRIVATE, at)
    assert windows.ready_at(PRIVATE, True, 0.3) == 0.3


def test_requests_that_send_nothing_ignore_the_windows() -> None:
    windows = SendWindows(limits(per_second=1))
    sent(windows, GROUP, 0.0)
    assert windows.ready_at(GROUP, True, 0.5) == pytest.approx(1.0)
    assert windows.ready_at(GROUP, False, 0.5) == 0.5
    assert windows.ready_at(None, False, 0.5) == 0.5


def test_a_pause_holds_back_one_chat_or_everything() -> None:
    windows = SendWindows(limits())
    windows.pause(GROUP, 7.0)
    assert windows.ready_at(GROUP, True, 2.0) == 7.0
    assert windows.ready_at(GROUP, False, 2.0) == 7.0  # lookups in that chat too
    assert windows.ready_at(OTHER, True, 2.0) == 2.0
    windows.pause(GROUP, 5.0)  # a shorter pause does not shorten the longer one
    assert windows.ready_at(GROUP, True, 2.0) == 7.0
    windows.pause(None, 9.0)
    for chat in (GROUP, OTHER, PRIVATE, None):
        assert windows.ready_at(chat, False, 2.0) == 9.0


def test_without_limits_only_pauses_hold_back() -> None:
    windows = SendWindows(None)
    for index in range(100):
        sent(windows, GROUP, index / 1000)
    assert windows.ready_at(GROUP, True, 0.1) == 0.1
    windows.pause(GROUP, 3.0)
    assert windows.ready_at(GROUP, True, 0.1) == 3.0


def test_quiet_groups_and_past_pauses_are_forgotten() -> None:
    windows = SendWindows(limits())
    sent(windows, GROUP, 0.0)
    windows.pause(OTHER, 2.0)
    windows.forget_idle(30.0)
    assert windows.ready_at(OTHER, True, 30.0) == 30.0
    assert windows.ready_at(GROUP, True, 30.0) == 30.0
    sent(windows, GROUP, 30.0)
    windows.forget_idle(60.0)  # the first send left the window, the second has not
    assert windows.ready_at(GROUP, True, 60.0) == 60.0
    sent(windows, GROUP, 60.0)
    assert windows.ready_at(GROUP, True, 60.0) == pytest.approx(90.0)


def simulate(
    requests: list[int], windows: SendWindows, seed: int, max_delay: float
) -> tuple[FloodLimiter, float]:
    """Send ``requests`` (one chat each, all queued at 0) as the limiter does, in virtual time.

    Each request leaves when ``ready_at`` allows, reaches the strict server after a random
    delay and is answered after another; the server is the fake Bot API's limiter, on the
    same virtual clock. Returns the server and the time the last request arrived.
    """
    rng = random.Random(seed)
    clock = [0.0]
    server = FloodLimiter(now=lambda: clock[0])
    waiting = list(requests)
    events: list[tuple[float, int, str, int]] = []  # (time, tie-break, what, chat)
    counter = 0
    last_arrival = 0.0
    while waiting or events:
        now = clock[0]
        still = []
        candidates = []
        for chat in waiting:
            ready = windows.ready_at(chat, True, now)
            if ready is not None and ready <= now:
                windows.reserve(chat)
                counter += 1
                heapq.heappush(events, (now + rng.uniform(0, max_delay), counter, "arrive", chat))
                continue
            still.append(chat)
            if ready is not None:
                candidates.append(ready)
        waiting = still
        if events:
            candidates.append(events[0][0])
        clock[0] = max(now, min(candidates))
        while events and events[0][0] <= clock[0]:
            at, _, what, chat = heapq.heappop(events)
            if what == "arrive":
                assert server.admit("sendMessage", chat) is None, f"429 at {at:.3f}"
                last_arrival = at
                counter += 1
                answered = at + rng.uniform(0, max_delay)
                heapq.heappush(events, (answered, counter, "answer", chat))
            else:
                windows.stamp(chat, at)
    return server, last_arrival


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("max_delay", [0.0, 0.05, 0.4])
def test_a_strict_server_never_refuses_whatever_the_delays(seed: int, max_delay: float) -> None:
    # 300 reminders over 30 groups, plus one group with 45 (the group limit binds there)
    requests = [-1_000 - index % 30 for index in range(300)] + [-5] * 45
    random.Random(seed).shuffle(requests)
    server, _ = simulate(requests, SendWindows(FloodLimits(30, 20)), seed, max_delay)
    assert server.refused == 0
    assert server.busiest_second() <= 30
    assert server.busiest_group_minute() <= 20


def test_without_delays_the_burst_takes_the_shortest_time_the_limits_allow() -> None:
    requests = [-1_000 - index % 30 for index in range(300)]
    server, last = simulate(requests, SendWindows(FloodLimits(29, 19)), 0, 0.0)
    assert server.busiest_second() == 29
    assert last == pytest.approx(299 // 29)  # 29 in each second from 0 to 10


def test_what_a_previous_process_sent_counts_to_a_restarted_bots_windows() -> None:
    windows = SendWindows(limits())
    windows.sent_before([(GROUP, 9.5), (OTHER, 9.8), (GROUP, 9.9)])  # killed at 10.0
    assert windows.ready_at(PRIVATE, True, 10.0) == pytest.approx(10.5)  # 3 in the last second
    assert windows.ready_at(GROUP, True, 10.6) == pytest.approx(69.5)  # 2 this minute
    assert windows.ready_at(OTHER, True, 10.6) == 10.6
