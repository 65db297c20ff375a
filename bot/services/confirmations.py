"""Asking before an action a command cannot undo: a question with Ya/Batal buttons, valid for
:data:`VALID_FOR` on the message it was asked in, answered once.

Plain values in, plain values out (no Telegram); ``now`` is always passed in. The action itself
takes the confirmation in its own transaction (``storage.confirmations.answer``), so a double
press acts once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from storage import confirmations
from storage.confirmations import Confirmation
from storage.db import Database

__all__ = ["VALID_FOR", "Confirmation", "Refused", "ask", "decline", "posted", "pressed"]

VALID_FOR = timedelta(minutes=5)

Refused = Literal["stale", "answered", "expired"]
"""Why a press does nothing: ``stale`` a press on another message or chat, or for something
else (a forged one); ``answered`` it was answered before; ``expired`` too late."""


async def ask(
    db: Database,
    *,
    chat_id: int,
    action: str,
    ref_id: int,
    asked_by: int,
    now: datetime,
    origin: int | None,
) -> Confirmation:
    """A new question about ``action`` on ``ref_id`` (once per update ``origin``)."""
    return await confirmations.ask(
        db,
        chat_id=chat_id,
        action=action,
        ref_id=ref_id,
        asked_by=asked_by,
        now=int(now.timestamp()),
        expires_at=int((now + VALID_FOR).timestamp()),
        origin=origin,
    )


async def posted(db: Database, confirmation: Confirmation, message_id: int) -> None:
    """The question's message: only a press on it counts."""
    await confirmations.set_message(db, confirmation.id, message_id)


async def pressed(
    db: Database,
    confirmation_id: int,
    *,
    actions: tuple[str, ...],
    chat_id: int,
    message_id: int | None,
    now: datetime,
) -> Confirmation | Refused:
    """The confirmation a button names, if the press is on its own message in its chat, about
    one of ``actions``, unanswered and in time; else why not."""
    found = await confirmations.get(db, confirmation_id)
    if (
        found is None
        or found.chat_id != chat_id
        or found.message_id is None
        or found.message_id != message_id
        or not found.action.startswith(actions)
    ):
        return "stale"
    if found.answer is not None:
        return "answered"
    if now.timestamp() >= found.expires_at:
        return "expired"
    return found


async def decline(db: Database, confirmation: Confirmation, by: int, now: datetime) -> bool:
    """Answer ``no``; False when it was answered before or has expired meanwhile."""
    return await confirmations.decline(db, confirmation.id, by, int(now.timestamp()))
