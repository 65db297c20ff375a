"""Faults injected on purpose into a real bot process, and what became of the messages.

    .venv/bin/python -m bench.faults            # every scenario, a table of figures
    .venv/bin/python -m bench.faults stall sigterm

Each scenario runs ``rakor run`` as a separate process against the fake Bot API (on the real
clock) with its own SQLite file, injects one fault, and counts what was lost, doubled or
repeated. ``tests/e2e/test_faults.py`` runs the same scenarios and asserts on the figures.

* ``stall``: the process is frozen (SIGSTOP) across a reminder's due time, then thawed.
* ``write_lock``: another process holds SQLite's write lock longer than the busy timeout
  while commands arrive.
* ``sigterm``: SIGTERM with 20 commands queued behind a reply Telegram does not answer.
* ``kill_commands``: SIGKILL at random moments while 150 commands are handled.
* ``kill_burst``: SIGKILL at random moments while 300 reminders due at once over 30 groups
  are sent under Telegram's flood limits.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.fakeapi import FakeBotApi
from bot.runtime import system_clock
from storage import db as storage_db
from storage import groups as storage_groups
from storage import reminders as storage_reminders

TOKEN = "123456:FAULTS-token-for-the-fake-server"  # noqa: S105 - the fake server's token
GROUP = -1001000000001
ADMIN = 1001
BOOT_TIMEOUT = 30.0

Condition = Callable[[], Any]


async def until(condition: Condition, timeout: float = 30.0, what: str = "condition") -> None:  # noqa: ASYNC109
    """Wait (real time) until the sync or async ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def query(database: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(database, timeout=30)) as conn:
        return conn.execute(sql, params).fetchall()


async def start_bot(
    fake: FakeBotApi, workdir: Path, *, chats: tuple[int, ...] = (GROUP,), log: Path | None = None
) -> asyncio.subprocess.Process:
    """``rakor run`` as a real process against ``fake``, its data in ``workdir``."""
    env = {
        **os.environ,
        "RAKOR_BOT_TOKEN": fake.token,
        "RAKOR_API_BASE_URL": f"http://127.0.0.1:{fake.port}",
        "RAKOR_DATABASE": str(workdir / "rakor.sqlite3"),
        "RAKOR_ALLOWED_CHATS": ",".join(str(chat) for chat in chats),
        "RAKOR_LOG_LEVEL": "INFO",
    }
    output = log.open("ab") if log is not None else asyncio.subprocess.DEVNULL
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            cwd=workdir,
            env=env,
            stdout=output,
            stderr=output,
        )
    finally:
        if log is not None and not isinstance(output, int):
            output.close()
    _started.append(process)
    return process


_started: list[asyncio.subprocess.Process] = []


async def kill_leftovers() -> None:
    """Kill every bot process a scenario started and did not stop (it failed half-way)."""
    while _started:
        process = _started.pop()
        if process.returncode is None:
            process.kill()
            await process.wait()


async def stop_bot(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), timeout=30)


def bot_replies(fake: FakeBotApi, prefix: str) -> list[str]:
    return [m.text for m in fake.sent if m.text and m.text.startswith(prefix)]


def new_fake() -> FakeBotApi:
    fake = FakeBotApi(token=TOKEN, bot_username="rakor_bot", clock=system_clock)
    fake.add_user(ADMIN, "Asisten", last_name="Pemerintahan", username="asisten_pem")
    fake.add_group(GROUP, "Rakor Kota Contoh", admins=(ADMIN,), bot_is_admin=True)
    return fake


async def registered(fake: FakeBotApi, workdir: Path) -> asyncio.subprocess.Process:
    """A bot process with GROUP registered."""
    process = await start_bot(fake, workdir, log=workdir / "bot.log")
    fake.send_message(GROUP, ADMIN, "/mulai")
    await until(lambda: bot_replies(fake, "Grup"), BOOT_TIMEOUT, "the group registered")
    return process


@dataclass
class Figures:
    scenario: str
    values: dict[str, float] = field(default_factory=dict)


async def stall(workdir: Path, *, frozen: float = 8.0) -> Figures:
    """A reminder falls due while the process is frozen: it must go out right after the thaw,
    and not be called late (the bot never stopped)."""
    fake = new_fake()
    await fake.start()
    database = workdir / "rakor.sqlite3"
    try:
        process = await registered(fake, workdir)
        fake.send_message(GROUP, ADMIN, "/ingatkan besok jam 9 Laporan stall")
        await until(lambda: bot_replies(fake, "✅ Pengingat #1"), what="the reminder stored")
        # Bring it forward to a few seconds from now, behind the bot's back; a second reminder,
        # due before the first one's old time, makes the dispatcher ask the database again.
        due = time.time() + 3
        query_write(database, "UPDATE reminders SET next_at = ? WHERE number = 1", int(due))
        fake.send_message(GROUP, ADMIN, "/ingatkan besok jam 8 Pemicu")
        await until(lambda: bot_replies(fake, "✅ Pengingat #2"), what="the dispatcher re-armed")
        await asyncio.sleep(max(0.0, due - 1.5 - time.time()))
        process.send_signal(signal.SIGSTOP)
        if bot_replies(fake, "🔔 Pengingat #1"):
            raise RuntimeError("the reminder went out before the freeze: the scenario is void")
        await asyncio.sleep(frozen)
        process.send_signal(signal.SIGCONT)
        thawed = time.monotonic()
        try:
            await until(lambda: bot_replies(fake, "🔔 Pengingat #1"), 20, "the reminder")
            after = time.monotonic() - thawed
        except TimeoutError:
            after = float("inf")
        await stop_bot(process)
    finally:
        await kill_leftovers()
        await fake.stop()
    fired = bot_replies(fake, "🔔 Pengingat #1")
    return Figures(
        "stall",
        {
            "frozen s": frozen,
            "lost": 0 if fired else 1,
            "s after thaw": round(after, 2),
            "called late": sum("Terlambat" in text for text in fired),
        },
    )


def polled(fake: FakeBotApi) -> bool:
    return sum(1 for method, _ in fake.requests if method == "getUpdates") >= 2


def query_write(database: Path, sql: str, *params: object) -> None:
    with closing(sqlite3.connect(database, timeout=30)) as conn, conn:
        conn.execute(sql, params)


async def write_lock(workdir: Path, *, hold: float = 8.0, commands: int = 5) -> Figures:
    """Another process holds the write lock longer than the bot's busy timeout (5 s) while
    commands arrive: every one is answered afterwards, and polling goes on."""
    fake = new_fake()
    await fake.start()
    database = workdir / "rakor.sqlite3"
    try:
        process = await registered(fake, workdir)
        blocker = sqlite3.connect(database, timeout=30, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        for i in range(commands):
            fake.send_message(GROUP, ADMIN, f"/ingatkan besok jam 9 Kunci {i}")
        await asyncio.sleep(hold)
        blocker.execute("COMMIT")
        blocker.close()
        released = time.monotonic()
        try:
            await until(
                lambda: len(bot_replies(fake, "✅ Pengingat #")) >= commands, 60, "the answers"
            )
            caught_up = time.monotonic() - released
        except TimeoutError:
            caught_up = float("inf")
        fake.send_message(GROUP, ADMIN, "/pengingat")
        try:
            await until(lambda: bot_replies(fake, "Pengingat di obrolan ini"), 30, "polling")
            polling = 1
        except TimeoutError:
            polling = 0
        await stop_bot(process)
    finally:
        await kill_leftovers()
        await fake.stop()
    stored = query(database, "SELECT count(*) FROM reminders")[0][0]
    return Figures(
        "write_lock",
        {
            "held s": hold,
            "commands": commands,
            "answered": len(bot_replies(fake, "✅ Pengingat #")),
            "stored": stored,
            "s to catch up": round(caught_up, 2),
            "polling after": polling,
        },
    )


async def sigterm(workdir: Path, *, queued: int = 20) -> Figures:
    """SIGTERM while replies hang and ``queued`` commands wait: the process exits within
    seconds; after a restart each command is carried out exactly once.

    The commands come from private chats, so that Telegram's 20 messages a minute in one group
    do not stretch the replies after the restart over minutes."""
    fake = new_fake()
    people = [3000 + i for i in range(queued)]
    for user_id in people:
        fake.add_user(user_id, f"Pegawai {user_id}")
    await fake.start()
    database = workdir / "rakor.sqlite3"
    try:
        process = await registered(fake, workdir)
        fake.stall("sendMessage")
        for i, user_id in enumerate(people):
            fake.send_message(user_id, user_id, f"/ingatkan besok jam 9 Antre {i}")
        await until(
            lambda: query(database, "SELECT count(*) FROM inbox")[0][0] >= queued + 1,
            what="the commands stored",
        )
        await until(lambda: fake.hanging("sendMessage") >= 1, what="a reply under way")
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), timeout=60)
        finally:
            exit_seconds = time.monotonic() - started
        fake.unstall("sendMessage")
        process = await start_bot(fake, workdir, log=workdir / "bot.log")
        await until(
            lambda: (
                query(database, "SELECT count(*) FROM inbox WHERE done_at IS NULL")[0][0] == 0
                and query(database, "SELECT count(*) FROM reminders")[0][0] >= queued
            ),
            60,
            "every command handled",
        )
        await stop_bot(process)
    finally:
        await kill_leftovers()
        await fake.stop()
    texts = [text for (text,) in query(database, "SELECT text FROM reminders")]
    wanted = [f"Antre {i}" for i in range(queued)]
    return Figures(
        "sigterm",
        {
            "queued": queued,
            "s to exit": round(exit_seconds, 2),
            "lost": sum(1 for text in wanted if text not in texts),
            "doubled": sum(max(0, texts.count(text) - 1) for text in wanted),
        },
    )


async def kill_commands(
    workdir: Path, *, commands: int = 150, kills: int = 5, seed: int = 7
) -> Figures:
    """SIGKILL at random moments while commands are handled: each makes exactly one record.

    The commands come from private chats (each person's own), so Telegram's limit of 20
    messages a minute in one group does not stretch the run to minutes."""
    rng = random.Random(seed)
    fake = new_fake()
    people = [2000 + i for i in range(commands)]
    for user_id in people:
        fake.add_user(user_id, f"Pegawai {user_id}")
    await fake.start()
    database = workdir / "rakor.sqlite3"

    def handled() -> int:
        try:
            done = query(database, "SELECT count(*) FROM inbox WHERE done_at IS NOT NULL")
        except sqlite3.OperationalError:  # not created yet
            return 0
        return int(done[0][0])

    try:
        process = await start_bot(fake, workdir, log=workdir / "bot.log")
        for i, user_id in enumerate(people):
            fake.send_message(user_id, user_id, f"/ingatkan besok jam 9 Bunuh {i}")
        made = 0
        while made < kills and handled() < commands:
            before = handled()

            def moved(before: int = before) -> bool:
                return handled() > before or handled() == commands

            await until(moved, BOOT_TIMEOUT, "handling under way")
            await asyncio.sleep(rng.uniform(0.0, 0.3))
            process.send_signal(signal.SIGKILL)
            await process.wait()
            made += 1
            process = await start_bot(fake, workdir, log=workdir / "bot.log")
        await until(
            lambda: not fake.pending_update_ids and handled() == commands,
            90,
            "every command handled",
        )
        await stop_bot(process)
    finally:
        await kill_leftovers()
        await fake.stop()
    texts = [text for (text,) in query(database, "SELECT text FROM reminders")]
    wanted = [f"Bunuh {i}" for i in range(commands)]
    return Figures(
        "kill_commands",
        {
            "commands": commands,
            "kills": made,
            "lost": sum(1 for text in wanted if text not in texts),
            "doubled": sum(max(0, texts.count(text) - 1) for text in wanted),
        },
    )


async def kill_burst(
    workdir: Path, *, reminders: int = 300, groups: int = 30, kills: int = 15, seed: int = 3
) -> Figures:
    """SIGKILL at random moments while a burst of reminders due at once is sent under
    Telegram's flood limits: none is lost; at most the ones under way at a kill go twice."""
    rng = random.Random(seed)
    fake = new_fake()
    chats = tuple(-1_003_000_000_000 - index for index in range(groups))
    for chat_id in chats:
        fake.add_group(chat_id, f"Grup {chat_id}", admins=(ADMIN,), bot_is_admin=True)
    fake.enforce_limits = True
    await fake.start()
    database = workdir / "rakor.sqlite3"
    await _due_burst(database, chats, reminders)

    def received() -> dict[str, int]:
        counts: dict[str, int] = {}
        for message in fake.sent:
            if message.text and message.text.startswith("🔔 Pengingat"):
                key = message.text.split("\n")[1]
                counts[key] = counts.get(key, 0) + 1
        return counts

    try:
        process = await start_bot(fake, workdir, chats=chats, log=workdir / "bot.log")
        made = 0
        while made < kills and len(received()) < reminders:
            before = len(fake.sent)

            def sending(before: int = before) -> bool:
                return len(fake.sent) > before or len(received()) == reminders

            await until(sending, BOOT_TIMEOUT, "sending under way")
            await asyncio.sleep(rng.uniform(0.0, 0.5))
            process.send_signal(signal.SIGKILL)
            await process.wait()
            made += 1
            process = await start_bot(fake, workdir, chats=chats, log=workdir / "bot.log")
        await until(
            lambda: (
                len(received()) == reminders
                and not query(
                    database, "SELECT 1 FROM firings WHERE status IN ('pending', 'sending')"
                )
            ),
            120,
            "every reminder sent",
        )
        await stop_bot(process)
    finally:
        await kill_leftovers()
        await fake.stop()
    counts = received()
    statuses = dict(query(database, "SELECT status, count(*) FROM firings GROUP BY status"))
    return Figures(
        "kill_burst",
        {
            "reminders": reminders,
            "groups": groups,
            "kills": made,
            "lost": reminders - len(counts),
            "repeated": sum(n - 1 for n in counts.values()),
            "uncertain": statuses.get("uncertain", 0),
            "429s": fake.limiter.refused,
        },
    )


async def _due_burst(database: Path, chats: tuple[int, ...], reminders: int) -> None:
    """The groups registered and ``reminders`` reminders spread over them, all due now."""
    db = await storage_db.connect(database)
    try:
        now = int(time.time())
        for chat_id in chats:
            await storage_groups.register(
                db, chat_id, f"Grup {chat_id}", "Asia/Jakarta", "id", ADMIN, now
            )
        for index in range(reminders):
            await storage_reminders.create(
                db,
                storage_reminders.NewReminder(
                    chat_id=chats[index % len(chats)],
                    creator_id=ADMIN,
                    creator_name="Asisten",
                    for_group=True,
                    text=f"Burst {index}",
                    phrase="sekarang",
                    rule=None,
                    zone="Asia/Jakarta",
                    zone_named=False,
                    next_at=now,
                ),
                now,
            )
    finally:
        await db.close()


SCENARIOS: dict[str, Callable[[Path], Awaitable[Figures]]] = {
    "stall": stall,
    "write_lock": write_lock,
    "sigterm": sigterm,
    "kill_commands": kill_commands,
    "kill_burst": kill_burst,
}


async def run(names: list[str]) -> list[Figures]:
    results = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"rakor-{name}-") as workdir:
            results.append(await SCENARIOS[name](Path(workdir)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="*", choices=list(SCENARIOS), default=[])
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    for figures in asyncio.run(run(args.scenarios or list(SCENARIOS))):
        shown = ", ".join(f"{name} {value:g}" for name, value in figures.values.items())
        print(f"{figures.scenario:<14} {shown}")


if __name__ == "__main__":
    main()
