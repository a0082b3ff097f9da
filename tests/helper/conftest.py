# SPDX-License-Identifier: MIT
"""Fixtures shared by the helper tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from helper import logsetup


@pytest.fixture
def fresh_logging() -> Iterator[None]:
    """Logging configured anew by the test, then put back as it was."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logsetup._configured = False
    yield
    for handler in root.handlers:
        if handler not in saved[0]:
            handler.close()
    root.handlers, root.level = saved[0], saved[1]
    logsetup._configured = False
