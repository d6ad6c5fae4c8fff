"""Take a PNG screenshot of a rendered graph page in headless Chromium.

    python scripts/screenshot.py out/graph.html docs/graph.png [--width 1400 --height 900]

Uses the system's Chromium (Debian package ``chromium``) through Playwright;
it never downloads a browser (do not run ``playwright install``).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def find_chromium() -> str | None:
    """Return the system Chromium's path, or None when it is not installed."""
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def take_screenshot(page_path: Path, png_path: Path, width: int = 1400, height: int = 900) -> None:
    """Open ``page_path`` offline, wait until the graph is drawn, save a PNG."""
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install chromium")
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=chromium, args=CHROMIUM_ARGS, headless=True,
            offline=True, viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            page.goto(page_path.resolve().as_uri())
            page.wait_for_function("window.graphbuild !== undefined")
            page.evaluate("() => new Promise(requestAnimationFrame)")  # let vis draw once
            page.screenshot(path=str(png_path))
        finally:
            context.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="rendered HTML page, e.g. out/graph.html")
    parser.add_argument("png", type=Path, help="where to write the PNG, e.g. docs/graph.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    if not args.page.is_file():
        parser.error(f"no such page: {args.page}")
    take_screenshot(args.page, args.png, args.width, args.height)


if __name__ == "__main__":
    main(sys.argv[1:])
