"""Benchmark of rendering and start-up: ``split_html`` on long replies, and what ``bot.app``
costs to import.

    .venv/bin/python -m bench.render

*split* times :func:`bot.text.render.split_html` on the ``/pengingat`` list of 300 pending
reminders (built from the catalog, as the handler builds it) and on one long line of words
(a pasted document), per reply and per 4,096-unit chunk sent.

*import* runs ``import bot.app`` in a fresh interpreter and prints its resident memory and
whether matplotlib and python-docx were loaded; then the same with the two renderers
imported as well, so the share of start-up memory they would take shows in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from bot.text.i18n import t
from bot.text.render import split_html

_IMPORT_PROBE = """
import json, sys
import bot.app
{extra}
with open("/proc/self/status", encoding="ascii") as status:
    rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
heavy = sorted({{name.split(".")[0] for name in sys.modules}} & {{"matplotlib", "docx"}})
print(json.dumps({{"rss_kib": rss, "heavy": heavy}}))
"""


def reminders_list(count: int) -> str:
    """The ``/pengingat`` reply for ``count`` pending reminders."""
    lines = [t("id", "reminders.list_header", count=count)]
    for number in range(1, count + 1):
        lines.append(
            t(
                "id",
                "reminders.list_item",
                number=number,
                when=f"Kamis, {number % 28 + 1} Januari 2027 pukul 09.00 WIB",
                recurring="",
                text=f"Kirim laporan realisasi anggaran triwulan ke-{number % 4 + 1} <Dishub>",
                creator="Budi Santoso",
            )
        )
    return "\n\n".join(lines)


def timed(text: str, runs: int) -> tuple[float, float, int]:
    """p50 and p95 milliseconds of splitting ``text``, and the number of chunks."""
    timings, chunks = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        chunks = len(split_html(text))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))], chunks


def import_cost(extra: str) -> tuple[float, list[str]]:
    """``import bot.app`` (and ``extra``) in a fresh interpreter: resident MiB, and which of
    matplotlib and python-docx were loaded."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and probe
        [sys.executable, "-c", _IMPORT_PROBE.format(extra=extra)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.stdout)
    return int(result["rss_kib"]) / 1024, [str(name) for name in result["heavy"]]


def main(args: argparse.Namespace) -> None:
    print(f"split_html over {args.runs} runs (ms)   p50      p95   chunks   p50 per chunk")
    cases = {
        "/pengingat, 300 pending": reminders_list(300),
        "one line of 30,000 words": " ".join(f"kata{i % 997}" for i in range(30_000)),
    }
    for name, text in cases.items():
        p50, p95, chunks = timed(text, args.runs)
        print(f"{name:<28} {p50:8.2f} {p95:8.2f} {chunks:8d} {p50 / chunks:10.2f}")
    bare, heavy = import_cost("")
    full, _ = import_cost(
        "import bot.text.minutes_docx, matplotlib.figure, matplotlib.backends.backend_agg"
    )
    loaded = ", ".join(heavy) or "none"
    print(f"import bot.app: {bare:.1f} MiB resident, heavy modules loaded: {loaded}")
    print(f"with the chart and minutes renderers imported: {full:.1f} MiB (+{full - bare:.1f} MiB)")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(parse())
