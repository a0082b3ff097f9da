# SPDX-License-Identifier: MIT
"""The application around the routes: the dashboard hook, unexpected errors,
dev mode, structured logs."""

from __future__ import annotations

import io
import json
import logging
import sys
import types
from collections.abc import Iterator

import msgspec
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from collector.app import create_app, log_fields
from collector.auth import authenticate
from collector.config import Config, ServerConfig
from collector.logging import JsonFormatter, log_event
from collector.storage import Store
from tests.collector.conftest import Running, make_config, start_collector
from tests.collector.support import Certs, JwksServer, Keys


def _fake_dashboard() -> types.ModuleType:
    module = types.ModuleType("collector.dashboard")

    async def index(request: Request) -> Response:
        principal = await authenticate(request, request.app.state.validator, "read")
        log_fields(request)["page"] = "index"
        return PlainTextResponse(f"devices of {principal.tid}")

    async def boom(request: Request) -> Response:
        raise RuntimeError("a bug in a page")

    def register_dashboard(app: Starlette, store: Store, config: Config) -> None:
        assert app.state.store is store
        app.router.routes.append(
            Mount("/dashboard", routes=[Route("/", index), Route("/boom", boom)])
        )

    module.register_dashboard = register_dashboard  # type: ignore[attr-defined]
    return module


@pytest.fixture
def with_dashboard(
    store: Store,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Running]:
    monkeypatch.setitem(sys.modules, "collector.dashboard", _fake_dashboard())
    config = make_config(store.display_url, jwks, certs)
    yield from start_collector(store, config, certs, keys)


def test_the_dashboard_module_is_registered(with_dashboard: Running) -> None:
    page = with_dashboard.get("/dashboard/")
    assert page.status_code == 200
    assert page.text.startswith("devices of ")
    refused = with_dashboard.get("/dashboard/", token=with_dashboard.keys.mint())
    assert refused.status_code == 403


def test_an_unexpected_error_is_a_500_problem(
    with_dashboard: Running, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="collector.app"):
        response = with_dashboard.get("/dashboard/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "internal"
    request_id = response.headers["x-request-id"]
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert any(r.exc_info and "a bug in a page" in str(r.exc_info[1]) for r in failures)
    lines = [getattr(r, "collector_fields", {}) for r in failures]
    assert any(f.get("request_id") == request_id for f in lines)
    assert with_dashboard.healthy()


def test_dev_mode_never_binds_beyond_loopback(store: Store) -> None:
    config = Config(server=ServerConfig(host="0.0.0.0"), dev=True)
    with pytest.raises(ValueError, match="loopback"):
        create_app(config, store=store)


def _format(
    record_fields: dict[str, object], *, dev: bool = False
) -> dict[str, object]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(dev=dev))
    logger = logging.getLogger("tests.collector.format")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        log_event(logger, logging.WARNING, "something", **record_fields)
        logger.warning("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl here")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    first, second = stream.getvalue().splitlines()
    assert msgspec.json.decode(second)["message"] == "Bearer [redacted] here"
    decoded: dict[str, object] = json.loads(first)
    return decoded


def test_log_lines_are_json_without_tokens() -> None:
    line = _format(
        {"request_id": "r1", "status": 200, "note": "eyJabcdefghij.eyJabcdefghij.x"}
    )
    assert line["event"] == "something"
    assert line["level"] == "warning"
    assert line["request_id"] == "r1"
    assert line["status"] == 200
    assert line["note"] == "[redacted]"
    assert str(line["time"]).endswith("Z")
    assert "mode" not in line
    dev = _format({}, dev=True)
    assert dev["mode"] == "dev-unsigned-tokens"
    assert "unsigned tokens" in str(dev["warning"])
