"""The sandbox in-process: the real bot, the fake Telegram and the page's JSON API on loopback."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.sandbox import Sandbox, started
from bot.sandbox.scene import GROUP_ID, persona
from bot.sandbox.script import Press, Say, play
from bot.settings import Settings

TASK = "/tugas DISHUB | Pasang rambu pengalihan arus | Jumat depan"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Sandbox]:
    settings = Settings(_env_file=None, database=tmp_path / "rakor.sqlite3")
    async with started(settings, port=0, directory=tmp_path) as running_sandbox:
        yield running_sandbox


@pytest.fixture
async def http(sandbox: Sandbox) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=sandbox.url) as session:
        yield session


async def state(http: aiohttp.ClientSession, who: str) -> dict[str, Any]:
    async with http.get("/api/state", params={"persona": who}) as response:
        assert response.status == 200
        return await response.json()


async def post(http: aiohttp.ClientSession, path: str, body: dict[str, Any]) -> dict[str, Any]:
    async with http.post(path, json=body) as response:
        assert response.status == 200, await response.text()
        return await response.json()


async def next_event(stream: aiohttp.ClientResponse, predicate: Any) -> dict[str, Any]:
    """The first server-sent event whose data satisfies ``predicate``."""
    async with asyncio.timeout(10):
        while True:
            line = (await stream.content.readline()).decode().strip()
            if line.startswith("data: "):
                event = json.loads(line[len("data: ") :])
                if predicate(event):
                    return event


async def test_the_demo_group_is_registered_with_personas_in_their_units(
    sandbox: Sandbox, http: aiohttp.ClientSession, tmp_path: Path
) -> None:
    data = await state(http, "dishub")
    assert data["group"]["title"] == "Rakor Kota Contoh"
    assert data["lang"] == "id"
    roles = {p["key"]: (p["role"], p["unit"]) for p in data["personas"]}
    assert roles == {
        "asisten": ("koordinator", "SETDA"),
        "dishub": ("anggota", "DISHUB"),
        "bapperida": ("anggota", "BAPPERIDA"),
        "kecamatan": ("anggota", "KEC-KOTA"),
        "pengamat": ("pengamat", "BAGPEM"),
    }
    texts = [m["text"] for m in data["chats"]["group"]]
    assert texts[0] == "/mulai"
    assert "terdaftar" in texts[1]
    assert any(c["command"] == "bantuan" for c in data["commands"])
    assert data["chats"]["private"] == []
    # its own database, never the production one
    assert sandbox.database_path == tmp_path / "rakor-sandbox.sqlite3"
    assert not (tmp_path / "rakor.sqlite3").exists()


async def test_a_persona_sends_bantuan_and_the_reply_arrives_as_an_event(
    sandbox: Sandbox, http: aiohttp.ClientSession
) -> None:
    async with http.get("/api/events", params={"persona": "dishub"}) as stream:
        await stream.content.readline()  # ": connected"
        sent = await post(http, "/api/send", {"persona": "dishub", "text": "/bantuan"})
        own = await next_event(stream, lambda e: e["type"] == "message")
        assert own["chat"] == "group"
        assert own["message"]["id"] == sent["message_id"]
        assert own["message"]["from"]["name"] == "Budi Santoso"
        reply = await next_event(
            stream, lambda e: e.get("message", {}).get("from", {}).get("is_bot")
        )
    assert reply["lang"] == "id"
    assert "/gabung" in reply["message"]["text"]
    assert {"type": "bold", "offset": 0, "length": len("Perintah Rakor")} in reply["message"][
        "entities"
    ]
    last = (await state(http, "asisten"))["chats"]["group"][-1]
    assert last == reply["message"]


async def test_private_chats_are_per_persona(sandbox: Sandbox, http: aiohttp.ClientSession) -> None:
    await post(http, "/api/send", {"persona": "pengamat", "chat": "private", "text": "/bantuan"})
    await sandbox.settle()
    mine = (await state(http, "pengamat"))["chats"]["private"]
    assert [m["from"]["is_bot"] for m in mine] == [False, True]
    assert (await state(http, "dishub"))["chats"]["private"] == []


async def test_pressing_an_inline_button_reaches_the_bot_and_edits_show_in_place(
    sandbox: Sandbox, http: aiohttp.ClientSession
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Hadir", callback_data="rsvp:1:hadir")]])
    sent = await sandbox.app.bot.send_message(GROUP_ID, "Rapat <b>#1</b>", reply_markup=markup)
    shown = (await state(http, "bapperida"))["chats"]["group"][-1]
    assert shown["buttons"] == [[{"text": "Hadir", "data": "rsvp:1:hadir"}]]

    async with http.get("/api/events", params={"persona": "bapperida"}) as stream:
        await stream.content.readline()
        body = {"persona": "bapperida", "message_id": sent.message_id, "data": "rsvp:1:hadir"}
        pressed = await post(http, "/api/press", body)
        query = sandbox.fake.callback_queries[pressed["query_id"]]
        assert query["user_id"] == persona("bapperida").user_id  # type: ignore[union-attr]
        await sandbox.app.bot.edit_message_text(
            "Rapat <b>#1</b> — hadir: 1", chat_id=GROUP_ID, message_id=sent.message_id
        )
        edit = await next_event(stream, lambda e: e["type"] == "edit")
    assert edit["message"]["id"] == sent.message_id
    assert edit["message"]["text"] == "Rapat #1 — hadir: 1"
    assert edit["message"]["edited"] is True

    forged = {"persona": "bapperida", "message_id": sent.message_id, "data": "rsvp:1:other"}
    async with http.post("/api/press", json=forged) as response:
        assert response.status == 404


async def test_documents_download_and_images_show_inline(
    sandbox: Sandbox, http: aiohttp.ClientSession
) -> None:
    await sandbox.app.bot.send_document(GROUP_ID, b"PK fake docx", filename="notulen rapat.docx")
    await sandbox.app.bot.send_photo(GROUP_ID, PNG, caption="Rekap <i>November</i>")
    document, photo = (await state(http, "asisten"))["chats"]["group"][-2:]
    assert document["file"]["kind"] == "document"
    assert document["file"]["name"] == "notulen rapat.docx"
    async with http.get(document["file"]["url"]) as response:
        assert await response.read() == b"PK fake docx"
        assert response.headers["Content-Disposition"].startswith("attachment;")
    assert photo["file"]["kind"] == "photo"
    assert photo["text"] == "Rekap November"
    async with http.get(photo["file"]["url"]) as response:
        assert response.content_type == "image/png"
        assert response.headers["Content-Disposition"].startswith("inline;")


async def test_bot_html_reaches_the_page_as_plain_text_with_entities(
    sandbox: Sandbox, http: aiohttp.ClientSession
) -> None:
    await sandbox.app.bot.send_message(
        GROUP_ID, "<b>Catatan</b> &lt;script&gt;alert(1)&lt;/script&gt;"
    )
    shown = (await state(http, "asisten"))["chats"]["group"][-1]
    assert shown["text"] == "Catatan <script>alert(1)</script>"
    assert shown["entities"] == [{"type": "bold", "offset": 0, "length": 7}]


async def test_a_reply_reaches_the_bot_as_telegram_delivers_it(
    sandbox: Sandbox, http: aiohttp.ClientSession
) -> None:
    text = "Rapat evaluasi APBD hari Senin pukul 09.00 di Aula"
    sent = await post(http, "/api/send", {"persona": "asisten", "text": text})
    body = {"persona": "asisten", "text": "/umumkan", "reply_to": sent["message_id"]}
    command = await post(http, "/api/send", body)
    await sandbox.settle()
    group = (await state(http, "dishub"))["chats"]["group"]
    shown = next(m for m in group if m["id"] == command["message_id"])
    assert shown["reply_to"] == {"id": sent["message_id"], "name": "Sri Wahyuni", "text": text}
    announcement = group[-1]
    assert announcement["text"].startswith("📢 Pengumuman #1") and text in announcement["text"]
    assert announcement["showcase"] is True  # its Diterima button: the page opens on it


async def test_a_photo_sent_as_a_reply_to_a_task_is_kept_as_evidence(
    sandbox: Sandbox, http: aiohttp.ClientSession
) -> None:
    await post(http, "/api/send", {"persona": "asisten", "text": TASK})
    await sandbox.settle()
    task_post = (await state(http, "dishub"))["chats"]["group"][-1]
    assert "Tugas #1" in task_post["text"]
    photo = {"name": "rambu.png", "kind": "photo", "data": base64.b64encode(PNG).decode()}
    body = {"persona": "dishub", "text": "Rambu terpasang", "file": photo}
    await post(http, "/api/send", {**body, "reply_to": task_post["id"]})
    await sandbox.settle()
    group = (await state(http, "dishub"))["chats"]["group"]
    mine, answer = group[-2:]
    assert mine["file"]["kind"] == "photo" and mine["text"] == "Rambu terpasang"
    assert mine["reply_to"]["id"] == task_post["id"]
    assert "Bukti untuk Tugas #1 dicatat" in answer["text"]
    [message] = [m for m in sandbox.fake.messages(GROUP_ID) if m.message_id == mine["id"]]
    delivered = sandbox.fake.message_payload(message)
    assert delivered["photo"][0]["width"] == 1 and delivered["caption"] == "Rambu terpasang"
    async with http.get(mine["file"]["url"]) as response:
        assert await response.read() == PNG

    document = {"name": "berita acara.pdf", "kind": "document", "data": "JVBERi0xLjQK"}
    await post(http, "/api/send", {"persona": "dishub", "file": document})
    await sandbox.settle()
    [message] = sandbox.fake.messages(GROUP_ID)[-1:]
    assert sandbox.fake.message_payload(message)["document"]["file_name"] == "berita acara.pdf"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"file": {"name": "x.png", "kind": "photo", "data": "JVBERi0xLjQK"}}, 400),  # not an image
        ({"file": {"name": "x.pdf", "kind": "document", "data": "not base64!"}}, 400),
        ({"file": {"name": "x.pdf", "kind": "video", "data": "JVBERi0xLjQK"}}, 400),
        ({"file": {"name": "", "kind": "document", "data": "JVBERi0xLjQK"}}, 400),
        ({"file": {"name": "x.pdf", "kind": "document", "data": ""}}, 400),
        ({"file": "x.pdf"}, 400),
        ({"text": "hai", "reply_to": 99999}, 404),
        ({"text": "hai", "reply_to": "1"}, 400),
        ({"text": "x" * 1025, "file": {"name": "a.pdf", "kind": "document", "data": "JVBE"}}, 400),
    ],
)
async def test_bad_files_and_replies_are_refused(
    http: aiohttp.ClientSession, body: dict[str, Any], status: int
) -> None:
    async with http.post("/api/send", json={"persona": "dishub", **body}) as response:
        assert response.status == status


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"Host": "evil.example:8080"}, {"persona": "dishub", "text": "hai"}, 403),
        ({"Content-Type": "text/plain"}, "persona=dishub&text=hai", 415),
        ({}, {"persona": "nobody", "text": "hai"}, 400),
        ({}, {"persona": "dishub", "text": "   "}, 400),
        ({}, {"persona": "dishub", "chat": "other", "text": "hai"}, 400),
    ],
)
async def test_the_api_refuses_foreign_hosts_forms_and_bad_input(
    http: aiohttp.ClientSession, headers: dict[str, str], body: Any, status: int
) -> None:
    payload = {"json": body} if isinstance(body, dict) else {"data": body}
    async with http.post("/api/send", headers=headers, **payload) as response:
        assert response.status == status


async def test_the_page_is_served_with_a_strict_content_policy(http: aiohttp.ClientSession) -> None:
    async with http.get("/") as response:
        assert response.status == 200
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert "/static/app.js" in await response.text()
    for asset in (
        "/static/app.js",
        "/static/messages.js",
        "/static/labels.js",
        "/static/style.css",
    ):
        async with http.get(asset) as response:
            assert response.status == 200


async def test_the_demo_skips_commands_the_bot_does_not_have(sandbox: Sandbox) -> None:
    steps = (
        Say("dishub", "/bantuan"),
        Say("asisten", "/belumada perintah ini"),
        Press("dishub", ("Hadir",), needs="belumada"),
        Say("asisten", "Terima kasih, Bapak/Ibu."),
    )
    before = len(sandbox.fake.messages(GROUP_ID))
    assert await play(sandbox, steps, pause=0) == (2, 2)
    texts = [m.text for m in sandbox.fake.messages(GROUP_ID)[before:]]
    assert texts[0] == "/bantuan"
    assert texts[-1] == "Terima kasih, Bapak/Ibu."
    assert "/belumada perintah ini" not in texts


def test_rakor_run_without_a_token_starts_the_sandbox_with_the_demo(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import cli

    calls: list[tuple[int, bool]] = []

    def fake_sandbox(settings: Settings, port: int, *, demo: bool) -> int:
        calls.append((port, demo))
        return 0

    monkeypatch.setattr(cli, "run_sandbox", fake_sandbox)
    assert cli.run(Settings(_env_file=None, sandbox_port=8123)) == 0
    assert calls == [(8123, True)]
