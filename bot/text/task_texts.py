"""Rendering shared by the task commands, follow-ups and the digest."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.timewords import format_when
from bot.services.reminders import from_epoch
from bot.text.i18n import Safe, mention, t
from storage.tasks import Task


def mentions_line(
    lang: str, unit_code: str, members: Sequence[tuple[int, str]], key: str = "tasks.for"
) -> str:
    """``Untuk: @a, @b`` (``key``) for a unit's members, or how to join it when it has none."""
    if not members:
        return t(lang, "tasks.no_members", unit=unit_code)
    mentions = Safe(", ".join(mention(*m) for m in members))
    return t(lang, key, unit=unit_code, mentions=mentions)


def due_text(task: Task, tz: str, lang: str) -> str:
    return format_when(from_epoch(task.due_at), tz, lang)


def status_text(task: Task, lang: str) -> str:
    return t(lang, f"tasks.status.{task.status}")


def overdue_mark(task: Task, now: int, lang: str) -> Safe:
    return Safe(t(lang, "tasks.overdue_mark") if task.is_open and task.due_at < now else "")
