"""Rendering shared by the task commands, follow-ups and the digest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from bot.domain.timewords import format_when, from_epoch
from bot.services import tasks as service
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


SECTIONS = ("soon", "today", "overdue")


def followup_text(
    due: list[Task],
    members: dict[int, list[tuple[int, str]]],
    slot: datetime,
    late: bool,
    lang: str,
    tz: str,
) -> str:
    """One group's follow-up: the tasks due soon, today and overdue, each unit mentioned."""
    lines = [t(lang, "tasks.followup_header")]
    if late:
        lines.append(t(lang, "tasks.followup_late", when=format_when(slot, tz, lang)))
    by_section: dict[str, list[Task]] = defaultdict(list)
    for task in due:
        by_section[service.followup_section(from_epoch(task.due_at), task.zone, slot)].append(task)
    for section in SECTIONS:
        if not by_section[section]:
            continue
        lines += ["", t(lang, f"tasks.section.{section}")]
        units_seen: dict[int, str] = {}
        for task in sorted(by_section[section], key=lambda x: (x.unit_code, x.due_at, x.number)):
            units_seen.setdefault(task.unit_id, task.unit_code)
            lines.append(
                t(
                    lang,
                    "tasks.followup_item",
                    number=task.number,
                    unit=task.unit_code,
                    text=task.text,
                    due=due_text(task, tz, lang),
                    status=status_text(task, lang),
                )
            )
        for unit_id, code in units_seen.items():
            unit_members = members.get(unit_id, [])
            lines.append(mentions_line(lang, code, unit_members, "tasks.followup_for"))
    lines += ["", t(lang, "tasks.followup_footer")]
    return "\n".join(lines)


def digest_text(open_tasks: list[Task], now: int, lang: str) -> str:
    """Open tasks counted per pokja and per unit, with their numbers and how many are late."""
    lines = [t(lang, "tasks.digest_header", count=len(open_tasks))]
    for title, key in (("tasks.digest_by_pokja", "pokja"), ("tasks.digest_by_unit", "unit")):
        grouped: dict[str, list[Task]] = defaultdict(list)
        for task in open_tasks:
            if key == "unit":
                name = task.unit_code
            else:
                pokja = service.pokja_name(task.pokja)
                name = pokja if pokja else t(lang, "tasks.digest_no_pokja")
            grouped[name].append(task)
        lines += ["", t(lang, title)]
        for name in sorted(grouped):
            listed = grouped[name]
            late = sum(1 for task in listed if task.due_at < now)
            overdue = t(lang, "tasks.digest_overdue", count=late) if late else ""
            lines.append(
                t(
                    lang,
                    "tasks.digest_line",
                    name=name,
                    count=len(listed),
                    numbers=", ".join(f"#{task.number}" for task in listed),
                    overdue=Safe(overdue),
                )
            )
    return "\n".join(lines)
