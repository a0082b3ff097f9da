# SPDX-License-Identifier: MIT
"""What every probe records about the machine in capture.json."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from helper import __version__
from helper.capture.model import Manifest, OsName, SourceInfo


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a Z, to the second."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def machine_locale() -> str | None:
    """The user's locale name (``fr_FR``), from the environment, as the OS sets it."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return value.split(".", 1)[0] or None
    return None


def new_manifest(
    os_name: OsName,
    *,
    os_version: str | None = None,
    arch: str | None = None,
    locale: str | None = None,
    now: Callable[[], str] | None = None,
    helper_version: str | None = None,
) -> Manifest:
    """A manifest for a live capture of this machine (fields not given are read)."""
    if arch is None:
        arch = os.uname().machine if hasattr(os, "uname") else None
    return Manifest(
        os=os_name,
        os_version=os_version,
        arch=arch,
        locale=locale if locale is not None else machine_locale(),
        time=(now or utc_now)(),
        helper_version=helper_version or __version__,
    )


def timed_read(path: str, file: str, sources: list[SourceInfo]) -> bytes | None:
    """Read a file for the capture, recording how it went in ``sources``."""
    start = time.perf_counter()
    try:
        with open(path, "rb") as handle:
            data = handle.read(16 * 1024 * 1024)
    except FileNotFoundError:
        sources.append(
            SourceInfo(file, path, error="not-found", duration_ms=_ms(start))
        )
        return None
    except OSError as exc:
        error = f"{type(exc).__name__}: {exc.strerror or exc}"
        sources.append(SourceInfo(file, path, error=error, duration_ms=_ms(start)))
        return None
    sources.append(SourceInfo(file, path, duration_ms=_ms(start)))
    return data


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


def platform_os() -> OsName:
    """This machine's OS family, as a capture names it."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"
