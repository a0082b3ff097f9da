# SPDX-License-Identifier: MIT
"""macOS: the .pkg, through installers/macos/build_app.py (signing, notarizing)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from installers.buildsteps.common import (
    MACOS,
    MACOS_DIR,
    BuildError,
    Paths,
    load_module,
)


def macos_tools() -> ModuleType:
    return load_module(MACOS_DIR / "build_app.py", "helper_macos_build")


def build_pkg(paths: Paths, *, sign: bool = False) -> Path:
    """The .pkg (macOS); with ``sign``, the .app is signed and notarized first."""
    if not MACOS:
        raise BuildError("the .pkg is built on macOS")
    try:
        return Path(macos_tools().build_pkg(paths.app, paths.pkg, sign=sign))
    except Exception as exc:  # MacBuildError from the module loaded by path
        raise BuildError(str(exc)) from None
