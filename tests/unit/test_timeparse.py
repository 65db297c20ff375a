"""Table tests for ``bot.domain.timeparse``; ``now`` is Wednesday 2026-11-25 10:00 WIB."""

from __future__ import annotations

from datetime import datetime, timedelta
from string import Formatter
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.timeparse import Rule, TimeParseError, When, parse_when
from bot.text.i18n import catalogs, t

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=JKT)


def jkt(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> str:
    return datetime(year, month, day, hour, minute, tzinfo=JKT).isoformat()


# phrase -> (first firing as ISO in the phrase's zone, rest)
ONE_OFF = [
    ("besok jam 9 Rapat Pokja Aset", jkt(11, 26, 9), "Rapat Pokja Aset"),
    ("besok pukul 09.00", jkt(11, 26, 9), ""),
    ("Besok Jam 9 RAPAT besar", jkt(11, 26, 9), "RAPAT besar"),
    ("lusa pukul 14.30", jkt(11, 27, 14, 30), ""),
    ("hari ini jam 15.00", jkt(11, 25, 15), ""),
    ("hari ini pukul 10.01 cek", jkt(11, 25, 10, 1), "cek"),
    ("jam 4 sore", jkt(11, 25, 16), ""),
    ("jam 7 malam", jkt(11, 25, 19), ""),
    ("jam 7.30 malam Makan", jkt(11, 25, 19, 30), "Makan"),
    ("jam 1 siang", jkt(11, 25, 13), ""),
    ("jam 11 siang", jkt(11, 25, 11), ""),
    ("jam 3 siang", jkt(11, 25, 15), ""),
    ("jam 6 petang", jkt(11, 25, 18), ""),
    ("jam 5 pagi", jkt(11, 26, 5), ""),
    ("pukul 05.00 Subuh", jkt(11, 26, 5), "Subuh"),
    ("pukul 00.00", jkt(11, 26, 0), ""),
    ("jam 10", jkt(11, 26, 10), ""),
    ("jam 10.01", jkt(11, 25, 10, 1), ""),
    ("jam 9 besok Rapat", jkt(11, 26, 9), "Rapat"),
    ("2 jam lagi", jkt(11, 25, 12), ""),
    ("30 menit lagi Cek surat", jkt(11, 25, 10, 30), "Cek surat"),
    ("dalam 45 menit", jkt(11, 25, 10, 45), ""),
    ("setengah jam lagi", jkt(11, 25, 10, 30), ""),
    ("1 jam 30 menit lagi", jkt(11, 25, 11, 30), ""),
    ("3 hari lagi jam 9", jkt(11, 28, 9), ""),
    ("2 hari lagi", jkt(11, 27, 8), ""),
    ("Senin jam 7.30", jkt(11, 30, 7, 30), ""),
    ("Senin depan pukul 08.00", jkt(11, 30, 8), ""),
    ("Kamis depan jam 9", jkt(12, 3, 9), ""),
    ("Rabu jam 9", jkt(12, 2, 9), ""),
    ("Rabu jam 11", jkt(11, 25, 11), ""),
    ("hari Minggu depan jam 8", jkt(12, 6, 8), ""),
    ("Minggu jam 8", jkt(11, 29, 8), ""),
    ("Jumat 13.30", jkt(11, 27, 13, 30), ""),
    ("Jum'at 13.30", jkt(11, 27, 13, 30), ""),
    ("Kamis (26/11) pukul 09.00", jkt(11, 26, 9), ""),
    ("Kamis (26/11) pukul 09.00 Rapat", jkt(11, 26, 9), "Rapat"),
    ("Senin, 30 November", jkt(11, 30, 8), ""),
    ("Senin, 30 November jam 13.00 Apel", jkt(11, 30, 13), "Apel"),
    ("tanggal 5 Desember pukul 10.00", jkt(12, 5, 10), ""),
    ("tgl. 5 Desember pkl. 10.00", jkt(12, 5, 10), ""),
    ("5 Des jam 10.00", jkt(12, 5, 10), ""),
    ("5 Des. jam 10.00", jkt(12, 5, 10), ""),
    ("5/12 10:00", jkt(12, 5, 10), ""),
    ("5/12/2026 jam 9", jkt(12, 5, 9), ""),
    ("5-12-2026 jam 9", jkt(12, 5, 9), ""),
    ("5/12/26 jam 9", jkt(12, 5, 9), ""),
    ("2026-12-05 10:00", jkt(12, 5, 10), ""),
    ("1 Desember 2026 jam 8 apel", jkt(12, 1, 8), "apel"),
    ("Selasa 1 Desember 2026 jam 8", jkt(12, 1, 8), ""),
    ("tanggal 5 jam 9", jkt(12, 5, 9), ""),
    ("5 Januari", jkt(1, 5, 8, year=2027), ""),
    ("25 November jam 11", jkt(11, 25, 11), ""),
    ("pkl. 10.00 rapat", jkt(11, 26, 10), "rapat"),
    ("besok pagi Apel", jkt(11, 26, 8), "Apel"),
    ("besok 9 pagi", jkt(11, 26, 9), ""),
    ("besok jam 9: Rapat", jkt(11, 26, 9), "Rapat"),
    ("besok jam 9 - Rapat", jkt(11, 26, 9), "Rapat"),
    ("besok\xa0jam 9 Rapat", jkt(11, 26, 9), "Rapat"),
    ("Jumat, 27/11/2026 pukul 13.30: Rapat", jkt(11, 27, 13, 30), "Rapat"),
    ("tomorrow 9am", jkt(11, 26, 9), ""),
    ("tomorrow at 9:30 pm Call", jkt(11, 26, 21, 30), "Call"),
    ("in 2 hours", jkt(11, 25, 12), ""),
    ("in an hour", jkt(11, 25, 11), ""),
    ("next Monday 8:00", jkt(11, 30, 8), ""),
    ("at 9", jkt(11, 26, 9), ""),
    ("today 3pm", jkt(11, 25, 15), ""),
    ("12pm", jkt(11, 25, 12), ""),
    ("on 5 December at 10:00", jkt(12, 5, 10), ""),
    ("December 5 at 10:00", jkt(12, 5, 10), ""),
    ("the day after tomorrow at 14:00", jkt(11, 27, 14), ""),
]

ZONED = [
    ("jam 09.00 WIB", datetime(2026, 11, 26, 9, 0, tzinfo=JKT)),
    ("Senin pukul 07.30 WITA", datetime(2026, 11, 30, 7, 30, tzinfo=ZoneInfo("Asia/Makassar"))),
    ("besok jam 9 WIT Rapat", datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Jayapura"))),
    # 10.00 WITA has passed (it is 11.00 WITA), 12.00 WITA has not.
    ("jam 10 WITA", datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Asia/Makassar"))),
    ("jam 12 WITA", datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Asia/Makassar"))),
]

# phrase -> first three firings (ISO, Asia/Jakarta)
RECURRING = [
    ("tiap Senin jam 7.30", [jkt(11, 30, 7, 30), jkt(12, 7, 7, 30), jkt(12, 14, 7, 30)]),
    ("setiap hari jam 8", [jkt(11, 26, 8), jkt(11, 27, 8), jkt(11, 28, 8)]),
    ("tiap hari jam 11", [jkt(11, 25, 11), jkt(11, 26, 11), jkt(11, 27, 11)]),
    ("tiap hari kerja jam 7.30", [jkt(11, 26, 7, 30), jkt(11, 27, 7, 30), jkt(11, 30, 7, 30)]),
    ("setiap tanggal 1 jam 9", [jkt(12, 1, 9), jkt(1, 1, 9, year=2027), jkt(2, 1, 9, year=2027)]),
    ("setiap Senin dan Kamis jam 8", [jkt(11, 26, 8), jkt(11, 30, 8), jkt(12, 3, 8)]),
    ("setiap Senin, Rabu, dan Jumat jam 8", [jkt(11, 27, 8), jkt(11, 30, 8), jkt(12, 2, 8)]),
    ("tiap 2 minggu hari Senin jam 9", [jkt(11, 30, 9), jkt(12, 14, 9), jkt(12, 28, 9)]),
    ("tiap minggu hari Jumat jam 9", [jkt(11, 27, 9), jkt(12, 4, 9), jkt(12, 11, 9)]),
    ("tiap Minggu jam 8", [jkt(11, 29, 8), jkt(12, 6, 8), jkt(12, 13, 8)]),
    (
        "tiap tahun 17 Agustus jam 7",
        [jkt(8, 17, 7, year=2027), jkt(8, 17, 7, year=2028), jkt(8, 17, 7, year=2029)],
    ),
    ("setiap 17 Agustus", [jkt(8, 17, 8, year=y) for y in (2027, 2028, 2029)]),
    ("every Monday 7:30", [jkt(11, 30, 7, 30), jkt(12, 7, 7, 30), jkt(12, 14, 7, 30)]),
    ("every weekday 7:30", [jkt(11, 26, 7, 30), jkt(11, 27, 7, 30), jkt(11, 30, 7, 30)]),
    ("every day at 8", [jkt(11, 26, 8), jkt(11, 27, 8), jkt(11, 28, 8)]),
    ("every 2 weeks on Monday 9:00", [jkt(11, 30, 9), jkt(12, 14, 9), jkt(12, 28, 9)]),
    (
        "every month on the 15th at 9",
        [jkt(12, 15, 9), jkt(1, 15, 9, 0, 2027), jkt(2, 15, 9, 0, 2027)],
    ),
    ("every year on 17 August at 7", [jkt(8, 17, 7, year=y) for y in (2027, 2028, 2029)]),
    # Months without a 31st are skipped.
    ("setiap tanggal 31", [jkt(12, 31, 8), jkt(1, 31, 8, year=2027), jkt(3, 31, 8, year=2027)]),
    # 24-26 December 2026: cuti bersama, Christmas, Saturday.
    ("tiap hari kerja jam 8", [jkt(11, 26, 8), jkt(11, 27, 8), jkt(11, 30, 8)]),
]

REFUSALS = [
    ("besok jam 25", "timeparse.bad_hour"),
    ("pukul 24.30", "timeparse.bad_hour"),
    ("jam 9.75", "timeparse.bad_hour"),
    ("tanggal 31 November", "timeparse.bad_date"),
    ("31/11/2026", "timeparse.bad_date"),
    ("tiap tahun 31 November", "timeparse.bad_date"),
    ("tanggal 32 jam 9", "timeparse.bad_day_of_month"),
    ("setiap tanggal 32", "timeparse.bad_day_of_month"),
    ("kemarin jam 9", "timeparse.past"),
    ("yesterday at 9", "timeparse.past"),
    ("hari ini jam 9", "timeparse.past"),
    ("hari ini", "timeparse.past"),
    ("5/12/2025 jam 9", "timeparse.past"),
    ("0 menit lagi", "timeparse.past"),
    ("Kamis (27/11)", "timeparse.weekday_mismatch"),
    ("Senin, 1 Desember 2026", "timeparse.weekday_mismatch"),
    ("besok (Jumat) jam 9", "timeparse.weekday_mismatch"),
    ("20 November", "timeparse.date_passed"),
    ("jam 3 Rapat", "timeparse.ambiguous_hour"),
    ("besok jam 4.30", "timeparse.ambiguous_hour"),
    ("at 3", "timeparse.ambiguous_hour"),
    ("jam 12 malam", "timeparse.midnight"),
    ("12am", "timeparse.midnight"),
    ("jam 3 malam", "timeparse.bad_period"),
    ("jam 15 pagi", "timeparse.bad_period"),
    ("jam 9 sore", "timeparse.bad_period"),
    ("besok sore", "timeparse.period_without_hour"),
    ("Minggu depan", "timeparse.ambiguous_week"),
    ("besok Rapat jam 9", "timeparse.time_later"),
    ("tiap Senin Rapat pukul 08.00", "timeparse.time_later"),
    ("1/1/2099 jam 9", "timeparse.too_far"),
    ("99999 hari lagi", "timeparse.too_far"),
    ("Rapat besok jam 9", "timeparse.no_time"),
    ("", "timeparse.no_time"),
    ("halo semua", "timeparse.no_time"),
    ("tiap", "timeparse.no_time"),
    ("tiap 2 minggu", "timeparse.no_time"),
    ("WIB", "timeparse.no_time"),
]


@pytest.mark.parametrize(("phrase", "at", "rest"), ONE_OFF)
def test_one_off(phrase: str, at: str, rest: str) -> None:
    when = parse_when(phrase, NOW)
    assert when.at.isoformat() == at
    assert when.rest == rest
    assert when.rule is None
    assert when.upcoming(3) == [when.at]
    assert when.zone == "Asia/Jakarta"
    assert not when.zone_named


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


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)))
def test_never_raises_anything_else(text: str) -> None:
    try:
        when = parse_when(text, NOW)
    except TimeParseError as error:
        assert str(error)
        return
    assert when.at.tzinfo is not None and when.at.utcoffset() is not None
    assert when.at > NOW
    assert all(a < b for a, b in zip(when.upcoming(3), when.upcoming(3)[1:], strict=False))
    assert text.endswith(when.rest)


def test_a_refusal_carries_the_example_of_the_command_that_asked() -> None:
    with pytest.raises(TimeParseError) as info:
        parse_when("besok jam 25", NOW)
    assert info.value.render("id", "tasks.due_example").startswith("Jam <b>25</b> tidak ada")
    assert "/ingatkan" not in info.value.render("id", "tasks.due_example")
    assert "Contoh tenggat" in info.value.render("id", "tasks.due_example")
