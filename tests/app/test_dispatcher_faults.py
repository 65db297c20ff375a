"""The dispatcher keeps firing when one item cannot be fired, and never spins on it."""

import logging
from datetime import datetime

import pytest

from bot.runtime import runtime_of
from bot.scheduling import dispatcher
from storage import faults, reminders
from tests.helpers import ADMIN, GROUP, JAKARTA, Harness

NINE = datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)


async def break_rule(bot: Harness, number: int) -> None:
    async with bot.db.transaction() as conn:
        await conn.execute(
            "UPDATE reminders SET rule = '{not json' WHERE chat_id = ? AND number = ?",
            (GROUP, number),
        )


async def test_an_unreadable_reminder_is_set_aside_once_and_the_others_still_fire(
    group: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await group.say(GROUP, ADMIN, "/ingatkan tiap hari jam 9 Apel pagi")
    await group.say(GROUP, ADMIN, "/ingatkan besok jam 9 Kirim laporan")
    await break_rule(group, 1)
    with caplog.at_level(logging.ERROR, logger="bot.scheduling.dispatcher"):
        sent = await group.fire(NINE)
    assert [message.text for message in sent] == ["🔔 Pengingat #2\nKirim laporan"]
    tracebacks = [r for r in caplog.records if r.exc_info and r.name == dispatcher.__name__]
    assert len(tracebacks) == 1
    broken = await reminders.by_number(group.db, GROUP, 1)
    assert broken is not None
    assert broken.status == "pending"
    assert broken.next_at == int(NINE.timestamp()) + int(dispatcher.FAULT_BACKOFF.total_seconds())
    assert await faults.keys(group.db) == {(reminders.KIND, broken.id)}
    # the next run is armed at the back-off, not at once: no spin
    assert runtime_of(group.app).dispatcher._failed_runs == 0  # noqa: SLF001
    [job] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    assert job.data > NINE


async def test_an_item_that_keeps_failing_is_given_up(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/ingatkan tiap hari jam 9 Apel pagi")
    await break_rule(group, 1)
    at = NINE
    for _ in range(dispatcher.MAX_FAULTS):
        await group.fire(at)
        reminder = await reminders.by_number(group.db, GROUP, 1)
        assert reminder is not None
        if reminder.next_at is None:
            break
        at = datetime.fromtimestamp(reminder.next_at, JAKARTA)
    assert reminder.status == "failed"
    assert reminder.next_at is None


async def test_an_item_that_recovers_clears_its_fault(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/ingatkan tiap hari jam 9 Apel pagi")
    [(rule,)] = await group.db.fetch_all("SELECT rule FROM reminders")
    await break_rule(group, 1)
    await group.fire(NINE)
    async with group.db.transaction() as conn:
        await conn.execute("UPDATE reminders SET rule = ?", (rule,))
    reminder = await reminders.by_number(group.db, GROUP, 1)
    assert reminder is not None
    assert reminder.next_at is not None
    [sent] = await group.fire(datetime.fromtimestamp(reminder.next_at, JAKARTA))
    assert "Apel pagi" in sent.text
    assert await faults.keys(group.db) == set()
