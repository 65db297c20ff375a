"""The fake Bot API, driven by a real python-telegram-bot ``Bot`` over loopback HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator

import aiohttp
import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.fakeapi import FakeBotApi
from bot.fakeapi.faults import DROP

TOKEN = "123456:TEST-token"
GROUP = -1001234567890
ALICE = 1001
BOB = 1002
NOW = dtm.datetime(2025, 3, 10, 8, 0, tzinfo=dtm.UTC)


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(token=TOKEN, bot_username="rakor_bot", clock=lambda: NOW)
    await server.start(host="127.0.0.1", port=0)
    server.add_user(ALICE, "Alice", username="alice")
    server.add_user(BOB, "Bob")
    server.add_group(GROUP, "Rakor Pemkot", admins=(ALICE,))
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def bot(fake: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as client:
        yield client


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d, callback_data=d) for d in data]])


async def test_get_me(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 123456
    assert me.username == "rakor_bot"
    assert me.is_bot


async def test_wrong_token_is_unauthorized(fake: FakeBotApi) -> None:
    other = Bot("999:wrong", base_url=fake.base_url)
    with pytest.raises(InvalidToken):
        await other.initialize()
    await other.shutdown()
    assert fake.requests == []


async def test_send_message_html_is_parsed_and_stored(fake: FakeBotApi, bot: Bot) -> None:
    html = '<b>Pengumuman #1</b> &amp; <a href="https://x.id">tautan</a> 1 &lt; 2'
    message = await bot.send_message(GROUP, html, parse_mode="HTML")
    assert message.text == "Pengumuman #1 & tautan 1 < 2"
    assert message.chat.type == "supergroup"
    assert message.date == NOW
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bold", 0, 13),
        ("text_link", 16, 6),
    ]
    [sent] = fake.sent
    assert (sent.chat_id, sent.message_id, sent.html) == (GROUP, message.message_id, html)
    assert sent.text == message.text
    assert fake.messages(GROUP) == [sent]


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("<b>unclosed", "Can't find end tag"),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("<blink>x</blink>", 'Unsupported start tag "blink"'),
        ("1 < 2", 'Unsupported start tag ""'),
        ("Tom & Jerry", "Character '&' is reserved"),
        ("&nbsp;", "Character '&' is reserved"),
        ('<span class="x">y</span>', 'must have class "tg-spoiler"'),
        ("x</b>", "Unexpected end tag"),
    ],
)
async def test_send_message_rejects_bad_html(bot: Bot, markup: str, reason: str) -> None:
    with pytest.raises(BadRequest, match="Can't parse entities") as caught:
        await bot.send_message(GROUP, markup, parse_mode="HTML")
    assert reason.lower() in caught.value.message.lower()


async def test_send_message_accepts_every_allowed_tag(bot: Bot) -> None:
    html = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        "<strike>k</strike><del>d</del><tg-spoiler>p</tg-spoiler>"
        '<span class="tg-spoiler">q</span><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre>'
        "<blockquote expandable>quote</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &#128512; &quot;'
    )
    message = await bot.send_message(GROUP, html, parse_mode="HTML")
    types = [e.type for e in message.entities]
    assert "expandable_blockquote" in types
    assert "custom_emoji" in types
    pre = next(e for e in message.entities if e.type == "pre")
    assert pre.language == "python"
    assert message.text.endswith('👍 😀 "')


async def test_message_length_is_counted_after_parsing(fake: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(GROUP, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(GROUP, "a" * 4097)
    assert len(fake.sent) == 1


async def test_text_limits_are_counted_in_utf16_code_units(fake: FakeBotApi, bot: Bot) -> None:
    message = await bot.send_message(GROUP, "<b>" + "📌" * 2048 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(GROUP, "📌" * 2048 + "x")  # 2,049 characters, 4,097 units
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.edit_message_text("x" + "📌" * 2048, GROUP, message.message_id)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.edit_message_text("<b> </b>", GROUP, message.message_id, parse_mode="HTML")
    assert len(fake.sent) == 1
    assert [(method, error.description) for method, _, error in fake.rejected] == [
        ("sendMessage", "Bad Request: message is too long"),
        ("editMessageText", "Bad Request: message is too long"),
        ("editMessageText", "Bad Request: message text is empty"),
    ]


@pytest.mark.parametrize("kind", ["document", "photo"])
async def test_captions_are_limited_to_1024_utf16_code_units(
    fake: FakeBotApi, bot: Bot, kind: str
) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (1).to_bytes(4, "big") * 2
    send = bot.send_document if kind == "document" else bot.send_photo
    message = await send(GROUP, png, caption="<i>" + "🇮🇩" * 256 + "</i>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await send(GROUP, png, caption="🇮🇩" * 256 + "x")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.edit_message_caption(GROUP, message.message_id, caption="a" * 1025)
    await bot.edit_message_caption(GROUP, message.message_id, caption="a" * 1024)
    assert [m.caption for m in fake.sent] == ["a" * 1024]


@pytest.mark.parametrize(
    ("button", "reason"),
    [
        (InlineKeyboardButton("x", callback_data="é" * 33), "Button_data_invalid"),
        (InlineKeyboardButton("x", callback_data="📌" * 17), "Button_data_invalid"),
        (InlineKeyboardButton("x", callback_data=""), "(?i)text buttons are unallowed"),
        (InlineKeyboardButton("x"), "(?i)text buttons are unallowed"),
        (InlineKeyboardButton("", callback_data="a"), "Button_text_invalid"),
    ],
)
async def test_inline_buttons_are_checked_as_telegram_does(
    fake: FakeBotApi, bot: Bot, button: InlineKeyboardButton, reason: str
) -> None:
    markup = InlineKeyboardMarkup([[button]])
    with pytest.raises(BadRequest, match=reason):
        await bot.send_message(GROUP, "Baca?", reply_markup=markup)
    message = await bot.send_message(GROUP, "Baca?", reply_markup=keyboard("📌" * 16))
    with pytest.raises(BadRequest, match=reason):
        await bot.edit_message_text("Sudah?", GROUP, message.message_id, reply_markup=markup)
    assert [m.text for m in fake.sent] == ["Baca?"]


async def test_get_updates_offset_confirms_and_redelivers(fake: FakeBotApi, bot: Bot) -> None:
    fake.send_message(GROUP, BOB, "halo")
    fake.send_message(GROUP, BOB, "lagi")
    first = await bot.get_updates()
    assert [u.message.text for u in first] == ["halo", "lagi"]
    again = await bot.get_updates()  # nothing confirmed yet: delivered again
    assert [u.update_id for u in again] == [u.update_id for u in first]
    rest = await bot.get_updates(offset=first[0].update_id + 1)
    assert [u.message.text for u in rest] == ["lagi"]
    assert fake.confirmed_offset == first[0].update_id + 1
    assert fake.pending_update_ids == [first[1].update_id]
    assert await bot.get_updates(offset=first[1].update_id + 1) == ()
    assert fake.pending_update_ids == []


async def test_long_poll_returns_as_soon_as_a_message_arrives(fake: FakeBotApi, bot: Bot) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    poll = asyncio.create_task(bot.get_updates(timeout=20))
    await fake.wait_for(lambda: any(m == "getUpdates" for m, _ in fake.requests))
    fake.send_message(GROUP, ALICE, "/mulai")
    updates = await asyncio.wait_for(poll, 5)
    assert loop.time() - started < 5
    assert updates[0].message.text == "/mulai"


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=1) == ()


async def test_user_message_entities_use_utf16_offsets(fake: FakeBotApi, bot: Bot) -> None:
    raw = fake.send_message(GROUP, ALICE, "🎉 /umumkan@rakor_bot rapat #pokja1 #12")
    command, hashtag = raw["entities"]
    assert command == {"type": "bot_command", "offset": 3, "length": 18}
    assert hashtag == {"type": "hashtag", "offset": 28, "length": 7}
    [update] = await bot.get_updates()
    message = update.message
    assert message.from_user.id == ALICE
    assert message.parse_entities(["bot_command"]).popitem()[1] == "/umumkan@rakor_bot"
    assert message.parse_entities(["hashtag"]).popitem()[1] == "#pokja1"


async def test_private_chat_and_reply(fake: FakeBotApi, bot: Bot) -> None:
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(BOB, "halo")
    fake.send_message(BOB, BOB, "/start")
    sent = await bot.send_message(BOB, "Selamat datang", reply_to_message_id=1)
    assert sent.chat.type == "private"
    assert sent.reply_to_message.text == "/start"
    assert fake.sent[0].reply_to == 1
    assert [m.message_id for m in fake.messages(BOB)] == [1, 2]


async def test_edit_and_not_modified(fake: FakeBotApi, bot: Bot) -> None:
    message = await bot.send_message(GROUP, "v1", reply_markup=keyboard("a"))
    await bot.edit_message_text("v2", GROUP, message.message_id, reply_markup=keyboard("a"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("v2", GROUP, message.message_id, reply_markup=keyboard("a"))
    await bot.edit_message_reply_markup(GROUP, message.message_id, reply_markup=keyboard("b"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(GROUP, message.message_id, reply_markup=keyboard("b"))
    [sent] = fake.sent
    assert sent.text == "v2"
    assert sent.reply_markup["inline_keyboard"][0][0]["callback_data"] == "b"
    assert [v.text for v in sent.edits] == ["v1", "v2"]


async def test_press_button_update_shape(fake: FakeBotApi, bot: Bot) -> None:
    message = await bot.send_message(GROUP, "Baca?", reply_markup=keyboard("ack:1"))
    query_id = fake.press_button(GROUP, BOB, message.message_id, "ack:1")
    [update] = await bot.get_updates()
    query = update.callback_query
    assert query.id == query_id
    assert query.data == "ack:1"
    assert query.from_user.id == BOB
    assert query.message.message_id == message.message_id
    assert query.message.reply_markup == keyboard("ack:1")
    assert await bot.answer_callback_query(query_id, text="Tercatat", show_alert=True)
    assert fake.callback_answers == [(query_id, "Tercatat", True)]
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query(query_id)


async def test_chat_members_and_admins(fake: FakeBotApi, bot: Bot) -> None:
    admins = await bot.get_chat_administrators(GROUP)
    assert [a.user.id for a in admins] == [ALICE]
    assert (await bot.get_chat_member(GROUP, ALICE)).status == "administrator"
    assert (await bot.get_chat_member(GROUP, BOB)).status == "left"
    fake.send_message(GROUP, BOB, "hai")
    assert (await bot.get_chat_member(GROUP, BOB)).status == "member"
    fake.set_admins(GROUP, [BOB])
    assert [a.user.id for a in await bot.get_chat_administrators(GROUP)] == [BOB]
    chat = await bot.get_chat(GROUP)
    assert chat.title == "Rakor Pemkot"


async def test_leave_chat_and_commands(fake: FakeBotApi, bot: Bot) -> None:
    await bot.set_my_commands([("mulai", "Mulai")], language_code="id")
    await bot.set_my_commands([("start", "Start")])
    assert fake.commands["id"] == [{"command": "mulai", "description": "Mulai"}]
    assert [c.command for c in await bot.get_my_commands(language_code="id")] == ["mulai"]
    assert await bot.leave_chat(GROUP)
    assert fake.left_chats == [GROUP]
    with pytest.raises(Forbidden, match="bot was kicked"):
        await bot.send_message(GROUP, "masih di sini?")


async def test_wait_for_times_out_with_summary(fake: FakeBotApi, bot: Bot) -> None:
    await bot.get_me()
    with pytest.raises(TimeoutError, match="getMe"):
        await fake.wait_for(lambda: False, timeout=0.05)


async def test_pin_needs_rights(fake: FakeBotApi, bot: Bot) -> None:
    message = await bot.send_message(GROUP, "Penting")
    with pytest.raises(BadRequest, match="(?i)not enough rights to manage pinned messages"):
        await bot.pin_chat_message(GROUP, message.message_id)
    assert not fake.sent[0].pinned
    fake.set_bot_admin(GROUP, True, can_pin=True)
    assert await bot.pin_chat_message(GROUP, message.message_id)
    assert fake.sent[0].pinned
    assert await bot.unpin_chat_message(GROUP, message.message_id)
    assert not fake.sent[0].pinned
    assert [a.user.id for a in await bot.get_chat_administrators(GROUP)] == [ALICE, 123456]


async def test_send_document_and_download(fake: FakeBotApi, bot: Bot) -> None:
    payload = b"PK\x03\x04 notulen"
    message = await bot.send_document(
        GROUP, payload, filename="notulen-3.docx", caption="<b>Notulen</b> #3", parse_mode="HTML"
    )
    assert message.document.file_name == "notulen-3.docx"
    assert message.caption == "Notulen #3"
    [sent] = fake.sent
    assert sent.document == ("notulen-3.docx", payload)
    assert (sent.caption, sent.html, sent.text) == ("Notulen #3", "<b>Notulen</b> #3", None)
    file = await bot.get_file(message.document.file_id)
    assert file.file_path.startswith(fake.base_file_url)
    assert bytes(await file.download_as_bytearray()) == payload


async def test_send_photo_and_user_document(fake: FakeBotApi, bot: Bot) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big")
    png += (480).to_bytes(4, "big") + b"rest"
    message = await bot.send_photo(GROUP, png, caption="Grafik")
    assert (message.photo[-1].width, message.photo[-1].height) == (640, 480)
    assert fake.sent[0].photo == png
    raw = fake.send_message(GROUP, BOB, "laporan", document=("lap.pdf", b"%PDF-1.4"))
    assert raw["caption"] == "laporan"
    [update] = await bot.get_updates()
    file = await update.message.document.get_file()
    assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4"


async def test_removed_bot_is_forbidden(fake: FakeBotApi, bot: Bot) -> None:
    fake.remove_bot(GROUP)
    with pytest.raises(Forbidden, match="bot was kicked from the supergroup chat"):
        await bot.send_message(GROUP, "halo")
    [update] = await bot.get_updates()
    assert update.my_chat_member.new_chat_member.status == "kicked"
    assert fake.sent == []


async def test_bot_added_to_group(fake: FakeBotApi, bot: Bot) -> None:
    fake.add_group(-555, "Grup kecil")
    fake.remove_bot(-555)
    fake.add_update(fake.bot_added_to_group(-555, ALICE))
    updates = await bot.get_updates(allowed_updates=Update.ALL_TYPES)
    assert len(updates) == 2  # kicked, then added (the re-added dict is not duplicated)
    added = updates[-1].my_chat_member
    assert (added.chat.type, added.from_user.id) == ("group", ALICE)
    assert (added.old_chat_member.status, added.new_chat_member.status) == ("kicked", "member")
    assert (await bot.send_message(-555, "Terima kasih")).chat.id == -555


async def test_flood_limits(fake: FakeBotApi, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    now = [1000.0]
    fake.limiter.now = lambda: now[0]
    fake.enforce_limits = True
    for i in range(20):
        await bot.send_message(GROUP, f"pesan {i}")
        now[0] += 0.5
    with pytest.raises(RetryAfter) as caught:
        await bot.edit_message_text("ubah", GROUP, 1)
    assert caught.value.retry_after == dtm.timedelta(seconds=50)  # first send 10 s ago
    now[0] += 50
    await bot.edit_message_text("ubah", GROUP, 1)
    # 30 per second across chats
    for user_id in range(2000, 2031):
        fake.add_user(user_id, "U")
        fake.send_message(user_id, user_id, "/start")
    now[0] += 100
    for user_id in range(2000, 2030):
        await bot.send_message(user_id, "hai")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(2030, "hai")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    assert len(fake.sent) == 50


async def test_flood_windows_roll_and_count_every_message_on_arrival(
    fake: FakeBotApi, bot: Bot
) -> None:
    now = [1000.0]
    fake.limiter.now = lambda: now[0]
    fake.enforce_limits = True
    for user_id in range(2000, 2030):
        fake.add_user(user_id, "U")
        fake.send_message(user_id, user_id, "/start")
    for user_id in range(2000, 2020):  # 20 sends at 1000.0 ...
        await bot.send_message(user_id, "hai")
    now[0] += 0.6
    first = await bot.send_message(GROUP, "satu")  # ... and edits and a pin at 1000.6 ...
    for index in range(8):
        await bot.edit_message_text(f"ubah {index}", GROUP, first.message_id)
    with pytest.raises(BadRequest, match="rights"):  # refused, but it arrived: it counts
        await bot.pin_chat_message(GROUP, first.message_id)
    with pytest.raises(RetryAfter):  # ... make 30 in the second ending at 1000.6
        await bot.send_message(2020, "hai")
    now[0] += 0.4  # the 20 sends of 1000.0 left the window (a fixed bucket would not know)
    for user_id in range(2020, 2030):
        await bot.send_message(user_id, "hai")
    await bot.get_chat(GROUP)  # lookups do not count
    assert fake.limiter.refused == 1
    assert fake.limiter.busiest_second() == 31  # the refused request arrived too
    assert fake.limiter.busiest_group_minute() == 10


async def test_faults_answer_5xx_or_drop_without_carrying_out(fake: FakeBotApi, bot: Bot) -> None:
    fake.faults.fail_next(1, status=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(GROUP, "satu")
    fake.faults.fail_next(1, status=DROP)
    with pytest.raises(NetworkError) as dropped:
        await bot.send_message(GROUP, "dua")
    assert isinstance(dropped.value.__cause__, httpx.RemoteProtocolError)
    fake.faults.fail_next(1, status=429, methods=["editMessageText"])
    await bot.get_me()  # other methods are not touched
    sent = await bot.send_message(GROUP, "tiga")
    with pytest.raises(RetryAfter):
        await bot.edit_message_text("ubah", GROUP, sent.message_id)
    assert fake.faults.injected == [("sendMessage", 502), ("sendMessage", DROP),
                                    ("editMessageText", 429)]  # fmt: skip
    assert [m.text for m in fake.sent] == ["tiga"]
    assert [method for method, _ in fake.requests].count("sendMessage") == 3


async def test_a_share_of_faults_is_reproducible_from_its_seed(fake: FakeBotApi, bot: Bot) -> None:
    outcomes = []
    for _ in range(2):
        fake.faults.seed(7)
        fake.faults.fail_share(0.5, status=500)
        run = []
        for index in range(12):
            try:
                await bot.send_message(GROUP, f"pesan {index}")
                run.append(True)
            except NetworkError:
                run.append(False)
        fake.faults.clear()
        outcomes.append(run)
    assert outcomes[0] == outcomes[1]
    assert True in outcomes[0] and False in outcomes[0]


async def test_offline_refuses_connections_until_online(fake: FakeBotApi, bot: Bot) -> None:
    await bot.get_me()  # a kept-alive connection, closed by going offline
    await fake.go_offline()
    with pytest.raises(NetworkError) as refused:
        await bot.send_message(GROUP, "hilang")
    assert isinstance(refused.value.__cause__, httpx.ConnectError)
    await fake.go_online()
    await bot.send_message(GROUP, "kembali")
    assert [m.text for m in fake.sent] == ["kembali"]


async def test_stall_and_unstall(fake: FakeBotApi, bot: Bot) -> None:
    fake.stall("sendMessage")
    task = asyncio.create_task(bot.send_message(GROUP, "tertahan"))
    await fake.wait_for(lambda: fake.hanging("sendMessage") == 1)
    assert fake.sent == []
    fake.unstall("sendMessage")
    assert (await task).text == "tertahan"
    # a client that gives up while stalled never gets its message recorded
    fake.stall("sendMessage")
    task = asyncio.create_task(bot.send_message(GROUP, "hilang"))
    await fake.wait_for(lambda: fake.hanging("sendMessage") == 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await fake.wait_for(lambda: fake.hanging("sendMessage") == 0)
    fake.unstall("sendMessage")
    await bot.get_me()
    assert [m.text for m in fake.sent] == ["tertahan"]


async def test_raw_http_json_body_and_unknown_method(fake: FakeBotApi) -> None:
    async with aiohttp.ClientSession() as session:
        url = f"{fake.base_url}{TOKEN}"
        async with session.post(f"{url}/sendMessage", json={"chat_id": GROUP, "text": "json"}) as r:
            body = await r.json()
        assert body["ok"]
        assert body["result"]["text"] == "json"
        async with session.post(f"{url}/frobnicate") as r:
            assert r.status == 404
            assert await r.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_subscribe_events(fake: FakeBotApi, bot: Bot) -> None:
    events = fake.subscribe()
    fake.send_message(GROUP, BOB, "halo")
    message = await bot.send_message(GROUP, "balas", reply_markup=keyboard("x"))
    await bot.edit_message_text("balas lagi", GROUP, message.message_id)
    kinds = [events.get_nowait()["type"] for _ in range(3)]
    assert kinds == ["message", "message", "edit"]
    assert fake.sent[0].reply_markup is None  # editing text without markup drops the keyboard


async def test_application_polls_and_handles_commands(fake: FakeBotApi) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_html(f"Halo <b>{update.effective_user.first_name}</b>")

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler(["mulai", "start"], start))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=10)
        fake.send_message(GROUP, ALICE, "/mulai@rakor_bot")
        await fake.wait_for(lambda: len(fake.sent) == 1)
        await app.updater.stop()
        await app.stop()
    assert fake.sent[0].html == "Halo <b>Alice</b>"
    assert fake.sent[0].reply_to == 1
    assert fake.pending_update_ids == []


async def test_user_edit_and_private_chat_opening(fake: FakeBotApi, bot: Bot) -> None:
    fake.send_message(GROUP, BOB, "/agenda Jalan rusak")
    fake.edit_message(GROUP, BOB, 1, "/agenda Jalan rusak di Jl. Merdeka")
    updates = await bot.get_updates()
    assert updates[1].edited_message.text.endswith("Merdeka")
    assert fake.messages(GROUP)[0].edits[0].text == "/agenda Jalan rusak"
    fake.open_private_chat(ALICE)
    assert (await bot.send_message(ALICE, "Pengingat")).chat.id == ALICE


async def test_render_html_round_trips(fake: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(GROUP, "<b>Rapat <i>#2</i></b> &lt;penting&gt;", parse_mode="HTML")
    await bot.send_message(
        GROUP, "Rapat penting", entities=[MessageEntity("bold", 0, 5)], reply_markup=None
    )
    fake.send_message(GROUP, BOB, "/cari <jalan>")
    first, second, user = fake.messages(GROUP)
    assert first.render_html() == "<b>Rapat <i>#2</i></b> &lt;penting&gt;"
    assert second.render_html() == "<b>Rapat</b> penting"
    assert user.render_html() == "/cari &lt;jalan&gt;"
