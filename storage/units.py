"""Work units (OPD/UKPD) of a group."""

from __future__ import annotations

from dataclasses import dataclass

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


async def add(db: Database, group_id: int, code: str, name: str, at: int) -> Unit | None:
    """Add a unit; None when an active unit of the group already has that code."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO units (group_id, code, name, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING " + _COLUMNS,
            (group_id, code, name, at),
        )
        row = await cursor.fetchone()
    return from_row(Unit, row) if row else None


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


async def remove(db: Database, group_id: int, code: str, at: int) -> Unit | None:
    """Retire a unit (its history stays) and release its members; None when there is none."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE units SET removed_at = ? WHERE group_id = ? AND code = ? COLLATE NOCASE"
            " AND removed_at IS NULL RETURNING " + _COLUMNS,
            (at, group_id, code),
        )
        row = await cursor.fetchone()
        if row is None:
            return None
        unit = from_row(Unit, row)
        await conn.execute("UPDATE members SET unit_id = NULL WHERE unit_id = ?", (unit.id,))
    return unit


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
