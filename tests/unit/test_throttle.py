import asyncio
from collections.abc import Coroutine
from typing import Any

import pytest

from bot.telegram.throttle import EditThrottle


class FakeTime:
    """A monotonic clock that moves only when something sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def time_() -> FakeTime:
    return FakeTime()


def throttle(time_: FakeTime, tasks: list[asyncio.Future[None]]) -> EditThrottle:
    def spawn(coroutine: Coroutine[Any, Any, None]) -> asyncio.Future[None]:
        task = asyncio.ensure_future(coroutine)
        tasks.append(task)
        return task

    return EditThrottle(3.0, monotonic=time_.monotonic, sleep=time_.sleep, spawn=spawn)


async def test_changes_within_the_interval_become_one_edit_showing_the_last_state(
    time_: FakeTime,
) -> None:
    tasks: list[asyncio.Future[None]] = []
    edits = throttle(time_, tasks)
    state = {"count": 1}
    shown: list[tuple[float, int]] = []

    async def edit() -> None:
        shown.append((time_.now, state["count"]))

    await edits.request("a", edit)
    assert shown == [(0.0, 1)]  # the first change is shown at once
    time_.now = 1.0
    for count in (2, 3, 4):
        state["count"] = count
        await edits.request("a", edit)
    assert edits.pending("a")
    assert len(tasks) == 1
    await asyncio.gather(*tasks)
    assert shown == [(0.0, 1), (3.0, 4)]
    assert time_.sleeps == [2.0]
    assert not edits.pending("a")
    time_.now = 10.0
    state["count"] = 5
    await edits.request("a", edit)
    assert shown[-1] == (10.0, 5)
    assert len(tasks) == 1


async def test_keys_are_independent_and_a_failing_edit_does_not_stop_the_next(
    time_: FakeTime,
) -> None:
    tasks: list[asyncio.Future[None]] = []
    edits = throttle(time_, tasks)
    shown: list[str] = []

    async def failing() -> None:
        shown.append("a")
        raise RuntimeError("telegram said no")

    async def other() -> None:
        shown.append("b")

    await edits.request("a", failing)
    await edits.request("b", other)
    assert shown == ["a", "b"]
    assert tasks == []
    await edits.request("a", other)
    await asyncio.gather(*tasks)
    assert shown == ["a", "b", "b"]
    assert time_.sleeps == [3.0]


async def test_an_interval_of_zero_edits_every_time(time_: FakeTime) -> None:
    tasks: list[asyncio.Future[None]] = []
    edits = throttle(time_, tasks)
    edits.interval = 0
    shown: list[int] = []
    for n in range(5):

        async def edit(n: int = n) -> None:
            shown.append(n)

        await edits.request("a", edit)
    assert shown == [0, 1, 2, 3, 4]
    assert tasks == []
