# SPDX-License-Identifier: MIT
"""``intune-migration-collector``: init-db, purge, show-config, dev-token, and
``serve`` as a real process (TLS, JSON logs on stderr, no token in them)."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import httpx
import pytest

from collector.auth import Principal
from collector.cli import dev_token, main
from collector.config import AuthConfig, Config, ServerConfig
from collector.ingest import Ingestor
from collector.storage import migrate
from collector.storage.sqlite import SQLiteStore
from tests.collector.conftest import batch
from tests.collector.support import (
    AUDIENCE,
    HELPER_CLIENT,
    ISSUER,
    TENANT,
    USER,
    Certs,
    JwksServer,
    Keys,
    PostgresCluster,
    free_port,
    make_event,
    stop_process,
    wait_healthy,
)

REPO = Path(__file__).resolve().parents[2]
PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SQLite database in tmp_path, named by the environment."""
    for name in list(os.environ):
        if name.startswith("INTUNE_COLLECTOR_"):
            monkeypatch.delenv(name)
    db = tmp_path / "collector.sqlite3"
    monkeypatch.setenv("INTUNE_COLLECTOR_STORAGE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("INTUNE_COLLECTOR_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    return db


def test_init_db_twice(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init-db"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first[0] == f"sqlite:///{env}: applied core migration 1"
    assert main(["init-db"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"sqlite:///{env}: up to date"]


def test_purge_deletes_old_events_keeps_state(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init-db"]) == 0
    old = time.time() - 40 * 86400
    with SQLiteStore(env) as store:
        Ingestor(store, ServerConfig(), clock=lambda: old).process(
            batch([make_event(seq=n) for n in range(1, 6)]), "", PRINCIPAL
        )
        Ingestor(store, ServerConfig()).process(
            batch([make_event(seq=9)]), "", PRINCIPAL
        )
    capsys.readouterr()
    assert main(["purge", "--days", "30", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("5 events received before ")
    assert main(["purge", "--days", "30"]) == 0
    assert capsys.readouterr().out.startswith("deleted 5 events received before ")
    with SQLiteStore(env) as store, store.read() as conn:
        assert conn.scalar("SELECT count(*) FROM events") == 1
        assert conn.scalar("SELECT count(*) FROM device_state") == 1
    assert main(["purge", "--days", "0"]) == 2


def test_show_config_hides_the_password(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "INTUNE_COLLECTOR_STORAGE_URL", "postgresql://c:hunter2@db.example/c"
    )
    assert main(["show-config"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["storage"]["url"] == "postgresql://c:***@db.example/c"
    assert "hunter2" not in out


ERRORS: Final = {
    "dev-on-all-interfaces": (
        ["serve", "--dev", "--host", "0.0.0.0"],
        {},
        2,
        "loopback",
    ),
    "no-tenant": (["serve"], {}, 2, "auth.tenants: expected at least one value"),
    "bad-variable": (
        ["init-db"],
        {"INTUNE_COLLECTOR_SERVER_PORT": "http"},
        2,
        "INTUNE_COLLECTOR_SERVER_PORT",
    ),
    # Only --dev creates its database (test_devmode.py); serve does not.
    "no-tables": (
        ["serve"],
        {
            "INTUNE_COLLECTOR_AUTH_TENANTS": TENANT,
            "INTUNE_COLLECTOR_AUTH_AUDIENCES": AUDIENCE,
            "INTUNE_COLLECTOR_AUTH_REPORT_CLIENT_IDS": HELPER_CLIENT,
        },
        1,
        "run `intune-migration-collector init-db`",
    ),
    "no-database": (
        ["init-db"],
        {"INTUNE_COLLECTOR_STORAGE_URL": f"postgresql://x@127.0.0.1:{free_port()}/x"},
        1,
        "cannot connect",
    ),
}


@pytest.mark.parametrize("case", ERRORS.values(), ids=ERRORS.keys())
def test_errors_are_one_line(
    env: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[list[str], dict[str, str], int, str],
) -> None:
    argv, variables, code, expected = case
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert main(argv) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("intune-migration-collector: error: ")
    assert expected in err


# --- serve, as a process ----------------------------------------------------------


def _serve(
    tmp_path: Path, args: list[str], config: str
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    path = tmp_path / "config.toml"
    path.write_text(config, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")}
    command = [sys.executable, "-m", "collector.cli", "--config", str(path)]
    subprocess.run(
        [*command, "init-db"], env=environ, check=True, cwd=REPO, capture_output=True
    )
    port = free_port()
    process = subprocess.Popen(
        [*command, "serve", "--port", str(port), *args],
        env=environ,
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        yield process, str(port)
    finally:
        _terminate(process)


def _terminate(process: subprocess.Popen[str]) -> None:
    """SIGINT (a graceful stop), SIGKILL after 15 s; stderr closed."""
    stop_process(process)


def _post_one(client: httpx.Client, url: str, token: str) -> httpx.Response:
    """POST one event with ``token``."""
    return client.post(
        f"{url}/api/v1/events",
        content=batch([make_event()]),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
    )


def _stop(process: subprocess.Popen[str]) -> list[dict[str, object]]:
    process.send_signal(signal.SIGINT)
    assert process.wait(15) == 0
    assert process.stderr is not None
    lines = process.stderr.read().splitlines()
    return [json.loads(line) for line in lines]  # every line is JSON


def test_serve_over_tls_with_json_logs(
    tmp_path: Path, certs: Certs, keys: Keys, jwks: JwksServer
) -> None:
    config = f"""
[server]
tls_cert = "{certs.cert_file}"
tls_key = "{certs.key_file}"
[storage]
url = "sqlite:///{tmp_path / "c.sqlite3"}"
""" + _signed_config(certs, jwks)
    token = keys.mint()
    for process, port in _serve(tmp_path, [], config):
        url = f"https://localhost:{port}"
        with httpx.Client(verify=certs.client_context()) as client:
            wait_healthy(url, process, verify=certs.client_context())
            response = client.post(
                f"{url}/api/v1/events",
                content=batch([make_event()]),
                headers={
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/json",
                    "X-Request-Id": "trace-42",
                    "Idempotency-Key": f'"batch-{"0" * 32}"',
                },
            )
            assert response.status_code == 200
            refused = client.post(
                f"{url}/api/v1/events",
                content=b"{}",
                headers={"Authorization": f"Bearer {keys.unsigned()}"},
            )
            assert refused.status_code == 401
            assert "x-collector-mode" not in response.headers
        records = _stop(process)
        text = json.dumps(records)
        assert token not in text and "eyJ" not in text
        request = next(r for r in records if r.get("request_id") == "trace-42")
        assert request["event"] == "request"
        assert request["status"] == 200
        assert request["method"] == "POST"
        assert request["path"] == "/api/v1/events"
        assert request["accepted"] == 1
        assert request["idempotency_key"] == "batch-" + "0" * 32
        assert isinstance(request["duration_ms"], float)
        assert {"time", "level"} <= set(request)
        assert any(r.get("code") == "token-algorithm" for r in records)
        assert not any("mode" in r for r in records)


def test_serve_dev_accepts_dev_tokens_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = f'[storage]\nurl = "sqlite:///{tmp_path / "c.sqlite3"}"\n'
    for process, port in _serve(tmp_path, ["--dev"], config):
        path = tmp_path / "config.toml"
        token = subprocess.run(
            [sys.executable, "-m", "collector.cli", "--config", str(path), "dev-token"],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env={k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")},
        ).stdout.strip()
        url = f"http://127.0.0.1:{port}"
        with httpx.Client() as client:
            wait_healthy(url, process)
            response = _post_one(client, url, token)
            assert response.status_code == 200, response.text
            assert response.headers["x-collector-mode"].startswith("dev")
            health = client.get(f"{url}/healthz").json()
            assert health == {"status": "ok", "mode": "dev-unsigned-tokens"}
        records = _stop(process)
        assert records
        assert all(r["mode"] == "dev-unsigned-tokens" for r in records)


def _signed_config(certs: Certs, jwks: JwksServer) -> str:
    return f"""
[auth]
tenants = ["{TENANT}"]
audiences = ["{AUDIENCE}"]
issuers = ["{ISSUER}"]
jwks_url = "{jwks.url}"
jwks_ca_file = "{certs.ca_file}"
report_client_ids = ["{HELPER_CLIENT}"]
"""


def test_serve_workers_on_postgres(
    tmp_path: Path, pg: PostgresCluster, certs: Certs, keys: Keys, jwks: JwksServer
) -> None:
    config = (
        f'[storage]\nurl = "{pg.create_database()}"\n[server]\nworkers = 2\n'
        + _signed_config(certs, jwks)
    )
    token = keys.mint()
    for process, port in _serve(tmp_path, [], config):
        url = f"http://127.0.0.1:{port}"
        with httpx.Client() as client:
            wait_healthy(url, process)
            for _ in range(6):
                response = _post_one(client, url, token)
                assert response.status_code == 200
                # Workers never take unsigned tokens.
                assert "x-collector-mode" not in response.headers
        records = _stop(process)
        pids = {
            r["message"]
            for r in records
            if "Started server process" in str(r.get("message"))
        }
        assert len(pids) == 2


def test_dev_mode_runs_one_process_only(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--dev", "--workers", "2"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "server.workers" in err and "--dev" in err


def test_worker_factory_never_serves_unsigned_tokens(tmp_path: Path, env: Path) -> None:
    """The worker variable is not a back door: ``uvicorn --factory
    collector.cli:worker_app`` on any socket with ``"dev": true`` in it still
    refuses unsigned tokens (it used to make an unsigned-token collector)."""
    assert main(["init-db"]) == 0
    port = free_port()
    environ = {**os.environ}
    environ["INTUNE_COLLECTOR_SERVER_HOST"] = "0.0.0.0"
    environ["INTUNE_COLLECTOR_AUTH_TENANTS"] = TENANT
    environ["INTUNE_COLLECTOR_AUTH_AUDIENCES"] = AUDIENCE
    environ["INTUNE_COLLECTOR_AUTH_REPORT_CLIENT_IDS"] = HELPER_CLIENT
    environ["_INTUNE_MIGRATION_COLLECTOR_WORKER_ARGS"] = json.dumps(
        {"config": None, "overrides": {}, "dev": True}
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "collector.cli:worker_app",
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
        ],
        env=environ,
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        with httpx.Client() as client:
            wait_healthy(url, process)
            # What `dev-token` prints for this tenant, audience and client.
            token = dev_token(
                Config(
                    dev=True,
                    auth=AuthConfig(
                        tenants=(TENANT,),
                        audiences=(AUDIENCE,),
                        report_client_ids=(HELPER_CLIENT,),
                    ),
                )
            )
            response = _post_one(client, url, token)
            assert response.status_code == 401
            assert response.json()["code"] == "token-algorithm"
            assert "x-collector-mode" not in response.headers
    finally:
        _terminate(process)


def test_dev_app_answers_nothing_off_loopback(tmp_path: Path) -> None:
    """The loopback guard checks the socket the request came in on, not only
    the configured host."""
    import asyncio

    from collector.app import create_app

    store = SQLiteStore(tmp_path / "c.sqlite3")
    try:
        migrate(store)
        app = create_app(Config(dev=True), store=store)

        async def health(base_url: str) -> httpx.Response:
            # httpx's ASGI transport reports the URL's host as the server.
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url=base_url
            ) as client:
                return await client.get("/healthz")

        refused = asyncio.run(health("http://10.1.2.3:8443"))
        assert refused.status_code == 403
        assert refused.json()["code"] == "dev-not-loopback"
        assert asyncio.run(health("http://127.0.0.1:8443")).status_code == 200
    finally:
        store.close()


def test_serve_dev_on_bracketed_ipv6_loopback(tmp_path: Path) -> None:
    """``--host [::1]`` passed the loopback check, then failed to bind."""
    config = f'[storage]\nurl = "sqlite:///{tmp_path / "c.sqlite3"}"\n'
    for process, port in _serve(tmp_path, ["--dev", "--host", "[::1]"], config):
        wait_healthy(f"http://[::1]:{port}", process)
        _stop(process)


def test_optional_modules_add_commands(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("collector.forward")
    seen: list[tuple[str, str]] = []

    def add_cli(commands: Any) -> None:
        command = commands.add_parser("forward-replay", help="replay to Azure Monitor")
        command.add_argument("--since")

    def run_cli(args: argparse.Namespace, config: Config) -> int:
        seen.append((args.since, config.storage.url))
        return 0

    module.add_cli = add_cli  # type: ignore[attr-defined]
    module.run_cli = run_cli  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "collector.forward", module)
    assert main(["forward-replay", "--since", "2026-05-01"]) == 0
    assert seen == [("2026-05-01", f"sqlite:///{env}")]
