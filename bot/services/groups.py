"""Groups as a service: a group that Telegram upgraded to a supergroup keeps everything."""

from __future__ import annotations

import logging

from storage import groups
from storage.db import Database

logger = logging.getLogger(__name__)


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
