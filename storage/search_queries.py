"""Searches kept for paging: the buttons under a result carry only the search's id."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    chat_id: int
    user_id: int
    query: str
    created_at: int


async def save(
    db: Database, *, chat_id: int, user_id: int, query: str, now: int, keep_after: int
) -> SavedSearch:
    """Store a search and drop the searches created before ``keep_after`` (they are stale)."""
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM search_queries WHERE created_at < ?", (keep_after,))
        cursor = await conn.execute(
            "INSERT INTO search_queries (chat_id, user_id, query, created_at)"
            " VALUES (?, ?, ?, ?) RETURNING id",
            (chat_id, user_id, query, now),
        )
        row = await cursor.fetchone()
    if row is None:  # pragma: no cover - RETURNING always yields the row
        raise RuntimeError("search_queries insert returned nothing")
    return SavedSearch(int(row[0]), chat_id, user_id, query, now)


async def get(db: Database, search_id: int) -> SavedSearch | None:
    row = await db.fetch_one(
        "SELECT id, chat_id, user_id, query, created_at FROM search_queries WHERE id = ?",
        (search_id,),
    )
    return SavedSearch(*row) if row else None
