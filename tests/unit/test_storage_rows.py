"""Each storage dataclass and the SELECT that fills it agree column for column, by name.

Rows become dataclasses through ``storage.db.from_row``, which reads each field from the column
of the same name; a column renamed or added on one side only fails here, not in production.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from storage import (
    agenda,
    announcements,
    attendance,
    confirmations,
    corrections,
    decisions,
    firings,
    groups,
    meetings,
    people,
    recap,
    reminders,
    rsvps,
    search,
    search_queries,
    task_followups,
    tasks,
    units,
)
from storage.db import Database, Params, from_row


@dataclass(frozen=True)
class Case:
    cls: type
    sql: str
    params: Params = ()
    built: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Fields built from other columns (given to from_row): field → those columns."""

    def expected(self) -> list[str]:
        names = [f.name for f in dataclasses.fields(self.cls) if f.name not in self.built]
        return sorted(names + [column for columns in self.built.values() for column in columns])


CASES = [
    Case(agenda.AgendaItem, agenda.SELECT),
    Case(announcements.Announcement, announcements.SELECT),
    Case(announcements.Progress, announcements.PROGRESS_SELECT),
    Case(attendance.Presence, attendance.SELECT),
    Case(confirmations.Confirmation, confirmations.SELECT),
    Case(corrections.RecordEdit, corrections.EDIT_SELECT),
    Case(decisions.Decision, decisions.SELECT),
    Case(firings.Firing, firings.SELECT, built={"message": ("text", "buttons")}),
    Case(groups.Group, groups.SELECT),
    Case(meetings.Meeting, meetings.SELECT),
    Case(meetings.MeetingSettings, meetings.SETTINGS_SELECT),
    Case(people.Member, people.SELECT),
    Case(recap.RecapRow, recap.SELECT, params={"group": 1, "start": 0, "end": 1, "now": 0}),
    Case(recap.RecapRow, recap.POKJA_SELECT, params={"group": 1, "start": 0, "end": 1, "now": 0}),
    Case(reminders.Reminder, reminders.SELECT),
    Case(rsvps.Rsvp, rsvps.SELECT),
    Case(search_queries.SavedSearch, search_queries.SELECT),
    Case(task_followups.DigestSetting, task_followups.DIGEST_SELECT),
    Case(tasks.Task, tasks.SELECT),
    Case(tasks.TaskEvent, tasks.EVENT_SELECT),
    Case(units.Unit, units.SELECT),
]


async def columns(db: Database, sql: str, params: Params = ()) -> list[str]:
    async with db.reading() as conn:
        cursor = await conn.execute(f"{sql} LIMIT 0", params)
        return [column[0] for column in cursor.description]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.cls.__name__)
async def test_select_names_exactly_the_dataclass_fields(db: Database, case: Case) -> None:
    assert sorted(await columns(db, case.sql, case.params)) == case.expected()


SOURCE_COLUMNS = ["created_at", "group_id", "number", "record_id", "text", "unit_code"]


def test_every_search_kind_has_a_source() -> None:
    assert sorted(source.kind for source in search.SOURCES) == sorted(search.KINDS)


@pytest.mark.parametrize("source", list(search.SOURCES), ids=lambda source: source.kind)
async def test_search_source_names_the_columns_reindex_reads(
    db: Database, source: search.SearchSource
) -> None:
    assert sorted(await columns(db, source.sql)) == SOURCE_COLUMNS


@dataclass(frozen=True, slots=True)
class Sample:
    id: int
    done: bool
    note: str | None


@pytest.mark.parametrize(
    ("sql", "given", "expected"),
    [
        ("SELECT 'x' AS other, NULL AS note, 1 AS done, 7 AS id", {}, Sample(7, True, None)),
        ("SELECT 0 AS done, 'n' AS note, 3 AS id", {}, Sample(3, False, "n")),
        ("SELECT 1 AS done, 3 AS id", {"note": "given"}, Sample(3, True, "given")),
    ],
)
async def test_from_row_reads_each_field_by_name(
    db: Database, sql: str, given: dict[str, object], expected: Sample
) -> None:
    row = await db.fetch_one(sql)
    assert row is not None
    sample = from_row(Sample, row, **given)
    assert sample == expected
    assert type(sample.done) is bool


async def test_from_row_refuses_a_missing_column(db: Database) -> None:
    row = await db.fetch_one("SELECT 1 AS done, 3 AS id")
    assert row is not None
    with pytest.raises(IndexError):
        from_row(Sample, row)
