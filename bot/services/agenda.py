"""Agenda items as a service: adding one to the next meeting (or meeting N) and reading a
meeting's agenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.cleantext import TooLong, within
from bot.services import meetings as meeting_service
from bot.services.meetings import MeetingInputError
from storage import agenda, meetings
from storage.agenda import AgendaItem
from storage.db import Database
from storage.meetings import Meeting

__all__ = ["MAX_TEXT", "AgendaItem", "Added", "NoMeeting", "TooLong", "add", "for_meeting"]

MAX_TEXT = 1000
"""UTF-16 code units: an agenda item is a line of the agenda, the minutes and the card."""


class NoMeeting(LookupError):
    """No meeting is scheduled ahead to add an item to."""


@dataclass(frozen=True, slots=True)
class Added:
    item: AgendaItem
    meeting: Meeting


async def add(
    db: Database,
    *,
    group_id: int,
    meeting_number: int | None,
    unit_id: int | None,
    author_id: int,
    author_name: str,
    text: str,
    now: datetime,
    origin: int | None = None,
) -> Added:
    """Add ``text`` to meeting ``meeting_number`` (or the next one) once per update ``origin``.

    Raises :class:`TooLong`, :class:`NoMeeting`, or :class:`MeetingInputError` for a meeting
    number that is unknown, cancelled or over.
    """
    within(text, MAX_TEXT)
    meeting_id = None
    if meeting_number is not None:
        meeting_id = (await meeting_service.find_open(db, group_id, meeting_number, now)).id
    added = await agenda.add(
        db,
        group_id=group_id,
        meeting_id=meeting_id,
        unit_id=unit_id,
        author_id=author_id,
        author_name=author_name,
        text=text,
        now=int(now.timestamp()),
        origin=origin,
    )
    if added is None:
        raise NoMeeting
    return Added(*added)


async def posted(db: Database, item: AgendaItem, message_id: int) -> None:
    """Remember the bot's post of the item (edited in place on a correction)."""
    await agenda.set_message(db, item.id, message_id)


async def for_meeting(db: Database, meeting_id: int) -> list[AgendaItem]:
    """The meeting's agenda in the order items were added."""
    return await agenda.for_meeting(db, meeting_id)


async def waiting(db: Database, group_id: int) -> list[AgendaItem]:
    """Items carried over while no later meeting was scheduled."""
    return await agenda.waiting(db, group_id)


@dataclass(frozen=True, slots=True)
class Carried:
    copy: AgendaItem
    """The item as it continues (its new number)."""
    meeting: Meeting | None
    """The meeting it continues in; None: the next one scheduled."""


async def item_of_meeting(db: Database, item_id: int) -> tuple[AgendaItem, Meeting] | None:
    """An agenda item with the meeting it belongs to (None if either is missing)."""
    item = await agenda.get(db, item_id)
    if item is None or item.meeting_id is None:
        return None
    meeting = await meetings.get(db, item.meeting_id)
    return (item, meeting) if meeting is not None else None


async def carry_over(
    db: Database, item: AgendaItem, meeting: Meeting, now: datetime
) -> Carried | None:
    """Continue an undiscussed item of ``meeting`` in the next meeting (or the next one
    created); None when it was carried over already."""
    after = max(int(now.timestamp()), meeting.starts_at)
    following = await meetings.next_ahead(db, meeting.group_id, after)
    copy = await agenda.carry_over(
        db,
        item.id,
        next_meeting_id=following.id if following else None,
        now=int(now.timestamp()),
    )
    return Carried(copy, following) if copy is not None else None


__all__ += ["Carried", "MeetingInputError", "carry_over", "item_of_meeting", "posted", "waiting"]
