"""/notulen: the .docx parsed back, the message, and carrying undiscussed items over."""

import io
from datetime import datetime

import docx

from storage import agenda
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, SITI, Harness

NEW = "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2"


def read_docx(document: tuple[str, bytes]) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs and the tables (rows of cell texts) of a sent .docx."""
    name, data = document
    assert name.endswith(".docx")
    parsed = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in parsed.paragraphs if p.text.strip()]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in parsed.tables]
    return paragraphs, tables


async def test_minutes_hold_attendance_agenda_decisions_and_tasks(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.say(GROUP, SITI, "/gabung BAPPERIDA")
    card, _ = await group.say(GROUP, ADMIN, NEW)
    await group.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    await group.press(GROUP, SITI, card.message_id, "mtg:r:1:w")
    await group.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    await group.say(GROUP, SITI, "/agenda Sinkronisasi data aset")
    group.clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    await group.say(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    await group.say(GROUP, ADMIN, "/tugas DISHUB | Kirim data ruas jalan rusak | Jumat depan")

    document, message = await group.say(GROUP, ADMIN, "/notulen #1")
    assert document.document[0] == "notulen-rapat-1.docx"
    assert "Rapat #1" in document.caption
    paragraphs, tables = read_docx(document.document)
    text = "\n".join(paragraphs)
    assert paragraphs[0] == "RAKOR KOTA CONTOH"
    assert paragraphs[1] == "NOTULEN RAPAT"
    info = {row[0]: row[2] for row in tables[0]}
    assert info == {
        "Acara": "Rakor Pokja Aset",
        "Hari/Tanggal": "Kamis, 26 November 2026",
        "Waktu": "09.00 – 11.00 WIB",
        "Tempat": "Ruang Rapat Lt. 2",
        "Pimpinan Rapat": "Asisten Pemerintahan",
    }
    header, *rows = tables[1]
    assert header == ["No.", "Instansi", "Kehadiran", "Nama"]
    assert rows == [
        ["1", "BAPPERIDA — Bapperida", "Diwakilkan", "Siti Rahma"],
        ["2", "DISHUB — Dinas Perhubungan", "Hadir", "Budi Santoso"],
        ["3", "KEC-KOTA — Kecamatan Kota", "Tidak hadir", ""],
    ]
    sections = ["I. DAFTAR HADIR", "II. AGENDA", "III. KEPUTUSAN", "IV. TINDAK LANJUT"]
    positions = [paragraphs.index(title) for title in [*sections, "V. PENUTUP"]]
    assert positions == sorted(positions)
    assert "1.\tProgres perbaikan jalan (DISHUB)" in paragraphs
    assert "2.\tSinkronisasi data aset (BAPPERIDA)" in paragraphs
    assert "1.\tKeputusan #1: Pendataan aset selesai 15 Desember" in paragraphs
    assert "Tugas #1 (DISHUB): Kirim data ruas jalan rusak" in text
    assert "Rapat ditutup pukul 11.00 WIB" in text
    signatures = tables[2][0]
    assert "Notulis," in signatures[0]
    assert "Pimpinan Rapat," in signatures[1]
    assert "Asisten Pemerintahan" in signatures[1]

    assert "NOTULEN RAPAT #1" in message.text
    assert "Hari/tanggal: Kamis, 26 November 2026" in message.text
    assert "DISHUB: Hadir — Budi Santoso" in message.text
    assert "BAPPERIDA: Diwakilkan — Siti Rahma" in message.text
    assert "KEC-KOTA: Tidak hadir" in message.text
    assert "Keputusan #1: Pendataan aset selesai 15 Desember" in message.text
    assert "Tugas #1 · DISHUB · Kirim data ruas jalan rusak" in message.text
    buttons = [row[0]["callback_data"] for row in message.reply_markup["inline_keyboard"]]
    assert buttons == ["mtg:c:1", "mtg:c:2"]


async def test_undiscussed_items_carry_over_to_the_next_meeting(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    await group.say(GROUP, BUDI, "/agenda Sinkronisasi data aset")
    group.clock.set(datetime(2026, 11, 26, 11, 30, tzinfo=JAKARTA))
    _, message = await group.say(GROUP, ADMIN, "/notulen 1")
    # a plain member's press changes nothing
    answer = await group.press(GROUP, BUDI, message.message_id, "mtg:c:2")
    assert answer[2]
    assert "koordinator" in answer[1]
    # no meeting scheduled yet: the item waits for the next one created
    answer = await group.press(GROUP, ADMIN, message.message_id, "mtg:c:2")
    assert "Agenda #2 menjadi Agenda #3" in answer[1]
    assert not answer[2]
    stored = group.fake.find_message(GROUP, message.message_id)
    assert "dilanjutkan di rapat berikutnya" in stored.text
    assert [row[0]["callback_data"] for row in stored.reply_markup["inline_keyboard"]] == [
        "mtg:c:1"
    ]
    answer = await group.press(GROUP, ADMIN, message.message_id, "mtg:c:2")
    assert answer[2]  # already carried: nothing happens twice
    text = await group.reply_text(GROUP, BUDI, "/agenda")
    assert "menunggu rapat berikutnya" in text
    assert "lanjutan dari Rapat #1" in text

    await group.say(GROUP, ADMIN, "/rapat Rakor Lanjutan | Senin depan jam 9 | Aula")
    text = await group.reply_text(GROUP, BUDI, "/agenda")
    assert "Agenda Rapat #2" in text
    assert "1. Sinkronisasi data aset — Budi Santoso (Agenda #3, lanjutan dari Rapat #1)" in text
    items = await agenda.for_meeting(group.db, 1)
    assert [(item.number, item.status, item.carried_to_meeting) for item in items] == [
        (1, "open", None),
        (2, "carried", 2),
    ]
    # with a meeting ahead, the item goes straight to it
    answer = await group.press(GROUP, ADMIN, message.message_id, "mtg:c:1")
    assert "di Rapat #2" in answer[1]


async def test_forged_carry_presses_are_refused(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    [reply] = await group.say(GROUP, BUDI, "/agenda")
    for data in ("mtg:c:99", "mtg:c:x", "mtg:c:1:1", "mtg:c:1"):  # the last: not started yet
        answer = await group.press(GROUP, ADMIN, reply.message_id, data)
        assert answer[2]
    assert [item.status for item in await agenda.for_meeting(group.db, 1)] == ["open"]


async def test_bad_minutes_requests(group: Harness) -> None:
    assert "Contoh" in await group.reply_text(GROUP, ADMIN, "/notulen")
    assert "tidak ada" in await group.reply_text(GROUP, ADMIN, "/notulen 4")
    await group.say(GROUP, ADMIN, NEW)
    assert "belum berlangsung" in await group.reply_text(GROUP, ADMIN, "/notulen 1")
    assert "koordinator" in await group.reply_text(GROUP, BUDI, "/notulen 1")


async def test_withdrawn_records_are_left_out_of_the_minutes(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ADMIN, "/agenda Progres perbaikan jalan")
    await group.say(GROUP, ADMIN, "/agenda Agenda yang keliru")
    group.clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    await group.say(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    await group.say(GROUP, ADMIN, "/putuskan Keputusan yang keliru")
    await group.say(GROUP, ADMIN, "/tugas DISHUB | Tugas yang keliru | Jumat depan")
    for command in ("/hapus agenda 2", "/hapus keputusan 2", "/hapus tugas 1"):
        await group.confirm(GROUP, ADMIN, command)
    document, message = await group.say(GROUP, ADMIN, "/notulen 1")
    text = "\n".join(read_docx(document.document)[0]) + "\n" + message.text
    assert "Progres perbaikan jalan" in text
    assert "Pendataan aset selesai 15 Desember" in text
    assert "keliru" not in text
