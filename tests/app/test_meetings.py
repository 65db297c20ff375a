"""/rapat: scheduling with RSVP buttons and an .ics, listing, moving, cancelling, bad input."""

from datetime import datetime

import pytest
from icalendar import Calendar

from bot.text import meeting_text
from storage import meetings, people, rsvps, units
from tests.helpers import (
    ADMIN,
    ANI,
    BUDI,
    GROUP,
    JAKARTA,
    OTHER_GROUP,
    SITI,
    Harness,
    until,
)

NEW = "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2"


def ics_event(document: tuple[str, bytes]):  # noqa: ANN201 - an icalendar component
    name, data = document
    assert name.endswith(".ics")
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    return calendar, event


async def join_units(bot: Harness) -> None:
    await bot.say(GROUP, BUDI, "/gabung DISHUB")
    await bot.say(GROUP, SITI, "/gabung BAPPERIDA")


async def test_a_meeting_is_posted_with_rsvp_buttons_and_an_ics(group: Harness) -> None:
    card, invite = await group.say(GROUP, ADMIN, NEW)
    assert "Rapat #1" in card.text
    assert "Rakor Pokja Aset" in card.text
    assert "Kamis, 26 November 2026 pukul 09.00 WIB s.d. 11.00" in card.text
    assert "Ruang Rapat Lt. 2" in card.text
    assert "Hadir 0 · Tidak hadir 0 · Diwakilkan 0" in card.text
    labels = [b["text"] for b in card.reply_markup["inline_keyboard"][0]]
    assert labels == ["Hadir", "Tidak hadir", "Diwakilkan"]
    assert all(
        len(b["callback_data"].encode()) <= 64 for b in card.reply_markup["inline_keyboard"][0]
    )
    assert "Rapat #1" in invite.caption
    assert invite.reply_to == card.message_id
    calendar, event = ics_event(invite.document)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["SUMMARY"]) == "Rakor Pokja Aset"
    assert str(event["LOCATION"]) == "Ruang Rapat Lt. 2"
    assert event.decoded("DTSTART") == datetime(2026, 11, 26, 9, 0, tzinfo=JAKARTA)
    assert str(event.decoded("DTSTART").tzinfo) == "Asia/Jakarta"
    assert event.decoded("DTEND") == datetime(2026, 11, 26, 11, 0, tzinfo=JAKARTA)
    assert int(event["SEQUENCE"]) == 0
    assert "Rapat #1" in str(event["DESCRIPTION"])
    assert calendar.walk("VTIMEZONE"), "the zone travels with the invitation"
    meeting = await meetings.by_number(group.db, GROUP, 1)
    assert meeting.message_id == card.message_id
    assert meeting.chair_name == "Asisten Pemerintahan"


async def test_a_zone_named_in_the_time_is_kept(group: Harness) -> None:
    card, invite = await group.say(
        GROUP, ADMIN, "/rapat Rakor Regional | Jumat 13.30 WITA s.d. 15.00 | Makassar"
    )
    assert "Jumat, 27 November 2026 pukul 12.30 WIB (13.30 WITA)" in card.text
    _, event = ics_event(invite.document)
    assert str(event.decoded("DTSTART").tzinfo) == "Asia/Makassar"
    assert event.decoded("DTSTART").hour == 13
    assert event.decoded("DTEND").hour == 15


async def test_rsvp_counts_are_edited_in_place_per_unit(group: Harness) -> None:
    await join_units(group)
    card, _ = await group.say(GROUP, ADMIN, NEW)
    hadir, tidak, wakil = (b["callback_data"] for b in card.reply_markup["inline_keyboard"][0])
    answer = await group.press(GROUP, BUDI, card.message_id, hadir)
    assert answer[1] == "Tercatat: Hadir. Terima kasih."
    assert not answer[2]
    await group.press(GROUP, SITI, card.message_id, wakil)
    await group.press(GROUP, ADMIN, card.message_id, tidak)
    stored = group.fake.find_message(GROUP, card.message_id)
    assert "Hadir 1 · Tidak hadir 1 · Diwakilkan 1" in stored.text
    assert "DISHUB — Hadir: Budi Santoso" in stored.text
    assert "BAPPERIDA — Diwakilkan: Siti Rahma" in stored.text
    assert "Tanpa instansi — Tidak hadir: Asisten Pemerintahan" in stored.text
    assert "Belum menjawab: KEC-KOTA" in stored.text
    edits = len(stored.edits)
    # the same answer again changes nothing; a changed answer moves the count
    answer = await group.press(GROUP, BUDI, card.message_id, hadir)
    assert "Sudah tercatat" in answer[1]
    assert len(stored.edits) == edits
    await group.press(GROUP, BUDI, card.message_id, tidak)
    assert "Hadir 0 · Tidak hadir 2 · Diwakilkan 1" in stored.text
    attendance = {u.code: u.status for u in await rsvps.attendance(group.db, GROUP, 1)}
    assert attendance == {"BAPPERIDA": "wakil", "DISHUB": "tidak", "KEC-KOTA": None}


@pytest.mark.parametrize(
    "data",
    ["mtg:r:1:x", "mtg:r:999:h", "mtg:r:1:h:extra", "mtg:r:abc:h", "mtg:r:" + "9" * 30 + ":h"],
)
async def test_forged_rsvp_presses_change_nothing(group: Harness, data: str) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    answer = await group.press(GROUP, BUDI, card.message_id, data)
    assert answer[2]
    assert "tidak berlaku" in answer[1]
    assert await rsvps.for_meeting(group.db, 1) == []


async def test_an_rsvp_press_from_another_group_is_refused(group: Harness) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    await group.say(OTHER_GROUP, ADMIN, "/mulai")
    other = await group.say(OTHER_GROUP, ADMIN, "/instansi")
    answer = await group.press(OTHER_GROUP, BUDI, other[0].message_id, "mtg:r:1:h")
    assert answer[2]
    assert await rsvps.for_meeting(group.db, 1) == []


async def test_an_observer_cannot_rsvp(group: Harness) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    data = card.reply_markup["inline_keyboard"][0][0]["callback_data"]
    await group.say(GROUP, ANI, "hello")  # the bot learns Ani's username
    await group.say(GROUP, ADMIN, "/peran @ani_staf pengamat")
    answer = await group.press(GROUP, ANI, card.message_id, data)
    assert answer[2]
    assert await rsvps.for_meeting(group.db, 1) == []


async def test_listing_upcoming_meetings(group: Harness) -> None:
    assert "Belum ada rapat terjadwal" in await group.reply_text(GROUP, BUDI, "/rapat")
    await group.say(GROUP, ADMIN, NEW)
    await group.say(GROUP, ADMIN, "/meeting Evaluasi PAD | Senin depan pukul 13.00 | Aula")
    text = await group.reply_text(GROUP, ANI, "/rapat")
    assert "#1 · Rakor Pokja Aset" in text
    assert "#2 · Evaluasi PAD" in text
    assert text.index("#1") < text.index("#2")
    assert "Senin, 30 November 2026" in text


async def test_moving_a_meeting_announces_it_edits_the_card_and_updates_the_ics(
    group: Harness,
) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    announcement, invite = await group.say(
        GROUP, ADMIN, "/rapat ubah #1 | Jumat (27/11) pukul 13.30 | Aula Kantor Wali Kota"
    )
    assert "Rapat #1" in announcement.text
    assert "dipindahkan" in announcement.text
    assert "Jumat, 27 November 2026 pukul 13.30 WIB" in announcement.text
    assert "Sebelumnya: Kamis, 26 November 2026 pukul 09.00 WIB" in announcement.text
    assert "Jumat, 27 November 2026" in group.fake.find_message(GROUP, card.message_id).text
    _, event = ics_event(invite.document)
    assert event.decoded("DTSTART") == datetime(2026, 11, 27, 13, 30, tzinfo=JAKARTA)
    assert int(event["SEQUENCE"]) == 1
    assert str(event["LOCATION"]) == "Aula Kantor Wali Kota"
    meeting = await meetings.by_number(group.db, GROUP, 1)
    assert meeting.place == "Aula Kantor Wali Kota"
    assert meeting.revision == 1
    # the place may stay as it was
    await group.say(GROUP, ADMIN, "/rapat ubah 1 | Senin depan jam 9")
    assert (await meetings.by_number(group.db, GROUP, 1)).place == "Aula Kantor Wali Kota"


async def test_cancelling_a_meeting_announces_it_and_sends_a_cancellation(
    group: Harness,
) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    announcement, invite = await group.say(GROUP, ADMIN, "/rapat batal 1")
    assert "Rapat #1" in announcement.text
    assert "dibatalkan" in announcement.text
    stored = group.fake.find_message(GROUP, card.message_id)
    assert "DIBATALKAN" in stored.text
    assert not stored.reply_markup
    calendar, event = ics_event(invite.document)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert "sudah dibatalkan" in await group.reply_text(GROUP, ADMIN, "/rapat batal 1")
    answer = await group.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    assert answer[2]
    assert "Belum ada rapat" in await group.reply_text(GROUP, BUDI, "/rapat")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/rapat Rakor Pokja Aset besok jam 9", "Contoh"),
        ("/rapat Rakor | besok jam 9", "Contoh"),
        ("/rapat Rakor | | Aula", "Contoh"),
        ("/rapat  | besok jam 9 | Aula", "Contoh"),
        ("/rapat Rakor | kemarin jam 9 | Aula", "Contoh"),
        ("/rapat Rakor | 25/11 08.00 | Aula", "Contoh"),
        ("/rapat Rakor | tiap Senin jam 9 | Aula", "berulang"),
        ("/rapat Rakor | besok jam 9 ngopi dulu | Aula", "jam selesai"),
        ("/rapat Rakor | besok jam 9 s.d. 08.00 | Aula", "tidak setelah"),
        ("/rapat Rakor | besok jam 25 | Aula", "Contoh"),
        ("/rapat " + "x" * 300 + " | besok jam 9 | Aula", "terlalu panjang"),
        ("/rapat ubah 9 | besok jam 9", "tidak ada"),
        ("/rapat ubah satu | besok jam 9", "Contoh"),
        ("/rapat ubah 1", "Contoh"),
        ("/rapat batal", "Contoh"),
        ("/rapat batal 7", "tidak ada"),
        ("/rapat ubah x | besok jam 9 | Aula", "Contoh"),
        ("/rapat ubah 1.5 | besok jam 9 | Aula", "Contoh"),
        ("/rapat ubah #1234567890 | besok jam 9 | Aula", "Contoh"),
        ("/rapat ubah | besok jam 9 | Aula", "Contoh"),
        ("/rapat batal 1 | besok jam 9 | Aula", "Contoh"),
        ("/rapat batal x | besok jam 9 | Aula", "Contoh"),
        ("/rapat mulai 1 | besok jam 9 | Aula", "Contoh"),
        ("/rapat selesai #x | besok jam 9 | Aula", "Contoh"),
        ("/rapat notulis 2 | besok jam 9 | Aula", "Contoh"),
        ("/rapat pengingat 1 | besok jam 9 | Aula", "Contoh"),
        ("/rapat halo", "Contoh"),
    ],
)
async def test_bad_input_gets_an_example_and_stores_nothing(
    group: Harness, text: str, expected: str
) -> None:
    reply = await group.reply_text(GROUP, ADMIN, text)
    assert expected in reply
    assert "/ingatkan" not in reply
    assert await meetings.upcoming(group.db, GROUP, 0) == []


async def test_a_title_may_start_with_a_subcommand_word(group: Harness) -> None:
    card, _ = await group.say(GROUP, ADMIN, "/rapat Ubah status aset | besok jam 9 | Aula")
    assert "Rapat #1" in card.text
    assert "Ubah status aset" in card.text


async def test_a_bad_move_changes_nothing(group: Harness) -> None:
    await group.say(GROUP, ADMIN, NEW)
    before = await meetings.by_number(group.db, GROUP, 1)
    assert "Contoh" in await group.reply_text(GROUP, ADMIN, "/rapat ubah 1 | kemarin jam 9")
    assert await meetings.by_number(group.db, GROUP, 1) == before


async def test_a_plain_member_cannot_schedule(group: Harness) -> None:
    await join_units(group)
    reply = await group.reply_text(GROUP, BUDI, NEW)
    assert "koordinator" in reply
    assert await meetings.upcoming(group.db, GROUP, 0) == []
    await group.say(GROUP, ADMIN, NEW)
    assert "koordinator" in await group.reply_text(GROUP, BUDI, "/rapat batal 1")
    assert not (await meetings.by_number(group.db, GROUP, 1)).cancelled


async def test_reminder_settings(group: Harness) -> None:
    text = await group.reply_text(GROUP, ADMIN, "/rapat pengingat")
    assert "16.00" in text
    assert "60" in text
    text = await group.reply_text(GROUP, ADMIN, "/rapat pengingat 15.30 mati")
    assert "15.30" in text
    assert "mati" in text
    assert "Contoh" in await group.reply_text(GROUP, ADMIN, "/rapat pengingat 25.00 30")
    settings = await meetings.settings(group.db, GROUP)
    assert (settings.day_before_minute, settings.hour_before_min) == (15 * 60 + 30, None)


async def test_a_card_names_at_most_eight_silent_units(group: Harness) -> None:
    extra = [(f"KEC-{i:02d}", f"Kecamatan {i}") for i in range(10)]
    await units.add_many(group.db, GROUP, extra, int(group.clock().timestamp()))
    card, _ = await group.say(GROUP, ADMIN, NEW)
    assert "Belum menjawab: BAPPERIDA, DISHUB, KEC-00" in card.text
    assert "dan 5 instansi lain" in card.text
    assert "KEC-09" not in card.text


async def test_a_card_names_three_people_per_answer_and_counts_the_rest(group: Harness) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    dishub = next(u for u in await units.list_active(group.db, GROUP) if u.code == "DISHUB")
    for n in range(4):
        user_id = 7000 + n
        await people.remember_user(group.db, user_id, f"Staf {n}", None, 0)
        await people.join_unit(group.db, GROUP, user_id, dishub.id, 0)
        await rsvps.answer(
            group.db,
            1,
            user_id=user_id,
            full_name=f"Staf {n}",
            unit_id=dishub.id,
            answer="hadir",
            now=0,
        )
    await group.say(GROUP, BUDI, "/gabung DISHUB")
    await group.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    text = group.fake.find_message(GROUP, card.message_id).text
    assert "Hadir 5 · Tidak hadir 0" in text
    assert "DISHUB — Hadir: Budi Santoso, Staf 0, Staf 1 +2 lainnya" in text
    assert "Staf 2" not in text
    assert "Staf 3" not in text


async def test_a_card_with_120_answers_from_43_units_stays_editable(
    unlimited: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot, fake, clock = unlimited, unlimited.fake, unlimited.clock
    await bot.say(GROUP, ADMIN, "/mulai")
    extra = [(f"UNIT{n:02d}", f"Unit {n}") for n in range(40)]
    extra += [("DISHUB", "Dinas Perhubungan"), ("BAPPERIDA", "Bapperida"), ("KEC", "Kec")]
    await units.add_many(bot.db, GROUP, extra, int(clock().timestamp()))
    numbered = [u for u in await units.list_active(bot.db, GROUP) if u.code.startswith("UNIT")]
    assert len(numbered) == 40
    pressers = []
    for n in range(120):
        unit = numbered[n % 40]
        user_id = 5000 + n
        name = f"Pegawai Dinas Pekerjaan Umum dan Penataan Ruang {n:03d}"
        fake.add_user(user_id, name)
        await people.remember_user(bot.db, user_id, name, None, 0)
        await people.join_unit(bot.db, GROUP, user_id, unit.id, 0)
        pressers.append(user_id)
    card, _ = await bot.say(GROUP, ADMIN, NEW)
    hadir = card.reply_markup["inline_keyboard"][0][0]["callback_data"]
    queries = {fake.press_button(GROUP, user, card.message_id, hadir) for user in pressers}
    await bot.settle()
    await until(
        lambda: queries <= {answer[0] for answer in fake.callback_answers},
        what="every press answered",
    )
    stored = fake.find_message(GROUP, card.message_id)
    assert len(await rsvps.for_meeting(bot.db, 1)) == 120
    assert "Hadir 120 · Tidak hadir 0 · Diwakilkan 0" in stored.text
    assert stored.reply_markup  # the buttons stay
    assert all(f"{unit.code} — Hadir 3" in stored.text for unit in numbered)
    assert not [r for r in caplog.records if "card not edited" in r.getMessage()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/rapat " + "x" * 300 + " | besok jam 9 | Aula", "Contoh: <code>/rapat "),
        ("/rapat Rakor | besok jam 9 | " + "x" * 300, "Contoh: <code>/rapat "),
        ("/rapat ubah 1 | besok jam 9 | " + "x" * 300, "Contoh: <code>/rapat ubah "),
        ("/meeting " + "x" * 300 + " | tomorrow 9am | Hall", "Example: <code>/meeting "),
        ("/meeting Rakor | tomorrow 9am | " + "x" * 300, "Example: <code>/meeting "),
        ("/meeting move 1 | tomorrow 9am | " + "x" * 300, "Example: <code>/meeting move "),
    ],
)
async def test_a_title_or_place_too_long_gets_one_example(
    group: Harness, text: str, expected: str
) -> None:
    await group.say(GROUP, ADMIN, NEW)
    if text.startswith("/meeting"):
        await group.say(GROUP, ADMIN, "/language en")
    [reply] = await group.say(GROUP, ADMIN, text)
    assert expected in reply.html
    assert reply.html.count("Contoh:") + reply.html.count("Example:") == 1
    assert len(await meetings.upcoming(group.db, GROUP, 0)) == 1
    assert (await meetings.by_number(group.db, GROUP, 1)).place == "Ruang Rapat Lt. 2"


async def test_a_refused_card_edit_is_logged_as_a_warning(
    group: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    card, _ = await group.say(GROUP, ADMIN, NEW)
    monkeypatch.setattr(meeting_text, "card", lambda *args, **kwargs: "x" * 5000)
    await group.press(GROUP, BUDI, card.message_id, "mtg:r:1:h")
    [record] = [r for r in caplog.records if "card not edited" in r.getMessage()]
    assert record.levelname == "WARNING"
    assert "too long" in record.getMessage()
