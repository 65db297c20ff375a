"""The full-text index behind ``/cari``: one FTS5 table over every searchable record.

Features keep the index in step with their own tables by calling :func:`index_record` and
:func:`unindex_record` inside the transaction of their write, and register a *source* (the SQL
that lists their records) so that :func:`reindex` can rebuild everything from scratch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import aiosqlite

from bot.domain.textsearch import Query, Segment, build_query, index_columns, snippet
from storage.db import Database, from_row, one_row

logger = logging.getLogger(__name__)

KIND_ANNOUNCEMENT = "announcement"
KIND_DECISION = "decision"
KIND_AGENDA_ITEM = "agenda_item"
KIND_TASK = "task"
KIND_TASK_NOTE = "task_note"
KINDS = (KIND_ANNOUNCEMENT, KIND_DECISION, KIND_AGENDA_ITEM, KIND_TASK, KIND_TASK_NOTE)

MAX_LIMIT = 50
_REINDEX_BATCH = 5000
# The `grp` tokens in the MATCH make the group filter fast for common words; the
# `d.group_id IN (...)` is the guarantee that no other group's record ever comes back.
# bm25 column weights: an exact word counts ten times a shared stem; the group token nothing.
# (bm25 cannot sit next to a window function, hence the materialised CTE.)
_MATCHING = (
    "WITH matches AS MATERIALIZED ("
    " SELECT rowid AS id, bm25(search_fts, 10.0, 1.0, 0.0) AS score"
    " FROM search_fts WHERE search_fts MATCH ?)"
    " {select} FROM matches JOIN search_docs AS d ON d.id = matches.id"
    " WHERE d.group_id IN (SELECT value FROM json_each(?))"
)
_PAGE_SQL = _MATCHING.format(
    select="SELECT d.kind, d.record_id, d.number, d.group_id, d.unit_code, d.created_at,"
    " d.body, count(*) OVER () AS total"
) + (" ORDER BY matches.score, d.created_at DESC, d.id DESC LIMIT ? OFFSET ?")
_COUNT_SQL = _MATCHING.format(select="SELECT count(*) AS total")


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    record_id: int
    number: int
    group_id: int
    unit_code: str | None
    created_at: int
    snippet: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total


@dataclass(frozen=True, slots=True)
class SearchSource:
    """SQL selecting columns named ``group_id, record_id, number, unit_code, created_at, text``."""

    kind: str
    sql: str


class SourceRegistry:
    """The searchable tables, one source per kind; each feature registers its own."""

    def __init__(self) -> None:
        self._sources: dict[str, SearchSource] = {}

    def register(self, kind: str, sql: str) -> None:
        _check_kind(kind)
        self._sources[kind] = SearchSource(kind, sql)

    def __iter__(self) -> Iterator[SearchSource]:
        return iter(list(self._sources.values()))

    def __len__(self) -> int:
        return len(self._sources)


SOURCES = SourceRegistry()
"""The application's registry, filled by the features at import time."""


def register_source(kind: str, sql: str) -> None:
    """Register the SQL listing every record of ``kind`` in :data:`SOURCES`."""
    SOURCES.register(kind, sql)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown search kind {kind!r}; expected one of {', '.join(KINDS)}")


def group_token(group_id: int) -> str:
    """The token naming a group in the ``grp`` column: -1001 → ``gn1001``, 5 → ``gp5``."""
    return f"g{'n' if group_id < 0 else 'p'}{abs(group_id)}"


async def index_record(
    conn: aiosqlite.Connection,
    *,
    group_id: int,
    kind: str,
    record_id: int,
    number: int,
    unit_code: str | None,
    created_at: int,
    text: str,
) -> None:
    """Add or replace the record ``(kind, record_id)``; call inside the write's transaction."""
    _check_kind(kind)
    exact, stems = index_columns(text)
    row = await one_row(
        conn,
        "INSERT INTO search_docs (group_id, kind, record_id, number, unit_code, created_at, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (kind, record_id) DO UPDATE SET group_id = excluded.group_id,"
        " number = excluded.number, unit_code = excluded.unit_code,"
        " created_at = excluded.created_at, body = excluded.body"
        " RETURNING id",
        (group_id, kind, record_id, number, unit_code, created_at, text),
    )
    doc_id = int(row["id"])
    await conn.execute("DELETE FROM search_fts WHERE rowid = ?", (doc_id,))
    await conn.execute(
        "INSERT INTO search_fts (rowid, exact, stems, grp) VALUES (?, ?, ?, ?)",
        (doc_id, exact, stems, group_token(group_id)),
    )


async def unindex_record(conn: aiosqlite.Connection, kind: str, record_id: int) -> None:
    """Remove the record from the index (nothing happens if it was not indexed)."""
    async with conn.execute(
        "DELETE FROM search_docs WHERE kind = ? AND record_id = ? RETURNING id", (kind, record_id)
    ) as cursor:
        rows = await cursor.fetchall()
    for row in rows:
        await conn.execute("DELETE FROM search_fts WHERE rowid = ?", (row["id"],))


async def move_group(conn: aiosqlite.Connection, old_group_id: int, new_group_id: int) -> None:
    """A group's records moved to a new id (a supergroup): so does their index (caller's
    transaction)."""
    await conn.execute(
        "UPDATE search_fts SET grp = ? WHERE rowid IN"
        " (SELECT id FROM search_docs WHERE group_id = ?)",
        (group_token(new_group_id), old_group_id),
    )
    await conn.execute(
        "UPDATE search_docs SET group_id = ? WHERE group_id = ?", (new_group_id, old_group_id)
    )


async def reindex(db: Database, sources: Iterable[SearchSource] = SOURCES) -> dict[str, int]:
    """Clear the index and rebuild it from every source in one transaction; counts per kind."""
    sources = list(sources)
    for source in sources:
        _check_kind(source.kind)
    counts: dict[str, int] = {}
    next_id = 1
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM search_docs")
        await conn.execute("DELETE FROM search_fts")
        for source in sources:
            counts[source.kind] = 0
            async with conn.execute(source.sql) as cursor:
                while rows := list(await cursor.fetchmany(_REINDEX_BATCH)):
                    docs, fts = [], []
                    for row in rows:
                        docs.append(
                            (next_id, row["group_id"], source.kind, row["record_id"])
                            + (row["number"], row["unit_code"], row["created_at"], row["text"])
                        )
                        fts.append(
                            (next_id, *index_columns(row["text"]), group_token(row["group_id"]))
                        )
                        next_id += 1
                    await conn.executemany(
                        "INSERT INTO search_docs (id, group_id, kind, record_id, number,"
                        " unit_code, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        docs,
                    )
                    await conn.executemany(
                        "INSERT INTO search_fts (rowid, exact, stems, grp) VALUES (?, ?, ?, ?)",
                        fts,
                    )
                    counts[source.kind] += len(rows)
    logger.info("search index rebuilt: %s", counts)
    return counts


async def search(
    db: Database,
    *,
    group_ids: Sequence[int],
    query: str,
    limit: int = 5,
    offset: int = 0,
) -> SearchPage:
    """The best matches for ``query`` among the records of ``group_ids``, best first.

    Raises :class:`bot.domain.textsearch.EmptyQuery` when the query has no searchable word.
    """
    parsed = build_query(query)
    groups = sorted({int(group_id) for group_id in group_ids})
    limit = max(0, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    if not groups or limit == 0:
        return SearchPage((), 0, offset, limit)
    params = (_match_expression(parsed, groups), json.dumps(groups))
    async with db.reading() as conn:
        async with conn.execute(_PAGE_SQL, (*params, limit, offset)) as cursor:
            rows = list(await cursor.fetchall())
        if rows:
            total = int(rows[0]["total"])
        elif offset:
            async with conn.execute(_COUNT_SQL, params) as cursor:
                row = await cursor.fetchone()
            total = int(row["total"]) if row else 0
        else:
            total = 0
    hits = tuple(
        from_row(SearchHit, row, snippet=tuple(snippet(row["body"], parsed.terms))) for row in rows
    )
    return SearchPage(hits, total, offset, limit)


def _match_expression(parsed: Query, groups: list[int]) -> str:
    """The words, and the groups as ``grp`` tokens so FTS5 intersects with them in the index."""
    tokens = " OR ".join(f'"{group_token(group_id)}"' for group_id in groups)
    return f"({parsed.match}) AND grp : ({tokens})"
