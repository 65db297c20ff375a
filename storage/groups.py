"""Registered groups and the audit trail of chats the bot refused."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.db import Database


@dataclass(frozen=True, slots=True)
class Group:
    chat_id: int
    title: str
    timezone: str
    language: str
    registered_at: int


_COLUMNS = "chat_id, title, timezone, language, registered_at"


def _group(row: aiosqlite.Row) -> Group:
    return Group(*row)


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
        cursor = await conn.execute(f"SELECT {_COLUMNS} FROM groups WHERE chat_id = ?", (chat_id,))
        row = await cursor.fetchone()
    return _group(row), created


async def get(db: Database, chat_id: int) -> Group | None:
    row = await db.fetch_one(f"SELECT {_COLUMNS} FROM groups WHERE chat_id = ?", (chat_id,))
    return _group(row) if row else None


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
