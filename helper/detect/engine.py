# SPDX-License-Identifier: MIT
"""Detection from a capture: the one code path for live detection and replay."""

from __future__ import annotations

from collections.abc import Callable

from helper.capture import layout
from helper.capture.model import Capture
from helper.catalogue import Catalogue
from helper.detect.model import Detection, OsFindings, SourceStatus, Verdict


def _detector(os_name: str) -> Callable[[Capture, Catalogue], OsFindings]:
    # Import only the detector this capture needs (start-up time).
    if os_name == "windows":
        from helper.detect.windows import detect_windows

        return detect_windows
    if os_name == "macos":
        from helper.detect.macos import detect_macos

        return detect_macos
    from helper.detect.linux import detect_linux

    return detect_linux


def verdict_of(findings: OsFindings) -> Verdict:
    """Derive the verdict from what one OS detector found."""
    if findings.legacy and findings.intune.enrolled is True:
        return "both-enrolled"
    if findings.legacy:
        return "legacy-enrolled"
    if findings.intune.enrolled is True:
        return "intune-enrolled"
    if findings.enrollment_known:
        return "unmanaged"
    return "unknown"


def source_statuses(capture: Capture) -> list[SourceStatus]:
    """What became of each documented evidence file of the capture's OS."""
    statuses: list[SourceStatus] = []
    for name in layout.BY_OS[capture.os]:
        info = capture.source(name)
        if capture.read(name) is not None:
            statuses.append(SourceStatus(name, "read"))
        elif info is not None and info.error == "not-found":
            statuses.append(
                SourceStatus(name, "missing", f"not on the device: {info.read}")
            )
        elif info is not None and info.error:
            statuses.append(SourceStatus(name, "unreadable", info.error))
        else:
            statuses.append(SourceStatus(name, "missing"))
    return statuses


def detect(capture: Capture, catalogue: Catalogue) -> Detection:
    """Tell what manages the device the capture describes."""
    findings = _detector(capture.os)(capture, catalogue)
    return Detection(
        os=capture.os,
        verdict=verdict_of(findings),
        legacy=findings.legacy,
        intune=findings.intune,
        entra=findings.entra,
        warnings=findings.warnings,
        sources=source_statuses(capture),
        capture_origin=capture.origin,
        capture_time=capture.manifest.time,
        os_version=capture.manifest.os_version,
        local_admin=findings.local_admin,
        payloads=findings.payloads,
        network=findings.network,
        encryption=findings.encryption,
        leftovers=findings.leftovers,
    )
