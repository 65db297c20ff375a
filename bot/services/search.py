"""Searching as a service: whose records a search may see, and pages of saved searches.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.textsearch import MAX_QUERY_CHARS, EmptyQuery, Segment, build_query, snippet
from storage import people, search_queries
from storage import search as index
from storage.db import Database

__all__ = [
    "KIND_AGENDA_ITEM",
    "KIND_ANNOUNCEMENT",
    "KIND_DECISION",
    "KIND_TASK",
    "KIND_TASK_NOTE",
    "EmptyQuery",
    "Hit",
    "Page",
    "Results",
    "find",
    "reindex",
    "scope",
    "search",
    "turn",
]

KIND_ANNOUNCEMENT = index.KIND_ANNOUNCEMENT
KIND_DECISION = index.KIND_DECISION
KIND_AGENDA_ITEM = index.KIND_AGENDA_ITEM
KIND_TASK = index.KIND_TASK
KIND_TASK_NOTE = index.KIND_TASK_NOTE

logger = logging.getLogger(__name__)

PAGE_SIZE = 5
STALE_AFTER = timedelta(days=1)
"""A search's buttons stop working after this; the saved query is deleted after it too."""
MAX_OFFSET = 10_000


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found: its kind and number, where and when, and the words around the match."""

    kind: str
    record_id: int
    number: int
    group_id: int
    unit_code: str | None
    created_at: int
    snippet: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Page:
    hits: tuple[Hit, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total


@dataclass(frozen=True, slots=True)
class Results:
    query: str
    page: Page
    search_id: int | None
    """The saved search the paging buttons name; None when everything fits on one page."""


async def scope(db: Database, *, chat_id: int, is_group: bool, user_id: int | None) -> list[int]:
    """The groups a search may see: the group itself, or in a private chat every group the
    user is a member of now."""
    if is_group:
        return [chat_id]
    return await people.groups_of(db, user_id) if user_id is not None else []


async def find(
    db: Database,
    *,
    chat_id: int,
    user_id: int,
    group_ids: list[int],
    query: str,
    now: datetime,
) -> Results:
    """The first page for ``query``; saved for paging when there is more.

    Raises :class:`EmptyQuery` when the query holds no searchable word.
    """
    query = query[:MAX_QUERY_CHARS]
    page = await search(db, group_ids=group_ids, query=query)
    search_id = None
    if page.has_more:
        epoch = int(now.timestamp())
        saved = await search_queries.save(
            db,
            chat_id=chat_id,
            user_id=user_id,
            query=query,
            now=epoch,
            keep_after=epoch - int(STALE_AFTER.total_seconds()),
        )
        search_id = saved.id
    return Results(query, page, search_id)


async def turn(
    db: Database,
    *,
    search_id: int,
    chat_id: int,
    offset: int,
    group_ids: list[int],
    now: datetime,
) -> Results | None:
    """Another page of a saved search of this chat; None for a forged or stale one."""
    if offset < 0 or offset > MAX_OFFSET or offset % PAGE_SIZE:
        return None
    saved = await search_queries.get(db, search_id)
    if saved is None or saved.chat_id != chat_id:
        return None
    if int(now.timestamp()) - saved.created_at > STALE_AFTER.total_seconds():
        return None
    try:
        page = await search(db, group_ids=group_ids, query=saved.query, offset=offset)
    except EmptyQuery:  # the saved query was searchable when it was saved
        logger.warning("saved search %s no longer parses", search_id)
        return None
    return Results(saved.query, page, saved.id)


async def search(
    db: Database, *, group_ids: Sequence[int], query: str, limit: int = PAGE_SIZE, offset: int = 0
) -> Page:
    """A page of the best matches for ``query`` in ``group_ids``, each with its snippet.

    Raises :class:`EmptyQuery` when the query holds no searchable word."""
    parsed = build_query(query)
    found = await index.search(
        db, group_ids=group_ids, terms=parsed.terms, limit=limit, offset=offset
    )
    hits = tuple(
        Hit(
            kind=hit.kind,
            record_id=hit.record_id,
            number=hit.number,
            group_id=hit.group_id,
            unit_code=hit.unit_code,
            created_at=hit.created_at,
            snippet=tuple(snippet(hit.body, parsed.terms)),
        )
        for hit in found.hits
    )
    return Page(hits, found.total, found.offset, found.limit)


async def reindex(db: Database) -> dict[str, int]:
    """Rebuild the whole index from the records (``rakor reindex``); counts per kind."""
    return await index.reindex(db)
