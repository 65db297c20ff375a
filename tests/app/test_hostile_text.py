"""Hostile text through every command that echoes what users wrote: sent, and shown literally."""

from datetime import datetime

import pytest

from tests.app.test_minutes import read_docx
from tests.helpers import ADMIN, GROUP, JAKARTA, Harness

HOSTILE = [
    "<b>tebal</b>",
    "a & b &amp; c &lt;",
    "</i><u>tag tidak seimbang",
    '<a href="javascript:alert(1)">klik</a>',
    "{name} {0} %s",
    "🚦 Dishub <3 & >_<",
]
LONG = "<b>&" * 1250  # 5,000 characters that all need escaping


def shown(messages: list) -> str:
    return "".join(message.text for message in messages)


@pytest.mark.parametrize("text", [*HOSTILE, LONG[:3000]])  # a reminder's longest text
async def test_reminders_echo_hostile_text_literally(group: Harness, text: str) -> None:
    replies = await group.say(GROUP, ADMIN, f"/ingatkan besok jam 9 {text}")
    assert text in shown(replies)
    assert text in shown(await group.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)))
    listing = await group.say(GROUP, ADMIN, "/pengingat")
    assert "Belum ada" in shown(listing)


@pytest.mark.parametrize("text", [*HOSTILE, LONG[:200]])  # a unit's longest name
async def test_unit_names_and_unknown_codes_are_echoed_literally(group: Harness, text: str) -> None:
    assert text in shown(await group.say(GROUP, ADMIN, f"/instansi tambah HOSTIL {text}"))
    assert text in shown(await group.say(GROUP, ADMIN, "/instansi"))
    assert f"/{text.split()[0]}" in shown(await group.say(GROUP, ADMIN, f"/bantuan {text}"))


async def test_hostile_people_names_are_escaped(group: Harness) -> None:
    group.fake.add_user(4242, "<b>Kepala", last_name="& Wakil</i>", username="kepala_hostil")
    assert "<b>Kepala & Wakil</i> bergabung" in shown(
        await group.say(GROUP, 4242, "/gabung DISHUB")
    )
    assert "<b>Kepala & Wakil</i>" in shown(await group.say(GROUP, ADMIN, "/instansi"))
    replies = await group.say(GROUP, 4242, "/ingatkan 1 jam lagi <i>cek</i>")
    assert "<i>cek</i>" in shown(replies)
    fired = await group.fire(datetime(2026, 11, 25, 11, 0, tzinfo=JAKARTA))
    assert "Untuk: <b>Kepala & Wakil</i>" in shown(fired)


@pytest.mark.parametrize(
    ("text", "echoed", "expected"),
    [
        ("/peran @<b>x</b> koordinator", "@<b>x</b>", "belum mengenal"),
        ("/batal <b>1</b>", "", "Contoh"),
        ("/gabung <i>", "<i>", "Kode yang ada"),
        ("/bahasa <b>", "", "/bahasa id"),
    ],
)
async def test_hostile_arguments_get_a_clear_answer(
    group: Harness, text: str, echoed: str, expected: str
) -> None:
    answer = shown(await group.say(GROUP, ADMIN, text))
    assert expected in answer
    assert echoed in answer


CONTROL = "\x00\x07\x0b\x1b\ufffe\uffff\ud83d"


async def test_control_characters_never_break_the_minutes(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/rapat Rakor Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat")
    await group.say(GROUP, ADMIN, f"/agenda Data{CONTROL} aset")
    assert "Data aset" in shown(await group.say(GROUP, ADMIN, "/agenda"))
    group.clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    await group.say(GROUP, ADMIN, f"/putuskan Pendataan{CONTROL} selesai")
    await group.say(GROUP, ADMIN, f"/tugas DISHUB | Kirim{CONTROL} data | Jumat depan")
    [document] = [sent for sent in await group.say(GROUP, ADMIN, "/notulen 1") if sent.document]
    paragraphs, tables = read_docx(document.document)
    written = "\n".join(paragraphs + [cell for table in tables for row in table for cell in row])
    assert "Data aset" in written
    assert "Pendataan selesai" in written
    assert "Kirim data" in written


async def test_a_lone_surrogate_is_stored_and_answered(group: Harness) -> None:
    replies = await group.say(GROUP, ADMIN, "/ingatkan besok jam 9 cek \ud83d pompa")
    assert "cek  pompa" in shown(replies)
    assert "cek pompa" in shown(await group.say(GROUP, ADMIN, "/pengingat"))  # on one line
