"""End to end: ``rakor sandbox`` as a process, driven through its page in headless Chromium.

Uses Debian's ``chromium`` (``apt-get install chromium``; CI installs it) through Playwright's
Python package; Playwright's own browser downloads are not used.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_state(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/api/state", timeout=2) as response:  # noqa: S310 - loopback
        return json.loads(response.read())


@pytest.fixture
def sandbox_url(tmp_path: Path) -> Iterator[str]:
    """``rakor sandbox`` in a temporary working directory (its database goes there)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAKOR_")}
    env["PYTHONPATH"] = str(ROOT)
    log = (tmp_path / "sandbox.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "sandbox", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"rakor sandbox exited:\n{(tmp_path / 'sandbox.log').read_text()}")
            try:
                fetch_state(url)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("rakor sandbox did not start within 60 s")
                # Not time.sleep: under faketime (CI runs the suite a year ahead) Python's
                # clock_nanosleep fails with EINVAL; a timed wait on an event does not.
                threading.Event().wait(0.2)
        yield url
    finally:
        process.terminate()
        # Not wait(timeout=…), which polls with time.sleep (see above): a timer kills it.
        killer = threading.Timer(15, process.kill)
        killer.start()
        process.wait()
        killer.cancel()
        log.close()
    assert (tmp_path / "rakor-sandbox.sqlite3").exists()
    assert not (tmp_path / "rakor.sqlite3").exists()
    output = (tmp_path / "sandbox.log").read_text()
    assert "SANDBOX" in output
    assert url in output
    assert "RAKOR_BOT_TOKEN" in output


def test_a_persona_chats_with_the_bot_in_the_browser(
    sandbox_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI also runs the suite under faketime (LD_PRELOAD); the sandbox under test runs with it,
    # but Chromium does not work with a preloaded libfaketime, and its clock is irrelevant.
    monkeypatch.delenv("LD_PRELOAD", raising=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.set_default_timeout(TIMEOUT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(sandbox_url)
            group = page.locator("#messages-group")
            expect(group.locator("li.msg").first).to_contain_text("/mulai")
            expect(page.locator("#banner")).to_contain_text("SANDBOX")

            # Budi of Dishub asks for help
            page.select_option("#persona", "dishub")
            expect(page.locator("#persona-info")).to_contain_text("DISHUB")
            page.fill("#input", "/bantuan")
            page.keyboard.press("Enter")
            expect(group.locator("li.msg.own").last).to_contain_text("/bantuan")
            reply = group.locator("li.msg:not(.own)").last
            expect(reply).to_contain_text("Perintah Rakor")
            expect(reply.locator("strong").first).to_have_text("Perintah Rakor")

            commands = {c["command"] for c in fetch_state(sandbox_url)["commands"]}
            assert {"umumkan", "ingatkan", "rapat"} <= commands
            announcement_ack(page)
            reminder_cancel(page)
            meeting_rsvp(page)  # last: the screenshot shows its card

            page.select_option("#persona", "dishub")
            page.locator("#tab-private").click()
            page.fill("#input", "/bantuan")
            page.locator("#send").click()
            private = page.locator("#messages-private")
            expect(private.locator("li.msg:not(.own)").last).to_contain_text("/cari")
            page.locator("#tab-group").click()

            expect(page.locator("#toast")).to_be_hidden()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "sandbox.png"))
            assert errors == []
        finally:
            browser.close()


def press_on_last(page: Page, label: str) -> Locator:
    """Press the button starting with ``label`` on the newest bot message that has one."""
    button = page.locator(".keyboard button", has_text=re.compile(rf"^\W*{label}"))
    message = page.locator("#messages-group li.msg", has=button).last
    message_id = message.get_attribute("data-id")
    message.locator(".keyboard button", has_text=re.compile(rf"^\W*{label}")).first.click()
    return page.locator(f'#messages-group li.msg[data-id="{message_id}"]')


def meeting_rsvp(page: Page) -> None:
    page.select_option("#persona", "asisten")
    page.fill("#input", "/rapat Rakor Uji Sandbox | besok pukul 10.00 | Ruang Rapat Balai Kota")
    page.keyboard.press("Enter")
    group = page.locator("#messages-group")
    # The card is the message with the RSVP buttons; the .ics that follows names Rapat #1 too.
    card = group.locator(
        "li.msg:not(.own)", has_text="Rapat #1", has=page.locator(".keyboard")
    ).last
    expect(card.locator(".keyboard button").first).to_have_text("Hadir")
    expect(card).to_contain_text("Hadir 0")
    expect(group.locator("a.document", has_text=".ics").last).to_have_attribute(
        "href", re.compile("^/files/")
    )
    page.select_option("#persona", "bapperida")
    expect(page.locator("#persona-info")).to_contain_text("BAPPERIDA")
    answered = press_on_last(page, "Hadir")
    expect(answered).to_contain_text("Hadir 1")
    expect(answered).to_contain_text("BAPPERIDA")
    expect(answered.locator(".meta")).to_contain_text("diedit")


def reminder_cancel(page: Page) -> None:
    page.select_option("#persona", "asisten")
    page.fill("#input", "/ingatkan besok jam 9 Kirim bahan paparan rakor")
    page.keyboard.press("Enter")
    confirmation = page.locator("#messages-group li.msg:not(.own)").last
    expect(confirmation).to_contain_text("Pengingat #1")
    expect(confirmation.locator(".keyboard button")).to_have_text("Batalkan")
    cancelled = press_on_last(page, "Batalkan")
    expect(page.locator("#toast")).to_contain_text("#1")  # the bot's answer to the press
    expect(cancelled.locator(".meta")).to_contain_text("diedit")
    expect(cancelled).to_contain_text("dibatalkan oleh Sri Wahyuni")


def announcement_ack(page: Page) -> None:
    page.select_option("#persona", "asisten")
    page.fill("#input", "/umumkan Laporan capaian rencana aksi paling lambat Jumat pukul 12.00.")
    page.keyboard.press("Enter")
    card = page.locator("#messages-group li.msg:not(.own)").last
    expect(card).to_contain_text("Pengumuman #1")
    page.select_option("#persona", "kecamatan")
    expect(page.locator("#persona-info")).to_contain_text("KEC-KOTA")
    acknowledged = press_on_last(page, "Diterima")
    expect(acknowledged.locator(".keyboard button")).to_contain_text("Diterima 1/")
    expect(acknowledged.locator(".meta")).to_contain_text("diedit")
