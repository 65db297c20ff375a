"""Settings from the environment (and ``.env``), all prefixed ``RAKOR_``.

The names are a contract: operators set them, ``.env.example`` documents each one and a test
keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_API = "https://api.telegram.org"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAKOR_", env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    """The token BotFather gave. Without one, ``rakor run`` starts the local sandbox."""

    api_base_url: str = TELEGRAM_API
    """The Bot API server: Telegram's, a self-hosted ``telegram-bot-api``, or the sandbox's."""

    database: Path = Path("rakor.sqlite3")
    """The SQLite file."""

    allowed_chats: Annotated[frozenset[int], NoDecode] = frozenset()
    """Group chat ids the bot serves, comma-separated. Other groups get one refusal."""

    timezone: str = "Asia/Jakarta"
    """Default time zone of a newly registered group (IANA name)."""

    language: Literal["id", "en"] = "id"
    """Default language of a newly registered group."""

    mode: Literal["polling", "webhook"] = "polling"

    webhook_url: str = ""
    """Public HTTPS address Telegram posts updates to (webhook mode)."""

    webhook_secret: SecretStr | None = None
    """Checked against ``X-Telegram-Bot-Api-Secret-Token`` on every webhook request."""

    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)

    admin_cache_seconds: int = Field(default=120, ge=0)
    """How long the list of a group's Telegram administrators is cached."""

    flood_per_second: int = Field(default=29, ge=1, le=30)
    """Messages (sent, edited, pinned) counted in any rolling second; Telegram allows 30. Each
    counts until a second after its answer, so network delays need no margin; the one message
    below 30 is for what the bot cannot see (Telegram's own counting)."""

    flood_per_group_minute: int = Field(default=19, ge=1, le=20)
    """Messages the bot lets out to one group in any rolling minute; Telegram allows 20."""

    log_level: str = "INFO"

    sandbox_port: int = Field(default=8080, ge=1, le=65535)
    """Port of the sandbox page on 127.0.0.1 (``rakor sandbox``; ``rakor run`` without a token)."""

    @field_validator("allowed_chats", mode="before")
    @classmethod
    def _split_chats(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(
                int(part) for part in value.replace(";", ",").split(",") if part.strip()
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as Asia/Jakarta"
            ) from exc
        return value

    @property
    def bot_api_url(self) -> str:
        """``base_url`` for python-telegram-bot (the token is appended to it)."""
        return f"{self.api_base_url.rstrip('/')}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.api_base_url.rstrip('/')}/file/bot"
