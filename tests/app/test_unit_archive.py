"""/instansi hapus archives a unit after a confirmation button, never destroys it: its members
are told, its history keeps pointing at it, past announcements keep their figures, and
/instansi tambah with its code restores the same unit."""

from handlers.announcement_acks import throttle_of
from storage import units
from tests.helpers import ADMIN, ANI, BUDI, GROUP, SITI, Harness, confirm_data


async def test_archiving_tells_the_members_and_keeps_the_history(staffed: Harness) -> None:
    bot = staffed
    throttle_of(bot.app).interval = 0
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    [[button]] = post.reply_markup["inline_keyboard"]
    await bot.press(GROUP, BUDI, post.message_id, button["callback_data"])
    await bot.press(GROUP, SITI, post.message_id, button["callback_data"])
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu | besok jam 12")
    before = await bot.reply_text(GROUP, ANI, "/belum 1")
    assert "1 dari 3" in before

    [question] = await bot.say(GROUP, ADMIN, "/instansi hapus DISHUB")
    assert "Arsipkan instansi DISHUB" in question.text
    assert "Anggotanya (1)" in question.text
    before_press = len(bot.fake.sent)
    await bot.press(GROUP, ADMIN, question.message_id, confirm_data(question))
    [told] = bot.fake.sent[before_press:]
    assert "diarsipkan oleh Asisten Pemerintahan" in question.text
    assert "Budi Santoso" in told.text  # mentioned: no longer in a unit
    assert f"tg://user?id={BUDI}" in told.html
    assert "#1" in told.text  # the task still under way for it
    assert "/instansi tambah DISHUB Dinas Perhubungan" in told.text
    assert await units.find(bot.db, GROUP, "DISHUB") is None
    assert "DISHUB" not in await bot.reply_text(GROUP, ANI, "/instansi")

    # Past figures do not change: #1 was made for three units.
    assert await bot.reply_text(GROUP, ANI, "/belum 1") == before
    assert "2/3" in await bot.reply_text(GROUP, ANI, "/pengumuman")
    assert post.reply_markup["inline_keyboard"][0][0]["text"] == "✅ Diterima 2/3 instansi"
    # A new announcement is for the active units only.
    [second] = await bot.say(GROUP, ADMIN, "/umumkan Kerja bakti")
    assert second.reply_markup["inline_keyboard"][0][0]["text"] == "✅ Diterima 0/2 instansi"


async def test_restoring_brings_back_the_same_unit_with_its_tasks(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu | besok jam 12")
    dishub = await units.find(bot.db, GROUP, "DISHUB")
    await bot.confirm(GROUP, ADMIN, "/instansi hapus DISHUB")
    assert "DISHUB" in await bot.reply_text(GROUP, ANI, "/tugas 1")  # still its task
    restored = await bot.reply_text(GROUP, ADMIN, "/instansi tambah DISHUB Dinas Perhubungan")
    assert "dipulihkan" in restored
    assert (await units.find(bot.db, GROUP, "DISHUB")).id == dishub.id  # the same unit
    assert "bergabung ke DISHUB" in await bot.reply_text(GROUP, BUDI, "/gabung DISHUB")
    assert "dicatat" in await bot.reply_text(GROUP, BUDI, "/progres 1 rambu dipesan")


async def test_only_a_coordinator_archives_and_cancel_keeps_the_unit(staffed: Harness) -> None:
    bot = staffed
    assert "koordinator" in await bot.reply_text(GROUP, BUDI, "/instansi hapus DISHUB")
    [question] = await bot.say(GROUP, ADMIN, "/instansi hapus DISHUB")
    refused = await bot.press(GROUP, BUDI, question.message_id, confirm_data(question))
    assert refused[2]
    assert "Hanya koordinator" in refused[1]
    await bot.press(GROUP, ADMIN, question.message_id, confirm_data(question, yes=False))
    assert "tidak diarsipkan" in question.text
    assert await units.find(bot.db, GROUP, "DISHUB") is not None
    member = await bot.reply_text(GROUP, ANI, "/instansi")
    assert "Budi Santoso" in member


async def test_joining_another_unit_says_which_was_left(staffed: Harness) -> None:
    text = await staffed.reply_text(GROUP, BUDI, "/gabung BAPPERIDA")
    assert "keluar dari DISHUB dan bergabung ke BAPPERIDA" in text
