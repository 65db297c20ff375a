"""Benchmark of /ekspor: peak memory and time of a task export, small and large, in one run.

    .venv/bin/python -m bench.export                      # 5,000 vs 50,000 tasks
    .venv/bin/python -m bench.export --small 2000 --large 100000

For each size, a database is filled with that many tasks of one group (36 units, texts of
typical length, a third closed), then a fresh process opens it and writes the export exactly
as /ekspor does (``bot.text.export_book.write`` into a temporary file), and reports its
peak resident memory (``VmHWM``), its resident memory just before the export (everything
imported, the database open) and the time taken. Memory that stays flat as the table grows
tenfold is what the streaming (keyset batches, openpyxl's write-only mode) is for.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.memory import peak_rss_kib
from bot.services import exports
from bot.services.seeds import example_units, pokja
from bot.text import export_book, export_sheets
from storage import db as storage_db

GROUP = -1001234567890
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # 10.00 WIB
WORDS = [
    "koordinasi",
    "penataan",
    "parkir",
    "jalan",
    "merdeka",
    "laporan",
    "capaian",
    "rencana",
    "aksi",
    "triwulan",
    "pendataan",
    "aset",
    "sosialisasi",
    "warga",
    "drainase",
    "genangan",
    "perbaikan",
    "jembatan",
    "anggaran",
    "pengadaan",
    "rambu",
    "sinkronisasi",
    "data",
    "kecamatan",
    "musrenbang",
    "evaluasi",
    "pelayanan",
    "perizinan",
]


def rss_kib() -> int:
    """This process's resident memory now (``VmRSS``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def fill(database: Path, count: int) -> None:
    """``count`` tasks of one group over its 36 units."""
    rng = random.Random(count)
    db = await storage_db.connect(database)
    now = int(NOW.timestamp())
    codes = pokja()
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO groups (chat_id, title, timezone, language, registered_at)"
            " VALUES (?, 'Rakor Bench', 'Asia/Jakarta', 'id', ?)",
            (GROUP, now),
        )
        await conn.executemany(
            "INSERT INTO units (group_id, code, name, created_at) VALUES (?, ?, ?, ?)",
            [(GROUP, code, name, now) for code, name in example_units()],
        )
        cursor = await conn.execute("SELECT id FROM units WHERE group_id = ?", (GROUP,))
        unit_ids = [row["id"] for row in await cursor.fetchall()]
        rows = []
        for number in range(1, count + 1):
            due = now + rng.randrange(-60, 60) * 86400
            closed = due - rng.randrange(-3, 10) * 86400 if number % 3 == 0 else None
            rows.append(
                (
                    GROUP,
                    number,
                    rng.choice(unit_ids),
                    " ".join(rng.choices(WORDS, k=rng.randrange(6, 18))).capitalize(),
                    rng.choice(codes)[0] if number % 2 else None,
                    due,
                    "selesai" if closed else rng.choice(("baru", "proses", "terkendala")),
                    now - 90 * 86400,
                    closed,
                    10_000 + number,
                )
            )
        await conn.executemany(
            "INSERT INTO tasks (group_id, number, unit_id, text, pokja, due_at, zone, status,"
            " creator_id, creator_name, created_at, closed_at, message_id)"
            " VALUES (?, ?, ?, ?, ?, ?, 'Asia/Jakarta', ?, 1, 'Asisten', ?, ?, ?)",
            rows,
        )
    await db.close()


async def measure(database: Path) -> dict[str, float]:
    """One export of every task, in this (fresh) process."""
    import openpyxl  # noqa: F401 - imported before the baseline, as a running bot would have

    db = await storage_db.connect(database)
    request = exports.parse_request("tugas", NOW, "Asia/Jakarta")
    context = export_sheets.Context(GROUP, "id", "Asia/Jakarta", int(NOW.timestamp()))
    before = rss_kib()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as target:
        rows = await export_book.write(db, request, context, target)
        size = target.tell()
    elapsed = time.perf_counter() - started
    await db.close()
    return {
        "rows": rows,
        "seconds": elapsed,
        "file_mib": size / 2**20,
        "before_mib": before / 1024,
        "peak_mib": peak_rss_kib() / 1024,
    }


def child(database: Path) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.export", "--child", str(database)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=5_000)
    parser.add_argument("--large", type=int, default=50_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(measure(Path(args.child)))))
        return
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (args.small, args.large):
            database = Path(tmp) / f"export-{count}.sqlite3"
            asyncio.run(fill(database, count))
            results[count] = child(database)
            results[count]["db_mib"] = database.stat().st_size / 2**20
    for count, r in results.items():
        assert r["rows"] == count
        print(
            f"export of {count:,} tasks: {r['seconds']:.1f} s, .xlsx {r['file_mib']:.1f} MiB"
            f" (database {r['db_mib']:.1f} MiB); RSS before {r['before_mib']:.0f} MiB,"
            f" peak {r['peak_mib']:.0f} MiB (+{r['peak_mib'] - r['before_mib']:.1f} MiB)"
        )
    small, large = results[args.small], results[args.large]
    growth = (large["peak_mib"] - large["before_mib"]) / (small["peak_mib"] - small["before_mib"])
    print(
        f"{args.large:,} vs {args.small:,} tasks ({args.large / args.small:.0f}x the rows):"
        f" peak RSS {large['peak_mib'] / small['peak_mib']:.2f}x, growth during the export"
        f" {growth:.2f}x, time {large['seconds'] / small['seconds']:.1f}x"
    )


if __name__ == "__main__":
    main()
