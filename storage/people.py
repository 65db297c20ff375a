"""People: Telegram users the bot has seen, and their membership (unit, role) per group."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import aiosqlite

from storage.db import Database, from_row

ROLES = ("koordinator", "anggota", "pengamat")


@dataclass(frozen=True, slots=True)
class Member:
    group_id: int
    user_id: int
    full_name: str
    username: str | None
    role: str
    unit_id: int | None
    unit_code: str | None


SELECT = (
    "SELECT m.group_id, m.user_id, p.full_name, p.username, m.role, m.unit_id,"
    " u.code AS unit_code"
    " FROM members m JOIN users p ON p.user_id = m.user_id"
    " LEFT JOIN units u ON u.id = m.unit_id"
)


async def remember_user(
    db: Database,
    user_id: int,
    full_name: str,
    username: str | None,
    at: int,
    *,
    seen_in: int | None = None,
) -> None:
    """Keep a user's current name and username (to resolve ``@username`` later).

    ``seen_in``: the chat the user just wrote in; when it is a registered group, they are a
    current member of it (with no unit yet, as anggota, unless they already had both).
    """

    def remember(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO users (user_id, username, full_name, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET username = excluded.username,"
            " full_name = excluded.full_name, updated_at = excluded.updated_at"
            " WHERE users.username IS NOT excluded.username"
            " OR users.full_name != excluded.full_name",
            (user_id, username, full_name, at),
        )
        if seen_in is not None:
            conn.execute(
                "INSERT INTO members (group_id, user_id, joined_at)"
                " SELECT chat_id, ?, ? FROM groups WHERE chat_id = ?"
                " ON CONFLICT (group_id, user_id) DO UPDATE SET left_at = NULL,"
                " joined_at = excluded.joined_at WHERE members.left_at IS NOT NULL",
                (user_id, at, seen_in),
            )

    await db.atomic(remember)


async def find_user_id(db: Database, username: str) -> int | None:
    row = await db.fetch_one(
        "SELECT user_id FROM users WHERE username = ? COLLATE NOCASE"
        " ORDER BY updated_at DESC LIMIT 1",
        (username.lstrip("@"),),
    )
    return int(row["user_id"]) if row else None


async def get_member(db: Database, group_id: int, user_id: int) -> Member | None:
    """A current member of the group, or None (never joined, or left)."""
    row = await db.fetch_one(
        SELECT + " WHERE m.group_id = ? AND m.user_id = ? AND m.left_at IS NULL",
        (group_id, user_id),
    )
    return from_row(Member, row) if row else None


async def _ensure_member(conn: aiosqlite.Connection, group_id: int, user_id: int, at: int) -> None:
    await conn.execute(
        "INSERT INTO members (group_id, user_id, joined_at) VALUES (?, ?, ?)"
        " ON CONFLICT (group_id, user_id) DO UPDATE SET left_at = NULL, joined_at ="
        " CASE WHEN members.left_at IS NULL THEN members.joined_at ELSE excluded.joined_at END",
        (group_id, user_id, at),
    )


async def join_unit(db: Database, group_id: int, user_id: int, unit_id: int, at: int) -> None:
    """Make the user a member of the group in that unit (moving them from another unit)."""
    async with db.transaction() as conn:
        await _ensure_member(conn, group_id, user_id, at)
        await conn.execute(
            "UPDATE members SET unit_id = ? WHERE group_id = ? AND user_id = ?",
            (unit_id, group_id, user_id),
        )


async def set_role(db: Database, group_id: int, user_id: int, role: str, at: int) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    async with db.transaction() as conn:
        await _ensure_member(conn, group_id, user_id, at)
        await conn.execute(
            "UPDATE members SET role = ? WHERE group_id = ? AND user_id = ?",
            (role, group_id, user_id),
        )


async def groups_of(db: Database, user_id: int) -> list[int]:
    """The groups the user is a member of now (in a unit or only with a role), by id."""
    rows = await db.fetch_all(
        "SELECT group_id FROM members WHERE user_id = ? AND left_at IS NULL ORDER BY group_id",
        (user_id,),
    )
    return [int(row["group_id"]) for row in rows]


async def mark_left(db: Database, group_id: int, user_id: int, at: int) -> None:
    """The user left the group (or was removed): they keep no access to it."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE members SET left_at = ? WHERE group_id = ? AND user_id = ? AND left_at IS NULL",
            (at, group_id, user_id),
        )
