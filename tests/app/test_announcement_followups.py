from datetime import datetime

from bot.fakeapi import StoredMessage
from bot.scheduling import dispatcher
from handlers.announcement_acks import throttle_of
from storage import announcements, firings, people, units
from storage.firings import Outgoing
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, SITI, Harness

NEWBIE = 1006  # joins a unit added after the announcement


async def join(bot: Harness, user_id: int, name: str, code: str) -> None:
    unit = await units.find(bot.db, GROUP, code)
    assert unit is not None
    await people.remember_user(bot.db, user_id, name, None, 0)
    await people.join_unit(bot.db, GROUP, user_id, unit.id, 0)


async def announce(bot: Harness, text: str = "Rakor evaluasi APBD") -> StoredMessage:
    throttle_of(bot.app).interval = 0
    await join(bot, BUDI, "Budi Santoso", "DISHUB")
    await join(bot, SITI, "Siti Rahma", "BAPPERIDA")
    [post] = await bot.say(GROUP, ADMIN, f"/umumkan {text}")
    return post


def data_of(message: StoredMessage) -> str:
    return message.reply_markup["inline_keyboard"][0][0]["callback_data"]


async def test_follow_ups_name_the_missing_units_and_mention_their_members(
    group: Harness,
) -> None:
    post = await announce(group)
    await group.press(GROUP, BUDI, post.message_id, data_of(post))
    [job] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    assert job.data == datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)
    group.clock.advance(minutes=5)
    await group.say(GROUP, ADMIN, "/instansi tambah BARU Unit Baru")
    await join(group, NEWBIE, "Nina Baru", "BARU")
    group.fake.add_user(NEWBIE, "Nina", last_name="Baru")

    assert await group.fire(datetime(2026, 11, 26, 8, 59, tzinfo=JAKARTA)) == []
    [first] = await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA))
    assert "Pengumuman #1" in first.text
    assert "2 dari 3 instansi" in first.text
    assert "BAPPERIDA" in first.text
    assert "KEC-KOTA" in first.text
    assert "belum ada anggota" in first.text
    assert "DISHUB" not in first.text
    assert "BARU" not in first.text
    assert f'href="tg://user?id={SITI}"' in first.html
    assert f"tg://user?id={BUDI}" not in first.html
    assert f"tg://user?id={NEWBIE}" not in first.html
    assert "Terlambat" not in first.text
    assert await group.fire(datetime(2026, 11, 26, 9, 5, tzinfo=JAKARTA)) == []

    # pressing the follow-up's button counts too, and updates the post's count
    answer = await group.press(GROUP, SITI, first.message_id, data_of(first))
    assert "BAPPERIDA tercatat" in answer[1]
    post_now = group.fake.find_message(GROUP, post.message_id)
    assert post_now.reply_markup["inline_keyboard"][0][0]["text"] == "✅ Diterima 2/3 instansi"

    [second] = await group.fire(datetime(2026, 11, 27, 9, 0, tzinfo=JAKARTA))
    assert "1 dari 3 instansi" in second.text
    assert "KEC-KOTA" in second.text
    assert "BAPPERIDA" not in second.text
    assert await group.fire(datetime(2026, 11, 30, 9, 0, tzinfo=JAKARTA)) == []
    stored = await announcements.by_number(group.db, GROUP, 1)
    assert stored.next_followup_at is None
    assert stored.followups_sent == 2
    sent = await firings.for_ref(group.db, announcements.FOLLOWUP_KIND, stored.id)
    assert [f.status for f in sent] == ["sent", "sent"]
    assert [f.message_id for f in sent] == [first.message_id, second.message_id]


async def test_no_follow_up_once_every_unit_acknowledged(group: Harness) -> None:
    post = await announce(group)
    await join(group, NEWBIE, "Nina", "KEC-KOTA")
    group.fake.add_user(NEWBIE, "Nina")
    for user_id in (BUDI, SITI, NEWBIE):
        await group.press(GROUP, user_id, post.message_id, data_of(post))
    assert await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)) == []
    assert await group.fire(datetime(2026, 11, 27, 9, 0, tzinfo=JAKARTA)) == []
    stored = await announcements.by_number(group.db, GROUP, 1)
    assert stored.next_followup_at is None
    assert stored.followups_sent == 0
    assert await firings.for_ref(group.db, announcements.FOLLOWUP_KIND, stored.id) == []
    assert await announcements.next_followup_at(group.db) is None


async def test_a_friday_announcement_is_followed_up_on_monday_and_tuesday(group: Harness) -> None:
    group.clock.set(datetime(2026, 11, 27, 15, 0, tzinfo=JAKARTA))
    await announce(group)
    stored = await announcements.by_number(group.db, GROUP, 1)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=JAKARTA)
    tuesday = datetime(2026, 12, 1, 9, 0, tzinfo=JAKARTA)
    assert stored.first_followup_at == int(monday.timestamp())
    assert stored.second_followup_at == int(tuesday.timestamp())


async def test_after_downtime_the_follow_ups_fold_into_one_late_message(group: Harness) -> None:
    await announce(group)
    [late] = await group.fire(datetime(2026, 11, 28, 10, 0, tzinfo=JAKARTA), restarted=True)
    assert "Terlambat" in late.text
    assert "Jumat, 27 November 2026 pukul 09.00" in late.text
    assert await group.fire(datetime(2026, 11, 30, 9, 0, tzinfo=JAKARTA)) == []
    stored = await announcements.by_number(group.db, GROUP, 1)
    assert stored.next_followup_at is None
    assert stored.followups_sent == 1


async def test_a_follow_up_claimed_before_a_crash_is_sent_once(group: Harness) -> None:
    await announce(group)
    stored = await announcements.by_number(group.db, GROUP, 1)
    at = datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)

    async def claim() -> int | None:
        return await announcements.claim_followup(
            group.db,
            stored,
            scheduled_at=stored.first_followup_at,
            next_at=stored.second_followup_at,
            late=False,
            message=Outgoing("Pengumuman #1 belum diterima"),
            now=int(at.timestamp()),
        )

    assert await claim() is not None  # claimed, then the process died before sending
    [sent] = await group.fire(at, restarted=True)
    assert sent.text == "Pengumuman #1 belum diterima"
    assert await claim() is None
    assert await group.fire(at) == []


async def test_the_follow_up_time_is_set_per_group(group: Harness) -> None:
    reply = await group.reply_text(GROUP, ADMIN, "/pengumuman jam 08.30")
    assert "08.30" in reply
    await announce(group)
    stored = await announcements.by_number(group.db, GROUP, 1)
    assert stored.first_followup_at == int(
        datetime(2026, 11, 26, 8, 30, tzinfo=JAKARTA).timestamp()
    )
    assert "pukul 08.30" in await group.reply_text(GROUP, BUDI, "/pengumuman")
    assert "hanya untuk koordinator" in await group.reply_text(GROUP, BUDI, "/pengumuman jam 7")
    for bad in (
        "/pengumuman jam 3",
        "/pengumuman jam besok",
        "/pengumuman jam 9 WITA",
        "/pengumuman waktu x",
    ):
        assert "Contoh" in await group.reply_text(GROUP, ADMIN, bad)
    # any other argument gets the options, and the time stays
    assert "Pilihan" in await group.reply_text(GROUP, ADMIN, "/pengumuman besok")
    assert await announcements.followup_minute(group.db, GROUP) == 8 * 60 + 30
    assert "08.15" in await group.reply_text(GROUP, ADMIN, "/announcements time 8:15")
    assert await announcements.followup_minute(group.db, GROUP) == 8 * 60 + 15
