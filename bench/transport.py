"""CPU per Bot API request: python-telegram-bot's httpx transport against Rakor's aiohttp one.

    .venv/bin/python -m bench.transport [--requests 3000 --rounds 3]

Both are driven the way ``Bot`` drives them (``BaseRequest.post``: a ``sendMessage`` with a
reply of typical length, the answer parsed), one request at a time and sixteen at a time (as
Rakor handles up to sixteen updates at once), against the minimal fake Bot API
(``bench/minifake.py``) running in a process of its own, so only the client's CPU is counted.
Runs take turns, and each figure is the median over the rounds. The last lines are
``cpu TRANSPORT CONCURRENCY X µs`` per request and ``ratio CONCURRENCY X.XX`` (httpx's CPU
over aiohttp's).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

from telegram.request import BaseRequest, HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bench.minifake import MiniFake
from bot.telegram.transport import AiohttpRequest

TOKEN = "123456:BENCH-transport-token"  # noqa: S105 - the fake server's token
CONCURRENCY = (1, 16)
TRANSPORTS = ("httpx", "aiohttp")
TEXT = (
    "✅ Usulan agenda <b>#12</b> dicatat untuk <b>Rakor Pokja Aset</b> (Kamis, 10 Desember 2026"
    " pukul 10.00, Aula Bappeda): Penertiban parkir liar di ruas jalan protokol — oleh Dishub."
)


def transport(name: str) -> BaseRequest:
    return HTTPXRequest() if name == "httpx" else AiohttpRequest()


async def run(name: str, url: str, concurrency: int, count: int) -> float:
    """CPU seconds of this process per request."""
    request = transport(name)
    await request.initialize()
    endpoint = f"{url}/bot{TOKEN}/sendMessage"

    def data(index: int) -> RequestData:
        values = {"chat_id": -1_001_900_000_000 - index % 50, "text": TEXT, "parse_mode": "HTML"}
        return RequestData([RequestParameter.from_input(k, v) for k, v in values.items()])

    try:
        await request.post(endpoint, data(0))  # the first connection is not measured
        numbers = iter(range(count))

        async def worker() -> None:
            for index in numbers:
                await request.post(endpoint, data(index))

        cpu = time.process_time()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return (time.process_time() - cpu) / count
    finally:
        await request.shutdown()


async def serve() -> None:
    """The fake server, until this process's stdin closes."""
    fake = MiniFake(TOKEN, admins=())
    await fake.start()
    print(fake.url, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await fake.stop()


async def main(args: argparse.Namespace) -> None:
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.transport",
        "--serve",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert server.stdout is not None and server.stdin is not None
    url = (await server.stdout.readline()).decode().strip()
    results: dict[tuple[str, int], list[float]] = {}
    try:
        for round_no in range(args.rounds):
            for concurrency in CONCURRENCY:
                for name in TRANSPORTS:
                    cpu = await run(name, url, concurrency, args.requests)
                    results.setdefault((name, concurrency), []).append(cpu)
                    print(
                        f"  round {round_no + 1} {name:<7} {concurrency:>2} at a time"
                        f" {cpu * 1e6:7.0f} µs CPU/request",
                        flush=True,
                    )
    finally:
        server.stdin.close()
        await server.wait()
    print()
    print(f"{args.requests:,} requests per run, median of {args.rounds} rounds")
    for (name, concurrency), runs in results.items():
        print(f"cpu {name} {concurrency} {statistics.median(runs) * 1e6:.0f} µs")
    for concurrency in CONCURRENCY:
        httpx = statistics.median(results[("httpx", concurrency)])
        aiohttp = statistics.median(results[("aiohttp", concurrency)])
        print(f"ratio {concurrency} {httpx / aiohttp:.2f}")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (each figure a median)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse()
    asyncio.run(serve() if arguments.serve else main(arguments))
