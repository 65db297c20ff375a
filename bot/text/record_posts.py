"""How the bot's posts of records read when they are made, corrected and withdrawn: the decision
and agenda item posts, the ``(diubah)`` mark, the withdrawn post and notice, and the question
asked before withdrawing. (Announcement and task posts: ``announcement_texts``, ``task_texts``.)
"""

from __future__ import annotations

from bot.domain.cleantext import excerpt
from bot.domain.timewords import format_when, from_epoch
from bot.text.i18n import Safe, t
from storage.agenda import AgendaItem
from storage.decisions import Decision

EXCERPT = 200


def kind_name(kind: str, lang: str) -> str:
    """``Pengumuman``, ``Keputusan``, ``Agenda``, ``Tugas``, ``Pengingat``."""
    return t(lang, f"corrections.kind.{kind}")


def edited_mark(edited: bool, lang: str) -> Safe:
    """`` (diubah)`` after a post's title once it was corrected."""
    return Safe(t(lang, "corrections.edited_mark") if edited else "")


def decision_post(decision: Decision, lang: str, how: Safe | None = None) -> str:
    """``Keputusan #N dicatat`` (for meeting M, linked ``how``), with its text."""
    edited = edited_mark(decision.edited, lang)
    if decision.meeting_number is None:
        return t(
            lang,
            "decisions.recorded",
            number=decision.number,
            text=decision.text,
            edited=edited,
        )
    return t(
        lang,
        "decisions.recorded_in_meeting",
        number=decision.number,
        meeting=decision.meeting_number,
        title=decision.meeting_title or "",
        how=how or Safe(""),
        text=decision.text,
        edited=edited,
    )


def agenda_post(item: AgendaItem, lang: str) -> str:
    """``Agenda #N ditambahkan ke Rapat #M``, with its text."""
    return t(
        lang,
        "agenda.added",
        number=item.number,
        meeting=item.meeting_number or "",
        title=item.meeting_title or "",
        who=item.unit_code or item.author_name,
        text=item.text,
        edited=edited_mark(item.edited, lang),
    )


def withdrawn_post(
    kind: str, number: int, text: str, by_name: str, at: int, tz: str, lang: str
) -> str:
    """What a withdrawn record's post says instead: who withdrew it and when, its text struck."""
    return t(
        lang,
        "corrections.withdrawn_post",
        record=kind_name(kind, lang),
        number=number,
        name=by_name,
        when=format_when(from_epoch(at), tz, lang),
        excerpt=excerpt(text, EXCERPT),
    )


def withdrawn_notice(
    kind: str, number: int, by_name: str | None, at: int | None, tz: str, lang: str
) -> str:
    """The answer to a command naming a withdrawn record."""
    return t(
        lang,
        "corrections.withdrawn_notice",
        record=kind_name(kind, lang),
        number=number,
        name=by_name or "",
        when=format_when(from_epoch(at or 0), tz, lang),
    )


def confirm_withdraw(kind: str, number: int, text: str, lang: str) -> str:
    """The question asked before withdrawing."""
    if kind == "reminder":
        return t(
            lang,
            "corrections.confirm_withdraw_reminder",
            number=number,
            excerpt=excerpt(text, EXCERPT),
        )
    return t(
        lang,
        "corrections.confirm_withdraw",
        record=kind_name(kind, lang),
        number=number,
        excerpt=excerpt(text, EXCERPT),
    )
