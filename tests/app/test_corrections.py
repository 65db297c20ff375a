"""/ubah and /hapus through the fake Bot API: a corrected text with its post edited in place and
its history, acknowledgements per version, and records withdrawn after a confirmation button:
hidden everywhere, kept in the database."""

from datetime import timedelta

import pytest

from bot.fakeapi import StoredMessage
from handlers.announcement_acks import throttle_of
from storage import announcements, corrections, decisions, tasks
from tests.helpers import ADMIN, ANI, BUDI, GROUP, SITI, Harness, confirm_data


@pytest.fixture
async def staffed(staffed: Harness) -> Harness:
    """Budi in Dishub, Siti in Bapperida; button edits not throttled."""
    throttle_of(staffed.app).interval = 0
    return staffed


def ack_data(post: StoredMessage) -> str:
    [[button]] = post.reply_markup["inline_keyboard"]
    return button["callback_data"]


def ack_label(post: StoredMessage) -> str:
    [[button]] = post.reply_markup["inline_keyboard"]
    return button["text"]


async def test_an_edited_announcement_is_edited_in_place_and_acknowledged_again(
    staffed: Harness,
) -> None:
    bot = staffed
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD hari Senin")
    await bot.press(GROUP, BUDI, post.message_id, ack_data(post))
    assert ack_label(post) == "✅ Diterima 1/3 instansi"

    reply = await bot.reply_text(
        GROUP, ADMIN, "/ubah pengumuman #1 Rakor evaluasi APBD hari Selasa"
    )
    assert "Pengumuman #1" in reply
    assert "diubah" in reply
    assert "menekannya lagi" in reply
    assert "Rakor evaluasi APBD hari Selasa" in post.text  # the same message, edited in place
    assert "(diubah)" in post.text
    assert post.edit_date is not None
    assert ack_label(post) == "✅ Diterima 0/3 instansi"  # counted for the current version
    [earlier] = await corrections.edits(bot.db, "announcement", post_id := 1)
    assert (earlier.version, earlier.text, earlier.user_name) == (
        1,
        "Rakor evaluasi APBD hari Senin",
        "Asisten Pemerintahan",
    )
    assert post_id == (await announcements.by_number(bot.db, GROUP, 1)).id

    listed = await bot.reply_text(GROUP, ANI, "/pengumuman")
    assert "0/3 instansi (+1 menerima versi sebelumnya)" in listed
    pending = await bot.reply_text(GROUP, ANI, "/belum 1")
    assert "versi terbaru" in pending
    assert "DISHUB — Dinas Perhubungan (sudah menerima versi sebelumnya)" in pending
    assert "BAPPERIDA — Bapperida\n" in pending + "\n"

    await bot.press(GROUP, BUDI, post.message_id, ack_data(post))
    assert ack_label(post) == "✅ Diterima 1/3 instansi"
    assert "DISHUB" not in await bot.reply_text(GROUP, ANI, "/belum 1")


async def test_search_follows_an_edited_text(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/putuskan Penataan parkir Jalan Merdeka dimulai Desember")
    await bot.say(GROUP, ADMIN, "/ubah keputusan 1 Penertiban reklame dimulai Desember")
    assert "Keputusan #1" in await bot.reply_text(GROUP, BUDI, "/cari reklame")
    assert "Keputusan #1" not in await bot.reply_text(GROUP, BUDI, "/cari parkir")


async def test_a_decision_post_is_edited_and_its_history_shown(staffed: Harness) -> None:
    bot = staffed
    [post] = await bot.say(GROUP, ADMIN, "/putuskan Pendataan aset selesai 10 Desember")
    await bot.say(GROUP, ADMIN, "/ubah keputusan 1 Pendataan aset selesai 15 Desember")
    assert "15 Desember" in post.text
    assert "(diubah)" in post.text
    detail = await bot.reply_text(GROUP, ANI, "/keputusan 1")
    assert "15 Desember" in detail
    assert "10 Desember" in detail  # the earlier text, with who changed it
    assert "Asisten Pemerintahan" in detail


async def test_only_the_author_or_a_coordinator_edits(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/rapat Rakor | besok jam 9 | Ruang Rapat")
    [item] = await bot.say(GROUP, BUDI, "/agenda Evaluasi parkir")
    await bot.say(GROUP, ADMIN, "/putuskan Pendataan aset")
    refused = await bot.reply_text(GROUP, SITI, "/ubah agenda 1 Evaluasi PAD")
    assert "hanya dapat diubah oleh yang mencatatnya atau koordinator" in refused
    assert "hanya dapat diubah" in await bot.reply_text(GROUP, BUDI, "/ubah keputusan 1 Lain")
    assert (await decisions.by_number(bot.db, GROUP, 1)).text == "Pendataan aset"
    assert "diubah" in await bot.reply_text(GROUP, BUDI, "/ubah agenda 1 Evaluasi parkir liar")
    assert "Evaluasi parkir liar" in item.text
    assert "hanya" in await bot.reply_text(GROUP, ANI, "/ubah agenda 1 Lain")  # pengamat


async def test_an_edited_task_keeps_its_earlier_text_in_its_history(staffed: Harness) -> None:
    bot = staffed
    [post] = await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu Jl. Merdka | besok jam 12")
    assert "hanya dapat diubah" in await bot.reply_text(GROUP, BUDI, "/ubah tugas 1 Lain")
    await bot.say(GROUP, ADMIN, "/ubah tugas 1 Pasang rambu Jl. Merdeka")
    assert "Pasang rambu Jl. Merdeka" in post.text
    assert "(diubah)" in post.text
    detail = await bot.reply_text(GROUP, ANI, "/tugas 1")
    assert "uraian diubah (sebelumnya: Pasang rambu Jl. Merdka)" in detail
    assert "Tugas #1" in await bot.reply_text(GROUP, ANI, "/cari Merdeka")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/ubah", "Contoh"),
        ("/ubah pengumuman", "Contoh"),
        ("/ubah pengumuman 1", "Contoh"),
        ("/ubah surat 1 teks", "Contoh"),
        ("/ubah pengumuman x teks", "Contoh"),
        ("/ubah pengumuman 9 teks", "Pengumuman #9 tidak ada"),
        ("/ubah pengumuman 1 Rapat APBD", "sama dengan yang tercatat"),
        ("/hapus", "Contoh"),
        ("/hapus pengumuman", "Contoh"),
        ("/hapus tugas 9", "Tugas #9 tidak ada"),
    ],
)
async def test_bad_corrections_are_explained(staffed: Harness, command: str, expected: str) -> None:
    await staffed.say(GROUP, ADMIN, "/umumkan Rapat APBD")
    assert expected in await staffed.reply_text(GROUP, ADMIN, command)


async def test_a_withdrawn_announcement_is_hidden_everywhere_but_kept(staffed: Harness) -> None:
    bot = staffed
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    await bot.say(GROUP, ADMIN, "/umumkan Kerja bakti hari Jumat")
    question, answer = await bot.confirm(GROUP, ADMIN, "/hapus pengumuman 1")
    assert "ditarik" in answer[1]
    assert "ditarik oleh Asisten Pemerintahan" in question.text  # the question, closed
    assert question.reply_markup is None
    assert "ditarik oleh Asisten Pemerintahan" in post.text  # the post says so
    assert not post.reply_markup
    assert not bot.fake.find_message(GROUP, post.message_id).pinned

    listed = await bot.reply_text(GROUP, ANI, "/pengumuman")
    assert "#2" in listed
    assert "#1" not in listed
    assert "Tidak ada hasil" in await bot.reply_text(GROUP, ANI, "/cari APBD")
    assert "ditarik oleh Asisten Pemerintahan" in await bot.reply_text(GROUP, ANI, "/belum 1")
    kept = await announcements.by_number(bot.db, GROUP, 1)
    assert kept.text == "Rakor evaluasi APBD"
    assert kept.withdrawn_by_name == "Asisten Pemerintahan"
    assert kept.next_followup_at is None  # no follow-ups
    sent = await bot.fire(bot.clock() + timedelta(days=3))
    assert sent  # #2's follow-up only
    assert all("APBD" not in message.text for message in sent)


async def test_a_withdrawn_task_leaves_the_list_follow_ups_and_recap(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/tugas DISHUB | Pasang rambu | besok jam 12")
    await bot.say(GROUP, ADMIN, "/tugas BAPPERIDA | Susun RKPD | besok jam 12")
    await bot.confirm(GROUP, ADMIN, "/hapus tugas 1")
    listed = await bot.reply_text(GROUP, ANI, "/tugas")
    assert "Susun RKPD" in listed
    assert "Pasang rambu" not in listed
    assert "sudah ditarik" in await bot.reply_text(GROUP, BUDI, "/progres 1 rambu dipasang")
    assert "Tidak ada hasil" in await bot.reply_text(GROUP, ANI, "/cari rambu")
    kept = await tasks.by_number(bot.db, GROUP, 1)
    assert kept is not None
    assert kept.withdrawn_at is not None
    sent = await bot.fire(bot.clock() + timedelta(days=2))
    assert all("Pasang rambu" not in message.text for message in sent)
    _, recap = await bot.say(GROUP, ANI, "/rekap")
    assert "DISHUB" not in recap.text  # its only task was withdrawn: nothing due
    assert "BAPPERIDA" in recap.text


async def test_withdrawing_needs_a_coordinator_or_the_author_of_an_agenda_item(
    staffed: Harness,
) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/rapat Rakor | besok jam 9 | Ruang Rapat")
    await bot.say(GROUP, BUDI, "/agenda Evaluasi parkir")
    await bot.say(GROUP, ADMIN, "/umumkan Rapat APBD")
    assert "hanya dapat ditarik oleh koordinator" in await bot.reply_text(
        GROUP, BUDI, "/hapus pengumuman 1"
    )
    assert "oleh yang membuatnya atau koordinator" in await bot.reply_text(
        GROUP, SITI, "/hapus agenda 1"
    )
    # Budi's question cannot be answered by Siti, who may not withdraw the item.
    [question] = await bot.say(GROUP, BUDI, "/hapus agenda 1")
    refused = await bot.press(GROUP, SITI, question.message_id, confirm_data(question))
    assert refused[2]  # an alert
    assert "oleh yang membuatnya atau koordinator" in refused[1]
    await bot.press(GROUP, BUDI, question.message_id, confirm_data(question))
    assert "belum ada" in (await bot.reply_text(GROUP, ANI, "/agenda")).lower()


async def test_cancel_a_stale_press_and_an_expired_question_withdraw_nothing(
    staffed: Harness,
) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/umumkan Rapat APBD")
    [question] = await bot.say(GROUP, ADMIN, "/hapus pengumuman 1")
    yes = confirm_data(question)
    await bot.press(GROUP, ADMIN, question.message_id, confirm_data(question, yes=False))
    assert "tidak ditarik" in question.text
    again = await bot.press(GROUP, ADMIN, question.message_id, yes)
    assert again[2]  # answered before: an alert, nothing done
    forged = await bot.press(GROUP, ADMIN, question.message_id, "hapus:y:999")
    assert "tidak berlaku" in forged[1]

    [late] = await bot.say(GROUP, ADMIN, "/hapus pengumuman 1")
    bot.clock.advance(minutes=5)
    expired = await bot.press(GROUP, ADMIN, late.message_id, confirm_data(late))
    assert "5 menit" in expired[1]
    assert "Waktu konfirmasi habis" in late.text
    assert (await announcements.by_number(bot.db, GROUP, 1)).withdrawn_at is None
    assert "#1" in await bot.reply_text(GROUP, ANI, "/pengumuman")


async def test_a_reminder_is_withdrawn_by_its_creator_in_a_private_chat(staffed: Harness) -> None:
    bot = staffed
    [confirmation] = await bot.say(BUDI, BUDI, "/ingatkan besok jam 9 kirim laporan")
    assert "private" not in confirmation.text.lower()
    assert "hanya pengingat" in await bot.reply_text(BUDI, BUDI, "/hapus pengumuman 1")
    question, _ = await bot.confirm(BUDI, BUDI, "/hapus pengingat 1")
    assert "ditarik" in question.text
    assert "ditarik" in confirmation.text  # its confirmation says so
    assert await bot.fire(bot.clock() + timedelta(days=1)) == []


async def test_english_edit_and_delete(staffed: Harness) -> None:
    bot = staffed
    await bot.say(GROUP, ADMIN, "/bahasa en")
    [post] = await bot.say(GROUP, ADMIN, "/announce Budget review on Monday")
    assert "edited by" in await bot.reply_text(
        GROUP, ADMIN, "/edit announcement 1 Budget review on Tuesday"
    )
    assert "(edited)" in post.text
    question, _ = await bot.confirm(GROUP, ADMIN, "/delete announcement 1")
    assert "withdrawn by" in question.text
    assert "withdrawn by" in post.text
