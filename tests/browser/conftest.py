"""Browser tests: the demo site built once, served on 127.0.0.1, opened in headless Chromium.

Run them alone with `python3 -m pytest -m browser`; skip them with `-m "not browser"`.
Nothing may leave the machine: every request is recorded, and any to another host
fails the test that made it.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from demo_kit import build_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


BYTES_KEY = pytest.StashKey[dict]()


def pytest_configure(config) -> None:
    config.stash[BYTES_KEY] = {}


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """The bytes measured by the browser tests (printed, never asserted)."""
    measured = config.stash.get(BYTES_KEY, {})
    if not measured:
        return
    terminalreporter.section("bytes a visitor downloads (HTML+CSS+JS, no media)")
    for name, (raw, packed) in sorted(measured.items()):
        terminalreporter.write_line(f"{name:32} {raw / 1024:8.1f} KiB raw "
                                    f"{packed / 1024:8.1f} KiB gzip")


TEXT_TYPES = ("document", "stylesheet", "script", "fetch", "xhr")


class ByteReport:
    """Bytes of HTML, CSS, JS and fetched data (not images, audio, video) per measurement."""

    def __init__(self, measured: dict):
        self.measured = measured

    def add(self, name: str, requests) -> tuple[int, int]:
        raw = packed = 0
        for request in requests:
            if request.resource_type not in TEXT_TYPES:
                continue
            response = request.response()
            if response is None:
                continue
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
                continue
            raw += len(body)
            packed += len(gzip.compress(body, 6))
        self.measured[name] = (raw, packed)
        return raw, packed


@pytest.fixture
def byte_report(pytestconfig) -> ByteReport:
    """Measurements printed at the end of the run (see pytest_terminal_summary)."""
    return ByteReport(pytestconfig.stash[BYTES_KEY])


def pytest_collection_modifyitems(config, items) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not Path(CHROMIUM).exists():
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is not installed"))


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built once per session (tests/demo_kit.py, shared with the e2e suite)."""
    root, _ = build_demo(tmp_path_factory)
    return root


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="session")
def server(demo_root: Path) -> Iterator[str]:
    """Base URL of the built site, served by a threading http.server on a free port."""
    handler = functools.partial(_Quiet, directory=str(demo_root / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What one page did: requests, failures, console errors and uncaught exceptions."""

    requests: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self, base: str) -> list[str]:
        return [r.url for r in self.requests
                if not r.url.startswith((base + "/", "data:", "blob:", "about:"))]


@pytest.fixture
def page(browser, server: str) -> Iterator:
    """A fresh page; `page.traffic` records everything it does."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID",
                                  service_workers="block")
    page = context.new_page()
    traffic = Traffic()
    page.on("request", lambda request: traffic.requests.append(request))
    page.on("console", lambda m: traffic.errors.append(f"console: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: traffic.errors.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: traffic.errors.append(f"failed: {r.url} {r.failure}")
            if r.url.startswith(server) else None)
    page.traffic = traffic
    page.base = server
    yield page
    context.close()
