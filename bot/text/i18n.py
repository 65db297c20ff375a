"""Message catalogs: every word a user sees, in Bahasa Indonesia (default) and English.

Each feature keeps its texts in ``bot/catalog/<feature>.py`` as two dicts, ``ID`` and ``EN``,
keyed by meaning (``reminder.confirmed``). Texts are HTML (Telegram's HTML parse mode) with
``str.format`` placeholders. :func:`t` escapes every parameter unless it is wrapped in
:class:`Safe`, so user text cannot inject markup by accident.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
from functools import cache
from typing import Final

from bot.domain.cleantext import TooLong
from bot.text import catalog

LANGUAGES: Final = ("id", "en")
DEFAULT_LANGUAGE: Final = "id"


class Safe(str):
    """A string that is already valid Telegram HTML and must not be escaped again."""

    __slots__ = ()


def escape(text: object) -> str:
    """Escape any value for Telegram's HTML parse mode (``<``, ``>``, ``&`` and quotes)."""
    return html.escape(str(text), quote=True)


def mention(user_id: int, name: str) -> Safe:
    """A link that mentions (and notifies) a person, with their name escaped."""
    return Safe(f'<a href="tg://user?id={int(user_id)}">{escape(name)}</a>')


@cache
def catalogs() -> dict[str, dict[str, str]]:
    """All texts per language, merged from the feature modules in ``bot/catalog``."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(catalog.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{catalog.__name__}.{info.name}")
        for lang in LANGUAGES:
            texts: dict[str, str] = getattr(module, lang.upper())
            clash = merged[lang].keys() & texts.keys()
            if clash:
                raise RuntimeError(f"catalog keys defined twice: {sorted(clash)}")
            merged[lang].update(texts)
    return merged


def normalize_language(code: str | None) -> str:
    """Map a Telegram ``language_code`` or a setting to one of :data:`LANGUAGES`."""
    if code and code.lower().split("-")[0] == "en":
        return "en"
    return DEFAULT_LANGUAGE


def t(lang: str, key: str, /, **params: object) -> str:
    """The text ``key`` in ``lang`` with ``params`` filled in, each escaped unless :class:`Safe`."""
    texts = catalogs()[lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    template = texts[key]
    if not params:
        return template
    safe = {k: v if isinstance(v, Safe) else escape(v) for k, v in params.items()}
    return template.format(**safe)


def number(value: int, lang: str) -> str:
    """``1.000`` in Indonesian, ``1,000`` in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang != "en" else grouped


def too_long(lang: str, key: str, exc: TooLong) -> str:
    """The refusal ``key`` of a text over its limit, with ``{length}`` and ``{limit}``."""
    return t(lang, key, length=number(exc.length, lang), limit=number(exc.limit, lang))
