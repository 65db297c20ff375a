"""The rate limiter in the real Application against the fake Bot API: a reminder burst under
rolling-window limits, failures retried (or not) as they must be, a 429 pausing its chat."""

import asyncio
from datetime import timedelta

import pytest
from telegram.error import NetworkError

from bot.fakeapi import FakeBotApi
from bot.fakeapi.faults import DROP
from bot.fakeapi.limits import GLOBAL_LIMIT, GROUP_LIMIT
from bot.telegram.ratelimit import RateLimiter, SendOptions
from storage import firings, reminders
from tests.helpers import OTHER_GROUP, Harness, until

GROUP_IDS = [-1_002_000_000_000 - index for index in range(20)]


def limiter_of(bot: Harness) -> RateLimiter:
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RateLimiter)
    return limiter


async def schedule(bot: Harness, count: int, groups: list[int]) -> list[reminders.Reminder]:
    """``count`` one-off reminders spread over ``groups``, all due an hour from now."""
    now = int(bot.clock().timestamp())
    created = []
    for index in range(count):
        new = reminders.NewReminder(
            chat_id=groups[index % len(groups)],
            creator_id=1,
            creator_name="Asisten",
            for_group=True,
            text=f"Apel pagi {index}",
            phrase="1 jam lagi",
            rule=None,
            zone="Asia/Jakarta",
            zone_named=False,
            next_at=now + 3600,
        )
        reminder, _ = await reminders.create(bot.db, new, now)
        created.append(reminder)
    return created


async def fired_once(bot: Harness, created: list[reminders.Reminder]) -> None:
    """Every reminder arrived exactly once and its firing is recorded as sent."""
    for reminder in created:
        copies = [m for m in bot.fake.sent if (m.text or "").endswith(f"\n{reminder.text}")]
        assert len(copies) == 1, reminder.text
        [firing] = await firings.for_ref(bot.db, reminders.KIND, reminder.id)
        assert firing.status == "sent"


async def test_a_burst_of_200_reminders_over_20_groups_gets_no_429(
    bot: Harness, fake: FakeBotApi
) -> None:
    for chat_id in GROUP_IDS:
        fake.add_group(chat_id, f"Grup {chat_id}")
    created = await schedule(bot, 200, GROUP_IDS)
    fake.enforce_limits = True
    sent = await bot.fire(bot.clock() + timedelta(hours=1))
    assert len(sent) == 200
    assert fake.limiter.refused == 0
    assert fake.limiter.busiest_second() <= GLOBAL_LIMIT
    assert fake.limiter.busiest_group_minute() <= GROUP_LIMIT
    await fired_once(bot, created)


async def test_5xx_answers_are_retried_nothing_lost_nothing_doubled(
    bot: Harness, fake: FakeBotApi
) -> None:
    limiter_of(bot).retry_delays = (0.0,) * 20  # a 30 % share can fail six times running
    for chat_id in GROUP_IDS:  # every attempt counts to its group's 19 a minute
        fake.add_group(chat_id, f"Grup {chat_id}")
    created = await schedule(bot, 40, GROUP_IDS)
    fake.faults.seed(19)
    fake.faults.fail_share(0.3, status=500)
    fake.faults.fail_next(2, status=502)
    await bot.fire(bot.clock() + timedelta(hours=1))
    assert len(fake.faults.injected) > 10
    assert {status for _, status in fake.faults.injected} == {500, 502}
    await fired_once(bot, created)


async def test_each_attempt_is_announced_before_it_leaves(bot: Harness, fake: FakeBotApi) -> None:
    limiter_of(bot).retry_delays = (0.0,) * 5
    fake.faults.fail_next(2, status=502)
    seen: list[int] = []

    async def on_attempt() -> None:
        seen.append(sum(1 for method, _ in fake.requests if method == "sendMessage"))

    await bot.app.bot.send_message(
        OTHER_GROUP, "Rapat dimulai", rate_limit_args=SendOptions(on_attempt)
    )
    assert seen == [0, 1, 2]  # each time before the request reached the server
    assert [m.text for m in fake.messages(OTHER_GROUP)] == ["Rapat dimulai"]


async def test_requests_are_retried_while_telegram_is_unreachable(
    bot: Harness, fake: FakeBotApi
) -> None:
    limiter_of(bot).retry_delays = (0.05,) * 40
    attempts = 0

    async def on_attempt() -> None:
        nonlocal attempts
        attempts += 1

    await fake.go_offline()
    sending = asyncio.create_task(
        bot.app.bot.send_message(OTHER_GROUP, "Laporan", rate_limit_args=SendOptions(on_attempt))
    )
    await until(lambda: attempts >= 3, what="three refused connections")
    assert not fake.requests or fake.requests[-1][0] != "sendMessage"
    await fake.go_online()
    await sending
    assert [m.text for m in fake.messages(OTHER_GROUP)] == ["Laporan"]
    assert sum(1 for method, _ in fake.requests if method == "sendMessage") == 1


async def test_a_connection_dropped_after_the_request_is_not_retried(
    bot: Harness, fake: FakeBotApi
) -> None:
    limiter_of(bot).retry_delays = (0.0,) * 5
    fake.faults.fail_next(1, status=DROP)
    with pytest.raises(NetworkError):
        await bot.app.bot.send_message(OTHER_GROUP, "Mungkin terkirim")
    assert sum(1 for method, _ in fake.requests if method == "sendMessage") == 1
    assert fake.messages(OTHER_GROUP) == []  # the caller decides: its outcome is unknown


async def test_a_429_holds_back_every_pending_send_of_that_chat(
    bot: Harness, fake: FakeBotApi
) -> None:
    group, other = GROUP_IDS[0], GROUP_IDS[1]
    fake.add_group(group, "Grup A")
    fake.add_group(other, "Grup B")
    fake.faults.fail_next(1, status=429, methods=["sendMessage"])
    fake.faults.retry_after = 3  # room for B1 on a loaded machine (1 s was not always)
    first = asyncio.create_task(bot.app.bot.send_message(group, "A1"))
    await until(lambda: fake.faults.injected != [], what="the 429")
    second = asyncio.create_task(bot.app.bot.send_message(group, "A2"))
    await bot.app.bot.send_message(other, "B1")  # another group is not held back
    assert fake.messages(group) == []  # retry_after is 3 s
    await asyncio.gather(first, second)
    assert [m.text for m in fake.messages(group)] == ["A1", "A2"]
