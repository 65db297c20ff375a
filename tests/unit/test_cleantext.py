"""Text cleaned at the door: NFC, no control characters, noncharacters or lone surrogates."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.cleantext import TooLong, clean, clean_with_entities, excerpt, utf16_len, within
from bot.telegram.inbox import cleaned


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Rapat pukul 09.00", "Rapat pukul 09.00"),
        ("baris satu\nbaris\tdua", "baris satu\nbaris\tdua"),
        ("a\x00b\x07c\x0bd\x1be\x7ff\x85g", "abcdefg"),
        ("Windows\r\nbaris", "Windows\nbaris"),
        ("akhir\ufffe\uffff\ufdd0\U0001fffe", "akhir"),
        ("setengah \ud83d rusak \udca9", "setengah  rusak "),
        ("Kafe\u0301", "Kafé"),  # NFC: one character, as typed on another phone
        ("🚦👨‍👩‍👧 ok\u200f", "🚦👨‍👩‍👧 ok\u200f"),  # emoji, joiners, direction marks stay
    ],
)
def test_clean(written: str, stored: str) -> None:
    assert clean(written) == stored


def test_clean_text_is_the_same_object() -> None:
    text = "Apel pagi 🚦"
    assert clean(text) is text


def test_entities_move_with_their_text() -> None:
    # "/umumkan" + BEL + " cek " + mention; the BEL goes and the mention moves left by one.
    text = "/umumkan\x07 cek @budi 🚦\x00 #agenda"
    entities = [
        {"type": "bot_command", "offset": 0, "length": 8},
        {"type": "mention", "offset": 14, "length": 5},
        {"type": "hashtag", "offset": 24, "length": 7},
    ]
    new_text, moved = clean_with_entities(text, entities)
    assert new_text == "/umumkan cek @budi 🚦 #agenda"
    found = [new_text_at(new_text, entity) for entity in moved]
    assert found == ["/umumkan", "@budi", "#agenda"]


def new_text_at(text: str, entity: dict) -> str:
    units = text.encode("utf-16-le")
    start, end = entity["offset"] * 2, (entity["offset"] + entity["length"]) * 2
    return units[start:end].decode("utf-16-le")


def test_an_entity_that_was_only_bad_characters_is_dropped() -> None:
    bold = {"type": "bold", "offset": 2, "length": 2}
    new_text, moved = clean_with_entities("a \x00\x01 b", [bold])
    assert (new_text, moved) == ("a  b", [])


def test_utf16_len_counts_as_telegram_does() -> None:
    assert [utf16_len(text) for text in ("abc", "🚦", "é", "\ud83d")] == [3, 2, 1, 1]


def test_an_update_is_cleaned_names_and_all() -> None:
    update = {
        "update_id": 1,
        "message": {
            "text": "/agenda Cek\x00 jalan",
            "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
            "from": {"id": 7, "first_name": "Budi\x1b[31m", "is_bot": False},
            "chat": {"id": -1, "type": "supergroup", "title": "Rakor\ufffe"},
            "reply_to_message": {"caption": "foto\x07", "caption_entities": []},
        },
    }
    result = cleaned(update)
    message = result["message"]
    assert message["text"] == "/agenda Cek jalan"
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 7}]
    assert message["from"]["first_name"] == "Budi[31m"
    assert message["chat"]["title"] == "Rakor"
    assert message["reply_to_message"]["caption"] == "foto"
    assert update["message"]["text"] == "/agenda Cek\x00 jalan"  # the original is untouched


def test_a_clean_update_is_passed_through_untouched() -> None:
    update = {"update_id": 1, "message": {"text": "/agenda Cek jalan", "entities": []}}
    assert cleaned(update) is update


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(["a", " ", "\n", "é", "📌", "🇮🇩"])).map("".join),
    limit=st.integers(2, 60),
)
def test_an_excerpt_fits_its_limit_in_utf16_code_units(text: str, limit: int) -> None:
    short = excerpt(text, limit)
    assert utf16_len(short) <= limit
    assert short == " ".join(text.split()) or short.endswith("…")


def test_within_measures_as_telegram_does() -> None:
    assert within("📌" * 5, 10) == "📌" * 5
    with pytest.raises(TooLong) as raised:
        within("📌" * 5 + "x", 10)
    assert (raised.value.length, raised.value.limit) == (11, 10)
