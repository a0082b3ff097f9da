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


# --- what the old management delivered, the network, encryption, leftovers ----------
# Added to detection/1 as optional fields (docs/detection.md): a consumer that
# does not know them ignores them. Names (SSIDs, profile names) stay on the
# device: reports carry only codes and counts (helper/journey/preflight.py).

PayloadKind = Literal["wifi", "vpn", "certificate", "mail", "app", "other"]


class Payload(msgspec.Struct, frozen=True):
    """One thing a management delivered to the device (Wi-Fi, VPN, certificate...).

    Attributes:
        kind: what it is, for the user (``wifi``, ``vpn``, ``certificate``,
            ``mail``, ``app``, ``other``).
        name: what the user recognises: the Wi-Fi's SSID, the VPN's or mail
            account's name, the certificate's file or display name ("" when
            the source does not say).
        payload_type: the source's own type (``com.apple.wifi.managed``,
            ``./Vendor/MSFT/WiFi``...).
        vendor: the catalogue id of the management that delivered it, or
            ``intune``; ``""`` when not known.
        source: the capture file it was read from.
    """

    kind: PayloadKind
    name: str
    payload_type: str
    vendor: str = ""
    source: str = ""


class Network(msgspec.Struct):
    """The network the device is on now.

    Attributes:
        wifi_ssid: the Wi-Fi network's SSID; None when not on Wi-Fi or not known.
        known: the network source was read (False: nothing can be said).
        wlan_profile: Windows: the WLAN profile in use (an MDM names it after
            its Wi-Fi CSP node); None elsewhere.
        evidence: what shows it.
    """

    wifi_ssid: str | None = None
    known: bool = False
    evidence: list[Evidence] = msgspec.field(default_factory=list)
    wlan_profile: str | None = None


EncryptionState = Literal["on", "off", "encrypting", "decrypting", "unknown"]
RecoveryKey = Literal["escrowed", "not-escrowed", "unknown"]


class Encryption(msgspec.Struct):
    """Disk encryption of the system volume and where its recovery key is kept.

    Attributes:
        method: ``filevault``, ``bitlocker``, or None (not known, Linux).
        state: ``on``, ``off``, ``encrypting``, ``decrypting`` or ``unknown``.
        recovery_key: ``escrowed`` when the device shows an escrow (macOS: an
            FDERecoveryKeyEscrow payload; Windows: a backup of a recovery
            password to Microsoft Entra ID in the BitLocker event log),
            ``not-escrowed`` when the sources were read and show none,
            ``unknown`` otherwise.
        escrow_vendor: the catalogue id of the management that holds the key
            (``intune`` once Intune does); None when not known.
        evidence: what shows it.
        escrow_since: macOS: when the escrow payload's profile was installed
            (UTC, ISO 8601); None when not known.
        key_made_at: macOS: when the escrowed recovery key was last written
            (``/var/db/FileVaultPRK.dat``, UTC, ISO 8601); a key written after
            ``escrow_since`` is one the escrow covers.
    """

    method: Literal["filevault", "bitlocker"] | None = None
    state: EncryptionState = "unknown"
    recovery_key: RecoveryKey = "unknown"
    escrow_vendor: str | None = None
    evidence: list[Evidence] = msgspec.field(default_factory=list)
    escrow_since: str | None = None
    key_made_at: str | None = None


class Leftover(msgspec.Struct, frozen=True):
    """Something an old management left behind that can block Intune enrollment.

    Attributes:
        item: the leftovers catalogue id (resources/leftovers.toml).
        target: what exactly (an enrollment GUID, a certificate thumbprint...).
        vendor: the catalogue id of the management that left it, or ``""``.
        detail: technical detail for helpdesk.
    """

    item: str
    target: str
    vendor: str = ""
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
    payloads: list[Payload] = msgspec.field(default_factory=list)
    network: Network = msgspec.field(default_factory=Network)
    encryption: Encryption = msgspec.field(default_factory=Encryption)
    leftovers: list[Leftover] = msgspec.field(default_factory=list)


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
    payloads: list[Payload] = msgspec.field(default_factory=list)
    network: Network = msgspec.field(default_factory=Network)
    encryption: Encryption = msgspec.field(default_factory=Encryption)
    leftovers: list[Leftover] = msgspec.field(default_factory=list)
