"""People in groups as a service: who they are, their unit and role, joining and leaving."""

from __future__ import annotations

from datetime import datetime

from bot.domain.cleantext import TooLong, within
from bot.domain.timewords import from_epoch
from bot.services import confirmations
from storage import people, tasks, units
from storage.confirmations import Confirmation
from storage.db import Database
from storage.groups import Group
from storage.people import ROLES, Member
from storage.tasks import Task
from storage.units import Added, Archived, NotArchived, Unit, UnitWithMembers

ARCHIVE = "archive_unit"
"""The action of the confirmation asked before archiving a unit."""

ROLE_WORDS = {
    **{role: role for role in ROLES},
    "coordinator": "koordinator",
    "member": "anggota",
    "observer": "pengamat",
}
"""The words for each role a user may write, Indonesian or English, to the role stored."""

__all__ = [
    "MAX_NAME",
    "TooLong",
    "ARCHIVE",
    "ROLES",
    "ROLE_WORDS",
    "Added",
    "Archived",
    "Member",
    "NotArchived",
    "Unit",
    "UnitWithMembers",
    "add_unit",
    "archive_unit",
    "ask_archive",
    "find_unit",
    "find_user",
    "get",
    "confirmed",
    "gone",
    "join",
    "last_known",
    "present",
    "list_units",
    "open_tasks_of",
    "remember",
    "seen_in",
    "set_role",
    "unit",
    "units_with_members",
]

MAX_NAME = 200
"""A unit's full name, in UTF-16 code units: it heads task posts, attendance lists and the
questions asked about the unit, whose buttons need it in one message."""


async def remember(
    db: Database, *, user_id: int, full_name: str, username: str | None, now: datetime
) -> None:
    """Keep a user's current name and username (to resolve ``@username`` later)."""
    await people.remember_user(db, user_id, full_name, username, _epoch(now))


async def seen_in(
    db: Database,
    *,
    user_id: int,
    full_name: str,
    username: str | None,
    group_id: int,
    wrote_at: datetime | None,
    now: datetime,
) -> tuple[Group | None, Member | None]:
    """The user was seen in the group chat: :func:`remember`, and :func:`present` when they
    wrote a message there at ``wrote_at``; then :func:`group_and_member` as it stands after
    both. One write."""
    return await people.remember_seen(
        db,
        user_id,
        full_name,
        username,
        _epoch(now),
        group_id,
        _epoch(wrote_at) if wrote_at is not None else None,
    )


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


async def group_and_member(
    db: Database, group_id: int, user_id: int
) -> tuple[Group | None, Member | None]:
    """The registered group (None if not registered) and the user as its current member."""
    return await people.group_and_member(db, group_id, user_id)


async def get(db: Database, group_id: int, user_id: int) -> Member | None:
    """A current member of the group, or None (never joined, or left)."""
    return await people.get_member(db, group_id, user_id)


async def find_user(db: Database, username: str) -> int | None:
    """The id of the user last seen with ``@username``."""
    return await people.find_user_id(db, username)


async def set_role(db: Database, group_id: int, user_id: int, role: str, now: datetime) -> None:
    await people.set_role(db, group_id, user_id, role, _epoch(now))


async def join(db: Database, group_id: int, user_id: int, unit: Unit, now: datetime) -> Unit | None:
    """The user joins ``unit`` in the group, leaving their earlier unit: that one, if any."""
    before = await people.join_unit(db, group_id, user_id, unit.id, _epoch(now))
    return await units.get(db, before) if before is not None else None


async def list_units(db: Database, group_id: int) -> list[Unit]:
    return await units.list_active(db, group_id)


async def units_with_members(db: Database, group_id: int) -> list[UnitWithMembers]:
    return await units.list_with_members(db, group_id)


async def find_unit(db: Database, group_id: int, code: str) -> Unit | None:
    return await units.find(db, group_id, code)


async def unit(db: Database, unit_id: int) -> Unit | None:
    """A unit by id, active or archived."""
    return await units.get(db, unit_id)


async def add_unit(
    db: Database, group_id: int, code: str, name: str, now: datetime
) -> tuple[Added | None, Unit | None]:
    """(the unit added or restored, None) or (None, the active unit that has that code).
    Raises :class:`TooLong` for a name over :data:`MAX_NAME`."""
    within(name, MAX_NAME)
    added = await units.add(db, group_id, code, name, _epoch(now))
    if added is not None:
        return added, None
    return None, await units.find(db, group_id, code)


async def open_tasks_of(db: Database, unit: Unit) -> list[Task]:
    """The tasks in which the unit's part is still open (they stay with it when archived)."""
    return await tasks.open_for_unit(db, unit.id)


async def ask_archive(
    db: Database, unit: Unit, *, asked_by: int, now: datetime, origin: int | None
) -> Confirmation:
    """The question before archiving ``unit`` (once per update ``origin``)."""
    return await confirmations.ask(
        db,
        chat_id=unit.group_id,
        action=ARCHIVE,
        ref_id=unit.id,
        asked_by=asked_by,
        now=now,
        origin=origin,
    )


async def archive_unit(
    db: Database, confirmation: Confirmation, *, by: int, now: datetime
) -> Archived | NotArchived:
    """Archive the unit ``confirmation`` is about: it stops counting for new announcements, its
    history stays, its members are in no unit any more (they are returned, to be told)."""
    return await units.archive(
        db, confirmation.ref_id, confirmation_id=confirmation.id, by=by, at=_epoch(now)
    )


def _epoch(now: datetime) -> int:
    return int(now.timestamp())
