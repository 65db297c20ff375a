"""A command handled again (its update was stored but not marked done when the bot died) makes
no second record, and the user is told the record exists instead of hearing nothing."""

import asyncio
from typing import Any

import pytest
from telegram import Update

from bot.runtime import runtime_of
from tests.helpers import ADMIN, BUDI, GROUP, Harness


async def handle_again(bot: Harness, message: dict[str, Any]) -> list[str]:
    """Handle the last update once more, as after a crash before its done-mark; the replies."""
    row = await bot.db.fetch_one("SELECT max(update_id) AS id FROM inbox")
    assert row is not None
    update_id = row["id"]
    async with bot.db.transaction() as conn:
        await conn.execute(
            "UPDATE inbox SET done_at = NULL, payload = '{}' WHERE update_id = ?", (update_id,)
        )
    update = Update.de_json({"update_id": update_id, "message": message}, bot.app.bot)
    before = len(bot.fake.sent)
    await asyncio.Queue.put(runtime_of(bot.app).inbox._queue, update)  # noqa: SLF001
    await bot.settle()
    return [sent.text for sent in bot.fake.sent[before:]]


async def count(bot: Harness, sql: str) -> int:
    row = await bot.db.fetch_one(sql)
    assert row is not None
    return int(row[0])


SETUP = {
    "agenda": [(ADMIN, "/rapat Rakor Pokja Aset | besok pukul 10.00 | Aula")],
    "progres": [(ADMIN, "/tugas DISHUB | Tertibkan parkir | Jumat 27/11")],
    "selesai": [(ADMIN, "/tugas DISHUB | Tertibkan parkir | Jumat 27/11")],
}


@pytest.mark.parametrize(
    ("name", "user", "command", "table", "reply"),
    [
        ("ingatkan", BUDI, "/ingatkan besok jam 9 Kirim laporan", "reminders", "Pengingat #1"),
        ("umumkan", ADMIN, "/umumkan Apel pagi Senin", "announcements", "Pengumuman #1"),
        ("rapat", ADMIN, "/rapat Rakor | besok pukul 10.00 | Aula", "meetings", "Rapat #1"),
        ("agenda", BUDI, "/agenda Penertiban parkir", "agenda_items", "Agenda #1"),
        ("putuskan", ADMIN, "/putuskan Parkir liar ditertibkan", "decisions", "Keputusan #1"),
        ("tugas", ADMIN, "/tugas DISHUB | Tertibkan parkir | Jumat 27/11", "tasks", "Tugas #1"),
        ("progres", BUDI, "/progres 1 Sudah survei lokasi", "task_events", "#1"),
        ("selesai", BUDI, "/selesai 1", "task_events", "#1"),
    ],
)
async def test_a_command_handled_again_makes_no_second_record(
    staffed: Harness, name: str, user: int, command: str, table: str, reply: str
) -> None:
    for who, text in SETUP.get(name, []):
        await staffed.say(GROUP, who, text)
    records = f"SELECT count(*) FROM {table}"
    before = await count(staffed, records)
    staffed.fake.send_message(GROUP, user, command)
    await staffed.settle()
    made = await count(staffed, records)
    assert made == before + 1
    message = staffed.fake.messages(GROUP)[-1]
    assert message.text != command  # the bot answered after the command
    user_message = next(m for m in reversed(staffed.fake.messages(GROUP)) if m.text == command)
    again = await handle_again(staffed, staffed.fake.message_payload(user_message))
    assert await count(staffed, records) == made
    assert again, "the replayed command got no answer"
    assert any(reply in text for text in again)
    assert not any("tidak bisa diubah lagi" in text for text in again)
