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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import FilePayload, Locator, Page, expect, sync_playwright

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


@dataclass
class Running:
    """A ``rakor sandbox`` process and the address of its page."""

    url: str
    process: subprocess.Popen
    log: Path

    def wait(self, condition: Callable[[], bool], failure: str) -> None:
        """Until ``condition()`` holds (an OSError counts as not yet), at most 60 s."""
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"rakor sandbox exited:\n{self.log.read_text()}")
            try:
                if condition():
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(failure)
            # Not time.sleep: under faketime (CI runs the suite a year ahead) Python's
            # clock_nanosleep fails with EINVAL; a timed wait on an event does not.
            threading.Event().wait(0.2)


@contextmanager
def sandbox_process(tmp_path: Path, *args: str) -> Iterator[Running]:
    """``rakor sandbox ARGS`` in a temporary working directory (its database goes there)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAKOR_")}
    env["PYTHONPATH"] = str(ROOT)
    log_path = tmp_path / "sandbox.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "sandbox", "--port", str(port), *args],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    running = Running(f"http://127.0.0.1:{port}", process, log_path)
    try:
        running.wait(lambda: bool(fetch_state(running.url)), "rakor sandbox did not start in 60 s")
        yield running
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
    output = log_path.read_text()
    assert "SANDBOX" in output
    assert running.url in output
    assert "RAKOR_BOT_TOKEN" in output


@pytest.fixture
def sandbox_url(tmp_path: Path) -> Iterator[str]:
    with sandbox_process(tmp_path) as running:
        yield running.url


@pytest.fixture
def browser_page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Page]:
    """A 390 px wide page (a phone) in Debian's Chromium; page errors fail the test."""
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
            yield page
            assert errors == []
        finally:
            browser.close()


def screenshot(page: Page, name: str) -> None:
    """A picture of the page as it is (once the last toast has gone) in ``artifacts/``."""
    expect(page.locator("#toast")).to_be_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def test_a_persona_chats_with_the_bot_in_the_browser(sandbox_url: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(sandbox_url)
    group = page.locator("#messages-group")
    expect(group.locator("li.msg").first).to_contain_text("/mulai")
    expect(page.locator("#banner")).to_contain_text("SANDBOX")
    expect(page.locator("#intro")).to_contain_text("Rakor mencatat")

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
    announcement_by_reply(page)
    announcement_ack(page)
    decision_by_long_press(page)
    task_evidence_photo(page)
    reminder_cancel(page)
    meeting_rsvp(page)  # last: the screenshot shows its card

    page.select_option("#persona", "dishub")
    page.locator("#tab-private").click()
    page.fill("#input", "/bantuan")
    page.locator("#send").click()
    private = page.locator("#messages-private")
    expect(private.locator("li.msg:not(.own)").last).to_contain_text("/cari")
    page.locator("#tab-group").click()

    screenshot(page, "sandbox.png")


def test_the_demo_opens_on_the_meeting_card_and_the_announcement(
    tmp_path: Path, browser_page: Page
) -> None:
    page = browser_page
    with sandbox_process(tmp_path, "--demo") as running:
        running.wait(lambda: b"demo played" in running.log.read_bytes(), "the demo did not end")
        page.goto(running.url)
        intro = page.locator("#intro")
        expect(intro).to_contain_text("Rakor mencatat isi grup koordinasi")
        expect(intro).to_be_in_viewport(ratio=1)
        announcement = page.locator('#messages-group li[data-showcase="true"]').last
        expect(announcement).to_contain_text("Pengumuman #1")
        expect(announcement).to_be_in_viewport(ratio=1)  # with its counter
        expect(announcement.locator(".keyboard button")).to_contain_text("Diterima 2/")
        card = page.locator('#messages-group li[data-showcase="true"]', has_text="Rapat #1")
        expect(card.locator(".keyboard")).to_be_in_viewport(ratio=1)  # the RSVP buttons
        recap = page.locator("#messages-group li.msg:not(.own)", has_text=re.compile("📊 Rekap"))
        expect(recap.last).not_to_be_in_viewport()  # not the bottom of a long reply
        screenshot(page, "sandbox-demo.png")
        page.locator("#intro-close").click()
        expect(intro).to_be_hidden()
        page.reload()
        expect(page.locator("#messages-group li.msg").first).to_be_attached()
        expect(intro).to_be_hidden()  # closed for good


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
    page.select_option("#persona", "kecamatan")
    expect(page.locator("#persona-info")).to_contain_text("KEC-KOTA")
    acknowledged = press_on_last(page, "Diterima")
    expect(acknowledged.locator(".keyboard button")).to_contain_text("Diterima 1/")
    expect(acknowledged.locator(".meta")).to_contain_text("diedit")


def announcement_by_reply(page: Page) -> None:
    """The Asisten replies to a message with /umumkan: that message is announced."""
    page.select_option("#persona", "asisten")
    text = "Laporan capaian rencana aksi paling lambat Jumat pukul 12.00."
    page.fill("#input", text)
    page.keyboard.press("Enter")
    message = page.locator("#messages-group li.msg.own", has_text=text).last
    message.locator(".reply-button").click()
    expect(page.locator("#reply-bar")).to_contain_text("Membalas Sri Wahyuni")
    expect(page.locator("#reply-bar")).to_contain_text(text)
    page.fill("#input", "/umumkan")
    page.keyboard.press("Enter")
    expect(page.locator("#reply-bar")).to_be_hidden()
    command = page.locator("#messages-group li.msg.own").last
    expect(command.locator(".reply-quote")).to_contain_text(text)
    card = page.locator("#messages-group li.msg:not(.own)").last
    expect(card).to_contain_text("Pengumuman #1")
    expect(card).to_contain_text(text)
    expect(card.locator(".keyboard button")).to_contain_text("Diterima 0/")
    screenshot(page, "sandbox-reply.png")


def decision_by_long_press(page: Page) -> None:
    """A long press on Budi's message, as on a phone, and the Asisten records it by reply."""
    page.select_option("#persona", "dishub")
    text = "Usul: rambu sementara dipasang sebelum Jumat."
    page.fill("#input", text)
    page.keyboard.press("Enter")
    expect(page.locator("#messages-group li.msg.own").last).to_contain_text(text)
    page.select_option("#persona", "asisten")
    expect(page.locator("#persona-info")).to_contain_text("SETDA")  # the chat was reloaded
    bubble = page.locator("#messages-group li.msg", has_text=text).last.locator(".bubble")
    expect(bubble).to_be_visible()  # the reloaded chat may still be drawing its messages
    box = bubble.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    expect(page.locator("#reply-bar")).to_contain_text("Membalas Budi Santoso")
    page.mouse.up()
    page.fill("#input", "/putuskan")
    page.keyboard.press("Enter")
    decision = page.locator("#messages-group li.msg:not(.own)").last
    expect(decision).to_contain_text("Keputusan #1")
    expect(decision).to_contain_text(text)


def task_evidence_photo(page: Page) -> None:
    """Budi attaches a photo from disk as a reply to the task's post: it is its evidence."""
    page.select_option("#persona", "asisten")
    page.fill("#input", "/tugas DISHUB | Pasang rambu pengalihan arus | Jumat depan")
    page.keyboard.press("Enter")
    task = page.locator("#messages-group li.msg:not(.own)", has_text="Tugas #1").last
    expect(task).to_contain_text("Pasang rambu pengalihan arus")
    page.select_option("#persona", "dishub")
    task.locator(".reply-button").click()
    page.set_input_files("#file", files=[photo("rambu-terpasang.png")])
    expect(page.locator("#attach-bar")).to_contain_text("Foto: rambu-terpasang.png")
    screenshot(page, "sandbox-attach.png")
    page.fill("#input", "Rambu sementara sudah terpasang")
    page.keyboard.press("Enter")
    expect(page.locator("#attach-bar")).to_be_hidden()
    mine = page.locator("#messages-group li.msg.own").last
    expect(mine.locator("img.photo")).to_be_visible()
    expect(mine.locator(".reply-quote")).to_contain_text("Tugas #1")
    answer = page.locator("#messages-group li.msg:not(.own)").last
    expect(answer).to_contain_text("Bukti untuk Tugas #1 dicatat")
    screenshot(page, "sandbox-evidence.png")


def photo(name: str) -> FilePayload:
    """A PNG photo as a file picked from disk."""
    image = Image.new("RGB", (480, 320), (70, 130, 180))
    ImageDraw.Draw(image).rectangle((60, 60, 420, 260), fill=(250, 200, 40))
    data = BytesIO()
    image.save(data, format="PNG")
    return {"name": name, "mimeType": "image/png", "buffer": data.getvalue()}
