"""Groups as a service: registering them, their language and zone, refusing the ones the
settings do not allow, and keeping everything when Telegram upgrades one to a supergroup."""

from __future__ import annotations

import logging
from datetime import datetime

from storage import groups
from storage.db import Database
from storage.groups import Group

logger = logging.getLogger(__name__)

__all__ = ["Group", "allowed", "get", "locale", "migrate", "refuse_once", "register"]


async def get(db: Database, chat_id: int) -> Group | None:
    return await groups.get(db, chat_id)


async def register(
    db: Database,
    *,
    chat_id: int,
    title: str,
    timezone: str,
    language: str,
    by: int | None,
    now: datetime,
) -> tuple[Group, bool]:
    """Register a group (or refresh its title); the group and whether it is new."""
    return await groups.register(db, chat_id, title, timezone, language, by, _epoch(now))


async def set_language(db: Database, chat_id: int, language: str) -> None:
    await groups.set_language(db, chat_id, language)


async def set_timezone(db: Database, chat_id: int, timezone: str) -> None:
    await groups.set_timezone(db, chat_id, timezone)


async def locale(db: Database, chat_id: int, default: tuple[str, str]) -> tuple[str, str]:
    """(language, time zone) of a chat: the registered group's, else ``default``."""
    group = await groups.get(db, chat_id)
    return (group.language, group.timezone) if group else default


async def refuse_once(db: Database, chat_id: int, now: datetime) -> bool:
    """Record that a chat the settings do not allow was refused; True the first time only."""
    return await groups.audit_once(db, chat_id, "refused", _epoch(now))


async def migrate(db: Database, old_chat_id: int, new_chat_id: int, now: int) -> bool:
    """Move a group to its supergroup id (records, settings, members, pending firings) and
    audit it; True when something moved. Safe to call again for the same pair."""
    moved = await groups.migrate(db, old_chat_id, new_chat_id, now)
    if moved:
        await groups.audit_once(db, new_chat_id, f"migrated_from:{old_chat_id}", now)
        logger.info("group %s became supergroup %s; its records moved", old_chat_id, new_chat_id)
    return moved


async def allowed(db: Database, chat_id: int, allowed_chats: frozenset[int]) -> bool:
    """Whether the settings allow this group: by its id, or the id it had before Telegram
    upgraded it to a supergroup."""
    if chat_id in allowed_chats:
        return True
    previous = await groups.migrated_from(db, chat_id)
    return previous is not None and previous in allowed_chats


def _epoch(now: datetime) -> int:
    return int(now.timestamp())
