"""Real headless Chromium for page tests: Debian's browser, pages served on localhost, axe-core.

One place for what every browser test needs, so that each test says only what it checks.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Chromium as root in a closed network: no sandbox, no background connections.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def needs(path: Path, what: str) -> None:
    """Skip where a browser part is missing (a user's clone), but fail in CI."""
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing ({what})")
        pytest.skip(f"{path} is missing ({what})")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder served on a free localhost port; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A launched headless Chromium (Debian's), closed afterwards."""
    needs(CHROMIUM, "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def audit_page(browser: Any, **options: Any) -> Any:
    """A page for axe-core, which the test injects as an inline script: the pages' content
    security policy (no inline script) is bypassed here and tested on its own elsewhere."""
    return browser.new_page(bypass_csp=True, **options)


def axe(page: Any) -> dict[str, Any]:
    """axe-core's result on the loaded page (WCAG 2.0-2.2 A and AA rules)."""
    needs(AXE, "npm ci")
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result
