"""Benchmark of the search index: build time, size, query latency against a LIKE scan.

    .venv/bin/python -m bench.search --records 1000000

Records are generated from ``seeds/search_vocabulary.json`` (templates and word lists of
regional-government chat), spread over ``--groups`` groups, stored in a plain table of a
temporary SQLite file and indexed through :func:`storage.search.reindex`, the real code path.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from storage.db import Database, connect
from storage.search import KIND_DECISION, KIND_TASK_NOTE, SourceRegistry, index_record, reindex
from storage.search import search as fts_search

VOCABULARY = Path(__file__).resolve().parent.parent / "seeds" / "search_vocabulary.json"
START = 1_700_000_000
BATCH = 20_000

# name → (query, the LIKE patterns an unindexed implementation would scan for)
QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "common": ("rapat", ("%rapat%",)),
    "common+stem": ("anggaran", ("%anggar%",)),
    "rare": ("bioretensi", ("%bioretensi%",)),
    "multi-word": ("penataan parkir jalan merdeka", ("%tata%", "%parkir%", "%merdeka%")),
    "multi-word rare": ("sinkhole sudirman", ("%sinkhole%", "%sudirman%")),
}


def records(count: int, groups: list[int], seed: int) -> Iterator[tuple[Any, ...]]:
    """(id, group_id, number, unit_code, created_at, text) for ``count`` generated records."""
    vocab = json.loads(VOCABULARY.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    topics = list(vocab["topics"].values())
    numbers = dict.fromkeys(groups, 0)
    for record_id in range(1, count + 1):
        topic = rng.choice(topics)
        unit, unit2 = rng.sample(vocab["units"], 2)
        slots = {
            "opener": rng.choice(vocab["openers"]),
            "closer": rng.choice(vocab["closers"]),
            "leader": rng.choice(vocab["leaders"]),
            "unit": unit,
            "unit2": unit2,
            "place": rng.choice(vocab["places"]),
            "day": rng.choice(vocab["days"]),
            "channel": rng.choice(vocab["channels"]),
            "followup": rng.choice(vocab["followups"]),
            "obstacle": rng.choice(vocab["obstacles"]),
            "report": rng.choice(vocab["reports"]),
            "subject": rng.choice(topic["subjects"]),
            "action": rng.choice(topic["actions"]),
            "done": rng.choice(topic["done"]),
            "decision": rng.choice(topic["decisions"]),
            "amount": f"{rng.randint(10, 9_999) * 1_000_000:,}".replace(",", "."),
            "percent": rng.randint(5, 100),
            "time": f"{rng.randint(7, 16):02d}.{rng.choice((0, 30)):02d}",
        }
        text = rng.choice(vocab["templates"]).format(**slots)
        if rng.random() < 0.3:
            text += f" Nomor surat {rng.randint(1, 9999)}/{unit.split()[-1]}/2025."
        if rng.random() < 0.002:
            text += f" Catatan: {rng.choice(vocab['rare'])} di {rng.choice(vocab['places'])}."
        group_id = rng.choice(groups)
        numbers[group_id] += 1
        code = unit.split()[-1].upper()
        yield record_id, group_id, numbers[group_id], code, START + record_id * 30, text


async def build(db: Database, count: int, groups: list[int], seed: int) -> float:
    """Store the raw records in ``bench_records``; the seconds it took."""
    started = time.perf_counter()
    async with db.transaction() as conn:
        await conn.execute(
            "CREATE TABLE bench_records (id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL,"
            " number INTEGER NOT NULL, unit_code TEXT, created_at INTEGER NOT NULL,"
            " text TEXT NOT NULL)"
        )
        await conn.execute("CREATE INDEX bench_records_group ON bench_records (group_id, id)")
    batch: list[tuple[Any, ...]] = []
    for row in records(count, groups, seed):
        batch.append(row)
        if len(batch) == BATCH:
            await _insert(db, batch)
            batch = []
    await _insert(db, batch)
    return time.perf_counter() - started


async def _insert(db: Database, batch: list[tuple[Any, ...]]) -> None:
    async with db.transaction() as conn:
        await conn.executemany("INSERT INTO bench_records VALUES (?, ?, ?, ?, ?, ?)", batch)


async def sizes(db: Database) -> dict[str, int]:
    """Bytes per concern: the raw records, the docs table, the FTS5 shadow tables, the file."""
    async with db.reading() as conn:
        await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        async with conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name") as cursor:
            per_table = {name: int(size) for name, size in await cursor.fetchall()}
    result = {"raw": 0, "docs": 0, "fts": 0, "file": db.path.stat().st_size}
    for name, size in per_table.items():
        key = (
            "fts"
            if name.startswith("search_fts")
            else "docs"
            if name.startswith("search_docs")
            else "raw"
            if name.startswith("bench_records")
            else None
        )
        if key:
            result[key] += size
    return result


async def latencies(call: Callable[[], Awaitable[int]], runs: int) -> tuple[float, float, int]:
    """p50 and p95 in milliseconds, and the match count of the last run."""
    timings, matched = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        matched = await call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))], matched


async def like_scan(db: Database, groups: list[int], patterns: tuple[str, ...]) -> int:
    """The unindexed alternative: newest 5 records of the groups containing every pattern."""
    marks = ", ".join("?" * len(groups))
    likes = " AND ".join("text LIKE ?" for _ in patterns)
    sql = (  # only placeholders are interpolated
        "SELECT id, group_id, number, unit_code, created_at, text, count(*) OVER () AS total"  # noqa: S608
        f" FROM bench_records WHERE group_id IN ({marks}) AND {likes}"
        " ORDER BY created_at DESC LIMIT 5"
    )
    async with db.reading() as conn, conn.execute(sql, (*groups, *patterns)) as cursor:
        rows = list(await cursor.fetchall())
    return int(rows[0]["total"]) if rows else 0


async def write_cost(db: Database, groups: list[int], runs: int = 2000) -> float:
    """Microseconds per index_record, each in its own transaction, as the features will do."""
    started = time.perf_counter()
    for record_id, group_id, number, code, created_at, text in records(runs, groups, 99):
        async with db.transaction() as conn:
            await index_record(
                conn,
                group_id=group_id,
                kind=KIND_TASK_NOTE,
                record_id=record_id,
                number=number,
                unit_code=code,
                created_at=created_at,
                text=text,
            )
    return (time.perf_counter() - started) / runs * 1e6


async def main(args: argparse.Namespace) -> None:
    groups = [-1_000_000_000_000 - i for i in range(args.groups)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.path) if args.path else Path(tmp) / "bench.db"
        db = await connect(path)
        try:
            generated = await build(db, args.records, groups, args.seed)
            print(f"records: {args.records:,} in {args.groups} groups, stored in {generated:.1f}s")
            registry = SourceRegistry()
            registry.register(
                KIND_DECISION,
                "SELECT group_id, id AS record_id, number, unit_code, created_at, text"
                " FROM bench_records",
            )
            started = time.perf_counter()
            await reindex(db, registry)
            built = time.perf_counter() - started
            print(f"index build (reindex): {built:.1f}s, {args.records / built:,.0f} records/s")
            size = await sizes(db)
            index = size["docs"] + size["fts"]
            print(
                f"file {size['file'] / 1e6:,.0f} MB: raw records {size['raw'] / 1e6:,.0f} MB,"
                f" search_docs {size['docs'] / 1e6:,.0f} MB, FTS5 {size['fts'] / 1e6:,.0f} MB"
                f" (FTS5 {size['fts'] / size['file']:.0%} of the file,"
                f" index total {index / size['file']:.0%})"
            )
            await report_queries(db, groups, args.runs)
            print(f"index_record, one transaction each: {await write_cost(db, groups):,.0f} µs")
        finally:
            await db.close()


async def report_queries(db: Database, groups: list[int], runs: int) -> None:
    print(f"latency over {runs} runs (ms)   FTS p50/p95   LIKE p50/p95   LIKE÷FTS p50   matches")
    for scope, chosen in (("1 group", groups[:1]), ("5 groups", groups[:5])):
        for name, (query, patterns) in QUERIES.items():

            async def fts(query: str = query, chosen: list[int] = chosen) -> int:
                return (await fts_search(db, group_ids=chosen, query=query)).total

            async def like(patterns: tuple[str, ...] = patterns, chosen: list[int] = chosen) -> int:
                return await like_scan(db, chosen, patterns)

            f50, f95, hits = await latencies(fts, runs)
            l50, l95, like_hits = await latencies(like, max(3, runs // 5))
            print(
                f"{scope:>8} {name:<16} {f50:8.1f} {f95:8.1f}   {l50:8.1f} {l95:8.1f}"
                f"   {l50 / f50:8.1f}x   {hits:,} (LIKE {like_hits:,})"
            )


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--runs", type=int, default=30, help="searches per query for p50/p95")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--path", help="keep the database here instead of a temporary file")
    return parser.parse_args(argv)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main(parse()))
