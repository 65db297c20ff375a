"""Reminders: the source of truth for what is due when (the job queue only mirrors it)."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage import firings, records
from storage.db import Database, Earliest, from_row, one_row
from storage.firings import NewFiring, Outgoing

KIND = "reminder"


@dataclass(frozen=True, slots=True)
class Reminder:
    id: int
    chat_id: int
    number: int
    creator_id: int
    creator_name: str
    for_group: bool
    text: str
    phrase: str
    rule: str | None
    """The recurrence as JSON (``bot.domain.workdays.Rule``), None for a one-off."""
    zone: str
    zone_named: bool
    next_at: int | None
    status: str
    message_id: int | None
    """The bot's confirmation with the Batalkan button (edited when it is withdrawn)."""


_COLUMNS = (
    "id, chat_id, number, creator_id, creator_name, for_group, text, phrase, rule, zone,"
    " zone_named, next_at, status, message_id"
)
SELECT = f"SELECT {_COLUMNS} FROM reminders"


@dataclass(frozen=True, slots=True)
class NewReminder:
    chat_id: int
    creator_id: int
    creator_name: str
    for_group: bool
    text: str
    phrase: str
    rule: str | None
    zone: str
    zone_named: bool
    next_at: int


async def create(
    db: Database, new: NewReminder, now: int, origin: int | None = None
) -> tuple[Reminder, bool]:
    """Store a reminder with the chat's next number; the reminder and whether it is new (False:
    update ``origin`` made it before)."""

    async def work(conn: aiosqlite.Connection) -> tuple[Reminder, bool]:
        inserted = await records.insert_numbered(
            conn,
            "reminders",
            new.chat_id,
            {
                "creator_id": new.creator_id,
                "creator_name": new.creator_name,
                "for_group": int(new.for_group),
                "text": new.text,
                "phrase": new.phrase,
                "rule": new.rule,
                "zone": new.zone,
                "zone_named": int(new.zone_named),
                "next_at": new.next_at,
                "created_at": now,
            },
            origin=origin,
            now=now,
            group_column="chat_id",
        )
        row = await one_row(conn, SELECT + " WHERE id = ?", (inserted.id,))
        return from_row(Reminder, row), inserted.created

    return await db.atomically(work)


async def get(db: Database, reminder_id: int) -> Reminder | None:
    row = await db.fetch_one(SELECT + " WHERE id = ?", (reminder_id,))
    return from_row(Reminder, row) if row else None


async def by_number(db: Database, chat_id: int, number: int) -> Reminder | None:
    row = await db.fetch_one(SELECT + " WHERE chat_id = ? AND number = ?", (chat_id, number))
    return from_row(Reminder, row) if row else None


async def set_message(db: Database, reminder_id: int, message_id: int) -> None:
    """Remember the bot's confirmation of the reminder."""
    await db.write("UPDATE reminders SET message_id = ? WHERE id = ?", (message_id, reminder_id))


async def pending(db: Database, chat_id: int) -> list[Reminder]:
    """The chat's pending reminders, soonest first."""
    rows = await db.fetch_all(
        SELECT + " WHERE chat_id = ? AND status = 'pending' ORDER BY next_at, number", (chat_id,)
    )
    return [from_row(Reminder, row) for row in rows]


NEXT_DUE = Earliest("SELECT min(next_at) FROM reminders WHERE status = 'pending'")


async def due(db: Database, now: int, limit: int = 5000) -> list[Reminder]:
    """Pending reminders whose time has come, oldest first."""
    rows = await db.fetch_all(
        SELECT + " WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?",
        (now, limit),
    )
    return [from_row(Reminder, row) for row in rows]


async def claim_firing(
    db: Database,
    reminder: Reminder,
    *,
    scheduled_at: int,
    late: bool,
    next_at: int | None,
    message: Outgoing,
    now: int,
) -> int | None:
    """Advance the reminder past this firing and claim the firing with its message, in one
    transaction.

    Returns the firing id, or None when another run already advanced the reminder or the
    firing was claimed before (it is then not sent again).
    """

    async def advance(conn: aiosqlite.Connection) -> bool:
        cursor = await conn.execute(
            "UPDATE reminders SET next_at = ?, status = ?"
            " WHERE id = ? AND status = 'pending' AND next_at = ?",
            (next_at, "pending" if next_at is not None else "done", reminder.id, reminder.next_at),
        )
        return cursor.rowcount == 1

    firing = NewFiring(KIND, reminder.id, scheduled_at, reminder.chat_id, late, message)
    return await firings.claim_after(db, advance, firing, now)


async def postpone(db: Database, reminder_id: int, until: int | None) -> None:
    """Set a reminder that failed to fire aside until ``until``; None stops it for good."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE reminders SET next_at = ?, status = ? WHERE id = ? AND status = 'pending'",
            (until, "pending" if until is not None else "failed", reminder_id),
        )


async def cancel(db: Database, reminder_id: int) -> bool:
    """Cancel a pending reminder; False when it was not pending."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE reminders SET status = 'cancelled', next_at = NULL"
            " WHERE id = ? AND status = 'pending'",
            (reminder_id,),
        )
        return cursor.rowcount == 1


async def snooze(
    db: Database, firing_id: int, reminder_id: int, at: int, now: int
) -> Reminder | None:
    """Send a fired reminder again at ``at``, once per firing, in one transaction.

    A one-off reminder that fired is pending again; a recurring one gets a one-off copy (its
    rule carries on). None when this firing was snoozed before, or the one-off is no longer
    done (cancelled, or pending again through another firing's snooze).
    """
    async with db.transaction() as conn:
        cursor = await conn.execute(SELECT + " WHERE id = ?", (reminder_id,))
        row = await cursor.fetchone()
        if row is None:
            return None
        reminder = from_row(Reminder, row)
        if reminder.rule is None and reminder.status != "done":
            return None
        cursor = await conn.execute(
            "UPDATE firings SET snoozed_at = ? WHERE id = ? AND snoozed_at IS NULL",
            (now, firing_id),
        )
        if cursor.rowcount != 1:
            return None
        if reminder.rule is None:
            row = await one_row(
                conn,
                "UPDATE reminders SET next_at = ?, status = 'pending' WHERE id = ?"
                " RETURNING " + _COLUMNS,
                (at, reminder.id),
            )
        else:
            row = await one_row(
                conn,
                "INSERT INTO reminders (chat_id, number, creator_id, creator_name, for_group,"
                " text, phrase, rule, zone, zone_named, next_at, created_at)"
                " SELECT chat_id,"
                " (SELECT max(number) + 1 FROM reminders AS r WHERE r.chat_id = reminders.chat_id),"
                " creator_id, creator_name, for_group, text, phrase, NULL, zone, zone_named, ?, ?"
                " FROM reminders WHERE id = ? RETURNING " + _COLUMNS,
                (at, now, reminder.id),
            )
        return from_row(Reminder, row)


async def stop_failed(db: Database, reminder_id: int) -> None:
    """Telegram refused the chat (bot removed): the reminder stops for good."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE reminders SET status = 'failed', next_at = NULL WHERE id = ?", (reminder_id,)
        )
