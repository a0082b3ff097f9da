# SPDX-License-Identifier: MIT
"""What the old management delivered (Wi-Fi, VPN, certificates, mail, apps),
and the Wi-Fi the device is on now.

- macOS: the payloads of the installed profiles (``profiles -C``), by their
  ``PayloadType`` [DOC developer.apple.com/documentation/devicemanagement]:
  see :data:`APPLE_KINDS`. The listing does not say which management installed
  a profile [UNVERIFIED: no field found]: a profile is attributed to the MDM
  whose enrollment profile has the same ``ProfileOrganization``, else, on a
  Mac with a single MDM enrollment, to that one; else to nobody (``""``).
- Windows: the NodeCache of each management server (its ProviderID matched in
  the catalogue): :mod:`helper.parsers.nodecache`.
- Linux: no documented source tells what an old agent delivered (NetworkManager
  connection files carry no owner): not reported.

Apps: Windows only (EnterpriseModernAppManagement / EnterpriseDesktopAppManagement
nodes); on macOS, apps an MDM installed are not in the profile listing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from helper.capture import layout
from helper.capture.model import Capture
from helper.catalogue import Catalogue, Vendor
from helper.detect.common import UNKNOWN_MDM, read_source
from helper.detect.model import Evidence, Network, OsFindings, Payload, PayloadKind
from helper.parsers.network import CurrentWifi
from helper.parsers.nodecache import NodeItem
from helper.parsers.profiles_plist import InstalledProfiles, Profile

# Apple payload type → what it is for the user [DOC developer.apple.com
# documentation/devicemanagement: WiFi, VPN, Mail, ExchangeActiveSync,
# PKCS12Certificate, PKCS1Certificate, RootCertificate (com.apple.security.root),
# PEMCertificate, SCEP, ACMECertificate].
APPLE_KINDS: dict[str, PayloadKind] = {
    "com.apple.wifi.managed": "wifi",
    "com.apple.vpn.managed": "vpn",
    "com.apple.vpn.managed.applayer": "vpn",
    "com.apple.mail.managed": "mail",
    "com.apple.eas.account": "mail",
    "com.apple.security.pkcs12": "certificate",
    "com.apple.security.pkcs1": "certificate",
    "com.apple.security.root": "certificate",
    "com.apple.security.pem": "certificate",
    "com.apple.security.scep": "certificate",
    "com.apple.security.acme": "certificate",
}
# Payloads listed per device at most: a hand-built capture could hold millions.
MAX_PAYLOADS = 500

# (an MDM enrollment profile, the vendor id it belongs to: a catalogue id,
# ``intune`` or ``unknown-mdm``)
Owner = tuple[Profile | None, str]


def owner_id(vendor: Vendor | None) -> str:
    """The vendor id a payload or escrow is attributed to: ``intune`` for the
    target, ``unknown-mdm`` for an MDM the catalogue does not know."""
    if vendor is None:
        return UNKNOWN_MDM
    return "intune" if vendor.role == "target" else vendor.id


def owner_of(profile: Profile, owners: Sequence[Owner]) -> str:
    org = profile.organization.casefold()
    if org:
        for mdm_profile, vendor in owners:
            if mdm_profile is not None and mdm_profile.organization.casefold() == org:
                return vendor
    vendors = {vendor for _, vendor in owners}
    return vendors.pop() if len(vendors) == 1 else ""


def macos_payloads(
    profiles: InstalledProfiles, owners: Sequence[Owner]
) -> list[Payload]:
    """The Wi-Fi, VPN, mail and certificate payloads of the installed profiles."""
    found: list[Payload] = []
    for profile in profiles.profiles:
        if profile.mdm_item() is not None:
            # The enrollment itself (its identity certificate): it goes with
            # the MDM, which the journey already says.
            continue
        vendor = owner_of(profile, owners)
        for item in profile.items:
            kind = APPLE_KINDS.get(item.payload_type)
            if kind is None:
                continue
            name = item.content_name or item.display_name or profile.display_name
            found.append(
                Payload(kind, name, item.payload_type, vendor, layout.MAC_PROFILES)
            )
            if len(found) >= MAX_PAYLOADS:
                return found
    return found


def windows_payloads(items: Sequence[NodeItem], catalogue: Catalogue) -> list[Payload]:
    """The NodeCache's items, attributed to the catalogue vendor of their server."""
    found: list[Payload] = []
    for item in items[:MAX_PAYLOADS]:
        vendor = catalogue.by_provider_id(item.provider)
        vendor_id = owner_id(vendor) if vendor else ""
        kind: PayloadKind = item.kind  # type: ignore[assignment]  # nodecache kinds
        found.append(
            Payload(kind, item.name, item.csp, vendor_id, layout.WIN_NODECACHE)
        )
    return found


def current_network(
    capture: Capture,
    name: str,
    parser: Callable[[bytes], CurrentWifi],
    findings: OsFindings,
) -> Network:
    """The Wi-Fi the device is on now, from one capture file."""
    wifi = read_source(capture, name, parser, findings)
    if wifi is None or not wifi.known:
        return Network()
    detail = f"SSID {wifi.ssid}" if wifi.ssid else "not on Wi-Fi"
    if wifi.profile and wifi.profile != wifi.ssid:
        detail += f" (WLAN profile {wifi.profile})"
    return Network(wifi.ssid, True, [Evidence(name, detail)], wifi.profile)


def delivered_wifi(findings: OsFindings) -> Payload | None:
    """The legacy-delivered Wi-Fi payload the device is on now, if any.

    SSIDs compare exactly (they are case-sensitive); on Windows the WLAN
    profile an MDM created is named after the Wi-Fi CSP node, usually the
    SSID, so the profile name is compared too.
    """
    network = findings.network
    if not network.wifi_ssid:
        return None
    names = {network.wifi_ssid, network.wlan_profile}
    for payload in findings.payloads:
        if payload.kind != "wifi" or payload.vendor == "intune":
            continue
        if payload.name in names:
            return payload
    return None
