"""/agenda and #agenda, /putuskan, #keputusan and /keputusan, and their search entries."""

from datetime import datetime

import pytest

from bot.services import search
from bot.services.meetings import current_for_records
from storage import agenda, decisions, meetings
from tests.helpers import ADMIN, ANI, BUDI, GROUP, JAKARTA, SITI, Harness

NEW = "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2"


async def test_agenda_goes_to_the_next_meeting_attributed_to_the_unit(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ADMIN, "/rapat Evaluasi PAD | Senin depan jam 9 | Aula")
    reply = await group.reply_text(GROUP, BUDI, "/agenda Progres perbaikan jalan <b>")
    assert "Agenda #1" in reply
    assert "Rapat #1" in reply
    assert "DISHUB" in reply
    assert "<b>" in reply  # shown as text, not markup
    reply = await group.reply_text(GROUP, BUDI, "/agenda #2 Evaluasi PAD triwulan III")
    assert "Agenda #2" in reply
    assert "Rapat #2" in reply
    await group.say(GROUP, SITI, "Usul dibahas: sinkronisasi data aset #agenda")
    text = await group.reply_text(GROUP, ANI, "/agenda")
    assert "Agenda Rapat #1" in text
    assert "1. Progres perbaikan jalan <b> — DISHUB (Agenda #1)" in text
    assert "2. Usul dibahas: sinkronisasi data aset — Siti Rahma (Agenda #3)" in text
    assert "Evaluasi PAD triwulan" not in text
    assert "Evaluasi PAD triwulan III" in await group.reply_text(GROUP, ANI, "/agenda #2")
    page = await search.search(group.db, group_ids=[GROUP], query="sinkronisasi")
    assert [(hit.kind, hit.number) for hit in page.hits] == [(search.KIND_AGENDA_ITEM, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/agenda Evaluasi PAD", "Belum ada rapat terjadwal"),
        ("/agenda #7 Evaluasi PAD", "tidak ada"),
        ("/agenda " + "x" * 1200, "terlalu panjang"),
        ("#agenda", "Contoh"),
    ],
)
async def test_bad_agenda_input_stores_nothing(group: Harness, text: str, expected: str) -> None:
    if "#7" in text:
        await group.say(GROUP, ADMIN, NEW)
    assert expected in await group.reply_text(GROUP, BUDI, text)
    async with group.db.reading() as conn:
        cursor = await conn.execute("SELECT count(*) FROM agenda_items")
        assert (await cursor.fetchone())[0] == 0


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("id", "/agenda " + "x" * 1200, "Contoh: <code>/agenda "),
        ("en", "/agenda " + "x" * 1200, "Example: <code>/agenda "),
        ("id", "/putuskan " + "x" * 2100, "Contoh: <code>/putuskan "),
        ("en", "/decide " + "x" * 2100, "Example: <code>/decide "),
    ],
)
async def test_too_long_agenda_items_and_decisions_get_an_example(
    group: Harness, lang: str, text: str, expected: str
) -> None:
    await group.say(GROUP, ADMIN, NEW)
    if lang == "en":
        await group.say(GROUP, ADMIN, "/language en")
    [reply] = await group.say(GROUP, ADMIN, text)
    assert expected in reply.html
    assert await agenda.for_meeting(group.db, 1) == []
    assert await decisions.recent(group.db, GROUP) == []


async def test_agenda_for_a_cancelled_meeting_is_refused(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ADMIN, "/rapat batal 1")
    assert "dibatalkan" in await group.reply_text(GROUP, BUDI, "/agenda #1 Evaluasi")
    assert "Belum ada rapat terjadwal" in await group.reply_text(GROUP, BUDI, "/agenda Evaluasi")


async def test_observers_may_not_add_agenda_items(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ANI, "hi")
    await group.say(GROUP, ADMIN, "/peran @ani_staf pengamat")
    assert "anggota" in await group.reply_text(GROUP, ANI, "Sebuah usul #agenda")
    assert await agenda.for_meeting(group.db, 1) == []


async def test_decisions_link_to_the_meeting_under_way_or_ended_that_day(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)  # Thursday 09.00–11.00
    # before the meeting: no link
    reply = await group.reply_text(GROUP, ADMIN, "/putuskan Apel pagi dimajukan 07.00")
    assert "Keputusan #1" in reply
    assert "tidak terkait rapat" in reply
    group.clock.set(datetime(2026, 11, 26, 9, 30, tzinfo=JAKARTA))
    reply = await group.reply_text(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    assert "Keputusan #2" in reply
    assert "Rapat #1" in reply
    group.clock.set(datetime(2026, 11, 26, 16, 0, tzinfo=JAKARTA))  # ended that day
    message = group.fake.send_message(GROUP, SITI, "Data aset dikirim ke BPKAD paling lambat Jumat")
    await group.settle()
    reply = await group.reply_text(GROUP, ADMIN, "/putuskan", reply_to=message["message_id"])
    assert "Keputusan #3" in reply
    assert "Data aset dikirim ke BPKAD" in reply
    group.clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=JAKARTA))  # the next day
    reply = await group.reply_text(GROUP, ADMIN, "Rapat berikutnya di Aula #keputusan")
    assert "Keputusan #4" in reply
    assert "tidak terkait rapat" in reply
    linked = [(d.number, d.meeting_number) for d in await decisions.recent(group.db, GROUP)]
    assert linked == [(4, None), (3, 1), (2, 1), (1, None)]
    [hit] = (await search.search(group.db, group_ids=[GROUP], query="BPKAD")).hits
    assert (hit.kind, hit.number) == (search.KIND_DECISION, 3)


async def test_current_for_records_uses_the_groups_zone(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    # 23.59 WIB the same day still counts; 00.01 WIB the next day does not
    late = datetime(2026, 11, 26, 23, 59, tzinfo=JAKARTA)
    assert (await current_for_records(group.db, GROUP, late)).number == 1
    next_day = datetime(2026, 11, 27, 0, 1, tzinfo=JAKARTA)
    assert await current_for_records(group.db, GROUP, next_day) is None
    await group.say(GROUP, ADMIN, "/zona WIT")  # two hours ahead: 23.00 WIB is 01.00 WIT
    at = datetime(2026, 11, 26, 23, 0, tzinfo=JAKARTA)
    assert await current_for_records(group.db, GROUP, at) is None


async def test_listing_and_showing_decisions(group: Harness) -> None:
    assert "Belum ada keputusan" in await group.reply_text(GROUP, BUDI, "/keputusan")
    await group.say(GROUP, ADMIN, NEW)
    group.clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    await group.say(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    await group.say(GROUP, ADMIN, "/decide Laporan mingguan tiap Jumat")
    text = await group.reply_text(GROUP, ANI, "/keputusan")
    assert text.index("#2") < text.index("#1")
    assert "Rapat #1" in text
    text = await group.reply_text(GROUP, BUDI, "/keputusan #1")
    assert "Keputusan #1" in text
    assert "Pendataan aset selesai 15 Desember" in text
    assert "Rapat #1: Rakor Pokja Aset" in text
    assert "Asisten Pemerintahan" in text
    assert "tidak ada" in await group.reply_text(GROUP, BUDI, "/keputusan 9")
    assert "Contoh" in await group.reply_text(GROUP, BUDI, "/keputusan dua")


async def test_only_a_koordinator_decides(group: Harness) -> None:
    assert "koordinator" in await group.reply_text(GROUP, BUDI, "/putuskan Sesuatu")
    assert "koordinator" in await group.reply_text(GROUP, BUDI, "Sesuatu #keputusan")
    assert "Contoh" in await group.reply_text(GROUP, ADMIN, "/putuskan")
    assert await decisions.recent(group.db, GROUP) == []


async def test_editing_a_tagged_message_records_nothing_twice(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    message = group.fake.send_message(GROUP, BUDI, "Sinkronisasi data aset #agenda")
    decision = group.fake.send_message(GROUP, ADMIN, "Laporan tiap Jumat #keputusan")
    await group.settle()
    group.fake.edit_message(GROUP, BUDI, message["message_id"], "Sinkronisasi aset #agenda")
    group.fake.edit_message(GROUP, ADMIN, decision["message_id"], "Laporan Jumat #keputusan")
    await group.settle()
    assert [item.text for item in await agenda.for_meeting(group.db, 1)] == [
        "Sinkronisasi data aset"
    ]
    assert [d.text for d in await decisions.recent(group.db, GROUP)] == ["Laporan tiap Jumat"]


async def test_hashtags_in_a_photo_caption_count(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    photo = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    reply = await group.reply_text(
        GROUP, ADMIN, "Foto hasil rapat disetujui #keputusan", photo=photo
    )
    assert "Keputusan #1" in reply
    reply = await group.reply_text(GROUP, SITI, "#agenda Foto lokasi banjir", photo=photo)
    assert "Agenda #1" in reply
    [item] = await agenda.for_meeting(group.db, (await meetings.by_number(group.db, GROUP, 1)).id)
    assert item.text == "Foto lokasi banjir"
