"""Wiring: the error handler, and webhook mode with its secret."""

import logging
import socket
from pathlib import Path

import aiohttp
import pytest

from bot.app import build_application, post_init, post_shutdown
from bot.fakeapi import FakeBotApi
from storage import inbox, units
from tests.conftest import make_settings
from tests.helpers import ADMIN, GROUP, Clock, Harness, until


async def test_a_failing_handler_is_logged_and_the_user_answered_politely(
    group: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(units, "list_with_members", broken)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        text = await group.reply_text(GROUP, ADMIN, "/instansi")
    assert "Maaf, terjadi kendala" in text
    assert "disk on fire" not in text
    assert any(r.exc_info and "disk on fire" in str(r.exc_info[1]) for r in caplog.records)
    monkeypatch.undo()  # the bot carries on
    assert "DISHUB" in await group.reply_text(GROUP, ADMIN, "/instansi")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_webhook_stores_updates_and_checks_the_secret(
    fake: FakeBotApi, clock: Clock, tmp_path: Path
) -> None:
    app = build_application(make_settings(fake, tmp_path / "rakor.sqlite3"), clock=clock)
    port = free_port()
    url = f"http://127.0.0.1:{port}/webhook"
    await app.initialize()
    await post_init(app)
    await app.updater.start_webhook(
        listen="127.0.0.1", port=port, url_path="webhook", webhook_url=url, secret_token="rahasia"
    )
    await app.start()
    try:
        assert fake.webhook["url"] == url
        update = {
            "update_id": 500,
            "message": {
                "message_id": 1,
                "date": int(clock().timestamp()),
                "chat": {"id": GROUP, "type": "supergroup", "title": "Rakor Kota Contoh"},
                "from": {"id": ADMIN, "is_bot": False, "first_name": "Asisten"},
                "text": "/mulai",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=update) as refused:
                assert refused.status == 403
            headers = {"X-Telegram-Bot-Api-Secret-Token": "rahasia"}
            async with http.post(url, json=update, headers=headers) as accepted:
                assert accepted.status == 200
            db = app.bot_data.database
            # stored before the 200 went back to Telegram
            assert await inbox.store(db, 500, "{}", 0) is False
            await until(lambda: any("terdaftar" in m.text for m in fake.sent), what="the reply")
            async with http.post(url, json=update, headers=headers) as again:
                assert again.status == 200  # a re-delivery is accepted and dropped
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await post_shutdown(app)
    assert sum("terdaftar" in m.text for m in fake.sent) == 1
