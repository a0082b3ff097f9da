# SPDX-License-Identifier: MIT
"""Disk encryption and where its recovery key is escrowed, as far as the device
can tell.

- macOS: FileVault's state from ``fdesetup status``; an escrow when an
  installed profile holds the FileVault recovery key escrow payload
  (``com.apple.security.FDERecoveryKeyEscrow``, one per Mac [DOC
  developer.apple.com FDERecoveryKeyEscrow]); the escrow belongs to the MDM
  whose profile holds it (attributed as in :mod:`helper.detect.payloads`).
  Apple: the payload protects only keys generated *after* it was installed,
  so a Mac encrypted under the old MDM needs a new personal recovery key for
  Intune to hold one (vendor-apis.md V-108, V-109).
- Windows: BitLocker's state from ``Get-BitLockerVolume`` for the system
  drive; escrowed to Microsoft Entra ID when a current recovery-password
  protector was backed up there (BitLocker Management event 845
  [COMMUNITY]). An escrow by the old management (its own agent) cannot be
  seen: without an Entra backup the answer is ``unknown``, or
  ``not-escrowed`` when there is no recovery password to escrow at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from helper.capture import layout
from helper.detect.model import Encryption, Evidence
from helper.detect.payloads import Owner, owner_of
from helper.parsers.encryption import BitLocker, State, utc_iso
from helper.parsers.profiles_plist import InstalledProfiles

ESCROW_PAYLOAD = "com.apple.security.FDERecoveryKeyEscrow"


def filevault(
    state: State | None,
    profiles: InstalledProfiles | None,
    owners: Sequence[Owner],
    key_made_at: str | None = None,
) -> Encryption:
    """FileVault's state and escrow, from ``fdesetup status``, the profiles and
    when the escrowed key was last written (``key_made_at``)."""
    found = Encryption(method="filevault" if state is not None else None)
    found.key_made_at = key_made_at
    if state is not None:
        found.state = state
        found.evidence.append(Evidence(layout.MAC_FDESETUP, f"FileVault {state}"))
    if key_made_at is not None:
        found.evidence.append(
            Evidence(
                layout.MAC_FILEVAULT_PRK,
                f"escrowed recovery key written {key_made_at}",
            )
        )
    if profiles is None:
        return found
    for profile in profiles.profiles:
        for item in profile.items:
            if item.payload_type != ESCROW_PAYLOAD:
                continue
            vendor = owner_of(profile, owners) or None
            found.recovery_key = "escrowed"
            found.escrow_vendor = vendor
            found.escrow_since = utc_iso(profile.install_date)
            found.evidence.append(
                Evidence(
                    layout.MAC_PROFILES,
                    f"{ESCROW_PAYLOAD} in profile "
                    f"{profile.identifier or profile.display_name or '(no identifier)'}"
                    + (f" of {vendor}" if vendor else ""),
                )
            )
            return found
    found.recovery_key = "not-escrowed"
    return found


def bitlocker(volume: BitLocker | None) -> Encryption:
    """BitLocker's state of the system drive and its Entra escrow."""
    if volume is None:
        return Encryption()
    found = Encryption(method="bitlocker", state=volume.state)
    types = ", ".join(p.type for p in volume.protectors) or "none"
    found.evidence.append(
        Evidence(
            layout.WIN_BITLOCKER,
            f"BitLocker {volume.state}, protection "
            f"{ {True: 'on', False: 'off', None: 'not known'}[volume.protection_on] }, "
            f"protectors: {types}",
        )
    )
    if volume.backed_up_to_entra():
        found.recovery_key = "escrowed"
        found.escrow_vendor = "intune"
        last = max(b.time for b in volume.entra_backups)
        found.evidence.append(
            Evidence(
                layout.WIN_BITLOCKER,
                "recovery password backed up to Microsoft Entra ID "
                f"(event 845, {last})",
            )
        )
    elif volume.state != "off" and not volume.recovery_password_ids():
        found.recovery_key = "not-escrowed"
    return found
