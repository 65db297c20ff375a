"""/ekspor: the .xlsx files parsed back with openpyxl against a fixture made through the bot."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

import handlers.exports
from bot.fakeapi import StoredMessage
from bot.services.exports import post_link
from handlers.meeting_room import throttle_of
from storage import tasks
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, SITI, Harness

MEETING = "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2"
LINK = "https://t.me/c/1000000001/{}"


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=JAKARTA)


def excel(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A time as the spreadsheet holds it: the wall time in WIB, without a zone (Excel has
    none)."""
    return at(day, hour, minute, month).replace(tzinfo=None)


def workbook(message: StoredMessage) -> Workbook:
    assert message.document is not None
    return load_workbook(BytesIO(message.document[1]))


def values(sheet: Any, first: int = 1) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(min_row=first, values_only=True)]


def link(message_id: int) -> str:
    url = LINK.format(message_id)
    return f'=HYPERLINK("{url}","{url}")'


async def export(bot: Harness, text: str, who: int = ADMIN) -> StoredMessage:
    [document] = await bot.say(GROUP, who, text)
    return document


@pytest.fixture
def bot(unlimited: Harness) -> Harness:
    """The fixture below posts more than a group's 20 messages a minute."""
    return unlimited


@pytest.fixture
async def records(staffed: Harness) -> dict[str, int]:
    """Made through the bot on 25–28 November 2026 (WIB): one announcement acknowledged by
    Dishub only, a meeting with answers and attendance taken in the room (Dishub and Bapperida
    pressed, Kecamatan Kota marked by the koordinator), an agenda item, two decisions, three
    tasks (one closed late, one in December). Returns the message ids of the posts."""
    bot = staffed
    [announcement] = await bot.say(GROUP, ADMIN, "/umumkan Kirim laporan triwulan III")
    bot.clock.set(at(25, 10, 30))
    data = announcement.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await bot.press(GROUP, BUDI, announcement.message_id, data)
    await bot.say(GROUP, ADMIN, "/instansi tambah DLH Dinas Lingkungan Hidup")  # joined later
    card, _ = await bot.say(GROUP, ADMIN, MEETING)
    await bot.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    await bot.press(GROUP, SITI, card.message_id, "mtg:r:1:w")
    await bot.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    throttle_of(bot.app).interval = 0
    [attendance_list] = [
        message for message in await bot.fire(at(26, 10)) if "Daftar hadir" in message.text
    ]
    data = attendance_list.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await bot.press(GROUP, BUDI, attendance_list.message_id, data)
    await bot.press(GROUP, SITI, attendance_list.message_id, data)
    await bot.say(GROUP, ADMIN, "/hadir 1 KEC-KOTA")
    decide = bot.fake.send_message(GROUP, ADMIN, "/putuskan Pendataan aset selesai 15 Desember")
    await bot.settle()
    await bot.say(GROUP, ADMIN, "/putuskan =1+1 bukan rumus")
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Kirim data ruas jalan | 4/12 | ASET")
    await bot.say(GROUP, ADMIN, "/tugas BAPPERIDA | Sinkronkan data aset | 27/11")
    bot.clock.set(at(28, 8, 15))  # Saturday, before any 09.00 follow-up
    await bot.say(GROUP, SITI, "/selesai 2")
    await bot.quiet()
    return {
        "announcement": announcement.message_id,
        "card": card.message_id,
        "decision": decide["message_id"],
        "task1": (await tasks.by_number(bot.db, GROUP, 1)).message_id,
        "task2": (await tasks.by_number(bot.db, GROUP, 2)).message_id,
    }


async def test_tasks_one_row_each_with_excel_dates_in_the_group_zone(
    staffed: Harness, records: dict[str, int]
) -> None:
    document = await export(staffed, "/ekspor tugas")
    assert document.document[0] == "tugas-sampai-2026-11-28.xlsx"
    assert "Ekspor tugas sampai Sabtu, 28 November 2026: 2 baris" in document.caption
    book = workbook(document)
    assert book.sheetnames == ["Tugas"]
    sheet = book["Tugas"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:M3"
    assert values(sheet) == [
        [
            "No.",
            "Dibuat (WIB)",
            "Tenggat (WIB)",
            "Instansi",
            "Nama instansi",
            "Pokja",
            "Status",
            "Uraian tugas",
            "Selesai (WIB)",
            "Terlambat",
            "Rapat",
            "Pemberi tugas",
            "Tautan",
        ],
        [
            1,
            excel(26, 10),
            excel(4, 23, 59, month=12),
            "DISHUB",
            "Dinas Perhubungan",
            "ASET",
            "baru",
            "Kirim data ruas jalan",
            None,
            "tidak",
            1,
            "Asisten Pemerintahan",
            link(records["task1"]),
        ],
        [
            2,
            excel(26, 10),
            excel(27, 23, 59),
            "BAPPERIDA",
            "Bapperida",
            None,
            "selesai",
            "Sinkronkan data aset",
            excel(28, 8, 15),
            "ya",
            1,
            "Asisten Pemerintahan",
            link(records["task2"]),
        ],
    ]
    assert sheet["C2"].number_format == "dd/mm/yyyy hh:mm" and sheet["C2"].is_date
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
    assert widths["C"] == 17 and widths["H"] == len("Kirim data ruas jalan") + 2
    assert widths["D"] == len("Instansi") + 3  # the header and its filter button are wider

    # One month: the tasks due in November.
    november = workbook(await export(staffed, "/ekspor tugas November 2026"))
    assert [row[0] for row in values(november["Tugas"], 2)] == [2]


async def test_decisions_with_meeting_and_link_and_text_that_looks_like_a_formula(
    staffed: Harness, records: dict[str, int]
) -> None:
    document = await export(staffed, "/ekspor keputusan November")
    assert document.document[0] == "keputusan-2026-11.xlsx"
    sheet = workbook(document)["Keputusan"]
    assert values(sheet) == [
        [
            "No.",
            "Tanggal (WIB)",
            "Rapat",
            "Judul rapat",
            "Instansi",
            "Dicatat oleh",
            "Keputusan",
            "Tautan",
        ],
        [
            1,
            excel(26, 10),
            1,
            "Rakor Pokja Aset",
            None,
            "Asisten Pemerintahan",
            "Pendataan aset selesai 15 Desember",
            link(records["decision"]),
        ],
        [
            2,
            excel(26, 10),
            1,
            "Rakor Pokja Aset",
            None,
            "Asisten Pemerintahan",
            "=1+1 bukan rumus",
            link(records["decision"] + 2),  # the second /putuskan, after the first's reply
        ],
    ]
    assert sheet["G3"].data_type == "s"  # text, not a formula


async def test_announcements_have_one_column_per_unit_with_the_acknowledgement_time(
    staffed: Harness, records: dict[str, int]
) -> None:
    sheet = workbook(await export(staffed, "/ekspor pengumuman"))["Pengumuman"]
    header, row = values(sheet)
    assert header == [
        "No.",
        "Tanggal (WIB)",
        "Oleh",
        "Instansi",
        "Pengumuman",
        "Diterima (instansi)",
        "Untuk (instansi)",
        "Tautan",
        "BAPPERIDA",
        "DISHUB",
        "DLH",
        "KEC-KOTA",
    ]
    assert row == [
        1,
        excel(25, 10),
        "Asisten Pemerintahan",
        None,
        "Kirim laporan triwulan III",
        1,
        3,
        link(records["announcement"]),
        "belum",
        excel(25, 10, 30),
        None,  # DLH was added after the announcement: it was not for DLH
        "belum",
    ]
    assert sheet["J2"].is_date and sheet.auto_filter.ref == "A1:L2"


async def test_meetings_a_list_then_one_sheet_per_meeting(
    staffed: Harness, records: dict[str, int]
) -> None:
    await staffed.say(GROUP, ADMIN, "/rapat Rapat Kedua | Senin (30/11) pukul 13.00 | Aula")
    document = await export(staffed, "/ekspor rapat")
    book = workbook(document)
    assert book.sheetnames == ["Rapat", "Rapat 1", "Rapat 2"]
    overview = values(book["Rapat"])
    assert overview[0][:3] == ["No.", "Judul", "Mulai (WIB)"]
    assert overview[1] == [
        1,
        "Rakor Pokja Aset",
        excel(26, 9),
        excel(26, 11),
        "Ruang Rapat Lt. 2",
        "Asisten Pemerintahan",
        "terjadwal",
        3,
        1,
        2,
        link(records["card"]),
    ]
    assert overview[2][:2] == [2, "Rapat Kedua"] and overview[2][7:10] == [0, 0, 0]
    first = book["Rapat 1"]
    assert first["A1"].value == (
        "Rapat #1: Rakor Pokja Aset · Kamis, 26 November 2026, 09.00–11.00 WIB · Ruang Rapat Lt. 2"
    )
    assert first.freeze_panes == "A3" and first.auto_filter.ref == "A2:G11"
    assert values(first, 2) == [
        ["Bagian", "No.", "Instansi", "Isi", "Oleh", "Waktu (WIB)", "Keterangan"],
        ["Kehadiran", None, "BAPPERIDA", "Diwakilkan", "Siti Rahma", excel(26, 10), "Bapperida"],
        ["Kehadiran", None, "DISHUB", "Hadir", "Budi Santoso", excel(26, 10), "Dinas Perhubungan"],
        [
            "Kehadiran",
            None,
            "DLH",
            "Tidak ada keterangan",
            None,
            None,
            "Dinas Lingkungan Hidup",
        ],
        [
            "Kehadiran",
            None,
            "KEC-KOTA",
            "Hadir",
            "dicatat oleh Asisten Pemerintahan",
            excel(26, 10),
            "Kecamatan Kota",
        ],
        ["Agenda", 1, "DISHUB", "Progres perbaikan jalan", "Budi Santoso", None, None],
        [
            "Keputusan",
            1,
            None,
            "Pendataan aset selesai 15 Desember",
            "Asisten Pemerintahan",
            excel(26, 10),
            None,
        ],
        [
            "Keputusan",
            2,
            None,
            "=1+1 bukan rumus",
            "Asisten Pemerintahan",
            excel(26, 10),
            None,
        ],
        [
            "Tindak lanjut",
            1,
            "DISHUB",
            "Kirim data ruas jalan",
            "Asisten Pemerintahan",
            excel(4, 23, 59, month=12),
            "baru",
        ],
        [
            "Tindak lanjut",
            2,
            "BAPPERIDA",
            "Sinkronkan data aset",
            "Asisten Pemerintahan",
            excel(27, 23, 59),
            "selesai",
        ],
    ]


async def test_an_english_group_gets_english_sheets_headers_and_file_names(
    staffed: Harness, records: dict[str, int]
) -> None:
    await staffed.say(GROUP, ADMIN, "/language en")
    document = await export(staffed, "/export tasks")
    assert document.document[0] == "tasks-to-2026-11-28.xlsx"
    sheet = workbook(document)["Tasks"]
    header, first, _ = values(sheet)
    assert header[:4] == ["No.", "Created (WIB)", "Due (WIB)", "Unit"]
    assert first[6] == "new" and first[9] == "no"
    book = workbook(await export(staffed, "/export meetings"))
    assert book.sheetnames == ["Meetings", "Meeting 1"]
    assert values(book["Meeting 1"], 3)[0][:4] == ["Attendance", None, "BAPPERIDA", "Represented"]
    assert workbook(await export(staffed, "/ekspor pengumuman")).sheetnames == ["Announcements"]


async def test_a_large_export_is_streamed_in_batches_in_order(group: Harness) -> None:
    bot = group
    count = 1234  # more than two batches
    async with bot.db.transaction() as conn:
        (unit_id,) = await (
            await conn.execute(
                "SELECT id FROM units WHERE group_id = ? AND code = 'DISHUB'", (GROUP,)
            )
        ).fetchone()
        await conn.executemany(
            "INSERT INTO tasks (group_id, number, unit_id, text, due_at, zone, creator_id,"
            " creator_name, created_at, message_id) VALUES (?, ?, ?, ?, ?, 'Asia/Jakarta', ?,"
            " 'Asisten', ?, ?)",
            [
                (GROUP, n, unit_id, f"Tugas nomor {n}", int(at(30, 16).timestamp()), ADMIN,
                 int(at(25, 9).timestamp()), 1000 + n)
                for n in range(1, count + 1)
            ],
        )  # fmt: skip
    document = await export(bot, "/ekspor tugas")
    sheet = workbook(document)["Tugas"]
    rows = values(sheet, 2)
    assert [row[0] for row in rows] == list(range(1, count + 1))
    assert rows[-1][7] == f"Tugas nomor {count}" and rows[-1][12] == link(1000 + count)
    assert sheet.auto_filter.ref == f"A1:M{count + 1}"


async def test_nothing_to_export_and_a_file_too_large_are_said_in_one_line(
    staffed: Harness, records: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    [reply] = await staffed.say(GROUP, ADMIN, "/ekspor rapat Oktober")
    assert reply.text == "Tidak ada rapat pada Oktober 2026 untuk diekspor."
    monkeypatch.setattr(handlers.exports, "MAX_UPLOAD", 1000)
    [reply] = await staffed.say(GROUP, ADMIN, "/ekspor tugas")
    assert "melebihi batas Telegram" in reply.text and "/ekspor tugas Oktober" in reply.text


async def test_a_group_without_records_has_nothing_to_export(group: Harness) -> None:
    [reply] = await group.say(GROUP, ADMIN, "/ekspor pengumuman")
    assert reply.text == "Belum ada pengumuman di grup ini untuk diekspor."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/ekspor", "Contoh: <code>/ekspor tugas</code>"),
        ("/ekspor laporan", "Contoh: <code>/ekspor tugas</code>"),
        ("/ekspor tugas Brumaire", "Bulannya tidak terbaca. Contoh: <code>/ekspor tugas Oktober"),
        ("/ekspor tugas 2027-02", "belum berjalan. Contoh"),
        ("/export", "For example: <code>/export tasks</code>"),
    ],
)
async def test_bad_arguments_get_an_example(group: Harness, text: str, expected: str) -> None:
    if text.startswith("/export"):
        await group.say(GROUP, ADMIN, "/language en")
    [reply] = await group.say(GROUP, ADMIN, text)
    assert expected in reply.html


async def test_only_a_koordinator_exports(staffed: Harness) -> None:
    [reply] = await staffed.say(GROUP, BUDI, "/ekspor tugas")
    assert reply.document is None and "koordinator" in reply.text


def test_links_exist_for_supergroup_posts_only() -> None:
    assert post_link(-1001000000001, 57) == "https://t.me/c/1000000001/57"
    assert post_link(-4012345, 57) is None  # a basic group's messages have no link
    assert post_link(-1001000000001, None) is None
