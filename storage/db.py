"""The SQLite connection: pragmas, transactions and numbered migrations.

One :class:`Database` holds the single aiosqlite connection of the process. The connection is
in autocommit mode; every write goes through :meth:`Database.transaction`, which holds an
asyncio lock so that concurrent handlers never interleave statements inside one transaction.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import re
import sqlite3
import typing
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import aiosqlite

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

logger = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

Params = Sequence[object] | Mapping[str, object]
"""Values bound to a statement: by position (``?``) or by name (``:name``)."""

D = TypeVar("D", bound="DataclassInstance")


def from_row(cls: type[D], row: aiosqlite.Row, **given: object) -> D:
    """The dataclass ``cls`` with each field read from the row's column of the same name (SQLite's
    0/1 becomes a bool for a ``bool`` field); ``given`` fields are not read from the row.

    Other columns of the row are left alone, so one row can fill two dataclasses.
    """
    values = dict(given)
    for name, is_bool in _columns(cls):
        if name not in given:
            value = row[name]
            values[name] = bool(value) if is_bool and value is not None else value
    return cls(**values)


@functools.cache
def _columns(cls: type[DataclassInstance]) -> tuple[tuple[str, bool], ...]:
    """The dataclass's fields, each with whether it is a ``bool``."""
    hints = typing.get_type_hints(cls)
    return tuple((field.name, hints[field.name] is bool) for field in dataclasses.fields(cls))


async def one_row(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> aiosqlite.Row:
    """The first row of a statement that always yields one (a ``RETURNING``, or a record written
    in the same transaction); raises :class:`RuntimeError` when it yields none."""
    async with conn.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    if row is None:
        raise RuntimeError(f"expected a row from: {sql}")
    return row


class Database:
    """The process's one SQLite connection, shared by every storage function."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock: asyncio.Lock = asyncio.Lock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``), committed on success, rolled back on error."""
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            await self._conn.execute("COMMIT")

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """Read access; waits for a running transaction so reads never see half of one."""
        async with self._lock:
            yield self._conn

    async def fetch_one(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """The first row of one query (read access, see :meth:`reading`)."""
        async with self.reading() as conn:
            cursor = await conn.execute(sql, params)
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        """Every row of one query (read access, see :meth:`reading`)."""
        async with self.reading() as conn:
            cursor = await conn.execute(sql, params)
            return list(await cursor.fetchall())

    async def write(self, sql: str, params: Sequence[object] = ()) -> int:
        """One statement as its own transaction (SQLite's autocommit: atomic, one trip to the
        database thread instead of three); the number of rows it changed."""
        async with self._lock:
            cursor = await self._conn.execute(sql, params)
            return cursor.rowcount

    async def batches(
        self, sql: str, params: Mapping[str, object], *, key: str, size: int
    ) -> AsyncIterator[list[aiosqlite.Row]]:
        """The rows of a long query in batches of at most ``size``, read one batch at a time.

        ``sql`` must select the column ``key`` (a positive integer: a record's number), keep the
        rows with ``key > :after``, order them by ``key`` and end with ``LIMIT :size``. Each
        batch is a short read of its own (keyset pagination), so a caller that works between
        batches (writing a spreadsheet) neither holds every row in memory nor keeps the bot's
        writers waiting.
        """
        after = 0
        while True:
            rows = await self.fetch_all(sql, {**params, "after": after, "size": size})
            if rows:
                yield rows
            if len(rows) < size:
                return
            after = rows[-1][key]

    async def run_script(self, script: str) -> None:
        """Run several SQL statements as one transaction (migrations)."""
        async with self._lock:
            try:
                await self._conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nCOMMIT;")
            except Exception:
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise

    async def close(self) -> None:
        await self._conn.close()


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or upgraded: the message names the file and the cause."""

    def __init__(self, path: Path, cause: BaseException) -> None:
        super().__init__(f"cannot use the database {path}: {cause}")
        self.path = path


async def connect(path: Path | str) -> Database:
    """Open the database, set the pragmas and apply pending migrations.

    Raises :class:`DatabaseUnavailable` when the file cannot be opened, written or read as a
    database (nothing is left running: a failed start exits instead of hanging).
    """
    path = Path(path)
    try:
        if path.parent != Path():
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(path, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseUnavailable(path, exc) from exc
    try:
        conn.row_factory = aiosqlite.Row
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA busy_timeout = 5000",
            "PRAGMA foreign_keys = ON",
        ):
            await conn.execute(pragma)
        db = Database(conn, path)
        await migrate(db)
    except BaseException as exc:
        await conn.close()  # an open connection's thread would keep the process alive
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise DatabaseUnavailable(path, exc) from exc
        raise
    return db


def migrations() -> list[tuple[int, str, str]]:
    """The numbered migrations shipped in ``storage/migrations``: (version, name, SQL)."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [version for version, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


async def schema_version(db: Database) -> int:
    row = await db.fetch_one("PRAGMA user_version")
    return int(row["user_version"]) if row else 0


async def migrate(db: Database) -> list[str]:
    """Apply every migration newer than ``PRAGMA user_version`` in one transaction."""
    current = await schema_version(db)
    pending = [(v, name, sql) for v, name, sql in migrations() if v > current]
    if not pending:
        return []
    script = "".join(
        f"{sql.rstrip().rstrip(';')};\nPRAGMA user_version = {v};\n" for v, _, sql in pending
    )
    await db.run_script(script)
    names = [name for _, name, _ in pending]
    logger.info("applied migrations: %s", ", ".join(names))
    return names
