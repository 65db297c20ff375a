"""Decisions (keputusan), each linked to the meeting it was taken in, if any."""

from __future__ import annotations

from dataclasses import dataclass

from storage import search
from storage.db import Database

search.register_source(
    search.KIND_DECISION,
    "SELECT d.group_id, d.id, d.number, u.code, d.created_at, d.text"
    " FROM decisions d LEFT JOIN units u ON u.id = d.unit_id ORDER BY d.id",
)


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    group_id: int
    number: int
    meeting_id: int | None
    meeting_number: int | None
    author_name: str
    unit_code: str | None
    text: str
    created_at: int


_SELECT = (
    "SELECT d.id, d.group_id, d.number, d.meeting_id, m.number, d.author_name, u.code, d.text,"
    " d.created_at FROM decisions d LEFT JOIN meetings m ON m.id = d.meeting_id"
    " LEFT JOIN units u ON u.id = d.unit_id"
)


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
) -> Decision:
    """Store a decision with the group's next number and index it for search."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO decisions (group_id, number, meeting_id, author_id, author_name, unit_id,"
            " text, source_message_id, created_at)"
            " VALUES (?, (SELECT coalesce(max(number), 0) + 1 FROM decisions WHERE group_id = ?),"
            " ?, ?, ?, ?, ?, ?, ?) RETURNING id, number, (SELECT code FROM units WHERE id = ?)",
            (
                group_id,
                group_id,
                meeting_id,
                author_id,
                author_name,
                unit_id,
                text,
                source_message_id,
                now,
                unit_id,
            ),
        )
        decision_id, number, unit_code = await cursor.fetchone()
        await search.index_record(
            conn,
            group_id=group_id,
            kind=search.KIND_DECISION,
            record_id=decision_id,
            number=number,
            unit_code=unit_code,
            created_at=now,
            text=text,
        )
    decision = await get(db, decision_id)
    assert decision is not None  # noqa: S101 - just inserted
    return decision


async def get(db: Database, decision_id: int) -> Decision | None:
    row = await db.fetch_one(_SELECT + " WHERE d.id = ?", (decision_id,))
    return Decision(*row) if row else None


async def by_number(db: Database, group_id: int, number: int) -> Decision | None:
    row = await db.fetch_one(_SELECT + " WHERE d.group_id = ? AND d.number = ?", (group_id, number))
    return Decision(*row) if row else None


async def recent(db: Database, group_id: int, limit: int = 10) -> list[Decision]:
    """The group's latest decisions, newest first."""
    rows = await db.fetch_all(
        _SELECT + " WHERE d.group_id = ? ORDER BY d.number DESC LIMIT ?", (group_id, limit)
    )
    return [Decision(*row) for row in rows]


async def for_meeting(db: Database, meeting_id: int) -> list[Decision]:
    """The meeting's decisions in order."""
    rows = await db.fetch_all(_SELECT + " WHERE d.meeting_id = ? ORDER BY d.number", (meeting_id,))
    return [Decision(*row) for row in rows]
