"""Searches kept for paging: the buttons under a result carry only the search's id."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database, from_row, one_row


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    chat_id: int
    user_id: int
    query: str
    created_at: int


_COLUMNS = "id, chat_id, user_id, query, created_at"
SELECT = f"SELECT {_COLUMNS} FROM search_queries"


async def save(
    db: Database, *, chat_id: int, user_id: int, query: str, now: int, keep_after: int
) -> SavedSearch:
    """Store a search and drop the searches created before ``keep_after`` (they are stale)."""
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM search_queries WHERE created_at < ?", (keep_after,))
        row = await one_row(
            conn,
            "INSERT INTO search_queries (chat_id, user_id, query, created_at)"
            " VALUES (?, ?, ?, ?) RETURNING " + _COLUMNS,
            (chat_id, user_id, query, now),
        )
    return from_row(SavedSearch, row)


async def get(db: Database, search_id: int) -> SavedSearch | None:
    row = await db.fetch_one(SELECT + " WHERE id = ?", (search_id,))
    return from_row(SavedSearch, row) if row else None
