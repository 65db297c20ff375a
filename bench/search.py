"""Benchmark of the search index: build time, size, latency against a LIKE scan and against
the other index layouts and rankings considered.

    .venv/bin/python -m bench.search --records 1000000 [--path /tmp/rakor-search-bench.db]

Records are generated from ``seeds/search_vocabulary.json`` (templates and word lists of
regional-government chat), spread over ``--groups`` groups, stored in a plain table of a
temporary SQLite file and indexed through :func:`storage.search.reindex`, the real code path.
With ``--path`` the file is kept, and a later run with the same ``--records``, ``--groups``
and ``--seed`` reuses the records and both indexes (the real one is rebuilt when a migration
asked for it, as the bot would).

The *alternatives* table (``bench/search_alternatives.py``) measures, on the same records and
in the same run, the layouts and rankings considered for a common word. The last lines are
``p95 common-1-group X.X`` and ``p95 common-5-groups X.X``: milliseconds of
:func:`storage.search.search` (the first page of five hits, with snippets) for that word.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import search_alternatives as alternatives
from bench.search_alternatives import percentiles
from bot.domain.textsearch import analyse, build_query
from storage import search as search_index
from storage.db import Database, connect
from storage.search import (
    KIND_DECISION,
    KIND_TASK_NOTE,
    KINDS,
    SourceRegistry,
    index_record,
    rebuild_if_requested,
    unindex_record,
)
from storage.search import search as fts_search

VOCABULARY = Path(__file__).resolve().parent.parent / "seeds" / "search_vocabulary.json"
START = 1_700_000_000
BATCH = 20_000
COMMON = "rapat"

# name → (query, the LIKE patterns an unindexed implementation would scan for)
QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "common": (COMMON, ("%rapat%",)),
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


async def build(db: Database, count: int, groups: list[int], seed: int) -> float | None:
    """Store the raw records in ``bench_records``; the seconds it took (None: reused)."""
    meta = json.dumps([count, len(groups), seed])
    async with db.transaction() as conn:
        await conn.execute("CREATE TABLE IF NOT EXISTS bench_meta (params TEXT NOT NULL)")
        async with conn.execute("SELECT params FROM bench_meta") as cursor:
            kept = await cursor.fetchone()
    if kept is not None and kept["params"] == meta:
        return None
    if kept is not None:
        raise SystemExit(f"{db.path} holds records of other parameters ({kept['params']})")
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
            await _insert(db, "INSERT INTO bench_records VALUES (?, ?, ?, ?, ?, ?)", batch)
            batch = []
    await _insert(db, "INSERT INTO bench_records VALUES (?, ?, ?, ?, ?, ?)", batch)
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO bench_meta (params) VALUES (?)", (meta,))
        await conn.execute("INSERT INTO search_rebuild (reason) VALUES ('new bench records')")
    return time.perf_counter() - started


async def _insert(db: Database, sql: str, batch: list[tuple[Any, ...]]) -> None:
    async with db.transaction() as conn:
        await conn.executemany(sql, batch)


async def sizes(db: Database) -> dict[str, int]:
    """Bytes per concern: the raw records, the docs table, the FTS5 shadow tables, the file."""
    async with db.reading() as conn:
        await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        async with conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name") as cursor:
            per_table = {name: int(size) for name, size in await cursor.fetchall()}
    result = {"raw": 0, "docs": 0, "fts": 0, "plain": 0, "file": db.path.stat().st_size}
    prefixes = {"search_fts": "fts", "search_": "docs", "bench_records": "raw"}
    prefixes["bench_plain_fts"] = "plain"
    for name, size in per_table.items():
        key = next((k for p, k in sorted(prefixes.items(), reverse=True) if name.startswith(p)), "")
        if key:
            result[key] += size
    return result


async def like_scan(db: Database, groups: list[int], patterns: tuple[str, ...]) -> int:
    """The unindexed alternative: newest 5 records of the groups containing every pattern."""
    marks = ", ".join("?" * len(groups))
    likes = " AND ".join("text LIKE ?" for _ in patterns)
    sql = (  # only placeholders are interpolated
        "SELECT id, group_id, number, unit_code, created_at, text, count(*) OVER () AS total"  # noqa: S608
        f" FROM bench_records WHERE group_id IN ({marks}) AND {likes}"
        " ORDER BY created_at DESC LIMIT 5"
    )
    rows = await db.fetch_all(sql, (*groups, *patterns))
    return int(rows[0]["total"]) if rows else 0


async def report_queries(db: Database, groups: list[int], runs: int) -> None:
    """Every query through the index and as a LIKE scan (a fifth as often: it is slow), taking
    turns run by run so that a busy moment of the machine falls on all of them."""
    cases = [
        (scope, name, query, patterns, chosen)
        for scope, chosen in (("1 group", groups[:1]), ("5 groups", groups[:5]))
        for name, (query, patterns) in QUERIES.items()
    ]
    fts: dict[str, list[float]] = {}
    like: dict[str, list[float]] = {}
    found: dict[tuple[str, str], int] = {}
    for run in range(runs):
        for scope, name, query, patterns, chosen in cases:
            started = time.perf_counter()
            found["fts", scope + name] = (
                await fts_search(db, group_ids=chosen, terms=build_query(query).terms)
            ).total
            fts.setdefault(scope + name, []).append((time.perf_counter() - started) * 1000)
            if run % 5 == 0:
                started = time.perf_counter()
                found["like", scope + name] = await like_scan(db, chosen, patterns)
                like.setdefault(scope + name, []).append((time.perf_counter() - started) * 1000)
    print(f"latency over {runs} runs (ms)   FTS p50/p95   LIKE p50/p95   LIKE÷FTS p50   matches")
    for scope, name, *_ in cases:
        (f50, f95), (l50, l95) = percentiles(fts[scope + name]), percentiles(like[scope + name])
        print(
            f"{scope:>8} {name:<16} {f50:8.1f} {f95:8.1f}   {l50:8.1f} {l95:8.1f}"
            f"   {l50 / f50:8.1f}x   {found['fts', scope + name]:,}"
            f" (LIKE {found['like', scope + name]:,})"
        )


async def write_cost(db: Database, groups: list[int], runs: int = 2000) -> float:
    """Microseconds per index_record, each in its own transaction, as the features do; the
    records are removed again so that a kept database stays as generated."""
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
    cost = (time.perf_counter() - started) / runs * 1e6
    async with db.transaction() as conn:
        for record_id in range(1, runs + 1):
            await unindex_record(conn, KIND_TASK_NOTE, record_id)
    return cost


async def main(args: argparse.Namespace) -> None:
    groups = [-1_000_000_000_000 - i for i in range(args.groups)]
    with tempfile.TemporaryDirectory() as tmp:
        db = await connect(Path(args.path) if args.path else Path(tmp) / "bench.db")
        try:
            await run(db, args, groups)
        finally:
            await db.close()


async def run(db: Database, args: argparse.Namespace, groups: list[int]) -> None:
    generated = await build(db, args.records, groups, args.seed)
    stored = "reused" if generated is None else f"stored in {generated:.1f}s"
    print(f"records: {args.records:,} in {args.groups} groups, {stored}")
    registry = SourceRegistry()
    every = "SELECT group_id, id, number, unit_code, created_at, text FROM bench_records"
    for kind in KINDS:  # the records are decisions; every kind must have a source
        registry.register(kind, every if kind == KIND_DECISION else every + " WHERE 0")
    started = time.perf_counter()
    if await rebuild_if_requested(db, registry):
        built = time.perf_counter() - started
        print(f"index build (reindex): {built:.1f}s, {args.records / built:,.0f} records/s")
    else:
        print("index: reused")
    plain = await alternatives.build_plain_index(db)
    print(f"plain-word index for comparison: {'reused' if plain is None else f'{plain:.1f}s'}")
    size = await sizes(db)
    print(
        f"file {size['file'] / 1e6:,.0f} MB: raw records {size['raw'] / 1e6:,.0f} MB,"
        f" search_docs {size['docs'] / 1e6:,.0f} MB, FTS5 {size['fts'] / 1e6:,.0f} MB"
        f" (plain-word FTS5 for comparison {size['plain'] / 1e6:,.0f} MB)"
    )
    await report_queries(db, groups, args.runs)
    print(f"index_record, one transaction each: {await write_cost(db, groups):,.0f} µs")
    p95 = await alternatives.report(db, COMMON, groups, args.runs)
    print(f"p95 common-1-group {p95[1]:.1f}")
    print(f"p95 common-5-groups {p95[5]:.1f}")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--runs", type=int, default=30, help="searches per query for p50/p95")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--path", help="keep the database here (and reuse it on the next run)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    search_index.use_analyser(analyse)
    asyncio.run(main(parse()))
