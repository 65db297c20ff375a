"""``/rapat N``: one meeting in full — when and where, who chairs and takes the minutes, the
answers to the invitation per unit, attendance in the room, the agenda and the decisions."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.cleantext import excerpt
from bot.services.room import UnitRecord
from bot.text import attendance_text
from bot.text.i18n import t
from bot.text.meeting_text import agenda_lines, attendance_lines, counts_text, head, local_time
from bot.text.render import LISTED
from storage.agenda import AgendaItem
from storage.decisions import Decision
from storage.meetings import Meeting
from storage.rsvps import Rsvp, UnitAttendance


def detail(
    meeting: Meeting,
    *,
    answers: list[Rsvp],
    units: list[UnitAttendance],
    records: Sequence[UnitRecord],
    items: list[AgendaItem],
    decisions: Sequence[Decision],
    begun: bool,
    tz: str,
    lang: str,
) -> str:
    """The meeting as it stands; ``begun``: opened, or its start time has come (the attendance
    in the room is shown from then on)."""
    lines = head(meeting, tz, lang)
    if begun and not meeting.cancelled and not meeting.closed:
        lines.append(t(lang, "meetings.card_under_way", **local_time(meeting.began_at, tz, lang)))
    lines += ["", t(lang, "meetings.detail_rsvp", counts=counts_text(answers, lang))]
    lines += attendance_lines(units, answers, lang)
    lines += ["", t(lang, "meetings.detail_room")]
    if begun:
        lines += attendance_text.attendance_lines(records, tz, lang)
    else:
        lines.append(t(lang, "meetings.detail_room_later", number=meeting.number))
    lines += ["", t(lang, "agenda.header_short")]
    lines += agenda_lines(items, lang) or [t(lang, "meetings.detail_none")]
    lines += ["", t(lang, "meetings.detail_decisions")]
    lines += [
        t(
            lang,
            "meetings.detail_decision",
            number=decision.number,
            text=excerpt(decision.text, LISTED),
        )
        for decision in decisions
    ] or [t(lang, "meetings.detail_none")]
    return "\n".join(lines)
