"""The pure text side of search: normalisation, stemming, query building, snippets."""

from __future__ import annotations

import pytest

from bot.domain.textsearch import (
    MAX_TERMS,
    EmptyQuery,
    Segment,
    analyse,
    build_query,
    normalise,
    query_terms,
    snippet,
    stem,
    words,
)
from storage.search import clause, fts_string


def term(word: str, root: str | None = None) -> str:
    """The clause the query builder produces for one word (``root``: its stem, if another)."""
    if root is None:
        return f'{{exact stems}} : "{word}"'
    return f'(exact : "{word}" OR stems : "{root}")'


EMPTY = EmptyQuery

# Hostile input → the exact MATCH expression, or EmptyQuery.
QUERIES: list[tuple[str, str | type[EmptyQuery]]] = [
    ("", EMPTY),
    ("   \n\t ", EMPTY),
    ('"', EMPTY),
    ('""""', EMPTY),
    ("*", EMPTY),
    ("-", EMPTY),
    ("^", EMPTY),
    ("()", EMPTY),
    ("😀🎉", EMPTY),
    ("\x00\x01", EMPTY),
    (
        "'; DROP TABLE search_docs; --",
        term("drop") + " AND " + term("table") + " AND " + term("search") + " AND " + term("docs"),
    ),  # fmt: skip
    ('"parkir', term("parkir")),
    ('parkir"', term("parkir")),
    ('"jalan merdeka"', term("jalan") + " AND " + term("merdeka")),
    ("parkir*", term("parkir")),
    ("-parkir", term("parkir")),
    ("parkir NOT liar", term("parkir") + " AND " + term("not") + " AND " + term("liar")),
    ("parkir AND", term("parkir")),  # `and` is a stopword, dropped beside a content word
    ("OR", 'exact : "or"'),
    ("AND OR NOT", term("not")),
    (
        "NEAR(parkir liar, 2)",
        term("near") + " AND " + term("parkir") + " AND " + term("liar") + " AND " + term("2"),
    ),  # fmt: skip
    ("exact:parkir", term("exact") + " AND " + term("parkir")),
    (
        "stems:tata grp:gn100",
        term("stems") + " AND " + term("tata") + " AND " + term("grp") + " AND " + term("gn100"),
    ),  # fmt: skip
    ("{exact stems}: x", term("exact") + " AND " + term("stems") + " AND " + term("x")),
    ("[parkir]", term("parkir")),
    ("^parkir", term("parkir")),
    ("parkir + liar", term("parkir") + " AND " + term("liar")),
    ("PARKIR Parkir parkir", term("parkir")),
    ("Pénataan PARKIR", term("penataan", "tata") + " AND " + term("parkir")),
    ("ｐａｒｋｉｒ", term("parkir")),  # fullwidth letters
    ("dinas_perhubungan", term("dinas") + " AND " + term("perhubungan", "hubung")),
    ("di yang dan", 'exact : "di" AND exact : "yang" AND exact : "dan"'),
    ("pengadaan", 'exact : "pengadaan"'),  # its stem `ada` is a stopword
    ("keputusan tentang parkir", term("keputusan", "putus") + " AND " + term("parkir")),
]


@pytest.mark.parametrize(("raw", "expected"), QUERIES)
def test_build_query(raw: str, expected: str | type[EmptyQuery]) -> None:
    if expected is EmptyQuery:
        with pytest.raises(EmptyQuery):
            build_query(raw)
    else:
        assert clause(build_query(raw).terms, "") == expected


def test_long_queries_are_capped() -> None:
    huge = " ".join(f"kata{i}" for i in range(3000))
    assert len(query_terms(huge)) == MAX_TERMS
    assert query_terms("a" * 10_000) == ()
    with pytest.raises(EmptyQuery):
        build_query("x" * 41)
    assert len(build_query("parkir " * 5000).terms) == 1


def test_fts_string_doubles_quotes() -> None:
    assert fts_string('a"b') == '"a""b"'
    assert fts_string("") == '""'


def test_normalise() -> None:
    assert normalise("Pénataan ÉKSPOR Straße") == "penataan ekspor strasse"
    assert words("Rp1.250.000,- (Dishub/Bapperida) #12") == [
        "rp1",
        "250",
        "000",
        "dishub",
        "bapperida",
        "12",
    ]


# query → (text that must match, text that must not match)
STEM_MATCHES: list[tuple[str, str, str]] = [
    ("penataan parkir", "Dishub menata lahan parkir di Jalan Merdeka", "Penataan pasar Senen"),
    ("keputusan", "Telah diputuskan bahwa rapat diundur", "Rapat ditunda sampai Senin"),
    ("perparkiran", "Retribusi parkir naik", "Retribusi pasar naik"),
    ("perizinan", "Izin usaha diproses 3 hari", "Usaha mikro dibina"),
    ("bantuan sosial", "Bansos dibantu oleh dinas sosial", "Dinas sosial rapat"),
    ("kepegawaian", "Data pegawai negeri", "Data penduduk"),
    ("anggaran", "Menganggarkan dana banjir", "Tanggal rapat banjir"),
    ("rapat-rapat", "Rapat koordinasi", "Rakor pekan depan"),
    ("Pengumuman", "Hasil seleksi diumumkan besok", "Hasil seleksi dikirim besok"),
]


def _matches(query: str, text: str) -> bool:
    """The FTS semantics in Python: every term matches an exact word or a stem of the text."""
    exact, stems = (set(column) for column in analyse(text))
    return all(
        t.exact in exact or (t.stem is not None and t.stem in stems)
        for t in build_query(query).terms
    )


@pytest.mark.parametrize(("query", "hit", "miss"), STEM_MATCHES)
def test_stem_matches(query: str, hit: str, miss: str) -> None:
    assert _matches(query, hit)
    assert not _matches(query, miss)


def test_stem_leaves_other_words_alone() -> None:
    assert stem("2025") == "2025"
    assert stem("covid19") == "covid19"
    assert stem("jakarta") == "jakarta"
    assert stem("x" * 100) == "x" * 100


def test_snippet_marks_matches_and_keeps_punctuation() -> None:
    terms = build_query("penataan parkir").terms
    parts = snippet("Rapat memutuskan: menata lahan parkir.\nDishub menindaklanjuti.", terms)
    assert parts == [
        Segment("Rapat memutuskan: ", False),
        Segment("menata", True),
        Segment(" lahan ", False),
        Segment("parkir", True),
        Segment(". Dishub menindaklanjuti.", False),
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [("(Penting) lampu jalan", "(Penting) "), ('"Lampu" jalan', '"'), ("<i>lampu</i> &", "<i>")],
)
def test_snippet_keeps_what_comes_before_the_first_word(text: str, first: str) -> None:
    parts = snippet(text, build_query("lampu").terms)
    assert parts[0] == Segment(first, False)
    assert "".join(part.text for part in parts) == text


def test_snippet_windows_around_first_match() -> None:
    text = " ".join(f"kata{i}" for i in range(100)) + " PARKIR " + "akhir " * 100
    parts = snippet(text, build_query("parkir").terms)
    assert parts[0].text.startswith("…kata90 ")
    assert Segment("PARKIR", True) in parts
    assert parts[-1].text.endswith("…")
    assert len("".join(p.text for p in parts).split()) == 30


def test_snippet_without_match_or_words() -> None:
    terms = build_query("parkir").terms
    assert snippet("Rapat pukul 9", terms) == [Segment("Rapat pukul 9", False)]
    assert snippet("🙏🙏", terms) == [Segment("🙏🙏", False)]
    assert snippet("", terms) == []
    long_word = "a" * 500
    [part] = snippet(long_word, terms)
    assert len(part.text) == 40
