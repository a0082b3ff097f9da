# SPDX-License-Identifier: MIT
"""The detection result, schema ``detection/1``.

Stable and documented (docs/detection.md): fields may be added, never renamed.
The core returns codes (verdict, join, warning codes); the words live in tables
(helper/words.py for the command line, ui/ for the window).
"""

from __future__ import annotations

from typing import Literal

import msgspec

SCHEMA = "detection/1"

Verdict = Literal[
    "legacy-enrolled", "both-enrolled", "intune-enrolled", "unmanaged", "unknown"
]
Join = Literal[
    "entra-joined", "hybrid-joined", "domain-joined", "registered", "none", "unknown"
]


class Evidence(msgspec.Struct, frozen=True):
    """One fact behind a conclusion.

    Attributes:
        source: the capture file it was read from (``windows/enrollments.reg``).
        detail: technical detail for helpdesk (``ProviderID=AirWatchMDM in {GUID}``).
    """

    source: str
    detail: str


class Legacy(msgspec.Struct):
    """A legacy EMM/MDM that manages the device.

    Attributes:
        vendor: catalogue id, or ``unknown-mdm``.
        name: display name from the catalogue (or the ProviderID / host for unknowns).
        removable: can the user remove it without IT? None when unknown.
        server: the management server host, when known.
        evidence: what shows it.
    """

    vendor: str
    name: str
    removable: bool | None = None
    server: str | None = None
    evidence: list[Evidence] = msgspec.field(default_factory=list)


class Intune(msgspec.Struct):
    """Intune enrollment. ``enrolled`` is None when the sources could not tell."""

    enrolled: bool | None = None
    evidence: list[Evidence] = msgspec.field(default_factory=list)
    device_id: str | None = None


class Entra(msgspec.Struct):
    """Entra (Azure AD) join state."""

    join: Join = "unknown"
    tenant_id: str | None = None
    device_id: str | None = None
    evidence: list[Evidence] = msgspec.field(default_factory=list)


class LocalAdmin(msgspec.Struct):
    """Another way into a Windows PC: an enabled local administrator account.

    Attributes:
        present: an enabled local account is in the Administrators group (it
            signs in without Microsoft Entra ID or a domain); None when not
            known (not Windows, or the listing could not be read).
        evidence: the members seen.
    """

    present: bool | None = None
    evidence: list[Evidence] = msgspec.field(default_factory=list)


class Warning(msgspec.Struct, frozen=True):
    """Something helpdesk should know. ``code`` is stable; ``detail`` is technical.

    Codes: see helper/words.py WARNINGS (fake-enrollment-key, stale-enrollment,
    tenant-mdm-url-not-enrolled, ade-assigned, ade-enrolled,
    profile-removal-disallowed, source-unreadable, agent-leftover,
    company-portal-not-enrolled, ...).
    """

    code: str
    detail: str = ""


class SourceStatus(msgspec.Struct, frozen=True):
    """What became of one capture file: ``read``, ``missing`` or ``unreadable``."""

    file: str
    status: Literal["read", "missing", "unreadable"]
    detail: str = ""


class Detection(msgspec.Struct):
    """The whole result (``intune-migration-helper detect --json``)."""

    os: str
    verdict: Verdict
    legacy: list[Legacy] = msgspec.field(default_factory=list)
    intune: Intune = msgspec.field(default_factory=Intune)
    entra: Entra = msgspec.field(default_factory=Entra)
    warnings: list[Warning] = msgspec.field(default_factory=list)
    schema: str = SCHEMA
    sources: list[SourceStatus] = msgspec.field(default_factory=list)
    capture_origin: str = ""
    capture_time: str | None = None
    os_version: str | None = None
    local_admin: LocalAdmin = msgspec.field(default_factory=LocalAdmin)


class OsFindings(msgspec.Struct, dict=True):
    """What one OS detector concluded, before the verdict is derived.

    Attributes:
        legacy: legacy managements found.
        intune: Intune state.
        entra: Entra join state.
        local_admin: an enabled local administrator account (Windows).
        warnings: warnings raised.
        enrollment_known: True when the enrollment sources were readable enough
            to say "nothing enrolled" (otherwise the verdict is ``unknown``).
    """

    legacy: list[Legacy] = msgspec.field(default_factory=list)
    intune: Intune = msgspec.field(default_factory=Intune)
    entra: Entra = msgspec.field(default_factory=Entra)
    warnings: list[Warning] = msgspec.field(default_factory=list)
    enrollment_known: bool = False
    local_admin: LocalAdmin = msgspec.field(default_factory=LocalAdmin)
