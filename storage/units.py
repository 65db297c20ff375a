"""Work units (OPD/UKPD) of a group."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.db import Database


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


def _unit(row: aiosqlite.Row) -> Unit:
    return Unit(*row)


async def add(db: Database, group_id: int, code: str, name: str, at: int) -> Unit | None:
    """Add a unit; None when an active unit of the group already has that code."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO units (group_id, code, name, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING " + _COLUMNS,
            (group_id, code, name, at),
        )
        row = await cursor.fetchone()
    return _unit(row) if row else None


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
        unit = _unit(row)
        await conn.execute("UPDATE members SET unit_id = NULL WHERE unit_id = ?", (unit.id,))
    return unit


async def find(db: Database, group_id: int, code: str) -> Unit | None:
    row = await db.fetch_one(
        f"SELECT {_COLUMNS} FROM units WHERE group_id = ? AND code = ? COLLATE NOCASE"
        " AND removed_at IS NULL",
        (group_id, code),
    )
    return _unit(row) if row else None


async def list_active(db: Database, group_id: int) -> list[Unit]:
    rows = await db.fetch_all(
        f"SELECT {_COLUMNS} FROM units WHERE group_id = ? AND removed_at IS NULL ORDER BY code",
        (group_id,),
    )
    return [_unit(row) for row in rows]


async def list_with_members(db: Database, group_id: int) -> list[UnitWithMembers]:
    """Active units of a group with the names of their current members, by code."""
    rows = await db.fetch_all(
        "SELECT u.id, u.group_id, u.code, u.name, p.full_name"
        " FROM units u"
        " LEFT JOIN members m ON m.unit_id = u.id AND m.left_at IS NULL"
        " LEFT JOIN users p ON p.user_id = m.user_id"
        " WHERE u.group_id = ? AND u.removed_at IS NULL"
        " ORDER BY u.code, p.full_name",
        (group_id,),
    )
    grouped: dict[int, tuple[Unit, list[str]]] = {}
    for row in rows:
        unit, names = grouped.setdefault(row[0], (_unit(row[:4]), []))
        if row[4] is not None:
            names.append(row[4])
    return [UnitWithMembers(unit, tuple(names)) for unit, names in grouped.values()]
