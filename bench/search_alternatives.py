"""The alternatives ``bench/search.py`` compares for a common word, on the same records.

* *plain words + group column*: the layout before this one. Every word is indexed as is and
  the group is a token (``gn1001``) in a third column; a search ANDs the words with the group
  tokens, so FTS5 reads the word's postings across all groups.
* *group-tagged words*: the index of :mod:`storage.search`, each word after its group's tag.

and two rankings: bm25 over every match, or the exact matches newest first (FTS5 reads them
from the end of its rowid order and stops after a page); for the tagged index also one query
per group against one query across the groups. Each alternative finds the match count and
the first page's ids; the last one is :func:`storage.search.search` itself, with the
documents and snippets.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Awaitable, Callable

from bot.domain.textsearch import Query, analyse, build_query
from storage.db import Database
from storage.search import clause, fts_string, group_prefix, within
from storage.search import search as fts_search

BATCH = 20_000
CHOSEN = "storage.search.search"


def plain_columns(text: str) -> tuple[str, str]:
    """The former layout's column values: the words and their stems, without a group tag."""
    words, stems = analyse(text)
    return " ".join(words), " ".join(stems)


def percentiles(timings: list[float]) -> tuple[float, float]:
    """p50 and p95 of some timings (milliseconds)."""
    timings = sorted(timings)
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


async def build_plain_index(db: Database) -> float | None:
    """The layout before this one, for comparison: plain words, and the group as a token
    (``gn1001``) in a third column. The seconds it took (None: reused)."""
    found = await db.fetch_one("SELECT 1 FROM sqlite_schema WHERE name = 'bench_plain_fts'")
    if found is not None:
        return None
    started = time.perf_counter()
    async with db.transaction() as conn:  # one transaction: a failed build leaves nothing
        await conn.execute(
            "CREATE VIRTUAL TABLE bench_plain_fts USING fts5"
            " (exact, stems, grp, tokenize = 'unicode61 remove_diacritics 2')"
        )
        sql = "SELECT id, group_id, text FROM bench_records ORDER BY id"
        async with conn.execute(sql) as cursor:
            while rows := await cursor.fetchmany(BATCH):
                batch = [
                    (row["id"], *plain_columns(row["text"]), plain_group(row["group_id"]))
                    for row in rows
                ]
                await conn.executemany(
                    "INSERT INTO bench_plain_fts (rowid, exact, stems, grp) VALUES (?, ?, ?, ?)",
                    batch,
                )
    return time.perf_counter() - started


def plain_group(group_id: int) -> str:
    return f"g{'n' if group_id < 0 else 'p'}{abs(group_id)}"


Alternative = Callable[[Database, str, list[int]], Awaitable[tuple[int, list[int]]]]


async def _count(db: Database, table: str, match: str) -> int:
    row = await db.fetch_one(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (match,))  # noqa: S608
    return int(row[0]) if row else 0


async def _newest(db: Database, table: str, match: str) -> list[int]:
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 5"  # noqa: S608
    return [int(row[0]) for row in await db.fetch_all(sql, (match,))]


def _plain(query: str, groups: list[int]) -> str:
    tokens = " OR ".join(f'"{plain_group(group_id)}"' for group_id in groups)
    return f"({query}) AND grp : ({tokens})"


def _former_clause(parsed: Query) -> str:
    """The MATCH expression as it was built before: two phrases for every word and stem."""
    clauses = []
    for term in parsed.terms:
        exact = f"exact : {fts_string(term.exact)}"
        stem = f" OR stems : {fts_string(term.stem)}" if term.stem else ""
        clauses.append(f"({exact}{stem})" if stem else exact)
    return " AND ".join(clauses)


async def plain_bm25_all(db: Database, word: str, groups: list[int]) -> tuple[int, list[int]]:
    """The query before this change: bm25 over every match, joined, sorted, counted."""
    parsed = build_query(word)
    rows = await db.fetch_all(
        "WITH matches AS MATERIALIZED (SELECT rowid AS id,"
        " bm25(bench_plain_fts, 10.0, 1.0, 0.0) AS score FROM bench_plain_fts"
        " WHERE bench_plain_fts MATCH ?)"
        " SELECT r.id, r.text, count(*) OVER () AS total FROM matches"
        " JOIN bench_records AS r ON r.id = matches.id"
        " WHERE r.group_id IN (SELECT value FROM json_each(?))"
        " ORDER BY matches.score, r.created_at DESC, r.id DESC LIMIT 5",
        (_plain(_former_clause(parsed), groups), json.dumps(groups)),
    )
    return (int(rows[0]["total"]) if rows else 0), [int(row["id"]) for row in rows]


async def plain_newest(db: Database, word: str, groups: list[int]) -> tuple[int, list[int]]:
    parsed = build_query(word)
    ids = await _newest(
        db, "bench_plain_fts", _plain(clause(parsed.terms, "", exact_only=True), groups)
    )
    return await _count(db, "bench_plain_fts", _plain(clause(parsed.terms, ""), groups)), ids


async def _prefixes(db: Database, groups: list[int]) -> list[str]:
    rows = await db.fetch_all(
        "SELECT tag FROM search_groups WHERE group_id IN (SELECT value FROM json_each(?))",
        (json.dumps(groups),),
    )
    return [group_prefix(row["tag"]) for row in rows]


async def tagged_bm25_all(db: Database, word: str, groups: list[int]) -> tuple[int, list[int]]:
    parsed = build_query(word)
    match = within(parsed.terms, await _prefixes(db, groups))
    rows = await db.fetch_all(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
        " ORDER BY bm25(search_fts, 10.0, 1.0), rowid DESC LIMIT 5",
        (match,),
    )
    return await _count(db, "search_fts", match), [int(row[0]) for row in rows]


async def tagged_newest_per_group(
    db: Database, word: str, groups: list[int]
) -> tuple[int, list[int]]:
    parsed = build_query(word)
    total, ids = 0, []
    for prefix in await _prefixes(db, groups):
        total += await _count(db, "search_fts", clause(parsed.terms, prefix))
        ids += await _newest(db, "search_fts", clause(parsed.terms, prefix, exact_only=True))
    return total, sorted(ids, reverse=True)[:5]


async def tagged_newest(db: Database, word: str, groups: list[int]) -> tuple[int, list[int]]:
    parsed = build_query(word)
    prefixes = await _prefixes(db, groups)
    ids = await _newest(db, "search_fts", within(parsed.terms, prefixes, exact_only=True))
    return await _count(db, "search_fts", within(parsed.terms, prefixes)), ids


async def chosen(db: Database, word: str, groups: list[int]) -> tuple[int, list[int]]:
    page = await fts_search(db, group_ids=groups, terms=build_query(word).terms)
    return page.total, [hit.record_id for hit in page.hits]


ALTERNATIVES: dict[str, Alternative] = {
    "plain words + group column, bm25 over all (before)": plain_bm25_all,
    "plain words + group column, exact newest first": plain_newest,
    "group-tagged words, bm25 over all": tagged_bm25_all,
    "group-tagged words, exact newest first, per group": tagged_newest_per_group,
    "group-tagged words, exact newest first, one query": tagged_newest,
    CHOSEN: chosen,
}


async def report(db: Database, word: str, groups: list[int], runs: int) -> dict[int, float]:
    """The alternatives for the common word, taking turns run by run so that a busy moment of
    the machine falls on all of them; the chosen one's p95 per number of groups."""
    counts = (1, 5)
    timings: dict[tuple[str, int], list[float]] = {}
    matches: dict[tuple[str, int], int] = {}
    for _ in range(runs):
        for name, alternative in ALTERNATIVES.items():
            for count in counts:
                started = time.perf_counter()
                matches[name, count], _ = await alternative(db, word, groups[:count])
                timings.setdefault((name, count), []).append((time.perf_counter() - started) * 1000)
    print(f"common word {word!r}, {runs} runs each (ms)           1 group p50/p95"
          "     5 groups p50/p95   matches")  # fmt: skip
    for name in ALTERNATIVES:
        line = f"{name:<52}"
        for count in counts:
            p50, p95 = percentiles(timings[name, count])
            line += f" {p50:8.1f} {p95:8.1f}  "
        print(f"{line} {' / '.join(f'{matches[name, count]:,}' for count in counts)}")
    return {count: percentiles(timings[CHOSEN, count])[1] for count in counts}
