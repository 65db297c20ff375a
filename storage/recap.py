"""The monthly recap per unit and per pokja, each computed in one SQL query from the records.

For the month ``[start, end)`` and each active unit of the group (withdrawn records never
count):

* announcements: those of the month made for the unit (``announcement_units``: it existed
  when they were made); acknowledged: of those, the ones the unit acknowledged (any version, at
  any time); on time: its first acknowledgement came before the first follow-up was due
  (``acked_at < first_followup_at``; an edit asks for a new acknowledgement but does not make a
  unit that answered in time late); the share is on time / announcements.
* tasks: the tasks due in the month in which the unit has a part (``task_units``; a task shared
  by two units counts for each) that the unit closed or that are already past their due date
  (a part still running towards a later day of the month does not count yet); closed: of those,
  the parts closed; on time: closed by the due date (``closed_at <= due_at``); the share is on
  time / tasks.
* overdue now: the unit's open parts past their due date at ``now``, whatever the month.
* score: the mean of the two shares the unit has (NULL when it has neither).

Per pokja the same task figures over the tasks of that pokja, each task once (done when every
unit is; pokja have no announcements, so their score is the task share); only pokja with tasks
are listed.

Ranking is not done here: ``bot.domain.ranking`` ranks what these queries return.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database, from_row


@dataclass(frozen=True, slots=True)
class RecapRow:
    code: str
    """The unit's code, or the pokja's."""
    announcements: int
    acked: int
    acked_on_time: int
    ack_share: float | None
    """Percent acknowledged before the first follow-up; None without announcements."""
    tasks: int
    closed: int
    closed_on_time: int
    task_share: float | None
    """Percent closed by the due date; None without tasks."""
    overdue_now: int
    score: float | None
    """The mean of the shares there are; None when there is nothing to assess."""


def _task_figures(closed_at: str, status: str) -> str:
    """Task figures over rows with a due date (``t.due_at``) and the given closing time and
    status columns (a unit's part, or the task)."""
    return f"""
           count(CASE WHEN t.due_at >= :start AND t.due_at < :end
                       AND ({closed_at} IS NOT NULL OR t.due_at < :now) THEN 1 END) AS total,
           count(CASE WHEN t.due_at >= :start AND t.due_at < :end
                       AND {closed_at} IS NOT NULL THEN 1 END) AS closed,
           count(CASE WHEN t.due_at >= :start AND t.due_at < :end
                       AND {closed_at} <= t.due_at THEN 1 END) AS on_time,
           count(CASE WHEN {status} <> 'selesai' AND t.due_at < :now THEN 1 END) AS overdue
    """


SELECT = f"""
WITH unit AS (
    SELECT id, code FROM units WHERE group_id = :group AND removed_at IS NULL
),
addressed AS (
    SELECT u.id AS unit_id, a.first_followup_at,
           (SELECT min(k.acked_at) FROM announcement_acks k
            WHERE k.announcement_id = a.id AND k.unit_id = u.id) AS acked_at
    FROM unit u
    JOIN announcement_units f ON f.unit_id = u.id
    JOIN announcements a ON a.id = f.announcement_id AND a.group_id = :group
         AND a.created_at >= :start AND a.created_at < :end AND a.withdrawn_at IS NULL
),
ann AS (
    SELECT unit_id,
           count(*) AS total,
           count(acked_at) AS acked,
           count(CASE WHEN acked_at < first_followup_at THEN 1 END) AS on_time
    FROM addressed
    GROUP BY unit_id
),
task AS (
    SELECT p.unit_id, {_task_figures("p.closed_at", "p.status")}
    FROM task_units p JOIN tasks t ON t.id = p.task_id
    WHERE t.group_id = :group AND t.withdrawn_at IS NULL
    GROUP BY p.unit_id
),
figures AS (
    SELECT u.code,
           coalesce(ann.total, 0) AS announcements,
           coalesce(ann.acked, 0) AS acked,
           coalesce(ann.on_time, 0) AS acked_on_time,
           CASE WHEN ann.total > 0 THEN 100.0 * ann.on_time / ann.total END AS ack_share,
           coalesce(task.total, 0) AS tasks,
           coalesce(task.closed, 0) AS closed,
           coalesce(task.on_time, 0) AS closed_on_time,
           CASE WHEN task.total > 0 THEN 100.0 * task.on_time / task.total END AS task_share,
           coalesce(task.overdue, 0) AS overdue_now
    FROM unit u
    LEFT JOIN ann ON ann.unit_id = u.id
    LEFT JOIN task ON task.unit_id = u.id
)
SELECT *,
       CASE WHEN ack_share IS NULL THEN task_share
            WHEN task_share IS NULL THEN ack_share
            ELSE (ack_share + task_share) / 2 END AS score
FROM figures
ORDER BY code
"""

POKJA_SELECT = f"""
WITH task AS (
    SELECT t.pokja, {_task_figures("t.closed_at", "t.status")}
    FROM tasks t
    WHERE t.group_id = :group AND t.pokja IS NOT NULL AND t.withdrawn_at IS NULL
    GROUP BY t.pokja
)
SELECT pokja AS code,
       0 AS announcements, 0 AS acked, 0 AS acked_on_time, NULL AS ack_share,
       total AS tasks, closed, on_time AS closed_on_time,
       CASE WHEN total > 0 THEN 100.0 * on_time / total END AS task_share,
       overdue AS overdue_now,
       CASE WHEN total > 0 THEN 100.0 * on_time / total END AS score
FROM task
ORDER BY pokja
"""


async def monthly(db: Database, group_id: int, start: int, end: int, now: int) -> list[RecapRow]:
    """The figures of ``[start, end)`` for each active unit of the group, by unit code."""
    params = {"group": group_id, "start": start, "end": end, "now": now}
    return [from_row(RecapRow, row) for row in await db.fetch_all(SELECT, params)]


async def monthly_by_pokja(
    db: Database, group_id: int, start: int, end: int, now: int
) -> list[RecapRow]:
    """The task figures of ``[start, end)`` for each pokja the group's tasks name, by code."""
    params = {"group": group_id, "start": start, "end": end, "now": now}
    return [from_row(RecapRow, row) for row in await db.fetch_all(POKJA_SELECT, params)]
