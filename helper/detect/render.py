# SPDX-License-Identifier: MIT
"""The readable summary ``detect`` prints without --json (words from helper.words)."""

from __future__ import annotations

from helper import words
from helper.detect.model import Detection


def render_summary(result: Detection) -> str:
    lines = [words.verdict(result.verdict), ""]
    for legacy in result.legacy:
        where = f" (server {legacy.server})" if legacy.server else ""
        lines.append(f"Legacy management: {legacy.name}{where}")
        # First letter only: str.capitalize() would lower-case "IT" to "it".
        removable = words.REMOVABLE[legacy.removable]
        lines.append(f"  {removable[:1].upper()}{removable[1:]}.")
        lines.extend(f"  - {e.source}: {e.detail}" for e in legacy.evidence)
    intune = {True: "enrolled", False: "not enrolled", None: "unknown"}
    lines.append(f"Microsoft Intune: {intune[result.intune.enrolled]}")
    lines.extend(f"  - {e.source}: {e.detail}" for e in result.intune.evidence)
    entra = result.entra
    ids = ", ".join(
        f"{label} {value}"
        for label, value in (("tenant", entra.tenant_id), ("device", entra.device_id))
        if value
    )
    lines.append(
        f"Microsoft Entra: {words.join(entra.join)}" + (f" ({ids})" if ids else "")
    )
    lines.extend(f"  - {e.source}: {e.detail}" for e in entra.evidence)
    if result.os == "windows":
        admin = {True: "yes", False: "none", None: "unknown"}[
            result.local_admin.present
        ]
        lines.append(f"Enabled local administrator account: {admin}")
        lines.extend(f"  - {e.source}: {e.detail}" for e in result.local_admin.evidence)
    lines += _preflight(result)
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        for warning in result.warnings:
            detail = f" [{warning.detail}]" if warning.detail else ""
            lines.append(f"  ! {words.warning(warning.code)}{detail}")
    looked = ", ".join(f"{s.file} ({s.status})" for s in result.sources)
    lines.append("")
    lines.append(f"Looked at: {looked}")
    return "\n".join(lines) + "\n"


def _preflight(result: Detection) -> list[str]:
    """What the managements delivered, the Wi-Fi, encryption, leftovers (the
    names stay: this is the user's own terminal)."""
    lines: list[str] = []
    for payload in result.payloads:
        owner = payload.vendor or "a management not identified"
        lines.append(
            f"Delivered by {owner}: {words.PAYLOAD_KINDS[payload.kind]} "
            f"{payload.name!r}"
        )
    network = result.network
    if network.known:
        wifi = repr(network.wifi_ssid) if network.wifi_ssid else "not on Wi-Fi"
        lines.append(f"Wi-Fi now: {wifi}")
    encryption = result.encryption
    if encryption.method is not None:
        held = f" by {encryption.escrow_vendor}" if encryption.escrow_vendor else ""
        lines.append(
            f"Disk encryption: {encryption.method} {encryption.state}; "
            f"recovery key {encryption.recovery_key}{held}"
        )
    lines.extend(f"Leftover ({f.item}): {f.target}" for f in result.leftovers)
    return lines
