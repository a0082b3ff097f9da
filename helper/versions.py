# SPDX-License-Identifier: MIT
"""``--version --verbose``: the exact versions of what this copy runs on.

A frozen bundle (and the .deb, MSI and .pkg made from it) carries
``resources/versions.txt``, written at build time from what PyInstaller
collected (installers/pyinstaller/contents.py). A copy run from source or from
a wheel has no such file; it lists the distributions installed in its Python
environment instead, and says which of the two it printed.
"""

from __future__ import annotations

import platform
import sys

from helper import APP_ID, __version__
from helper.resources import resource_path

VERSIONS_FILE = "versions.txt"


def bundled_versions() -> list[str] | None:
    """The ``name==version`` lines of the bundle's versions.txt, if there is one."""
    path = resource_path(VERSIONS_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def environment_versions() -> list[str]:
    """``name==version`` of every distribution in this Python environment."""
    import importlib.metadata
    import re

    found: dict[str, str] = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found[re.sub(r"[-_.]+", "-", name).lower()] = dist.version
    return [f"{name}=={version}" for name, version in sorted(found.items())]


def verbose_version() -> str:
    """The text ``--version --verbose`` prints."""
    bundled = bundled_versions()
    if bundled is not None:
        source = f"built with (from {resource_path(VERSIONS_FILE)}):"
        lines = bundled
    else:
        source = "running in this Python environment (not a frozen bundle):"
        lines = environment_versions()
    head = [
        f"{APP_ID} {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {sys.platform} {platform.machine()}",
        source,
    ]
    return "\n".join(head + [f"  {line}" for line in lines]) + "\n"
