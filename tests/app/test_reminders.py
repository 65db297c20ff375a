from datetime import datetime
from types import SimpleNamespace

import pytest

from bot.scheduling import dispatcher
from storage import firings, groups, people, reminders
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, SITI, Harness


async def test_remind_confirms_in_words_with_a_cancel_button(group: Harness) -> None:
    [reply] = await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    assert "Pengingat #1" in reply.text
    assert "Kamis, 26 November 2026 pukul 09.00 WIB" in reply.text
    assert "Rapat Pokja Aset" in reply.text
    [[button]] = reply.reply_markup["inline_keyboard"]
    assert button["text"] == "Batalkan"
    assert button["callback_data"].startswith("rem:c:")
    [job] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    assert job.data == datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)


async def test_a_members_reminder_fires_once_mentioning_its_creator(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    [message] = await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA))
    assert message.chat_id == GROUP
    assert "Pengingat #1" in message.text
    assert "Rapat Pokja Aset" in message.text
    assert f'href="tg://user?id={BUDI}"' in message.html
    assert "Terlambat" not in message.text
    labels = [b["text"] for b in message.reply_markup["inline_keyboard"][0]]
    assert labels == ["Tunda 1 jam", "Tunda besok"]
    assert await group.fire(datetime(2026, 11, 26, 9, 5, tzinfo=JAKARTA)) == []
    reminder = await reminders.by_number(group.db, GROUP, 1)
    assert reminder.status == "done"
    [firing] = await firings.for_ref(group.db, reminders.KIND, reminder.id)
    assert firing.status == "sent"
    assert firing.message_id == message.message_id


async def test_a_coordinators_reminder_is_for_the_whole_group(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/ingatkan 30 menit lagi Apel siang")
    [message] = await group.fire(datetime(2026, 11, 25, 10, 30, tzinfo=JAKARTA))
    assert "tg://user" not in message.html
    assert "Apel siang" in message.text


async def test_a_reminder_sent_after_downtime_says_it_is_late(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    [message] = await group.fire(datetime(2026, 11, 26, 11, 0, tzinfo=JAKARTA), restarted=True)
    assert "Terlambat" in message.text
    assert "pukul 09.00" in message.text


async def test_a_reminder_held_up_while_the_bot_ran_is_not_called_late(group: Harness) -> None:
    """A stalled or busy process sends what fell due as soon as it can: that is no downtime."""
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    [message] = await group.fire(datetime(2026, 11, 26, 9, 46, tzinfo=JAKARTA))
    assert "Rapat Pokja Aset" in message.text
    assert "Terlambat" not in message.text


async def test_recurring_reminder_folds_missed_firings_and_continues(group: Harness) -> None:
    [reply] = await group.say(GROUP, ADMIN, "/ingatkan setiap hari jam 8 Apel pagi")
    assert "Berulang" in reply.text
    assert "Jumat, 27 November 2026" in reply.text
    [message] = await group.fire(datetime(2026, 11, 29, 8, 30, tzinfo=JAKARTA), restarted=True)
    assert "Terlewat 4 kali" in message.text
    assert "Terlambat" in message.text
    reminder = await reminders.by_number(group.db, GROUP, 1)
    assert reminder.status == "pending"
    assert reminder.next_at == int(datetime(2026, 11, 30, 8, 0, tzinfo=JAKARTA).timestamp())
    [on_time] = await group.fire(datetime(2026, 11, 30, 8, 0, tzinfo=JAKARTA))
    assert "Terlambat" not in on_time.text
    assert "Terlewat" not in on_time.text


async def test_list_and_cancel(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    await group.say(GROUP, SITI, "/ingatkan tiap Senin jam 7.30 Apel pagi")
    text = await group.reply_text(GROUP, SITI, "/pengingat")
    assert "#1" in text
    assert "#2" in text
    assert "berulang (tiap Senin jam 7.30)" in text
    assert "Hanya pembuat" in await group.reply_text(GROUP, SITI, "/batal 1")
    assert "dibatalkan" in await group.reply_text(GROUP, BUDI, "/batal #1")
    assert "sudah tidak aktif" in await group.reply_text(GROUP, BUDI, "/batal 1")
    assert "dibatalkan" in await group.reply_text(GROUP, ADMIN, "/cancel 2")
    assert "Belum ada pengingat" in await group.reply_text(GROUP, BUDI, "/pengingat")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/ingatkan", "Contoh"),
        ("/ingatkan besok jam 25 Rapat", "Contoh"),
        ("/ingatkan kemarin jam 9 Rapat", "Contoh"),
        ("/ingatkan tanggal 31 November jam 9 Rapat", "Contoh"),
        ("/ingatkan besok jam 9", "isi pengingatnya belum ada"),
        ("/ingatkan Rapat Pokja Aset", "Contoh"),
        ("/batal", "Contoh"),
        ("/batal tiga", "Contoh"),
        ("/batal 99", "tidak ada"),
    ],
)
async def test_bad_input_gets_an_example_and_stores_nothing(
    group: Harness, text: str, expected: str
) -> None:
    assert expected in await group.reply_text(GROUP, BUDI, text)
    assert await reminders.pending(group.db, GROUP) == []


async def test_observer_cannot_set_reminders(group: Harness) -> None:
    await people.remember_user(group.db, SITI, "Siti", "siti_bapperida", 0)
    await people.set_role(group.db, GROUP, SITI, "pengamat", 0)
    assert "hanya untuk anggota" in await group.reply_text(GROUP, SITI, "/ingatkan besok jam 9 X")


async def test_snooze_buttons(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    [message] = await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA))
    hour, day = (b["callback_data"] for b in message.reply_markup["inline_keyboard"][0])
    answer = await group.press(GROUP, SITI, message.message_id, hour)
    assert answer[2]
    assert "Hanya pembuat" in answer[1]
    answer = await group.press(GROUP, BUDI, message.message_id, hour)
    assert "10.00" in answer[1]
    assert "Ditunda oleh Budi Santoso" in group.fake.sent[-1].text
    [again] = await group.fire(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    assert "Pengingat #1" in again.text
    day = again.reply_markup["inline_keyboard"][0][1]["callback_data"]
    answer = await group.press(GROUP, ADMIN, again.message_id, day)
    assert "Jumat, 27 November 2026 pukul 10.00" in answer[1]  # the snoozed firing was at 10.00


async def test_snoozing_a_recurring_reminder_adds_a_one_off(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan tiap hari jam 8 Apel")
    [message] = await group.fire(datetime(2026, 11, 26, 8, 0, tzinfo=JAKARTA))
    hour = message.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await group.press(GROUP, BUDI, message.message_id, hour)
    pending = await reminders.pending(group.db, GROUP)
    assert [(r.number, r.rule is None) for r in pending] == [(2, True), (1, False)]


async def test_cancel_button(group: Harness) -> None:
    [reply] = await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat")
    data = reply.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await group.press(GROUP, BUDI, reply.message_id, data)
    assert (await reminders.by_number(group.db, GROUP, 1)).status == "cancelled"
    answer = await group.press(GROUP, BUDI, reply.message_id, data)
    assert answer[2]  # stale: an alert, nothing changes


@pytest.mark.parametrize("data", ["rem:c:999", "rem:x:1", "rem:h:abc", "rem:c:1:extra", "rem:h:1"])
async def test_forged_buttons_change_nothing(group: Harness, data: str) -> None:
    [reply] = await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat")
    answer = await group.press(GROUP, BUDI, reply.message_id, data)
    assert answer[2]
    assert "tidak berlaku" in answer[1]
    assert (await reminders.by_number(group.db, GROUP, 1)).status == "pending"


async def test_a_button_of_another_chat_changes_nothing(group: Harness) -> None:
    [reply] = await group.say(BUDI, BUDI, "/ingatkan besok jam 9 Urusan pribadi")
    data = reply.reply_markup["inline_keyboard"][0][0]["callback_data"]
    [own] = await group.say(GROUP, BUDI, "/ingatkan besok jam 10 Rapat")
    answer = await group.press(GROUP, BUDI, own.message_id, data)
    assert answer[2]
    assert (await reminders.by_number(group.db, BUDI, 1)).status == "pending"


async def test_a_chat_that_refuses_the_bot_fails_the_firing_once(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan tiap hari jam 8 Apel")
    group.fake.remove_bot(GROUP)
    await group.settle()
    assert await group.fire(datetime(2026, 11, 26, 8, 0, tzinfo=JAKARTA)) == []
    reminder = await reminders.by_number(group.db, GROUP, 1)
    assert reminder.status == "failed"
    [firing] = await firings.for_ref(group.db, reminders.KIND, reminder.id)
    assert firing.status == "failed"
    assert await group.fire(datetime(2026, 11, 27, 8, 0, tzinfo=JAKARTA)) == []


async def test_timezone_and_named_zone(group: Harness) -> None:
    assert "Contoh" not in await group.reply_text(GROUP, ADMIN, "/zona WITA")
    assert (await groups.get(group.db, GROUP)).timezone == "Asia/Makassar"
    text = await group.reply_text(GROUP, BUDI, "/ingatkan besok jam 9 Rapat")
    assert "pukul 09.00 WITA" in text
    text = await group.reply_text(GROUP, BUDI, "/ingatkan Jumat 13.30 WIB Rapat")
    assert "pukul 14.30 WITA (13.30 WIB)" in text
    assert "/zona WIB" in await group.reply_text(GROUP, ADMIN, "/zona Mars")
    assert "hanya untuk koordinator" in await group.reply_text(GROUP, BUDI, "/zona WIT")


async def test_private_reminders_work_without_a_group(bot: Harness) -> None:
    text = await bot.reply_text(BUDI, BUDI, "/ingatkan 2 jam lagi Telepon Kadis")
    assert "Pengingat #1" in text
    [message] = await bot.fire(datetime(2026, 11, 25, 12, 0, tzinfo=JAKARTA))
    assert message.chat_id == BUDI
    assert "tg://user" not in message.html


async def test_a_firing_is_snoozed_once_however_often_it_is_pressed(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan tiap hari jam 8 Apel")
    [message] = await group.fire(datetime(2026, 11, 26, 8, 0, tzinfo=JAKARTA))
    hour, day = (b["callback_data"] for b in message.reply_markup["inline_keyboard"][0])
    assert not (await group.press(GROUP, BUDI, message.message_id, hour))[2]
    for data in (hour, day):  # a double tap, then the other button of the same message
        answer = await group.press(GROUP, BUDI, message.message_id, data)
        assert answer[2]
        assert "sudah ditunda" in answer[1]
    assert [r.number for r in await reminders.pending(group.db, GROUP)] == [2, 1]
    assert len(await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA))) == 1


async def test_a_snoozed_then_cancelled_reminder_stays_cancelled(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat")
    [message] = await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA))
    hour, day = (b["callback_data"] for b in message.reply_markup["inline_keyboard"][0])
    await group.press(GROUP, BUDI, message.message_id, hour)
    assert "dibatalkan" in await group.reply_text(GROUP, BUDI, "/batal 1")
    answer = await group.press(GROUP, BUDI, message.message_id, day)
    assert answer[2]
    assert (await reminders.by_number(group.db, GROUP, 1)).status == "cancelled"


async def test_a_wake_for_the_same_due_time_keeps_the_armed_job(
    group: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dispatcher, "time", SimpleNamespace(monotonic=lambda: 1000.0))
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    [job] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    await group.say(GROUP, BUDI, "/ingatkan besok jam 10 Kirim laporan")
    assert group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME) == (job,)
    await group.say(GROUP, BUDI, "/ingatkan besok jam 8 Apel")
    [earlier] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    assert earlier != job
    assert earlier.data == datetime(2026, 11, 26, 8, 0, tzinfo=JAKARTA)


async def test_a_reminder_due_after_the_armed_run_asks_the_database_nothing(
    group: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Rapat Pokja Aset")
    asked: list[object] = []
    real = dispatcher.next_due

    async def counted(*args: object) -> int | None:
        asked.append(args)
        return await real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(dispatcher, "next_due", counted)
    await group.say(GROUP, BUDI, "/ingatkan besok jam 10 Kirim laporan")
    assert asked == []
    await group.say(GROUP, BUDI, "/ingatkan besok jam 8 Apel")
    assert len(asked) == 1
