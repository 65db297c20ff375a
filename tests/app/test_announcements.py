import pytest

from bot.fakeapi import StoredMessage
from bot.services import search
from handlers.announcement_acks import throttle_of
from storage import announcements, people
from tests.helpers import ADMIN, ANI, BUDI, GROUP, OTHER_GROUP, SITI, Harness

RINA = 1005  # a second member of Dishub


@pytest.fixture
async def units_joined(group: Harness) -> Harness:
    """GROUP with Budi and Rina in Dishub, Siti in Bapperida; button edits not throttled."""
    throttle_of(group.app).interval = 0
    group.fake.add_user(RINA, "Rina", last_name="Dishub", username="rina_dishub")
    for user_id, name, code in (
        (BUDI, "Budi Santoso", "DISHUB"),
        (RINA, "Rina Dishub", "DISHUB"),
        (SITI, "Siti Rahma", "BAPPERIDA"),
    ):
        await people.remember_user(group.db, user_id, name, None, 0)
        unit = await _unit_id(group, code)
        await people.join_unit(group.db, GROUP, user_id, unit, 0)
    return group


async def _unit_id(bot: Harness, code: str, chat_id: int = GROUP) -> int:
    from storage import units

    unit = await units.find(bot.db, chat_id, code)
    assert unit is not None
    return unit.id


def button_of(message: StoredMessage) -> tuple[str, str]:
    [[button]] = message.reply_markup["inline_keyboard"]
    return button["text"], button["callback_data"]


async def acks_stored(bot: Harness) -> int:
    async with bot.db.reading() as conn:
        cursor = await conn.execute("SELECT count(*) FROM announcement_acks")
        (count,) = await cursor.fetchone()
    return count


async def test_announce_by_command_posts_pins_and_indexes(units_joined: Harness) -> None:
    bot = units_joined
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD <Senin> pukul 09.00")
    assert "Pengumuman #1" in post.text
    assert "Rakor evaluasi APBD <Senin> pukul 09.00" in post.text
    assert "&lt;Senin&gt;" in post.html
    assert "Asisten Pemerintahan" in post.text
    label, data = button_of(post)
    assert label == "✅ Diterima 0/3 instansi"
    assert data.startswith("ann:")
    assert len(data) <= 64
    assert bot.fake.find_message(GROUP, post.message_id).pinned
    stored = await announcements.by_number(bot.db, GROUP, 1)
    assert stored.author_id == ADMIN
    assert stored.message_id == post.message_id
    page = await search.search(bot.db, group_ids=[GROUP], query="evaluasi APBD")
    assert [(hit.kind, hit.number) for hit in page.hits] == [(search.KIND_ANNOUNCEMENT, 1)]
    [second] = await bot.say(GROUP, ADMIN, "/announce Second one")
    assert "Pengumuman #2" in second.text


async def test_announce_by_reply_keeps_the_original_author(units_joined: Harness) -> None:
    bot = units_joined
    original = bot.fake.send_message(GROUP, BUDI, "Jadwal uji KIR dipindah ke hari Kamis")
    await bot.settle()
    [post] = await bot.say(GROUP, ADMIN, "/umumkan", reply_to=original["message_id"])
    assert "Pengumuman #1" in post.text
    assert "Jadwal uji KIR dipindah" in post.text
    assert "Budi Santoso (DISHUB)" in post.text
    stored = await announcements.by_number(bot.db, GROUP, 1)
    assert stored.author_id == BUDI
    assert stored.author_name == "Budi Santoso"
    assert stored.unit_id == await _unit_id(bot, "DISHUB")
    assert stored.source_message_id == original["message_id"]


async def test_announce_by_hashtag_from_a_coordinator_only(units_joined: Harness) -> None:
    bot = units_joined
    [post] = await bot.say(GROUP, ADMIN, "#pengumuman Apel gabungan Jumat pukul 07.30")
    assert "Pengumuman #1" in post.text
    assert "Apel gabungan Jumat pukul 07.30" in post.text
    assert "#pengumuman" not in post.text
    [refusal] = await bot.say(GROUP, BUDI, "Info #pengumuman dari Dishub")
    assert "hanya untuk koordinator" in refusal.text
    [usage] = await bot.say(GROUP, ADMIN, "#pengumuman")
    assert "Contoh" in usage.text
    replies = await bot.say(GROUP, ADMIN, "/umumkan #pengumuman sekali saja")
    assert len(replies) == 1
    assert "Pengumuman #2" in replies[0].text
    assert [a.announcement.number for a in await announcements.recent(bot.db, GROUP)] == [2, 1]


async def test_members_may_not_announce_and_bad_input_stores_nothing(units_joined: Harness) -> None:
    bot = units_joined
    assert "hanya untuk koordinator" in await bot.reply_text(GROUP, BUDI, "/umumkan Halo semua")
    assert "Contoh" in await bot.reply_text(GROUP, ADMIN, "/umumkan")
    assert "Contoh" in await bot.reply_text(GROUP, ADMIN, "/umumkan " + "x" * 4000)
    photo = bot.fake.send_message(GROUP, BUDI, "", photo=b"\x89PNG")
    await bot.settle()
    reply = await bot.reply_text(GROUP, ADMIN, "/umumkan", reply_to=photo["message_id"])
    assert "tidak berisi teks" in reply
    assert "Contoh" in reply
    assert await announcements.recent(bot.db, GROUP) == []


async def test_no_pin_without_the_right_and_no_word_about_it(units_joined: Harness) -> None:
    bot = units_joined
    bot.fake.set_bot_admin(GROUP, False)
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Tanpa sematan")
    assert "Pengumuman #1" in post.text
    assert not bot.fake.find_message(GROUP, post.message_id).pinned


async def test_acknowledgements_count_once_per_unit(units_joined: Harness) -> None:
    bot = units_joined
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    _, data = button_of(post)
    _, text, alert = await bot.press(GROUP, BUDI, post.message_id, data)
    assert "DISHUB tercatat sudah menerima pengumuman #1" in text
    assert not alert
    assert button_of(bot.fake.find_message(GROUP, post.message_id))[0].endswith("1/3 instansi")
    _, text, alert = await bot.press(GROUP, RINA, post.message_id, data)
    assert alert
    assert "DISHUB sudah menerima pengumuman #1 (oleh Budi Santoso)" in text
    _, text, alert = await bot.press(GROUP, SITI, post.message_id, data)
    assert "BAPPERIDA" in text
    assert not alert
    message = bot.fake.find_message(GROUP, post.message_id)
    assert button_of(message)[0] == "✅ Diterima 2/3 instansi"
    assert len(message.edits) == 2  # Rina's press changed nothing
    assert await acks_stored(bot) == 2


async def test_a_presser_without_a_unit_is_told_to_join_first(units_joined: Harness) -> None:
    bot = units_joined
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    _, text, alert = await bot.press(GROUP, ANI, post.message_id, button_of(post)[1])
    assert alert
    assert "/gabung" in text
    await people.remember_user(bot.db, ANI, "Ani", None, 0)
    await people.set_role(bot.db, GROUP, ANI, "pengamat", 0)
    await people.join_unit(bot.db, GROUP, ANI, await _unit_id(bot, "KEC-KOTA"), 0)
    _, text, alert = await bot.press(GROUP, ANI, post.message_id, button_of(post)[1])
    assert alert
    assert "Pengamat" in text
    assert await acks_stored(bot) == 0
    assert not bot.fake.find_message(GROUP, post.message_id).edits


@pytest.mark.parametrize(
    "data", ["ann:a:", "ann:a:abc", "ann:x:1", "ann:a:1:2", "ann:a:99999", "ann:a:-1", "ann:"]
)
async def test_forged_payloads_get_an_alert_and_write_nothing(
    units_joined: Harness, data: str
) -> None:
    bot = units_joined
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    _, text, alert = await bot.press(GROUP, BUDI, post.message_id, data)
    assert alert
    assert "tidak berlaku" in text
    assert await acks_stored(bot) == 0


async def test_a_button_of_another_group_is_refused(units_joined: Harness) -> None:
    bot = units_joined
    await bot.say(OTHER_GROUP, ADMIN, "/mulai")
    [other] = await bot.say(OTHER_GROUP, ADMIN, "/umumkan Hanya untuk grup lain")
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    _, text, alert = await bot.press(GROUP, BUDI, post.message_id, button_of(other)[1])
    assert alert
    assert "tidak berlaku" in text
    assert await acks_stored(bot) == 0


async def test_pending_and_list(units_joined: Harness) -> None:
    bot = units_joined
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD\nbaris kedua")
    await bot.say(GROUP, ADMIN, "/umumkan Apel gabungan")
    await bot.press(GROUP, BUDI, post.message_id, button_of(post)[1])
    text = await bot.reply_text(GROUP, SITI, "/belum #1")
    assert "2 dari 3 instansi" in text
    assert "BAPPERIDA" in text
    assert "KEC-KOTA" in text
    assert "DISHUB" not in text
    listing = await bot.reply_text(GROUP, ANI, "/pengumuman")
    assert listing.index("#2") < listing.index("#1")
    assert "1/3 instansi" in listing
    assert "0/3 instansi" in listing
    assert "Rakor evaluasi APBD baris kedua" in listing
    assert "pukul 09.00" in listing
    assert "Contoh" in await bot.reply_text(GROUP, SITI, "/belum")
    assert "Contoh" in await bot.reply_text(GROUP, SITI, "/belum satu")
    assert "tidak ada" in await bot.reply_text(GROUP, SITI, "/belum 9")


async def test_pending_when_everyone_acknowledged(units_joined: Harness) -> None:
    bot = units_joined
    await bot.confirm(GROUP, ADMIN, "/instansi hapus KEC-KOTA")
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    for user_id in (BUDI, SITI):
        await bot.press(GROUP, user_id, post.message_id, button_of(post)[1])
    assert "Semua 2 instansi" in await bot.reply_text(GROUP, BUDI, "/belum 1")


async def test_empty_list_shows_an_example(units_joined: Harness) -> None:
    assert "contoh" in await units_joined.reply_text(GROUP, BUDI, "/pengumuman")


@pytest.mark.parametrize("args", ["1", "#1", "semua", "besok"])
async def test_an_argument_other_than_a_time_gets_the_usage(
    units_joined: Harness, args: str
) -> None:
    bot = units_joined
    await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    for user_id in (BUDI, ADMIN):
        usage = await bot.reply_text(GROUP, user_id, f"/pengumuman {args}")
        assert "koordinator" not in usage
        assert "/pengumuman jam 08.30" in usage
        assert "/belum 3" in usage
    assert await announcements.followup_minute(bot.db, GROUP) == 9 * 60
