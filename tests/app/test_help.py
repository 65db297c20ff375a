from bot.runtime import runtime_of
from bot.telegram.commands import registered
from bot.text.i18n import t
from tests.helpers import ADMIN, BUDI, GROUP, REFUSED_GROUP, SITI, Harness, until


async def test_help_lists_every_registered_command_in_indonesian(group: Harness) -> None:
    text = await group.reply_text(GROUP, BUDI, "/bantuan")
    for spec in registered(runtime_of(group.app)):
        assert f"/{spec.name} — {t('id', f'help.{spec.name}')}" in text


async def test_help_follows_the_group_language(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/bahasa en")
    text = await group.reply_text(GROUP, BUDI, "/help")
    assert "/units" in text
    assert "/join" in text
    assert "/instansi —" not in text


async def test_help_for_one_command_and_an_unknown_one(group: Harness) -> None:
    text = await group.reply_text(GROUP, BUDI, "/bantuan /gabung")
    assert "/gabung DISHUB" in text
    assert "/join" in text
    assert "tidak ada" in await group.reply_text(GROUP, BUDI, "/bantuan terbang")


async def test_every_command_has_help_in_both_languages(group: Harness) -> None:
    for spec in registered(runtime_of(group.app)):
        for lang in ("id", "en"):
            assert t(lang, f"help.{spec.name}")
            assert t(lang, f"help.{spec.name}.usage")


async def test_help_works_in_private(bot: Harness) -> None:
    assert "/mulai" in await bot.reply_text(BUDI, BUDI, "/bantuan")


async def test_an_unknown_command_gets_one_line_a_minute(group: Harness) -> None:
    bot = group
    [hint] = await bot.say(GROUP, BUDI, "/halo")
    assert "/halo tidak dikenal" in hint.text
    assert "/bantuan" in hint.text
    assert await bot.say(GROUP, BUDI, "/hallo") == []  # a typo storm is not answered each time
    assert await bot.say(GROUP, BUDI, "/halo@other_bot") == []  # another bot's command
    bot.clock.advance(minutes=1)
    assert len(await bot.say(GROUP, BUDI, "/hallo")) == 1
    assert "Perintah" in await bot.reply_text(GROUP, BUDI, "/bantuan")  # commands still work


async def test_a_plain_private_message_gets_the_private_help(bot: Harness) -> None:
    text = await bot.reply_text(BUDI, BUDI, "halo pak")
    assert "/cari" in text
    assert "/ingatkan" in text
    assert len(await bot.say(REFUSED_GROUP, BUDI, "/halo")) == 1  # a refused group: refused
    assert await bot.say(REFUSED_GROUP, BUDI, "/halo") == []  # and nothing else


async def test_a_slow_answer_to_one_chat_does_not_hold_up_the_reply_to_another(
    bot: Harness,
) -> None:
    """Telegram is 100-300 ms away: the bot's requests must not queue on one connection."""
    bot.fake.stall("sendMessage")
    bot.fake.send_message(BUDI, BUDI, "/bantuan")
    bot.fake.send_message(SITI, SITI, "/bantuan")
    await until(lambda: bot.fake.hanging("sendMessage") == 2, what="both replies under way")
    bot.fake.unstall("sendMessage")
    await bot.settle()
    assert sorted(m.chat_id for m in bot.fake.sent) == sorted([BUDI, SITI])
