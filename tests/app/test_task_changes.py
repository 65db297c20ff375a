"""Tasks that change after they are assigned, through the fake Bot API: a new due date (its
follow-ups planned again), another unit, reopening, and a task shared by two units through to
/rekap."""

import pytest

from storage import tasks
from tests.helpers import ADMIN, ANI, BUDI, GROUP, SITI, Harness


async def _task(bot: Harness, number: int = 1) -> tasks.Task:
    task = await tasks.by_number(bot.db, GROUP, number)
    assert task is not None
    return task


async def test_a_new_due_date_is_announced_kept_and_followed_up_from(staffed: Harness) -> None:
    bot = staffed
    [post] = await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu | besok jam 12")
    before = await _task(bot)
    [said] = await bot.say(GROUP, ADMIN, "/tugas 1 tenggat Jumat 4/12 jam 15")
    assert "Tenggat Tugas #1 (DISHUB) diubah oleh Asisten Pemerintahan" in said.text
    assert "Kamis, 26 November 2026 pukul 12.00 WIB → Jumat, 4 Desember 2026 pukul 15.00" in (
        said.text
    )
    assert f"tg://user?id={BUDI}" in said.html  # the unit's members are told
    assert "Jumat, 4 Desember 2026 pukul 15.00 WIB" in post.text  # the post, edited in place
    after = await _task(bot)
    assert after.due_at > before.due_at
    assert after.next_followup_at is not None
    assert before.next_followup_at is not None
    assert after.next_followup_at > before.next_followup_at  # planned again from the new date
    history = await bot.reply_text(GROUP, ANI, "/tugas 1")
    assert "Kamis, 26 November 2026 pukul 12.00 WIB" in history  # the earlier due date, kept
    assert "tenggat" in history.lower()


async def test_a_task_moves_to_another_unit(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Susun RKPD | besok jam 12")
    [said] = await bot.say(GROUP, ADMIN, "/tugas 1 pindah bapperida")
    assert "Tugas #1 dipindahkan oleh Asisten Pemerintahan: DISHUB → BAPPERIDA" in said.text
    assert f"tg://user?id={SITI}" in said.html
    assert "hanya" in await bot.reply_text(GROUP, BUDI, "/progres 1 mulai disusun")
    assert "dicatat" in await bot.reply_text(GROUP, SITI, "/progres 1 mulai disusun")
    assert [part.code for part in (await _task(bot)).parts] == ["BAPPERIDA"]
    history = await bot.reply_text(GROUP, ANI, "/tugas 1")
    assert "dipindahkan ke BAPPERIDA (sebelumnya DISHUB)" in history


async def test_a_closed_task_is_reopened(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu | besok jam 12")
    await bot.say(GROUP, BUDI, "/selesai 1")
    assert not (await _task(bot)).is_open
    assert "sudah selesai" in await bot.reply_text(GROUP, ADMIN, "/tugas 1 tenggat besok jam 15")
    [said] = await bot.say(GROUP, ADMIN, "/tugas 1 buka")
    assert "Tugas #1 dibuka kembali oleh Asisten Pemerintahan" in said.text
    reopened = await _task(bot)
    assert reopened.status == "proses"
    assert reopened.closed_at is None
    assert reopened.next_followup_at is not None  # followed up again
    assert "dicatat" in await bot.reply_text(GROUP, BUDI, "/progres 1 rambu kedua")
    assert "Tidak ada tugas terbuka" not in await bot.reply_text(GROUP, ANI, "/tugas")
    assert "tidak ada yang dibuka" in await bot.reply_text(GROUP, ADMIN, "/tugas 1 buka")


@pytest.mark.parametrize(
    ("user", "command", "expected"),
    [
        (BUDI, "/tugas 1 tenggat besok jam 15", "koordinator"),
        (BUDI, "/tugas 1 pindah BAPPERIDA", "koordinator"),
        (BUDI, "/tugas 1 buka", "koordinator"),
        (ADMIN, "/tugas 1 tenggat", "Contoh"),
        (ADMIN, "/tugas 1 pindah", "Contoh"),
        (ADMIN, "/tugas tenggat besok", "Contoh"),
        (ADMIN, "/tugas 1 geser besok", "/tugas 3 tenggat"),
        (ADMIN, "/tugas 1 tenggat kemarin jam 9", "Contoh"),
        (ADMIN, "/tugas 1 pindah XYZ", "BAPPERIDA"),
        (ADMIN, "/tugas 1 pindah DISHUB", "sudah untuk instansi tersebut"),
        (ADMIN, "/tugas 9 buka", "Tugas #9"),
    ],
)
async def test_bad_or_refused_changes_change_nothing(
    staffed: Harness, user: int, command: str, expected: str
) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu | besok jam 12")
    before = await _task(bot)
    assert expected in await bot.reply_text(GROUP, user, command)
    assert await _task(bot) == before
    assert [event.kind for event in await tasks.history(bot.db, before.id)] == ["created"]


async def test_a_task_shared_by_two_units_is_done_when_both_are(staffed: Harness) -> None:
    bot = staffed
    [post] = await bot.say(
        GROUP, ADMIN, "/tugas DISHUB,BAPPERIDA | Rencana aksi parkir | besok jam 12"
    )
    assert "Tugas #1 untuk DISHUB — Dinas Perhubungan, BAPPERIDA — Bapperida" in post.text
    assert f"tg://user?id={BUDI}" in post.html
    assert f"tg://user?id={SITI}" in post.html
    assert "dicatat" in await bot.reply_text(GROUP, BUDI, "/progres 1 data parkir dikumpulkan")
    part_done = await bot.reply_text(GROUP, BUDI, "/selesai 1")
    assert "Bagian DISHUB dari Tugas #1 selesai" in part_done
    assert "Masih berjalan: BAPPERIDA" in part_done
    assert "sudah" in await bot.reply_text(GROUP, BUDI, "/selesai 1")  # its part is closed
    listed = await bot.reply_text(GROUP, ANI, "/tugas")
    assert "BAPPERIDA" in listed
    assert "Rencana aksi parkir" in listed
    assert (await _task(bot)).is_open
    done = await bot.reply_text(GROUP, SITI, "/selesai 1")
    assert "Tugas #1 selesai: semua instansinya (DISHUB, BAPPERIDA)" in done
    assert not (await _task(bot)).is_open
    _, recap = await bot.say(GROUP, ANI, "/rekap")
    rows = {line.split()[1]: line.split()[2] for line in recap.text.splitlines() if "%" in line}
    assert rows.get("DISHUB") == "100%"  # counted for each unit
    assert rows.get("BAPPERIDA") == "100%"
