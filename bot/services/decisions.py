"""Decisions as a service: recording one (linked to the meeting under way or ended that day)
and reading them back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage import corrections, decisions, meetings
from storage.corrections import RecordEdit
from storage.db import Database
from storage.decisions import Decision
from storage.meetings import Meeting

__all__ = [
    "MAX_TEXT",
    "Decision",
    "Recorded",
    "by_number",
    "edits",
    "meeting_of",
    "posted",
    "record",
    "recent",
]

MAX_TEXT = 2000


class EmptyDecision(ValueError):
    """There is no text to record."""


class TooLong(ValueError):
    """The text is longer than :data:`MAX_TEXT`."""


@dataclass(frozen=True, slots=True)
class Recorded:
    decision: Decision
    meeting: Meeting | None
    """The meeting it was linked to (under way, or ended that day), if any."""


async def record(
    db: Database,
    *,
    group_id: int,
    author_id: int,
    author_name: str,
    unit_id: int | None,
    text: str,
    source_message_id: int | None,
    now: datetime,
    origin: int | None = None,
) -> Recorded:
    """Store a decision (once per update ``origin``), linked to the meeting under way or ended
    today. Raises :class:`EmptyDecision` or :class:`TooLong`."""
    if not text:
        raise EmptyDecision
    if len(text) > MAX_TEXT:
        raise TooLong
    meeting = await meetings.current_for_records(db, group_id, now)
    decision = await decisions.record(
        db,
        group_id=group_id,
        meeting_id=meeting.id if meeting else None,
        author_id=author_id,
        author_name=author_name,
        unit_id=unit_id,
        text=text,
        source_message_id=source_message_id,
        now=int(now.timestamp()),
        origin=origin,
    )
    return Recorded(decision, meeting)


async def posted(db: Database, decision: Decision, message_id: int) -> None:
    """Remember the bot's post of the decision (edited in place on a correction)."""
    await decisions.set_message(db, decision.id, message_id)


async def edits(db: Database, decision: Decision) -> list[RecordEdit]:
    """The decision's earlier texts, oldest first."""
    return await corrections.edits(db, "decision", decision.id)


async def recent(db: Database, group_id: int) -> list[Decision]:
    return await decisions.recent(db, group_id)


async def by_number(db: Database, group_id: int, number: int) -> Decision | None:
    return await decisions.by_number(db, group_id, number)


async def meeting_of(db: Database, decision: Decision) -> Meeting | None:
    return await meetings.get(db, decision.meeting_id) if decision.meeting_id else None
