"""Meeting RSVPs: one answer per person, summarised per unit for the meeting card and minutes."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database, from_row

ANSWERS = ("hadir", "tidak", "wakil")
"""Present, absent, represented (diwakilkan)."""


@dataclass(frozen=True, slots=True)
class Rsvp:
    user_id: int
    full_name: str
    unit_id: int | None
    unit_code: str | None
    unit_name: str | None
    answer: str


SELECT = (
    "SELECT r.user_id, r.full_name, r.unit_id, u.code AS unit_code, u.name AS unit_name,"
    " r.answer FROM meeting_rsvps r LEFT JOIN units u ON u.id = r.unit_id"
)


@dataclass(frozen=True, slots=True)
class UnitAttendance:
    """One active unit of the group and its members' answers (empty: no answer yet)."""

    unit_id: int
    code: str
    name: str
    answers: tuple[Rsvp, ...]

    @property
    def status(self) -> str | None:
        """The unit's answer: present if anyone comes, else represented, else absent."""
        given = {rsvp.answer for rsvp in self.answers}
        return next((answer for answer in ("hadir", "wakil", "tidak") if answer in given), None)


async def answer(
    db: Database,
    meeting_id: int,
    *,
    user_id: int,
    full_name: str,
    unit_id: int | None,
    answer: str,
    now: int,
) -> bool:
    """Record (or change) a person's answer; False when it was already that answer."""
    if answer not in ANSWERS:
        raise ValueError(f"unknown answer {answer!r}")
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO meeting_rsvps (meeting_id, user_id, full_name, unit_id, answer,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = excluded.answer,"
            " full_name = excluded.full_name, unit_id = excluded.unit_id,"
            " updated_at = excluded.updated_at"
            " WHERE meeting_rsvps.answer != excluded.answer"
            " OR meeting_rsvps.unit_id IS NOT excluded.unit_id",
            (meeting_id, user_id, full_name, unit_id, answer, now),
        )
        return cursor.rowcount == 1


async def for_meeting(db: Database, meeting_id: int) -> list[Rsvp]:
    """Every answer to the meeting, by unit code then name."""
    rows = await db.fetch_all(
        SELECT + " WHERE r.meeting_id = ? ORDER BY u.code IS NULL, u.code, r.full_name",
        (meeting_id,),
    )
    return [from_row(Rsvp, row) for row in rows]


def counts(answers: list[Rsvp]) -> dict[str, int]:
    """How many people gave each answer."""
    return {key: sum(1 for rsvp in answers if rsvp.answer == key) for key in ANSWERS}


async def attendance(db: Database, group_id: int, meeting_id: int) -> list[UnitAttendance]:
    """Answers per unit: every active unit of the group, plus units no longer active that
    answered or were present; people without a unit are left out (see :func:`for_meeting`)."""
    answers = await for_meeting(db, meeting_id)
    rows = await db.fetch_all(
        "SELECT id, code, name FROM units WHERE group_id = ? AND (removed_at IS NULL"
        " OR id IN (SELECT unit_id FROM meeting_rsvps WHERE meeting_id = ?)"
        " OR id IN (SELECT unit_id FROM meeting_presence WHERE meeting_id = ?)) ORDER BY code",
        (group_id, meeting_id, meeting_id),
    )
    return [
        UnitAttendance(
            unit_id=row["id"],
            code=row["code"],
            name=row["name"],
            answers=tuple(rsvp for rsvp in answers if rsvp.unit_id == row["id"]),
        )
        for row in rows
    ]
