"""Failures the fake server produces on request, for tests of what the bot retries.

A test tells the server to answer some requests with a 5xx status (or a 429 with
``retry_after`` of :attr:`Faults.retry_after` seconds, 1 unless the test says otherwise), or
to drop the connection without answering, either for the next N matching requests or for a
share of them drawn from a seeded random generator (so a run is reproducible). A failed
request is recorded in ``requests`` but not carried out. By default only methods that send,
edit or pin a message fail; ``methods=`` names others.

A slow network is scripted the same way: ``slow(up_to)`` holds every request for a random
time (from the same generator) before the server sees it. To make the server unreachable —
connections refused — see ``FakeBotApi.go_offline``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from bot.fakeapi.limits import COUNTED_METHODS

DROP = 0
"""The ``status`` of a fault that closes the connection without answering."""


@dataclass
class _Rule:
    status: int
    methods: frozenset[str]
    remaining: int | None
    """Fail this many more matching requests; ``None``: fail a share of them."""
    share: float = 0.0


class Faults:
    """The server's scripted failures; ``take(method)`` says what to do with one request."""

    def __init__(self, seed: int = 0) -> None:
        self._random = random.Random(seed)  # noqa: S311 - reproducible, not secret
        self._rules: list[_Rule] = []
        self._up_to = 0.0
        self.injected: list[tuple[str, int]] = []
        """(method, status or ``DROP``) of every request that was made to fail."""
        self.retry_after = 1
        """Seconds an injected 429 asks the bot to wait."""

    def seed(self, seed: int) -> None:
        self._random.seed(seed)

    def fail_next(
        self, count: int = 1, *, status: int = 502, methods: Iterable[str] | None = None
    ) -> None:
        """Answer the next ``count`` matching requests with ``status`` (``DROP``: no answer)."""
        self._rules.append(_Rule(status, _lowered(methods), remaining=count))

    def fail_share(
        self, share: float, *, status: int = 500, methods: Iterable[str] | None = None
    ) -> None:
        """Answer each matching request with ``status`` with probability ``share``."""
        self._rules.append(_Rule(status, _lowered(methods), remaining=None, share=share))

    def slow(self, up_to: float) -> None:
        """Every request reaches the server between 0 and ``up_to`` seconds late."""
        self._up_to = up_to

    def delay(self) -> float:
        """How late the next request reaches the server."""
        return self._random.uniform(0.0, self._up_to) if self._up_to else 0.0

    def clear(self) -> None:
        """No more failures and no delay (what was injected stays in ``injected``)."""
        self._rules.clear()
        self._up_to = 0.0

    def take(self, method: str) -> int | None:
        """The failure for this request (a status, or ``DROP``), or ``None`` to serve it."""
        name = method.lower()
        for rule in self._rules:
            if name not in rule.methods:
                continue
            if rule.remaining is not None:
                rule.remaining -= 1
                if rule.remaining == 0:
                    self._rules.remove(rule)
            elif self._random.random() >= rule.share:
                continue
            self.injected.append((method, rule.status))
            return rule.status
        return None


def _lowered(methods: Iterable[str] | None) -> frozenset[str]:
    return frozenset(name.lower() for name in (COUNTED_METHODS if methods is None else methods))
