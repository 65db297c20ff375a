"""People: Telegram users the bot has seen, and their membership (unit, role) per group."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import aiosqlite

from storage.db import Database, from_row
from storage.groups import Group

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


REMEMBER_USER = (
    "INSERT INTO users (user_id, username, full_name, updated_at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET username = excluded.username,"
    " full_name = excluded.full_name, updated_at = excluded.updated_at"
    " WHERE users.username IS NOT excluded.username"
    " OR users.full_name != excluded.full_name"
)
SEEN_IN = (
    "INSERT INTO members (group_id, user_id, joined_at, changed_at)"
    " SELECT chat_id, ?, ?, ? FROM groups WHERE chat_id = ?"
    " ON CONFLICT (group_id, user_id) DO UPDATE SET left_at = NULL,"
    " joined_at = CASE WHEN members.left_at IS NULL THEN members.joined_at"
    " ELSE excluded.joined_at END, changed_at = excluded.changed_at"
    " WHERE coalesce(members.changed_at, 0) <= excluded.changed_at"
)
"""The user is in the registered group (parameters: user, at, at, group); a later event
recorded already wins."""


async def remember_user(
    db: Database, user_id: int, full_name: str, username: str | None, at: int
) -> None:
    """Keep a user's current name and username (to resolve ``@username`` later)."""
    await db.write(REMEMBER_USER, (user_id, username, full_name, at))


async def remember_seen(
    db: Database,
    user_id: int,
    full_name: str,
    username: str | None,
    at: int,
    group_id: int,
    wrote_at: int | None,
) -> tuple[Group | None, Member | None]:
    """The gate's work for every update from someone in a group chat, in one transaction:
    :func:`remember_user`; when they wrote a message there (at ``wrote_at``),
    :func:`membership` (a member); then :func:`group_and_member` as it stands after both."""

    def work(conn: sqlite3.Connection) -> sqlite3.Row | None:
        conn.execute(REMEMBER_USER, (user_id, username, full_name, at))
        if wrote_at is not None:
            conn.execute(SEEN_IN, (user_id, wrote_at, wrote_at, group_id))
        row: sqlite3.Row | None = conn.execute(GROUP_AND_MEMBER, (user_id, group_id)).fetchone()
        return row

    return _group_and_member(await db.atomic(work))


async def membership(db: Database, group_id: int, user_id: int, *, member: bool, at: int) -> bool:
    """Telegram showed at ``at`` that the user is (or is no longer) in the registered group:
    a message they wrote, a join, a leave, a ban. An event older than the last one applied
    changes nothing (updates arrive in no guaranteed order). True when the state changed."""
    if member:
        changed = await db.write(SEEN_IN, (user_id, at, at, group_id))
    else:
        # Someone never seen is still written down as gone, so that their older message
        # handled afterwards does not enrol them.
        changed = await db.write(
            "INSERT INTO members (group_id, user_id, joined_at, left_at, changed_at)"
            " SELECT chat_id, ?, ?, ?, ? FROM groups WHERE chat_id = ?"
            " ON CONFLICT (group_id, user_id) DO UPDATE"
            " SET left_at = coalesce(members.left_at, excluded.left_at),"
            " changed_at = excluded.changed_at"
            " WHERE coalesce(members.changed_at, 0) <= excluded.changed_at",
            (user_id, at, at, at, group_id),
        )
    return changed > 0


async def confirmed(db: Database, group_id: int, user_id: int, at: int) -> None:
    """Telegram confirmed at ``at`` that the user is still in the group."""
    await db.write(
        "UPDATE members SET confirmed_at = ? WHERE group_id = ? AND user_id = ?",
        (at, group_id, user_id),
    )


async def last_known(db: Database, group_id: int, user_id: int) -> int | None:
    """When the user's membership was last changed or confirmed (None: never a member)."""
    row = await db.fetch_one(
        "SELECT max(coalesce(changed_at, 0), coalesce(confirmed_at, 0)) AS at FROM members"
        " WHERE group_id = ? AND user_id = ?",
        (group_id, user_id),
    )
    return row["at"] if row else None


async def find_user_id(db: Database, username: str) -> int | None:
    row = await db.fetch_one(
        "SELECT user_id FROM users WHERE username = ? COLLATE NOCASE"
        " ORDER BY updated_at DESC LIMIT 1",
        (username.lstrip("@"),),
    )
    return int(row["user_id"]) if row else None


GROUP_AND_MEMBER = (
    "SELECT g.chat_id, g.title, g.timezone, g.language, g.registered_at,"
    " m.group_id, p.user_id, p.full_name, p.username, m.role, m.unit_id, u.code AS unit_code"
    " FROM groups g"
    " LEFT JOIN members m ON m.group_id = g.chat_id AND m.user_id = ? AND m.left_at IS NULL"
    " LEFT JOIN users p ON p.user_id = m.user_id"
    " LEFT JOIN units u ON u.id = m.unit_id"
    " WHERE g.chat_id = ?"
)
"""A group (:data:`storage.groups.SELECT`) and one current member of it (:data:`SELECT`): the
member's columns are NULL when there is none."""


async def group_and_member(
    db: Database, group_id: int, user_id: int
) -> tuple[Group | None, Member | None]:
    """The registered group and the user as its current member, in one query."""
    return _group_and_member(await db.fetch_one(GROUP_AND_MEMBER, (user_id, group_id)))


def _group_and_member(row: sqlite3.Row | None) -> tuple[Group | None, Member | None]:
    if row is None:
        return None, None
    member = from_row(Member, row) if row["user_id"] is not None else None
    return from_row(Group, row), member


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


async def join_unit(db: Database, group_id: int, user_id: int, unit_id: int, at: int) -> int | None:
    """Make the user a member of the group in that unit (moving them from another unit); the
    unit they were in before, if any."""
    async with db.transaction() as conn:
        await _ensure_member(conn, group_id, user_id, at)
        cursor = await conn.execute(
            "SELECT unit_id FROM members WHERE group_id = ? AND user_id = ?", (group_id, user_id)
        )
        before = await cursor.fetchone()
        await conn.execute(
            "UPDATE members SET unit_id = ? WHERE group_id = ? AND user_id = ?",
            (unit_id, group_id, user_id),
        )
    return before["unit_id"] if before else None


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
