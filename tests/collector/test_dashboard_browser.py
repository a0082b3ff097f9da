# SPDX-License-Identifier: MIT
"""The dashboard in headless Chromium (Debian's ``chromium``): the figures in
the rendered DOM match the seeded data, English and French, the sort script
sorts, and a screenshot is taken.

A browser does not send bearer tokens by itself: in production a reverse proxy
signs IT in and forwards the access token (docs/dashboard.md). Here a small
loopback proxy does the same with a reader token.

Set ``UPDATE_DASHBOARD_SCREENSHOT=1`` to write ``docs/images/dashboard.png``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from collector.storage import migrate
from tests.collector.conftest import Running, open_backend
from tests.collector.devserver import dev_collector
from tests.collector.support import Certs, JwksServer, Keys
from tests.collector.test_dashboard import (
    EXPECTED,
    NOW,
    SEED,
    Page,
    dashboard_config,
    figures,
    filler,
    filler_expected,
    seed,
    serving,
    wave_rows,
)

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "images" / "dashboard.png"
EXTRA = filler(240)
SPECS = SEED + EXTRA
LISTED = EXPECTED + filler_expected(EXTRA, missing=17)


def chromium_binary() -> str | None:
    """Debian's chromium, or one on PATH."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


CHROMIUM = chromium_binary()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not found (Debian: apt-get install chromium)",
)


class AuthProxy:
    """Plain HTTP on loopback → the HTTPS collector, adding a bearer token
    (what oauth2-proxy or App Service authentication do in production)."""

    def __init__(self, running: Running) -> None:
        self.client = httpx.Client(verify=running.certs.client_context(), timeout=30)
        token = running.keys.reader()
        target = running.url
        client = self.client

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() in ("accept", "accept-language", "user-agent")
                }
                headers["Authorization"] = f"Bearer {token}"
                response = client.get(f"{target}{self.path}", headers=headers)
                body = response.content
                self.send_response(response.status_code)
                for name, value in response.headers.items():
                    if name.lower() not in (
                        "content-length",
                        "content-encoding",
                        "transfer-encoding",
                        "connection",
                    ):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
        self.client.close()


@dataclass
class Browser:
    """Runs Chromium against the proxy."""

    base: str
    folder: Path
    runs: int = 0

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        assert CHROMIUM is not None
        self.runs += 1
        profile = self.folder / f"profile-{self.runs}"
        command = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=90, check=False
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result

    def dom(self, path: str, *args: str) -> Page:
        return Page(self._run(*args, "--dump-dom", f"{self.base}{path}").stdout)

    def screenshot(self, path: str, target: Path, size: str = "1280,3000") -> None:
        self._run(
            f"--screenshot={target}", f"--window-size={size}", f"{self.base}{path}"
        )


@pytest.fixture(scope="module")
def browser(
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[Browser]:
    folder = tmp_path_factory.mktemp("browser")
    store, _ = open_backend("sqlite", folder, request)
    try:
        migrate(store)
        seed(store, SPECS, LISTED)
        config = dashboard_config(store, jwks, certs)
        with serving(store, config, certs, keys, clock=lambda: NOW) as running:
            proxy = AuthProxy(running)
            try:
                yield Browser(proxy.url, folder)
            finally:
                proxy.close()
    finally:
        store.close()


def test_the_rendered_page_shows_the_data(browser: Browser) -> None:
    english = browser.dom("/dashboard?lang=en")
    assert english.lang == "en"
    summary = {k: v for k, v in english.data.items() if k.startswith("total-")}
    assert summary == figures(SPECS, expected=LISTED)
    waves = english.rows("waves")
    for key, want in wave_rows(SPECS, LISTED).items():
        assert {k: waves[key][k] for k in want} == want, key
    assert "Ready to switch the old EMM off" in english.texts
    french = browser.dom("/dashboard?lang=fr")
    assert french.lang == "fr"
    assert french.data == english.data
    assert "Prête pour l’arrêt de l’ancien EMM" in french.texts
    assert "15 juin 2026" in french.texts
    # The charts, rendered by the browser in both languages.
    for page, title in (
        (english, "wave-02: devices left to migrate, by day"),
        (french, "wave-02 : appareils restant à migrer, par jour"),
    ):
        assert title in page.texts
        assert sum(1 for n, _ in page.attrs_seen if n == "svg") >= 6
        bars = [a for n, a in page.attrs_seen if n == "rect" and a.get("data-day")]
        assert bars and all(int(str(a["data-devices"])) > 0 for a in bars)


def test_the_browser_language_picks_french(browser: Browser) -> None:
    page = browser.dom("/dashboard", "--accept-lang=fr-FR,fr", "--lang=fr-FR")
    assert page.lang == "fr"


@pytest.mark.parametrize(
    ("table", "column", "direction"),
    [
        ("waves", "reporting", "desc"),
        ("vendors", "vendor", "asc"),
        ("waves", "days_left", "asc"),
    ],
)
def test_the_sort_script_sorts(
    browser: Browser, table: str, column: str, direction: str
) -> None:
    server_order = browser.dom(f"/dashboard?lang=en&sort={table}:{column}:{direction}")
    sorted_by_script = browser.dom(
        f"/dashboard?lang=en#sort={table}:{column}:{direction}"
    )
    # The script and the server agree (the server's order is tested against
    # the data in test_dashboard.py).
    assert sorted_by_script.keys(table) == server_order.keys(table)
    unsorted = browser.dom("/dashboard?lang=en")
    if unsorted.keys(table) == server_order.keys(table):
        pytest.fail("pick a column whose order differs from the default")
    marks = [
        (a.get("data-table"), a.get("data-sorted-by"))
        for n, a in sorted_by_script.attrs_seen
        if n == "table" and a.get("data-sorted-by")
    ]
    assert marks == [(table, f"{column}:{direction}")]
    headers = [
        a.get("aria-sort") for n, a in sorted_by_script.attrs_seen if a.get("aria-sort")
    ]
    assert headers == ["descending" if direction == "desc" else "ascending"]


def test_screenshot(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "dashboard.png"
    browser.screenshot("/dashboard?lang=en", target)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000
    if os.environ.get("UPDATE_DASHBOARD_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, SCREENSHOT)


def test_the_dev_sign_in_link_opens_the_dashboard_in_a_browser(
    tmp_path: Path,
) -> None:
    """What an evaluator does: ``serve --dev`` in an empty folder, then the
    printed link in a browser (no extension, no proxy)."""
    with dev_collector(tmp_path / "trial") as trial:
        browser = Browser(trial.base_url, tmp_path)
        path = trial.login_link.removeprefix(trial.base_url)
        page = browser.dom(path, "--lang=fr-FR", "--accept-lang=fr-FR,fr")
        assert page.lang == "fr"
        assert "total-devices" in page.data
        assert any("MODE DÉVELOPPEMENT" in text for text in page.texts)
        # Used once: a second browser gets the explanation, not the page.
        again = browser.dom(path)
        assert "total-devices" not in again.data
