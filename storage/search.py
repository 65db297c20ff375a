"""The full-text index behind ``/cari``: one FTS5 table over every searchable record.

Features keep the index in step with their own tables by calling :func:`index_record` and
:func:`unindex_record` inside the transaction of their write, and register a *source* (the SQL
that lists their records) so that :func:`reindex` can rebuild everything from scratch.

Two choices keep a search fast however large the index grows (``bench/search.py`` measures
them against the alternatives):

* every indexed word carries its group's prefix (``7_rapat``; the tag comes from
  ``search_groups``), so a search reads only the postings of the groups it may see, never a
  common word's postings across all groups;
* ids (FTS5 rowids) follow the order records were made: features index a record when they
  write it, and :func:`reindex` lists all records oldest first. Newest first is then the
  index's own rowid order, read straight from it without sorting.

Ranking: records where every word matched as typed come before records that needed a stem
for some word. Within each of the two, up to :data:`RANKED_MATCHES` matches are ordered by
bm25 (the exact word counting ten times its stem), ties newest first; beyond that, newest
first, because ranking every match of a very common word costs more than it tells.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import aiosqlite

from storage.db import Database

logger = logging.getLogger(__name__)

KIND_ANNOUNCEMENT = "announcement"
KIND_DECISION = "decision"
KIND_AGENDA_ITEM = "agenda_item"
KIND_TASK = "task"
KIND_TASK_NOTE = "task_note"
KINDS = (KIND_ANNOUNCEMENT, KIND_DECISION, KIND_AGENDA_ITEM, KIND_TASK, KIND_TASK_NOTE)

MAX_LIMIT = 50
RANKED_MATCHES = 1000
"""Match sets up to this size are ranked by bm25; larger ones are listed newest first."""
_REINDEX_BATCH = 5000
_COUNT_SQL = "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"
_NEWEST_SQL = (
    "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?"
)
# bm25 column weights: an exact word counts ten times a shared stem.
_RANKED_SQL = (
    "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
    " ORDER BY rowid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?),"
    " bm25(search_fts, 10.0, 1.0), rowid DESC LIMIT ? OFFSET ?"
)
# The tags in the MATCH keep other groups out; `group_id IN (...)` is the guarantee.
_DOCS_SQL = (
    "SELECT id, kind, record_id, number, group_id, unit_code, created_at, body"
    " FROM search_docs WHERE id IN (SELECT value FROM json_each(?))"
    " AND group_id IN (SELECT value FROM json_each(?))"
)


Tokens = tuple[Sequence[str], Sequence[str]]
"""A text as the index keeps it: its normalised words, and their stems."""
Analyser = Callable[[str], Tokens]
Term = tuple[str, str | None]
"""A query word: its normalised form, and the stem it is also matched by (None: not)."""

_analyser: Analyser | None = None


def use_analyser(analyser: Analyser) -> None:
    """How texts become index words (``bot.domain.textsearch.analyse``), given by the wiring:
    storage knows the index's layout, not the language."""
    global _analyser  # noqa: PLW0603 - set once at start-up, like SOURCES
    _analyser = analyser


def _analyse(text: str) -> Tokens:
    if _analyser is None:
        raise RuntimeError("storage.search.use_analyser was not called at start-up")
    return _analyser(text)


def group_prefix(tag: int) -> str:
    """What every indexed word of the group tagged ``tag`` starts with: 7 → ``7_``."""
    return f"{tag}_"


def _columns(tokens: Tokens, prefix: str) -> tuple[str, str]:
    """The ``exact`` and ``stems`` column values of a record, each word after ``prefix``."""
    words, stems = tokens
    return " ".join(prefix + word for word in words), " ".join(prefix + root for root in stems)


def fts_string(token: str) -> str:
    """One FTS5 string literal: double-quoted, inner quotes doubled (datasette's escape_fts)."""
    return '"' + token.replace('"', '""') + '"'


def clause(terms: Sequence[Term], prefix: str, *, exact_only: bool = False) -> str:
    """Every term matches, by its exact word or (unless ``exact_only``) by its stem, among the
    words indexed with ``prefix``. A word that is its own stem is one phrase over both
    columns: one list of postings to read instead of two."""
    clauses = []
    for exact, root in terms:
        word = fts_string(prefix + exact)
        if root is None or exact_only:
            clauses.append(f"exact : {word}")
        elif root == exact:
            clauses.append(f"{{exact stems}} : {word}")
        else:
            clauses.append(f"(exact : {word} OR stems : {fts_string(prefix + root)})")
    return " AND ".join(clauses)


def within(terms: Sequence[Term], prefixes: Sequence[str], *, exact_only: bool = False) -> str:
    """The MATCH expression for the records of any of the groups ``prefixes``."""
    return " OR ".join(f"({clause(terms, p, exact_only=exact_only)})" for p in prefixes)


def _stem_only_within(terms: Sequence[Term], prefixes: Sequence[str]) -> str:
    """Matches of the groups ``prefixes`` where some term is found only by its stem."""
    return " OR ".join(
        f"(({clause(terms, p)}) NOT ({clause(terms, p, exact_only=True)}))" for p in prefixes
    )


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    record_id: int
    number: int
    group_id: int
    unit_code: str | None
    created_at: int
    body: str


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
    """SQL selecting ``group_id, record_id, number, unit_code, created_at, text``, in order."""

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
    async with conn.execute(
        "INSERT INTO search_docs (group_id, kind, record_id, number, unit_code, created_at, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (kind, record_id) DO UPDATE SET group_id = excluded.group_id,"
        " number = excluded.number, unit_code = excluded.unit_code,"
        " created_at = excluded.created_at, body = excluded.body"
        " RETURNING id, (SELECT tag FROM search_groups WHERE group_id = ?) AS tag",
        (group_id, kind, record_id, number, unit_code, created_at, text, group_id),
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:  # pragma: no cover - RETURNING always yields the row
        raise RuntimeError("search_docs upsert returned nothing")
    doc_id = int(row["id"])
    tag = int(row["tag"]) if row["tag"] is not None else await _new_tag(conn, group_id)
    await conn.execute("DELETE FROM search_fts WHERE rowid = ?", (doc_id,))
    await conn.execute(
        "INSERT INTO search_fts (rowid, exact, stems) VALUES (?, ?, ?)",
        (doc_id, *_columns(_analyse(text), group_prefix(tag))),
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
    transaction). The words keep their group's tag; only the tag's group changes."""
    await conn.execute(
        "UPDATE search_groups SET group_id = ? WHERE group_id = ?", (new_group_id, old_group_id)
    )
    await conn.execute(
        "UPDATE search_docs SET group_id = ? WHERE group_id = ?", (new_group_id, old_group_id)
    )


async def _new_tag(conn: aiosqlite.Connection, group_id: int) -> int:
    """A tag for a group's first record in the index."""
    async with conn.execute(
        "INSERT INTO search_groups (group_id) VALUES (?) RETURNING tag", (group_id,)
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:  # pragma: no cover - RETURNING always yields the row
        raise RuntimeError("search_groups insert returned nothing")
    return int(row["tag"])


async def reindex(db: Database, sources: Iterable[SearchSource] = SOURCES) -> dict[str, int]:
    """Clear the index and rebuild it from every source in one transaction; counts per kind.

    The sources are read as one list, oldest record first, and numbered in that order: ids
    follow the order of creation, as they do for records indexed when they are written.
    """
    sources = list(sources)
    for source in sources:
        _check_kind(source.kind)
    counts = dict.fromkeys((source.kind for source in sources), 0)
    tags: dict[int, int] = {}
    async with db.transaction() as conn:
        await _empty(conn)
        if sources:
            doc_id = 0
            async with conn.execute(_all_records_sql(sources)) as cursor:
                while rows := await cursor.fetchmany(_REINDEX_BATCH):
                    docs, fts = [], []
                    for row in rows:
                        doc_id += 1
                        kind, group_id = sources[row["source"]].kind, row["group_id"]
                        tag = tags.setdefault(group_id, len(tags) + 1)
                        docs.append(
                            (doc_id, group_id, kind, row["record_id"], row["number"])
                            + (row["unit_code"], row["created_at"], row["body"])
                        )
                        fts.append((doc_id, *_columns(_analyse(row["body"]), group_prefix(tag))))
                        counts[kind] += 1
                    await conn.executemany(
                        "INSERT INTO search_docs (id, group_id, kind, record_id, number,"
                        " unit_code, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        docs,
                    )
                    await conn.executemany(
                        "INSERT INTO search_fts (rowid, exact, stems) VALUES (?, ?, ?)", fts
                    )
        await conn.executemany(
            "INSERT INTO search_groups (tag, group_id) VALUES (?, ?)",
            [(tag, group_id) for group_id, tag in tags.items()],
        )
    logger.info("search index rebuilt: %s", counts)
    return counts


async def _empty(conn: aiosqlite.Connection) -> None:
    """Drop every indexed record; the FTS5 table is dropped and created again (deleting a
    million rows one by one takes minutes)."""
    async with conn.execute(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'search_fts'"
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:  # pragma: no cover - created by the migrations
        raise RuntimeError("search_fts is missing")
    await conn.execute("DROP TABLE search_fts")
    await conn.execute(row["sql"])
    await conn.execute("DELETE FROM search_docs")
    await conn.execute("DELETE FROM search_groups")
    await conn.execute("DELETE FROM search_rebuild")


def _all_records_sql(sources: Sequence[SearchSource]) -> str:
    """Every source's records as one list, oldest first, each with its source's position."""
    columns = "(group_id, record_id, number, unit_code, created_at, body)"
    named = ", ".join(f"s{i}{columns} AS ({source.sql})" for i, source in enumerate(sources))
    union = " UNION ALL ".join(f"SELECT {i} AS source, * FROM s{i}" for i in range(len(sources)))
    return f"WITH {named} SELECT * FROM ({union}) ORDER BY created_at, source, record_id"


async def rebuild_if_requested(db: Database, sources: SourceRegistry = SOURCES) -> bool:
    """Rebuild the index when a migration asked for it (a row in ``search_rebuild``): an
    upgraded bot finds its old records without anyone running ``rakor reindex``."""
    row = await db.fetch_one("SELECT group_concat(reason, '; ') AS why FROM search_rebuild")
    if row is None or row["why"] is None:
        return False
    missing = set(KINDS) - {source.kind for source in sources}
    if missing:
        raise RuntimeError(f"no search source registered for {', '.join(sorted(missing))}")
    logger.warning("rebuilding the search index (%s); this may take a while", row["why"])
    await reindex(db, sources)
    return True


async def search(
    db: Database,
    *,
    group_ids: Sequence[int],
    terms: Sequence[Term],
    limit: int = 5,
    offset: int = 0,
) -> SearchPage:
    """The best matches for the query ``terms`` (every one must match) among the records of
    ``group_ids``, best first (see the module's docstring for the order)."""
    groups = sorted({int(group_id) for group_id in group_ids})
    limit = max(0, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    if not groups or limit == 0:
        return SearchPage((), 0, offset, limit)
    async with db.reading() as conn:
        prefixes = await _prefixes(conn, groups)
        total = await _count(conn, within(terms, prefixes)) if prefixes else 0
        if total == 0 or offset >= total:
            return SearchPage((), total, offset, limit)
        if total <= RANKED_MATCHES:
            ids = await _ranked(conn, terms, prefixes, limit, offset)
        else:
            ids = await _newest(conn, terms, prefixes, limit, offset)
        async with conn.execute(_DOCS_SQL, (json.dumps(ids), json.dumps(groups))) as cursor:
            rows = {row["id"]: row for row in await cursor.fetchall()}
    hits = tuple(
        SearchHit(
            kind=row["kind"],
            record_id=row["record_id"],
            number=row["number"],
            group_id=row["group_id"],
            unit_code=row["unit_code"],
            created_at=row["created_at"],
            body=row["body"],
        )
        for row in (rows.get(doc_id) for doc_id in ids)
        if row is not None
    )
    return SearchPage(hits, total, offset, limit)


async def _prefixes(conn: aiosqlite.Connection, groups: list[int]) -> list[str]:
    """The word prefixes of those of ``groups`` that have records in the index."""
    async with conn.execute(
        "SELECT tag FROM search_groups WHERE group_id IN (SELECT value FROM json_each(?))"
        " ORDER BY tag",
        (json.dumps(groups),),
    ) as cursor:
        return [group_prefix(row["tag"]) for row in await cursor.fetchall()]


async def _count(conn: aiosqlite.Connection, match: str) -> int:
    async with conn.execute(_COUNT_SQL, (match,)) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _ranked(
    conn: aiosqlite.Connection, terms: Sequence[Term], prefixes: list[str], limit: int, offset: int
) -> list[int]:
    """A page of a small match set: exact before stem-only, then bm25, then newest."""
    exact = within(terms, prefixes, exact_only=True)
    params = (within(terms, prefixes), exact, limit, offset)
    async with conn.execute(_RANKED_SQL, params) as cursor:
        return [int(row[0]) for row in await cursor.fetchall()]


async def _newest(
    conn: aiosqlite.Connection, terms: Sequence[Term], prefixes: list[str], limit: int, offset: int
) -> list[int]:
    """A page of a large match set: the exact matches newest first, then the stem-only ones."""
    exact = within(terms, prefixes, exact_only=True)
    ids = await _ids(conn, exact, limit, offset)
    if len(ids) < limit:
        # The exact matches end on this page, or ended before it (then count them to skip).
        skip = 0 if ids or not offset else offset - await _count(conn, exact)
        ids += await _ids(conn, _stem_only_within(terms, prefixes), limit - len(ids), skip)
    return ids


async def _ids(conn: aiosqlite.Connection, match: str, limit: int, offset: int) -> list[int]:
    async with conn.execute(_NEWEST_SQL, (match, limit, offset)) as cursor:
        return [int(row[0]) for row in await cursor.fetchall()]
