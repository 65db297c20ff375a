from collections.abc import AsyncIterator

import pytest

from bench.faults import kill_leftovers


@pytest.fixture(autouse=True)
async def no_bot_left_running() -> AsyncIterator[None]:
    """A test that fails half-way must not leave its bot process running."""
    yield
    await kill_leftovers()
