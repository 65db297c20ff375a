"""/rekap: the month's figures per unit against a hand-computed fixture, the PNG and the table."""

from datetime import date, datetime
from io import BytesIO

import pytest
from PIL import Image

from bot.services.recap import MonthError, parse_month
from storage import recap, units
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, OTHER_GROUP, Harness

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=JAKARTA)


def ts(month: int, day: int, hour: int = 10, minute: int = 0) -> int:
    return int(datetime(2026, month, day, hour, minute, tzinfo=JAKARTA).timestamp())


async def unit_ids(bot: Harness, group_id: int) -> dict[str, int]:
    return {u.code: u.id for u in await units.list_active(bot.db, group_id)}


async def add_announcement(
    bot: Harness,
    group_id: int,
    number: int,
    created: int,
    first_followup: int,
    acks: dict[int, int],
) -> None:
    async with bot.db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO announcements (group_id, number, author_id, author_name, text,"
            " created_at, first_followup_at, second_followup_at)"
            " VALUES (?, ?, ?, 'Asisten', 'Pengumuman', ?, ?, ?) RETURNING id",
            (group_id, number, ADMIN, created, first_followup, first_followup + 86400),
        )
        (announcement_id,) = await cursor.fetchone()
        await conn.execute(  # the units it is for: those of the group when it was made
            "INSERT INTO announcement_units (announcement_id, unit_id) SELECT ?, id FROM units"
            " WHERE group_id = ? AND created_at <= ? AND (removed_at IS NULL OR removed_at > ?)",
            (announcement_id, group_id, created, created),
        )
        for unit_id, acked_at in acks.items():
            await conn.execute(
                "INSERT INTO announcement_acks (announcement_id, unit_id, user_id, acked_at)"
                " VALUES (?, ?, ?, ?)",
                (announcement_id, unit_id, BUDI, acked_at),
            )


async def add_task(
    bot: Harness, group_id: int, number: int, unit_id: int, due: int, closed: int | None
) -> None:
    async with bot.db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO tasks (group_id, number, unit_id, text, due_at, zone, status,"
            " creator_id, creator_name, created_at, closed_at)"
            " VALUES (?, ?, ?, 'Tugas', ?, 'Asia/Jakarta', ?, ?, 'Asisten', ?, ?) RETURNING id",
            (
                group_id,
                number,
                unit_id,
                due,
                "selesai" if closed else "proses",
                ADMIN,
                ts(10, 1),
                closed,
            ),
        )
        (task_id,) = await cursor.fetchone()
        await conn.execute(
            "INSERT INTO task_units (task_id, unit_id, position, status, closed_at, closed_by)"
            " VALUES (?, ?, 0, ?, ?, ?)",
            (
                task_id,
                unit_id,
                "selesai" if closed else "proses",
                closed,
                ADMIN if closed else None,
            ),
        )


@pytest.fixture
async def november(group: Harness) -> Harness:
    """OTHER_GROUP's November 2026, as in the table of the test below.

    GROUP (the ``group`` fixture) holds records too, which must not count for OTHER_GROUP.
    """
    bot = group
    await bot.say(OTHER_GROUP, ADMIN, "/mulai")
    units_before = [("DISHUB", "Dishub"), ("BAPPERIDA", "Bapperida"), ("KEC-KOTA", "Kec. Kota")]
    await units.add_many(bot.db, OTHER_GROUP, units_before, ts(10, 1))
    await units.add_many(bot.db, OTHER_GROUP, [("KEC-BARU", "Kec. Baru")], ts(11, 15))
    await units.add_many(bot.db, OTHER_GROUP, [("DISPAR", "Dispar")], ts(10, 1))
    await bot.db.write(  # archived on 1 November
        "UPDATE units SET removed_at = ? WHERE group_id = ? AND code = 'DISPAR'",
        (ts(11, 1), OTHER_GROUP),
    )
    u = await unit_ids(bot, OTHER_GROUP)
    dishub, bapperida, kota, baru = u["DISHUB"], u["BAPPERIDA"], u["KEC-KOTA"], u["KEC-BARU"]
    # Announcements: created, first follow-up, acknowledgements per unit.
    await add_announcement(bot, OTHER_GROUP, 1, ts(10, 20), ts(10, 21, 9), {dishub: ts(10, 20, 11)})
    await add_announcement(
        bot, OTHER_GROUP, 2, ts(11, 2), ts(11, 3, 9), {dishub: ts(11, 2, 11), bapperida: ts(11, 4)}
    )
    await add_announcement(
        bot,
        OTHER_GROUP,
        3,
        ts(11, 10),
        ts(11, 11, 9),
        {dishub: ts(11, 10, 12), bapperida: ts(11, 10, 15), kota: ts(11, 12)},
    )
    await add_announcement(
        bot,
        OTHER_GROUP,
        4,
        ts(11, 20),
        ts(11, 21, 9),
        {bapperida: ts(11, 20, 11), kota: ts(11, 20, 13), baru: ts(11, 20, 14)},
    )
    # Tasks: unit, due, closed.
    await add_task(bot, OTHER_GROUP, 1, dishub, ts(11, 10, 23, 59), ts(11, 9))
    await add_task(bot, OTHER_GROUP, 2, dishub, ts(11, 20, 23, 59), ts(11, 22))
    await add_task(bot, OTHER_GROUP, 3, dishub, ts(11, 30, 23, 59), None)  # not due yet
    await add_task(bot, OTHER_GROUP, 4, bapperida, ts(11, 5, 23, 59), None)  # overdue
    await add_task(bot, OTHER_GROUP, 5, bapperida, ts(11, 15, 23, 59), ts(11, 15))
    await add_task(bot, OTHER_GROUP, 6, kota, ts(10, 20, 23, 59), None)  # overdue, October
    await add_task(bot, OTHER_GROUP, 7, kota, ts(11, 28, 23, 59), ts(11, 24))  # early
    await add_task(bot, OTHER_GROUP, 8, dishub, ts(12, 3, 23, 59), ts(11, 24))  # December
    # GROUP: same unit codes, other records.
    g = await unit_ids(bot, GROUP)
    await add_announcement(
        bot, GROUP, 1, ts(11, 25, 9), ts(11, 26, 9), {g["DISHUB"]: ts(11, 25, 9)}
    )
    await add_task(bot, GROUP, 1, g["DISHUB"], ts(11, 11), None)
    return bot


# unit: (announcements, acked, on time, ack %, tasks, closed, on time, task %, overdue, score)
EXPECTED = {
    "BAPPERIDA": (3, 3, 2, 200 / 3, 2, 1, 1, 50.0, 1, 175 / 3),
    "DISHUB": (3, 2, 2, 200 / 3, 2, 2, 1, 50.0, 0, 175 / 3),
    "KEC-BARU": (1, 1, 1, 100.0, 0, 0, 0, None, 0, 100.0),
    "KEC-KOTA": (3, 2, 1, 100 / 3, 1, 1, 1, 100.0, 1, 200 / 3),
}


async def test_figures_match_the_hand_computed_fixture(november: Harness) -> None:
    start, end, now = ts(11, 1, 0), ts(12, 1, 0), int(NOW.timestamp())
    rows = await recap.monthly(november.db, OTHER_GROUP, start, end, now)
    got = {
        r.code: (
            r.announcements,
            r.acked,
            r.acked_on_time,
            r.ack_share,
            r.tasks,
            r.closed,
            r.closed_on_time,
            r.task_share,
            r.overdue_now,
            r.score,
        )
        for r in rows
    }
    assert got.keys() == EXPECTED.keys()  # the removed DISPAR is not listed
    for code, expected in EXPECTED.items():
        assert got[code] == pytest.approx(expected), code
    october = await recap.monthly(november.db, OTHER_GROUP, ts(10, 1, 0), start, now)
    dishub = next(r for r in october if r.code == "DISHUB")
    assert (dishub.announcements, dishub.acked_on_time, dishub.tasks) == (1, 1, 0)


def png_size(data: bytes) -> tuple[int, int]:
    image = Image.open(BytesIO(data))
    image.verify()
    assert image.format == "PNG"
    return image.size


def table_of(html: str) -> list[str]:
    return html.split("<pre>")[1].split("</pre>")[0].splitlines()


async def test_recap_ranks_units_with_shared_ranks_on_a_phone_sized_chart(
    november: Harness,
) -> None:
    photo, text = await november.say(OTHER_GROUP, BUDI, "/rekap")
    width, height = png_size(photo.photo)
    assert width <= 1080 and height > width  # portrait, at most 1080 px wide
    assert height <= width * 5 / 4 + 1  # fits the photo box of a phone's chat
    assert photo.file.file_name == "rekap-2026-11.png"
    assert "Rekap November 2026" in photo.caption
    # DISHUB and BAPPERIDA both show 58 %: they share the third place (fewer overdue first).
    assert "🏆 1. KEC-BARU 100% · 2. KEC-KOTA 67% · 3. DISHUB, BAPPERIDA 58%" in text.text
    assert table_of(text.html) == [
        "# Instansi  Skor Terima Tugas Lewat",
        "1 KEC-BARU  100%    1/1     –     0",
        "2 KEC-KOTA   67%    1/3   1/1     1",
        "3 DISHUB     58%    2/3   1/2     0",
        "3 BAPPERIDA  58%    2/3   1/2     1",
    ]


async def test_only_units_with_something_due_are_ranked_top_ten_then_one_line(
    group: Harness,
) -> None:
    """Sixteen units: twelve with an announcement this month (acknowledged on time by eight,
    of which three also had a task closed late), four with nothing due (they were added after
    the announcement)."""
    bot = group
    await units.add_many(bot.db, GROUP, [(f"UNIT-{n:02d}", f"Unit {n}") for n in range(12)], 0)
    await units.add_many(bot.db, GROUP, [("UNIT-12", "Unit 12")], ts(11, 20))
    u = await unit_ids(bot, GROUP)
    assessed = sorted(code for code in u if code.startswith("UNIT-"))[:12]
    acks = {u[code]: ts(11, 2, 11) for code in assessed[:8]}
    await add_announcement(bot, GROUP, 1, ts(11, 2), ts(11, 3, 9), acks)
    for number, code in enumerate(assessed[:3], 1):
        await add_task(bot, GROUP, number, u[code], ts(11, 10, 23, 59), ts(11, 12))
    photo, text = await bot.say(GROUP, BUDI, "/rekap")
    table = table_of(text.html)
    assert len(table) == 1 + 10  # the header and the top ten
    assert [line.split()[:3] for line in table[1:6]] == [
        ["1", "UNIT-03", "100%"],
        ["1", "UNIT-04", "100%"],
        ["1", "UNIT-05", "100%"],
        ["1", "UNIT-06", "100%"],
        ["1", "UNIT-07", "100%"],
    ]
    assert [line.split()[:3] for line in table[6:9]] == [
        ["6", "UNIT-00", "50%"],
        ["6", "UNIT-01", "50%"],
        ["6", "UNIT-02", "50%"],
    ]
    assert [line.split()[:3] for line in table[9:]] == [
        ["9", "UNIT-08", "0%"],
        ["9", "UNIT-09", "0%"],
    ]
    assert "… dan 2 instansi lain, skor 0%" in text.text  # UNIT-10 and UNIT-11
    # Five share the first place; the next rank is 6, off the podium.
    assert "🏆 1. UNIT-03, UNIT-04, UNIT-05, UNIT-06, UNIT-07 100%\n" in text.text + "\n"
    for code in ("DISHUB", "BAPPERIDA", "KEC-KOTA", "UNIT-12"):  # nothing due: not listed
        assert code not in text.text
    width, height = png_size(photo.photo)
    assert width == 1080 and width < height <= 1350  # ten rows, portrait, within 4:5


async def test_a_unit_with_zero_percent_is_never_on_the_podium(group: Harness) -> None:
    bot = group
    u = await unit_ids(bot, GROUP)
    now = ts(11, 25, 10)  # the units were added at the clock's time
    acks = {u["DISHUB"]: now, u["BAPPERIDA"]: ts(11, 26, 10)}  # Bapperida: after the follow-up
    await add_announcement(bot, GROUP, 1, now, ts(11, 26, 9), acks)
    _, text = await bot.say(GROUP, BUDI, "/rekap")
    assert "🏆 1. DISHUB 100%\n" in text.text
    assert [line.split()[:3] for line in table_of(text.html)[1:]] == [
        ["1", "DISHUB", "100%"],
        ["2", "BAPPERIDA", "0%"],
        ["2", "KEC-KOTA", "0%"],
    ]
    await add_announcement(bot, GROUP, 2, now, ts(11, 26, 9), {})
    _, text = await bot.say(GROUP, BUDI, "/rekap")
    assert "🏆 1. DISHUB 50%\n" in text.text  # DISHUB missed the second one: 1 of 2


async def test_nothing_to_assess_says_so_in_one_line(group: Harness) -> None:
    sent = await group.say(GROUP, BUDI, "/rekap Oktober")
    assert len(sent) == 1 and sent[0].photo is None
    assert sent[0].text == (
        "📊 Rekap Oktober 2026: belum ada pengumuman atau tugas yang dapat dinilai."
    )
    sent = await group.say(GROUP, BUDI, "/rekap pokja")
    assert [m.text for m in sent] == [
        "📊 Rekap pokja November 2026: belum ada tugas pokja yang dapat dinilai."
    ]


async def test_recap_per_pokja(november: Harness) -> None:
    bot = november
    async with bot.db.transaction() as conn:
        for number, pokja in ((1, "ASET"), (2, "ASET"), (4, "TARUNG"), (5, "PBJ"), (7, "PBJ")):
            await conn.execute(
                "UPDATE tasks SET pokja = ? WHERE group_id = ? AND number = ?",
                (pokja, OTHER_GROUP, number),
            )
    photo, text = await bot.say(OTHER_GROUP, BUDI, "/rekap pokja")
    width, height = png_size(photo.photo)
    assert width <= 1080 and height > width
    assert photo.file.file_name == "rekap-pokja-2026-11.png"
    assert "Rekap November 2026 per pokja" in photo.caption
    assert "Rekap pokja November 2026" in text.text
    assert "🏆 1. PBJ 100% · 2. ASET 50%" in text.text  # TARUNG: 0 %, not on the podium
    assert table_of(text.html) == [
        "# Pokja  Skor Tugas Lewat",
        "1 PBJ    100%   2/2     0",
        "2 ASET    50%   1/2     0",
        "3 TARUNG   0%   0/1     1",
    ]
    (october,) = await bot.say(OTHER_GROUP, BUDI, "/rekap pokja Oktober")
    assert october.text.startswith("📊 Rekap pokja Oktober 2026: belum ada")


@pytest.mark.parametrize(
    "args", ["Oktober", "okt 2026", "2026-10", "October", "10", "10/2026", "10-2026"]
)
async def test_recap_of_another_month(november: Harness, args: str) -> None:
    photo, text = await november.say(OTHER_GROUP, BUDI, f"/rekap {args}")
    assert "Oktober 2026" in photo.caption and "🏆 1. DISHUB 100%\n" in text.text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("Desember", "2025-12"),
        ("2027-01", None),
        ("Brumaire", None),
        ("2026-13", None),
        ("11", "2026-11"),
        ("05", "2026-05"),
        ("12", "2025-12"),
        ("11/2026", "2026-11"),
        ("3/2025", "2025-03"),
        ("03-2025", "2025-03"),
        ("2025/03", "2025-03"),
        ("0", None),
        ("13", None),
        ("13/2026", None),
        ("0000-05", None),
        ("0001-01", None),
        ("1999-12", None),
        ("9999-12", None),
        ("12/9999", None),
        ("Okt 1999", None),
        ("2000-01", "2000-01"),
    ],
)
def test_parse_month(args: str, expected: str | None) -> None:
    today = date(2026, 11, 25)
    if expected is None:
        with pytest.raises(MonthError):
            parse_month(args, today)
    else:
        year, month = parse_month(args, today)
        assert f"{year}-{month:02d}" == expected


async def test_bad_months_are_explained(group: Harness) -> None:
    assert "Contoh: " in await group.reply_text(GROUP, BUDI, "/rekap kemarin dulu")
    for year_out_of_range in ("0000-05", "0001-01", "9999-12", "1/1999"):
        reply = await group.reply_text(GROUP, BUDI, f"/rekap {year_out_of_range}")
        assert "Bulannya tidak terbaca. Contoh: " in reply and "2026-10" in reply
    reply = await group.reply_text(GROUP, BUDI, "/rekap 2027-02")
    assert "belum berjalan" in reply and "Contoh" in reply


async def test_an_english_group_gets_an_english_recap(november: Harness) -> None:
    await november.say(OTHER_GROUP, ADMIN, "/language en")
    photo, text = await november.say(OTHER_GROUP, BUDI, "/recap 2026-11")
    assert "Recap November 2026" in photo.caption and photo.file.file_name == "recap-2026-11.png"
    assert "🏆 1. KEC-BARU 100%" in text.text
    assert table_of(text.html)[0] == "# Unit      Score Ack Tasks Late"
    sent = await november.say(OTHER_GROUP, BUDI, "/recap pokja")
    assert [m.text for m in sent] == ["📊 Pokja recap November 2026: no pokja task to assess."]
