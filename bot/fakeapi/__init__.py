"""A fake Telegram Bot API server on loopback, for tests and the browser sandbox.

Point python-telegram-bot at it::

    fake = FakeBotApi(token="123456:TEST-token", bot_username="rakor_bot")
    await fake.start()  # fake.base_url, fake.base_file_url, fake.port
    app = ApplicationBuilder().token(fake.token).base_url(fake.base_url)
    app = app.base_file_url(fake.base_file_url).build()

Set the scene with ``add_user`` / ``add_group`` / ``set_admins`` / ``set_bot_admin``; play
users with ``send_message`` / ``edit_message`` / ``press_button`` / ``add_update``; inspect
what the bot did with ``sent``, ``messages(chat_id)``, ``requests``, ``callback_answers``,
``commands``, ``left_chats``, ``rejected``; synchronise with ``await wait_for(predicate)``.

Telegram's flood limits (``limits.py``) are enforced with ``enforce_limits = True``; failures
are injected with ``faults`` (5xx answers, dropped connections; ``faults.py``) and
``go_offline`` / ``go_online`` (connections refused).
"""

from bot.fakeapi.html import EntityParseError, entities_to_html, parse_html, utf16_len
from bot.fakeapi.models import ApiError, MessageVersion, StoredFile, StoredMessage
from bot.fakeapi.server import FakeBotApi

__all__ = [
    "ApiError",
    "EntityParseError",
    "FakeBotApi",
    "MessageVersion",
    "StoredFile",
    "StoredMessage",
    "entities_to_html",
    "parse_html",
    "utf16_len",
]
