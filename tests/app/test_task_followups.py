"""Task follow-ups and the weekly digest on an injected clock, across restarts."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from bot.app import build_application, running
from bot.fakeapi import FakeBotApi, StoredMessage
from storage import db as storage_db
from storage import firings, units
from storage import task_followups as store
from storage.firings import Outgoing
from tests.conftest import make_settings
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, SITI, Clock, Harness


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=JAKARTA)


async def test_follow_ups_before_on_and_after_the_due_date_one_message_a_day(
    staffed: Harness,
) -> None:
    await staffed.say(GROUP, ADMIN, "/tugas DISHUB | Perbaiki lampu lalu lintas | Senin 30/11")
    await staffed.say(GROUP, ADMIN, "/tugas BAPPERIDA | Susun RKPD 2027 | Jumat 27/11")

    [soon] = await staffed.fire(at(26, 9))  # two working days before Monday
    assert "Tenggat 2 hari kerja lagi" in soon.text
    assert "#1" in soon.text
    assert "#2" not in soon.text
    assert f"tg://user?id={BUDI}" in soon.html
    assert f"tg://user?id={SITI}" not in soon.html
    assert "Terlambat" not in soon.text
    assert await staffed.fire(at(26, 9, 5)) == []

    [today] = await staffed.fire(at(27, 9))
    assert "Tenggat hari ini" in today.text
    assert "#2" in today.text
    assert "#1" not in today.text
    assert f"tg://user?id={SITI}" in today.html
    assert await staffed.fire(at(28, 9)) == []
    assert await staffed.fire(at(29, 9)) == []

    # Monday: the weekly digest (due 08.00, sent first) and one follow-up: #1 due today, #2
    # overdue.
    digest, monday = await staffed.fire(at(30, 9))
    assert "Tindak lanjut" in monday.text
    assert "Ringkasan mingguan" in digest.text
    assert "Terlambat" not in monday.text
    assert "Tenggat hari ini" in monday.text
    assert "Lewat tenggat" in monday.text
    assert monday.text.index("hari ini") < monday.text.index("#1")
    assert monday.text.index("Lewat tenggat") < monday.text.index("#2")

    [tuesday] = await staffed.fire(at(1, 9, month=12))
    assert "Lewat tenggat" in tuesday.text
    assert "#1" in tuesday.text
    assert "#2" in tuesday.text
    assert "hari ini" not in tuesday.text

    await staffed.say(GROUP, SITI, "/selesai 2")
    [wednesday] = await staffed.fire(at(2, 9, month=12))
    assert "#1" in wednesday.text
    assert "#2" not in wednesday.text
    for day in (3, 4):
        assert len(await staffed.fire(at(day, 9, month=12))) == 1
    assert await staffed.fire(at(5, 9, month=12)) == []  # Saturday
    assert await staffed.fire(at(6, 9, month=12)) == []  # Sunday
    _digest, followup = await staffed.fire(at(7, 9, month=12))
    assert "Lewat tenggat" in followup.text
    assert "#1" in followup.text

    sent = await firings.for_ref(staffed.db, store.KIND_FOLLOWUP, GROUP)
    assert [f.status for f in sent] == ["sent"] * 8
    assert [f.scheduled_at for f in sent][:2] == [
        int(at(26, 9).timestamp()),
        int(at(27, 9).timestamp()),
    ]


async def test_a_closed_task_gets_no_follow_up(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, "/tugas DISHUB | Perbaiki lampu lalu lintas | Senin 30/11")
    await staffed.say(GROUP, BUDI, "/selesai 1")
    assert await staffed.fire(at(26, 9)) == []
    assert await staffed.fire(at(1, 9, month=12)) == []
    assert await store.next_followup_at(staffed.db) is None


async def test_weekly_digest_per_pokja_and_unit_on_the_groups_schedule(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, "/tugas DISHUB | Perbaiki lampu | Jumat 27/11 | ASET")
    await staffed.say(GROUP, ADMIN, "/tugas DISHUB | Uji KIR angkot | 10/12 | aset")
    await staffed.say(GROUP, ADMIN, "/tugas BAPPERIDA | Susun RKPD 2027 | 11/12")
    await staffed.fire(at(27, 9))
    [digest] = await staffed.fire(at(30, 8))
    assert "Ringkasan mingguan" in digest.text
    assert "3 tugas terbuka" in digest.text
    assert "Aset: 2 tugas (#1, #2), 1 lewat tenggat" in digest.text
    assert "Tanpa pokja: 1 tugas (#3)" in digest.text
    assert "BAPPERIDA: 1 tugas (#3)" in digest.text
    assert "DISHUB: 2 tugas (#1, #2), 1 lewat tenggat" in digest.text
    assert digest.text.index("Per pokja") < digest.text.index("Per instansi")
    assert await staffed.fire(at(30, 8, 30)) == []

    reply = await staffed.reply_text(GROUP, ADMIN, "/tugas ringkasan selasa 07.30")
    assert "Selasa pukul 07.30" in reply
    assert "Selasa, 1 Desember 2026 pukul 07.30 WIB" in reply
    assert "Contoh" in await staffed.reply_text(GROUP, ADMIN, "/tugas ringkasan kapan-kapan")
    assert "koordinator" in await staffed.reply_text(GROUP, BUDI, "/tugas ringkasan Senin 08.00")
    await staffed.fire(at(30, 9))  # Monday's follow-up; no digest on Monday any more
    [tuesday] = await staffed.fire(at(1, 7, 30, month=12))
    assert "Ringkasan mingguan" in tuesday.text
    assert "dimatikan" in await staffed.reply_text(GROUP, ADMIN, "/tugas ringkasan mati")
    messages = await staffed.fire(at(8, 7, 30, month=12))
    assert not any("Ringkasan" in m.text for m in messages)


async def test_no_digest_without_open_tasks(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, "/tugas DISHUB | Perbaiki lampu | besok jam 10.00")
    await staffed.say(GROUP, BUDI, "/selesai 1")
    assert await staffed.fire(at(30, 8)) == []
    setting = await store.digest_setting(staffed.db, GROUP)
    assert setting.next_at == int(at(7, 8, month=12).timestamp())
    assert await firings.for_ref(staffed.db, store.KIND_DIGEST, GROUP) == []


async def test_restarts_lose_nothing_and_send_nothing_twice(
    fake: FakeBotApi, clock: Clock, tmp_path: Path
) -> None:
    settings = make_settings(fake, tmp_path / "rakor.sqlite3")

    async def one_run(when: datetime, *users_say: tuple[int, str]) -> list[StoredMessage]:
        clock.set(when)
        app = build_application(settings, clock=clock)
        before = len(fake.sent)
        async with running(app, poll_timeout=timedelta(seconds=5)):
            bot = Harness(fake=fake, app=app, clock=clock)
            for user, text in users_say:
                await bot.say(GROUP, user, text)
            if users_say and users_say[0][1] == "/mulai":
                await units.add_many(bot.db, GROUP, [("DISHUB", "Dinas Perhubungan")], 0)
            before = max(before, len(fake.sent) if users_say else before)
            # What is due may already go out at the start, by the dispatch job itself.
            await bot.fire(when, restarted=True)
            return fake.sent[before:]

    await one_run(at(25, 10), (ADMIN, "/mulai"))
    first = await one_run(
        at(25, 10, 5),
        (BUDI, "/gabung DISHUB"),
        (ADMIN, "/tugas DISHUB | Perbaiki lampu lalu lintas | Senin 30/11"),
    )
    assert first == []
    [soon] = await one_run(at(26, 9))
    assert "Tenggat 2 hari kerja lagi" in soon.text

    # Down from Thursday until Tuesday 11.00: Monday's and Tuesday's follow-ups are folded
    # into one message, marked late; another restart sends nothing again.
    digest, late = await one_run(at(1, 11, month=12))
    assert "Ringkasan mingguan" in digest.text  # Monday 08.00's, also sent once
    assert "Terlambat" in late.text
    assert "Lewat tenggat" in late.text
    assert "#1" in late.text
    assert "Selasa, 1 Desember 2026 pukul 09.00 WIB" in late.text
    assert await one_run(at(1, 11, 30, month=12)) == []

    # A crash after claiming Wednesday's follow-up, before its request left: sent after the
    # restart, once.
    db = await storage_db.connect(settings.database)
    [task] = await store.due_followups(db, int(at(2, 9, month=12).timestamp()))
    claimed = await store.claim_followup(
        db,
        GROUP,
        [store.Advance(task.id, task.next_followup_at, int(at(3, 9, month=12).timestamp()))],
        scheduled_at=task.next_followup_at,
        late=False,
        message=Outgoing("Tindak lanjut Rabu"),
        now=int(at(2, 9, month=12).timestamp()),
    )
    await db.close()
    assert claimed is not None
    [wednesday] = await one_run(at(2, 9, 1, month=12))
    assert wednesday.text == "Tindak lanjut Rabu"
    assert await one_run(at(2, 9, 2, month=12)) == []
    with sqlite3.connect(settings.database) as conn:
        statuses = conn.execute(
            "SELECT status FROM firings WHERE kind = ? ORDER BY scheduled_at",
            (store.KIND_FOLLOWUP,),
        ).fetchall()
    assert [status for (status,) in statuses] == ["sent", "sent", "sent"]
    [thursday] = await one_run(at(3, 9, month=12))
    assert "Terlambat" not in thursday.text
    assert "#1" in thursday.text
