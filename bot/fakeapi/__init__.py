"""A fake Telegram Bot API server on loopback, for tests and the browser sandbox.

Point python-telegram-bot at it with ``base_url(fake.base_url)`` and
``base_file_url(fake.base_file_url)``; script users' actions with ``send_message`` /
``press_button``; inspect what the bot did with ``sent``, ``messages()``, ``requests``.
"""

from bot.fakeapi.models import ApiError, StoredFile, StoredMessage
from bot.fakeapi.server import FakeBotApi

__all__ = ["ApiError", "FakeBotApi", "StoredFile", "StoredMessage"]
