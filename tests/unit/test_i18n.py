import string

import pytest

from bot.text.i18n import Safe, catalogs, escape, normalize_language, t

HOSTILE = [
    ("<b>", "&lt;b&gt;"),
    ("a & b", "a &amp; b"),
    ("</i><script>", "&lt;/i&gt;&lt;script&gt;"),
    ('"quoted"', "&quot;quoted&quot;"),
    ("&amp;", "&amp;amp;"),
    ("<a href='x'>", "&lt;a href=&#x27;x&#x27;&gt;"),
    ("{name}", "{name}"),
    ("plain", "plain"),
]


@pytest.mark.parametrize(("raw", "escaped"), HOSTILE)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_parameters_are_escaped_unless_safe() -> None:
    assert "&lt;b&gt;" in t("id", "units.added", code="<b>", name="x")
    assert "<i>x</i>" in t("id", "units.list_item", code="A", name="n", members=Safe("<i>x</i>"))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_languages_have_the_same_keys_and_placeholders() -> None:
    texts = catalogs()
    assert texts["id"].keys() == texts["en"].keys()
    for key, template in texts["id"].items():
        assert _fields(template) == _fields(texts["en"][key]), key


def test_help_lines_are_plain_text_for_the_command_menu() -> None:
    for lang, texts in catalogs().items():
        for key, text in texts.items():
            if (
                key.startswith("help.")
                and key.count(".") == 1
                and key
                not in {
                    "help.header",
                    "help.footer",
                    "help.hint",
                    "help.unknown",
                    "help.detail_header",
                }
            ):
                assert "<" not in text, (lang, key)
                assert "&" not in text, (lang, key)
                assert 3 <= len(text) <= 256, (lang, key)


@pytest.mark.parametrize(
    ("code", "lang"), [(None, "id"), ("id", "id"), ("en", "en"), ("en-US", "en"), ("fr", "id")]
)
def test_normalize_language(code: str | None, lang: str) -> None:
    assert normalize_language(code) == lang
