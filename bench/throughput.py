"""Throughput per update: Rakor against bare python-telegram-bot bots, on the same workloads.

    .venv/bin/python -m bench.throughput          # every workload, 5,000 updates, 5 rounds
    .venv/bin/python -m bench.throughput --updates 2000 --rounds 3 --workloads plain,diterima

This process runs a minimal fake Bot API (``bench/minifake.py``: it answers at once and checks
nothing) and first prints what it can serve: updates per second to a poller that does nothing.
It then prepares one database the way users would: 50 registered groups (``/mulai``), the 36
example units in each, one member per unit (``/gabung``), a meeting ahead (``/rapat``), three
announcements (``/umumkan``) and five reminders (``/ingatkan``) per group, all through the real
bot. Each run starts from a copy of it.

A workload is ``--updates`` updates spread evenly over the 50 groups, sent by their members:

* ``plain``: ordinary group messages (Rakor stores each and answers none);
* ``pengingat``: ``/pengingat`` (a read and a reply);
* ``agenda``: ``/agenda teks`` (a write and a reply);
* ``ingatkan``: ``/ingatkan besok jam 9 teks`` (a write and a reply);
* ``diterima``: presses of the *Diterima* button, each by a unit that had not pressed it yet.

Every run is a fresh process (``bench/throughput_bots.py``): Rakor as ``rakor run`` runs it
with the flood limiter off (retries kept), python-telegram-bot's echo bot (each message
answered with its text, each press answered) and a bot that does nothing. Rounds take turns
bot by bot, so a slower moment of the machine falls on all of them; each figure is the median
over the rounds. The last lines are ``ratio WORKLOAD X.XX``: Rakor's updates per second over
the echo bot's, medians, measured in this one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.minifake import MiniFake, Posted
from bench.throughput_bots import TOKEN, counting

ROOT = Path(__file__).resolve().parents[1]
GROUPS = 50
ADMIN = 1_000_001
FIRST_GROUP = -1_001_900_000_000
ANNOUNCEMENTS = 3
REMINDERS = 5
WORKLOADS = ("plain", "pengingat", "agenda", "ingatkan", "diterima")
BOTS = ("rakor", "echo", "noop")
CHILD_TIMEOUT = 60.0

PLAIN = (
    "Siap pak, laporan realisasi anggaran triwulan III sudah kami kirim ke sekretariat.",
    "Mohon izin, perwakilan kami hadir pukul 09.30 karena ada kegiatan di kecamatan.",
    "Terima kasih infonya bu. Data penerima bantuan sedang kami verifikasi ulang.",
    "Baik, akan kami koordinasikan dengan bidang teknis hari ini.",
)


@dataclass(frozen=True, slots=True)
class World:
    """What the prepared database holds, as the workloads need it."""

    units: int
    """Units (and members, one per unit) of each group."""
    buttons: dict[int, list[Posted]]
    """Each group's Diterima buttons, oldest first."""


def group_id(index: int) -> int:
    return FIRST_GROUP - index


def member_id(group: int, unit: int) -> int:
    return 10_000_000 + group * 100 + unit


def _chat(index: int) -> dict[str, Any]:
    return {"id": group_id(index), "type": "supergroup", "title": f"Rakor Uji {index + 1}"}


def _user(user_id: int) -> dict[str, Any]:
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": f"Pegawai {user_id % 1000}",
        "last_name": "Kota",
        "username": f"pegawai_{user_id}",
        "language_code": "id",
    }


def message(update_id: int, group: int, user_id: int, text: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": _chat(group),
        "from": _user(user_id),
        "text": text,
    }
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": body}


def press(update_id: int, group: int, user_id: int, button: Posted) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"press-{update_id}",
            "from": _user(user_id),
            "chat_instance": f"chat-{group}",
            "data": button.data,
            "message": {
                "message_id": button.message_id,
                "date": int(time.time()),
                "chat": _chat(group),
                "from": {"id": 1, "is_bot": True, "first_name": "Rakor"},
                "text": "Pengumuman",
            },
        },
    }


def workload(name: str, count: int, first_id: int, world: World) -> list[dict[str, Any]]:
    """``count`` updates of a workload, round-robin over the groups, each from a member."""
    updates = []
    for i in range(count):
        update_id, group, turn = first_id + i, i % GROUPS, i // GROUPS
        unit = turn % world.units
        user = member_id(group, unit)
        if name == "plain":
            updates.append(message(update_id, group, user, PLAIN[turn % len(PLAIN)]))
        elif name == "pengingat":
            updates.append(message(update_id, group, user, "/pengingat"))
        elif name == "agenda":
            text = f"/agenda Penertiban parkir liar di ruas jalan protokol, usulan {turn + 1}"
            updates.append(message(update_id, group, user, text))
        elif name == "ingatkan":
            text = f"/ingatkan besok jam 9 Kirim laporan realisasi anggaran {turn + 1}"
            updates.append(message(update_id, group, user, text))
        else:
            buttons = world.buttons[group_id(group)]
            button = buttons[turn // world.units % len(buttons)]
            updates.append(press(update_id, group, user, button))
    return updates


async def feed(app: Any, fake: MiniFake, updates: list[dict[str, Any]]) -> None:
    """Have an application running in this process handle ``updates`` (the preparation)."""
    fake.load(updates)
    with counting(app.update_queue, len(updates)) as finished:
        fake.release()
        await finished.wait()


async def prepare(fake: MiniFake, database: Path) -> tuple[World, int]:
    """The database every run starts from, made through the real bot; the world it holds
    and the next free update id."""
    from bot.app import build_application, running
    from bot.services.seeds import example_units
    from bot.settings import Settings
    from storage import units

    settings = Settings.model_validate(
        {
            "bot_token": TOKEN,
            "api_base_url": fake.url,
            "database": database,
            "allowed_chats": ",".join(str(group_id(g)) for g in range(GROUPS)),
        }
    )
    codes = [code for code, _ in example_units()]
    meeting_day = time.localtime(time.time() + timedelta(days=10).total_seconds())
    meeting_when = f"{meeting_day.tm_mday}/{meeting_day.tm_mon}/{meeting_day.tm_year} pukul 10.00"
    app = build_application(settings, flood_limits=False)
    next_id = 1
    async with running(app):

        async def say(texts: Callable[[int], list[tuple[int, str]]]) -> None:
            nonlocal next_id
            updates = []
            for g in range(GROUPS):
                for user, text in texts(g):
                    updates.append(message(next_id, g, user, text))
                    next_id += 1
            await feed(app, fake, updates)

        await say(lambda g: [(ADMIN, "/mulai")])
        for g in range(GROUPS):
            await units.add_many(app.bot_data.database, group_id(g), example_units(), 0)
        await say(lambda g: [(member_id(g, u), f"/gabung {code}") for u, code in enumerate(codes)])
        await say(
            lambda g: (
                [(ADMIN, f"/rapat Rakor Pokja Aset | {meeting_when} | Aula Bappeda")]
                + [(ADMIN, f"/umumkan Apel pagi gabungan ke-{n + 1}") for n in range(ANNOUNCEMENTS)]
                + [
                    (ADMIN, f"/ingatkan besok jam {8 + n} Rapat koordinasi {n}")
                    for n in range(REMINDERS)
                ]
            )
        )
    buttons: dict[int, list[Posted]] = {}
    for posted in fake.posted:
        if posted.data.startswith("ann:a:"):
            buttons.setdefault(posted.chat_id, []).append(posted)
    missing = [g for g in range(GROUPS) if len(buttons.get(group_id(g), [])) != ANNOUNCEMENTS]
    if missing:
        raise RuntimeError(f"the preparation left groups without their announcements: {missing}")
    return World(len(codes), buttons), next_id


async def child(
    kind: str, fake: MiniFake, count: int, env: dict[str, str], cwd: Path
) -> dict[str, Any]:
    """One bot in a fresh process through ``count`` loaded updates; its figures."""
    log = cwd / f"{kind}.log"
    with log.open("ab") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.throughput_bots",
            kind,
            fake.url,
            str(count),
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            stdout=asyncio.subprocess.PIPE,
            stderr=stderr,
        )
        try:
            out, _ = await asyncio.wait_for(process.communicate(), CHILD_TIMEOUT)
        except TimeoutError:
            process.kill()
            await process.wait()
            tail = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(
                f"{kind} did not finish in {CHILD_TIMEOUT:.0f} s; the server answered"
                f" {dict(fake.counts.methods)}:\n{tail}"
            ) from None
    if process.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{kind} failed (exit {process.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    result["sent"] = sum(fake.counts.methods[m] for m in ("sendMessage", "answerCallbackQuery"))
    result["first_text"] = fake.counts.first_text
    return result


def median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


async def main(args: argparse.Namespace) -> None:
    workloads = [name.strip() for name in args.workloads.split(",")]
    unknown = set(workloads) - set(WORKLOADS)
    if unknown:
        raise SystemExit(f"unknown workloads: {', '.join(sorted(unknown))}")
    logging.basicConfig(level=logging.WARNING)
    fake = MiniFake(TOKEN, admins=(ADMIN,))
    await fake.start()
    with tempfile.TemporaryDirectory(prefix="rakor-throughput-", dir=args.tmp) as tmp:
        work = Path(tmp)
        template = work / "prepared.sqlite3"
        started = time.perf_counter()
        world, first_id = await prepare(fake, template)
        print(f"prepared {GROUPS} groups in {time.perf_counter() - started:.1f} s", flush=True)
        fake.load(workload("plain", args.updates, first_id, world))
        capacity = await child("poller", fake, args.updates, {}, work)
        print(
            f"fake Bot API: {capacity['updates_per_s']:,.0f} updates/s to a poller that does"
            " nothing",
            flush=True,
        )
        results: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for round_no in range(args.rounds):
            for name in workloads:
                updates = workload(name, args.updates, first_id, world)
                for kind in BOTS:
                    run_dir = work / f"{name}-{kind}-{round_no}"
                    run_dir.mkdir()
                    env = {}
                    if kind == "rakor":
                        shutil.copyfile(template, run_dir / "rakor.sqlite3")
                        env = {
                            "RAKOR_BOT_TOKEN": TOKEN,
                            "RAKOR_API_BASE_URL": fake.url,
                            "RAKOR_DATABASE": str(run_dir / "rakor.sqlite3"),
                            "RAKOR_ALLOWED_CHATS": ",".join(
                                str(group_id(g)) for g in range(GROUPS)
                            ),
                        }
                    fake.load(updates)
                    result = await child(kind, fake, args.updates, env, run_dir)
                    results.setdefault((name, kind), []).append(result)
                    print(
                        f"  round {round_no + 1} {name:<10} {kind:<6}"
                        f" {result['updates_per_s']:8.0f} updates/s"
                        f" {result['cpu_us']:7.0f} µs CPU/update"
                        f" {result['peak_rss_mib']:6.1f} MiB"
                        f"  sent {result['sent']}"
                        + (
                            f"  WARNINGS {result['warnings']}: {result['first_warning']}"
                            if result["warnings"]
                            else ""
                        ),
                        flush=True,
                    )
                    if args.verbose:
                        print(f"    first reply: {result['first_text']!r}")
    await fake.stop()
    report(workloads, results, args)


def report(
    workloads: list[str],
    results: dict[tuple[str, str], list[dict[str, Any]]],
    args: argparse.Namespace,
) -> None:
    print()
    print(
        f"{args.updates:,} updates per run, {GROUPS} groups, median of {args.rounds} rounds;"
        " CPU of the whole bot process (every thread)"
    )
    print(
        f"{'workload':<10} {'bot':<6} {'updates/s':>10} {'CPU µs/update':>14} {'peak MiB':>9}"
        f" {'÷ echo':>7} {'CPU ÷ echo':>11}"
    )
    for name in workloads:
        echo_rate = median(results[(name, "echo")], "updates_per_s")
        echo_cpu = median(results[(name, "echo")], "cpu_us")
        for kind in BOTS:
            runs = results[(name, kind)]
            rate, cpu = median(runs, "updates_per_s"), median(runs, "cpu_us")
            print(
                f"{name:<10} {kind:<6} {rate:10.0f} {cpu:14.0f} {median(runs, 'peak_rss_mib'):9.1f}"
                f" {rate / echo_rate:7.2f} {cpu / echo_cpu:11.2f}"
            )
    print()
    for name in workloads:
        rate = median(results[(name, "rakor")], "updates_per_s")
        echo_rate = median(results[(name, "echo")], "updates_per_s")
        print(f"ratio {name} {rate / echo_rate:.2f}")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=5000, help="updates per run")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (each figure a median)")
    parser.add_argument("--workloads", default=",".join(WORKLOADS), help="comma-separated")
    parser.add_argument("--tmp", help="directory for the databases (default: the system's)")
    parser.add_argument("--verbose", action="store_true", help="print each run's first reply")
    return parser.parse_args(argv)


if __name__ == "__main__":
    asyncio.run(main(parse()))
