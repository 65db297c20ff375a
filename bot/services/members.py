"""People in groups as a service: who they are, their unit and role, joining and leaving."""

from __future__ import annotations

from datetime import datetime

from bot.domain.timewords import from_epoch
from storage import people, units
from storage.db import Database
from storage.people import ROLES, Member
from storage.units import Unit, UnitWithMembers

ROLE_WORDS = {
    **{role: role for role in ROLES},
    "coordinator": "koordinator",
    "member": "anggota",
    "observer": "pengamat",
}
"""The words for each role a user may write, Indonesian or English, to the role stored."""

__all__ = [
    "ROLES",
    "ROLE_WORDS",
    "Member",
    "Unit",
    "UnitWithMembers",
    "add_unit",
    "find_unit",
    "find_user",
    "get",
    "confirmed",
    "gone",
    "join",
    "last_known",
    "present",
    "list_units",
    "remember",
    "remove_unit",
    "set_role",
    "units_with_members",
]


async def remember(
    db: Database, *, user_id: int, full_name: str, username: str | None, now: datetime
) -> None:
    """Keep a user's current name and username (to resolve ``@username`` later)."""
    await people.remember_user(db, user_id, full_name, username, _epoch(now))


async def present(db: Database, group_id: int, user_id: int, at: datetime) -> bool:
    """Telegram showed the user in the registered group at ``at`` (they wrote a message, joined,
    or Telegram said so): a current member, unless a later event said otherwise."""
    return await people.membership(db, group_id, user_id, member=True, at=_epoch(at))


async def gone(db: Database, group_id: int, user_id: int, at: datetime) -> bool:
    """The user left the group, or was removed or banned, at ``at``: no more access to its
    records (unless a later event brings them back)."""
    return await people.membership(db, group_id, user_id, member=False, at=_epoch(at))


async def confirmed(db: Database, group_id: int, user_id: int, now: datetime) -> None:
    """Telegram confirmed just now that the user is still in the group."""
    await people.confirmed(db, group_id, user_id, _epoch(now))


async def last_known(db: Database, group_id: int, user_id: int) -> datetime | None:
    """When the user's membership was last changed or confirmed with Telegram."""
    at = await people.last_known(db, group_id, user_id)
    return from_epoch(at) if at is not None else None


async def get(db: Database, group_id: int, user_id: int) -> Member | None:
    """A current member of the group, or None (never joined, or left)."""
    return await people.get_member(db, group_id, user_id)


async def find_user(db: Database, username: str) -> int | None:
    """The id of the user last seen with ``@username``."""
    return await people.find_user_id(db, username)


async def set_role(db: Database, group_id: int, user_id: int, role: str, now: datetime) -> None:
    await people.set_role(db, group_id, user_id, role, _epoch(now))


async def join(db: Database, group_id: int, user_id: int, unit: Unit, now: datetime) -> None:
    """The user joins ``unit`` in the group (leaving their earlier unit)."""
    await people.join_unit(db, group_id, user_id, unit.id, _epoch(now))


async def list_units(db: Database, group_id: int) -> list[Unit]:
    return await units.list_active(db, group_id)


async def units_with_members(db: Database, group_id: int) -> list[UnitWithMembers]:
    return await units.list_with_members(db, group_id)


async def find_unit(db: Database, group_id: int, code: str) -> Unit | None:
    return await units.find(db, group_id, code)


async def add_unit(
    db: Database, group_id: int, code: str, name: str, now: datetime
) -> tuple[Unit | None, Unit | None]:
    """(the unit added, None) or (None, the unit that already has that code)."""
    added = await units.add(db, group_id, code, name, _epoch(now))
    if added is not None:
        return added, None
    return None, await units.find(db, group_id, code)


async def remove_unit(db: Database, group_id: int, code: str, now: datetime) -> Unit | None:
    return await units.remove(db, group_id, code, _epoch(now))


def _epoch(now: datetime) -> int:
    return int(now.timestamp())
