"""Services: plain values in, plain values out, an explicit ``now``, no Telegram. They own
every write; handlers and jobs reach the database only through them. A service that changes
when something is due calls the ``wake`` it is given (the dispatcher's), so no handler has to
remember to."""

from collections.abc import Awaitable, Callable

from storage.db import Database
from storage.firings import Outgoing

Wake = Callable[[], Awaitable[object]]
"""Re-arms the dispatcher after a due time changed."""

__all__ = ["Database", "Outgoing", "Wake"]
