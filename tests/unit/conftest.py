from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import db as storage_db
from storage.db import Database


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database file."""
    database = await storage_db.connect(tmp_path / "rakor.sqlite3")
    yield database
    await database.close()
