"""How attendance taken in the room reads: the daftar hadir post, edited in place as units are
recorded present, and the same lines in ``/rapat N``."""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.room import UnitRecord
from bot.text.i18n import Safe, escape, t
from bot.text.meeting_text import NAMES_SHOWN, local_time, when_text
from bot.text.render import MESSAGE_LIMIT, largest_fitting, utf16_len
from storage.firings import FIRING_PLACEHOLDER, Button, Outgoing
from storage.meetings import Meeting

CALLBACK_PREFIX = "mtg:a:"
"""``mtg:a:<firing id>``: *Hadir di rapat* on the daftar hadir post that firing became."""


def present_line(unit: UnitRecord, tz: str, lang: str, *, names: bool = True) -> str:
    """``• DISHUB — Budi Santoso, Rina (09.02)``; without ``names`` only the unit and time."""
    who = ""
    if names and unit.people:
        shown = ", ".join(unit.people[:NAMES_SHOWN])
        more = len(unit.people) - NAMES_SHOWN
        who = t(lang, "meetings.names_more", names=shown, more=more) if more > 0 else escape(shown)
    elif names and unit.marked_by:
        who = t(lang, "attendance.marked_by", name=unit.marked_by)
    return t(
        lang,
        "attendance.present_line",
        unit=unit.code,
        who=Safe(t(lang, "attendance.who", who=Safe(who)) if who else ""),
        time=local_time(unit.since, tz, lang)["time"] if unit.since is not None else "",
        represented=Safe(t(lang, "attendance.represented") if unit.status == "wakil" else ""),
    )


def attendance_lines(
    records: Sequence[UnitRecord],
    tz: str,
    lang: str,
    *,
    names: bool = True,
    present_shown: int | None = None,
    missing_shown: int | None = None,
) -> list[str]:
    """The count, one line per unit present, and the units not recorded yet (``*_shown``: only
    that many, the others counted)."""
    present = [unit for unit in records if unit.present]
    missing = [unit.code for unit in records if not unit.present]
    lines = [t(lang, "attendance.count", present=len(present), total=len(records))]
    shown = present if present_shown is None else present[:present_shown]
    lines += [present_line(unit, tz, lang, names=names) for unit in shown]
    if len(shown) < len(present):
        lines.append(t(lang, "attendance.more_present", more=len(present) - len(shown)))
    listed = missing if missing_shown is None else missing[:missing_shown]
    if listed and len(listed) < len(missing):
        lines.append(
            t(
                lang,
                "attendance.missing_more",
                units=", ".join(listed),
                more=len(missing) - len(listed),
            )
        )
    elif listed:
        lines.append(t(lang, "attendance.missing", units=", ".join(listed)))
    elif missing:
        lines.append(t(lang, "attendance.missing_count", count=len(missing)))
    return lines


def fitted(
    head: list[str], records: Sequence[UnitRecord], tail: list[str], tz: str, lang: str
) -> str:
    """``head``, the attendance and ``tail`` in one message Telegram accepts: with names when
    they fit, else units and times with as many missing units named as fit, else as many
    present units as fit."""
    present = sum(1 for unit in records if unit.present)

    def joined(lines: list[str]) -> str:
        return "\n".join(head + lines + tail)

    text = joined(attendance_lines(records, tz, lang))
    if utf16_len(text) <= MESSAGE_LIMIT:
        return text

    def naming(missing: int) -> str:
        return joined(attendance_lines(records, tz, lang, names=False, missing_shown=missing))

    missing = largest_fitting(naming, len(records) - present)
    if missing >= 0:
        return naming(missing)

    def listing(shown: int) -> str:
        lines = attendance_lines(
            records, tz, lang, names=False, present_shown=shown, missing_shown=0
        )
        return joined(lines)

    return listing(max(largest_fitting(listing, present), 0))


def list_post(
    meeting: Meeting,
    records: Sequence[UnitRecord],
    *,
    tz: str,
    lang: str,
    firing_id: int | None = None,
) -> Outgoing:
    """The daftar hadir: the meeting, who is present per unit and who is not yet; the *Hadir di
    rapat* button while it is open (``firing_id`` None: the placeholder the outbox fills in)."""
    head = []
    if meeting.cancelled:
        head.append(t(lang, "meetings.card_cancelled"))
    head += [
        t(lang, "attendance.list_title", number=meeting.number, title=meeting.title),
        t(lang, "meetings.card_when", when=when_text(meeting, tz, lang)),
        t(lang, "meetings.card_place", place=meeting.place),
        "",
    ]
    buttons: tuple[tuple[Button, ...], ...] = ()
    if meeting.closed_at is not None:
        tail = ["", t(lang, "attendance.list_closed", **local_time(meeting.closed_at, tz, lang))]
    elif meeting.cancelled:
        tail = []
    else:
        tail = ["", t(lang, "attendance.list_footer", number=meeting.number)]
        data = CALLBACK_PREFIX + (FIRING_PLACEHOLDER if firing_id is None else str(firing_id))
        buttons = ((Button(t(lang, "attendance.button"), data),),)
    return Outgoing(fitted(head, records, tail, tz, lang), buttons)
