"""Pure text functions behind ``/cari``: normalisation, Indonesian stemming, queries, snippets.

The same :func:`words` and :func:`stem` feed both the index (:func:`analyse`) and the query
(:func:`build_query`), so what a user types is compared with what was stored word for word.
How those words are laid out in the FTS5 index, and turned into a MATCH expression of quoted
tokens only (user input never reaches FTS5 as syntax), is the index's business:
``storage.search``.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1000
"""Only this many characters of a query are looked at (a pasted page must stay cheap)."""
MAX_TERMS = 16
MAX_TERM_LENGTH = 40
"""Longer "words" (hashes, URLs glued together) are dropped from queries and never stemmed."""
SNIPPET_WORDS = 30
_SNIPPET_WORD_CHARS = 40
_SNIPPET_GAP_CHARS = 12
_SPACES = re.compile(r"\s+")

# A word is a run of letters and digits (no underscore), the way FTS5's unicode61 sees it.
_WORD = re.compile(r"[^\W_]+")
_STEMMABLE = re.compile(r"[a-z]{3,}")

# Function words dropped from queries (unless the query has nothing else), Indonesian and
# English. A stem in this set is not used for matching either: Sastrawi reduces `pengadaan`
# to `ada`, and `ada` is in half of all records.
_STOPWORDS = """
    ada adalah agar akan apa atau bagaimana bahwa bisa dalam dan dari dengan dgn di dia
    hal ini itu jika juga kami kapan ke kita mana mengenai nya oleh pada para saja sama
    sbg sebagai sudah telah tentang soal tsb untuk utk yang yg
    a about an and are as at be by did do for from how in is it of on or the to was we
    what when where which who
"""
STOPWORDS = frozenset(_STOPWORDS.split())


class EmptyQuery(ValueError):
    """The query holds no searchable word (only punctuation, emoji, or nothing)."""


class Term(NamedTuple):
    """One query word: its normalised form and the stem it is also matched by."""

    exact: str
    stem: str | None  # None: match the exact word only


class Segment(NamedTuple):
    """A piece of a snippet; the renderer escapes ``text`` and bolds it when ``is_match``."""

    text: str
    is_match: bool


@dataclass(frozen=True, slots=True)
class Query:
    """A user's query as words to match: each by its exact form or by its stem (the index turns
    them into an FTS5 expression of quoted tokens: ``storage.search``)."""

    terms: tuple[Term, ...]


def normalise(text: str) -> str:
    """Compatibility-decompose, drop combining marks and casefold: `Pénataan` → `penataan`."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return _WORD.findall(normalise(text))


@functools.cache
def _stemmer() -> Stemmer:
    # The plain Stemmer, not the factory's CachedStemmer: that cache grows without bound,
    # ours below is an LRU.
    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Sastrawi stem of one normalised word; other scripts, digits and long words as is."""
    if len(word) > MAX_TERM_LENGTH or not _STEMMABLE.fullmatch(word):
        return word
    return _stemmer().stem_word(word) or word


def analyse(text: str) -> tuple[list[str], list[str]]:
    """A record's words as the index keeps them: the normalised words, and their stems."""
    found = words(text)
    return found, [stem(word) for word in found]


def query_terms(raw: str) -> tuple[Term, ...]:
    """The distinct searchable words of a user's query, at most :data:`MAX_TERMS`."""
    found = [w for w in words(raw[:MAX_QUERY_CHARS]) if len(w) <= MAX_TERM_LENGTH]
    content = [w for w in found if w not in STOPWORDS]
    terms: dict[str, Term] = {}
    for word in content or found:
        if word not in terms:
            root = stem(word)
            terms[word] = Term(word, None if root in STOPWORDS else root)
    return tuple(terms.values())[:MAX_TERMS]


def build_query(raw: str) -> Query:
    """Parse a user's query; all words must match, each by its exact form or by its stem."""
    terms = query_terms(raw)
    if not terms:
        raise EmptyQuery(raw[:50])
    return Query(terms)


def _word_matches(word: str, terms: tuple[Term, ...]) -> bool:
    for token in words(word):
        root = stem(token)
        if any(token == t.exact or (t.stem is not None and root == t.stem) for t in terms):
            return True
    return False


def _gap(text: str) -> str:
    """The text between two words, whitespace collapsed and kept short."""
    text = _SPACES.sub(" ", text)
    return text if len(text) <= _SNIPPET_GAP_CHARS else text[: _SNIPPET_GAP_CHARS - 1] + "…"


def _shorten(word: str) -> str:
    return word if len(word) <= _SNIPPET_WORD_CHARS else word[: _SNIPPET_WORD_CHARS - 1] + "…"


def snippet(text: str, terms: tuple[Term, ...], max_words: int = SNIPPET_WORDS) -> list[Segment]:
    """At most ``max_words`` words of ``text`` around its first match, matched words marked.

    Adjacent unmarked pieces are merged; ``…`` marks text cut at either end.
    """
    text = unicodedata.normalize("NFC", text)
    spans = [m.span() for m in _WORD.finditer(text)]
    if not spans:
        return [Segment(_gap(text.strip()), False)] if text.strip() else []
    marks = [_word_matches(text[a:b], terms) for a, b in spans]
    first = marks.index(True) if True in marks else 0
    start = max(0, min(first - max_words // 3, len(spans) - max_words))
    end = min(len(spans), start + max_words)
    segments: list[Segment] = []

    def add(piece: str, is_match: bool) -> None:
        if segments and not is_match and not segments[-1].is_match:
            segments[-1] = Segment(segments[-1].text + piece, False)
        elif piece:
            segments.append(Segment(piece, is_match))

    add("…" if start > 0 else "", False)
    cursor = spans[start][0] if start > 0 else 0  # keep what comes before the first word
    for (a, b), is_match in zip(spans[start:end], marks[start:end], strict=True):
        add(_gap(text[cursor:a]), False)
        add(_shorten(text[a:b]), is_match)
        cursor = b
    tail_end = spans[end][0] if end < len(spans) else len(text)
    add(_gap(text[cursor:tail_end]).rstrip(), False)
    if end < len(spans):
        add("…", False)
    return segments
