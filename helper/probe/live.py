# SPDX-License-Identifier: MIT
"""Capture this machine with the probe for its OS."""

from __future__ import annotations

from helper.capture.model import Capture
from helper.catalogue import Catalogue
from helper.probe.base import platform_os


def capture_this_machine(catalogue: Catalogue) -> Capture:
    """Read this machine into a capture (in memory; ``capture OUT`` writes it)."""
    os_name = platform_os()
    if os_name == "windows":
        from helper.probe.windows import live_windows_probe

        return live_windows_probe(catalogue)
    if os_name == "macos":
        from helper.probe.macos import live_macos_probe

        return live_macos_probe(catalogue)
    from helper.probe.linux import probe_linux

    return probe_linux(catalogue)
