"""Buttons bound to their message: a press acts only on the record whose post it was pressed
on; every other press (forged data, data of another message, unknown data) is answered with
"tombol ini tidak berlaku" and changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.fakeapi import StoredMessage
from storage import announcements, units
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, Harness


@pytest.fixture
async def bot(unlimited: Harness) -> Harness:
    """Without the flood limiter: the scene below posts more than a group's 20 a minute."""
    await unlimited.say(GROUP, ADMIN, "/mulai")
    await units.add_many(
        unlimited.db,
        GROUP,
        [("DISHUB", "Dinas Perhubungan"), ("KEC-KOTA", "Kecamatan Kota")],
        int(unlimited.clock().timestamp()),
    )
    await unlimited.say(GROUP, BUDI, "/gabung DISHUB")
    return unlimited


def with_buttons(messages: list[StoredMessage], prefix: str) -> StoredMessage:
    """The one message among ``messages`` whose buttons' data start with ``prefix``."""
    [message] = [
        message
        for message in messages
        if message.reply_markup and first_data(message).startswith(prefix)
    ]
    return message


def first_data(message: StoredMessage) -> str:
    return str(message.reply_markup["inline_keyboard"][0][0]["callback_data"])


@pytest.fixture
async def posts(bot: Harness) -> dict[str, StoredMessage]:
    """One message of every kind that carries buttons, in GROUP."""
    found: dict[str, StoredMessage] = {}
    found["announcement"] = with_buttons(
        await bot.say(GROUP, ADMIN, "/umumkan Apel pagi Senin"), "ann:"
    )
    found["meeting"] = with_buttons(
        await bot.say(GROUP, ADMIN, "/rapat Rakor Aset | besok jam 9 | Aula"), "mtg:r:"
    )
    await bot.say(GROUP, ADMIN, "/agenda Data aset")
    found["reminder"] = with_buttons(
        await bot.say(GROUP, ADMIN, "/ingatkan besok jam 8 cek pompa"), "rem:c:"
    )
    for number in range(1, 7):
        await bot.say(GROUP, ADMIN, f"/putuskan Parkir kawasan {number} ditertibkan")
    found["search"] = with_buttons(await bot.say(GROUP, ADMIN, "/cari parkir"), "srch:")
    found["reminder firing"] = with_buttons(
        await bot.fire(datetime(2026, 11, 26, 8, 0, tzinfo=JAKARTA)), "rem:h:"
    )
    found["attendance"] = with_buttons(
        await bot.fire(datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)), "mtg:a:"
    )
    found["minutes"] = with_buttons(await bot.say(GROUP, ADMIN, "/notulen 1"), "mtg:c:")
    found["withdraw question"] = with_buttons(
        await bot.say(GROUP, ADMIN, "/hapus keputusan 1"), "hapus:"
    )
    found["archive question"] = with_buttons(
        await bot.say(GROUP, ADMIN, "/instansi hapus KEC-KOTA"), "inst:"
    )
    return found


KINDS = [
    "announcement",
    "meeting",
    "reminder",
    "search",
    "reminder firing",
    "attendance",
    "minutes",
    "withdraw question",
    "archive question",
]


async def test_no_press_acts_on_a_message_that_is_not_its_records_post(
    bot: Harness, posts: dict[str, StoredMessage]
) -> None:
    refused = 0
    for data_kind in KINDS:
        data = first_data(posts[data_kind])
        for target_kind in KINDS:
            if target_kind == data_kind:
                continue
            target = posts[target_kind]
            before = (target.text, target.reply_markup, len(target.edits), len(bot.fake.sent))
            for presser in (ADMIN, BUDI):
                _, text, _ = await bot.press(GROUP, presser, target.message_id, data)
                assert "tidak berlaku" in text, (data_kind, target_kind, presser, text)
                refused += 1
            after = bot.fake.find_message(GROUP, target.message_id)
            assert (after.text, after.reply_markup, len(after.edits), len(bot.fake.sent)) == (
                before
            ), (data_kind, target_kind)
    assert refused == 2 * len(KINDS) * (len(KINDS) - 1)
    # And the records' own buttons still work on their own posts.
    announcement = posts["announcement"]
    _, text, _ = await bot.press(GROUP, BUDI, announcement.message_id, first_data(announcement))
    assert "DISHUB" in text


@pytest.mark.parametrize(
    "data",
    [
        "",
        "zzz",
        "ann:",
        "ann:a:1\n",
        "ann:a:01x",
        "ann:a:99999",
        "mtg:r:1:x",
        "rem:c:1:extra",
        "srch:1:5\n",
        "hapus:y:",
        "inst:q:1",
        "x" * 64,
    ],
)
async def test_every_press_with_unknown_data_is_answered(bot: Harness, data: str) -> None:
    [card] = await bot.say(GROUP, ADMIN, "/umumkan Apel pagi Senin")
    _, text, _ = await bot.press(GROUP, BUDI, card.message_id, data)
    assert "tidak berlaku" in text
    after = bot.fake.find_message(GROUP, card.message_id)
    assert (after.text, after.reply_markup, after.edits) == (card.text, card.reply_markup, [])
    announcement = await announcements.by_number(bot.db, GROUP, 1)
    assert announcement is not None
    assert (await announcements.progress(bot.db, announcement.id)).acked == 0


async def test_a_post_too_old_for_telegram_to_show_still_takes_its_own_button(
    bot: Harness,
) -> None:
    [card] = await bot.say(GROUP, ADMIN, "/umumkan Apel pagi Senin")
    bot.clock.set(bot.clock() + timedelta(days=3))  # Telegram no longer shows its content
    _, text, _ = await bot.press(GROUP, BUDI, card.message_id, first_data(card))
    assert "DISHUB" in text
    # but another record's data pressed on it still is refused
    meeting = with_buttons(
        await bot.say(GROUP, ADMIN, "/rapat Rakor Aset | besok jam 9 | Aula"), "mtg:r:"
    )
    _, text, _ = await bot.press(GROUP, BUDI, card.message_id, first_data(meeting))
    assert "tidak berlaku" in text
