"""Reminders across a real crash: SIGKILL, firings missed while down, restart."""

import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.faults import start_bot
from bot.domain.workdays import Rule
from bot.fakeapi import FakeBotApi
from tests.helpers import ADMIN, BUDI, GROUP, until


def query(database: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(database) as conn:
        return conn.execute(sql, params).fetchall()


def fired(fake: FakeBotApi, number: int) -> list[str]:
    return [m.text for m in fake.sent if m.text.startswith(f"🔔 Pengingat #{number}")]


async def test_missed_firings_are_sent_once_marked_late_and_recurring_ones_continue(
    live_fake: FakeBotApi, tmp_path: Path
) -> None:
    fake = live_fake
    database = tmp_path / "rakor.sqlite3"
    process = await start_bot(fake, tmp_path)
    try:
        for user, text in (
            (ADMIN, "/mulai"),
            (BUDI, "/ingatkan besok jam 9 Kirim laporan aset"),
            (ADMIN, "/ingatkan setiap hari jam 8 Apel pagi"),
        ):
            fake.send_message(GROUP, user, text)
        await until(
            lambda: sum("Pengingat #" in m.text for m in fake.sent) == 2,
            timeout=30,
            what="both reminders confirmed",
        )
    finally:
        process.send_signal(signal.SIGKILL)
        await process.wait()

    # While the bot is down, time passes: both reminders fall due, the daily one three times
    # over. (The stored schedule is moved back instead of the clock forward: same effect.)
    now = datetime.now(UTC)
    [(rule_json,)] = query(database, "SELECT rule FROM reminders WHERE number = 2")
    rule = Rule.from_json(rule_json)
    first_missed = rule.next_after(now - timedelta(days=3))
    missed = 0
    at = first_missed
    while at is not None and at <= now:
        missed, at = missed + 1, rule.next_after(at)
    with sqlite3.connect(database) as conn:
        conn.execute(
            "UPDATE reminders SET next_at = ? WHERE number = 1",
            (int((now - timedelta(hours=5)).timestamp()),),
        )
        conn.execute(
            "UPDATE reminders SET next_at = ? WHERE number = 2", (int(first_missed.timestamp()),)
        )

    for attempt in range(2):  # a second restart must not send anything again
        process = await start_bot(fake, tmp_path)
        try:
            await until(lambda: fired(fake, 1) and fired(fake, 2), timeout=30, what="firings")
            await until(
                lambda: (
                    query(database, "SELECT count(*) FROM firings WHERE status = 'sent'") == [(2,)]
                ),
                timeout=30,
                what="firings recorded as sent",
            )
            if attempt:  # the bot is up and dispatching; nothing may be sent twice
                fake.send_message(GROUP, ADMIN, "/pengingat")
                await until(
                    lambda: fake.sent[-1].text.startswith("Pengingat di obrolan ini"),
                    timeout=30,
                    what="the list of reminders",
                )
        finally:
            process.terminate()
            await process.wait()

    [one_off] = fired(fake, 1)
    [daily] = fired(fake, 2)
    assert "Kirim laporan aset" in one_off
    assert "Terlambat" in one_off
    assert "Apel pagi" in daily
    assert "Terlambat" in daily
    assert f"Terlewat {missed} kali" in daily
    [(status, _)] = query(database, "SELECT status, next_at FROM reminders WHERE number = 1")
    assert status == "done"
    [(status, next_at)] = query(database, "SELECT status, next_at FROM reminders WHERE number = 2")
    assert status == "pending"
    assert next_at == int(rule.next_after(now).timestamp())
