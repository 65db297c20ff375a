"""Work units (OPD/UKPD) of a group.

A unit is never deleted: removing it archives it (``removed_at``), so its acknowledgements,
tasks and attendance keep pointing at it, and adding its code again restores the same unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storage import confirmations
from storage.db import Database, from_row


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    group_id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class UnitWithMembers:
    unit: Unit
    members: tuple[str, ...]
    """Display names of the unit's current members."""


_COLUMNS = "id, group_id, code, name"
SELECT = f"SELECT {_COLUMNS} FROM units"


@dataclass(frozen=True, slots=True)
class Added:
    unit: Unit
    restored: bool
    """The code was of an archived unit of the group: that unit is active again."""


@dataclass(frozen=True, slots=True)
class Archived:
    unit: Unit
    members: tuple[tuple[int, str], ...]
    """(user id, name) of the members it had: they are in no unit now."""


async def add(db: Database, group_id: int, code: str, name: str, at: int) -> Added | None:
    """Add a unit, or restore the archived unit with that code (under the name given); None
    when an active unit of the group already has that code."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE units SET removed_at = NULL, name = ? WHERE id = (SELECT id FROM units"
            " WHERE group_id = ? AND code = ? COLLATE NOCASE AND removed_at IS NOT NULL"
            " ORDER BY removed_at DESC, id DESC LIMIT 1)"
            " AND NOT EXISTS (SELECT 1 FROM units WHERE group_id = ? AND code = ? COLLATE NOCASE"
            " AND removed_at IS NULL) RETURNING " + _COLUMNS,
            (name, group_id, code, group_id, code),
        )
        row = await cursor.fetchone()
        if row is not None:
            return Added(from_row(Unit, row), restored=True)
        cursor = await conn.execute(
            "INSERT INTO units (group_id, code, name, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING " + _COLUMNS,
            (group_id, code, name, at),
        )
        row = await cursor.fetchone()
    return Added(from_row(Unit, row), restored=False) if row else None


async def add_many(db: Database, group_id: int, units: list[tuple[str, str]], at: int) -> int:
    """Add units (code, name) that the group does not have yet; returns how many were added."""
    async with db.transaction() as conn:
        added = 0
        for code, name in units:
            cursor = await conn.execute(
                "INSERT INTO units (group_id, code, name, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (group_id, code, name, at),
            )
            added += cursor.rowcount
    return added


NotArchived = Literal["unanswerable", "archived_already"]
"""``unanswerable``: the confirmation was answered before or expired."""


async def archive(
    db: Database, unit_id: int, *, confirmation_id: int, by: int, at: int
) -> Archived | NotArchived:
    """Archive an active unit as ``confirmation_id`` confirms (its history stays) and release
    its members, in one transaction."""
    async with db.transaction() as conn:
        if not await confirmations.answer(conn, confirmation_id, "yes", by, at):
            return "unanswerable"
        cursor = await conn.execute(
            "UPDATE units SET removed_at = ? WHERE id = ? AND removed_at IS NULL"
            " RETURNING " + _COLUMNS,
            (at, unit_id),
        )
        row = await cursor.fetchone()
        if row is None:
            return "archived_already"
        cursor = await conn.execute(
            "UPDATE members SET unit_id = NULL WHERE unit_id = ? AND left_at IS NULL"
            " RETURNING user_id, (SELECT full_name FROM users p WHERE p.user_id = members.user_id)"
            " AS full_name",
            (unit_id,),
        )
        released = sorted(
            ((member["user_id"], member["full_name"] or "") for member in await cursor.fetchall()),
            key=lambda member: member[1],
        )
        await conn.execute("UPDATE members SET unit_id = NULL WHERE unit_id = ?", (unit_id,))
    return Archived(from_row(Unit, row), tuple(released))


async def get(db: Database, unit_id: int) -> Unit | None:
    row = await db.fetch_one(SELECT + " WHERE id = ?", (unit_id,))
    return from_row(Unit, row) if row else None


async def find(db: Database, group_id: int, code: str) -> Unit | None:
    row = await db.fetch_one(
        SELECT + " WHERE group_id = ? AND code = ? COLLATE NOCASE AND removed_at IS NULL",
        (group_id, code),
    )
    return from_row(Unit, row) if row else None


async def list_active(db: Database, group_id: int) -> list[Unit]:
    rows = await db.fetch_all(
        SELECT + " WHERE group_id = ? AND removed_at IS NULL ORDER BY code", (group_id,)
    )
    return [from_row(Unit, row) for row in rows]


async def list_with_members(db: Database, group_id: int) -> list[UnitWithMembers]:
    """Active units of a group with the names of their current members, by code."""
    rows = await db.fetch_all(
        "SELECT u.id, u.group_id, u.code, u.name, p.full_name AS member_name"
        " FROM units u"
        " LEFT JOIN members m ON m.unit_id = u.id AND m.left_at IS NULL"
        " LEFT JOIN users p ON p.user_id = m.user_id"
        " WHERE u.group_id = ? AND u.removed_at IS NULL"
        " ORDER BY u.code, p.full_name",
        (group_id,),
    )
    grouped: dict[int, tuple[Unit, list[str]]] = {}
    for row in rows:
        unit, names = grouped.setdefault(row["id"], (from_row(Unit, row), []))
        if row["member_name"] is not None:
            names.append(row["member_name"])
    return [UnitWithMembers(unit, tuple(names)) for unit, names in grouped.values()]
