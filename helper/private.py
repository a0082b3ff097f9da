# SPDX-License-Identifier: MIT
"""Files and folders only their owner can read (0600 and 0700).

The outbox, the logs, the journey state and captures name the user (a UPN in a
capture, ids in the outbox): on a shared machine, other accounts must not read
them. Modes are given when a file is created (never a umask for the whole
process: the programs the helper launches inherit it) and tightened on files
and folders an older helper created.

On Windows, modes only toggle the read-only flag; the per-user profile's ACLs
already keep these folders private, so nothing is changed there.

Standard library only: the window's first page imports the configuration,
which writes through this module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

FILE_MODE: Final = 0o600
DIR_MODE: Final = 0o700
_POSIX: Final = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed; ``path`` itself ends 0700.

    Parents keep the system's default: they may be shared (``~/.local``).
    """
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    tighten(path, DIR_MODE)
    return path


def tighten(path: Path, mode: int = FILE_MODE) -> None:
    """Remove group and other permissions from an existing ``path`` (POSIX).

    Best effort: a file owned by someone else stays as it is (the next
    operation on it reports the real problem).
    """
    if not _POSIX:
        return
    try:
        current = path.stat().st_mode & 0o777
        if current & 0o077:
            os.chmod(path, current & ~0o077 & 0o777 | (mode & 0o700))
    except OSError:
        pass


def opener(path: str | os.PathLike[str], flags: int) -> int:
    """An ``open(..., opener=opener)`` that creates files 0600."""
    return os.open(path, flags, FILE_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, created (or truncated) 0600."""
    with open(path, "wb", opener=opener) as handle:
        handle.write(data)
    tighten(path)


def touch_private(path: Path) -> None:
    """Create ``path`` empty and 0600 if it is missing; tighten it otherwise.

    SQLite gives its -wal and -shm files the database file's mode, so a
    database created this way stays private with them.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    os.close(fd)
    tighten(path)


__all__ = [
    "DIR_MODE",
    "FILE_MODE",
    "opener",
    "private_dir",
    "tighten",
    "touch_private",
    "write_private",
]
