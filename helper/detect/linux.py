# SPDX-License-Identifier: MIT
"""Linux detection. Linux has no OS-level MDM: management is an agent.

- Intune: the Intune app (``intune-portal``) plus a registration file holding the
  Intune device id. The app merely installed is not enrollment (``dsreg`` says
  Not Registered); the app installed with no registration evidence either way
  is ``unknown``, not "unmanaged".
- Entra: ``dsreg --status`` (Registered / Not Registered), else the registration
  file's Entra device id.
- Legacy: a catalogue vendor's Linux agent or package; Workspace ONE's Hub also
  reports its enrollment status (``ws1HubUtil status --enroll``).
"""

from __future__ import annotations

from helper.capture import layout
from helper.capture.model import Capture
from helper.catalogue import Catalogue, url_host
from helper.detect.common import (
    add_legacy,
    agent_evidence,
    read_source,
    removable_default,
)
from helper.detect.model import Evidence, OsFindings, Warning
from helper.detect.payloads import current_network
from helper.parsers.linux import (
    parse_dsreg,
    parse_intune_registration,
    parse_packages,
    parse_ws1hub_status,
)
from helper.parsers.network import parse_nmcli_wifi

INTUNE_PACKAGE = "intune-portal"
BROKER_PACKAGE = "microsoft-identity-broker"


def _looked_and_absent(capture: Capture, name: str) -> bool:
    """True when the probe looked for a file and it does not exist."""
    info = capture.source(name)
    return info is not None and info.error == "not-found"


def detect_linux(capture: Capture, catalogue: Catalogue) -> OsFindings:
    findings = OsFindings()
    packages = read_source(capture, layout.LINUX_PACKAGES, parse_packages, findings)
    registration = read_source(
        capture, layout.LINUX_INTUNE_REG, parse_intune_registration, findings
    )
    dsreg = read_source(capture, layout.LINUX_DSREG, parse_dsreg, findings)
    ws1 = read_source(capture, layout.LINUX_WS1HUB, parse_ws1hub_status, findings)
    agents = agent_evidence(capture, layout.LINUX_AGENTS, catalogue, findings)
    # Without the package list, the absence of an agent proves nothing.
    findings.enrollment_known = packages is not None

    # --- legacy: agents and packages of catalogue vendors --------------------------
    by_vendor: dict[str, list[Evidence]] = {
        vendor_id: [e for _, e in items] for vendor_id, items in agents.items()
    }
    if packages is not None:
        for vendor in catalogue:
            for name in vendor.linux.packages:
                if name.lower() in packages:
                    version = packages[name.lower()]
                    by_vendor.setdefault(vendor.id, []).append(
                        Evidence(
                            layout.LINUX_PACKAGES, f"package {name} {version}".strip()
                        )
                    )
    for vendor_id, found in by_vendor.items():
        evidence = list(found)
        owner = catalogue.get(vendor_id)
        if owner is None or owner.role == "target":
            continue
        server = None
        if vendor_id == "workspace-one" and ws1 is not None:
            detail = ws1.status_detail or "no enrollment status key found"
            evidence.append(Evidence(layout.LINUX_WS1HUB, detail))
            server = url_host(ws1.server) if ws1.server else None
            if ws1.enrolled is False:
                findings.warnings.append(
                    Warning(
                        "agent-leftover", f"{owner.name}: Hub installed, not enrolled"
                    )
                )
                continue
        add_legacy(
            findings,
            vendor_id=owner.id,
            name=owner.name,
            removable=removable_default(owner, "linux"),
            server=server,
            evidence=evidence,
        )

    # --- Intune ---------------------------------------------------------------------
    reg_file = layout.LINUX_INTUNE_REG
    intune_installed = packages is not None and INTUNE_PACKAGE in packages
    intune_evidence = by_vendor.get("intune", [])
    if registration is not None and registration.device_hint:
        findings.intune.enrolled = True
        findings.intune.device_id = registration.device_hint
        findings.intune.evidence.append(
            Evidence(
                layout.LINUX_INTUNE_REG,
                f"device_hint={registration.device_hint} (Intune device id)",
            )
        )
        findings.intune.evidence.extend(intune_evidence)
        findings.enrollment_known = True
    elif packages is not None and not intune_installed:
        findings.intune.enrolled = False
    elif (
        packages is not None
        and dsreg is not None
        and dsreg.registered is False
        and (registration is not None or _looked_and_absent(capture, reg_file))
    ):
        # The app enrolls a device by registering it in Entra first: "Not
        # Registered" from the identity broker, and no Intune device id in
        # this user's registration file, is an app merely installed.
        findings.intune.enrolled = False
        findings.warnings.append(
            Warning(
                "company-portal-not-enrolled",
                f"{INTUNE_PACKAGE} {packages[INTUNE_PACKAGE]} installed; dsreg: "
                "Not Registered; no Intune device id in registration.toml",
            )
        )
    elif intune_installed:
        # The app is there but nothing says whether it enrolled the device:
        # registration.toml is per user (another account may have enrolled)
        # and older identity brokers have no dsreg. Unknown, not unmanaged.
        findings.enrollment_known = False

    # --- Entra ----------------------------------------------------------------------
    entra = findings.entra
    if dsreg is not None and dsreg.registered is not None:
        entra.join = "registered" if dsreg.registered else "none"
        entra.tenant_id = dsreg.tenant_id
        entra.device_id = dsreg.device_id if dsreg.registered else None
        status = "Registered" if dsreg.registered else "Not Registered"
        entra.evidence.append(
            Evidence(layout.LINUX_DSREG, f"Device Registration Status : {status}")
        )
    elif registration is not None and registration.aad_device_hint:
        entra.join = "registered"
        entra.device_id = registration.aad_device_hint
        entra.evidence.append(
            Evidence(
                layout.LINUX_INTUNE_REG,
                f"aad_device_hint={registration.aad_device_hint} (Entra device id)",
            )
        )
    elif packages is not None and BROKER_PACKAGE not in packages:
        # Without Microsoft's identity broker a Linux device cannot be registered.
        entra.join = "none"
        entra.evidence.append(
            Evidence(layout.LINUX_PACKAGES, f"{BROKER_PACKAGE} not installed")
        )
    findings.network = current_network(
        capture, layout.LINUX_WIFI, parse_nmcli_wifi, findings
    )
    return findings
