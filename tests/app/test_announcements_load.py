from handlers.announcement_acks import throttle_of
from storage import announcements, people, units
from tests.helpers import ADMIN, GROUP, Harness, until

UNITS = 100
FIRST_USER = 5000


async def test_100_units_acknowledging_at_once_end_with_a_correct_count(
    group: Harness,
) -> None:
    bot = group
    # The interval as in production: a shorter one would, on a slow machine (or a year
    # ahead under faketime), make more edits than a group's 19 a minute and wait a minute.
    edits = throttle_of(bot.app)
    extra = [(f"UNIT{n:03d}", f"Unit {n}") for n in range(UNITS - 3)]
    await units.add_many(bot.db, GROUP, extra, int(bot.clock().timestamp()))
    pressers = []
    for n, unit in enumerate(await units.list_active(bot.db, GROUP)):
        user_id = FIRST_USER + n
        bot.fake.add_user(user_id, f"Pegawai {n}")
        await people.remember_user(bot.db, user_id, f"Pegawai {n}", None, 0)
        await people.join_unit(bot.db, GROUP, user_id, unit.id, 0)
        pressers.append(user_id)
    assert len(pressers) == UNITS
    [post] = await bot.say(GROUP, ADMIN, "/umumkan Rakor evaluasi APBD")
    [[button]] = post.reply_markup["inline_keyboard"]
    assert button["text"] == f"✅ Diterima 0/{UNITS} instansi"
    stored = await announcements.by_number(bot.db, GROUP, 1)

    queries = {
        bot.fake.press_button(GROUP, user_id, post.message_id, button["callback_data"])
        for user_id in pressers
    }

    def answered() -> bool:
        return queries <= {answer[0] for answer in bot.fake.callback_answers}

    def final_count_shown() -> bool:
        message = bot.fake.find_message(GROUP, post.message_id)
        label = message.reply_markup["inline_keyboard"][0][0]["text"]
        return label == f"✅ Diterima {UNITS}/{UNITS} instansi" and not edits.pending(stored.id)

    # Generous: a loaded machine under faketime (CI's run a year ahead) took over 30 s.
    await until(answered, timeout=180, what="every press answered")
    await bot.settle()
    await until(final_count_shown, timeout=30, what="the final count on the button")
    assert (await announcements.progress(bot.db, stored.id)).acked == UNITS
    async with bot.db.reading() as conn:
        cursor = await conn.execute(
            "SELECT count(*), count(DISTINCT unit_id) FROM announcement_acks"
            " WHERE announcement_id = ?",
            (stored.id,),
        )
        assert tuple(await cursor.fetchone()) == (UNITS, UNITS)
    answers = [a for a in bot.fake.callback_answers if a[0] in queries]
    assert len(answers) == UNITS
    assert not any(alert for _, _, alert in answers)
    message = bot.fake.find_message(GROUP, post.message_id)
    # edits coalesced (at most one per interval: tests/unit/test_throttle.py), not one a press
    assert 1 <= len(message.edits) < UNITS // 4
