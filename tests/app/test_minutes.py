"""/notulen: the .docx parsed back, the message, and carrying undiscussed items over."""

import io
from datetime import datetime

import docx
import pytest

from handlers.meeting_room import throttle_of
from storage import agenda, units
from tests.helpers import ADMIN, ANI, BUDI, GROUP, JAKARTA, SITI, Harness

NEW = "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2"


@pytest.fixture
def bot(unlimited: Harness) -> Harness:
    """A whole meeting posts more than a group's 20 messages a minute."""
    return unlimited


def read_docx(document: tuple[str, bytes]) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs and the tables (rows of cell texts) of a sent .docx."""
    name, data = document
    assert name.endswith(".docx")
    parsed = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in parsed.paragraphs if p.text.strip()]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in parsed.tables]
    return paragraphs, tables


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=JAKARTA)


async def test_a_whole_meeting_and_its_minutes(group: Harness) -> None:
    """Invitation, answers, the daftar hadir (button and /hadir), decisions with and without
    #N, /rapat selesai, and minutes (.docx and message) that say what happened in the room."""
    throttle_of(group.app).interval = 0
    await units.add_many(
        group.db, GROUP, [("DLH", "Dinas Lingkungan Hidup"), ("SATPOL", "Satpol PP")], 0
    )
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.say(GROUP, SITI, "/gabung BAPPERIDA")
    await group.say(GROUP, ANI, "/gabung KEC-KOTA")
    card, _ = await group.say(GROUP, ADMIN, NEW)
    await group.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    await group.press(GROUP, SITI, card.message_id, "mtg:r:1:w")
    await group.press(GROUP, ANI, card.message_id, "mtg:r:1:t")
    await group.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    await group.say(GROUP, SITI, "/agenda Sinkronisasi data aset")
    assert "Notulis Rapat #1: Siti Rahma" in await group.reply_text(
        GROUP, ADMIN, "/rapat notulis 1 @siti_bapperida"
    )

    # the daftar hadir is posted at the start time; an RSVP is not attendance
    [daftar] = [m for m in await group.fire(at(26, 9)) if "Daftar hadir" in (m.text or "")]
    assert "Daftar hadir Rapat #1: Rakor Pokja Aset" in daftar.text
    assert "Hadir: 0 dari 5 instansi" in daftar.text
    [[button]] = daftar.reply_markup["inline_keyboard"]
    assert button["text"] == "✋ Hadir di rapat"
    group.clock.set(at(26, 9, 2))
    _, toast, alert = await group.press(GROUP, BUDI, daftar.message_id, button["callback_data"])
    assert (toast, alert) == ("Tercatat hadir: DISHUB, pukul 09.02. Terima kasih.", False)
    _, toast, _ = await group.press(GROUP, BUDI, daftar.message_id, button["callback_data"])
    assert "sudah tercatat hadir" in toast
    await group.press(GROUP, SITI, daftar.message_id, button["callback_data"])
    group.clock.set(at(26, 9, 10))
    reply = await group.reply_text(GROUP, ADMIN, "/hadir 1 DLH SATPOL")
    assert "DLH, SATPOL dicatat hadir" in reply
    reply = await group.reply_text(GROUP, ADMIN, "/hadir 1 -SATPOL")
    assert "Dihapus dari daftar hadir Rapat #1: SATPOL" in reply
    shown = group.fake.find_message(GROUP, daftar.message_id)
    assert "Hadir: 3 dari 5 instansi" in shown.text
    assert "• BAPPERIDA (diwakilkan) — Siti Rahma (09.02)" in shown.text
    assert "• DISHUB — Budi Santoso (09.02)" in shown.text
    assert "• DLH — dicatat oleh Asisten Pemerintahan (09.10)" in shown.text
    assert "Belum tercatat hadir: KEC-KOTA, SATPOL" in shown.text

    # a decision of meeting #1 named, and one linked to the meeting under way
    group.clock.set(at(26, 9, 30))
    reply = await group.reply_text(GROUP, ADMIN, "/putuskan #1 Dinsos menyiapkan dapur umum.")
    assert "Keputusan #1 dicatat untuk Rapat #1 (Rakor Pokja Aset):\nDinsos menyiapkan" in reply
    reply = await group.reply_text(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    assert "Keputusan #2 dicatat untuk Rapat #1 (Rakor Pokja Aset), yang sedang" in reply
    await group.say(GROUP, ADMIN, "/tugas DISHUB | Kirim data ruas jalan rusak | Jumat depan")

    # minutes of a meeting still open say so, instead of a closing time
    group.clock.set(at(26, 10, 15))
    _, message = await group.say(GROUP, ADMIN, "/notulen 1")
    assert "Waktu: 09.00 WIB – sedang berlangsung" in message.text
    assert "Rapat sedang berlangsung; notulen ini dibuat pukul 10.15 WIB" in message.text
    assert "ditutup" not in message.text

    group.clock.set(at(26, 10, 47))
    reply = await group.reply_text(GROUP, ADMIN, "/rapat selesai 1")
    assert "Rapat #1 ditutup pukul 10.47 WIB: Rakor Pokja Aset" in reply
    assert "Hadir 3 dari 5 instansi" in reply
    assert "Selesai pukul 10.47 WIB" in group.fake.find_message(GROUP, card.message_id).text
    closed = group.fake.find_message(GROUP, daftar.message_id)
    assert "Daftar hadir ditutup pukul 10.47 WIB" in closed.text
    assert not closed.reply_markup
    _, toast, alert = await group.press(GROUP, ANI, daftar.message_id, button["callback_data"])
    assert alert and "sudah ditutup" in toast

    group.clock.set(at(26, 11, 30))
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
        "Waktu": "09.00 – 10.47 WIB",
        "Tempat": "Ruang Rapat Lt. 2",
        "Pimpinan Rapat": "Asisten Pemerintahan",
        "Notulis": "Siti Rahma",
    }
    header, *rows = tables[1]
    assert header == ["No.", "Instansi", "Kehadiran", "Nama"]
    assert rows == [
        ["1", "BAPPERIDA — Bapperida", "Diwakilkan", "Siti Rahma"],
        ["2", "DISHUB — Dinas Perhubungan", "Hadir", "Budi Santoso"],
        ["3", "DLH — Dinas Lingkungan Hidup", "Hadir", "dicatat oleh Asisten Pemerintahan"],
        ["4", "KEC-KOTA — Kecamatan Kota", "Tidak hadir (konfirmasi)", ""],
        ["5", "SATPOL — Satpol PP", "Tidak ada keterangan", ""],
    ]
    tally = "Hadir 2 · Diwakilkan 1 · Tidak hadir (konfirmasi) 1 · Tidak ada keterangan 1"
    assert f"Jumlah instansi: {tally}" in paragraphs
    sections = ["I. DAFTAR HADIR", "II. AGENDA", "III. KEPUTUSAN", "IV. TINDAK LANJUT"]
    positions = [paragraphs.index(title) for title in [*sections, "V. PENUTUP"]]
    assert positions == sorted(positions)
    assert "1.\tProgres perbaikan jalan (DISHUB)" in paragraphs
    assert "2.\tSinkronisasi data aset (BAPPERIDA)" in paragraphs
    assert "1.\tKeputusan #1: Dinsos menyiapkan dapur umum." in paragraphs
    assert "2.\tKeputusan #2: Pendataan aset selesai 15 Desember" in paragraphs
    assert "Tugas #1 (DISHUB): Kirim data ruas jalan rusak" in text
    assert "Rapat ditutup pukul 10.47 WIB" in text
    notetaker, chair = tables[2][0]
    assert "Notulis," in notetaker and "Siti Rahma" in notetaker
    assert "Pimpinan Rapat," in chair and "Asisten Pemerintahan" in chair

    assert "NOTULEN RAPAT #1" in message.text
    assert "Hari/tanggal: Kamis, 26 November 2026" in message.text
    assert "Waktu: 09.00 – 10.47 WIB" in message.text
    assert "Pimpinan rapat: Asisten Pemerintahan\nNotulis: Siti Rahma" in message.text
    assert "• BAPPERIDA: Diwakilkan — Siti Rahma" in message.text
    assert "• DISHUB: Hadir — Budi Santoso" in message.text
    assert "• DLH: Hadir — dicatat oleh Asisten Pemerintahan" in message.text
    assert "• KEC-KOTA: Tidak hadir (konfirmasi)\n" in message.text
    assert "• SATPOL: Tidak ada keterangan\n" in message.text
    assert f"Jumlah instansi: {tally}" in message.text
    assert "Keputusan #1: Dinsos menyiapkan dapur umum." in message.text
    assert "Tugas #1 · DISHUB · Kirim data ruas jalan rusak" in message.text
    assert "Rapat ditutup pukul 10.47 WIB." in message.text
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
    assert group.fake.sent[-1].text == (
        "↪ Agenda #2 (Sinkronisasi data aset) dibawa ke rapat berikutnya sebagai Agenda #3;"
        " belum ada rapat terjadwal, agenda ini ikut rapat yang dibuat berikutnya."
    )
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
    assert group.fake.sent[-1].text == (
        "↪ Agenda #1 (Progres perbaikan jalan) dibawa ke Rapat #2, Senin, 30 November 2026"
        " sebagai Agenda #4."
    )


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
    await group.fire(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))  # the attendance list
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
