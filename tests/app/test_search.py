"""/cari through the fake Bot API: group and private search, paging, access, hostile input."""

from __future__ import annotations

import itertools
import re
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_application, running
from bot.domain.textsearch import EmptyQuery, Segment
from bot.fakeapi import FakeBotApi, StoredMessage
from bot.services import search as service
from handlers.search import clip, short_date, snippet_html
from storage import db as storage_db
from storage import people
from storage.search import KIND_ANNOUNCEMENT, KIND_DECISION, KIND_TASK, index_record
from tests.conftest import make_settings
from tests.helpers import ADMIN, ANI, BUDI, GROUP, OTHER_GROUP, SITI, Clock, Harness

THIRD_GROUP = -1001000000003
"""Records are indexed here, but nobody in these tests is a member."""
ERROR_TEXT = "terjadi kendala"
_records = itertools.count(1)


async def add(
    bot: Harness,
    text: str,
    *,
    group_id: int = GROUP,
    kind: str = KIND_DECISION,
    number: int | None = None,
    unit_code: str | None = "DISHUB",
    created_at: int | None = None,
) -> int:
    """Index one record the way the features do: inside the transaction of their write."""
    record_id = next(_records)
    async with bot.db.transaction() as conn:
        await index_record(
            conn,
            group_id=group_id,
            kind=kind,
            record_id=record_id,
            number=record_id if number is None else number,
            unit_code=unit_code,
            created_at=int(bot.clock().timestamp()) if created_at is None else created_at,
            text=text,
        )
    return record_id


def buttons(message: StoredMessage) -> dict[str, str]:
    """Button text → callback data."""
    rows: list[list[dict[str, Any]]] = (message.reply_markup or {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def member_of_two_groups(bot: Harness) -> None:
    """BUDI: in a unit of GROUP, and in OTHER_GROUP (joined it) with only a role, no unit."""
    await bot.say(OTHER_GROUP, ADMIN, "/mulai")
    await bot.say(GROUP, BUDI, "/gabung DISHUB")
    bot.fake.join(OTHER_GROUP, BUDI, by=ADMIN)
    await bot.settle()
    await people.set_role(bot.db, OTHER_GROUP, BUDI, "anggota", 0)


async def test_group_search_shows_kind_number_date_unit_and_the_matched_words(
    group: Harness,
) -> None:
    await add(
        group,
        "Diputuskan: penataan parkir di Jalan Merdeka mulai 1 Desember <tanpa> biaya & izin.",
        number=12,
    )
    await add(group, "Rapat Pokja Aset membahas sertifikat tanah", number=13)
    await add(group, "Parkir Jalan Merdeka grup lain", group_id=OTHER_GROUP, number=99)
    await people.remember_user(group.db, ANI, "Ani", "ani_staf", 0)
    await people.set_role(group.db, GROUP, ANI, "pengamat", 0)
    [reply] = await group.say(GROUP, ANI, "/cari parkir Jalan Merdeka")
    assert "Keputusan #12" in reply.text
    assert "#99" not in reply.text
    assert "#13" not in reply.text
    assert "25 Nov 2026" in reply.text
    assert "DISHUB" in reply.text
    assert "<b>parkir</b>" in reply.html
    assert "<b>Merdeka</b>" in reply.html
    assert "&lt;tanpa&gt; biaya &amp; izin" in reply.html
    assert "1–1 dari 1" in reply.text
    assert not buttons(reply)


async def test_stems_match_and_every_kind_is_named(group: Harness) -> None:
    await add(group, "Menata lahan parkir pasar", kind=KIND_TASK, number=4, unit_code=None)
    await add(group, "Pengumuman penataan parkir", kind=KIND_ANNOUNCEMENT, number=5)
    text = await group.reply_text(GROUP, BUDI, "/cari penataan parkir")
    assert "Tugas #4" in text
    assert "Pengumuman #5" in text


async def test_records_written_by_the_features_are_found(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/umumkan Mulai Senin parkir di Jalan Merdeka ditata ulang")
    await group.say(GROUP, ADMIN, "/tugas DISHUB | Menata parkir Jalan Merdeka | besok")
    text = await group.reply_text(GROUP, BUDI, "/cari penataan parkir")
    assert "Pengumuman #1" in text
    assert "Tugas #1" in text
    assert "1–2 dari 2" in text


async def test_english_alias_and_english_words(group: Harness) -> None:
    await add(group, "Parkir Jalan Merdeka", kind=KIND_ANNOUNCEMENT, number=3)
    await group.say(GROUP, ADMIN, "/bahasa en")
    text = await group.reply_text(GROUP, BUDI, "/search parkir")
    assert "Announcement #3" in text
    assert "Results for" in text
    assert "25 Nov 2026" in text


async def test_the_date_is_in_the_groups_zone() -> None:
    # 23.30 WIB on 30 November is already 1 December in Jayapura (WIT).
    epoch = 1796056200  # 2026-11-30 16:30 UTC
    assert short_date(epoch, "Asia/Jakarta", "id") == "30 Nov 2026"
    assert short_date(epoch, "Asia/Jayapura", "id") == "1 Des 2026"
    assert short_date(epoch, "Asia/Jayapura", "en") == "1 Dec 2026"


async def test_paging_forward_and_back_edits_the_message(group: Harness) -> None:
    for number in range(1, 13):
        await add(group, f"Evaluasi parkir liar nomor {number}", number=number)
    [reply] = await group.say(GROUP, BUDI, "/cari parkir")
    assert "1–5 dari 12" in reply.text
    assert list(buttons(reply)) == ["Berikutnya ▶"]
    shown = []
    answer = await group.press(GROUP, SITI, reply.message_id, buttons(reply)["Berikutnya ▶"])
    assert not answer[2]
    message = group.fake.find_message(GROUP, reply.message_id)
    assert "6–10 dari 12" in message.text
    assert list(buttons(message)) == ["◀ Sebelumnya", "Berikutnya ▶"]
    shown.append(message.text)
    await group.press(GROUP, BUDI, reply.message_id, buttons(message)["Berikutnya ▶"])
    message = group.fake.find_message(GROUP, reply.message_id)
    assert "11–12 dari 12" in message.text
    assert "11. " in message.text
    assert list(buttons(message)) == ["◀ Sebelumnya"]
    await group.press(GROUP, BUDI, reply.message_id, buttons(message)["◀ Sebelumnya"])
    message = group.fake.find_message(GROUP, reply.message_id)
    assert message.text == shown[0]
    assert len(group.fake.messages(GROUP)) == len(
        [m for m in group.fake.messages(GROUP) if m.message_id <= reply.message_id]
    )


async def test_private_search_covers_every_group_of_the_user_and_no_other(group: Harness) -> None:
    await member_of_two_groups(group)
    await add(group, "Parkir Jalan Merdeka ditertibkan", number=1)
    await add(group, "Parkir Pasar Baru", group_id=OTHER_GROUP, number=2, unit_code=None)
    await add(group, "Parkir rahasia grup ketiga", group_id=THIRD_GROUP, number=77)
    [reply] = await group.say(BUDI, BUDI, "/cari parkir")
    assert "di 2 grup Anda" in reply.text
    assert "1–2 dari 2" in reply.text
    assert "Keputusan #1" in reply.text
    assert "Rakor Kota Contoh" in reply.text
    assert "Keputusan #2" in reply.text
    assert "Rakor Lain" in reply.text
    assert "#77" not in reply.text
    assert "rahasia" not in reply.text


async def test_private_search_without_any_group_says_how_to_join(group: Harness) -> None:
    await add(group, "Parkir Jalan Merdeka", number=1)
    text = await group.reply_text(SITI, SITI, "/cari parkir")
    assert "/gabung" in text
    assert "#1" not in text


async def test_a_member_who_left_loses_access_in_private_and_when_paging(group: Harness) -> None:
    await member_of_two_groups(group)
    for number in range(1, 4):
        await add(group, f"Parkir kawasan {number}", number=number)
    for number in range(4, 11):
        await add(group, f"Parkir terminal {number}", group_id=OTHER_GROUP, number=number)
    [reply] = await group.say(BUDI, BUDI, "/cari parkir")
    assert "1–5 dari 10" in reply.text
    await group.leave(OTHER_GROUP, BUDI)
    assert await people.groups_of(group.db, BUDI) == [GROUP]
    # The next page of the old search: only 3 results remain, so there is no page 2.
    answer = await group.press(BUDI, BUDI, reply.message_id, buttons(reply)["Berikutnya ▶"])
    assert answer[2]
    assert "Tidak ada hasil lagi" in answer[1]
    # A forged offset (no such button on the message) changes nothing.
    search_id = buttons(reply)["Berikutnya ▶"].split(":")[1]
    answer = await group.press(BUDI, BUDI, reply.message_id, f"srch:{search_id}:0")
    assert answer[1] == "Tombol ini tidak berlaku."
    assert group.fake.find_message(BUDI, reply.message_id).edits == []
    text = await group.reply_text(BUDI, BUDI, "/cari parkir terminal")
    assert "Tidak ada hasil" in text
    assert "#4" not in text


async def test_results_of_another_group_are_never_shown_in_a_group(group: Harness) -> None:
    await group.say(OTHER_GROUP, ADMIN, "/mulai")
    for number in range(1, 8):
        await add(group, f"Anggaran drainase {number}", group_id=OTHER_GROUP, number=number)
    text = await group.reply_text(GROUP, BUDI, "/cari anggaran drainase")
    assert "Tidak ada hasil" in text
    [reply] = await group.say(OTHER_GROUP, ADMIN, "/cari anggaran drainase")
    data = buttons(reply)["Berikutnya ▶"]
    # The other group's button pressed in this group: refused, nothing shown.
    [mine] = await group.say(GROUP, BUDI, "/cari")
    answer = await group.press(GROUP, BUDI, mine.message_id, data)
    assert answer[2]
    assert "tidak berlaku" in answer[1]
    assert group.fake.find_message(GROUP, mine.message_id).edits == []


@pytest.mark.parametrize("data", ["srch:abc:5", "srch:999999:5", "srch:1:3", "srch:1", "srch:1:-5"])
async def test_forged_page_buttons_change_nothing(group: Harness, data: str) -> None:
    for number in range(1, 8):
        await add(group, f"Parkir {number}", number=number)
    [reply] = await group.say(GROUP, BUDI, "/cari parkir")
    answer = await group.press(GROUP, BUDI, reply.message_id, data)
    assert answer[2]
    assert "tidak berlaku" in answer[1]
    assert group.fake.find_message(GROUP, reply.message_id).edits == []


async def test_a_search_older_than_a_day_is_stale(group: Harness) -> None:
    for number in range(1, 8):
        await add(group, f"Parkir {number}", number=number)
    [reply] = await group.say(GROUP, BUDI, "/cari parkir")
    group.clock.advance(hours=25)
    answer = await group.press(GROUP, BUDI, reply.message_id, buttons(reply)["Berikutnya ▶"])
    assert answer[2]
    assert "tidak berlaku" in answer[1]
    assert group.fake.find_message(GROUP, reply.message_id).edits == []


async def test_search_in_an_unregistered_group_is_refused(bot: Harness) -> None:
    text = await bot.reply_text(OTHER_GROUP, BUDI, "/cari parkir")
    assert "/mulai" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "Contoh: /cari parkir Jalan Merdeka"),
        ("   ", "Contoh: /cari parkir Jalan Merdeka"),
        ("?!... ---", "Contoh: /cari parkir Jalan Merdeka"),
        ("🚗🚦", "Contoh: /cari parkir Jalan Merdeka"),
    ],
)
async def test_nothing_to_search_gets_an_example(group: Harness, query: str, expected: str) -> None:
    text = await group.reply_text(GROUP, BUDI, f"/cari {query}")
    assert expected in text


HOSTILE = [
    '"parkir',
    'parkir" OR "x',
    "-parkir",
    "parkir*",
    "*",
    "NEAR(parkir merdeka, 2)",
    "parkir AND merdeka",
    "parkir OR",
    "NOT parkir",
    "exact: parkir",
    "grp:gn1001000000002",
    "stems : parkir",
    "(parkir",
    "[parkir] {merdeka}",
    "^parkir",
    "parkir 🚗 merdeka",
    "<b>parkir</b> &amp;",
    "parkir\nmerdeka",
    "parkir " * 2000,
    "x" * 10_000,
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_input_is_searched_literally(group: Harness, query: str) -> None:
    await add(group, "Parkir Jalan Merdeka ditertibkan", number=1)
    await add(group, "Parkir rahasia Merdeka", group_id=OTHER_GROUP, number=2)
    [reply] = await group.say(GROUP, BUDI, f"/cari {query}")
    assert ERROR_TEXT not in reply.text
    assert "#2" not in reply.text
    assert len(reply.text) < 4096


def test_snippet_html_escapes_each_segment_and_bolds_matches() -> None:
    segments = (Segment("a <i>", False), Segment("parkir&", True), Segment(" b", False))
    assert snippet_html(segments) == "a &lt;i&gt;<b>parkir&amp;</b> b"
    assert snippet_html((Segment("x" * 50, False),), budget=10) == "x" * 9 + "…"


def test_clip_counts_what_telegram_counts() -> None:
    assert clip("abc", 3) == "abc"
    assert clip("🚗🚗🚗", 4) == "🚗…"


def database_before_the_group_tags(path: Path) -> None:
    """A database as the release before the group-tagged index left it: schema, a group, a
    decision and the decision's entry in the old index (words without a group tag)."""
    names = [name for _, name, _ in storage_db.migrations()]
    cut = next(i for i, name in enumerate(names) if name.endswith("_search_by_group.sql"))
    with closing(sqlite3.connect(path)) as conn:
        for _, _, sql in storage_db.migrations()[:cut]:
            conn.executescript(sql)
        conn.execute(f"PRAGMA user_version = {cut}")
        conn.execute(
            "INSERT INTO groups (chat_id, title, timezone, language, registered_at)"
            " VALUES (?, 'Rakor', 'Asia/Jakarta', 'id', 0)",
            (GROUP,),
        )
        text = "Penertiban reklame liar di Jalan Sudirman"
        conn.execute(
            "INSERT INTO decisions (id, group_id, number, author_id, author_name, text,"
            " created_at) VALUES (7, ?, 3, ?, 'Admin', ?, 1795000000)",
            (GROUP, ADMIN, text),
        )
        conn.execute(
            "INSERT INTO search_docs (id, group_id, kind, record_id, number, created_at, body)"
            " VALUES (1, ?, 'decision', 7, 3, 1795000000, ?)",
            (GROUP, text),
        )
        conn.execute(
            "INSERT INTO search_fts (rowid, exact, stems, grp) VALUES (1, ?, ?, 'gn1001000000001')",
            (text.lower(), text.lower()),
        )
        conn.commit()


async def test_an_upgraded_bot_finds_the_records_of_the_old_index(
    fake: FakeBotApi, clock: Clock, tmp_path: Path
) -> None:
    path = tmp_path / "rakor.sqlite3"
    database_before_the_group_tags(path)
    app = build_application(make_settings(fake, path), clock=clock)
    async with running(app, poll_timeout=timedelta(seconds=5)):
        bot = Harness(fake=fake, app=app, clock=clock)
        text = await bot.reply_text(GROUP, ADMIN, "/cari reklame sudirman")
        assert "Keputusan #3" in text and "1–1 dari 1" in text
        assert await bot.db.fetch_one("SELECT reason FROM search_rebuild") is None


VOCABULARY = [
    "parkir", "Jalan", "Merdeka", "penataan", "keputusan", "diputuskan", "AND", "OR", "NOT",
    "NEAR(", '"', "*", "-", "exact:", "grp:", "(", ")", "[", "🚗", "<b>", "&", "#901",
]  # fmt: skip
QUERIES = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(VOCABULARY), max_size=8).map(" ".join),
)
RECORD = 'Parkir Jalan Merdeka: "penataan" AND OR NOT NEAR( exact: grp: (a) [b] 🚗 <b> & *'


@pytest.fixture
async def seeded(group: Harness) -> Harness:
    """BUDI is a member of GROUP only; OTHER_GROUP and THIRD_GROUP hold the same text."""
    await group.say(OTHER_GROUP, ADMIN, "/mulai")
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    for number in range(1, 8):
        await add(group, f"{RECORD} {number}", number=number)
    for number, group_id in enumerate([OTHER_GROUP, THIRD_GROUP] * 4, start=900):
        await add(group, RECORD, group_id=group_id, number=number)
    return group


def hit_lines(html: str) -> str:
    """The results without the header (which repeats the query)."""
    return html.partition("\n\n")[2]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
async def test_any_text_through_the_server(seeded: Harness, query: str) -> None:
    replies = await seeded.say(BUDI, BUDI, f"/cari {query}")
    assert len(replies) == 1
    [reply] = replies
    assert ERROR_TEXT not in reply.text
    assert len(reply.text) < 4096
    assert not re.search(r"#9\d\d", hit_lines(reply.html)), reply.html
    assert "Rakor Lain" not in hit_lines(reply.html)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, offset=st.integers(min_value=-10, max_value=20))
async def test_any_text_through_the_service(seeded: Harness, query: str, offset: int) -> None:
    db, now = seeded.db, seeded.clock()
    for chat_id, is_group in ((BUDI, False), (GROUP, True)):
        group_ids = await service.scope(db, chat_id=chat_id, is_group=is_group, user_id=BUDI)
        assert group_ids == [GROUP]
        try:
            results = await service.find(
                db, chat_id=chat_id, user_id=BUDI, group_ids=group_ids, query=query, now=now
            )
        except EmptyQuery:
            continue
        assert all(hit.group_id == GROUP for hit in results.page.hits)
        if results.search_id is not None:
            turned = await service.turn(
                db,
                search_id=results.search_id,
                chat_id=chat_id,
                offset=offset,
                group_ids=group_ids,
                now=now,
            )
            if offset < 0 or offset % service.PAGE_SIZE:
                assert turned is None
            else:
                assert turned is not None
                assert all(hit.group_id == GROUP for hit in turned.page.hits)
