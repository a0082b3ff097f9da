# SPDX-License-Identifier: MIT
"""The library of test captures: each folder under tests/captures/ is a device.

Each case holds a capture (capture.json plus evidence files, written from the
documented formats) and ``expected.json``, a partial detection result:

- ``verdict``: exact;
- ``legacy``: the exact list of legacy vendor ids, in order, each optionally with
  ``removable`` / ``server`` / ``name`` to compare;
- ``intune_enrolled``, ``join``, ``tenant_id``, ``device_id``: exact when present;
- ``warnings``: codes that must be present; ``no_warnings``: codes that must not;
- ``payloads``: the exact list of ``[kind, name, vendor]`` delivered payloads;
- ``wifi_ssid``: the current Wi-Fi; ``encryption``: fields to compare;
- ``leftovers``: the exact list of ``[item, target]`` leftovers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from tests.conftest import CAPTURES

CASES = sorted(p.parent for p in CAPTURES.glob("*/expected.json"))


def check(result: Any, expected: dict[str, Any]) -> None:
    assert result.verdict == expected["verdict"], result
    if "legacy" in expected:
        want = expected["legacy"]
        got = result.legacy
        assert [g.vendor for g in got] == [
            w if isinstance(w, str) else w["vendor"] for w in want
        ], got
        for g, w in zip(got, want, strict=True):
            if isinstance(w, dict):
                for key in ("removable", "server", "name"):
                    if key in w:
                        assert getattr(g, key) == w[key], (key, g)
            assert g.evidence, f"no evidence for {g.vendor}"
    if "intune_enrolled" in expected:
        assert result.intune.enrolled == expected["intune_enrolled"], result.intune
        if expected["intune_enrolled"]:
            assert result.intune.evidence
    if "join" in expected:
        assert result.entra.join == expected["join"], result.entra
    for key in ("tenant_id", "device_id"):
        if key in expected:
            assert getattr(result.entra, key) == expected[key], result.entra
    codes = [w.code for w in result.warnings]
    for code in expected.get("warnings", []):
        assert code in codes, (code, result.warnings)
    for code in expected.get("no_warnings", []):
        assert code not in codes, (code, result.warnings)
    if "payloads" in expected:
        got_payloads = [[p.kind, p.name, p.vendor] for p in result.payloads]
        assert got_payloads == expected["payloads"], result.payloads
    if "wifi_ssid" in expected:
        assert result.network.wifi_ssid == expected["wifi_ssid"], result.network
        assert result.network.known
    for key, value in expected.get("encryption", {}).items():
        assert getattr(result.encryption, key) == value, result.encryption
    if "leftovers" in expected:
        got_leftovers = [[item.item, item.target] for item in result.leftovers]
        assert got_leftovers == expected["leftovers"], result.leftovers


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_capture_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    capture = open_capture(case)
    result = detect(capture, load_catalogue())
    check(result, expected)
