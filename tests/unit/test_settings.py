import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented_in_env_example() -> None:
    documented = set(re.findall(r"^(RAKOR_[A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    declared = {f"RAKOR_{name.upper()}" for name in Settings.model_fields}
    assert declared == documented


def test_contract_names_exist() -> None:
    for name in (
        "bot_token",
        "api_base_url",
        "database",
        "allowed_chats",
        "timezone",
        "language",
        "mode",
    ):
        assert name in Settings.model_fields


def test_allowed_chats_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKOR_ALLOWED_CHATS", "-1001234567890, -100987;")
    settings = Settings(_env_file=None)
    assert settings.allowed_chats == frozenset({-1001234567890, -100987})


def test_token_is_secret_and_urls_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKOR_BOT_TOKEN", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    monkeypatch.setenv("RAKOR_API_BASE_URL", "http://127.0.0.1:8081/")
    settings = Settings(_env_file=None)
    assert "ABCDEF" not in repr(settings)
    assert settings.bot_api_url == "http://127.0.0.1:8081/bot"
    assert settings.bot_file_url == "http://127.0.0.1:8081/file/bot"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("RAKOR_TIMEZONE", "Mars/Olympus"),
        ("RAKOR_LANGUAGE", "fr"),
        ("RAKOR_MODE", "carrier-pigeon"),
        ("RAKOR_FLOOD_PER_SECOND", "31"),  # above Telegram's own limit
        ("RAKOR_FLOOD_PER_GROUP_MINUTE", "0"),
    ],
)
def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)
