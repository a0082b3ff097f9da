# SPDX-License-Identifier: MIT
"""Run-wide test setup. Must run before anything imports PySide6."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a display, Qt's xcb plugin aborts the whole run: default to offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Module-level code (catalogues loaded at import) runs before any fixture: point
# every helper folder at a throwaway one from the start, never the real ones.
os.environ["HELPER_HOME"] = tempfile.mkdtemp(prefix="helper-tests-")

REPO = Path(__file__).resolve().parent.parent
CAPTURES = Path(__file__).resolve().parent / "captures"


@pytest.fixture(autouse=True)
def helper_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every helper folder (config, data, cache, log) at a fresh temp dir."""
    home = tmp_path / "helper-home"
    monkeypatch.setenv("HELPER_HOME", str(home))
    yield home
