from bot.fakeapi import FakeBotApi
from storage import groups
from tests.helpers import ADMIN, BUDI, GROUP, REFUSED_GROUP, Harness


async def test_start_registers_an_allowed_group(bot: Harness) -> None:
    text = await bot.reply_text(GROUP, ADMIN, "/mulai")
    assert "Rakor Kota Contoh" in text
    assert "terdaftar" in text
    group = await groups.get(bot.db, GROUP)
    assert group is not None
    assert group.language == "id"
    assert group.timezone == "Asia/Jakarta"
    again = await bot.reply_text(GROUP, ADMIN, "/start")
    assert "sudah terdaftar" in again


async def test_a_plain_member_cannot_register(bot: Harness) -> None:
    text = await bot.reply_text(GROUP, BUDI, "/mulai")
    assert "hanya untuk admin grup" in text
    assert "/peran" not in text
    assert await groups.get(bot.db, GROUP) is None


async def test_a_refused_group_gets_one_refusal_and_the_bot_leaves(
    bot: Harness, fake: FakeBotApi
) -> None:
    first = await bot.reply_text(REFUSED_GROUP, ADMIN, "/mulai")
    assert str(REFUSED_GROUP) in first
    assert "keluar" in first
    assert fake.left_chats == [REFUSED_GROUP]
    assert await bot.say(REFUSED_GROUP, BUDI, "/instansi") == []
    assert await groups.get(bot.db, REFUSED_GROUP) is None
    async with bot.db.reading() as conn:  # nothing of the refused group beyond the audit row
        cursor = await conn.execute("SELECT count(*) FROM users")
        assert (await cursor.fetchone())[0] == 0
        cursor = await conn.execute("SELECT count(*) FROM inbox WHERE payload IS NOT NULL")
        assert (await cursor.fetchone())[0] == 0
        cursor = await conn.execute("SELECT chat_id, event FROM chat_audit")
        assert [tuple(row) for row in await cursor.fetchall()] == [(REFUSED_GROUP, "refused")]


async def test_private_start_greets_and_points_to_help(bot: Harness) -> None:
    text = await bot.reply_text(BUDI, BUDI, "/start")
    assert "Halo Budi" in text
    assert "/bantuan" in text


async def test_bot_added_to_an_allowed_group_says_what_to_do(
    bot: Harness, fake: FakeBotApi
) -> None:
    before = len(fake.sent)
    fake.bot_added_to_group(GROUP, ADMIN)
    await bot.settle()
    assert "/mulai" in fake.sent[before].text


async def test_language_switch_and_bad_argument(group: Harness) -> None:
    assert "bahasa en" in await group.reply_text(GROUP, ADMIN, "/bahasa inggris")
    assert "English" in await group.reply_text(GROUP, ADMIN, "/bahasa en")
    assert "Units in this group" in await group.reply_text(GROUP, BUDI, "/instansi")
    assert "only for coordinators" in await group.reply_text(GROUP, BUDI, "/language id")
    assert "Bahasa Indonesia" in await group.reply_text(GROUP, ADMIN, "/language id")


async def test_commands_wait_for_registration(bot: Harness) -> None:
    text = await bot.reply_text(GROUP, BUDI, "/gabung DISHUB")
    assert "belum terdaftar" in text
    assert "/mulai" in text


async def test_group_commands_explain_themselves_in_private(bot: Harness) -> None:
    assert "grup koordinasi" in await bot.reply_text(BUDI, BUDI, "/gabung DISHUB")


async def test_command_menus_are_published_in_both_languages(
    bot: Harness, fake: FakeBotApi
) -> None:
    menus = {lang: [c["command"] for c in cmds] for lang, cmds in fake.commands.items()}
    assert "mulai" in menus[""]
    assert "instansi" in menus[""]
    assert "start" in menus["en"]
    assert "units" in menus["en"]


async def test_editing_a_command_does_not_run_it_again(group: Harness, fake: FakeBotApi) -> None:
    message = fake.send_message(GROUP, ADMIN, "/instansi tambah DLH Dinas LH")
    await group.settle()
    before = len(fake.sent)
    fake.edit_message(
        GROUP, ADMIN, message["message_id"], "/instansi tambah DLH Dinas Lingkungan Hidup"
    )
    await group.settle()
    assert len(fake.sent) == before
