import html
import re

import pytest

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
        assert len(chunk) <= 4096
        assert balanced(chunk)
        assert not re.search(r"&[#a-z0-9]*$", chunk.rstrip("</>abiockqute"))
    assert visible(chunks).split() == html.unescape(TAGS.sub("", text)).split()


def test_cuts_at_line_breaks_when_possible() -> None:
    text = "\n".join(f"baris nomor {i:03d}" for i in range(600))
    for chunk in split_html(text, limit=500):
        assert chunk.endswith("\n") or chunk.endswith("599")
