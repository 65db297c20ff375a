import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.cleantext import utf16_len
from bot.text.render import split_html

TAGS = re.compile(r"<(/?)([a-z-]+)[^>]*>")


def balanced(chunk: str) -> bool:
    stack: list[str] = []
    for closing, name in TAGS.findall(chunk):
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


def visible(chunks: list[str]) -> str:
    return html.unescape(TAGS.sub("", "".join(chunks)))


def test_short_text_is_one_chunk() -> None:
    assert split_html("<b>halo</b>") == ["<b>halo</b>"]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"<b>{i}</b> " + html.escape("<tag> & teks ") * 20 for i in range(300)),
        "<i>" + "kata " * 3000 + "</i>",
        "<b>" + "x" * 10000 + "</b>",
        html.escape("&<>" * 5000),
        "<blockquote>" + "\n".join("baris panjang " * 10 for _ in range(200)) + "</blockquote>",
    ],
)
def test_long_text_is_split_into_valid_chunks(text: str) -> None:
    chunks = split_html(text)
    assert len(chunks) > 1
    for chunk in chunks:
        assert utf16_len(chunk) <= 4096
        assert balanced(chunk)
        assert not re.search(r"&[#a-z0-9]*$", chunk.rstrip("</>abiockqute"))
    assert visible(chunks).split() == html.unescape(TAGS.sub("", text)).split()


def test_cuts_at_line_breaks_when_possible() -> None:
    text = "\n".join(f"baris nomor {i:03d}" for i in range(600))
    for chunk in split_html(text, limit=500):
        assert chunk.endswith("\n") or chunk.endswith("599")


def test_utf16_len_counts_astral_characters_twice() -> None:
    assert utf16_len("") == 0
    assert utf16_len("rapat") == 5
    assert utf16_len("é") == 1
    assert utf16_len("📌") == 2
    assert utf16_len("👍🏽") == 4


@pytest.mark.parametrize(
    "text",
    [
        "📌" * 3000,  # 3000 characters, 6000 UTF-16 code units, one "word"
        "<b>" + "📌 " * 1500 + "</b>",
        "baris " + "🇮🇩" * 2000 + " akhir",
    ],
)
def test_limit_is_counted_in_utf16_code_units(text: str) -> None:
    assert len(text) <= 6100
    chunks = split_html(text)
    assert len(chunks) > 1
    assert all(utf16_len(chunk) <= 4096 for chunk in chunks)
    assert "".join(visible(chunks).split()) == "".join(visible([text]).split())


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("<blockquote>" * 10 + "kata " * 200 + "</blockquote>" * 10, 200),
        ('<a href="https://contoh.go.id/' + "p" * 300 + '">tautan</a> ' + "kata " * 100, 200),
        ("<b><i><u>" + "📌" * 5000 + "</u></i></b>", 40),
    ],
)
def test_markup_that_leaves_no_room_is_dropped_rather_than_overflow(text: str, limit: int) -> None:
    chunks = split_html(text, limit=limit)
    assert all(utf16_len(chunk) <= limit and balanced(chunk) for chunk in chunks)
    assert "".join(visible(chunks).split()) == "".join(visible([text]).split())


def test_one_line_longer_than_the_limit_is_split() -> None:
    line = " ".join(f"kata{i}" for i in range(2000))
    chunks = split_html(f"<i>{line}</i>\nbaris kedua", limit=1000)
    assert len(chunks) > 5
    assert all(utf16_len(chunk) <= 1000 and balanced(chunk) for chunk in chunks)
    assert visible(chunks).split() == [*line.split(), "baris", "kedua"]


_WORDS = st.sampled_from(
    ["kata ", "panjang", "\n", " ", "📌", "é", "&amp;", "&lt;", "x" * 300, "🇮🇩" * 150]
)
_TAGGED = st.sampled_from(
    [
        ("<b>", "</b>"),
        ("<i>", "</i>"),
        ("<u>", "</u>"),
        ("<code>", "</code>"),
        ("<blockquote>", "</blockquote>"),
        ('<a href="https://contoh.go.id/' + "p" * 1000 + '">', "</a>"),  # longer than a chunk
    ]
)


def _wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(_TAGGED, st.lists(inner, min_size=1, max_size=30)).map(
        lambda tag_parts: tag_parts[0][0] + "".join(tag_parts[1]) + tag_parts[0][1]
    )


_HTML = st.lists(st.recursive(_WORDS, _wrapped, max_leaves=60), max_size=20).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_HTML, limit=st.integers(min_value=40, max_value=900))
def test_every_chunk_fits_and_is_balanced(text: str, limit: int) -> None:
    chunks = split_html(text, limit=limit)
    for chunk in chunks:
        assert utf16_len(chunk) <= limit
        assert balanced(chunk)
    # a chunk of only white space is left out, and a long word may be cut: compare the letters
    assert "".join(visible(chunks).split()) == "".join(visible([text]).split())
