# SPDX-License-Identifier: MIT
"""Where the helper keeps its files.

Every directory comes from platformdirs, except when ``HELPER_HOME`` is set: then all
of them live under that one folder (development, tests, the frozen smoke test).
Directories are created on first use.
"""

from __future__ import annotations

import os
from pathlib import Path

from helper import APP_ID

_ENV_HOME = "HELPER_HOME"


def _home() -> Path | None:
    value = os.environ.get(_ENV_HOME)
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    else:
        # platformdirs costs a few ms to import; only pay for it when needed.
        import platformdirs

        getter = {
            "config": platformdirs.user_config_dir,
            "data": platformdirs.user_data_dir,
            "cache": platformdirs.user_cache_dir,
            "log": platformdirs.user_log_dir,
        }[kind]
        path = Path(getter(APP_ID, appauthor=False))
    # User-only (0700): the outbox, logs and captures in them name the user.
    from helper.private import private_dir

    return private_dir(path)


def config_dir() -> Path:
    """The user configuration folder (holds the user config layer)."""
    return _dir("config")


def data_dir() -> Path:
    """The user data folder (journey state, outbox)."""
    return _dir("data")


def cache_dir() -> Path:
    """The user cache folder (compiled catalogue, last capture)."""
    return _dir("cache")


def log_dir() -> Path:
    """The user log folder (rotating log files)."""
    return _dir("log")
