# SPDX-License-Identifier: MIT
"""Leftovers of an old management that are known to block Intune enrollment.

Detection only lists them (``detection.leftovers``), each named by its
leftovers catalogue id (resources/leftovers.toml, :mod:`helper.leftovers`),
for helpdesk's dry run; nothing here removes anything.

- Windows: an ``Enrollments\\{GUID}`` key that is not a live enrollment (the
  ``stale-enrollment`` warning) is ``windows-stale-enrollment``; the MDM
  device certificate it names (``DMPCertThumbPrint``) is
  ``windows-stale-mdm-certificate``. Leftover enrollments make Windows refuse
  a new one with 0x8018000A (MENROLL_E_DEVICE_ALREADY_ENROLLED) (field-notes.md
  §3; signatures.md §2.4).
- macOS: the Workplace Join record of an earlier registration in the login
  keychain, when Intune does not manage the Mac
  (``macos-workplace-join-record``: field-notes.md §6).
- Agents: a vendor agent whose vendor no longer manages the device
  (``agent-leftover``) is ``agent`` (:func:`helper.detect.common.note_agent_leftovers`).
"""

from __future__ import annotations

import re

from helper.catalogue import Catalogue
from helper.detect.model import Leftover, OsFindings
from helper.detect.payloads import owner_id
from helper.probe.registry import RegValue

# A certificate thumbprint: SHA-1 in hex.
_THUMBPRINT = re.compile(r"[0-9A-Fa-f]{40}")
MAX_LEFTOVERS = 64


def _add(findings: OsFindings, leftover: Leftover) -> None:
    if len(findings.leftovers) < MAX_LEFTOVERS and leftover not in findings.leftovers:
        findings.leftovers.append(leftover)


def note_stale_enrollment(
    findings: OsFindings,
    guid: str,
    *,
    provider: str,
    values: dict[str, RegValue],
    catalogue: Catalogue,
    detail: str,
) -> None:
    """A stale Windows enrollment key and the MDM certificate it names."""
    vendor = catalogue.by_provider_id(provider)
    vendor_id = owner_id(vendor) if vendor else ""
    _add(findings, Leftover("windows-stale-enrollment", guid, vendor_id, detail))
    value = values.get("dmpcertthumbprint")
    thumbprint = value.data if value is not None else None
    if isinstance(thumbprint, str) and _THUMBPRINT.fullmatch(thumbprint.strip()):
        _add(
            findings,
            Leftover(
                "windows-stale-mdm-certificate",
                thumbprint.strip().upper(),
                vendor_id,
                f"DMPCertThumbPrint of {guid} (LocalMachine\\My)",
            ),
        )
