import pytest

from storage import people
from tests.helpers import ADMIN, ANI, BUDI, GROUP, SITI, Harness


async def test_admin_sets_a_role_by_username(group: Harness) -> None:
    await group.say(GROUP, SITI, "halo")  # the bot learns @siti_bapperida
    text = await group.reply_text(GROUP, ADMIN, "/peran @siti_bapperida koordinator")
    assert "koordinator" in text
    member = await people.get_member(group.db, GROUP, SITI)
    assert member is not None
    assert member.role == "koordinator"
    # Siti may now do what coordinators do
    assert "DLH" in await group.reply_text(GROUP, SITI, "/instansi tambah DLH Dinas LH")


async def test_admin_sets_a_role_by_replying(group: Harness) -> None:
    message = group.fake.send_message(GROUP, ANI, "saya staf")
    await group.settle()
    await group.say(GROUP, ADMIN, "/role pengamat", reply_to=message["message_id"])
    member = await people.get_member(group.db, GROUP, ANI)
    assert member is not None
    assert member.role == "pengamat"


async def test_roles_are_for_people_not_bots(group: Harness) -> None:
    bot_message = (await group.say(GROUP, ADMIN, "/bantuan"))[0]
    reply_to = bot_message.message_id
    assert "bukan bot" in await group.reply_text(GROUP, ADMIN, "/peran pengamat", reply_to=reply_to)
    assert "belum mengenal @x" in await group.reply_text(
        GROUP, ADMIN, "/peran @x pengamat", reply_to=reply_to
    )
    assert "bukan bot" in await group.reply_text(GROUP, ADMIN, "/peran @Rakor_Bot anggota")
    assert await people.get_member(group.db, GROUP, group.fake.bot_id) is None


async def test_a_plain_member_cannot_set_roles(group: Harness) -> None:
    await group.say(GROUP, SITI, "halo")
    text = await group.reply_text(GROUP, BUDI, "/peran @siti_bapperida koordinator")
    assert "hanya untuk koordinator" in text
    assert (await people.get_member(group.db, GROUP, SITI)).role == "anggota"


async def test_anonymous_admin_counts_as_coordinator(group: Harness) -> None:
    text = await group.reply_text(
        GROUP, ADMIN, "/instansi tambah DLH Dinas LH", sender_chat_id=GROUP
    )
    assert "ditambahkan" in text


async def test_demoting_an_admin_keeps_them_coordinator(group: Harness) -> None:
    text = await group.reply_text(GROUP, ADMIN, "/peran @asisten_pem anggota")
    assert "tetap koordinator" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/peran", "Contoh"),
        ("/peran @budi_dishub", "Contoh"),
        ("/peran @budi_dishub raja", "Contoh"),
        ("/peran budi koordinator", "Contoh"),
        ("/peran koordinator", "Contoh"),  # not a reply
        ("/peran @tidak_dikenal anggota", "belum mengenal"),
    ],
)
async def test_bad_role_arguments_get_an_example(group: Harness, text: str, expected: str) -> None:
    assert expected in await group.reply_text(GROUP, ADMIN, text)
