# SPDX-License-Identifier: MIT
"""What the helper writes is its user's alone: files 0600, folders 0700.

The outbox, the logs and captures name the user (a capture holds the UPN); on
a shared machine they were 0644 in 0755 folders, readable by every account.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helper import paths
from helper.capture.store import open_capture, write_capture
from helper.logsetup import log_file, setup_logging
from helper.report.outbox import Outbox
from tests.conftest import CAPTURES
from tests.helper.report_server import sample_event

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX modes (Windows: the profile's ACLs)"
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual desktop umask (022): what made the files world-readable."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_helper_folders_are_user_only(loose_umask: None, helper_home: Path) -> None:
    for folder in (paths.data_dir(), paths.log_dir(), paths.cache_dir()):
        assert _mode(folder) == 0o700, folder


def test_a_folder_made_by_an_older_helper_is_tightened(
    loose_umask: None, helper_home: Path
) -> None:
    old = helper_home / "data"
    old.mkdir(parents=True, mode=0o755)
    os.chmod(old, 0o755)
    assert _mode(paths.data_dir()) == 0o700


def test_outbox_and_its_wal_are_user_only(loose_umask: None, tmp_path: Path) -> None:
    path = tmp_path / "data" / "outbox.sqlite3"
    with Outbox(path) as outbox:
        outbox.enqueue(sample_event())
        for suffix in ("", "-wal", "-shm"):
            file = Path(f"{path}{suffix}")
            if file.exists():
                assert _mode(file) == 0o600, file
    assert _mode(path.parent) == 0o700


def test_an_outbox_left_0644_is_tightened(loose_umask: None, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    with Outbox(path):
        pass
    os.chmod(path, 0o644)
    with Outbox(path):
        assert _mode(path) == 0o600


def test_log_file_is_user_only(loose_umask: None, fresh_logging: None) -> None:
    setup_logging(verbose=False)
    logging.getLogger("helper.test").info("a line")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert _mode(log_file()) == 0o600
    assert _mode(log_file().parent) == 0o700


@pytest.mark.parametrize("name", ["capture.zip", "capture-folder"])
def test_captures_are_user_only(loose_umask: None, tmp_path: Path, name: str) -> None:
    capture = open_capture(CAPTURES / "linux-intune-enrolled")
    out = write_capture(capture, tmp_path / name)
    if out.is_file():
        assert _mode(out) == 0o600
    else:
        assert _mode(out) == 0o700
        for file in out.rglob("*"):
            assert _mode(file) == (0o700 if file.is_dir() else 0o600), file
