# SPDX-License-Identifier: MIT
"""detection/1 stays stable: the committed schema matches the model, and every
result of the capture library validates against it."""

from __future__ import annotations

import json

import jsonschema
import msgspec
import pytest

from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.detect.schema import detection_schema_text
from helper.resources import resource_path
from tests.conftest import CAPTURES

SCHEMA_FILE = resource_path("schemas", "detection-1.schema.json")
CASES = sorted(p for p in CAPTURES.iterdir() if (p / "capture.json").is_file())
STABLE = {
    "schema": str,
    "os": str,
    "verdict": str,
    "legacy": list,
    "intune": dict,
    "entra": dict,
    "warnings": list,
}


def test_committed_schema_matches_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == detection_schema_text(), (
        "regenerate with: python -m helper.detect.schema > " + str(SCHEMA_FILE)
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_result_validates(case) -> None:  # type: ignore[no-untyped-def]
    result = detect(open_capture(case), load_catalogue())
    doc = json.loads(msgspec.json.encode(result))
    jsonschema.validate(doc, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for key, kind in STABLE.items():
        assert isinstance(doc[key], kind), key
    assert doc["schema"] == "detection/1"
    for legacy in doc["legacy"]:
        assert set(legacy) >= {"vendor", "name", "removable", "server", "evidence"}
    assert set(doc["intune"]) >= {"enrolled", "evidence"}
    assert set(doc["entra"]) >= {"join", "tenant_id", "device_id"}
    assert all(set(w) >= {"code", "detail"} for w in doc["warnings"])
