"""Rendering shared by the task commands, follow-ups and the digest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from bot.domain.cleantext import excerpt
from bot.domain.timewords import format_when, from_epoch
from bot.services import tasks as service
from bot.text.i18n import Safe, escape, mention, t
from bot.text.record_posts import edited_mark
from bot.text.render import LISTED
from storage.tasks import Task, TaskPart

Members = dict[int, list[tuple[int, str]]]
"""Current members (user id, name) of each unit, by unit id."""


def mentions_line(
    lang: str, unit_code: str, members: Sequence[tuple[int, str]], key: str = "tasks.for"
) -> str:
    """``Untuk: @a, @b`` (``key``) for a unit's members, or how to join it when it has none."""
    if not members:
        return t(lang, "tasks.no_members", unit=unit_code)
    mentions = Safe(", ".join(mention(*m) for m in members))
    return t(lang, key, unit=unit_code, mentions=mentions)


def mention_lines(lang: str, parts: Sequence[TaskPart], members: Members) -> list[str]:
    """Whom a task concerns: ``Untuk: …`` for one unit, one ``→ UNIT: …`` line per unit for a
    shared task."""
    if len(parts) == 1:
        return [mentions_line(lang, parts[0].code, members.get(parts[0].unit_id, []))]
    return [
        mentions_line(lang, part.code, members.get(part.unit_id, []), "tasks.followup_for")
        for part in parts
    ]


def due_text(task: Task, tz: str, lang: str) -> str:
    return format_when(from_epoch(task.due_at), tz, lang)


def status_text(task: Task, lang: str) -> str:
    return t(lang, f"tasks.status.{task.status}")


def overdue_mark(task: Task, now: int, lang: str) -> Safe:
    return Safe(t(lang, "tasks.overdue_mark") if task.is_open and task.due_at < now else "")


def named_units(task: Task, lang: str) -> Safe:
    """``<b>DISHUB</b> — Dinas Perhubungan, <b>BAPPERIDA</b> — Bapperida``."""
    return Safe(
        ", ".join(
            t(lang, "tasks.unit_named", code=part.code, name=part.name) for part in task.parts
        )
    )


def parts_with_status(task: Task, lang: str) -> str:
    """``DISHUB`` for one unit; ``DISHUB (selesai), BAPPERIDA (proses)`` for a shared task."""
    if len(task.parts) == 1:
        return task.parts[0].code
    return ", ".join(
        f"{part.code} ({t(lang, f'tasks.status.{part.status}')})" for part in task.parts
    )


def post(
    task: Task,
    members: Members,
    *,
    pokja: str | None,
    tz: str,
    lang: str,
) -> str:
    """The task's post: units, text, due date, pokja, meeting, whom it concerns, how to report.
    ``pokja``: its name and code (``Aset (ASET)``)."""
    lines = [
        t(
            lang,
            "tasks.assigned",
            number=task.number,
            units=named_units(task, lang),
            text=task.text,
            due=due_text(task, tz, lang),
            edited=edited_mark(task.edited, lang),
        )
    ]
    if pokja:
        lines.append(t(lang, "tasks.assigned_pokja", pokja=pokja))
    if task.meeting_number is not None:
        lines.append(t(lang, "tasks.assigned_meeting", meeting=task.meeting_number))
    if len(task.parts) > 1:
        lines.append(t(lang, "tasks.shared_note"))
    lines += mention_lines(lang, task.parts, members)
    lines.append(t(lang, "tasks.how_to_report", number=task.number))
    return "\n".join(lines)


def pokja_label(task: Task) -> str | None:
    """``Aset (ASET)``, or None for a task without pokja."""
    name = service.pokja_name(task.pokja)
    return f"{name} ({task.pokja})" if name else None


SECTIONS = ("soon", "today", "overdue")


def followup_text(
    due: list[Task],
    members: Members,
    slot: datetime,
    late: bool,
    lang: str,
    tz: str,
) -> str:
    """One group's follow-up: the tasks due soon, today and overdue, each unit still working on
    one of them mentioned."""
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
        for task in sorted(by_section[section], key=lambda x: (x.codes, x.due_at, x.number)):
            for part in task.open_parts:
                units_seen.setdefault(part.unit_id, part.code)
            lines.append(
                t(
                    lang,
                    "tasks.followup_item",
                    number=task.number,
                    unit=parts_with_status(task, lang),
                    text=excerpt(task.text, LISTED),
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
    """Open tasks counted per pokja and per unit (a shared task under each unit still working
    on it), with their numbers and how many are late."""
    lines = [t(lang, "tasks.digest_header", count=len(open_tasks))]
    for title, key in (("tasks.digest_by_pokja", "pokja"), ("tasks.digest_by_unit", "unit")):
        grouped: dict[str, list[Task]] = defaultdict(list)
        for task in open_tasks:
            if key == "unit":
                for part in task.open_parts:
                    grouped[part.code].append(task)
            else:
                pokja = service.pokja_name(task.pokja)
                grouped[pokja if pokja else t(lang, "tasks.digest_no_pokja")].append(task)
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


def codes_html(codes: Sequence[str]) -> Safe:
    """``<code>A</code>, <code>B</code>`` (escaped)."""
    return Safe(", ".join(f"<code>{escape(code)}</code>" for code in codes))
