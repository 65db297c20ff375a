"""The fake Bot API, driven by a real python-telegram-bot ``Bot`` over loopback HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, InvalidToken

from bot.fakeapi import FakeBotApi

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
