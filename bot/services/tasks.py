"""Tasks as a service: reading ``/tugas`` arguments, due dates, pokja and follow-up times.

Plain values in, plain values out (no Telegram); ``now`` is always passed in.

Decisions:

* A due date written as a day without a time (``Jumat 27/11``, ``besok``) means the end of that
  day, 23.59 in the group's zone: a unit that closes the task on that day is on time.
* Follow-ups go out at 09.00 in the zone the task was assigned in: two working days before the
  due day, on the due day, then every working day while the task is overdue. All tasks of a
  group due at the same 09.00 share one message.
* The weekly digest goes out on the group's day and time (default Monday 08.00).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain import timewords as w
from bot.domain.cleantext import TooLong as TooLong
from bot.domain.cleantext import within
from bot.domain.timeparse import parse_when
from bot.domain.timewords import from_epoch
from bot.domain.workdays import is_working_day, next_working_day, wall_time
from bot.services import Wake
from bot.services.seeds import pokja
from storage import task_changes, task_followups, tasks
from storage.db import Database
from storage.firings import Outgoing
from storage.task_followups import Advance, DigestSetting
from storage.tasks import Evidence, NewTask, Task, TaskEvent
from storage.tasks import TaskPart as TaskPart  # re-exported for handlers
from storage.units import Unit

KIND_FOLLOWUP = task_followups.KIND_FOLLOWUP
KIND_DIGEST = task_followups.KIND_DIGEST

FOLLOWUP_AT = (9, 0)
DAYS_BEFORE = 2
END_OF_DAY = (23, 59)
DEFAULT_DIGEST = (0, 8 * 60)
"""Monday, 08.00."""


class AssignmentError(ValueError):
    """``/tugas`` arguments that cannot be read; ``key`` names the catalog text."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class Assignment:
    codes: tuple[str, ...]
    """The units' codes, in capitals, in the order given (``DISHUB,BAPPERIDA``)."""
    text: str
    due_phrase: str
    pokja: str | None


MAX_TEXT = 2000
"""A task's text (assigned or corrected), in UTF-16 code units: it must fit its post with the
units, due date and the members mentioned, which is edited in place."""

MAX_NOTE = 2000
"""A progress note or blocker, in UTF-16 code units: a line of the task's history."""


def parse_codes(text: str) -> tuple[str, ...] | None:
    """``DISHUB`` or ``DISHUB, BAPPERIDA`` → the codes in capitals, each once; None when a
    code is empty or has a space in it."""
    codes = [code.strip().upper() for code in text.split(",")]
    if not codes or any(len(code.split()) != 1 for code in codes):
        return None
    return tuple(dict.fromkeys(codes))


def parse_assignment(args: str) -> Assignment:
    """``KODE[,KODE2…] | uraian | tenggat [| pokja]``; raises :class:`AssignmentError`, or
    :class:`TooLong` for a text over :data:`MAX_TEXT`."""
    fields = [field.strip() for field in args.split("|")]
    if len(fields) < 3 or len(fields) > 4:
        raise AssignmentError("tasks.usage")
    code, text, due = fields[:3]
    if not code or not text or not due or (len(fields) == 4 and not fields[3]):
        raise AssignmentError("tasks.missing_field")
    codes = parse_codes(code)
    if codes is None:
        raise AssignmentError("tasks.usage")
    text = within(" ".join(text.split()), MAX_TEXT)
    return Assignment(codes, text, due, fields[3] if len(fields) == 4 else None)


def find_pokja(text: str) -> tuple[str, str] | None:
    """The pokja named by its code or name (any case, ``Pokja Aset`` too), as (code, name)."""
    words = text.split()
    if len(words) > 1 and words[0].casefold() == "pokja":
        words = words[1:]
    wanted = " ".join(words).casefold()
    for code, name in pokja():
        if wanted in (code.casefold(), name.casefold()):
            return code, name
    return None


def pokja_name(code: str | None) -> str | None:
    return next((name for known, name in pokja() if known == code), None)


def parse_due(phrase: str, now: datetime, tz: str, lang: str) -> datetime:
    """The due instant of a one-off phrase (a day alone is 23.59), for ``/tugas`` and
    ``/tugas N tenggat``; raises TimeParseError for a time the parser refuses.

    Raises :class:`AssignmentError` for a recurring phrase, a range (``s.d. 11.00``) or one
    followed by other words.
    """
    when = parse_when(phrase, now, tz, lang, day_time=END_OF_DAY)
    if when.rule is not None:
        raise AssignmentError("tasks.due_recurring")
    if when.rest or when.end is not None or when.open_end:
        raise AssignmentError("tasks.due_unclear")
    return when.at


def working_days_before(d: date, n: int) -> date:
    """The ``n``-th working day before ``d``."""
    for _ in range(n):
        d -= timedelta(days=1)
        while not is_working_day(d):
            d -= timedelta(days=1)
    return d


def followup_after(due_at: datetime, zone: str, after: datetime) -> datetime:
    """The first follow-up of a task due at ``due_at`` strictly after ``after``."""
    due_day = due_at.astimezone(ZoneInfo(zone)).date()
    for day in (working_days_before(due_day, DAYS_BEFORE), due_day):
        at = wall_time(day, FOLLOWUP_AT, zone)
        if at > after:
            return at
    day = max(due_day, after.astimezone(ZoneInfo(zone)).date() - timedelta(days=1))
    while True:
        day = next_working_day(day)
        at = wall_time(day, FOLLOWUP_AT, zone)
        if at > after:
            return at


def latest_followup(due_at: datetime, zone: str, first: datetime, now: datetime) -> datetime:
    """The last follow-up at or before ``now``, from ``first`` on (missed ones fold into it)."""
    latest = first
    while (following := followup_after(due_at, zone, latest)) <= now:
        latest = following
    return latest


def digest_after(after: datetime, zone: str, day: int, minute: int) -> datetime:
    """The first weekly digest (weekday ``day``, ``minute`` after midnight) after ``after``."""
    local = after.astimezone(ZoneInfo(zone)).date()
    for ahead in range(8):
        d = local + timedelta(days=ahead)
        if d.weekday() == day:
            at = wall_time(d, divmod(minute, 60), zone)
            if at > after:
                return at
    raise AssertionError("unreachable")  # pragma: no cover - a weekday recurs within 8 days


_DIGEST_TIME = re.compile(r"^(?:jam|pukul|at)?\s*(\d{1,2})[.:](\d{2})$")


def parse_digest_setting(text: str) -> tuple[int, int] | None:
    """``Senin 08.00`` → (0, 480); None when it is not a weekday and an hh.mm time."""
    parts = text.lower().split(None, 1)
    if len(parts) != 2 or parts[0] not in w.DAY_WORDS:
        return None
    m = _DIGEST_TIME.match(parts[1].strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return w.DAY_WORDS[parts[0]], int(m[1]) * 60 + int(m[2])


def followup_section(due_at: datetime, zone: str, slot: datetime) -> str:
    """Which part of a follow-up a task belongs to at ``slot``: soon, today or overdue."""
    if due_at <= slot:
        return "overdue"
    tz = ZoneInfo(zone)
    return "today" if due_at.astimezone(tz).date() == slot.astimezone(tz).date() else "soon"


async def assign(
    db: Database,
    *,
    units: list[Unit],
    text: str,
    pokja_code: str | None,
    due_at: datetime,
    zone: str,
    creator_id: int,
    creator_name: str,
    meeting_id: int | None,
    now: datetime,
    wake: Wake,
    origin: int | None = None,
) -> tuple[Task, bool]:
    """Store a new task for ``units`` (each with its own part) with its first follow-up (and
    the group's digest, if it has none); the task and whether it is new (False: update
    ``origin`` made it before)."""
    assigned = await tasks.create(
        db,
        NewTask(
            group_id=units[0].group_id,
            unit_ids=tuple(unit.id for unit in units),
            text=text,
            pokja=pokja_code,
            due_at=int(due_at.timestamp()),
            zone=zone,
            creator_id=creator_id,
            creator_name=creator_name,
            meeting_id=meeting_id,
            next_followup_at=int(followup_after(due_at, zone, now).timestamp()),
            first_digest_at=int(digest_after(now, zone, *DEFAULT_DIGEST).timestamp()),
        ),
        int(now.timestamp()),
        origin,
    )
    await wake()
    return assigned


@dataclass(frozen=True, slots=True)
class Acting:
    """Whom a report on a task speaks for."""

    allowed: bool
    unit_id: int | None
    """The part (its unit) it is about; None: the whole task (a koordinator outside it)."""


def acting_for(task: Task, unit_id: int | None, is_coordinator: bool) -> Acting:
    """A member of one of the task's units reports on, closes or attaches to that unit's part;
    a koordinator outside its units, to the whole task; nobody else."""
    if unit_id is not None and task.part(unit_id) is not None:
        return Acting(True, unit_id)
    return Acting(is_coordinator, None)


# --- reading and changing tasks (handlers and jobs reach storage only through here) ----------


async def get(db: Database, task_id: int) -> Task | None:
    return await tasks.get(db, task_id)


async def by_number(db: Database, group_id: int, number: int) -> Task | None:
    return await tasks.by_number(db, group_id, number)


async def by_post(db: Database, group_id: int, message_id: int) -> Task | None:
    """The task whose post is ``message_id`` (a file replying to it is evidence)."""
    return await tasks.by_message(db, group_id, message_id)


async def open_tasks(db: Database, group_id: int) -> list[Task]:
    return await tasks.open_tasks(db, group_id)


async def history(db: Database, task: Task) -> list[TaskEvent]:
    return await tasks.history(db, task.id)


async def unit_members(db: Database, unit_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Current members (user id, name) of each unit, to mention them."""
    return await tasks.unit_members(db, unit_ids)


async def posted(db: Database, task: Task, message_id: int) -> None:
    """Remember the task's post (replies to it with a file are evidence)."""
    await tasks.set_message(db, task.id, message_id)


async def add_note(
    db: Database,
    task: Task,
    *,
    blocked: bool,
    text: str,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: datetime,
    origin: int | None = None,
) -> TaskEvent | None:
    """A progress note, or a blocker, for ``unit_id``'s part (None: every open part); None
    when that part is closed. Once per ``origin``. Raises :class:`TooLong` for a note over
    :data:`MAX_NOTE`."""
    within(text, MAX_NOTE)
    return await task_changes.add_note(
        db,
        task,
        "blocked" if blocked else "progress",
        text,
        unit_id=unit_id,
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
        origin=origin,
    )


async def close(
    db: Database,
    task: Task,
    *,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: datetime,
    wake: Wake,
    origin: int | None = None,
) -> Task | None:
    """Close ``unit_id``'s part (None: every open part); the task is done, and its follow-ups
    stop, when every part is. The task as it is now; None when the part was closed already."""
    closed = await task_changes.close(
        db,
        task,
        unit_id=unit_id,
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
        origin=origin,
    )
    if closed is not None:
        await wake()
    return closed


async def closed_by_update(db: Database, origin: int) -> tuple[Task, TaskEvent] | None:
    """The task update ``origin`` closed (a part of), with that event, when that update is
    handled again."""
    event = await tasks.event_of_update(db, origin)
    if event is None or event.kind != "closed":
        return None
    task = await tasks.get(db, event.task_id)
    return (task, event) if task is not None else None


async def attach(
    db: Database,
    task: Task,
    evidence: Evidence,
    *,
    unit_id: int | None,
    user_id: int,
    user_name: str,
    now: datetime,
    origin: int | None = None,
) -> TaskEvent:
    """Keep a document or photo as evidence of ``unit_id``'s part, or of the task (once per
    ``origin``)."""
    return await task_changes.attach(
        db,
        task,
        evidence,
        unit_id=unit_id,
        user_id=user_id,
        user_name=user_name,
        now=int(now.timestamp()),
        origin=origin,
    )


async def set_digest(
    db: Database,
    group_id: int,
    setting: tuple[int, int] | None,
    now: datetime,
    tz: str,
    wake: Wake,
) -> datetime | None:
    """The weekly digest on (day, minute) — or off with None; when the next one goes."""
    if setting is None:
        await task_followups.set_digest(db, group_id, *DEFAULT_DIGEST, None)
        await wake()
        return None
    day, minute = setting
    following = digest_after(now, tz, day, minute)
    await task_followups.set_digest(db, group_id, day, minute, int(following.timestamp()))
    await wake()
    return following


# --- follow-ups and digests (the dispatcher's sources, jobs/task_followups.py) -------------


NEXT_FOLLOWUP = task_followups.NEXT_FOLLOWUP


async def due_followups(db: Database, now: int) -> list[Task]:
    """Open tasks whose follow-up has come, by group and number."""
    return await task_followups.due_followups(db, now)


async def claim_followup(
    db: Database,
    group_id: int,
    due: list[Task],
    slot: datetime,
    *,
    late: bool,
    message: Outgoing,
    now: datetime,
) -> int | None:
    """Advance the tasks past this follow-up and claim the group's message, in one go."""
    advances = [
        Advance(
            task.id,
            task.next_followup_at or 0,
            int(followup_after(from_epoch(task.due_at), task.zone, now).timestamp()),
        )
        for task in due
    ]
    return await task_followups.claim_followup(
        db,
        group_id,
        advances,
        scheduled_at=int(slot.timestamp()),
        late=late,
        message=message,
        now=int(now.timestamp()),
    )


async def postpone_followups(db: Database, due: list[Task], until: int | None) -> None:
    await task_followups.postpone_followups(db, [task.id for task in due], until)


async def stop_followups(db: Database, group_id: int) -> None:
    """No more follow-ups or digests for a group that refused the bot."""
    await task_followups.stop_followups(db, group_id)


NEXT_DIGEST = task_followups.NEXT_DIGEST


async def due_digests(db: Database, now: int) -> list[DigestSetting]:
    return await task_followups.due_digests(db, now)


async def claim_digest(
    db: Database,
    setting: DigestSetting,
    *,
    following: datetime,
    late: bool,
    message: Outgoing | None,
    now: datetime,
) -> int | None:
    """Move the digest to ``following`` and claim this one (None: nothing to send)."""
    return await task_followups.claim_digest(
        db,
        setting,
        following=int(following.timestamp()),
        late=late,
        message=message,
        now=int(now.timestamp()),
    )


async def postpone_digest(db: Database, group_id: int, until: int | None) -> None:
    await task_followups.postpone_digest(db, group_id, until)
