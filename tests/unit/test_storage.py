import asyncio
import sqlite3

import aiosqlite
import pytest

from storage import confirmations, groups, inbox, people, units
from storage import db as storage_db
from storage.db import Database

GROUP = -1009223372036854  # Telegram ids need 64 bits
NOW = 1_795_000_000


@pytest.fixture
async def db(db: Database) -> Database:
    """The database with GROUP registered."""
    await groups.register(db, GROUP, "Rakor Kota Contoh", "Asia/Jakarta", "id", 1, NOW)
    return db


async def test_connection_pragmas_and_schema_version(db: Database) -> None:
    async with db.reading() as conn:
        pragmas = {}
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout"):
            cursor = await conn.execute(f"PRAGMA {name}")
            pragmas[name] = (await cursor.fetchone())[0]
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 1,  # NORMAL; durable writes sync (storage.db.SYNCHRONOUS)
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    assert await storage_db.schema_version(db) == len(storage_db.migrations())
    assert await storage_db.migrate(db) == []


async def test_a_failing_migration_leaves_the_database_untouched(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = await storage_db.schema_version(db)
    broken = [
        *storage_db.migrations(),
        (version + 1, "9999_broken.sql", "CREATE TABLE x (a);\nNOT SQL"),
    ]
    monkeypatch.setattr(storage_db, "migrations", lambda: broken)
    with pytest.raises(Exception, match="syntax error"):
        await storage_db.migrate(db)
    assert await storage_db.schema_version(db) == version
    async with db.reading() as conn:
        cursor = await conn.execute("SELECT name FROM sqlite_master WHERE name = 'x'")
        assert await cursor.fetchone() is None


async def test_a_failed_transaction_rolls_back(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO units (group_id, code, name, created_at) VALUES (?, 'X', 'X', 0)",
                (GROUP,),
            )
            raise RuntimeError("boom")
    assert await units.list_active(db, GROUP) == []


async def test_a_transaction_run_on_the_database_thread_commits_or_rolls_back(
    db: Database,
) -> None:
    insert = "INSERT INTO units (group_id, code, name, created_at) VALUES (?, ?, 'X', 0)"

    async def adds(conn: aiosqlite.Connection) -> int:
        await conn.execute(insert, (GROUP, "A"))
        async with conn.execute("SELECT count(*) AS n FROM units") as cursor:
            row = await cursor.fetchone()
        return int(row["n"])

    async def fails(conn: aiosqlite.Connection) -> None:
        await conn.execute(insert, (GROUP, "B"))
        raise ValueError("boom")

    async def waits(conn: aiosqlite.Connection) -> None:
        await conn.execute(insert, (GROUP, "C"))
        await asyncio.sleep(0)

    assert await db.atomically(adds) == 1
    with pytest.raises(ValueError, match="boom"):
        await db.atomically(fails)
    with pytest.raises(RuntimeError, match="awaited something else"):
        await db.atomically(waits)
    assert [unit.code for unit in await units.list_active(db, GROUP)] == ["A"]


async def test_units_add_find_archive_and_restore(db: Database) -> None:
    added = await units.add(db, GROUP, "DISHUB", "Dinas Perhubungan", NOW)
    assert added is not None
    dishub = added.unit
    assert dishub.group_id == GROUP
    assert not added.restored
    assert await units.add(db, GROUP, "dishub", "Duplikat", NOW) is None
    assert (await units.find(db, GROUP, "Dishub")) == dishub
    await people.remember_user(db, 7, "Budi", "budi", NOW)
    await people.join_unit(db, GROUP, 7, dishub.id, NOW)
    asked = await confirmations.ask(
        db,
        chat_id=GROUP,
        action="archive_unit",
        ref_id=dishub.id,
        asked_by=1,
        now=NOW,
        expires_at=NOW + 300,
        origin=None,
    )
    archived = await units.archive(db, dishub.id, confirmation_id=asked.id, by=1, at=NOW + 1)
    assert archived == units.Archived(dishub, ((7, "Budi"),))
    again = await units.archive(db, dishub.id, confirmation_id=asked.id, by=1, at=NOW + 2)
    assert again == "unanswerable"  # a confirmation acts once
    assert await units.find(db, GROUP, "DISHUB") is None
    member = await people.get_member(db, GROUP, 7)
    assert member is not None
    assert member.unit_id is None
    restored = await units.add(db, GROUP, "DISHUB", "Dinas Perhubungan", NOW + 3)
    assert restored == units.Added(dishub, restored=True)  # the same unit, with its history


async def test_an_expired_confirmation_archives_nothing(db: Database) -> None:
    added = await units.add(db, GROUP, "DISHUB", "Dinas Perhubungan", NOW)
    assert added is not None
    asked = await confirmations.ask(
        db,
        chat_id=GROUP,
        action="archive_unit",
        ref_id=added.unit.id,
        asked_by=1,
        now=NOW,
        expires_at=NOW + 300,
        origin=None,
    )
    done = await units.archive(db, added.unit.id, confirmation_id=asked.id, by=1, at=NOW + 300)
    assert done == "unanswerable"
    assert await units.find(db, GROUP, "DISHUB") == added.unit


async def test_units_with_members(db: Database) -> None:
    await units.add_many(db, GROUP, [("DISHUB", "Dinas Perhubungan"), ("DLH", "Dinas LH")], NOW)
    dishub = await units.find(db, GROUP, "DISHUB")
    for user_id, name in ((1, "Budi"), (2, "Ani")):
        await people.remember_user(db, user_id, name, None, NOW)
        await people.join_unit(db, GROUP, user_id, dishub.id, NOW)
    await people.membership(db, GROUP, 2, member=False, at=NOW)
    listed = await units.list_with_members(db, GROUP)
    assert [(entry.unit.code, entry.members) for entry in listed] == [
        ("DISHUB", ("Budi",)),
        ("DLH", ()),
    ]


MEMBERSHIP_ORDERS = [
    # (events as (member?, seconds after NOW) in the order they are handled, in the group after)
    ([(True, 0)], True),
    ([(True, 0), (False, 5)], False),
    ([(False, 5), (True, 0)], False),  # a leave handled before the older message that preceded it
    ([(True, 0), (False, 5), (True, 9)], True),  # came back
    ([(True, 9), (False, 5)], True),  # a stale leave never undoes a later return
    ([(False, 5), (True, 9)], True),
    ([(True, 0), (False, 5), (False, 5)], False),  # the same leave twice
    ([(False, 0)], False),  # a leave of someone never seen enrols nobody
]


@pytest.mark.parametrize(("events", "present"), MEMBERSHIP_ORDERS)
async def test_membership_follows_the_latest_event_whatever_the_order(
    db: Database, events: list[tuple[bool, int]], present: bool
) -> None:
    await people.remember_user(db, 7, "Budi", "budi", NOW)
    for member, after in events:
        await people.membership(db, GROUP, 7, member=member, at=NOW + after)
    assert (await people.groups_of(db, 7) == [GROUP]) is present


async def test_membership_is_kept_only_for_registered_groups(db: Database) -> None:
    await people.remember_user(db, 7, "Budi", "budi", NOW)
    assert not await people.membership(db, -100777, 7, member=True, at=NOW)
    assert await people.groups_of(db, 7) == []


async def test_roles_and_usernames(db: Database) -> None:
    await people.remember_user(db, 9, "Siti", "Siti_Bapperida", NOW)
    assert await people.find_user_id(db, "@siti_bapperida") == 9
    await people.set_role(db, GROUP, 9, "pengamat", NOW)
    member = await people.get_member(db, GROUP, 9)
    assert member is not None
    assert member.role == "pengamat"
    with pytest.raises(ValueError):
        await people.set_role(db, GROUP, 9, "raja", NOW)


async def test_a_group_and_a_member_of_it_in_one_query(db: Database) -> None:
    assert await people.group_and_member(db, -100777, 9) == (None, None)
    group = await groups.get(db, GROUP)
    assert await people.group_and_member(db, GROUP, 9) == (group, None)
    await people.remember_user(db, 9, "Siti", "siti", NOW)
    await people.set_role(db, GROUP, 9, "pengamat", NOW)
    member = await people.get_member(db, GROUP, 9)
    assert member is not None
    assert await people.group_and_member(db, GROUP, 9) == (group, member)
    await people.membership(db, GROUP, 9, member=False, at=NOW + 1)
    assert await people.group_and_member(db, GROUP, 9) == (group, None)


async def test_inbox_stores_once_and_replays_until_done(db: Database) -> None:
    assert await inbox.store(db, 10, '{"update_id": 10}', NOW)
    assert not await inbox.store(db, 10, '{"update_id": 10}', NOW)
    assert await inbox.store(db, 11, '{"update_id": 11}', NOW)
    assert [update_id for update_id, _ in await inbox.pending(db)] == [10, 11]
    await inbox.mark_done(db, 10, NOW)
    assert [update_id for update_id, _ in await inbox.pending(db)] == [11]
    assert not await inbox.store(db, 10, '{"update_id": 10}', NOW)
    assert await inbox.forget_done_before(db, NOW + 1) == 1


async def test_refusals_are_audited_once(db: Database) -> None:
    assert await groups.audit_once(db, -100555, "refused", NOW)
    assert not await groups.audit_once(db, -100555, "refused", NOW + 5)


async def test_a_group_migration_moves_every_column_that_holds_a_group(db: Database) -> None:
    """Every table with a group's id is in ``GROUP_COLUMNS`` or moved by its own module."""
    moved_elsewhere = {
        ("groups", "chat_id"),  # the group itself
        ("firings", "chat_id"),  # storage.firings.move_chat
        ("search_docs", "group_id"),  # storage.search.move_group
        ("search_groups", "group_id"),  # storage.search.move_group
        ("chat_audit", "chat_id"),  # what happened with a chat id, kept as it was
    }
    rows = await db.fetch_all(
        "SELECT m.name AS tbl, p.name AS col FROM sqlite_master m, pragma_table_info(m.name) p"
        " WHERE m.type = 'table' AND p.name IN ('group_id', 'chat_id')"
    )
    found = {(row["tbl"], row["col"]) for row in rows}
    assert found - moved_elsewhere == set(groups.GROUP_COLUMNS)


async def test_a_durable_write_syncs_fully_and_leaves_the_connection_as_it_was(
    db: Database,
) -> None:
    def synchronous(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA synchronous").fetchone()[0])

    assert await db.atomic(synchronous, durable=True) == 2  # FULL while it commits
    assert await db.atomic(synchronous) == 1
    with pytest.raises(sqlite3.OperationalError):
        await db.write("INSERT INTO no_such_table VALUES (1)", durable=True)
    assert await db.atomic(synchronous) == 1
