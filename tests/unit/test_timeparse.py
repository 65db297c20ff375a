"""Table tests for ``bot.domain.timeparse``; ``now`` is Wednesday 2026-11-25 10:00 WIB.

The tables are in ``tests/unit/timeparse_phrases.py`` (``bench/timeparse.py`` times them).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from string import Formatter
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.timeparse import Rule, TimeParseError, When, parse_when
from bot.text.i18n import catalogs, t
from tests.unit.timeparse_phrases import (
    ENDS,
    JKT,
    NOW,
    ONE_OFF,
    RECURRING,
    REFUSALS,
    ZONED,
    jkt,
)


@pytest.mark.parametrize(("phrase", "at", "rest"), ONE_OFF)
def test_one_off(phrase: str, at: str, rest: str) -> None:
    when = parse_when(phrase, NOW)
    assert when.at.isoformat() == at
    assert when.rest == rest
    assert when.rule is None
    assert when.upcoming(3) == [when.at]
    assert when.zone == "Asia/Jakarta"
    assert not when.zone_named


@pytest.mark.parametrize(("phrase", "at", "end", "open_end", "rest"), ENDS)
def test_end_time(phrase: str, at: str, end: str | None, open_end: bool, rest: str) -> None:
    when = parse_when(phrase, NOW)
    assert when.at.isoformat() == at
    assert (when.end.isoformat() if when.end else None) == end
    assert when.open_end is open_end
    assert when.rest == rest


def test_a_day_alone_takes_the_callers_day_time() -> None:
    assert parse_when("besok", NOW, day_time=(23, 59)).at.isoformat() == jkt(11, 26, 23, 59)
    assert parse_when("Jumat 27/11", NOW, day_time=(23, 59)).at.isoformat() == jkt(11, 27, 23, 59)
    assert parse_when("besok pagi", NOW, day_time=(23, 59)).at.isoformat() == jkt(11, 26, 8)
    assert parse_when("besok jam 9", NOW, day_time=(23, 59)).at.isoformat() == jkt(11, 26, 9)


@pytest.mark.parametrize(
    ("phrase", "now", "key"),
    [
        ("sebulan lagi", datetime(2027, 1, 31, 9, tzinfo=JKT), "timeparse.bad_date"),
        ("nanti malam jam 11", datetime(2026, 11, 25, 23, 30, tzinfo=JKT), "timeparse.past"),
        ("akhir bulan jam 9", datetime(2026, 11, 30, 10, tzinfo=JKT), "timeparse.past"),
        ("tanggal 30 bulan depan", datetime(2027, 1, 30, 9, tzinfo=JKT), "timeparse.bad_date"),
    ],
)
def test_refused_at_another_moment(phrase: str, now: datetime, key: str) -> None:
    with pytest.raises(TimeParseError) as info:
        parse_when(phrase, now)
    assert info.value.key == key


def test_months_ahead_keep_the_day_of_the_month() -> None:
    now = datetime(2027, 1, 30, 9, tzinfo=JKT)
    assert parse_when("2 bulan lagi jam 9", now).at == datetime(2027, 3, 30, 9, tzinfo=JKT)
    assert parse_when("akhir bulan", now).at == datetime(2027, 1, 31, 8, tzinfo=JKT)
    assert parse_when("akhir bulan depan", now).at == datetime(2027, 2, 28, 8, tzinfo=JKT)


@pytest.mark.parametrize(
    ("phrase", "lang", "quoted", "example"),
    [
        ("besok 10 Rapat", "id", "<b>10 Rapat</b>", "Maksud Anda <code>besok jam 10.00</code>?"),
        ("besok jam 9 jam 10", "id", "<b>jam 10</b>", "<code>besok jam 09.00</code>"),
        ("bsk jam setengah 8 malam pagi", "id", "<b>pagi</b>", "<code>bsk jam 19.30</code>"),
        ("besok 3 laporan", "id", "<b>3 laporan</b>", "<code>besok jam 15.00</code>"),
        ("besok pagi 7 Apel", "id", "<b>7 Apel</b>", "<code>besok pagi jam 07.00</code>"),
        (
            "besok jam 8 kurang dikit",
            "id",
            "<b>kurang dikit</b>",
            "Tulis jamnya dengan angka, misalnya <code>besok jam 07.30</code>",
        ),
        (
            "tomorrow 10 Call",
            "en",
            "<b>10 Call</b>",
            "Did you mean <code>tomorrow at 10:00</code>?",
        ),
    ],
)
def test_a_time_left_in_the_text_is_quoted_with_the_closest_example(
    phrase: str, lang: str, quoted: str, example: str
) -> None:
    with pytest.raises(TimeParseError) as info:
        parse_when(phrase, NOW, lang=lang)
    assert quoted in str(info.value)
    assert example in str(info.value)


def test_relative_keeps_exact_moment() -> None:
    now = NOW + timedelta(seconds=17)
    assert parse_when("dalam 45 menit", now).at == now + timedelta(minutes=45)


@pytest.mark.parametrize(("phrase", "at"), ZONED)
def test_named_zone_overrides_group_zone(phrase: str, at: datetime) -> None:
    when = parse_when(phrase, NOW)
    assert when.at == at
    assert when.at.utcoffset() == at.utcoffset()
    assert when.zone == str(at.tzinfo)
    assert when.zone_named


def test_group_zone_used() -> None:
    when = parse_when("besok jam 9", NOW, tz="Asia/Makassar")
    assert when.at == datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    assert when.zone == "Asia/Makassar"
    assert not when.zone_named


@pytest.mark.parametrize(("phrase", "firings"), RECURRING)
def test_recurring(phrase: str, firings: list[str]) -> None:
    when = parse_when(phrase + " Apel pagi", NOW)
    assert [dt.isoformat() for dt in when.upcoming(3)] == firings
    assert when.rest == "Apel pagi"
    assert when.rule is not None


def test_cuti_bersama_and_christmas_skipped() -> None:
    now = datetime(2026, 12, 23, 9, tzinfo=JKT)
    when = parse_when("tiap hari kerja jam 8", now)
    # 24 Dec cuti bersama, 25 Dec Christmas, 26-27 weekend.
    assert [d.day for d in when.upcoming(3)] == [28, 29, 30]


@pytest.mark.parametrize(("phrase", "key"), REFUSALS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_refusals(phrase: str, key: str, lang: str) -> None:
    with pytest.raises(TimeParseError) as info:
        parse_when(phrase, NOW, lang=lang)
    error = info.value
    assert error.key == key
    message = str(error)
    assert ("Contoh:" if lang == "id" else "Example:") in message
    assert ("Example:" if lang == "id" else "Contoh:") not in message
    assert ("/ingatkan" if lang == "id" else "/remind") in message
    other = "en" if lang == "id" else "id"
    assert t(other, error.key, **error.params) != message


def test_weekday_mismatch_names_the_real_day() -> None:
    with pytest.raises(TimeParseError, match="Jumat"):
        parse_when("Kamis (27/11) jam 9", NOW)
    with pytest.raises(TimeParseError, match="Friday"):
        parse_when("Kamis (27/11) jam 9", NOW, lang="en")


def test_catalog_languages_match() -> None:
    texts = catalogs()
    ids = {k: v for k, v in texts["id"].items() if k.startswith("timeparse.")}
    ens = {k: v for k, v in texts["en"].items() if k.startswith("timeparse.")}
    assert ids.keys() == ens.keys()
    placeholders = Formatter()
    for key in ids:
        names_id = {f for _, f, _, _ in placeholders.parse(ids[key]) if f}
        names_en = {f for _, f, _, _ in placeholders.parse(ens[key]) if f}
        assert names_id == names_en, key


@pytest.mark.parametrize(("phrase", "_"), RECURRING)
def test_rule_json_round_trip(phrase: str, _: list[str]) -> None:
    when = parse_when(phrase, NOW)
    assert when.rule is not None
    rule = Rule.from_json(when.rule.to_json())
    assert rule == when.rule
    assert rule.next_after(when.at) == when.upcoming(2)[1]
    # The scheduler may pass UTC times.
    assert rule.next_after(when.at.astimezone(ZoneInfo("UTC"))) == when.upcoming(2)[1]


def test_next_after_after_downtime() -> None:
    rule = parse_when("tiap Senin jam 7.30", NOW).rule
    assert rule is not None
    later = datetime(2027, 1, 6, 12, tzinfo=JKT)
    assert rule.next_after(later) == datetime(2027, 1, 11, 7, 30, tzinfo=JKT)


def test_biweekly_keeps_its_weeks_after_round_trip() -> None:
    rule = parse_when("tiap 2 minggu hari Senin jam 9", NOW).rule
    assert rule is not None
    restored = Rule.from_json(rule.to_json())
    assert restored.next_after(datetime(2026, 12, 1, tzinfo=JKT)) == datetime(
        2026, 12, 14, 9, tzinfo=JKT
    )


def test_weekly_rule_keeps_wall_clock_across_dst() -> None:
    ams = ZoneInfo("Europe/Amsterdam")
    now = datetime(2026, 3, 20, 12, tzinfo=ams)
    when = parse_when("every Monday 7:30", now, tz="Europe/Amsterdam", lang="en")
    firings = when.upcoming(3)
    assert [(f.month, f.day, f.hour, f.minute) for f in firings] == [
        (3, 23, 7, 30),
        (3, 30, 7, 30),
        (4, 6, 7, 30),
    ]
    assert firings[0].utcoffset() == timedelta(hours=1)
    assert firings[1].utcoffset() == timedelta(hours=2)
    rule = Rule.from_json(when.rule.to_json())  # type: ignore[union-attr]
    assert rule.next_after(firings[0]) == firings[1]


def test_dst_gap_fires_an_hour_later() -> None:
    ams = ZoneInfo("Europe/Amsterdam")
    rule = Rule(kind="daily", hour=2, minute=30, zone="Europe/Amsterdam")
    at = rule.next_after(datetime(2026, 3, 29, 0, tzinfo=ams))
    assert at is not None
    assert (at.hour, at.minute, at.utcoffset()) == (3, 30, timedelta(hours=2))


def test_when_is_frozen() -> None:
    when = parse_when("besok jam 9", NOW)
    assert isinstance(when, When)
    with pytest.raises(AttributeError):
        when.rest = "x"  # type: ignore[misc]


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("besok jam 9", datetime(2026, 11, 25, 10))  # noqa: DTZ001


WORDS = [
    "besok",
    "lusa",
    "jam",
    "pukul",
    "pkl.",
    "9",
    "09.00",
    "7.30",
    "25",
    "24.30",
    "13:30",
    "Senin",
    "Minggu",
    "depan",
    "tiap",
    "setiap",
    "hari",
    "kerja",
    "tanggal",
    "31",
    "5/12",
    "2026",
    "Desember",
    "sore",
    "malam",
    "pagi",
    "siang",
    "WIB",
    "WITA",
    "lagi",
    "dalam",
    "menit",
    "2",
    "minggu",
    "every",
    "next",
    "at",
    "9am",
    "12am",
    "(26/11)",
    ",",
    "dan",
    "kemarin",
    "in",
    "hours",
    "tahun",
    "17",
    "Agustus",
    "Rapat",
    "0",
    "99",
    "-",
    "today",
]


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)))
def test_never_raises_anything_else(text: str) -> None:
    try:
        when = parse_when(text, NOW)
    except TimeParseError as error:
        assert str(error)
        return
    assert when.at.tzinfo is not None
    assert when.at.utcoffset() is not None
    assert when.at > NOW
    assert all(a < b for a, b in zip(when.upcoming(3), when.upcoming(3)[1:], strict=False))
    assert text.endswith(when.rest)


_NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
)
#: A time word at the start of a message, written independently of the parser's grammar.
TIME_AT_START = re.compile(
    r"(?i)(?:jam|jm|pukul|pkl|setengah|stgh|seperempat|kurang|lewat|lebih|pagi|siang|sore"
    r"|petang|malam|mlm|\d{1,2}[.:]\d{2}(?!\d)|at\s*\d"
    rf"|{_NUMBER}\s*(?:jam|jm|menit|mnt|hari|minggu|pekan|bulan|pagi|siang|sore|malam|[ap]m))"
    r"(?!\w)"
)
SAFETY_WORDS = [
    *("besok", "bsk", "lusa", "Senin", "Jumat", "tiap", "hari", "kerja", "nanti", "ini"),
    *("jam", "jm", "pukul", "pkl", "pkl.", "9", "09.00", "7.30", "13:30", "10", "3", "15"),
    *("setengah", "seperempat", "kurang", "lewat", "lebih", "menit", "sembilan", "dua"),
    *("delapan", "dua belas", "pagi", "siang", "sore", "malam", "mlm", "depan", "pekan"),
    *("minggu", "bulan", "tanggal", "1", "lagi", "s.d.", "selesai", "-", "WIB", "Rapat"),
    *("laporan", ",", "sampai", "at", "9am", "tomorrow"),
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(SAFETY_WORDS), min_size=1, max_size=7).map(" ".join))
def test_no_accepted_phrase_leaves_a_time_at_the_start_of_the_message(text: str) -> None:
    try:
        when = parse_when(text, NOW)
    except TimeParseError:
        return
    assert not TIME_AT_START.match(when.rest), (text, when.rest)


def test_a_refusal_carries_the_example_of_the_command_that_asked() -> None:
    with pytest.raises(TimeParseError) as info:
        parse_when("besok jam 25", NOW)
    assert info.value.render("id", "tasks.due_example").startswith("Jam <b>25</b> tidak ada")
    assert "/ingatkan" not in info.value.render("id", "tasks.due_example")
    assert "Contoh tenggat" in info.value.render("id", "tasks.due_example")
