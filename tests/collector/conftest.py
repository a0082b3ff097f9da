# SPDX-License-Identifier: MIT
"""Fixtures for the collector: real TLS, real JWTs, real databases, real server.

- ``certs``: a trustme CA and a ``localhost``/``127.0.0.1`` certificate (files).
- ``keys`` / ``jwks``: RSA test keys and an HTTPS JWKS endpoint on loopback.
- ``pg``: one PostgreSQL cluster per run (skipped, with the reason, when the
  server binaries are absent); each test gets its own database.
- ``store``: parametrized over ``sqlite`` and ``postgres``, migrated.
- ``collector``: the app over HTTPS on loopback (uvicorn in a thread) on that
  store, with an ``httpx`` client that trusts only the test CA.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest
from starlette.applications import Starlette

from collector.app import create_app
from collector.auth import TokenValidator
from collector.config import AuthConfig, Config, ServerConfig, StorageConfig
from collector.storage import Store, migrate
from collector.storage.postgres import PostgresStore
from collector.storage.sqlite import SQLiteStore
from helper.report.event import StatusEvent
from tests.collector.support import (
    AUDIENCE,
    HELPER_CLIENT,
    ISSUER,
    ISSUER_V1,
    TENANT,
    Certs,
    CollectorServer,
    JwksServer,
    Keys,
    PostgresCluster,
    PostgresUnavailable,
)

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(autouse=True)
def _no_ca_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # ci-recipes §2: these variables override explicit trust in some clients.
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return Certs(tmp_path_factory.mktemp("collector-certs"))


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys()


@pytest.fixture(scope="session")
def jwks(keys: Keys, certs: Certs) -> Iterator[JwksServer]:
    server = JwksServer(keys, certs)
    yield server
    server.close()


@pytest.fixture(scope="session")
def pg() -> Iterator[PostgresCluster]:
    try:
        cluster = PostgresCluster()
        cluster.start()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


def open_backend(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> tuple[Store, str]:
    """A fresh, empty store of a backend and its URL."""
    if backend == "sqlite":
        path = tmp_path / "collector.sqlite3"
        return SQLiteStore(path), f"sqlite:///{path}"
    cluster: PostgresCluster = request.getfixturevalue("pg")
    url = cluster.create_database()
    return PostgresStore(url, display_url=url, pool_size=8), url


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_store(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Store]:
    """A store with no tables yet."""
    store, _ = open_backend(backend, tmp_path, request)
    yield store
    store.close()


@pytest.fixture
def store(empty_store: Store) -> Store:
    """A migrated store."""
    migrate(empty_store)
    return empty_store


def auth_config(jwks: JwksServer, certs: Certs, **changes: Any) -> AuthConfig:
    """The test tenant's ``[auth]``."""
    values: dict[str, Any] = {
        "tenants": (TENANT,),
        "audiences": (AUDIENCE, f"api://{AUDIENCE}"),
        "issuers": (ISSUER, ISSUER_V1),
        "jwks_url": jwks.url,
        "jwks_ca_file": str(certs.ca_file),
        "report_client_ids": (HELPER_CLIENT,),
    }
    values.update(changes)
    return AuthConfig(**values)


def make_config(
    store_url: str, jwks: JwksServer, certs: Certs, **server: Any
) -> Config:
    """A configuration for a test collector."""
    return Config(
        server=ServerConfig(host="127.0.0.1", port=0, **server),
        storage=StorageConfig(url=store_url),
        auth=auth_config(jwks, certs),
    )


@dataclass
class Running:
    """A collector serving over HTTPS, with what the tests need around it."""

    url: str
    app: Starlette
    store: Store
    config: Config
    client: httpx.Client
    keys: Keys
    certs: Certs

    def post(
        self,
        body: bytes,
        *,
        token: str | None = None,
        gzip_body: bool = True,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """POST /api/v1/events with a helper token (by default) and gzip."""
        sent = {"Content-Type": "application/json"}
        if gzip_body:
            body = gzip.compress(body)
            sent["Content-Encoding"] = "gzip"
        sent["Authorization"] = f"Bearer {token or self.keys.mint()}"
        sent.update(headers or {})
        return self.client.post(f"{self.url}/api/v1/events", content=body, headers=sent)

    def post_events(
        self, events: Sequence[StatusEvent], *, token: str | None = None
    ) -> httpx.Response:
        """POST a batch of events."""
        return self.post(batch(events), token=token)

    def get(
        self, path: str, *, token: str | None = None, **params: Any
    ) -> httpx.Response:
        """GET with a reader token (by default)."""
        return self.client.get(
            f"{self.url}{path}",
            params=params,
            headers={"Authorization": f"Bearer {token or self.keys.reader()}"},
        )

    def healthy(self) -> bool:
        """GET /healthz answers ok."""
        response = self.client.get(f"{self.url}/healthz")
        return response.status_code == 200 and response.json()["status"] == "ok"

    def count(self, table: str = "events") -> int:
        """Rows in a table."""
        with self.store.read() as conn:
            return int(conn.scalar(f"SELECT count(*) FROM {table}"))


def batch(events: Sequence[StatusEvent]) -> bytes:
    """The request body of a batch."""
    return msgspec.json.encode({"schema": "migration-status/1", "events": events})


def start_collector(
    store: Store,
    config: Config,
    certs: Certs,
    keys: Keys,
    **app_options: Any,
) -> Iterator[Running]:
    """Serve ``store`` with ``config`` until the generator is closed."""
    validator = TokenValidator(config.auth, dev=config.dev)
    app = create_app(config, store=store, validator=validator, **app_options)
    server = CollectorServer(app, certs).start()
    client = httpx.Client(verify=certs.client_context(), timeout=30.0)
    try:
        yield Running(server.url, app, store, config, client, keys, certs)
    finally:
        client.close()
        server.close()


@pytest.fixture
def collector(
    store: Store,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[Running]:
    """The collector over HTTPS on a migrated store (both backends)."""
    config = make_config(store.display_url, jwks, certs)
    yield from start_collector(store, config, certs, keys)


@pytest.fixture(scope="module", params=BACKENDS)
def shared_collector(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[Running]:
    """One collector per module and backend, for tests that store nothing (or
    only check what they added)."""
    yield from serve_backend(
        str(request.param),
        tmp_path_factory.mktemp("shared"),
        request,
        jwks=jwks,
        certs=certs,
        keys=keys,
    )


def serve_backend(
    backend: str,
    folder: Path,
    request: pytest.FixtureRequest,
    *,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    **server: Any,
) -> Iterator[Running]:
    """A collector over HTTPS on a fresh, migrated store of ``backend``, with
    ``[server]`` values changed."""
    store, _ = open_backend(backend, folder, request)
    try:
        migrate(store)
        config = make_config(store.display_url, jwks, certs, **server)
        yield from start_collector(store, config, certs, keys)
    finally:
        store.close()
