"""The records of a group for a spreadsheet (/ekspor), read in batches.

Each function yields lists of at most ``size`` rows in the order of the records' numbers, one
short read per batch (:meth:`Database.batches`), so an export of a large group never holds
its whole table in memory. ``start``/``end`` (Unix seconds, ``[start, end)``) keep the
records of one month: tasks by their due date, decisions and announcements by when they were
made, meetings by their start; None for every record. Withdrawn records are left out.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiosqlite

from storage.db import Database

BATCH = 500


@dataclass(frozen=True, slots=True)
class TaskRow:
    number: int
    created_at: int
    due_at: int
    unit_codes: tuple[str, ...]
    """The units it is assigned to, in the order they were given."""
    unit_names: tuple[str, ...]
    pokja: str | None
    status: str
    text: str
    closed_at: int | None
    creator_name: str
    meeting_number: int | None
    message_id: int | None
    """The bot's post announcing the task."""


@dataclass(frozen=True, slots=True)
class DecisionRow:
    number: int
    created_at: int
    meeting_number: int | None
    meeting_title: str | None
    unit_code: str | None
    author_name: str
    text: str
    message_id: int | None
    """The group message the decision was recorded from."""


@dataclass(frozen=True, slots=True)
class AnnouncementRow:
    number: int
    created_at: int
    author_name: str
    unit_code: str | None
    text: str
    message_id: int | None
    """The bot's post carrying the Diterima button."""
    units: frozenset[int]
    """The units (by id) it was made for."""
    acks: dict[int, int]
    """When each unit (by id) acknowledged its current version."""
    earlier: frozenset[int]
    """The units that acknowledged only an earlier version (it was edited)."""


@dataclass(frozen=True, slots=True)
class ExportUnit:
    """A unit with a column of its own in the announcements sheet."""

    id: int
    code: str


_PERIOD = "(:start IS NULL OR {column} >= :start) AND (:end IS NULL OR {column} < :end)"

_TASKS = f"""
SELECT t.number, t.created_at, t.due_at, t.pokja, t.status, t.text, t.closed_at,
       t.creator_name, m.number AS meeting_number, t.message_id,
       (SELECT json_group_array(json_array(p.position, u.code, u.name))
        FROM task_units p JOIN units u ON u.id = p.unit_id WHERE p.task_id = t.id) AS units
FROM tasks t
LEFT JOIN meetings m ON m.id = t.meeting_id
WHERE t.group_id = :group AND t.number > :after AND t.withdrawn_at IS NULL
      AND {_PERIOD.format(column="t.due_at")}
ORDER BY t.number LIMIT :size
"""

_DECISIONS = f"""
SELECT d.number, d.created_at, m.number AS meeting_number, m.title AS meeting_title,
       u.code AS unit_code, d.author_name, d.text, d.source_message_id
FROM decisions d
LEFT JOIN meetings m ON m.id = d.meeting_id
LEFT JOIN units u ON u.id = d.unit_id
WHERE d.group_id = :group AND d.number > :after AND d.withdrawn_at IS NULL
      AND {_PERIOD.format(column="d.created_at")}
ORDER BY d.number LIMIT :size
"""

_ANNOUNCEMENTS = f"""
SELECT a.number, a.created_at, a.author_name, u.code AS unit_code, a.text, a.message_id,
       (SELECT json_group_array(f.unit_id) FROM announcement_units f
        WHERE f.announcement_id = a.id) AS units,
       (SELECT json_group_object(k.unit_id, k.acked_at) FROM announcement_acks k
        WHERE k.announcement_id = a.id AND k.version = a.version) AS acks,
       (SELECT json_group_array(DISTINCT k.unit_id) FROM announcement_acks k
        WHERE k.announcement_id = a.id AND k.version < a.version) AS earlier
FROM announcements a
LEFT JOIN units u ON u.id = a.unit_id
WHERE a.group_id = :group AND a.number > :after AND a.withdrawn_at IS NULL
      AND {_PERIOD.format(column="a.created_at")}
ORDER BY a.number LIMIT :size
"""

_MEETINGS = f"""
SELECT number, id FROM meetings
WHERE group_id = :group AND number > :after AND {_PERIOD.format(column="starts_at")}
ORDER BY number LIMIT :size
"""


def _params(group_id: int, start: int | None, end: int | None) -> dict[str, object]:
    return {"group": group_id, "start": start, "end": end}


def _task(row: aiosqlite.Row) -> TaskRow:
    units = sorted(json.loads(row["units"]))
    return TaskRow(
        number=row["number"],
        created_at=row["created_at"],
        due_at=row["due_at"],
        unit_codes=tuple(code for _, code, _ in units),
        unit_names=tuple(name for _, _, name in units),
        pokja=row["pokja"],
        status=row["status"],
        text=row["text"],
        closed_at=row["closed_at"],
        creator_name=row["creator_name"],
        meeting_number=row["meeting_number"],
        message_id=row["message_id"],
    )


def _decision(row: aiosqlite.Row) -> DecisionRow:
    return DecisionRow(
        number=row["number"],
        created_at=row["created_at"],
        meeting_number=row["meeting_number"],
        meeting_title=row["meeting_title"],
        unit_code=row["unit_code"],
        author_name=row["author_name"],
        text=row["text"],
        message_id=row["source_message_id"],
    )


def _announcement(row: aiosqlite.Row) -> AnnouncementRow:
    acks = json.loads(row["acks"]) if row["acks"] else {}
    return AnnouncementRow(
        number=row["number"],
        created_at=row["created_at"],
        author_name=row["author_name"],
        unit_code=row["unit_code"],
        text=row["text"],
        message_id=row["message_id"],
        units=frozenset(json.loads(row["units"])),
        acks={int(unit_id): int(at) for unit_id, at in acks.items()},
        earlier=frozenset(json.loads(row["earlier"])),
    )


async def tasks(
    db: Database, group_id: int, start: int | None, end: int | None, size: int = BATCH
) -> AsyncIterator[list[TaskRow]]:
    async for rows in db.batches(_TASKS, _params(group_id, start, end), key="number", size=size):
        yield [_task(row) for row in rows]


async def decisions(
    db: Database, group_id: int, start: int | None, end: int | None, size: int = BATCH
) -> AsyncIterator[list[DecisionRow]]:
    params = _params(group_id, start, end)
    async for rows in db.batches(_DECISIONS, params, key="number", size=size):
        yield [_decision(row) for row in rows]


async def announcements(
    db: Database, group_id: int, start: int | None, end: int | None, size: int = BATCH
) -> AsyncIterator[list[AnnouncementRow]]:
    params = _params(group_id, start, end)
    async for rows in db.batches(_ANNOUNCEMENTS, params, key="number", size=size):
        yield [_announcement(row) for row in rows]


async def meeting_ids(
    db: Database, group_id: int, start: int | None, end: int | None, size: int = BATCH
) -> AsyncIterator[list[int]]:
    """The ids of the group's meetings, by number."""
    params = _params(group_id, start, end)
    async for rows in db.batches(_MEETINGS, params, key="number", size=size):
        yield [row["id"] for row in rows]


async def announcement_units(db: Database, group_id: int) -> list[ExportUnit]:
    """The units with a column in the announcements sheet: the active ones and the archived
    ones some announcement was made for, by code."""
    rows = await db.fetch_all(
        "SELECT u.id, u.code FROM units u WHERE u.group_id = ?"
        " AND (u.removed_at IS NULL"
        "      OR EXISTS (SELECT 1 FROM announcement_units f WHERE f.unit_id = u.id))"
        " ORDER BY u.code, u.id",
        (group_id,),
    )
    return [ExportUnit(id=row["id"], code=row["code"]) for row in rows]
