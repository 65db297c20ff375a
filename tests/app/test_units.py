import pytest

from storage import people, units
from tests.helpers import ADMIN, ANI, BUDI, GROUP, SITI, Harness


async def test_list_units_with_members(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/gabung dishub")
    text = await group.reply_text(GROUP, SITI, "/instansi")
    assert "DISHUB — Dinas Perhubungan" in text
    assert "Budi Santoso" in text
    assert "belum ada anggota" in text


async def test_add_and_remove_a_unit(group: Harness) -> None:
    text = await group.reply_text(GROUP, ADMIN, "/instansi tambah DLH Dinas Lingkungan Hidup")
    assert "DLH" in text
    assert "/gabung DLH" in text
    assert (await units.find(group.db, GROUP, "DLH")).name == "Dinas Lingkungan Hidup"
    assert "sudah dipakai" in await group.reply_text(GROUP, ADMIN, "/units add dlh Duplikat")
    question, _ = await group.confirm(GROUP, ADMIN, "/instansi hapus DLH")
    assert "diarsipkan" in question.text  # the question, edited to say how it ended
    assert await units.find(group.db, GROUP, "DLH") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/instansi tambah", "Contoh"),
        ("/instansi tambah DLH", "Contoh"),
        ("/instansi tambah D Dinas", "Contoh"),
        ("/instansi tambah DINAS/LH Dinas", "Contoh"),
        ("/instansi hapus", "Contoh"),
        ("/instansi hapus XYZ", "Kode yang ada"),
        ("/instansi ubah DLH", "/instansi tambah"),
    ],
)
async def test_bad_unit_arguments_get_an_example(group: Harness, text: str, expected: str) -> None:
    assert expected in await group.reply_text(GROUP, ADMIN, text)


async def test_only_coordinators_add_units(group: Harness) -> None:
    text = await group.reply_text(GROUP, BUDI, "/instansi tambah DLH Dinas Lingkungan Hidup")
    assert "hanya untuk koordinator" in text
    assert await units.find(group.db, GROUP, "DLH") is None


async def test_join_a_unit_and_move_to_another(group: Harness) -> None:
    assert "bergabung ke DISHUB" in await group.reply_text(GROUP, BUDI, "/gabung DISHUB")
    assert "bergabung ke BAPPERIDA" in await group.reply_text(GROUP, BUDI, "/join bapperida")
    member = await people.get_member(group.db, GROUP, BUDI)
    assert member is not None
    assert member.unit_code == "BAPPERIDA"


@pytest.mark.parametrize(
    ("text", "expected"), [("/gabung", "Contoh"), ("/gabung DINKES", "DISHUB")]
)
async def test_bad_join_arguments(group: Harness, text: str, expected: str) -> None:
    reply = await group.reply_text(GROUP, BUDI, text)
    assert expected in reply
    assert "KEC-KOTA" in reply
    assert (await people.get_member(group.db, GROUP, BUDI)).unit_id is None


async def test_observer_may_list_but_not_add(group: Harness) -> None:
    await people.remember_user(group.db, ANI, "Ani", "ani_staf", 0)
    await people.set_role(group.db, GROUP, ANI, "pengamat", 0)
    assert "DISHUB" in await group.reply_text(GROUP, ANI, "/instansi")
    assert "pengamat" in await group.reply_text(GROUP, ANI, "/instansi tambah DLH Dinas LH")


async def test_member_who_leaves_the_group_loses_membership(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.leave(GROUP, BUDI)
    assert await people.get_member(group.db, GROUP, BUDI) is None


async def test_writing_in_the_group_makes_a_member_and_leaving_ends_it(group: Harness) -> None:
    assert await people.get_member(group.db, GROUP, SITI) is None
    await group.say(GROUP, SITI, "Selamat pagi, Bapak/Ibu")
    member = await people.get_member(group.db, GROUP, SITI)
    assert member is not None
    assert member.role == "anggota"
    assert member.unit_id is None
    assert await people.groups_of(group.db, SITI) == [GROUP]
    await group.leave(GROUP, SITI)
    assert await people.groups_of(group.db, SITI) == []
    await group.say(GROUP, SITI, "Saya kembali")
    assert await people.groups_of(group.db, SITI) == [GROUP]


async def test_an_admin_can_search_the_group_privately(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/putuskan Parkir di Jalan Merdeka ditata ulang")
    assert "Keputusan #1" in await group.reply_text(ADMIN, ADMIN, "/cari parkir")
