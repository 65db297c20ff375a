"""The monthly recap per unit and per pokja, each computed in one SQL query from the records.

For the month ``[start, end)`` and each active unit of the group:

* announcements: those of the month made when the unit already existed
  (``units.created_at <= announcements.created_at``); acknowledged: of those, the ones the unit
  acknowledged (at any time); on time: acknowledged before the first follow-up was due
  (``acked_at < first_followup_at``); the share is on time / announcements.
* tasks: the unit's tasks due in the month that are closed or already past their due date (a
  task still running towards a later day of the month does not count yet); closed: of those,
  the closed ones; on time: closed by the due date (``closed_at <= due_at``); the share is on
  time / tasks.
* overdue now: the unit's open tasks past their due date at ``now``, whatever the month.
* score: the mean of the two shares the unit has (NULL when it has neither).

Per pokja the same task figures over the tasks of that pokja (pokja have no announcements, so
their score is the task share); only pokja with tasks are listed.

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


# Task figures of one group by a key (the unit or the pokja); shared by both recaps.
_TASK_FIGURES = """
           count(CASE WHEN t.due_at >= :start AND t.due_at < :end
                       AND (t.closed_at IS NOT NULL OR t.due_at < :now) THEN 1 END) AS total,
           count(CASE WHEN t.due_at >= :start AND t.due_at < :end
                       AND t.closed_at IS NOT NULL THEN 1 END) AS closed,
           count(CASE WHEN t.due_at >= :start AND t.due_at < :end
                       AND t.closed_at <= t.due_at THEN 1 END) AS on_time,
           count(CASE WHEN t.status <> 'selesai' AND t.due_at < :now THEN 1 END) AS overdue
    FROM tasks t WHERE t.group_id = :group
"""

SELECT = f"""
WITH unit AS (
    SELECT id, code, created_at FROM units WHERE group_id = :group AND removed_at IS NULL
),
ann AS (
    SELECT u.id AS unit_id,
           count(*) AS total,
           count(k.unit_id) AS acked,
           count(CASE WHEN k.acked_at < a.first_followup_at THEN 1 END) AS on_time
    FROM unit u
    JOIN announcements a ON a.group_id = :group AND a.created_at >= :start
         AND a.created_at < :end AND u.created_at <= a.created_at
    LEFT JOIN announcement_acks k ON k.announcement_id = a.id AND k.unit_id = u.id
    GROUP BY u.id
),
task AS (
    SELECT t.unit_id, {_TASK_FIGURES}
    GROUP BY t.unit_id
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
    SELECT t.pokja, {_TASK_FIGURES} AND t.pokja IS NOT NULL
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
