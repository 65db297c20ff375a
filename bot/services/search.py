"""Searching as a service: whose records a search may see, and pages of saved searches.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.textsearch import MAX_QUERY_CHARS, EmptyQuery
from storage import people, search_queries
from storage.db import Database
from storage.search import SearchHit, SearchPage, search

__all__ = ["SearchHit", "SearchPage", "find", "scope", "turn"]

logger = logging.getLogger(__name__)

PAGE_SIZE = 5
STALE_AFTER = timedelta(days=1)
"""A search's buttons stop working after this; the saved query is deleted after it too."""
MAX_OFFSET = 10_000


@dataclass(frozen=True, slots=True)
class Results:
    query: str
    page: SearchPage
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
    page = await search(db, group_ids=group_ids, query=query, limit=PAGE_SIZE)
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
        page = await search(
            db, group_ids=group_ids, query=saved.query, limit=PAGE_SIZE, offset=offset
        )
    except EmptyQuery:  # the saved query was searchable when it was saved
        logger.warning("saved search %s no longer parses", search_id)
        return None
    return Results(saved.query, page, saved.id)
