"""Records as long as Telegram lets users type them, emoji included: Telegram counts its limits
in UTF-16 code units, so each emoji is 2. A text over its kind's limit is refused with the
limit and an example; a text at the limit is stored, and every place that shows it still gets
through the fake Bot API (which enforces Telegram's limits the same way)."""

from datetime import datetime

import pytest

from bot.domain.cleantext import utf16_len
from bot.fakeapi import StoredMessage
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, Harness

EMOJI = "🚦"
REMINDER_LIMIT = 3000  # UTF-16 code units, so 1,500 emoji


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=JAKARTA)


def shown(messages: list[StoredMessage]) -> str:
    return "\n".join(message.text or message.caption or "" for message in messages)


def no_rejected_send(bot: Harness) -> None:
    assert bot.fake.rejected == []


async def test_the_issue_reminder_is_refused_with_its_limit(group: Harness) -> None:
    text = "/ingatkan besok jam 9 " + EMOJI * 2030  # 4,082 units: Telegram lets users send it
    assert utf16_len(text) <= 4096
    answer = shown(await group.say(GROUP, ADMIN, text))
    assert "paling banyak 3.000 (emoji dihitung 2)" in answer
    assert "4.060 karakter" in answer
    assert "/ingatkan besok jam 9 Rapat Pokja Aset" in answer
    assert "Belum ada pengingat" in shown(await group.say(GROUP, ADMIN, "/pengingat"))
    assert await group.fire(at(26, 9)) == []
    no_rejected_send(group)


async def test_a_reminder_at_the_limit_is_listed_fired_and_snoozed(group: Harness) -> None:
    text = EMOJI * (REMINDER_LIMIT // 2)
    [confirmed] = await group.say(GROUP, BUDI, f"/ingatkan besok jam 9 {text}")
    assert text in confirmed.text
    assert confirmed.reply_markup is not None  # the cancel button, in the same message
    [listing] = await group.say(GROUP, ADMIN, "/pengingat")
    assert "…" in listing.text
    assert utf16_len(listing.text) < 1000  # shortened in the listing
    [fired] = await group.fire(at(26, 9))
    assert text in fired.text
    hour = fired.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await group.press(GROUP, BUDI, fired.message_id, hour)
    edited = group.fake.find_message(GROUP, fired.message_id)
    assert edited is not None
    assert "Ditunda oleh Budi Santoso" in (edited.text or "")
    no_rejected_send(group)


@pytest.mark.parametrize(
    ("setup", "command", "limit", "example"),
    [
        ([], f"/umumkan {EMOJI * 2030}", "3.500", "/umumkan Rakor"),
        ([], f"/tugas DISHUB | {EMOJI * 1001} | Jumat depan", "2.000", "/tugas DISHUB |"),
        ([], f"/instansi tambah PANJANG {EMOJI * 101}", "200", "/instansi tambah DISHUB"),
        ([], f"/putuskan {EMOJI * 1001}", "2.000", "/putuskan Pendataan"),
        (
            ["/tugas DISHUB | Perbaiki lampu | Jumat depan"],
            f"/progres 1 {EMOJI * 1001}",
            "2.000",
            "/progres 3 Survei",
        ),
        (
            ["/rapat Rakor | besok jam 10 | Ruang Rapat"],
            f"/agenda {EMOJI * 501}",
            "1.000",
            "/agenda Evaluasi",
        ),
        ([], f"/rapat {EMOJI * 101} | besok jam 10 | Ruang Rapat", "200", "/rapat Rakor"),
        (
            ["/putuskan Pendataan aset"],
            f"/ubah keputusan 1 {EMOJI * 1001}",
            "2.000",
            "/ubah keputusan 2",
        ),
    ],
)
async def test_a_text_over_its_limit_is_refused_and_nothing_is_stored(
    group: Harness, setup: list[str], command: str, limit: str, example: str
) -> None:
    for earlier in setup:
        await group.say(GROUP, ADMIN, earlier)
    before = len(group.fake.sent)
    answer = shown(await group.say(GROUP, ADMIN, command))
    assert f"paling banyak {limit} (emoji dihitung 2)" in answer
    assert f"<code>{example}" in group.fake.sent[-1].html
    assert len(group.fake.sent) == before + 1  # the refusal only: no post, no button
    assert EMOJI not in shown(await group.say(GROUP, ADMIN, "/cari lampu aset rakor"))
    no_rejected_send(group)


async def test_the_refusal_speaks_english_in_an_english_group(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/bahasa en")
    answer = shown(await group.say(GROUP, ADMIN, f"/decide {EMOJI * 1001}"))
    assert "2,002 characters, at most 2,000 (an emoji counts as 2)" in answer
    assert "/decide Asset inventory" in answer


async def test_an_announcement_at_the_limit_is_posted_with_its_button_and_followed_up(
    staffed: Harness,
) -> None:
    text = EMOJI * 1750  # 3,500 units
    [post] = await staffed.say(GROUP, ADMIN, f"/umumkan {text}")
    assert text in post.text
    [[button]] = post.reply_markup["inline_keyboard"]
    await staffed.press(GROUP, BUDI, post.message_id, button["callback_data"])
    listing = await staffed.say(GROUP, ADMIN, "/pengumuman")
    assert len(listing) == 1
    assert "…" in listing[0].text
    followups = await staffed.fire(at(26, 9))
    assert "Pengumuman #1" in shown(followups)
    no_rejected_send(staffed)


async def test_a_task_at_the_limit_with_a_long_unit_and_progress_is_shown_everywhere(
    staffed: Harness,
) -> None:
    name = EMOJI * 100  # 200 units
    await staffed.say(GROUP, ADMIN, f"/instansi tambah PANJANG {name}")
    await staffed.say(GROUP, BUDI, "/gabung PANJANG")
    text = EMOJI * 1000  # 2,000 units
    [post] = await staffed.say(GROUP, ADMIN, f"/tugas PANJANG | {text} | Jumat 27/11")
    assert text in post.text
    assert name in post.text
    await staffed.say(GROUP, BUDI, f"/progres 1 {EMOJI * 1000}")
    assert len(await staffed.say(GROUP, ADMIN, "/tugas")) == 1  # shortened in the listing
    assert text in shown(await staffed.say(GROUP, ADMIN, "/tugas 1"))
    await staffed.say(GROUP, ADMIN, f"/ubah tugas 1 {EMOJI * 999}x")
    assert "x" in (staffed.fake.find_message(GROUP, post.message_id).text or "")
    assert "#1" in shown(await staffed.fire(at(27, 9)))  # the follow-up on the due date
    assert name in shown(await staffed.say(GROUP, ADMIN, "/instansi"))
    no_rejected_send(staffed)


async def test_decisions_and_agenda_at_the_limit_reach_minutes_search_and_export(
    group: Harness,
) -> None:
    title = EMOJI * 100
    await group.say(GROUP, ADMIN, f"/rapat {title} | Kamis (26/11) pukul 09.00 | {EMOJI * 100}")
    await group.say(GROUP, ADMIN, f"/agenda {EMOJI * 500}")
    group.clock.set(at(26, 10))
    await group.say(GROUP, ADMIN, f"/putuskan {EMOJI * 997} aset")
    assert len(await group.say(GROUP, ADMIN, "/keputusan")) == 1
    assert "aset" in shown(await group.say(GROUP, ADMIN, "/keputusan 1"))
    assert "#1" in shown(await group.say(GROUP, ADMIN, "/cari aset"))
    assert "#1" in shown(await group.say(GROUP, ADMIN, "/rapat 1"))
    minutes = await group.say(GROUP, ADMIN, "/notulen 1")
    assert [m.document[0] for m in minutes if m.document] == ["notulen-rapat-1.docx"]
    export = await group.say(GROUP, ADMIN, "/ekspor keputusan")
    assert any(m.document for m in export)
    no_rejected_send(group)
