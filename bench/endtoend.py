"""End-to-end measurements through the `graphbuild` command: runs, re-runs, and drawing the HTML (queries: bench/queries.py).

Each run is a child process; its peak memory comes from os.wait4, which
reports the resource use of that one child.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.machine import CHROMIUM

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SUMMARY = re.compile(r"(\d+) articles read, (\d+) skipped; (\d+) people.*?, (\d+) events, (\d+) triples")
FEATURES = {"workers": "--workers", "cache": "--rebuild", "dask": "--engine"}
"""Options of `graphbuild run` that later work adds, by the name the table uses."""


@dataclass(frozen=True)
class Measured:
    """One child process: wall time, peak RSS, exit status, what it printed."""

    seconds: float
    peak_kib: int
    status: int
    output: str
    cpu_seconds: float = 0.0
    """User + system time of the child and of its children it waited for."""

    @property
    def triples(self) -> int | None:
        found = SUMMARY.search(self.output)
        return int(found.group(5)) if found else None

    @property
    def ok(self) -> bool:
        return self.status in (0, 3)  # 3: written, some inputs skipped


def graphbuild_command() -> list[str]:
    beside = Path(sys.executable).with_name("graphbuild")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("graphbuild")
    return [found] if found else [sys.executable, "-m", "graphbuild"]


def measure(command: list[str], log: Path, timeout: float) -> Measured:
    """Run `command` to completion (killed after `timeout` s), output to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as sink:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(child.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it; keep Popen from waiting again
    return Measured(seconds, usage.ru_maxrss, child.returncode, log.read_text(encoding="utf-8", errors="replace"),
                    usage.ru_utime + usage.ru_stime)


def run_features() -> set[str]:
    """Which later options `graphbuild run --help` lists."""
    done = subprocess.run([*graphbuild_command(), "run", "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    return {name for name, option in FEATURES.items() if option in done.stdout}


def run_graphbuild(corpus: Path, out: Path, log: Path, timeout: float, *options: str) -> Measured:
    return measure([*graphbuild_command(), "run", str(corpus), "--out", str(out), *options], log, timeout)


def change_one_article(corpus: Path) -> tuple[Path, bytes]:
    """Append a sentence to the first .txt article; return the file and its old bytes, to restore."""
    path = next(iter(sorted(corpus.rglob("*.txt"))))
    original = path.read_bytes()
    path.write_bytes(original + b"\nSen. Grace Underhill (D-Ore.) said in a statement that the bill was overdue.\n")
    return path, original


def first_draw(html: Path, timeout: float = 180) -> tuple[float | None, str]:
    """Seconds from navigation start until the graph's canvas has been drawn, in headless Chromium."""
    if not Path(CHROMIUM).exists():
        return None, f"n/a ({CHROMIUM} not installed)"
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        return None, "n/a (playwright not installed)"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
            try:
                # the page's CSP forbids eval, which playwright's wait_for_function needs; drawing is unaffected
                page = browser.new_page(viewport={"width": 1200, "height": 800}, bypass_csp=True)
                page.goto(html.resolve().as_uri(), wait_until="commit", timeout=timeout * 1000)
                page.wait_for_function("document.querySelector('#graph canvas, canvas') !== null", timeout=timeout * 1000)
                # two animation frames after the canvas exists: vis-network has drawn into it
                ms = page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))")
            finally:
                browser.close()
    except Error as error:
        return None, f"n/a ({str(error).splitlines()[0][:120]})"
    return ms / 1000, ""
