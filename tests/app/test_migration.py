"""A group Telegram upgrades to a supergroup keeps its records, members, settings and pending
firings under the new id, and the allow-list accepts it."""

from datetime import datetime

import pytest

from storage import announcements, groups, people, reminders, units
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, Harness

SUPERGROUP = -1001000000777  # not in RAKOR_ALLOWED_CHATS


async def a_group_with_history(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/zona WITA")
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.say(GROUP, BUDI, "/ingatkan besok jam 9 Kirim laporan aset")
    await group.say(GROUP, ADMIN, "/umumkan Apel gabungan Senin pukul 07.30.")


async def assert_moved(group: Harness) -> None:
    assert await groups.get(group.db, GROUP) is None
    moved = await groups.get(group.db, SUPERGROUP)
    assert moved is not None
    assert moved.timezone == "Asia/Makassar"
    assert {unit.code for unit in await units.list_active(group.db, SUPERGROUP)} == {
        "DISHUB",
        "BAPPERIDA",
        "KEC-KOTA",
    }
    member = await people.get_member(group.db, SUPERGROUP, BUDI)
    assert member is not None
    assert member.unit_code == "DISHUB"
    reminder = await reminders.by_number(group.db, SUPERGROUP, 1)
    assert reminder is not None
    assert reminder.text == "Kirim laporan aset"
    assert await announcements.by_number(group.db, SUPERGROUP, 1) is not None


@pytest.mark.parametrize("new_first", [False, True])
async def test_the_service_messages_move_the_group_in_either_order(
    group: Harness, new_first: bool
) -> None:
    await a_group_with_history(group)
    group.fake.migrate_group(GROUP, SUPERGROUP, ADMIN, new_first=new_first)
    await group.settle()
    await assert_moved(group)
    reply = await group.reply_text(SUPERGROUP, BUDI, "/pengingat")
    assert "Kirim laporan aset" in reply
    assert SUPERGROUP not in group.fake.left_chats
    # the reminder fires in the supergroup
    sent = await group.fire(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    [fired] = [message for message in sent if "Kirim laporan aset" in message.text]
    assert {message.chat_id for message in sent} == {SUPERGROUP}


async def test_a_firing_refused_with_chat_migrated_moves_the_group_and_goes_there(
    group: Harness,
) -> None:
    await a_group_with_history(group)
    group.fake.migrate_group(GROUP, SUPERGROUP, ADMIN, notices=False)
    sent = await group.fire(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    [fired] = [message for message in sent if "Kirim laporan aset" in message.text]
    assert {message.chat_id for message in sent} == {SUPERGROUP}
    await assert_moved(group)
    # the supergroup is allowed now: it was migrated from an allowed group
    assert "Kirim laporan aset" not in await group.reply_text(SUPERGROUP, BUDI, "/pengingat")
    assert SUPERGROUP not in group.fake.left_chats
    assert await groups.audit_once(group.db, SUPERGROUP, f"migrated_from:{GROUP}", 0) is False


async def test_a_group_not_allowed_cannot_come_in_by_migrating(group: Harness) -> None:
    stranger, new = -1001000000666, -1001000000888
    group.fake.migrate_group(stranger, new, ADMIN)
    await group.settle()
    assert await groups.get(group.db, new) is None
    await group.say(new, ADMIN, "/mulai")
    assert new in group.fake.left_chats
