"""Meeting reminders: the day before at 16.00 and an hour before, through the firing log."""

from datetime import datetime, timedelta
from pathlib import Path

from bot.app import build_application, running
from bot.fakeapi import FakeBotApi
from bot.runtime import runtime_of
from bot.scheduling import dispatcher
from storage import firings, meetings
from storage.firings import Outgoing
from tests.conftest import make_settings
from tests.helpers import ADMIN, BUDI, GROUP, JAKARTA, SITI, Clock, Harness

NEW = "/rapat Rakor Pokja Aset | Jumat (27/11) pukul 09.00 | Ruang Rapat Lt. 2"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=JAKARTA)


async def test_both_reminders_fire_once_with_agenda_and_rsvp_count(group: Harness) -> None:
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.say(GROUP, SITI, "/gabung BAPPERIDA")
    card, _ = await group.say(GROUP, ADMIN, NEW)
    await group.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    await group.say(GROUP, BUDI, "/agenda Progres perbaikan jalan")
    [job] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    assert job.data == at(26, 16)

    assert await group.fire(at(26, 15, 59)) == []
    [day_before] = await group.fire(at(26, 16))
    assert "Besok: Rapat #1" in day_before.text
    assert "Rakor Pokja Aset" in day_before.text
    assert "Jumat, 27 November 2026 pukul 09.00 WIB" in day_before.text
    assert "1. Progres perbaikan jalan — DISHUB" in day_before.text
    assert "Hadir 1 · Tidak hadir 0 · Diwakilkan 0" in day_before.text
    # the units that have not answered are named, their members mentioned
    assert "Belum menjawab undangan (2 instansi)" in day_before.text
    assert "• BAPPERIDA: Siti Rahma\n• KEC-KOTA: belum ada anggota" in day_before.text
    assert f'<a href="tg://user?id={SITI}">Siti Rahma</a>' in day_before.html
    assert "Terlambat" not in day_before.text
    assert await group.fire(at(26, 16, 5)) == []

    [soon] = await group.fire(at(27, 8))
    assert "Segera dimulai: Rapat #1" in soon.text
    assert "Belum menjawab: BAPPERIDA, KEC-KOTA" in soon.text  # named, nobody mentioned
    assert "tg://user" not in soon.html
    assert await group.fire(at(27, 8, 30)) == []
    sent = await firings.for_ref(group.db, meetings.KIND_REMINDER, 1)
    assert [(f.scheduled_at, f.status) for f in sent] == [
        (int(at(26, 16).timestamp()), "sent"),
        (int(at(27, 8).timestamp()), "sent"),
    ]


async def test_reminders_follow_a_moved_meeting(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ADMIN, "/rapat ubah 1 | Senin (30/11) pukul 13.00")
    assert await group.fire(at(26, 16)) == []
    [job] = group.app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
    assert job.data == at(29, 16)
    [day_before] = await group.fire(at(29, 16))
    assert "Senin, 30 November 2026 pukul 13.00 WIB" in day_before.text
    [soon] = await group.fire(at(30, 12))
    assert "Segera dimulai" in soon.text


async def test_a_cancelled_meeting_sends_no_reminder(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ADMIN, "/rapat batal 1")
    assert await group.fire(at(26, 16)) == []
    assert await group.fire(at(27, 8)) == []
    assert await meetings.next_reminder_at(group.db) is None


async def test_after_downtime_only_the_latest_reminder_goes_marked_late(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    [late] = await group.fire(at(27, 8, 20), restarted=True)
    assert "Segera dimulai" in late.text
    assert "Terlambat" in late.text
    assert await group.fire(at(27, 8, 30)) == []
    # a meeting already started gets no reminder at all, only its daftar hadir
    await group.say(GROUP, ADMIN, "/rapat Evaluasi PAD | Senin (30/11) pukul 13.00 | Aula")
    [attendance_list] = await group.fire(at(30, 13, 30))
    assert "Daftar hadir Rapat #2" in attendance_list.text
    meeting = await meetings.by_number(group.db, GROUP, 2)
    assert (meeting.day_before_at, meeting.hour_before_at) == (None, None)


async def test_settings_change_the_reminder_times(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/rapat pengingat 15.00 30")
    await group.say(GROUP, ADMIN, NEW)
    meeting = await meetings.by_number(group.db, GROUP, 1)
    assert meeting.day_before_at == int(at(26, 15).timestamp())
    assert meeting.hour_before_at == int(at(27, 8, 30).timestamp())
    await group.say(GROUP, ADMIN, "/rapat pengingat mati mati")
    await group.say(GROUP, ADMIN, "/rapat Evaluasi PAD | Senin (30/11) pukul 13.00 | Aula")
    meeting = await meetings.by_number(group.db, GROUP, 2)
    assert (meeting.day_before_at, meeting.hour_before_at) == (None, None)


async def test_a_claimed_reminder_is_sent_once_after_a_crash_before_sending(
    group: Harness,
) -> None:
    """A crash after the claim, before the request left: sent normally at the restart."""
    await group.say(GROUP, ADMIN, NEW)
    meeting = await meetings.by_number(group.db, GROUP, 1)
    claimed = await meetings.claim_reminder(
        group.db,
        meeting,
        scheduled_at=meeting.day_before_at,
        late=False,
        message=Outgoing("Besok: Rapat #1"),
        now=int(at(26, 16).timestamp()),
    )
    assert claimed is not None
    assert await firings.recover_interrupted(group.db) == 0
    [sent] = await group.fire(at(26, 16, 1), restarted=True)
    assert sent.text == "Besok: Rapat #1"
    [firing] = await firings.for_ref(group.db, meetings.KIND_REMINDER, meeting.id)
    assert firing.status == "sent"
    assert await group.fire(at(26, 16, 2)) == []
    # a second claim of the same firing (another run racing) is refused
    again = await meetings.claim_reminder(
        group.db,
        meeting,
        scheduled_at=meeting.day_before_at,
        late=False,
        message=Outgoing("Besok: Rapat #1"),
        now=0,
    )
    assert again is None


async def test_a_reminder_whose_request_had_left_is_sent_again_marked_as_a_repeat(
    group: Harness,
) -> None:
    """A crash after the request left: the outcome is unknown, so it goes once more, saying
    it may be a repeat (a repeat beats a loss)."""
    await group.say(GROUP, ADMIN, NEW)
    meeting = await meetings.by_number(group.db, GROUP, 1)
    firing_id = await meetings.claim_reminder(
        group.db,
        meeting,
        scheduled_at=meeting.day_before_at,
        late=False,
        message=Outgoing("Besok: Rapat #1"),
        now=int(at(26, 16).timestamp()),
    )
    assert firing_id is not None
    await firings.mark_attempted(group.db, firing_id, int(at(26, 16).timestamp()))
    assert await firings.recover_interrupted(group.db) == 1
    [sent] = await group.fire(at(26, 16, 1), restarted=True)
    assert sent.text.startswith("Besok: Rapat #1")
    assert "mungkin sudah terkirim sebelumnya" in sent.text
    assert (await firings.get(group.db, firing_id)).status == "sent"


async def test_a_reminder_due_while_the_bot_was_stopped_is_sent_after_restart(
    group: Harness, fake: FakeBotApi, clock: Clock, tmp_path: Path
) -> None:
    await group.say(GROUP, ADMIN, NEW)
    await group.app.stop()  # the first run ends here (the fixture tidies up)
    clock.set(at(26, 17))
    app = build_application(make_settings(fake, tmp_path / "rakor.sqlite3"), clock=clock)
    before = len(fake.sent)
    async with running(app, poll_timeout=timedelta(seconds=5)):
        [job] = app.job_queue.get_jobs_by_name(dispatcher.JOB_NAME)
        assert job.data <= at(26, 17)
        await runtime_of(app).dispatcher.run_due(clock())
        await runtime_of(app).dispatcher.run_due(clock())
    [late] = fake.sent[before:]
    assert "Besok: Rapat #1" in late.text
    assert "Terlambat" in late.text
