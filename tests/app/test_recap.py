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
        await conn.execute(
            "INSERT INTO tasks (group_id, number, unit_id, text, due_at, zone, status,"
            " creator_id, creator_name, created_at, closed_at)"
            " VALUES (?, ?, ?, 'Tugas', ?, 'Asia/Jakarta', ?, ?, 'Asisten', ?, ?)",
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
    await units.remove(bot.db, OTHER_GROUP, "DISPAR", ts(11, 1))
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


# unit: (announcements, acked, on time, ack %, tasks, closed, on time, task %, overdue, rank)
EXPECTED = {
    "BAPPERIDA": (3, 3, 2, 200 / 3, 2, 1, 1, 50.0, 1, 4),
    "DISHUB": (3, 2, 2, 200 / 3, 2, 2, 1, 50.0, 0, 3),
    "KEC-BARU": (1, 1, 1, 100.0, 0, 0, 0, None, 0, 1),
    "KEC-KOTA": (3, 2, 1, 100 / 3, 1, 1, 1, 100.0, 1, 2),
}


async def test_figures_match_the_hand_computed_fixture(november: Harness) -> None:
    start, end, now = ts(11, 1, 0), ts(12, 1, 0), int(NOW.timestamp())
    rows = await recap.monthly(november.db, OTHER_GROUP, start, end, now)
    got = {
        r.unit_code: (
            r.announcements,
            r.acked,
            r.acked_on_time,
            r.ack_share,
            r.tasks,
            r.closed,
            r.closed_on_time,
            r.task_share,
            r.overdue_now,
            r.rank,
        )
        for r in rows
    }
    assert got.keys() == EXPECTED.keys()  # the removed DISPAR is not listed
    for code, expected in EXPECTED.items():
        assert got[code] == pytest.approx(expected), code
    october = await recap.monthly(november.db, OTHER_GROUP, ts(10, 1, 0), start, now)
    dishub = next(r for r in october if r.unit_code == "DISHUB")
    assert (dishub.announcements, dishub.acked_on_time, dishub.tasks) == (1, 1, 0)


async def test_recap_sends_a_png_chart_and_a_table_naming_the_leaders(november: Harness) -> None:
    photo, text = await november.say(OTHER_GROUP, BUDI, "/rekap")
    image = Image.open(BytesIO(photo.photo))
    image.verify()
    assert image.format == "PNG"
    assert image.width >= 1000
    assert "Rekap November 2026" in photo.caption
    assert "Terdepan: 1. KEC-BARU, 2. KEC-KOTA, 3. DISHUB" in text.text
    table = text.html.split("<pre>")[1].split("</pre>")[0]
    assert table.splitlines() == [
        "Inst.     Terima Tepat Tugas Tepat Lewat",
        "BAPPERIDA    3/3   67%   1/2   50%     1",
        "DISHUB       2/3   67%   2/2   50%     0",
        "KEC-BARU     1/1  100%   0/0     –     0",
        "KEC-KOTA     2/3   33%   1/1  100%     1",
    ]


@pytest.mark.parametrize(
    "args", ["Oktober", "okt 2026", "2026-10", "October", "10", "10/2026", "10-2026"]
)
async def test_recap_of_another_month(november: Harness, args: str) -> None:
    photo, text = await november.say(OTHER_GROUP, BUDI, f"/rekap {args}")
    assert "Oktober 2026" in photo.caption
    assert "Terdepan: 1. DISHUB" in text.text


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
        assert "Bulannya tidak terbaca. Contoh: " in reply
        assert "2026-10" in reply
    reply = await group.reply_text(GROUP, BUDI, "/rekap 2027-02")
    assert "belum berjalan" in reply
    assert "Contoh" in reply


async def test_an_english_group_gets_an_english_recap(november: Harness) -> None:
    await november.say(OTHER_GROUP, ADMIN, "/language en")
    photo, text = await november.say(OTHER_GROUP, BUDI, "/recap 2026-11")
    assert "Recap November 2026" in photo.caption
    assert "Leading: 1. KEC-BARU" in text.text
