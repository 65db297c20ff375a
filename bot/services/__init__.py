"""Services: plain values in, plain values out, an explicit ``now``, no Telegram. They own
every write; handlers and jobs reach the database only through them. A service that changes
when something is due calls the ``wake`` it is given (the dispatcher's), so no handler has to
remember to."""

from collections.abc import Awaitable
from datetime import datetime
from typing import Protocol

from storage.db import Database
from storage.firings import Outgoing


class Wake(Protocol):
    """Re-arms the dispatcher after a due time changed; ``due``, when given, is the due time
    of what was just added (no earlier one was removed), so an armed earlier run is kept
    without asking the database."""

    def __call__(self, due: datetime | None = None) -> Awaitable[object]: ...


__all__ = ["Database", "Outgoing", "Wake"]
