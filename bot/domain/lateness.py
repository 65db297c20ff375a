"""When a scheduled message counts as late: it fell due while the bot was not running.

A running bot that is slow for a moment (a stalled process, a burst held back by Telegram's
flood limits) sends what fell due as soon as it can, without calling it late; only a firing
that fell due before the process started, and goes out well after its time, says so.
"""

from __future__ import annotations

from datetime import datetime, timedelta

LATE_AFTER = timedelta(minutes=2)
"""A firing that fell due while the bot was down and goes out later than this is late."""


def is_late(scheduled: datetime, now: datetime, up_since: datetime) -> bool:
    """Whether a firing due at ``scheduled``, sent at ``now`` by a process running since
    ``up_since``, was delayed by the bot's downtime."""
    return scheduled < up_since and now - scheduled > LATE_AFTER
