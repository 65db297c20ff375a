from bot.runtime import runtime_of
from bot.telegram.commands import registered
from bot.text.i18n import t
from tests.helpers import ADMIN, BUDI, GROUP, Harness


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
