# SPDX-License-Identifier: MIT
"""The wire contract (resources/openapi/collector-v1.json) is complete, its
references resolve, and the client's requests and the test server's answers
follow it (see also test_report_delivery.test_requests_match_the_openapi_contract).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import msgspec
import pytest
import trustme

from helper.report.delivery import EVENTS_PATH, BatchResponse
from helper.report.event import encode_event
from helper.report.http import make_http_client
from helper.resources import resource_path
from tests.helper.report_server import (
    OPENAPI_URI,
    PROXY_VARS,
    ReportServer,
    contract_registry,
    contract_validator,
    sample_event,
)

OPENAPI = resource_path("openapi", "collector-v1.json")


def doc() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(OPENAPI.read_text("utf-8"))
    return loaded


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_openapi_shape() -> None:
    spec = doc()
    assert spec["openapi"].startswith("3.1.")
    post = spec["paths"][EVENTS_PATH]["post"]
    responses = post["responses"]
    for status in ("200", "400", "401", "403", "413", "429", "503"):
        assert status in responses, status
    for status in ("429", "503"):
        assert "Retry-After" in responses[status]["headers"]
    assert "WWW-Authenticate" in responses["401"]["headers"]
    params = {p["$ref"].rsplit("/", 1)[-1] for p in post["parameters"]}
    # Content-Encoding is HTTP content coding, described in the text: as a
    # parameter, a fuzzer sent "gzip" with a plain body and got 400.
    assert params == {"IdempotencyKey"}
    assert "Content-Encoding: gzip" in post["description"]
    # What IT scripts against is in the contract too.
    for path in ("/api/v1/devices", "/api/v1/export.csv", "/dashboard"):
        assert spec["paths"][path]["get"]["security"], path
    health = spec["paths"]["/healthz"]["get"]
    assert health["security"] == [] and "200" in health["responses"]
    event_ref = spec["components"]["schemas"]["StatusEvent"]["$ref"]
    assert event_ref == "../schemas/migration-status-1.schema.json"


def test_every_reference_resolves() -> None:
    resolver = contract_registry().resolver(base_uri=OPENAPI_URI)
    refs = set(_refs(doc()))
    assert len(refs) >= 10
    for ref in refs:
        assert resolver.lookup(ref).contents is not None, ref


def _batch(n: int) -> dict[str, Any]:
    events = [
        json.loads(encode_event(sample_event(device_seq=i + 1))) for i in range(n)
    ]
    return {"schema": "migration-status/1", "events": events}


def test_batch_schema() -> None:
    validator = contract_validator("EventBatch")
    validator.validate(_batch(100))
    assert not validator.is_valid(_batch(101))
    assert not validator.is_valid({"schema": "migration-status/2", "events": []})
    bad = _batch(1)
    bad["events"][0]["hostname"] = "PC-JDUPONT"
    assert not validator.is_valid(bad)


def test_result_schema_matches_the_client_model() -> None:
    validator = contract_validator("BatchResult")
    sample = {
        "accepted": ["a"],
        "duplicate": ["b"],
        "rejected": [{"event_id": "c", "reason": "schema"}],
    }
    validator.validate(sample)
    decoded = msgspec.json.decode(json.dumps(sample), type=BatchResponse)
    assert decoded.rejected[0].reason == "schema"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"accepted": []})


def test_healthz(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    with ReportServer(trustme.CA()) as server:
        with make_http_client(verify=server.client_context()) as http:
            response = http.get(server.url + "/healthz")
            missing = http.get(server.url + "/nope")
    assert response.status_code == 200
    contract_validator("Health").validate(response.json())
    assert missing.status_code == 404
    assert isinstance(http, httpx.Client)
