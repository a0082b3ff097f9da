# SPDX-License-Identifier: MIT
"""The first page shows before anything heavy loads.

The whole program (``ui.entry``, as the console script runs it) in a child
process with ``HELPER_FIRST_PAINT_EXIT=1``: it prints ``first-paint`` when the
first page has been painted and quits. At that moment msal, httpx and keyring
must not be loaded (sign-in and reporting load them on first use, off the GUI
thread), nor detection, the journey engine or the playbooks (they load on the
state worker after the paint), nor msgspec.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helper import paths
from tests.conftest import REPO

HEAVY = ("msal", "httpx", "keyring")
LATER = (
    "helper.journey.engine",
    "helper.journey.planner",
    "helper.journey.playbooks",
    "helper.detect.engine",
    "helper.catalogue",
    "PySide6.QtNetwork",
    # 8 ms of start-up: the configuration the first page needs is plain Python.
    "msgspec",
)

CHILD = f"""
import sys
from ui.entry import main
code = main([])
names = {HEAVY!r} + {LATER!r}
print("deadline=" + str("helper.journey.calendar" in sys.modules))
print("loaded=" + ",".join(n for n in names if n in sys.modules))
sys.exit(code)
"""


@pytest.mark.parametrize("configured", [False, True], ids=["no-config", "example"])
def test_first_paint_before_heavy_imports(configured: bool) -> None:
    """With IT's example configuration too: its waves put the deadline on the
    first page, which must come from the light calendar module."""
    if configured:
        example = REPO / "resources" / "config.example.toml"
        (paths.config_dir() / "config.toml").write_bytes(example.read_bytes())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HELPER_FIRST_PAINT_EXIT="1")
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.split()
    assert lines[0] == "first-paint"
    assert lines[-1] == "loaded=", lines[-1]
    # The example's waves did reach the first page (its deadline).
    assert lines[-2] == f"deadline={configured}", lines
