"""Decisions (keputusan), each linked to the meeting it was taken in, if any.

A withdrawn decision is kept but left out of lists and minutes (``by_number`` still finds it,
to say so).
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import records, search
from storage.db import Database, from_row

search.register_source(
    search.KIND_DECISION,
    "SELECT d.group_id, d.id AS record_id, d.number, u.code AS unit_code, d.created_at, d.text"
    " FROM decisions d LEFT JOIN units u ON u.id = d.unit_id WHERE d.withdrawn_at IS NULL"
    " ORDER BY d.id",
)


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    group_id: int
    number: int
    meeting_id: int | None
    meeting_number: int | None
    meeting_title: str | None
    author_id: int
    author_name: str
    unit_code: str | None
    text: str
    created_at: int
    message_id: int | None
    """The bot's post saying it was recorded."""
    version: int
    withdrawn_at: int | None
    withdrawn_by_name: str | None

    @property
    def edited(self) -> bool:
        return self.version > 1


SELECT = (
    "SELECT d.id, d.group_id, d.number, d.meeting_id, m.number AS meeting_number,"
    " m.title AS meeting_title, d.author_id, d.author_name, u.code AS unit_code, d.text,"
    " d.created_at, d.message_id, d.version, d.withdrawn_at, d.withdrawn_by_name"
    " FROM decisions d LEFT JOIN meetings m ON m.id = d.meeting_id"
    " LEFT JOIN units u ON u.id = d.unit_id"
)
_SHOWN = "d.withdrawn_at IS NULL"


async def record(
    db: Database,
    *,
    group_id: int,
    meeting_id: int | None,
    author_id: int,
    author_name: str,
    unit_id: int | None,
    text: str,
    source_message_id: int | None,
    now: int,
    origin: int | None = None,
) -> Decision:
    """Store a decision with the group's next number and index it for search; an update
    handled again gets the decision it recorded the first time."""
    async with db.transaction() as conn:
        inserted = await records.insert_numbered(
            conn,
            "decisions",
            group_id,
            {
                "meeting_id": meeting_id,
                "author_id": author_id,
                "author_name": author_name,
                "unit_id": unit_id,
                "text": text,
                "source_message_id": source_message_id,
                "created_at": now,
            },
            origin=origin,
            now=now,
            entry=records.SearchEntry(search.KIND_DECISION, text, unit_id),
        )
    decision = await get(db, inserted.id)
    assert decision is not None  # noqa: S101 - just inserted
    return decision


async def get(db: Database, decision_id: int) -> Decision | None:
    row = await db.fetch_one(SELECT + " WHERE d.id = ?", (decision_id,))
    return from_row(Decision, row) if row else None


async def by_number(db: Database, group_id: int, number: int) -> Decision | None:
    row = await db.fetch_one(SELECT + " WHERE d.group_id = ? AND d.number = ?", (group_id, number))
    return from_row(Decision, row) if row else None


async def set_message(db: Database, decision_id: int, message_id: int) -> None:
    """Remember the bot's post of the decision (edited in place on a correction)."""
    await db.write("UPDATE decisions SET message_id = ? WHERE id = ?", (message_id, decision_id))


async def recent(db: Database, group_id: int, limit: int = 10) -> list[Decision]:
    """The group's latest decisions (not withdrawn), newest first."""
    rows = await db.fetch_all(
        SELECT + f" WHERE d.group_id = ? AND {_SHOWN} ORDER BY d.number DESC LIMIT ?",
        (group_id, limit),
    )
    return [from_row(Decision, row) for row in rows]


async def for_meeting(db: Database, meeting_id: int) -> list[Decision]:
    """The meeting's decisions (not withdrawn) in order."""
    rows = await db.fetch_all(
        SELECT + f" WHERE d.meeting_id = ? AND {_SHOWN} ORDER BY d.number", (meeting_id,)
    )
    return [from_row(Decision, row) for row in rows]
