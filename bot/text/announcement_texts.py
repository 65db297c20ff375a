"""How announcements read: the post, the Diterima button and the follow-up naming missing
units."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.cleantext import excerpt
from bot.domain.timewords import format_when
from bot.services import announcements as service
from bot.text.i18n import Safe, mention, t
from bot.text.record_posts import edited_mark
from storage.announcements import Announcement, MissingUnit, Progress
from storage.firings import Button, Keyboard, Outgoing

EXCERPT = 200


def post(announcement: Announcement, lang: str) -> str:
    """``Pengumuman #N`` with its text and author (and ``(diubah)`` once corrected)."""
    code = announcement.unit_code
    return t(
        lang,
        "announcements.posted",
        number=announcement.number,
        text=announcement.text,
        author=announcement.author_name,
        unit=Safe(t(lang, "announcements.author_unit", code=code) if code else ""),
        edited=edited_mark(announcement.edited, lang),
    )


def unit_note(entry: MissingUnit, lang: str) -> Safe:
    """Why a missing unit stands out: it acknowledged only an earlier version, or it is
    archived."""
    notes = []
    if entry.acked_earlier:
        notes.append(t(lang, "announcements.unit_earlier"))
    if entry.archived:
        notes.append(t(lang, "announcements.unit_archived"))
    return Safe("".join(notes))


def ack_buttons(lang: str, announcement_id: int, progress: Progress | None) -> Keyboard:
    """The Diterima button; with ``progress`` it shows how many units acknowledged."""
    label = (
        t(lang, "announcements.button", acked=progress.acked, total=progress.total)
        if progress is not None
        else t(lang, "announcements.button_plain")
    )
    return ((Button(label, f"ann:a:{announcement_id}"),),)


def followup(
    announcement: Announcement,
    missing: list[MissingUnit],
    progress: Progress,
    plan: service.FollowupPlan,
    lang: str,
    tz: str,
) -> Outgoing:
    """The follow-up: the units still missing, each with its members mentioned."""
    lines = [
        t(
            lang,
            "announcements.followup",
            number=announcement.number,
            count=len(missing),
            total=progress.total,
            units=Safe("\n".join(unit_line(entry, lang) for entry in missing)),
            excerpt=excerpt(announcement.text, EXCERPT),
        )
    ]
    if plan.late:
        when = format_when(datetime.fromtimestamp(plan.scheduled_at, UTC), tz, lang)
        lines.append(t(lang, "announcements.followup_late", when=when))
    return Outgoing("\n\n".join(lines), ack_buttons(lang, announcement.id, None))


def unit_line(entry: MissingUnit, lang: str) -> str:
    """``• DISHUB: @Budi, @Rina`` with each member mentioned (HTML)."""
    mentions = ", ".join(mention(user_id, name) for user_id, name in entry.members)
    return t(
        lang,
        "announcements.followup_unit",
        code=entry.unit.code,
        note=unit_note(entry, lang),
        members=Safe(mentions or t(lang, "announcements.followup_no_members")),
    )
