# SPDX-License-Identifier: MIT
"""``serve --dev`` for a trial on one machine: it starts in an empty folder,
prints a browser link that signs the browser in once (a cookie, no header
extension), and gives helpers unsigned report tokens; none of it exists
without ``--dev``, and none of it answers a non-loopback name."""

from __future__ import annotations

import asyncio
import sqlite3
import tomllib
import urllib.parse
from pathlib import Path

import httpx
import msgspec
import pytest

from collector.app import create_app
from collector.config import Config, load_config
from collector.devmode import COOKIE, DEV_USER, DevLogin, loopback_host
from collector.storage import migrate
from collector.storage.sqlite import SQLiteStore
from tests.collector.conftest import batch
from tests.collector.devserver import DevCollector, dev_collector
from tests.collector.support import make_event

DEVICE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> DevCollector:
    """``serve --dev`` in an empty folder: no init-db, no configuration."""
    folder = tmp_path_factory.mktemp("empty")
    with dev_collector(folder) as running:
        yield running  # type: ignore[misc]


def test_serve_dev_starts_in_an_empty_folder_and_says_how_to_use_it(
    trial: DevCollector,
) -> None:
    text = "\n".join(trial.banner)
    assert "development mode" in text and "loopback" in text
    assert "(created now)" in text  # the SQLite file did not exist
    assert trial.dashboard.startswith("http://127.0.0.1:")
    assert trial.login_link.startswith(f"{trial.base_url}/dev/login?code=")
    reporting = tomllib.loads(trial.helper_config)["reporting"]
    assert reporting == {
        "enabled": True,
        "collector_url": trial.base_url,
        "dev_unsigned_tokens": True,
    }
    with httpx.Client() as client:
        health = client.get(f"{trial.base_url}/healthz").json()
    assert health == {"status": "ok", "mode": "dev-unsigned-tokens"}


def test_the_login_link_signs_a_browser_in_once(trial: DevCollector) -> None:
    with httpx.Client() as client:
        # Without a session, a browser gets a page that says what to do.
        page = client.get(trial.dashboard, headers={"Accept": "text/html"})
        assert page.status_code == 401
        assert page.headers["content-type"].startswith("text/html")
        assert "one-time sign-in link" in page.text
        assert client.get(trial.dashboard).json()["code"] == "token-missing"

        first = client.get(trial.login_link)
        assert first.status_code == 303
        assert first.headers["location"] == "/dashboard"
        cookie = first.headers["set-cookie"].lower()
        assert cookie.startswith(f"{COOKIE}=")
        for attribute in ("httponly", "samesite=strict", "path=/", "max-age="):
            assert attribute in cookie
        assert "secure" not in cookie  # plain HTTP on loopback
        dashboard = client.get(trial.dashboard)
        assert dashboard.status_code == 200, dashboard.text
        assert 'id="dev-banner"' in dashboard.text
        # The page's CSV links work with the same session.
        export = client.get(f"{trial.base_url}/api/v1/export.csv")
        assert export.status_code == 200
        devices = client.get(f"{trial.base_url}/api/v1/devices")
        assert devices.status_code == 200
        # The session reads; it never posts events.
        post = client.post(
            f"{trial.base_url}/api/v1/events",
            content=batch([make_event()]),
            headers={"Content-Type": "application/json"},
        )
        assert post.status_code == 401

    with httpx.Client() as other:
        again = other.get(trial.login_link)
        assert again.status_code == 403
        assert again.json()["code"] == "dev-login-invalid"
        assert other.get(trial.dashboard).status_code == 401


def test_a_rebound_name_gets_nothing(trial: DevCollector) -> None:
    """A web page whose DNS name points at 127.0.0.1 sends its own Host: the
    dev collector answers it nothing (no token, no dashboard)."""
    with httpx.Client() as client:
        for method, path in (
            ("POST", "/api/v1/dev/token"),
            ("GET", "/healthz"),
            ("GET", "/dev/login?code=x"),
        ):
            response = client.request(
                method, f"{trial.base_url}{path}", headers={"Host": "evil.example"}
            )
            assert response.status_code == 403, path
            assert response.json()["code"] == "dev-not-loopback"
    assert loopback_host("localhost:8443") and loopback_host("[::1]:1")
    assert not loopback_host("127.0.0.1.evil.example") and not loopback_host(None)


def test_a_helper_gets_report_tokens_bound_to_its_device(
    trial: DevCollector,
) -> None:
    url = trial.base_url
    with httpx.Client() as client:
        granted = client.post(f"{url}/api/v1/dev/token", json={"device_id": DEVICE_ID})
        assert granted.status_code == 200, granted.text
        body = granted.json()
        assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
        event = make_event(serial=None)
        event = msgspec.structs.replace(
            event,
            device=msgspec.structs.replace(event.device, entra_device_id=DEVICE_ID),
        )
        posted = client.post(
            f"{url}/api/v1/events",
            content=batch([event]),
            headers={
                "Authorization": f"Bearer {body['access_token']}",
                "Content-Type": "application/json",
            },
        )
        assert posted.status_code == 200, posted.text
        assert posted.json()["accepted"] == [event.event_id]
        # Without a device id the token still reports, unbound.
        plain = client.post(f"{url}/api/v1/dev/token")
        assert plain.status_code == 200
        for bad in ({"device_id": "nope"}, {"other": 1}, [1]):
            refused = client.post(f"{url}/api/v1/dev/token", json=bad)
            assert refused.status_code == 400, bad
        # A token for reading never comes from here: the session or dev-token.
        read = client.get(
            f"{url}/api/v1/devices",
            headers={"Authorization": f"Bearer {body['access_token']}"},
        )
        assert read.status_code == 403
    with httpx.Client() as reader:
        assert reader.get(trial.login_link).status_code in (303, 403)


def test_nothing_of_it_without_dev(tmp_path: Path) -> None:
    (tmp_path / "none.toml").write_text("")
    config = load_config(
        tmp_path / "none.toml",
        environ={
            "INTUNE_COLLECTOR_AUTH_TENANTS": DEV_USER,
            "INTUNE_COLLECTOR_AUTH_AUDIENCES": "api://x",
            "INTUNE_COLLECTOR_AUTH_REPORT_CLIENT_IDS": DEV_USER,
        },
    )
    store = SQLiteStore(tmp_path / "c.sqlite3")
    try:
        migrate(store)
        app = create_app(config, store=store)

        async def call(method: str, path: str) -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://127.0.0.1:8443"
            ) as client:
                return await client.request(method, path)

        assert asyncio.run(call("POST", "/api/v1/dev/token")).status_code == 404
        assert asyncio.run(call("GET", "/dev/login?code=x")).status_code == 404
        html = asyncio.run(call("GET", "/dashboard"))
        assert html.status_code == 401
        assert html.headers["content-type"] == "application/problem+json"
    finally:
        store.close()


def test_links_and_sessions_expire() -> None:
    now = [1_000_000.0]
    config = Config(dev=True)
    config = msgspec.structs.replace(
        config,
        auth=msgspec.structs.replace(config.auth, tenants=(DEV_USER,)),
    )
    login = DevLogin(config, clock=lambda: now[0])
    stale = login.new_link_code()
    now[0] += 3601
    assert login.redeem(stale) is None  # an hour, unused: gone
    code = login.new_link_code()
    session = login.redeem(code)
    assert session is not None
    assert login.redeem(code) is None  # once

    class Connection:
        def __init__(self, value: str) -> None:
            self.cookies = {COOKIE: value}

    principal = login.principal(Connection(session))  # type: ignore[arg-type]
    assert principal is not None and "Migration.Read" in principal.roles
    assert login.principal(Connection("forged")) is None  # type: ignore[arg-type]
    now[0] += 8 * 3600
    assert login.principal(Connection(session)) is None  # type: ignore[arg-type]


def test_non_dev_serve_still_needs_init_db(tmp_path: Path) -> None:
    """Only --dev creates its database; a production collector refuses to
    start on a database nobody initialised (docs/collector.md)."""
    import subprocess
    import sys

    env = {
        "INTUNE_COLLECTOR_AUTH_TENANTS": DEV_USER,
        "INTUNE_COLLECTOR_AUTH_AUDIENCES": "api://x",
        "INTUNE_COLLECTOR_AUTH_REPORT_CLIENT_IDS": DEV_USER,
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "collector.cli", "serve", "--port", "0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "init-db" in result.stderr
    assert not (tmp_path / "collector.sqlite3").exists() or _no_tables(
        tmp_path / "collector.sqlite3"
    )


def _no_tables(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        return not conn.execute("SELECT name FROM sqlite_master").fetchall()


def test_the_banner_names_the_database_state(tmp_path: Path) -> None:
    with dev_collector(tmp_path) as first:
        assert any("(created now)" in line for line in first.banner)
    with dev_collector(tmp_path) as second:
        line = next(x for x in second.banner if "database:" in x)
        assert "now)" not in line  # already there and up to date
        parsed = urllib.parse.urlsplit(second.login_link)
        assert parsed.hostname == "127.0.0.1"
    # The folder was the working directory: the default database is there.
    assert (tmp_path / "collector.sqlite3").exists()
