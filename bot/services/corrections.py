"""Correcting records (/ubah) and withdrawing them (/hapus): which record is meant, who may,
and doing it. Plain values in, plain values out (no Telegram); ``now`` is always passed in.

* Edit: the author or a koordinator replaces the text of an announcement, decision, agenda item
  or task; the earlier text stays in its history, the search index follows, an announcement is
  acknowledged again (per version) and followed up again.
* Withdraw: a koordinator (the author too, for their own agenda item or reminder) withdraws a
  record after confirming: it is kept with who and when, and left out of every list, search,
  minutes, follow-up, recap and export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.cleantext import TooLong, within
from bot.services import Wake, confirmations
from bot.services import agenda as agenda_service
from bot.services import announcements as announcement_service
from bot.services import decisions as decision_service
from bot.services import tasks as task_service
from storage import agenda, announcements, corrections, decisions, reminders, tasks
from storage.agenda import AgendaItem
from storage.announcements import Announcement
from storage.confirmations import Confirmation
from storage.corrections import Kind, Withdrawal
from storage.db import Database
from storage.decisions import Decision
from storage.reminders import Reminder
from storage.tasks import Task

__all__ = [
    "EDIT_WORDS",
    "KIND_WORDS",
    "MAX_TEXT",
    "WITHDRAW",
    "CorrectionError",
    "Kind",
    "Record",
    "Reminder",
    "Target",
    "TooLong",
    "Withdrawal",
    "ask_withdrawal",
    "edit",
    "find",
    "may_edit",
    "may_withdraw",
    "target_of",
    "withdraw",
]

Record = Announcement | Decision | AgendaItem | Task | Reminder

KIND_WORDS: dict[str, Kind] = {
    "pengumuman": "announcement",
    "announcement": "announcement",
    "keputusan": "decision",
    "decision": "decision",
    "agenda": "agenda_item",
    "tugas": "task",
    "task": "task",
    "pengingat": "reminder",
    "reminder": "reminder",
}
"""The words for each kind in /ubah and /hapus, Indonesian (the contract) or English."""
EDIT_WORDS = {word: kind for word, kind in KIND_WORDS.items() if kind in corrections.EDITABLE}

MAX_TEXT: dict[Kind, int] = {
    "announcement": announcement_service.MAX_TEXT,
    "decision": decision_service.MAX_TEXT,
    "agenda_item": agenda_service.MAX_TEXT,
    "task": task_service.MAX_TEXT,
}
"""The longest text of each kind, in UTF-16 code units (as when it is recorded)."""

WITHDRAW = "withdraw:"
"""The confirmations' action prefix: ``withdraw:<kind>``."""


class CorrectionError(ValueError):
    """A correction that cannot be made: ``key`` names the catalog text, ``params`` its
    values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True, slots=True)
class Target:
    """A record as a correction sees it."""

    kind: Kind
    record: Record
    chat_id: int
    id: int
    number: int
    author_id: int
    text: str
    message_id: int | None
    """The bot's post of it (edited in place)."""
    open: bool
    """It may still be corrected: not withdrawn (a reminder: still pending)."""


def _target(kind: Kind, record: Record) -> Target:
    if isinstance(record, Reminder):
        chat_id, author, is_open = record.chat_id, record.creator_id, record.status == "pending"
    elif isinstance(record, Task):
        chat_id, author, is_open = record.group_id, record.creator_id, record.withdrawn_at is None
    else:
        chat_id, author, is_open = record.group_id, record.author_id, record.withdrawn_at is None
    return Target(
        kind,
        record,
        chat_id,
        record.id,
        record.number,
        author,
        record.text,
        record.message_id,
        is_open,
    )


async def find(db: Database, chat_id: int, kind: Kind, number: int) -> Target | None:
    """Record ``number`` of ``kind`` in the chat, withdrawn or not."""
    record: Record | None
    match kind:
        case "announcement":
            record = await announcements.by_number(db, chat_id, number)
        case "decision":
            record = await decisions.by_number(db, chat_id, number)
        case "agenda_item":
            record = await agenda.by_number(db, chat_id, number)
        case "task":
            record = await tasks.by_number(db, chat_id, number)
        case "reminder":
            record = await reminders.by_number(db, chat_id, number)
    return _target(kind, record) if record is not None else None


def may_edit(target: Target, user_id: int | None, is_coordinator: bool) -> bool:
    """The author or a koordinator."""
    return is_coordinator or target.author_id == user_id


def may_withdraw(target: Target, user_id: int | None, is_coordinator: bool) -> bool:
    """A koordinator; the author too, for their own agenda item or reminder."""
    own = target.kind in ("agenda_item", "reminder") and target.author_id == user_id
    return is_coordinator or own


async def edit(
    db: Database,
    target: Target,
    text: str,
    *,
    user_id: int,
    user_name: str,
    now: datetime,
    tz: str,
    wake: Wake,
) -> Target:
    """Replace the record's text, keeping the earlier one; the record as it is now.

    Raises :class:`TooLong` for a text over the kind's limit (UTF-16 code units);
    :class:`CorrectionError` for an empty text, the same text, or a withdrawn record.
    """
    text = " ".join(text.split()) if target.kind == "task" else text.strip()
    if not text:
        raise CorrectionError("corrections.edit_usage")
    within(text, MAX_TEXT[target.kind])
    if text == target.text:
        raise CorrectionError("corrections.unchanged")
    if isinstance(target.record, Announcement):
        done = (
            await announcement_service.edit(
                db,
                target.record,
                text,
                user_id=user_id,
                user_name=user_name,
                now=now,
                tz=tz,
                wake=wake,
            )
            is not None
        )
    else:
        epoch = int(now.timestamp())
        revised = await corrections.edit(
            db, target.kind, target.id, text, user_id, user_name, epoch
        )
        done = revised is not None
    edited = await find(db, target.chat_id, target.kind, target.number) if done else None
    if edited is None:
        raise CorrectionError("corrections.withdrawn_already")
    return edited


async def ask_withdrawal(
    db: Database, target: Target, *, asked_by: int, now: datetime, origin: int | None
) -> Confirmation:
    """The question before withdrawing ``target`` (once per update ``origin``)."""
    return await confirmations.ask(
        db,
        chat_id=target.chat_id,
        action=WITHDRAW + target.kind,
        ref_id=target.id,
        asked_by=asked_by,
        now=now,
        origin=origin,
    )


async def target_of(db: Database, confirmation: Confirmation) -> Target | None:
    """The record a withdrawal confirmation is about."""
    kind = confirmation.action.removeprefix(WITHDRAW)
    if kind not in corrections.WITHDRAWABLE:
        return None
    record: Record | None
    match kind:
        case "announcement":
            record = await announcements.get(db, confirmation.ref_id)
        case "decision":
            record = await decisions.get(db, confirmation.ref_id)
        case "agenda_item":
            record = await agenda.get(db, confirmation.ref_id)
        case "task":
            record = await tasks.get(db, confirmation.ref_id)
        case _:
            record = await reminders.get(db, confirmation.ref_id)
    return _target(kind, record) if record is not None else None


async def withdraw(
    db: Database,
    confirmation: Confirmation,
    target: Target,
    *,
    by: int,
    by_name: str,
    now: datetime,
    wake: Wake,
) -> Withdrawal:
    """Withdraw the record as ``confirmation`` confirms; its follow-ups stop."""
    done = await corrections.withdraw(
        db,
        target.kind,
        target.id,
        confirmation_id=confirmation.id,
        by=by,
        by_name=by_name,
        now=int(now.timestamp()),
    )
    if done == "withdrawn":
        await wake()
    return done
