"""The ``.ics`` calendar invitation of a meeting (icalendar), in the zone it was given in.

The UID stays the same for the life of a meeting and SEQUENCE counts its changes, so a phone
that added the first invitation updates the event when the meeting is moved, and removes it
when the cancellation (``METHOD:CANCEL``) is opened.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from bot.services.meetings import plain
from bot.text.i18n import t
from storage.meetings import Meeting

PRODID = "-//Rakor//Rapat Koordinasi//ID"


def uid(meeting: Meeting) -> str:
    return f"rapat-{meeting.id}-{abs(meeting.group_id)}@rakor"


def filename(meeting: Meeting, lang: str) -> str:
    return t(lang, "meetings.ics_file_name", number=meeting.number)


def invitation(meeting: Meeting, *, group_title: str, lang: str, now: datetime) -> bytes:
    """The meeting as an iCalendar file: ``REQUEST``, or ``CANCEL`` once it is cancelled."""
    zone = ZoneInfo(meeting.zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if meeting.cancelled else "REQUEST")
    event = Event()
    event.add("uid", uid(meeting))
    event.add("sequence", meeting.revision)
    event.add("dtstamp", now.astimezone(ZoneInfo("UTC")))
    event.add("dtstart", datetime.fromtimestamp(meeting.starts_at, zone))
    event.add("dtend", datetime.fromtimestamp(meeting.ends_at, zone))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    event.add(
        "description",
        plain(
            lang,
            "meetings.ics_description",
            number=meeting.number,
            group=group_title,
            chair=meeting.chair_name,
        ),
    )
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
