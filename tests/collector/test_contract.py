# SPDX-License-Identifier: MIT
"""The OpenAPI contract, checked by a third-party fuzzer: schemathesis runs
every operation of resources/openapi/collector-v1.json against a real
``serve --dev`` collector (its own process, loopback HTTP, a reader and
reporter dev token) with all its checks: no 5xx, documented status codes,
content types and headers, response schemas, valid requests accepted and
invalid ones refused.

It runs the positive and the negative generation modes one after the other:
with both at once, schemathesis 4.32.5's coverage phase labels as "valid" a
header object whose ``Idempotency-Key`` is ``0`` (what it falls back to when
it cannot generate a value matching the published pattern), and then reports
the collector's right 400 as a valid request refused.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.collector.devserver import REPO, dev_collector, reader_token

OPENAPI = REPO / "resources" / "openapi" / "collector-v1.json"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
SEED = "1515"


@pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis not installed")
def test_a_third_party_fuzzer_finds_the_collector_true_to_its_contract(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "collector"
    with dev_collector(folder) as trial:
        token = reader_token(folder)
        generated = 0
        for mode in ("positive", "negative"):
            result = subprocess.run(
                [
                    str(SCHEMATHESIS),
                    "run",
                    str(OPENAPI),
                    "--url",
                    trial.base_url,
                    "--header",
                    f"Authorization: Bearer {token}",
                    "--checks",
                    "all",
                    "--mode",
                    mode,
                    "--seed",
                    SEED,
                    "--workers",
                    "1",
                    "--generation-database",
                    "none",
                    "--no-color",
                ],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            output = result.stdout + result.stderr
            assert result.returncode == 0, output[-6000:]
            found = re.search(r"(\d+) generated", output)
            assert found is not None, output[-2000:]
            generated += int(found.group(1))
        logs = [json.loads(line) for line in trial.stderr if line.startswith("{")]
    # Every operation was exercised, and the collector's own log agrees: no
    # request ended in a server error.
    assert generated >= 1000
    statuses = [int(r["status"]) for r in logs if r.get("event") == "request"]
    assert len(statuses) >= generated / 2
    assert not [s for s in statuses if s >= 500]
