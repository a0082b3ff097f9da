# SPDX-License-Identifier: MIT
"""Error types the core raises on purpose. Each carries a code the UI translates."""

from __future__ import annotations


class HelperError(Exception):
    """Base class for expected failures, shown to users as one clear line.

    Args:
        code: stable machine-readable code (``config-invalid``...), mapped to words
            by the CLI table and by ui/.
        message: English technical detail (file, key, what was expected).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class CaptureError(HelperError):
    """A path that does not exist or is not a capture."""


class ConfigError(HelperError):
    """An invalid configuration layer; the message names file, key and expectation."""


class CatalogueError(HelperError):
    """An invalid vendor catalogue file."""
