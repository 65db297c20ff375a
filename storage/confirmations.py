"""Confirmations: a question asked with Ya/Batal buttons before an action a command cannot undo
(withdrawing a record, archiving a unit).

A confirmation belongs to one chat and one message (the bot's question), is valid until
``expires_at`` and is answered once: :func:`answer` takes it inside the transaction of the
action it confirms, so a double press or two people pressing at once act only once.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage import records
from storage.db import Database, from_row, one_row

KEEP = 86400
"""Answered or expired confirmations older than this (seconds) are deleted when one is asked."""


@dataclass(frozen=True, slots=True)
class Confirmation:
    id: int
    chat_id: int
    action: str
    """What is confirmed: ``withdraw:<kind>`` or ``archive_unit``."""
    ref_id: int
    """The record's (or unit's) id."""
    asked_by: int
    message_id: int | None
    """The bot's question carrying the buttons (None until it was posted)."""
    asked_at: int
    expires_at: int
    answer: str | None
    """``yes``, ``no``, or None while unanswered."""


_COLUMNS = "id, chat_id, action, ref_id, asked_by, message_id, asked_at, expires_at, answer"
SELECT = f"SELECT {_COLUMNS} FROM confirmations"


async def ask(
    db: Database,
    *,
    chat_id: int,
    action: str,
    ref_id: int,
    asked_by: int,
    now: int,
    expires_at: int,
    origin: int | None,
) -> Confirmation:
    """A new question (or the one update ``origin`` asked before, when it is handled again)."""
    async with db.transaction() as conn:
        earlier = await records.recorded(conn, origin, "confirmations")
        if earlier is not None:
            row = await one_row(conn, SELECT + " WHERE id = ?", (earlier,))
            return from_row(Confirmation, row)
        await conn.execute(
            "DELETE FROM confirmations WHERE asked_at < ? AND (answer IS NOT NULL"
            " OR expires_at < ?)",
            (now - KEEP, now),
        )
        row = await one_row(
            conn,
            "INSERT INTO confirmations (chat_id, action, ref_id, asked_by, asked_at, expires_at)"
            f" VALUES (?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (chat_id, action, ref_id, asked_by, now, expires_at),
        )
        confirmation = from_row(Confirmation, row)
        await records.remember(conn, origin, "confirmations", confirmation.id)
    return confirmation


async def set_message(db: Database, confirmation_id: int, message_id: int) -> None:
    """Remember the question's message: only a press on it counts."""
    await db.write(
        "UPDATE confirmations SET message_id = ? WHERE id = ?", (message_id, confirmation_id)
    )


async def get(db: Database, confirmation_id: int) -> Confirmation | None:
    row = await db.fetch_one(SELECT + " WHERE id = ?", (confirmation_id,))
    return from_row(Confirmation, row) if row else None


async def answer(
    conn: aiosqlite.Connection, confirmation_id: int, answer: str, by: int, now: int
) -> bool:
    """Answer an unanswered confirmation that has not expired (inside the caller's transaction,
    with the action it confirms); False when it was answered before or has expired."""
    cursor = await conn.execute(
        "UPDATE confirmations SET answer = ?, answered_by = ?, answered_at = ?"
        " WHERE id = ? AND answer IS NULL AND expires_at > ?",
        (answer, by, now, confirmation_id, now),
    )
    return cursor.rowcount == 1


async def decline(db: Database, confirmation_id: int, by: int, now: int) -> bool:
    """Answer ``no``; False when it was answered before or has expired."""
    async with db.transaction() as conn:
        return await answer(conn, confirmation_id, "no", by, now)
