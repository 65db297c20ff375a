"""A meeting in the room: /rapat mulai · selesai · notulis, /rapat N, /hadir and the daftar hadir
button; decisions linked to a meeting; a cancelled meeting's agenda moving on."""

from datetime import datetime

import pytest

from bot.fakeapi import StoredMessage
from handlers.meeting_room import throttle_of
from storage import decisions, meetings, people
from tests.helpers import ADMIN, ANI, BUDI, GROUP, JAKARTA, SITI, Harness, until

NEW = "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2"
NEXT = "/rapat Evaluasi PAD | Kamis (10/12) pukul 13.00 | Aula"


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=JAKARTA)


async def test_rapat_mulai_opens_early_and_the_opener_chairs(staffed: Harness) -> None:
    throttle_of(staffed.app).interval = 0
    card, _ = await staffed.say(GROUP, ADMIN, NEW)
    await people.set_role(staffed.db, GROUP, SITI, "koordinator", 0)
    assert "belum hari ini" in await staffed.reply_text(GROUP, SITI, "/rapat mulai 1")

    staffed.clock.set(at(26, 7, 30))  # the reminder an hour before (08.00) is still due
    before = len(staffed.fake.sent)
    await staffed.say(GROUP, SITI, "/rapat mulai #1")

    def sent(words: str) -> list[StoredMessage]:
        return [m for m in staffed.fake.sent[before:] if words in (m.text or "")]

    await until(lambda: sent("Daftar hadir Rapat #1"), what="the daftar hadir")
    [opened] = sent("dimulai")
    assert "Rapat #1 dimulai: Rakor Pokja Aset\nPimpinan rapat: Siti Rahma" in opened.text
    [daftar] = sent("Daftar hadir Rapat #1")
    assert "Daftar hadir Rapat #1" in daftar.text
    # the koordinator who opens it is in the room: their unit is present
    assert "• BAPPERIDA — Siti Rahma (07.30)" in daftar.text
    assert "Pimpinan rapat: Siti Rahma" in staffed.fake.find_message(GROUP, card.message_id).text
    # neither the reminder nor the start time posts anything more; opening twice points at
    # the list
    assert await staffed.fire(at(26, 9)) == []
    [again] = await staffed.say(GROUP, ADMIN, "/rapat mulai 1")
    assert "sudah dibuka" in again.text
    assert again.reply_to == daftar.message_id
    assert "sudah dibuka" in await staffed.reply_text(GROUP, ADMIN, "/rapat ubah 1 | 13.00")
    meeting = await meetings.by_number(staffed.db, GROUP, 1)
    assert (meeting.opened_at, meeting.chair_name) == (int(at(26, 7, 30).timestamp()), "Siti Rahma")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/rapat mulai", "Contoh: <code>/rapat mulai 3</code>"),
        ("/rapat mulai satu", "Contoh: <code>/rapat mulai 3</code>"),
        ("/rapat selesai", "Contoh: <code>/rapat selesai 3</code>"),
        ("/rapat selesai 1", "belum dimulai"),
        ("/rapat notulis 1", "Contoh: <code>/rapat notulis 3 @budi_dishub</code>"),
        ("/rapat notulis 1 @orang_asing", "belum dikenal"),
        ("/rapat mulai 7", "tidak ada"),
        ("/hadir", "Contoh: <code>/hadir 3 DISHUB BAPPERIDA</code>"),
        ("/hadir 1", "Contoh: <code>/hadir 3 DISHUB BAPPERIDA</code>"),
        ("/hadir DISHUB", "Contoh: <code>/hadir 3 DISHUB BAPPERIDA</code>"),
        ("/hadir 1 DISHUB", "belum dimulai"),
    ],
)
async def test_bad_room_commands_answer_with_an_example(
    group: Harness, text: str, expected: str
) -> None:
    await group.say(GROUP, ADMIN, NEW)
    [reply] = await group.say(GROUP, ADMIN, text)
    assert expected in (reply.html or reply.text)


async def test_room_commands_are_for_koordinator(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, NEW)
    staffed.clock.set(at(26, 8, 45))
    for text in ("/rapat mulai 1", "/hadir 1 DISHUB", "/rapat notulis 1 @budi_dishub"):
        assert "koordinator" in await staffed.reply_text(GROUP, BUDI, text)
    meeting = await meetings.by_number(staffed.db, GROUP, 1)
    assert (meeting.opened_at, meeting.notetaker_name) == (None, None)


async def test_hadir_reports_each_code(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, NEW)
    await staffed.fire(at(26, 9))
    reply = await staffed.reply_text(GROUP, ADMIN, "/hadir 1 dishub, KEC-KOTA XYZ")
    assert "Rapat #1: DISHUB, KEC-KOTA dicatat hadir" in reply
    assert "Kode instansi tidak dikenal: XYZ. Kode yang ada: BAPPERIDA, DISHUB, KEC-KOTA" in reply
    reply = await staffed.reply_text(GROUP, ADMIN, "/hadir 1 DISHUB -BAPPERIDA")
    assert "Sudah tercatat hadir sebelumnya: DISHUB" in reply
    assert "Tidak ada di daftar hadir Rapat #1: BAPPERIDA" in reply


async def test_the_attendance_button_refuses_who_may_not_press(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, NEW)
    [daftar] = await staffed.fire(at(26, 9))
    [[button]] = daftar.reply_markup["inline_keyboard"]
    data = button["callback_data"]
    await staffed.say(GROUP, ANI, "halo")
    _, toast, alert = await staffed.press(GROUP, ANI, daftar.message_id, data)
    assert alert and "/gabung" in toast  # a member without a unit
    await people.set_role(staffed.db, GROUP, ANI, "pengamat", 0)
    _, toast, alert = await staffed.press(GROUP, ANI, daftar.message_id, data)
    assert alert and "Pengamat" in toast
    for forged in ("mtg:a:999", "mtg:a:x", data + "0"):
        _, _, alert = await staffed.press(GROUP, BUDI, daftar.message_id, forged)
        assert alert
    [other] = await staffed.say(GROUP, BUDI, "/rapat")
    _, _, alert = await staffed.press(GROUP, BUDI, other.message_id, data)  # not on the list
    assert alert
    async with staffed.db.reading() as conn:
        cursor = await conn.execute("SELECT count(*) FROM meeting_presence")
        assert (await cursor.fetchone())[0] == 0


async def test_rapat_n_shows_one_meeting_in_full(staffed: Harness) -> None:
    card, _ = await staffed.say(GROUP, ADMIN, NEW)
    await staffed.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    await staffed.say(GROUP, SITI, "/agenda Sinkronisasi data aset")
    text = await staffed.reply_text(GROUP, BUDI, "/rapat 1")
    assert "Rapat #1: Rakor Pokja Aset" in text
    assert "Kamis, 26 November 2026 pukul 09.00 WIB" in text
    assert "Ruang Rapat Lt. 2" in text
    assert "DISHUB — Hadir: Budi Santoso" in text
    assert "Daftar hadir dibuka saat rapat dimulai" in text
    assert "1. Sinkronisasi data aset — BAPPERIDA" in text

    await staffed.fire(at(26, 9))
    await staffed.say(GROUP, ADMIN, "/hadir 1 DISHUB")
    staffed.clock.set(at(26, 9, 20))
    await staffed.say(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    text = await staffed.reply_text(GROUP, ANI, "/rapat #1")
    assert "Sedang berlangsung sejak 09.00 WIB" in text
    assert "Hadir: 1 dari 3 instansi" in text
    assert "• DISHUB — dicatat oleh Asisten Pemerintahan (09.00)" in text
    assert "Keputusan #1: Pendataan aset selesai 15 Desember" in text
    assert "tidak ada" in await staffed.reply_text(GROUP, ANI, "/rapat 9")


async def test_a_decision_links_to_the_meeting_it_was_made_for(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, NEW)
    await staffed.say(GROUP, ADMIN, NEXT)
    reply = await staffed.reply_text(GROUP, ADMIN, "/putuskan #2 Target PAD naik")
    assert "Rapat #2 belum berlangsung" in reply
    assert "tidak ada" in await staffed.reply_text(GROUP, ADMIN, "/putuskan #9 Target PAD")
    assert "Contoh" in await staffed.reply_text(GROUP, ADMIN, "/putuskan #1")

    staffed.clock.set(at(26, 8, 59, 45))  # 15 seconds before the start
    reply = await staffed.reply_text(GROUP, ADMIN, "/putuskan Dinsos menyiapkan dapur umum.")
    assert (
        "Keputusan #1 dicatat untuk Rapat #1 (Rakor Pokja Aset), yang dimulai pukul 09.00" in reply
    )
    await staffed.fire(at(26, 9, 5))
    staffed.clock.set(at(26, 10, 12))
    await staffed.say(GROUP, ADMIN, "/rapat selesai 1")
    staffed.clock.set(at(26, 15))
    reply = await staffed.reply_text(GROUP, ADMIN, "/putuskan Rekap aset dikirim Jumat")
    assert "untuk Rapat #1 (Rakor Pokja Aset), yang selesai hari ini pukul 10.12 WIB" in reply
    staffed.clock.set(at(27, 9))
    reply = await staffed.reply_text(GROUP, ADMIN, "/putuskan Rapat lanjutan bulan depan")
    assert "(tidak terkait rapat)" in reply
    assert "/putuskan #3 teks" in reply  # how to name the meeting
    reply = await staffed.reply_text(GROUP, ADMIN, "/putuskan #1 Rapat lanjutan bulan depan")
    assert "Keputusan #4 dicatat untuk Rapat #1 (Rakor Pokja Aset):" in reply
    recorded = sorted(await decisions.recent(staffed.db, GROUP), key=lambda d: d.number)
    assert [decision.meeting_id for decision in recorded] == [1, 1, None, 1]


async def test_a_cancelled_meetings_agenda_waits_for_the_next_one(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, NEW)
    await staffed.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    await staffed.say(GROUP, SITI, "/agenda Sinkronisasi data aset")
    reply = (await staffed.say(GROUP, ADMIN, "/rapat batal 1"))[0].text
    assert "Rapat #1 dibatalkan" in reply
    assert "Agenda #1, #2 menunggu rapat berikutnya" in reply
    assert "menunggu rapat berikutnya" in await staffed.reply_text(GROUP, BUDI, "/agenda")
    await staffed.say(GROUP, ADMIN, NEXT)
    text = await staffed.reply_text(GROUP, BUDI, "/agenda")
    assert "Agenda Rapat #2" in text
    assert "Progres perbaikan jalan" in text
    assert "Sinkronisasi data aset" in text


async def test_a_cancelled_meetings_agenda_moves_to_the_next_one(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, NEW)
    await staffed.say(GROUP, ADMIN, NEXT)
    await staffed.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    await staffed.say(GROUP, SITI, "/agenda #2 Evaluasi PAD triwulan III")
    reply = (await staffed.say(GROUP, ADMIN, "/rapat batal 1"))[0].text
    assert "Agenda #1 dipindahkan ke Rapat #2 (Kamis, 10 Desember 2026 pukul 13.00" in reply
    text = await staffed.reply_text(GROUP, BUDI, "/agenda")
    assert "Agenda Rapat #2" in text
    assert "Progres perbaikan jalan" in text
    assert "Evaluasi PAD triwulan III" in text


async def test_the_room_in_english(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, "/language en")
    await staffed.say(GROUP, ADMIN, "/meeting Asset WG | Thursday (26/11) 09:00 | Room 2F")
    [reply] = await staffed.say(GROUP, ADMIN, "/meeting start")
    assert "For example: <code>/meeting start 3</code>" in reply.html
    [reply] = await staffed.say(GROUP, ADMIN, "/present 1")
    assert "<code>/present 3 DISHUB BAPPERIDA</code>" in reply.html
    [daftar] = await staffed.fire(at(26, 9))
    assert "Attendance list of meeting #1: Asset WG" in daftar.text
    assert daftar.reply_markup["inline_keyboard"][0][0]["text"] == "✋ Present in the room"
    assert "DISHUB recorded present" in await staffed.reply_text(GROUP, ADMIN, "/present 1 DISHUB")
    staffed.clock.set(at(26, 10, 5))
    assert "Meeting #1 closed at 10" in await staffed.reply_text(GROUP, ADMIN, "/meeting end 1")
    _, message = await staffed.say(GROUP, ADMIN, "/minutes 1")
    assert "• DISHUB: Present — recorded by Asisten Pemerintahan" in message.text
    assert "• KEC-KOTA: No word" in message.text
