"""How meetings read in the chat: the meeting card with its RSVP count, lists and reminders.

Pure functions of stored values and a language/zone; every text comes from the catalogs.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.domain.cleantext import utf16_len
from bot.domain.timewords import clock, format_when, from_epoch, zone_label
from bot.text.i18n import Safe, escape, mention, t
from bot.text.render import MESSAGE_LIMIT, largest_fitting
from storage.agenda import AgendaItem
from storage.meetings import Meeting
from storage.rsvps import ANSWERS, Rsvp, UnitAttendance, counts

SILENT_SHOWN = 8
"""Units without an answer named on the card; the rest are counted (a card stays short)."""
NAMES_SHOWN = 3
"""Names shown per answer of a unit; the rest are counted (``+2 lainnya``)."""


def when_text(meeting: Meeting, tz: str, lang: str) -> str:
    """``Kamis, 26 November 2026 pukul 09.00 WIB s.d. 11.00`` in the group's zone, with the
    zone the meeting was set in added when it differs."""
    start = format_when(from_epoch(meeting.starts_at), tz, lang, also_zone=meeting.zone)
    end = from_epoch(meeting.ends_at).astimezone(ZoneInfo(tz))
    return t(lang, "meetings.until", start=start, end=clock(end.hour, end.minute, lang))


def counts_text(answers: list[Rsvp], lang: str) -> str:
    """``Hadir 3 · Tidak hadir 1 · Diwakilkan 1`` (people)."""
    tally = counts(answers)
    return " · ".join(
        f"{t(lang, f'meetings.answer.{answer}')} {tally[answer]}" for answer in ANSWERS
    )


def attendance_lines(
    attendance: list[UnitAttendance],
    answers: list[Rsvp],
    lang: str,
    *,
    names: bool = True,
    units_shown: int | None = None,
    silent: bool = True,
) -> list[str]:
    """One line per unit that answered, one for people without a unit, one for the silent
    (unless ``silent`` is False: a reminder names them with their members).

    Each answer of a unit names at most :data:`NAMES_SHOWN` people; ``names=False`` gives
    counts only (``Hadir 5 · Diwakilkan 1``), for a card that would not fit otherwise, and
    ``units_shown`` keeps only that many unit lines, counting the others on one line.
    """
    lines = [
        t(
            lang,
            "meetings.unit_line",
            unit=unit.code,
            answers=Safe(_by_answer(list(unit.answers), lang, names=names)),
        )
        for unit in attendance
        if unit.answers
    ]
    if units_shown is not None and len(lines) > units_shown:
        more = len(lines) - units_shown
        lines = [*lines[:units_shown], t(lang, "meetings.more_units", more=more)]
    loose = [rsvp for rsvp in answers if rsvp.unit_id is None]
    if loose:
        lines.append(
            t(lang, "meetings.no_unit_line", answers=Safe(_by_answer(loose, lang, names=names)))
        )
    codes = [unit.code for unit in attendance if not unit.answers] if silent else []
    if len(codes) > SILENT_SHOWN:
        shown = ", ".join(codes[:SILENT_SHOWN])
        lines.append(
            t(lang, "meetings.silent_units_more", units=shown, more=len(codes) - SILENT_SHOWN)
        )
    elif codes:
        lines.append(t(lang, "meetings.silent_units", units=", ".join(codes)))
    return lines


def _by_answer(answers: list[Rsvp], lang: str, *, names: bool = True) -> str:
    parts = []
    for answer in ANSWERS:
        people = [rsvp.full_name for rsvp in answers if rsvp.answer == answer]
        if not people:
            continue
        label = t(lang, f"meetings.answer.{answer}")
        if not names:
            parts.append(t(lang, "meetings.answer_count", answer=label, count=len(people)))
            continue
        shown = ", ".join(people[:NAMES_SHOWN])
        if len(people) > NAMES_SHOWN:
            shown = t(lang, "meetings.names_more", names=shown, more=len(people) - NAMES_SHOWN)
        else:
            shown = escape(shown)
        parts.append(t(lang, "meetings.answer_names", answer=label, names=Safe(shown)))
    return "; ".join(parts)


def _fitted(
    head: list[str],
    attendance: list[UnitAttendance],
    answers: list[Rsvp],
    tail: list[str],
    lang: str,
) -> str:
    """``head``, the attendance and ``tail`` in one message Telegram accepts (4096 characters).

    The attendance names people when that fits, else gives counts per unit; when even that is
    too long, only the first units that fit are listed and the others counted.
    """

    def joined(lines: list[str]) -> str:
        return "\n".join(head + lines + tail)

    for names in (True, False):
        text = joined(attendance_lines(attendance, answers, lang, names=names))
        if utf16_len(text) <= MESSAGE_LIMIT:
            return text

    def listing(shown: int) -> str:
        return joined(attendance_lines(attendance, answers, lang, names=False, units_shown=shown))

    shown = largest_fitting(listing, sum(1 for unit in attendance if unit.answers))
    return listing(shown) if shown >= 0 else joined([])


def card(
    meeting: Meeting,
    answers: list[Rsvp],
    attendance: list[UnitAttendance],
    *,
    tz: str,
    lang: str,
) -> str:
    """The meeting's post: what, when, where, who chairs (and takes the minutes), and the
    answers so far; once closed, when it ended."""
    lines = head(meeting, tz, lang)
    lines += ["", t(lang, "meetings.card_counts", counts=counts_text(answers, lang))]
    tail = [] if meeting.cancelled or meeting.closed else ["", t(lang, "meetings.card_footer")]
    return _fitted(lines, attendance, answers, tail, lang)


def head(meeting: Meeting, tz: str, lang: str) -> list[str]:
    """What, when, where, who chairs, the notulis once named, and when it ended."""
    lines = [t(lang, "meetings.card_cancelled")] if meeting.cancelled else []
    lines += [
        t(lang, "meetings.card_title", number=meeting.number, title=meeting.title),
        t(lang, "meetings.card_when", when=when_text(meeting, tz, lang)),
        t(lang, "meetings.card_place", place=meeting.place),
        t(lang, "meetings.card_chair", chair=meeting.chair_name),
    ]
    if meeting.notetaker_name:
        lines.append(t(lang, "meetings.card_notetaker", name=meeting.notetaker_name))
    if meeting.closed_at is not None:
        lines.append(t(lang, "meetings.card_closed", **local_time(meeting.closed_at, tz, lang)))
    return lines


def local_time(at: int, tz: str, lang: str) -> dict[str, str]:
    """``time`` (``11.20``) and ``zone`` (``WIB``) of an instant in the group's zone."""
    local = from_epoch(at).astimezone(ZoneInfo(tz))
    return {"time": clock(local.hour, local.minute, lang), "zone": zone_label(tz)}


def agenda_lines(items: list[AgendaItem], lang: str) -> list[str]:
    """The agenda in order: ``1. text — DISHUB (Agenda #4, lanjutan dari Rapat #1)``."""
    lines = []
    for index, item in enumerate(items, 1):
        notes = [t(lang, "agenda.item_number", number=item.number)]
        if item.carried_from_meeting is not None:
            notes.append(t(lang, "agenda.carried_from", meeting=item.carried_from_meeting))
        if item.status == "carried":
            notes.append(
                t(lang, "agenda.carried_to", meeting=item.carried_to_meeting)
                if item.carried_to_meeting is not None
                else t(lang, "agenda.carried_to_next")
            )
        lines.append(
            t(
                lang,
                "agenda.line",
                index=index,
                text=item.text,
                who=item.unit_code or item.author_name,
                notes=", ".join(notes),
            )
        )
    return lines


def reminder(
    meeting: Meeting,
    items: list[AgendaItem],
    answers: list[Rsvp],
    attendance: list[UnitAttendance],
    *,
    day_before: bool,
    late_since: int | None,
    tz: str,
    lang: str,
    silent: Sequence[tuple[str, Sequence[tuple[int, str]]]] = (),
) -> str:
    """A meeting reminder: when and where, the agenda and the RSVP count so far; ``silent``
    (the day before): the units that have not answered, each with its members mentioned."""
    lines = [
        t(
            lang,
            "meetings.reminder_day_before" if day_before else "meetings.reminder_soon",
            number=meeting.number,
            title=meeting.title,
        ),
        t(lang, "meetings.card_when", when=when_text(meeting, tz, lang)),
        t(lang, "meetings.card_place", place=meeting.place),
        "",
    ]
    if items:
        lines.append(t(lang, "agenda.header_short"))
        lines += agenda_lines(items, lang)
    else:
        lines.append(t(lang, "agenda.none_yet"))
    lines += ["", t(lang, "meetings.card_counts", counts=counts_text(answers, lang))]
    lines += attendance_lines(attendance, answers, lang, silent=not silent)
    if silent:
        lines += ["", t(lang, "meetings.reminder_silent", count=len(silent), number=meeting.number)]
        lines += [
            t(
                lang,
                "meetings.reminder_silent_unit",
                unit=code,
                members=Safe(
                    ", ".join(mention(*member) for member in members)
                    or t(lang, "meetings.reminder_no_members")
                ),
            )
            for code, members in silent
        ]
    if late_since is not None:
        lines.append(
            t(lang, "meetings.reminder_late", when=format_when(from_epoch(late_since), tz, lang))
        )
    return "\n".join(lines)


def list_item(
    meeting: Meeting, answers: list[Rsvp], agenda_count: int, *, tz: str, lang: str
) -> str:
    return t(
        lang,
        "meetings.list_item",
        number=meeting.number,
        title=meeting.title,
        when=when_text(meeting, tz, lang),
        place=meeting.place,
        counts=counts_text(answers, lang),
        agenda=agenda_count,
    )
