# SPDX-License-Identifier: MIT
"""What each MDM server configured on a Windows PC, from its NodeCache.

The NodeCache CSP keeps, per management server (its ProviderID), the node
URIs the server set: ``./Device/Vendor/MSFT/NodeCache/{ProviderID}/Nodes/
{NodeID}/NodeURI`` [DOC learn.microsoft.com nodecache-csp]. Windows stores it
under ``HKLM\\SOFTWARE\\Microsoft\\Provisioning\\NodeCache\\CSP\\{Device|User}
\\{ProviderID}\\Nodes\\{n}`` with a ``NodeUri`` value [COMMUNITY]; the capture
holds a regedit export of that key (``windows/mdm-nodecache.reg``).

A node URI names the CSP that delivered something, and its instance: the
Wi-Fi CSP ``./Vendor/MSFT/WiFi/Profile/<SSID>/...``, VPNv2
``./Vendor/MSFT/VPNv2/<ProfileName>/...``, ClientCertificateInstall
``.../ClientCertificateInstall/{PFXCertInstall|SCEP}/<id>/...``,
RootCATrustedCertificates ``.../RootCATrustedCertificates/<store>/<thumbprint>``,
EMAIL2 / ActiveSync accounts, EnterpriseModernAppManagement and
EnterpriseDesktopAppManagement apps [DOC learn.microsoft.com *-csp]. Names are
URL-encoded in URIs (``Corp%20Net``).

Not every management server uses the NodeCache [UNVERIFIED]: an empty or
missing export means "not known", never "nothing delivered".
"""

from __future__ import annotations

from urllib.parse import unquote

import msgspec

from helper.parsers.regfile import RegFile
from helper.probe.registry import RegValue

ROOT = r"HKLM\SOFTWARE\Microsoft\Provisioning\NodeCache\CSP"
SCOPES = ("Device", "User")
# Far above any real cache (hundreds of nodes); keeps hostile exports cheap.
MAX_NODES = 50_000


class NodeItem(msgspec.Struct, frozen=True):
    """One thing a server delivered, from a node URI.

    Attributes:
        provider: the server's ProviderID (``AirWatchMDM``, ``MS DM Server``...).
        kind: ``wifi``, ``vpn``, ``certificate``, ``mail`` or ``app``.
        name: the instance name (SSID, VPN profile, certificate id or
            thumbprint, app id), URL-decoded.
        csp: the CSP's path (``./Vendor/MSFT/WiFi``).
    """

    provider: str
    kind: str
    name: str
    csp: str


# CSP (lower case, after ``vendor/msft/``) → (kind, how many path segments
# after the CSP name lead to the instance name).
_CSPS: dict[str, tuple[str, int]] = {
    "wifi": ("wifi", 2),  # WiFi/Profile/<SSID>
    "vpnv2": ("vpn", 1),  # VPNv2/<ProfileName>
    "clientcertificateinstall": ("certificate", 2),  # .../PFXCertInstall|SCEP/<id>
    "rootcatrustedcertificates": ("certificate", 2),  # .../Root|CA/<thumbprint>
    "email2": ("mail", 1),  # EMAIL2/<account GUID>
    "activesync": ("mail", 2),  # ActiveSync/Accounts/<account GUID>
    "enterprisemodernappmanagement": ("app", 3),  # AppManagement/<origin>/<PFN>
    "enterprisedesktopappmanagement": ("app", 2),  # MSI/<ProductID>
}


def classify_uri(uri: str) -> tuple[str, str, str] | None:
    """A node URI → (kind, name, CSP path), or None for other CSPs.

    >>> classify_uri("./Vendor/MSFT/WiFi/Profile/Corp%20Net/WlanXml")
    ('wifi', 'Corp Net', './Vendor/MSFT/WiFi')
    """
    parts = [p for p in uri.strip().split("/") if p and p != "."]
    lowered = [p.casefold() for p in parts]
    for i in range(len(lowered) - 2):
        if lowered[i] == "vendor" and lowered[i + 1] == "msft":
            csp = lowered[i + 2]
            if csp not in _CSPS:
                return None
            kind, depth = _CSPS[csp]
            at = i + 2 + depth
            if at >= len(parts):
                return None
            name = unquote(parts[at]).strip()
            if not name:
                return None
            return kind, name[:200], f"./Vendor/MSFT/{parts[i + 2]}"
    return None


def _node_uri(values: dict[str, RegValue]) -> str | None:
    value = values.get("nodeuri")
    data = value.data if value is not None else None
    return data if isinstance(data, str) else None


def nodecache_items(export: RegFile) -> list[NodeItem]:
    """Every Wi-Fi, VPN, certificate, mail account and app each server set.

    One item per (provider, kind, name), in file order.
    """
    found: dict[tuple[str, str, str], NodeItem] = {}
    seen = 0
    for scope in SCOPES:
        base = f"{ROOT}\\{scope}"
        for provider in export.children(base):
            nodes = f"{base}\\{provider}\\Nodes"
            for node in export.children(nodes):
                seen += 1
                if seen > MAX_NODES:
                    return list(found.values())
                key = export.key(f"{nodes}\\{node}")
                uri = _node_uri(key.values) if key is not None else None
                hit = classify_uri(uri) if uri else None
                if hit is None:
                    continue
                kind, name, csp = hit
                found.setdefault(
                    (provider.casefold(), kind, name.casefold()),
                    NodeItem(provider, kind, name, csp),
                )
    return list(found.values())
