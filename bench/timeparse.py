"""Benchmark of the time parser: microseconds per phrase over the whole phrase table.

    .venv/bin/python -m bench.timeparse [--batch 200] [--rounds 5]

Every phrase of ``tests/unit/timeparse_phrases.py`` (accepted and refused ones) is parsed
``--batch`` times in a row, ``--rounds`` times; a phrase's time is its fastest round divided
by the batch (the least disturbed by the rest of the machine). Printed: the median and p95
over the phrases, the slowest phrases, and a last line ``median-us X.X``.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time

from bot.domain.timeparse import TimeParseError, parse_when
from tests.unit.timeparse_phrases import ENDS, NOW, ONE_OFF, RECURRING, REFUSALS, ZONED


def phrases() -> list[str]:
    """Every phrase of the tables, once."""
    tables = (ONE_OFF, ZONED, ENDS, RECURRING, REFUSALS)
    return list(dict.fromkeys(str(row[0]) for table in tables for row in table))


def parse(phrase: str) -> None:
    with contextlib.suppress(TimeParseError):
        parse_when(phrase, NOW)


def microseconds(phrase: str, batch: int, rounds: int) -> float:
    """The fastest of ``rounds`` batches of ``batch`` parses, per parse."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(batch):
            parse(phrase)
        best = min(best, time.perf_counter() - start)
    return best / batch * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    table = phrases()
    for phrase in table:  # warm up: compiled patterns, zone and holiday caches
        parse(phrase)
    timed = sorted((microseconds(p, args.batch, args.rounds), p) for p in table)
    figures = [us for us, _ in timed]
    p95 = figures[min(len(figures) - 1, round(0.95 * len(figures)))]
    print(f"phrases      {len(table)}")
    print(f"median       {statistics.median(figures):.1f} µs")
    print(f"p95          {p95:.1f} µs")
    print(f"max          {figures[-1]:.1f} µs")
    print("slowest:")
    for us, phrase in timed[-5:][::-1]:
        print(f"  {us:7.1f} µs  {phrase!r}")
    print(f"median-us {statistics.median(figures):.1f}")


if __name__ == "__main__":
    main()
