# SPDX-License-Identifier: MIT
"""Pre-flight: what leaving the old management takes away, and the recovery key.

Pure functions of a detection (no I/O):

- :func:`conditions`: the playbook conditions the prepare and done stages'
  warnings select on (``on-legacy-wifi``, ``legacy-vpn``, ``encrypted``...);
- :func:`texts`: the values those warnings quote (``{current_wifi}``: the
  Wi-Fi's name stays on the device, in the plan shown in the window);
- :func:`network_check`: the join pre-check's answer when the network is down
  because the Wi-Fi was the old management's (``on-legacy-wifi``);
- :func:`escrow_after_join`: after joining, whether Intune holds the recovery
  key, and if not, what is missing (a code; ui/ owns the words).

``escrow_confirmed`` is an optional input: True when the collector confirmed,
from Microsoft Graph, that Intune (or Microsoft Entra ID) holds this device's
recovery key (the issue-16 Graph check); then the user does not have to
confirm they can recover. None: no such answer.

Encryption is never to be turned off: no code here leads there, and a test
scans every text the user can read for such advice.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from helper.detect.model import Detection, Payload
    from helper.journey.checks import CheckResult

# Payload kind → the condition a prepare warning selects on.
KIND_CONDITIONS: Final[dict[str, str]] = {
    "wifi": "legacy-wifi",
    "vpn": "legacy-vpn",
    "mail": "legacy-mail",
    "certificate": "legacy-certificates",
    "app": "legacy-apps",
}
ENCRYPTED_STATES: Final = frozenset({"on", "encrypting"})


def legacy_payloads(detection: Detection) -> list[Payload]:
    """What the old management delivered: payloads not attributed to Intune.

    An unattributed payload (``vendor`` empty) counts when the device has a
    legacy management: it goes with it as far as anyone can tell.
    """
    legacy = {item.vendor for item in detection.legacy}
    return [
        p
        for p in detection.payloads
        if p.vendor != "intune" and (p.vendor in legacy or (not p.vendor and legacy))
    ]


def current_legacy_wifi(detection: Detection) -> str | None:
    """The SSID of the Wi-Fi the device is on, when the old management gave it."""
    network = detection.network
    if not network.wifi_ssid:
        return None
    names = {network.wifi_ssid, network.wlan_profile}
    for payload in legacy_payloads(detection):
        if payload.kind == "wifi" and payload.name in names:
            return network.wifi_ssid
    return None


def legacy_wifi_names(detection: Detection) -> set[str]:
    """Every Wi-Fi name the old management delivered (kept by the journey so
    that the join pre-check still knows them once they are gone)."""
    return {p.name for p in legacy_payloads(detection) if p.kind == "wifi"}


def encrypted(detection: Detection) -> bool:
    return detection.encryption.state in ENCRYPTED_STATES


def conditions(
    detection: Detection | None, *, escrow_confirmed: bool | None
) -> set[str]:
    """The pre-flight conditions (docs/journey.md, Conditions)."""
    found: set[str] = set()
    if detection is None:
        return {"not-on-legacy-wifi", "encryption-unknown"}
    for payload in legacy_payloads(detection):
        condition = KIND_CONDITIONS.get(payload.kind)
        if condition:
            found.add(condition)
    found.add(
        "on-legacy-wifi" if current_legacy_wifi(detection) else "not-on-legacy-wifi"
    )
    state = detection.encryption
    if state.method is None or state.state == "unknown":
        found.add("encryption-unknown")
    elif encrypted(detection):
        found.add("encrypted")
        found.add(f"encrypted-{state.method}")
        found.add("escrow-confirmed" if escrow_confirmed else "recovery-unconfirmed")
    return found


def texts(detection: Detection | None) -> dict[str, str]:
    """The values pre-flight warnings quote: ``current_wifi`` (the SSID) and
    ``legacy_vpn`` (the old management's VPN names, comma-separated)."""
    if detection is None:
        return {}
    found: dict[str, str] = {}
    ssid = current_legacy_wifi(detection)
    if ssid:
        found["current_wifi"] = ssid
    vpns = sorted({p.name for p in legacy_payloads(detection) if p.kind == "vpn"})
    if vpns:
        found["legacy_vpn"] = ", ".join(vpns[:5])
    return found


def network_check(
    result: CheckResult,
    detection: Detection | None,
    remembered: Collection[str] = (),
) -> CheckResult:
    """The join pre-check (``network``), knowing where the Wi-Fi came from.

    A failed check on a Wi-Fi the old management delivered (now, or as
    remembered from before it left) becomes ``on-legacy-wifi``: that network
    has gone or is going with it, so the fix is another network, not a retry.

    Args:
        result: :func:`helper.journey.checks.check_network`'s answer.
        detection: the latest detection (its current Wi-Fi).
        remembered: the old management's Wi-Fi names seen before it left.
    """
    if result.ok or result.check != "network" or detection is None:
        return result
    ssid = detection.network.wifi_ssid
    known = set(remembered) | legacy_wifi_names(detection)
    if ssid and (ssid in known or detection.network.wlan_profile in known):
        from helper.journey.checks import CheckResult

        return CheckResult(
            "network",
            False,
            "on-legacy-wifi",
            f"{result.detail}; on a Wi-Fi the old management delivered",
        )
    return result


# --- after joining -------------------------------------------------------------------

ESCROW_CODES: Final = (
    "escrow-confirmed",
    "escrow-key-made",
    "escrow-not-configured",
    "escrow-new-key-needed",
    "escrow-unknown",
)


def escrow_after_join(
    detection: Detection | None, *, escrow_confirmed: bool | None
) -> str | None:
    """Whether Intune holds the recovery key once the device joined.

    Returns:
        None when the disk is not encrypted (or not known to be);
        ``escrow-confirmed``: the collector confirmed it, or Windows backed
        the current recovery password up to Microsoft Entra ID;
        ``escrow-not-configured``: FileVault on, but no recovery key escrow
        from Intune on the Mac yet (Intune's FileVault policy has not
        arrived: check again later, or ask IT);
        ``escrow-key-made``: FileVault on with Intune's escrow, and the
        escrowed key was written after that escrow arrived
        (``/var/db/FileVaultPRK.dat`` newer than the profile): Intune reads it
        at its next check-in;
        ``escrow-new-key-needed``: FileVault on with Intune's escrow but no key
        written since (or not known): Intune holds a key only once a new one
        is made after that (Apple's escrow covers keys generated after it is
        installed; vendor-apis.md V-108, V-109): log out and back in, or
        restart;
        ``escrow-unknown``: BitLocker on without a backup to Microsoft Entra
        ID that the PC shows (ask IT to check the key is in Intune).
    """
    if detection is None or not encrypted(detection):
        return None
    if escrow_confirmed:
        return "escrow-confirmed"
    found = detection.encryption
    if found.method == "filevault":
        if found.escrow_vendor != "intune":
            return "escrow-not-configured"
        since, made = found.escrow_since, found.key_made_at
        if since and made and made > since:  # both UTC ISO 8601 with a Z
            return "escrow-key-made"
        return "escrow-new-key-needed"
    if found.recovery_key == "escrowed" and found.escrow_vendor == "intune":
        return "escrow-confirmed"
    return "escrow-unknown"


class EscrowConfirmation:
    """The collector's answer to "does Intune hold this device's recovery
    key?" (the Graph check of issue 16), for the planner to ask.

    Whoever receives the answer sets :attr:`value`; the journey's planner calls
    the object at each plan (``planner_for(escrow_confirmed=...)``). None until
    an answer arrives.
    """

    def __init__(self, value: bool | None = None) -> None:
        self.value = value

    def __call__(self) -> bool | None:
        return self.value
