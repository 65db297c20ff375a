"""The search index against a real SQLite file: writes, ranking, isolation, paging, rebuild."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.textsearch import EmptyQuery, Segment
from bot.services.search import search
from storage import search as storage_search
from storage.db import Database, connect
from storage.search import (
    KIND_ANNOUNCEMENT,
    KIND_DECISION,
    KIND_TASK,
    SourceRegistry,
    index_record,
    reindex,
    unindex_record,
)

GROUP = -1001
OTHER = -1002
_ids = itertools.count(1)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await connect(tmp_path / "rakor.db")
    yield database
    await database.close()


async def add(
    db: Database,
    text: str,
    *,
    group_id: int = GROUP,
    kind: str = KIND_DECISION,
    record_id: int | None = None,
    created_at: int = 1_700_000_000,
) -> int:
    record_id = next(_ids) if record_id is None else record_id
    async with db.transaction() as conn:
        await index_record(
            conn,
            group_id=group_id,
            kind=kind,
            record_id=record_id,
            number=record_id,
            unit_code="DISHUB",
            created_at=created_at,
            text=text,
        )
    return record_id


async def found(db: Database, query: str, groups: tuple[int, ...] = (GROUP,)) -> list[int]:
    page = await search(db, group_ids=groups, query=query, limit=50)
    return [hit.record_id for hit in page.hits]


async def test_index_and_search(db: Database) -> None:
    decided = await add(db, "Diputuskan: penataan parkir di Jalan Merdeka mulai 1 Desember.")
    await add(db, "Banjir di Kelurahan Kampung Melayu, mohon laporan BPBD.")
    page = await search(db, group_ids=[GROUP], query="keputusan parkir merdeka")
    assert page.total == 1
    assert not page.has_more
    [hit] = page.hits
    assert (hit.kind, hit.record_id, hit.number, hit.group_id) == (
        KIND_DECISION,
        decided,
        decided,
        GROUP,
    )
    assert hit.unit_code == "DISHUB"
    assert hit.created_at == 1_700_000_000
    marked = [segment.text for segment in hit.snippet if segment.is_match]
    assert marked == ["Diputuskan", "parkir", "Merdeka"]
    assert hit.snippet[0] == Segment("Diputuskan", True)


async def test_stemmed_match_both_ways(db: Database) -> None:
    record = await add(db, "Dishub menata lahan parkir di Jalan Merdeka")
    assert await found(db, "penataan parkir") == [record]
    assert await found(db, "PÉNATAAN") == [record]
    assert await found(db, "penataan pasar") == []


async def test_upsert_replaces_the_record(db: Database) -> None:
    record = await add(db, "Rapat membahas retribusi parkir", kind=KIND_TASK)
    await add(db, "Rapat membahas sampah di pasar", kind=KIND_TASK, record_id=record)
    assert await found(db, "parkir") == []
    assert await found(db, "sampah") == [record]
    # Same id, another kind: a different record.
    await add(db, "Rapat membahas sampah di terminal", kind=KIND_ANNOUNCEMENT, record_id=record)
    page = await search(db, group_ids=[GROUP], query="sampah")
    assert sorted(hit.kind for hit in page.hits) == [KIND_ANNOUNCEMENT, KIND_TASK]


async def test_upsert_moves_the_record_to_its_new_group(db: Database) -> None:
    record = await add(db, "Aset tanah di Cilincing")
    await add(db, "Aset tanah di Cilincing", group_id=OTHER, record_id=record)
    assert await found(db, "aset") == []
    assert await found(db, "aset", (OTHER,)) == [record]


async def test_unindex(db: Database) -> None:
    record = await add(db, "Pengadaan barang dan jasa")
    keep = await add(db, "Pengadaan kendaraan dinas")
    async with db.transaction() as conn:
        await unindex_record(conn, KIND_DECISION, record)
        await unindex_record(conn, KIND_DECISION, 999_999)  # never indexed: no error
    assert await found(db, "pengadaan") == [keep]


async def test_exact_word_ranks_above_stem_only(db: Database) -> None:
    stem_only = await add(db, "Hasil seleksi diumumkan besok", created_at=1_800_000_000)
    exact = await add(db, "Pengumuman hasil seleksi besok", created_at=1_700_000_000)
    assert await found(db, "pengumuman") == [exact, stem_only]
    assert await found(db, "diumumkan") == [stem_only, exact]


async def test_ties_are_newest_first(db: Database) -> None:
    old = await add(db, "Rakor pekan ini", created_at=1_700_000_000)
    new = await add(db, "Rakor pekan ini", created_at=1_700_000_100)
    assert await found(db, "rakor") == [new, old]


async def test_group_isolation(db: Database) -> None:
    mine = await add(db, "Anggaran BLUD 2025")
    theirs = await add(db, "Anggaran BLUD 2025", group_id=OTHER)
    positive = await add(db, "Anggaran BLUD 2025", group_id=1001)  # same digits, other sign
    assert await found(db, "anggaran") == [mine]
    assert await found(db, "anggaran", (OTHER,)) == [theirs]
    assert sorted(await found(db, "anggaran", (GROUP, OTHER, 1001))) == [mine, theirs, positive]
    page = await search(db, group_ids=[], query="anggaran")
    assert page.hits == ()
    assert page.total == 0


async def test_paging(db: Database) -> None:
    records = [
        await add(db, f"Laporan banjir nomor {i}", created_at=1_700_000_000 + i) for i in range(12)
    ]
    newest_first = records[::-1]
    first = await search(db, group_ids=[GROUP], query="banjir", limit=5)
    second = await search(db, group_ids=[GROUP], query="banjir", limit=5, offset=5)
    last = await search(db, group_ids=[GROUP], query="banjir", limit=5, offset=10)
    beyond = await search(db, group_ids=[GROUP], query="banjir", limit=5, offset=40)
    assert [h.record_id for h in first.hits + second.hits + last.hits] == newest_first
    assert (first.total, second.total, last.total, beyond.total) == (12, 12, 12, 12)
    assert first.has_more
    assert second.has_more
    assert not last.has_more
    assert beyond.hits == ()
    assert not beyond.has_more


async def test_empty_query_raises(db: Database) -> None:
    await add(db, "Apa saja")
    for query in ("", "  ", "🙏", '"*"', "-^()"):
        with pytest.raises(EmptyQuery):
            await search(db, group_ids=[GROUP], query=query)


async def test_reindex_from_a_registered_source(db: Database) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, group_id INTEGER, seq INTEGER,"
            " unit TEXT, at INTEGER, body TEXT)"
        )
        await conn.executemany(
            "INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?)",
            [
                (1, GROUP, 1, "BPKD", 1_700_000_000, "Realisasi anggaran triwulan III"),
                (2, GROUP, 2, None, 1_700_000_100, "Penertiban parkir liar"),
                (3, OTHER, 1, "DLH", 1_700_000_200, "Pengangkutan sampah"),
            ],
        )
    stale = await add(db, "Catatan lama tentang parkir", kind=KIND_ANNOUNCEMENT)
    registry = SourceRegistry()
    columns = (
        "group_id, id AS record_id, seq AS number, unit AS unit_code, at AS created_at,"
        " body AS text FROM notes"
    )
    registry.register(KIND_TASK, f"SELECT {columns} ORDER BY id")
    registry.register(KIND_DECISION, f"SELECT {columns}")
    assert await reindex(db, registry) == {KIND_TASK: 3, KIND_DECISION: 3}
    page = await search(db, group_ids=[GROUP], query="parkir")
    assert sorted((hit.kind, hit.record_id) for hit in page.hits) == [
        (KIND_DECISION, 2),
        (KIND_TASK, 2),
    ]
    assert stale not in [hit.record_id for hit in page.hits]
    page = await search(db, group_ids=[OTHER], query="angkut")
    assert {(hit.unit_code, hit.number) for hit in page.hits} == {("DLH", 1)}
    # Writes after a rebuild keep working (ids continue after the rebuilt ones).
    late = await add(db, "Parkir di Jalan Merdeka", kind=KIND_ANNOUNCEMENT)
    assert late in await found(db, "merdeka")


async def test_unknown_kind_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="unknown search kind"):
        await add(db, "x", kind="meeting")
    with pytest.raises(ValueError, match="unknown search kind"):
        SourceRegistry().register("meeting", "SELECT 1")


@pytest.fixture
async def seeded(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Database]:
    database = await connect(tmp_path_factory.mktemp("prop") / "rakor.db")
    texts = [
        'Parkir "liar" di Jalan Merdeka -- NEAR(x) AND OR NOT * ^ {exact}: 😀',
        "Anggaran BUMD, BLUD; aset & perizinan (2025)",
        "Pengumuman: banjir, sampah, bansos — Pénataan PKL",
    ]
    for group_id in (GROUP, OTHER):
        for text in texts:
            await add(database, text, group_id=group_id)
    yield database
    await database.close()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
async def test_any_text_is_a_safe_query(seeded: Database, query: str) -> None:
    try:
        page = await search(seeded, group_ids=[GROUP], query=query, limit=10)
    except EmptyQuery:
        return
    assert all(hit.group_id == GROUP for hit in page.hits)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=80))
async def test_any_text_finds_itself(seeded: Database, text: str) -> None:
    """Index and query see the same words, whatever the script: a record is found by its text."""
    record = await add(seeded, text, group_id=GROUP, kind=KIND_TASK)
    try:
        found_ids = await found(seeded, text)
    except EmptyQuery:
        return
    finally:
        async with seeded.transaction() as conn:
            await unindex_record(conn, KIND_TASK, record)
    assert record in found_ids


@pytest.fixture
def few_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Match sets above three are "large": listed newest first instead of by bm25."""
    monkeypatch.setattr(storage_search, "RANKED_MATCHES", 3)


async def pages(db: Database, query: str, size: int) -> list[int]:
    """Every hit's record id, read page by page."""
    seen: list[int] = []
    while True:
        page = await search(db, group_ids=[GROUP], query=query, limit=size, offset=len(seen))
        seen += [hit.record_id for hit in page.hits]
        if not page.has_more:
            return seen


@pytest.mark.usefixtures("few_ranked")
async def test_large_match_sets_list_exact_matches_newest_first_then_stem_only(
    db: Database,
) -> None:
    stem_old = await add(db, "Hasil seleksi diumumkan", created_at=1_700_000_000)
    exact_old = await add(db, "Pengumuman libur", created_at=1_700_000_100)
    exact_same_second = await add(db, "Pengumuman rapat", created_at=1_700_000_100)
    stem_new = await add(db, "Jadwal diumumkan minggu depan", created_at=1_700_000_800)
    exact_new = await add(db, "Pengumuman pemenang lomba", created_at=1_700_000_900)
    expected = [exact_new, exact_same_second, exact_old, stem_new, stem_old]
    for size in (1, 2, 3, 5):
        assert await pages(db, "pengumuman", size) == expected
    assert (await search(db, group_ids=[GROUP], query="pengumuman")).total == 5
    # Page 3 of two hits each starts after the three exact matches.
    third = await search(db, group_ids=[GROUP], query="pengumuman", limit=2, offset=4)
    assert [hit.record_id for hit in third.hits] == [stem_old]


async def test_small_match_sets_also_put_exact_matches_first(db: Database) -> None:
    # bm25 alone would put the stem-only record first: its stem four times in four words,
    # against the exact word once in 600 (bm25 discounts long texts).
    async with db.transaction() as conn:
        for i in range(100):
            await index_record(
                conn,
                group_id=GROUP,
                kind=KIND_TASK,
                record_id=i,
                number=i,
                unit_code=None,
                created_at=1_700_000_000,
                text=f"Catatan lain {i}",
            )
    stem_only = await add(db, "Diumumkan umumkan umumkan umumkan")
    exact = await add(db, "Pengumuman " + " ".join(f"kata{i}" for i in range(600)))
    assert await found(db, "pengumuman") == [exact, stem_only]


@pytest.mark.usefixtures("few_ranked")
async def test_an_edit_keeps_the_records_place(db: Database) -> None:
    first = await add(db, "Laporan banjir pertama", created_at=1_700_000_000)
    second = await add(db, "Laporan banjir kedua", created_at=1_700_000_100)
    third = await add(db, "Laporan banjir ketiga", created_at=1_700_000_200)
    fourth = await add(db, "Laporan banjir keempat", created_at=1_700_000_300)
    await add(db, "Laporan banjir pertama, diperbaiki", record_id=first, created_at=1_700_000_000)
    assert await found(db, "banjir") == [fourth, third, second, first]
    assert await found(db, "diperbaiki") == [first]
    await add(db, "Laporan banjir kedua", record_id=second, group_id=OTHER)
    assert await found(db, "banjir") == [fourth, third, first]
    assert await found(db, "banjir", (OTHER,)) == [second]


async def test_a_group_without_records_finds_nothing(db: Database) -> None:
    await add(db, "Anggaran BLUD 2025")
    page = await search(db, group_ids=[OTHER, 42], query="anggaran")
    assert (page.hits, page.total) == ((), 0)


@pytest.mark.usefixtures("few_ranked")
async def test_reindex_lists_every_source_in_order_of_creation(db: Database) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, group_id INTEGER, at INTEGER, body TEXT)"
        )
        await conn.executemany(
            "INSERT INTO notes VALUES (?, ?, ?, ?)",
            [(i, GROUP if i % 3 else OTHER, 1_700_000_000 + (i * 7919) % 50, f"Rapat {i}")
             for i in range(1, 40)],
        )  # fmt: skip
    registry = SourceRegistry()
    sql = "SELECT group_id, id, id, NULL, at, body FROM notes WHERE id % 2 = {}"
    registry.register(KIND_TASK, sql.format(0))
    registry.register(KIND_DECISION, sql.format(1))
    await reindex(db, registry)
    page = await search(db, group_ids=[GROUP, OTHER], query="rapat", limit=50)
    assert page.total == 39
    times = [hit.created_at for hit in page.hits]
    assert times == sorted(times, reverse=True)
    mine = await search(db, group_ids=[GROUP], query="rapat", limit=50)
    assert {hit.group_id for hit in mine.hits} == {GROUP} and mine.total == 26
    # Writes after a rebuild go on in the same groups.
    late = await add(db, "Rapat susulan", created_at=1_700_000_049)
    assert (await found(db, "rapat"))[0] == late


async def test_a_rebuild_runs_when_a_migration_asked_for_it(db: Database) -> None:
    registry = SourceRegistry()
    for kind in storage_search.KINDS:
        registry.register(kind, "SELECT 1, 1, 1, NULL, 1, 'x' WHERE 0")
    stale = await add(db, "Catatan yang sudah tidak ada sumbernya")
    # A new database has no old index to carry over.
    assert not await storage_search.rebuild_if_requested(db, registry)
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO search_rebuild (reason) VALUES ('test')")
    assert await storage_search.rebuild_if_requested(db, registry)
    assert await found(db, "catatan") == []
    assert not await storage_search.rebuild_if_requested(db, registry)
    await add(db, "Catatan baru", record_id=stale)
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO search_rebuild (reason) VALUES ('test')")
    with pytest.raises(RuntimeError, match="no search source registered for agenda_item"):
        await storage_search.rebuild_if_requested(db, SourceRegistry())
    assert await found(db, "catatan") == [stale]
