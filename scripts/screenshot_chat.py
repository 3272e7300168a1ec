"""A screenshot of the web chat answering a question, for the README.

    .venv/bin/python scripts/screenshot_chat.py docs/chat.png
    .venv/bin/python scripts/screenshot_chat.py docs/chat.png --url http://127.0.0.1:8000

Without ``--url`` it starts ``peoa serve`` on a free loopback port and stops it at the
end. It asks the question in headless Chromium (Debian's ``chromium``, driven by
Playwright; no browser is downloaded), waits for the answer, opens its given data and
assumptions, and saves the page as a PNG reduced to a palette of colours so it stays
small.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

QUESTION = (
    "A centrifugal pump delivers 20 m3/h of water (density 998 kg/m3) against a total head "
    "of 35 m. The pump efficiency is 70 %. What brake power does the pump need?"
)
SOLVE_MS = 300_000  # a solve takes 10-60 s on an idle 2-core machine
START_S = 600.0  # loading the models and the tool documentation, on a busy machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _loaded(url: str) -> bool:
    """Whether the server has loaded its models (``/healthz`` no longer says "starting"),
    so the screenshot shows the answer rather than the wait."""
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=30) as response:
            body = response.read()
    except urllib.error.HTTPError as error:  # 503 while starting, degraded or failed
        body = error.read()
    except (urllib.error.URLError, OSError):
        return False
    return json.loads(body or b"{}").get("status") not in (None, "starting")


@contextmanager
def _server() -> Iterator[str]:
    """``peoa serve`` on a free loopback port, until the block ends."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "peoa", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_S
        while not _loaded(url):
            if process.poll() is not None:
                raise SystemExit(f"peoa serve exited with status {process.returncode}")
            if time.monotonic() > deadline:
                raise SystemExit(f"PEOA at {url} did not load in {START_S:.0f} s")
            time.sleep(2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def _screenshot(url: str, question: str, target: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Debian's chromium is missing: run 'make setup' (apt install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 960})
            page.goto(f"{url}/chat/")
            page.locator("#question textarea").wait_for(timeout=120_000)
            page.locator("#question textarea").fill(question)
            page.locator("#ask").click()
            headline = page.locator("#answer-value")
            expect(headline).not_to_contain_text("Ask a question", timeout=SOLVE_MS)
            expect(page.locator("#sheet-html")).to_be_visible(timeout=120_000)
            page.locator("#assumptions").get_by_text("Given data and assumptions").click()
            expect(page.locator("#assumptions-text")).not_to_be_empty()
            # The chat scrolls to its last message, under its floating label; from the
            # top it shows the question and the steps.
            page.locator("#chat").evaluate(
                "chat => chat.querySelectorAll('*').forEach(e => { e.scrollTop = 0; })"
            )
            page.screenshot(path=str(target))
        finally:
            browser.close()


def _shrink(path: Path) -> None:
    """Reduce the PNG to 256 colours: a UI screenshot loses nothing visible."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the PNG to write, e.g. docs/chat.png")
    parser.add_argument("--url", help="a running PEOA server (default: start one)")
    parser.add_argument("--question", default=QUESTION, help="the question to ask")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if args.url:
        _screenshot(args.url.rstrip("/"), args.question, args.output)
    else:
        with _server() as url:
            _screenshot(url, args.question, args.output)
    _shrink(args.output)
    print(f"{args.output}: {args.output.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
