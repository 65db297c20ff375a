"""Logging set-up: one format, quiet HTTP libraries, and no bot token in any line."""

from __future__ import annotations

import logging
import re

# A bot token is ``<digits>:<35 or so url-safe characters>``; it appears in Bot API URLs.
_TOKEN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


class RedactingFormatter(logging.Formatter):
    """Formats records, tracebacks included, with every bot token replaced."""

    def __init__(self, fmt: str, secrets: tuple[str, ...] = ()) -> None:
        super().__init__(fmt)
        self._secrets = tuple(secret for secret in secrets if secret)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self._secrets)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, "[token]")
    return _TOKEN.sub("[token]", text)


def configure(level: str = "INFO", secrets: tuple[str, ...] = ()) -> None:
    """Log to stderr through :class:`RedactingFormatter`; httpx and friends only warn."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
