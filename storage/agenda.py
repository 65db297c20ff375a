"""Agenda items of meetings, and carrying undiscussed ones over to the next meeting.

A withdrawn item is kept but left out of every agenda, minutes and carry-over (``get`` still
finds it, to say so).
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage import meetings, records, search
from storage.db import Database, from_row, one_row

search.register_source(
    search.KIND_AGENDA_ITEM,
    "SELECT a.group_id, a.id AS record_id, a.number, u.code AS unit_code, a.created_at, a.text"
    " FROM agenda_items a LEFT JOIN units u ON u.id = a.unit_id WHERE a.withdrawn_at IS NULL"
    " ORDER BY a.id",
)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int
    group_id: int
    number: int
    meeting_id: int | None
    """None: carried over while no later meeting was scheduled; it joins the next one."""
    meeting_number: int | None
    meeting_title: str | None
    unit_code: str | None
    author_id: int
    author_name: str
    text: str
    status: str
    """``open`` or ``carried`` (continued in a later meeting)."""
    carried_from_meeting: int | None
    """The number of the meeting this item was carried over from."""
    carried_to_meeting: int | None
    """For a carried item: the number of the meeting it continues in (None: not yet set)."""
    message_id: int | None
    """The bot's post saying it was added."""
    version: int
    withdrawn_at: int | None
    withdrawn_by_name: str | None

    @property
    def edited(self) -> bool:
        return self.version > 1


SELECT = (
    "SELECT a.id, a.group_id, a.number, a.meeting_id, g.number AS meeting_number,"
    " g.title AS meeting_title, u.code AS unit_code, a.author_id, a.author_name,"
    " a.text, a.status, a.message_id, a.version, a.withdrawn_at, a.withdrawn_by_name,"
    " (SELECT m.number FROM agenda_items f JOIN meetings m ON m.id = f.meeting_id"
    "  WHERE f.id = a.carried_from_id) AS carried_from_meeting,"
    " (SELECT m.number FROM agenda_items n JOIN meetings m ON m.id = n.meeting_id"
    "  WHERE n.carried_from_id = a.id) AS carried_to_meeting"
    " FROM agenda_items a LEFT JOIN units u ON u.id = a.unit_id"
    " LEFT JOIN meetings g ON g.id = a.meeting_id"
)
_SHOWN = "a.withdrawn_at IS NULL"


async def _insert(
    conn: aiosqlite.Connection,
    *,
    group_id: int,
    meeting_id: int | None,
    unit_id: int | None,
    author_id: int,
    author_name: str,
    text: str,
    carried_from_id: int | None,
    origin: int | None,
    now: int,
) -> records.Inserted:
    return await records.insert_numbered(
        conn,
        "agenda_items",
        group_id,
        {
            "meeting_id": meeting_id,
            "unit_id": unit_id,
            "author_id": author_id,
            "author_name": author_name,
            "text": text,
            "carried_from_id": carried_from_id,
            "created_at": now,
        },
        origin=origin,
        now=now,
        entry=records.SearchEntry(search.KIND_AGENDA_ITEM, text, unit_id),
    )


async def add(
    db: Database,
    *,
    group_id: int,
    meeting_id: int | None,
    unit_id: int | None,
    author_id: int,
    author_name: str,
    text: str,
    now: int,
    origin: int | None = None,
) -> tuple[AgendaItem, meetings.Meeting] | None:
    """Add an item to meeting ``meeting_id`` (None: the group's next meeting ahead of ``now``,
    found in the same transaction) with the group's next agenda number (indexed for search);
    the item and its meeting, or None when there is no such meeting. An update handled again
    gets the item it added the first time."""
    if meeting_id is None:
        find: tuple[str, tuple[int, ...]] = (meetings.NEXT_AHEAD, (group_id, now))
    else:
        find = (meetings.SELECT + " WHERE id = ?", (meeting_id,))

    async def work(conn: aiosqlite.Connection) -> tuple[AgendaItem, meetings.Meeting] | None:
        cursor = await conn.execute(*find)
        found = await cursor.fetchone()
        if found is None:
            return None
        meeting = from_row(meetings.Meeting, found)
        inserted = await _insert(
            conn,
            group_id=group_id,
            meeting_id=meeting.id,
            unit_id=unit_id,
            author_id=author_id,
            author_name=author_name,
            text=text,
            carried_from_id=None,
            origin=origin,
            now=now,
        )
        row = await one_row(conn, SELECT + " WHERE a.id = ?", (inserted.id,))
        return from_row(AgendaItem, row), meeting

    return await db.atomically(work)


async def get(db: Database, item_id: int) -> AgendaItem | None:
    row = await db.fetch_one(SELECT + " WHERE a.id = ?", (item_id,))
    return from_row(AgendaItem, row) if row else None


async def by_number(db: Database, group_id: int, number: int) -> AgendaItem | None:
    row = await db.fetch_one(SELECT + " WHERE a.group_id = ? AND a.number = ?", (group_id, number))
    return from_row(AgendaItem, row) if row else None


async def set_message(db: Database, item_id: int, message_id: int) -> None:
    """Remember the bot's post of the item (edited in place on a correction)."""
    await db.write("UPDATE agenda_items SET message_id = ? WHERE id = ?", (message_id, item_id))


async def for_meeting(db: Database, meeting_id: int) -> list[AgendaItem]:
    """The meeting's agenda (without withdrawn items) in the order items were added."""
    rows = await db.fetch_all(
        SELECT + f" WHERE a.meeting_id = ? AND {_SHOWN} ORDER BY a.id", (meeting_id,)
    )
    return [from_row(AgendaItem, row) for row in rows]


async def waiting(db: Database, group_id: int) -> list[AgendaItem]:
    """Items carried over while no later meeting was scheduled."""
    rows = await db.fetch_all(
        SELECT + f" WHERE a.group_id = ? AND a.meeting_id IS NULL AND {_SHOWN} ORDER BY a.id",
        (group_id,),
    )
    return [from_row(AgendaItem, row) for row in rows]


async def carry_over(
    db: Database, item_id: int, *, next_meeting_id: int | None, now: int
) -> AgendaItem | None:
    """Continue an open item in the next meeting (None: whichever is scheduled next).

    Marks the item ``carried`` and adds a copy attributed to the same unit and author;
    returns the copy, or None when the item was not open any more.
    """
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE agenda_items SET status = 'carried' WHERE id = ? AND status = 'open'"
            " AND withdrawn_at IS NULL"
            " RETURNING group_id, unit_id, author_id, author_name, text",
            (item_id,),
        )
        row = await cursor.fetchone()
        if row is None:
            return None
        copy = await _insert(
            conn,
            group_id=row["group_id"],
            meeting_id=next_meeting_id,
            unit_id=row["unit_id"],
            author_id=row["author_id"],
            author_name=row["author_name"],
            text=row["text"],
            carried_from_id=item_id,
            origin=None,
            now=now,
        )
    return await get(db, copy.id)
