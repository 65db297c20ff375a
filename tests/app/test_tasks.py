"""Tasks through the fake server: assigning, listing, progress, blockers, closing, evidence."""

from datetime import datetime

import pytest

from bot.services import search
from storage import meetings, tasks
from tests.helpers import ADMIN, ANI, BUDI, GROUP, JAKARTA, OTHER_GROUP, SITI, Harness

ASSIGN = "/tugas DISHUB | Perbaiki lampu lalu lintas Jl. Sudirman | Jumat 27/11 | aset"


async def count_tasks(bot: Harness) -> int:
    async with bot.db.reading() as conn:
        cursor = await conn.execute("SELECT count(*) FROM tasks")
        (count,) = await cursor.fetchone()
    return count


async def test_assigning_a_task_names_it_mentions_the_unit_and_keeps_the_post(
    staffed: Harness,
) -> None:
    [post] = await staffed.say(GROUP, ADMIN, ASSIGN)
    assert "Tugas #1" in post.text
    assert "DISHUB" in post.text
    assert "Perbaiki lampu lalu lintas Jl. Sudirman" in post.text
    assert "Jumat, 27 November 2026 pukul 23.59 WIB" in post.text
    assert "Aset (ASET)" in post.text
    assert f'href="tg://user?id={BUDI}"' in post.html
    assert f"tg://user?id={SITI}" not in post.html
    task = await tasks.by_number(staffed.db, GROUP, 1)
    assert task is not None
    assert task.status == "baru"
    assert task.pokja == "ASET"
    assert task.message_id == post.message_id
    assert task.meeting_id is None
    [created] = await tasks.history(staffed.db, task.id)
    assert created.kind == "created"
    assert created.user_id == ADMIN


async def test_pokja_by_name_and_a_due_time_and_a_unit_without_members(group: Harness) -> None:
    text = "/task kec-kota | Data warga terdampak banjir | besok jam 15.00 | Bantuan Sosial"
    [post] = await group.say(GROUP, ADMIN, text)
    assert "Tugas #1" in post.text
    assert "KEC-KOTA" in post.text
    assert "Kamis, 26 November 2026 pukul 15.00 WIB" in post.text
    assert "Bantuan Sosial (BANSOS)" in post.text
    assert "/gabung KEC-KOTA" in post.text


@pytest.mark.parametrize(
    ("pokja", "expected"),
    [
        ("Pokja Aset", "Aset (ASET)"),
        ("pokja  bansos", "Bantuan Sosial (BANSOS)"),
        ("POKJA Pengadaan Barang dan Jasa", "Pengadaan Barang dan Jasa (PBJ)"),
    ],
)
async def test_pokja_may_be_written_with_the_word_pokja(
    group: Harness, pokja: str, expected: str
) -> None:
    [post] = await group.say(
        GROUP, ADMIN, f"/tugas DISHUB | Perbaiki lampu | Jumat 27/11 | {pokja}"
    )
    assert "Tugas #1" in post.text
    assert expected in post.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "/tugas DISPAR | Promosi wisata | Jumat 27/11",
            "Kode yang ada: BAPPERIDA, DISHUB, KEC-KOTA",
        ),
        ("/tugas DISHUB | Perbaiki lampu", "Contoh:"),
        ("/tugas DISHUB |  | Jumat 27/11", "Ada bagian yang kosong"),
        ("/tugas DISHUB | Perbaiki lampu | Senin 23/11", "sudah lewat"),
        ("/tugas DISHUB | Perbaiki lampu | kemarin", "sudah lewat"),
        ("/tugas DISHUB | Perbaiki lampu | tiap Senin jam 9", "bukan berulang"),
        ("/tugas DISHUB | Perbaiki lampu | Jumat 27/11 sore-sore", "Contoh"),
        ("/tugas DISHUB | Perbaiki lampu | Jumat 27/11 | PARIWISATA", "INVESTASI"),
        ("/tugas DISHUB | Perbaiki lampu | Jumat 27/11 | Pokja", "INVESTASI"),
        ("/tugas DISHUB | Perbaiki lampu | lusa jam 3", "Contoh tenggat"),
        ("/tugas perbaiki lampu", "dipisah"),
    ],
)
async def test_bad_assignments_are_explained_and_store_nothing(
    group: Harness, text: str, expected: str
) -> None:
    reply = await group.reply_text(GROUP, ADMIN, text)
    assert expected in reply
    assert "Contoh" in reply or "Kode yang ada" in reply
    assert await count_tasks(group) == 0


async def test_only_a_coordinator_assigns(staffed: Harness) -> None:
    reply = await staffed.reply_text(GROUP, BUDI, ASSIGN)
    assert "koordinator" in reply
    assert "Tugas #" not in reply
    assert await count_tasks(staffed) == 0


async def test_list_groups_open_tasks_by_unit_with_due_dates_and_status(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, ASSIGN)
    await staffed.say(GROUP, ADMIN, "/tugas BAPPERIDA | Susun RKPD 2027 | 5/12")
    await staffed.say(GROUP, ADMIN, "/tugas DISHUB | Uji KIR angkot | 4/12 jam 10.00")
    await staffed.say(GROUP, BUDI, "/progres 3 Jadwal uji disusun")
    text = await staffed.reply_text(GROUP, ANI, "/tugas")
    assert "Tugas terbuka (3)" in text
    assert text.index("BAPPERIDA") < text.index("#2") < text.index("DISHUB") < text.index("#1")
    assert text.index("#1") < text.index("#3")  # by due date within the unit
    assert "Sabtu, 5 Desember 2026 pukul 23.59 WIB" in text
    assert "baru" in text
    assert "proses" in text


async def test_progress_blocker_and_closing_keep_the_history(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, ASSIGN)
    reply = await staffed.reply_text(GROUP, BUDI, "/progres #1 Survei titik lampu selesai")
    assert "Tugas #1" in reply
    assert "proses" in reply
    reply = await staffed.reply_text(GROUP, BUDI, "/progres 1 terkendala: suku cadang belum tiba")
    assert "terkendala" in reply
    assert "suku cadang belum tiba" in reply
    task = await tasks.by_number(staffed.db, GROUP, 1)
    assert task.status == "terkendala"
    reply = await staffed.reply_text(GROUP, BUDI, "/selesai 1")
    assert "Tugas #1" in reply
    assert "selesai" in reply
    assert "Tepat waktu" in reply
    task = await tasks.by_number(staffed.db, GROUP, 1)
    assert task.status == "selesai"
    assert task.closed_by == BUDI
    assert task.next_followup_at is None
    assert "Tugas terbuka" not in await staffed.reply_text(GROUP, BUDI, "/tugas")
    detail = await staffed.reply_text(GROUP, ANI, "/tugas 1")
    assert "Status: selesai" in detail
    for line in (
        "Asisten Pemerintahan: tugas dibuat",
        "Budi Santoso: Survei titik lampu selesai",
        "Budi Santoso: terkendala: suku cadang belum tiba",
        "Budi Santoso: ditutup (selesai)",
    ):
        assert line in detail
    assert detail.count("Rabu, 25 November 2026 pukul 10.00 WIB") == 4
    assert [e.status for e in await tasks.history(staffed.db, task.id)] == [
        "baru",
        "proses",
        "terkendala",
        "selesai",
    ]
    assert "sudah selesai" in await staffed.reply_text(GROUP, BUDI, "/progres 1 Lagi")
    assert "sudah selesai" in await staffed.reply_text(GROUP, ADMIN, "/selesai 1")


async def test_another_units_member_cannot_change_a_task_but_a_coordinator_can(
    staffed: Harness,
) -> None:
    await staffed.say(GROUP, ADMIN, ASSIGN)
    reply = await staffed.reply_text(GROUP, SITI, "/selesai 1")
    assert "milik DISHUB" in reply
    assert "/gabung DISHUB" in reply
    assert "milik DISHUB" in await staffed.reply_text(GROUP, SITI, "/progres 1 Sudah dicek")
    assert (await tasks.by_number(staffed.db, GROUP, 1)).status == "baru"
    assert "anggota" in await staffed.reply_text(GROUP, ANI, "/selesai 1")  # in no unit
    assert "ditutup oleh Asisten" in await staffed.reply_text(GROUP, ADMIN, "/done 1")


async def test_task_numbers_are_per_group_and_bad_numbers_are_explained(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, ASSIGN)
    await staffed.say(OTHER_GROUP, ADMIN, "/mulai")
    assert "tidak ada di grup ini" in await staffed.reply_text(OTHER_GROUP, ADMIN, "/tugas 1")
    assert "tidak ada di grup ini" in await staffed.reply_text(OTHER_GROUP, ADMIN, "/selesai #1")
    assert "tidak ada di grup ini" in await staffed.reply_text(GROUP, BUDI, "/progres 9 Cek")
    assert "Contoh: " in await staffed.reply_text(GROUP, BUDI, "/selesai satu")
    assert "Contoh:" in await staffed.reply_text(GROUP, BUDI, "/progres 1")
    assert "Contoh:" in await staffed.reply_text(GROUP, BUDI, "/progres 1 terkendala:")
    assert (await tasks.by_number(staffed.db, GROUP, 1)).status == "baru"


async def test_a_document_or_photo_replying_to_the_post_is_evidence(staffed: Harness) -> None:
    [post] = await staffed.say(GROUP, ADMIN, ASSIGN)
    [ack] = await staffed.say(
        GROUP, BUDI, "Berita acara", reply_to=post.message_id, document=("ba<&>.pdf", b"%PDF")
    )
    assert "Bukti untuk Tugas #1" in ack.text
    assert "ba<&>.pdf" in ack.text
    [ack] = await staffed.say(GROUP, ADMIN, "", reply_to=post.message_id, photo=b"\x89PNG fake")
    assert "foto" in ack.text
    [refused] = await staffed.say(
        GROUP, SITI, "", reply_to=post.message_id, document=("x.pdf", b"x")
    )
    assert "hanya dapat dilampirkan oleh anggota DISHUB" in refused.text
    assert await staffed.say(GROUP, BUDI, "", reply_to=ack.message_id, photo=b"other") == []
    task = await tasks.by_number(staffed.db, GROUP, 1)
    files = [e for e in await tasks.history(staffed.db, task.id) if e.kind == "evidence"]
    assert [(e.file_kind, e.file_name, e.user_id) for e in files] == [
        ("document", "ba<&>.pdf", BUDI),
        ("photo", None, ADMIN),
    ]
    assert all(e.file_id for e in files)
    assert task.status == "baru"
    detail = await staffed.reply_text(GROUP, BUDI, "/tugas 1")
    assert "bukti dokumen ba<&>.pdf" in detail
    assert "bukti foto" in detail


async def test_tasks_and_progress_notes_are_searchable(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, ASSIGN)
    await staffed.say(GROUP, BUDI, "/progres 1 Kabel trafo diganti")
    page = await search.search(staffed.db, group_ids=[GROUP], query="lampu")
    assert [(h.kind, h.number, h.unit_code) for h in page.hits] == [("task", 1, "DISHUB")]
    page = await search.search(staffed.db, group_ids=[GROUP], query="trafo")
    assert [(h.kind, h.number) for h in page.hits] == [("task_note", 1)]
    counts = await search.reindex(staffed.db)
    assert counts["task"] == 1
    assert counts["task_note"] == 1


async def test_english_group_gets_english_texts(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, "/bahasa en")
    reply = await staffed.reply_text(
        GROUP, ADMIN, "/task DISHUB | Fix the traffic lights | Friday 27/11"
    )
    assert "Task #1" in reply
    assert "Friday, 27 November 2026 at 23:59 WIB" in reply
    assert "in progress" in await staffed.reply_text(GROUP, BUDI, "/progress 1 Survey done")


async def test_unknown_unit_in_a_group_without_units_says_how_to_add_one(bot: Harness) -> None:
    await bot.say(GROUP, ADMIN, "/mulai")
    reply = await bot.reply_text(GROUP, ADMIN, "/tugas <b>X | Perbaiki lampu | besok")
    assert "<B>X" in reply
    assert "/instansi tambah" in reply
    assert "<code>" not in reply
    assert await count_tasks(bot) == 0


async def test_a_task_assigned_during_a_meeting_belongs_to_it(staffed: Harness) -> None:
    await staffed.say(GROUP, ADMIN, "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Aula")
    await staffed.say(GROUP, ADMIN, ASSIGN)  # before the meeting: no link
    [attendance_list] = await staffed.fire(datetime(2026, 11, 26, 9, 30, tzinfo=JAKARTA))
    assert "Daftar hadir Rapat #1" in attendance_list.text
    [post] = await staffed.say(GROUP, ADMIN, "/tugas BAPPERIDA | Data aset | 4/12")
    assert "Tugas #2" in post.text
    assert "Dari rapat #1" in post.text
    meeting = await meetings.by_number(staffed.db, GROUP, 1)
    assert [task.number for task in await tasks.for_meeting(staffed.db, meeting.id)] == [2]
    assert "Dari rapat #1" in await staffed.reply_text(GROUP, BUDI, "/tugas 2")
    assert (await tasks.by_number(staffed.db, GROUP, 1)).meeting_id is None
