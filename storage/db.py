"""The SQLite connection: pragmas, transactions and numbered migrations.

One :class:`Database` holds the single aiosqlite connection of the process. The connection is
in autocommit mode; every write goes through :meth:`Database.transaction`, which holds an
asyncio lock so that concurrent handlers never interleave statements inside one transaction.

Each call to aiosqlite is a trip to its database thread and back through the event loop, and
the trips, not the SQL, were most of the time the lock was held (a ``/ingatkan`` made 37 of
them). :class:`Connection` makes a statement and the fetching of its first rows one trip, and
a transaction's ``BEGIN`` part of its first statement's trip.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import re
import sqlite3
import typing
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Iterable,
    Mapping,
    Sequence,
)
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import aiosqlite
from aiosqlite.context import contextmanager

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

logger = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

Params = Sequence[object] | Mapping[str, object]
"""Values bound to a statement: by position (``?``) or by name (``:name``)."""

D = TypeVar("D", bound="DataclassInstance")
T = TypeVar("T")


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


SYNCHRONOUS = "NORMAL"
"""How commits reach the disk. In WAL mode, NORMAL survives any crash of the process (a
killed bot loses nothing it committed); only a power cut or a crash of the machine can lose
the last commits, and then always the newest ones first (the WAL is replayed up to the first
incomplete commit). A durable write (:meth:`Database.atomic`) syncs the WAL, so every commit
before it is on disk too. Rakor writes durably where it makes a promise to the outside world:
an update stored before Telegram is told it arrived, a scheduled message marked before and after
it is sent. Everything else (records, done-marks) is made durable by the next of those at the
latest; lost with a power cut, it is redone, because the update it came from was not marked
handled either and is handled again (handlers are idempotent by ``origin``)."""

PREFETCH = 256
"""Rows fetched with their statement in its trip; a longer result fetches the rest on demand."""


class Cursor(aiosqlite.Cursor):
    """A cursor whose first :data:`PREFETCH` rows came back with its statement."""

    def __init__(
        self, conn: Connection, cursor: sqlite3.Cursor, rows: list[sqlite3.Row], more: bool
    ) -> None:
        super().__init__(conn, cursor)
        self._rows = rows
        self._more = more
        """Whether the statement may have rows beyond those fetched (the cursor is open)."""

    async def fetchone(self) -> sqlite3.Row | None:
        if self._rows:
            return self._rows.pop(0)
        return await super().fetchone() if self._more else None

    async def fetchmany(self, size: int | None = None) -> list[sqlite3.Row]:
        wanted = self.arraysize if size is None else size
        rows, self._rows = self._rows[:wanted], self._rows[wanted:]
        if len(rows) < wanted and self._more:
            rows.extend(await super().fetchmany(wanted - len(rows)))
        return rows

    async def fetchall(self) -> list[sqlite3.Row]:
        rows, self._rows = self._rows, []
        if self._more:
            rows.extend(await super().fetchall())
        return rows

    async def close(self) -> None:
        if self._more:
            await super().close()


class Connection(aiosqlite.Connection):
    """aiosqlite's connection with one trip to the database thread per statement."""

    _begin: str | None = None

    def begin_with_next(self, begin: str) -> None:
        """Send ``begin`` with the next statement, in its trip."""
        self._begin = begin

    def take_begin(self) -> str | None:
        """The ``begin`` not sent yet (the transaction ran no statement), now forgotten."""
        begin, self._begin = self._begin, None
        return begin

    @property
    def raw(self) -> sqlite3.Connection:
        """The ``sqlite3`` connection, for work on the database thread only."""
        return self._conn

    async def trip(self, work: Callable[[], T]) -> T:
        """Run ``work`` on the database thread: one trip."""
        run = typing.cast(Callable[[Callable[[], T]], Awaitable[T]], self._execute)
        return await run(work)

    @contextmanager
    async def execute(
        self, sql: str, parameters: Iterable[typing.Any] | None = None
    ) -> aiosqlite.Cursor:
        begin = self.take_begin()
        params: typing.Any = [] if parameters is None else parameters

        def run() -> tuple[sqlite3.Cursor, list[sqlite3.Row], bool]:
            conn = self._conn
            if begin is not None:
                conn.execute(begin)
            cursor = conn.execute(sql, params)
            rows = cursor.fetchmany(PREFETCH)
            more = len(rows) == PREFETCH
            if not more:
                cursor.close()  # its rowcount and lastrowid stay readable
            return cursor, rows, more

        cursor, rows, more = await self.trip(run)
        return Cursor(self, cursor, rows, more)

    @contextmanager
    async def executemany(
        self, sql: str, parameters: Iterable[Iterable[typing.Any]]
    ) -> aiosqlite.Cursor:
        begin = self.take_begin()
        params: typing.Any = parameters

        def run() -> sqlite3.Cursor:
            if begin is not None:
                self._conn.execute(begin)
            return self._conn.executemany(sql, params)

        return aiosqlite.Cursor(self, await self.trip(run))


class _OnThread(Connection):
    """The same ``sqlite3`` connection for work already running on the database thread: each
    call runs at once instead of making a trip, so a coroutine that awaits only this
    connection never suspends (see :meth:`Database.atomically`)."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        super().__init__(lambda: raw, iter_chunk_size=64)
        self._connection = raw

    async def _execute(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        return fn(*args, **kwargs)

    def __del__(self) -> None:
        """The connection belongs to the :class:`Connection` it was borrowed from."""


def _open(path: Path) -> Connection:
    """A :class:`Connection` (not started) to the database file, in autocommit mode."""

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(path, isolation_level=None)

    return Connection(connector, iter_chunk_size=64)


class Database:
    """The process's one SQLite connection, shared by every storage function."""

    def __init__(self, conn: Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock: asyncio.Lock = asyncio.Lock()
        self._on_thread: _OnThread | None = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``), committed on success, rolled back on error."""
        async with self._lock:
            self._conn.begin_with_next("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.take_begin() is None:
                    # Queued after the failed (or cancelled) statement; a no-op when its BEGIN
                    # failed or SQLite already rolled the transaction back.
                    await self._conn.rollback()
                raise
            if self._conn.take_begin() is None:
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

    async def write(self, sql: str, params: Sequence[object] = (), *, durable: bool = False) -> int:
        """One statement as its own transaction (SQLite's autocommit: atomic, one trip to the
        database thread instead of three); the number of rows it changed. ``durable``: see
        :meth:`atomic`."""
        if durable:
            return await self.atomic(lambda conn: conn.execute(sql, params).rowcount, durable=True)
        async with self._lock:
            cursor = await self._conn.execute(sql, params)
            return cursor.rowcount

    async def atomic(self, work: Callable[[sqlite3.Connection], T], *, durable: bool = False) -> T:
        """A write transaction run whole on the database thread, ``BEGIN IMMEDIATE`` to
        ``COMMIT`` (rolled back if ``work`` raises): one trip instead of one per statement.
        ``work`` gets the thread's ``sqlite3`` connection and must not block on anything else.

        ``durable``: the commit is on disk when this returns, with every commit before it
        (see :data:`SYNCHRONOUS`); for what is promised outside the process on its strength."""

        def run() -> T:
            conn = self._conn.raw
            if durable:
                conn.execute("PRAGMA synchronous = FULL")
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(conn)
                except BaseException:
                    conn.rollback()
                    raise
                conn.execute("COMMIT")
            finally:
                if durable:
                    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
            return result

        async with self._lock:
            return await self._conn.trip(run)

    async def atomically(
        self, work: Callable[[aiosqlite.Connection], Coroutine[object, object, T]]
    ) -> T:
        """:meth:`atomic` for a storage coroutine written against an ``aiosqlite`` connection:
        it runs whole on the database thread, its statements executed as they come. ``work``
        must await nothing but the connection it is given (anything else raises
        :class:`RuntimeError` and rolls back)."""

        def run(conn: sqlite3.Connection) -> T:
            if self._on_thread is None:
                self._on_thread = _OnThread(conn)
            running = work(self._on_thread)
            try:
                running.send(None)
            except StopIteration as done:
                return typing.cast(T, done.value)
            running.close()
            raise RuntimeError("a transaction run on the database thread awaited something else")

        return await self.atomic(run)

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
        if self._on_thread is not None:
            self._on_thread._connection = None
        await self._conn.close()


@dataclasses.dataclass(frozen=True, slots=True)
class Earliest:
    """A query of one row whose first column is the earliest time (Unix seconds) something is
    due, NULL when nothing is: several are asked in one statement by :func:`earliest`."""

    sql: str


async def earliest(db: Database, queries: Iterable[Earliest]) -> int | None:
    """The earliest of the times ``queries`` yield (None when none does), in one statement."""
    times = " UNION ALL ".join(f"SELECT ({query.sql}) AS at" for query in queries)
    row = await db.fetch_one(f"SELECT min(at) AS at FROM ({times})")
    return row["at"] if row else None


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
        conn = _open(path)
        await conn
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseUnavailable(path, exc) from exc
    try:
        conn.row_factory = aiosqlite.Row
        for pragma in (
            "PRAGMA journal_mode = WAL",
            f"PRAGMA synchronous = {SYNCHRONOUS}",
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
