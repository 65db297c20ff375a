"""Sending one claimed firing: waits out flood limits, records the outcome, never resends."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

import httpx
from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.runtime import Runtime
from bot.text.render import split_html
from storage import firings

logger = logging.getLogger(__name__)

NETWORK_ATTEMPTS = 4
BACKOFF_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Outcome:
    message: Message | None
    """The message sent (its last part), None when the firing failed."""
    refused: bool = False
    """Telegram refused the chat itself (bot removed, chat gone): later firings will fail too."""


async def deliver(
    bot: ExtBot[None],
    runtime: Runtime,
    firing_id: int,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Outcome:
    """Send a claimed firing and record whether it was sent or failed.

    ``RetryAfter`` is waited out and the message resent, however often it comes: a firing is
    never dropped for a flood limit. A chat that refuses the bot (403, or a chat that does not
    exist) fails the firing at once. A request that never reached Telegram (no connection) is
    retried a few times with back-off; one that may have reached it (a timeout, a connection
    lost mid-request) is not resent but recorded as uncertain: never twice beats once more.
    """
    parts = split_html(text)
    message: Message | None = None
    try:
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            message = await _send(bot, chat_id, part, markup if last else None)
    except NetworkError as exc:
        if isinstance(exc, BadRequest) or _never_sent(exc):
            return await _failed(runtime, firing_id, chat_id, exc)
        logger.warning(
            "firing %s to chat %s may or may not have arrived: %s", firing_id, chat_id, exc
        )
        await firings.mark_uncertain(runtime.database, firing_id, str(exc), _epoch(runtime))
        return Outcome(None)
    except Forbidden as exc:
        return await _failed(runtime, firing_id, chat_id, exc)
    assert message is not None  # noqa: S101 - split_html returns at least one part
    await firings.mark_sent(runtime.database, firing_id, message.message_id, _epoch(runtime))
    return Outcome(message)


async def _failed(runtime: Runtime, firing_id: int, chat_id: int, exc: TelegramError) -> Outcome:
    logger.warning("firing %s to chat %s failed: %s", firing_id, chat_id, exc)
    await firings.mark_failed(runtime.database, firing_id, str(exc), _epoch(runtime))
    refused = isinstance(exc, Forbidden) or "chat not found" in str(exc).lower()
    return Outcome(None, refused=refused)


def _never_sent(exc: NetworkError) -> bool:
    """Whether the request certainly never reached Telegram, so sending again is safe."""
    return isinstance(exc.__cause__, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


async def _send(
    bot: ExtBot[None], chat_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> Message:
    failures = 0
    while True:
        try:
            return await bot.send_message(chat_id, text, reply_markup=markup)
        except RetryAfter as exc:
            await asyncio.sleep(_seconds(exc.retry_after) + 0.1)
        except NetworkError as exc:  # BadRequest and TimedOut included
            if isinstance(exc, BadRequest) or not _never_sent(exc):
                raise
            failures += 1
            if failures >= NETWORK_ATTEMPTS:
                raise
            await asyncio.sleep(BACKOFF_SECONDS * 2 ** (failures - 1))


def _seconds(delay: timedelta | float) -> float:
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


def _epoch(runtime: Runtime) -> int:
    return int(runtime.now().timestamp())
