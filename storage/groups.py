"""Registered groups and the audit trail of chats the bot refused."""

from __future__ import annotations

from dataclasses import dataclass

from storage import firings, search
from storage.db import Database, from_row, one_row


@dataclass(frozen=True, slots=True)
class Group:
    chat_id: int
    title: str
    timezone: str
    language: str
    registered_at: int


SELECT = "SELECT chat_id, title, timezone, language, registered_at FROM groups"


async def register(
    db: Database, chat_id: int, title: str, timezone: str, language: str, by: int | None, at: int
) -> tuple[Group, bool]:
    """Register a group (or refresh its title); returns the group and whether it is new."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO groups (chat_id, title, timezone, language, registered_at, registered_by)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO NOTHING",
            (chat_id, title, timezone, language, at, by),
        )
        created = cursor.rowcount == 1
        if not created:
            await conn.execute("UPDATE groups SET title = ? WHERE chat_id = ?", (title, chat_id))
        row = await one_row(conn, SELECT + " WHERE chat_id = ?", (chat_id,))
    return from_row(Group, row), created


async def get(db: Database, chat_id: int) -> Group | None:
    row = await db.fetch_one(SELECT + " WHERE chat_id = ?", (chat_id,))
    return from_row(Group, row) if row else None


async def set_language(db: Database, chat_id: int, language: str) -> None:
    async with db.transaction() as conn:
        await conn.execute("UPDATE groups SET language = ? WHERE chat_id = ?", (language, chat_id))


async def set_timezone(db: Database, chat_id: int, timezone: str) -> None:
    async with db.transaction() as conn:
        await conn.execute("UPDATE groups SET timezone = ? WHERE chat_id = ?", (timezone, chat_id))


async def audit_once(db: Database, chat_id: int, event: str, at: int) -> bool:
    """Record ``event`` for a chat unless it was recorded before; True when it is new."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "SELECT 1 FROM chat_audit WHERE chat_id = ? AND event = ?", (chat_id, event)
        )
        if await cursor.fetchone():
            return False
        await conn.execute(
            "INSERT INTO chat_audit (chat_id, event, at) VALUES (?, ?, ?)", (chat_id, event, at)
        )
        return True


GROUP_COLUMNS = (
    ("units", "group_id"),
    ("members", "group_id"),
    ("reminders", "chat_id"),
    ("announcements", "group_id"),
    ("announcement_settings", "group_id"),
    ("meetings", "group_id"),
    ("meeting_settings", "group_id"),
    ("agenda_items", "group_id"),
    ("decisions", "group_id"),
    ("tasks", "group_id"),
    ("task_settings", "group_id"),
    ("search_queries", "chat_id"),
    ("confirmations", "chat_id"),
)
"""Every column that holds a group's chat id, moved when the group becomes a supergroup
(besides ``groups`` itself, the firings and the search index, moved by their modules)."""


async def migrate(db: Database, old_chat_id: int, new_chat_id: int, at: int) -> bool:
    """Move a group that became a supergroup to its new id, with everything it has, in one
    transaction. False when there was nothing to move (moved before, or never registered) or
    the new id is a registered group already (then both are kept as they are)."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO chat_migrations (old_chat_id, new_chat_id, at) VALUES (?, ?, ?)"
            " ON CONFLICT (old_chat_id) DO NOTHING",
            (old_chat_id, new_chat_id, at),
        )
        cursor = await conn.execute(
            "SELECT (SELECT count(*) FROM groups WHERE chat_id = ?) AS old,"
            " (SELECT count(*) FROM groups WHERE chat_id = ?) AS new",
            (old_chat_id, new_chat_id),
        )
        row = await cursor.fetchone()
        if row is None or not row["old"] or row["new"]:
            return False
        await conn.execute("PRAGMA defer_foreign_keys = ON")
        await conn.execute(
            "INSERT INTO groups (chat_id, title, timezone, language, registered_at, registered_by)"
            " SELECT ?, title, timezone, language, registered_at, registered_by FROM groups"
            " WHERE chat_id = ?",
            (new_chat_id, old_chat_id),
        )
        for table, column in GROUP_COLUMNS:
            await conn.execute(
                f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new_chat_id, old_chat_id)
            )
        await firings.move_chat(conn, old_chat_id, new_chat_id)
        await search.move_group(conn, old_chat_id, new_chat_id)
        await conn.execute("DELETE FROM groups WHERE chat_id = ?", (old_chat_id,))
        return True


async def migrated_from(db: Database, chat_id: int) -> int | None:
    """The id this chat had before it became a supergroup, if it was migrated."""
    row = await db.fetch_one(
        "SELECT old_chat_id FROM chat_migrations WHERE new_chat_id = ? ORDER BY at LIMIT 1",
        (chat_id,),
    )
    return int(row["old_chat_id"]) if row else None
