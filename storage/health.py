"""What the running bot reports of itself for ``rakor status``: named instants (Unix seconds)."""

from __future__ import annotations

from storage.db import Database

STARTED = "started_at"
LAST_POLL = "last_poll_at"
"""The last time Telegram answered ``getUpdates`` (polling mode)."""
LAST_DISPATCH = "last_dispatch_at"


async def put(db: Database, values: dict[str, int]) -> None:
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO health (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )


async def read(db: Database) -> dict[str, int]:
    rows = await db.fetch_all("SELECT name, value FROM health")
    return {row["name"]: row["value"] for row in rows}
