"""The firing log and outbox: every scheduled message is claimed here, with its text, before
it is sent.

``(kind, ref_id, scheduled_at)`` is unique. A firing is claimed in the same transaction that
advances its source (a reminder's next time, a follow-up's state) and stores the message it
will send, so whatever happens next it is neither lost nor claimed twice:

* ``pending``: not handed to Telegram yet (or certainly not received): safe to send.
* ``sending``: a request left the rate limiter; if the process dies now, the firing is sent
  once more after the restart, marked as a possible repeat (a repeat beats a loss).
* ``sent``, ``failed`` (refused for good), ``uncertain`` (the outcome stayed unknown after the
  last attempt allowed).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiosqlite

from storage.db import Database, Earliest, earliest, from_row

STATUSES = ("pending", "sending", "sent", "failed", "uncertain")

FIRING_PLACEHOLDER = "{firing}"
"""In a button's data, replaced by the id of the firing it is sent with."""


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    data: str


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A scheduled message as stored: HTML text and inline buttons."""

    text: str
    buttons: Keyboard = ()


@dataclass(frozen=True, slots=True)
class NewFiring:
    kind: str
    ref_id: int
    scheduled_at: int
    chat_id: int
    late: bool
    message: Outgoing


@dataclass(frozen=True, slots=True)
class Firing:
    id: int
    kind: str
    ref_id: int
    scheduled_at: int
    chat_id: int
    status: str
    late: bool
    message_id: int | None
    message: Outgoing
    repeat: bool
    """Sent once more after a crash or a timeout: it may have arrived before."""
    attempts: int


SELECT = (
    "SELECT id, kind, ref_id, scheduled_at, chat_id, status, late, message_id, text, buttons,"
    " repeat, attempts FROM firings"
)
"""Every field of :class:`Firing` but ``message``, which is built from ``text`` and ``buttons``."""


def _firing(row: aiosqlite.Row) -> Firing:
    return from_row(Firing, row, message=Outgoing(row["text"] or "", _keyboard(row["buttons"])))


def _keyboard(stored: str | None) -> Keyboard:
    if not stored:
        return ()
    return tuple(tuple(Button(label, data) for label, data in row) for row in json.loads(stored))


def _stored_buttons(buttons: Keyboard, firing_id: int) -> str | None:
    if not buttons:
        return None
    return json.dumps(
        [
            [[b.label, b.data.replace(FIRING_PLACEHOLDER, str(firing_id))] for b in row]
            for row in buttons
        ],
        ensure_ascii=False,
    )


async def claim(conn: aiosqlite.Connection, new: NewFiring, now: int) -> int | None:
    """Claim a firing with its message inside the caller's transaction; None when it was
    claimed before."""
    cursor = await conn.execute(
        "INSERT INTO firings (kind, ref_id, scheduled_at, chat_id, late, text, claimed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        (new.kind, new.ref_id, new.scheduled_at, new.chat_id, int(new.late), new.message.text, now),
    )
    row = await cursor.fetchone()
    if row is None:
        return None
    firing_id = int(row["id"])
    buttons = _stored_buttons(new.message.buttons, firing_id)
    if buttons is not None:
        await conn.execute("UPDATE firings SET buttons = ? WHERE id = ?", (buttons, firing_id))
    return firing_id


Advance = Callable[[aiosqlite.Connection], Awaitable[bool]]
"""Moves a source past the firing inside the claim's transaction; False: nothing to send."""


async def claim_after(db: Database, advance: Advance, new: NewFiring, now: int) -> int | None:
    """Advance the source and claim its firing in one transaction: the one place the pair is
    written. None when the source was advanced by someone else or the firing claimed before."""
    async with db.transaction() as conn:
        if not await advance(conn):
            return None
        return await claim(conn, new, now)


async def next_unsent(db: Database, chat_id: int, now: int) -> Firing | None:
    """The chat's oldest firing to send at ``now``."""
    row = await db.fetch_one(
        SELECT + " WHERE chat_id = ? AND status = 'pending'"
        " AND coalesce(retry_at, 0) <= ? ORDER BY scheduled_at, id LIMIT 1",
        (chat_id, now),
    )
    return _firing(row) if row else None


async def chats_to_send(db: Database, now: int) -> list[int]:
    """Chats with a firing to send at ``now``."""
    rows = await db.fetch_all(
        "SELECT DISTINCT chat_id FROM firings WHERE status = 'pending'"
        " AND coalesce(retry_at, 0) <= ?",
        (now,),
    )
    return [row["chat_id"] for row in rows]


NEXT_SEND = Earliest(
    "SELECT min(coalesce(retry_at, claimed_at)) FROM firings WHERE status = 'pending'"
)
"""When the earliest unsent firing is to be sent (its retry time, or now)."""


async def next_send_at(db: Database) -> int | None:
    return await earliest(db, [NEXT_SEND])


async def attempted_since(db: Database, since: int) -> list[tuple[int, int]]:
    """``(chat_id, attempted_at)`` of the firings whose request left at ``since`` or later,
    oldest first."""
    rows = await db.fetch_all(
        "SELECT chat_id, attempted_at FROM firings WHERE attempted_at >= ? ORDER BY attempted_at",
        (since,),
    )
    return [(row["chat_id"], row["attempted_at"]) for row in rows]


async def mark_attempted(db: Database, firing_id: int, now: int) -> None:
    """A request carrying the firing has left the rate limiter."""
    await db.write(
        "UPDATE firings SET status = 'sending', attempts = attempts + 1, attempted_at = ?"
        " WHERE id = ?",
        (now, firing_id),
        durable=True,
    )


async def mark_sent(db: Database, firing_id: int, now: int) -> None:
    """Telegram answered the firing's (last) request."""
    await db.write(
        "UPDATE firings SET status = 'sent', sent_at = ?, retry_at = NULL WHERE id = ?",
        (now, firing_id),
        durable=True,
    )


async def set_message(db: Database, firing_id: int, message_id: int) -> None:
    """The message the firing became (its last part)."""
    await db.write("UPDATE firings SET message_id = ? WHERE id = ?", (message_id, firing_id))


async def messages_of(db: Database, kind: str, ref_id: int) -> list[int]:
    """The messages the firings of source ``kind`` for record ``ref_id`` became."""
    rows = await db.fetch_all(
        "SELECT message_id FROM firings WHERE kind = ? AND ref_id = ? AND message_id IS NOT NULL",
        (kind, ref_id),
    )
    return [int(row["message_id"]) for row in rows]


async def mark_not_sent(db: Database, firing_id: int) -> None:
    """The request certainly was not carried out (a 5xx, no connection): back to unsent,
    without the suspicion of a repeat."""
    await db.write(
        "UPDATE firings SET status = 'pending' WHERE id = ? AND status = 'sending'", (firing_id,)
    )


async def mark_failed(db: Database, firing_id: int, error: str, now: int) -> None:
    await _finish(db, firing_id, "failed", error, now)


async def mark_uncertain(db: Database, firing_id: int, error: str, now: int) -> None:
    """The outcome stayed unknown after the last attempt allowed: it is not sent again."""
    await _finish(db, firing_id, "uncertain", error, now)


async def _finish(db: Database, firing_id: int, status: str, error: str, now: int) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE firings SET status = ?, sent_at = ?, error = ?, retry_at = NULL WHERE id = ?",
            (status, now, error[:500], firing_id),
        )


async def retry_later(
    db: Database, firing_id: int, error: str, retry_at: int, *, maybe_sent: bool
) -> None:
    """Send it again at ``retry_at``; ``maybe_sent``: the last request may have arrived, so the
    next one is marked as a possible repeat."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE firings SET status = 'pending', retry_at = ?, error = ?,"
            " repeat = max(repeat, ?) WHERE id = ?",
            (retry_at, error[:500], int(maybe_sent), firing_id),
        )


async def recover_interrupted(db: Database) -> int:
    """At start-up: firings whose request had left when the process stopped are sent once
    more, marked as a possible repeat. Returns how many."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE firings SET status = 'pending', repeat = 1, retry_at = NULL"
            " WHERE status = 'sending'"
        )
        return cursor.rowcount


async def move_chat(conn: aiosqlite.Connection, old_chat_id: int, new_chat_id: int) -> None:
    """A group became a supergroup: its firings go to the new id (caller's transaction)."""
    await conn.execute(
        "UPDATE firings SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id)
    )


async def get(db: Database, firing_id: int) -> Firing | None:
    row = await db.fetch_one(SELECT + " WHERE id = ?", (firing_id,))
    return _firing(row) if row else None


async def for_ref(db: Database, kind: str, ref_id: int) -> list[Firing]:
    """Every firing of one source record, oldest first."""
    rows = await db.fetch_all(
        SELECT + " WHERE kind = ? AND ref_id = ? ORDER BY scheduled_at",
        (kind, ref_id),
    )
    return [_firing(row) for row in rows]


async def counts(db: Database) -> dict[str, int]:
    """How many firings are in each status."""
    rows = await db.fetch_all("SELECT status, count(*) AS n FROM firings GROUP BY status")
    return {row["status"]: row["n"] for row in rows}
