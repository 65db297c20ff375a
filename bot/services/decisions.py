"""Decisions as a service: recording one (of meeting ``#N``, else linked by
``bot.services.meetings.current_for_records``) and reading them back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.domain.cleantext import TooLong, within
from bot.services import meetings as meeting_service
from bot.services.meetings import EARLY, Link, MeetingInputError, link_of
from storage import corrections, decisions, meetings
from storage.corrections import RecordEdit
from storage.db import Database
from storage.decisions import Decision
from storage.meetings import Meeting

__all__ = [
    "MAX_TEXT",
    "Decision",
    "MeetingInputError",
    "Recorded",
    "TooLong",
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


@dataclass(frozen=True, slots=True)
class Recorded:
    decision: Decision
    meeting: Meeting | None
    """The meeting it belongs to, if any."""
    link: Link | Literal["named"] | None
    """Why: named with ``#N``, or made while it was under way, before it began, after it ended."""


async def record(
    db: Database,
    *,
    group_id: int,
    meeting_number: int | None,
    author_id: int,
    author_name: str,
    unit_id: int | None,
    text: str,
    source_message_id: int | None,
    now: datetime,
    origin: int | None = None,
) -> Recorded:
    """Store a decision (once per update ``origin``) of meeting ``meeting_number``, or of the
    meeting :func:`bot.services.meetings.current_for_records` finds. Raises
    :class:`EmptyDecision`, :class:`TooLong`, or :class:`MeetingInputError` for a meeting
    unknown, cancelled or still ahead."""
    if not text:
        raise EmptyDecision
    within(text, MAX_TEXT)
    meeting: Meeting | None
    link: Link | Literal["named"] | None
    if meeting_number is not None:
        meeting = named = await meeting_service.find(db, group_id, meeting_number)
        if named.began_at > (now + EARLY).timestamp():
            raise MeetingInputError("decisions.meeting_ahead", number=meeting_number)
        link = "named"
    else:
        meeting = await meeting_service.current_for_records(db, group_id, now)
        link = link_of(meeting, now) if meeting else None
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
    if decision.meeting_id != (meeting.id if meeting else None):  # stored before, handled again
        meeting = await meeting_of(db, decision)
        link = "named" if meeting else None
    return Recorded(decision, meeting, link)


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
