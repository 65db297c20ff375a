"""Who may read a group's records: membership from Telegram's own word, in any update order."""

from __future__ import annotations

from typing import Any

import pytest

from bot.fakeapi.people import Notice
from bot.runtime import runtime_of
from bot.services import members
from storage import people
from storage.db import Database
from tests.helpers import ADMIN, ANI, BUDI, GROUP, Harness

MESSAGE_FIRST: tuple[Notice, ...] = ("message", "chat_member")
MEMBER_UPDATE_FIRST: tuple[Notice, ...] = ("chat_member", "message")
SECRET = "/putuskan Anggaran drainase Kali Baru dialihkan ke Kecamatan Kota"
RECORD = "Kali Baru"  # the decision's own words, in whichever language the reader uses


async def private_search(group: Harness, user_id: int) -> str:
    return await group.reply_text(user_id, user_id, "/cari drainase")


async def with_a_decision_and_budi_in(group: Harness) -> Harness:
    await group.say(GROUP, ADMIN, SECRET)
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    assert RECORD in await private_search(group, BUDI)
    return group


async def test_a_join_request_makes_no_member(group: Harness) -> None:
    await group.say(GROUP, ADMIN, SECRET)
    group.fake.request_join(GROUP, ANI)
    await group.settle()
    assert await people.get_member(group.db, GROUP, ANI) is None
    text = await private_search(group, ANI)
    assert RECORD not in text
    assert "/join CODE" in text  # ANI reads English


async def test_a_reaction_or_a_button_press_makes_no_member(group: Harness) -> None:
    [card] = await group.say(GROUP, ADMIN, "/umumkan Apel pagi Senin di halaman balai kota")
    group.fake.react(GROUP, ANI, card.message_id)
    await group.settle()
    data = card.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await group.press(GROUP, ANI, card.message_id, data)
    assert await people.get_member(group.db, GROUP, ANI) is None
    assert "halaman balai kota" not in await group.reply_text(ANI, ANI, "/cari apel")


async def test_a_join_makes_a_member_before_they_write(group: Harness) -> None:
    await group.say(GROUP, ADMIN, SECRET)
    group.fake.join(GROUP, ANI, by=ADMIN)
    await group.settle()
    assert await people.groups_of(group.db, ANI) == [GROUP]
    assert RECORD in await private_search(group, ANI)


@pytest.mark.parametrize(
    ("ban", "by", "notices"),
    [
        (False, None, MESSAGE_FIRST),
        (False, None, MEMBER_UPDATE_FIRST),
        (False, ADMIN, MESSAGE_FIRST),
        (False, ADMIN, MEMBER_UPDATE_FIRST),
        (True, ADMIN, MESSAGE_FIRST),
        (True, ADMIN, MEMBER_UPDATE_FIRST),
        (True, ADMIN, ("chat_member",)),
        (False, ADMIN, ("chat_member",)),
        (False, None, ("message",)),
    ],
    ids=[
        "leaves-message-first",
        "leaves-update-first",
        "removed-message-first",
        "removed-update-first",
        "banned-message-first",
        "banned-update-first",
        "banned-update-only",
        "removed-update-only",
        "leaves-message-only",
    ],
)
async def test_a_leaver_finds_nothing_whatever_the_order(
    group: Harness, ban: bool, by: int | None, notices: tuple[Notice, ...]
) -> None:
    await with_a_decision_and_budi_in(group)
    group.clock.advance(seconds=1)
    await group.leave(GROUP, BUDI, by=by, ban=ban, notices=notices)
    assert await people.groups_of(group.db, BUDI) == []
    assert RECORD not in await private_search(group, BUDI)


async def test_an_older_update_never_undoes_a_later_leave(group: Harness) -> None:
    await with_a_decision_and_budi_in(group)
    join_date = group.clock()
    group.clock.advance(seconds=30)
    await group.leave(GROUP, BUDI, notices=MESSAGE_FIRST)
    # Telegram's update saying BUDI joined (dated before the leave) arrives only now.
    group.clock.set(join_date)
    group.fake.join(GROUP, BUDI, notices=("chat_member",))
    group.fake.set_member(GROUP, BUDI, "left")
    await group.settle()
    assert await people.groups_of(group.db, BUDI) == []


async def test_someone_who_comes_back_reads_again(group: Harness) -> None:
    await with_a_decision_and_budi_in(group)
    group.clock.advance(minutes=1)
    await group.leave(GROUP, BUDI, by=ADMIN, ban=True)
    group.clock.advance(minutes=1)
    group.fake.join(GROUP, BUDI, by=ADMIN)
    await group.settle()
    assert RECORD in await private_search(group, BUDI)


async def test_a_restricted_member_still_in_the_group_keeps_access(group: Harness) -> None:
    await with_a_decision_and_budi_in(group)
    group.clock.advance(seconds=1)
    group.fake.restrict(GROUP, BUDI, by=ADMIN, is_member=True)
    await group.settle()
    assert RECORD in await private_search(group, BUDI)
    group.clock.advance(seconds=1)
    group.fake.restrict(GROUP, BUDI, by=ADMIN, is_member=False)
    await group.settle()
    assert RECORD not in await private_search(group, BUDI)


async def test_a_removal_the_bot_never_saw_is_learned_from_telegram(group: Harness) -> None:
    """Without admin rights the bot gets no member updates: a private search asks Telegram
    once the stored membership is older than a few minutes."""
    await with_a_decision_and_budi_in(group)
    group.fake.set_member(GROUP, BUDI, "kicked")
    group.clock.advance(minutes=10)
    text = await private_search(group, BUDI)
    assert RECORD not in text
    assert "tidak lagi berada di grup <b>Rakor Kota Contoh</b>" in _html(group)
    assert await people.groups_of(group.db, BUDI) == []


async def test_a_recent_membership_is_not_asked_again(group: Harness) -> None:
    await with_a_decision_and_budi_in(group)
    group.fake.faults.fail_next(1, status=500, methods=["getChatMember"])
    group.clock.advance(minutes=2)
    assert RECORD in await private_search(group, BUDI)
    assert group.fake.faults.injected == []


async def test_when_telegram_cannot_be_asked_the_stored_membership_stands(
    group: Harness,
) -> None:
    await with_a_decision_and_budi_in(group)
    group.fake.faults.fail_next(1, status=500, methods=["getChatMember"])
    group.clock.advance(minutes=10)
    assert RECORD in await private_search(group, BUDI)
    assert group.fake.faults.injected == [("getChatMember", 500)]


async def test_telegrams_yes_is_remembered(group: Harness) -> None:
    await with_a_decision_and_budi_in(group)
    group.clock.advance(minutes=10)
    assert RECORD in await private_search(group, BUDI)
    # Confirmed a moment ago: no need to ask again within the next minutes.
    group.fake.set_member(GROUP, BUDI, "left")
    group.clock.advance(minutes=3)
    runtime_of(group.app).membership_answers.clear()
    assert RECORD in await private_search(group, BUDI)


def _html(group: Harness) -> str:
    return group.fake.sent[-1].render_html()


async def test_the_gate_reading_serves_the_command_without_asking_again(
    group: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gate learns the group and the member in its own write; the update's handler takes
    that instead of reading them again (a press included), and still sees the unit just
    joined by an earlier update."""
    [card] = await group.say(GROUP, ADMIN, "/umumkan Apel pagi Senin di halaman balai kota")
    await group.say(GROUP, ADMIN, "/rapat Evaluasi PAD | Senin depan jam 9 | Aula")
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    asked: list[tuple[int, int]] = []
    read = members.group_and_member

    async def counted(db: Database, group_id: int, user_id: int) -> tuple[Any, Any]:
        asked.append((group_id, user_id))
        return await read(db, group_id, user_id)

    monkeypatch.setattr(members, "group_and_member", counted)
    assert "DISHUB" in await group.reply_text(GROUP, BUDI, "/agenda Parkir liar di Jalan Merdeka")
    data = card.reply_markup["inline_keyboard"][0][0]["callback_data"]
    _, answer, _ = await group.press(GROUP, BUDI, card.message_id, data)
    assert "DISHUB tercatat" in answer
    assert asked == []
