# SPDX-License-Identifier: MIT
"""Windows detection, from the Enrollments export, dsregcmd and agents.

Rules (shared/reference/signatures.md §2):

- An ``Enrollments\\{GUID}`` key is an enrollment only with ``ProviderID``, ``UPN``
  or ``DiscoveryServiceFullURL``, and ``EnrollmentState`` 1. Windows keeps other
  GUID keys (provider stubs, leftovers of removed enrollments): those with a
  ProviderID become ``stale-enrollment`` (or ``enrollment-pending`` for state 3)
  warnings. ``Context``, ``Status``, ``ValidNodePaths`` are not enrollments, and
  the FFFFFFFF-... key is a well-known fake written to make browsers believe the
  PC is managed.
- Vendor: ProviderID, else the discovery URL's host (or the OMADM account's
  server address), else an unknown MDM, which is reported, never dropped.
- dsregcmd's MdmUrl is the tenant's auto-enrollment configuration: it never
  proves an Intune enrollment.
- An enrollment that came with Entra join (EnrollmentType 6 or 13) cannot be
  disconnected by the user.
"""

from __future__ import annotations

import re

from helper.capture import layout
from helper.capture.model import Capture
from helper.catalogue import Catalogue, Vendor, url_host
from helper.detect.common import (
    UNKNOWN_MDM,
    add_legacy,
    agent_evidence,
    extend_evidence,
    note_agent_leftovers,
    read_source,
    removable_default,
)
from helper.detect.encryption import bitlocker
from helper.detect.leftovers import note_stale_enrollment
from helper.detect.model import Evidence, OsFindings, Warning
from helper.detect.payloads import current_network, windows_payloads
from helper.parsers.dsregcmd import DsregFacts, interpret, parse_dsregcmd
from helper.parsers.encryption import parse_bitlocker_json
from helper.parsers.local_admins import LocalAdmin, parse_local_admins
from helper.parsers.network import parse_netsh_wlan_interfaces
from helper.parsers.nodecache import nodecache_items
from helper.parsers.regfile import RegFile, parse_regfile
from helper.probe.registry import RegValue

ENROLLMENTS = "HKLM\\SOFTWARE\\Microsoft\\Enrollments"
OMADM_ACCOUNTS = "HKLM\\SOFTWARE\\Microsoft\\Provisioning\\OMADM\\Accounts"
FAKE_GUID = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"
_GUID = re.compile(
    r"^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$",
    re.IGNORECASE | re.ASCII,
)
STATE_ENROLLED = 1
STATE_PENDING = 3
# DEVICEREGISTRATIONTYPE_MDM_DEVICEWIDE_WITH_AAD and _MDM_USERSPECIFIC_WITH_AAD
# (mdmregistration.h): the MDM enrollment came with the Entra join, and Settings
# greys out its Disconnect button.
TYPES_WITH_ENTRA = {6: "MDM with Entra, device-wide", 13: "MDM with Entra join"}


def _text(values: dict[str, RegValue], name: str) -> str | None:
    value = values.get(name.lower())
    if value is None:
        return None
    data = value.data
    if isinstance(data, list):
        data = data[0] if data else ""
    if isinstance(data, bytes):
        return None
    return str(data).strip() or None


def _number(values: dict[str, RegValue], name: str) -> int | None:
    value = values.get(name.lower())
    if value is None:
        return None
    if isinstance(value.data, int):
        return value.data
    if isinstance(value.data, str):
        # A hand-made capture may hold "1" as a string.
        text = value.data.strip()
        try:
            return int(text, 16) if text.lower().startswith("0x") else int(text)
        except ValueError:
            return None
    return None


def _bare_guid(name: str) -> str:
    return name.strip("{}").upper()


def _omadm_accounts(omadm: RegFile | None) -> dict[str, str]:
    """Bare enrollment GUID → OMADM account key name (first one wins)."""
    accounts: dict[str, str] = {}
    if omadm is not None:
        for name in omadm.children(OMADM_ACCOUNTS):
            accounts.setdefault(_bare_guid(name), name)
    return accounts


def _omadm_addr(
    omadm: RegFile | None, accounts: dict[str, str], guid: str
) -> str | None:
    """The OMADM account's management server address for an enrollment GUID."""
    name = accounts.get(_bare_guid(guid))
    if omadm is None or name is None:
        return None
    key = omadm.key(f"{OMADM_ACCOUNTS}\\{name}\\Protected\\AddrInfo")
    return _text(key.values, "Addr") if key else None


def _describe(
    guid: str, provider: str, upn: bool, url: str | None, state: int | None
) -> str:
    parts = [f"ProviderID={provider}"]
    parts.append("UPN present" if upn else "no UPN")
    parts.append(
        f"DiscoveryServiceFullURL={url}" if url else "no DiscoveryServiceFullURL"
    )
    parts.append(f"EnrollmentState={state if state is not None else 'absent'}")
    return ", ".join(parts) + f" in {guid}"


def _enrollments(
    enrollments: RegFile,
    omadm: RegFile | None,
    catalogue: Catalogue,
    findings: OsFindings,
) -> None:
    src = layout.WIN_ENROLLMENTS
    accounts = _omadm_accounts(omadm)
    for guid in enrollments.children(ENROLLMENTS):
        if not _GUID.match(guid):
            continue  # Context, Status, ValidNodePaths...: not enrollments
        key = enrollments.key(f"{ENROLLMENTS}\\{guid}")
        values = key.values if key else {}
        if _bare_guid(guid) == FAKE_GUID:
            findings.warnings.append(
                Warning(
                    "fake-enrollment-key",
                    f"{guid}: EnrollmentState={_number(values, 'EnrollmentState')}, "
                    f"EnrollmentType={_number(values, 'EnrollmentType')}",
                )
            )
            continue
        provider = _text(values, "ProviderID")
        if provider is None:
            continue  # a provider stub: Windows keeps several
        upn = _text(values, "UPN")
        discovery = _text(values, "DiscoveryServiceFullURL")
        state = _number(values, "EnrollmentState")
        detail = _describe(guid, provider, upn is not None, discovery, state)
        if state == STATE_PENDING:
            findings.warnings.append(Warning("enrollment-pending", detail))
            continue
        if state != STATE_ENROLLED or (upn is None and discovery is None):
            findings.warnings.append(Warning("stale-enrollment", detail))
            note_stale_enrollment(
                findings,
                guid,
                provider=provider,
                values=values,
                catalogue=catalogue,
                detail=detail,
            )
            continue

        evidence = [Evidence(src, detail)]
        addr = _omadm_addr(omadm, accounts, guid)
        if addr:
            evidence.append(
                Evidence(layout.WIN_OMADM, f"AddrInfo\\Addr={addr} for {guid}")
            )
        server = url_host(discovery or "") or url_host(addr or "")
        vendor: Vendor | None = catalogue.by_provider_id(provider)
        if vendor is None:
            for url in (discovery, addr):
                if url:
                    vendor = catalogue.by_url(url, "windows")
                    if vendor is not None:
                        break

        enrollment_type = _number(values, "EnrollmentType")
        with_entra = TYPES_WITH_ENTRA.get(enrollment_type or 0)
        if vendor is not None and vendor.role == "target":
            intune = findings.intune
            intune.enrolled = True
            extend_evidence(intune.evidence, evidence)
            intune.device_id = intune.device_id or (
                _text(values, "DeviceClientId") or _text(values, "AADDeviceID")
            )
            continue

        removable = removable_default(vendor, "windows") if vendor else None
        if with_entra:
            removable = False
            evidence.append(
                Evidence(
                    src,
                    f"EnrollmentType={enrollment_type} ({with_entra}) in {guid}: "
                    "the user cannot Disconnect it",
                )
            )
        if vendor is None:
            findings.warnings.append(Warning("unknown-mdm", detail))
            add_legacy(
                findings,
                vendor_id=UNKNOWN_MDM,
                name=f"Unknown MDM ({provider})",
                removable=removable,
                server=server,
                evidence=evidence,
            )
        else:
            add_legacy(
                findings,
                vendor_id=vendor.id,
                name=vendor.name,
                removable=removable,
                server=server,
                evidence=evidence,
            )


def _entra(facts: DsregFacts, findings: OsFindings) -> None:
    entra = findings.entra
    entra.join = facts.join
    entra.tenant_id = facts.tenant_id
    entra.device_id = facts.device_id

    def flag(value: bool | None) -> str:
        return {True: "YES", False: "NO", None: "absent"}[value]

    detail = (
        f"AzureAdJoined={flag(facts.azure_ad_joined)}, "
        f"EnterpriseJoined={flag(facts.enterprise_joined)}, "
        f"DomainJoined={flag(facts.domain_joined)}, "
        f"WorkplaceJoined={flag(facts.workplace_joined)}"
    )
    entra.evidence.append(Evidence(layout.WIN_DSREGCMD, detail))
    if facts.tenant_id:
        entra.evidence.append(
            Evidence(layout.WIN_DSREGCMD, f"TenantId={facts.tenant_id}")
        )


def _local_admins(members: list[LocalAdmin], findings: OsFindings) -> None:
    """Is there a way into the PC that needs no Entra ID or domain account?

    An enabled local account in the Administrators group is one: it can sign
    in, and fix things, if the work account cannot (Microsoft advises keeping
    a local administrator that is not a tenant account before removing
    management: unenroll-facts.md F-08).
    """
    usable = [m.name for m in members if m.usable_local_account]
    findings.local_admin.present = bool(usable)
    others = [m.name for m in members if not m.usable_local_account]
    detail = (
        f"enabled local administrator account(s): {', '.join(usable)}"
        if usable
        else "no enabled local administrator account"
    )
    if others:
        detail += f"; other members: {', '.join(others)}"
    findings.local_admin.evidence.append(Evidence(layout.WIN_LOCAL_ADMINS, detail))


def detect_windows(capture: Capture, catalogue: Catalogue) -> OsFindings:
    """Tell what manages a Windows PC from its capture.

    Args:
        capture: a Windows capture (live or replayed).
        catalogue: the vendor catalogue.

    Returns:
        The findings; the engine derives the verdict from them.
    """
    findings = OsFindings()
    enrollments = read_source(capture, layout.WIN_ENROLLMENTS, parse_regfile, findings)
    omadm = read_source(capture, layout.WIN_OMADM, parse_regfile, findings)
    status = read_source(capture, layout.WIN_DSREGCMD, parse_dsregcmd, findings)
    admins = read_source(capture, layout.WIN_LOCAL_ADMINS, parse_local_admins, findings)
    agents = agent_evidence(capture, layout.WIN_AGENTS, catalogue, findings)
    if admins is not None:
        _local_admins(admins, findings)

    if enrollments is not None:
        # A readable export without enrollments means nothing is enrolled.
        findings.enrollment_known = True
        _enrollments(enrollments, omadm, catalogue, findings)
        if findings.intune.enrolled is None:
            findings.intune.enrolled = False

    facts = interpret(status) if status is not None else None
    if facts is not None:
        _entra(facts, findings)
        if facts.mdm_url and findings.intune.enrolled is not True:
            findings.warnings.append(
                Warning(
                    "tenant-mdm-url-not-enrolled",
                    f"MdmUrl={facts.mdm_url} (tenant configuration); "
                    + (
                        "no Intune enrollment in Enrollments"
                        if findings.intune.enrolled is False
                        else "Enrollments not read"
                    ),
                )
            )

    note_agent_leftovers(findings, agents, catalogue)
    if findings.intune.enrolled is False:
        portal = [
            e.detail
            for _, e in agents.get("intune", [])
            if "company portal" in e.detail.lower()
        ]
        if portal:
            findings.warnings.append(
                Warning("company-portal-not-enrolled", "; ".join(portal))
            )
    if len(findings.legacy) > 1:
        findings.warnings.append(
            Warning(
                "multiple-legacy", ", ".join(legacy.name for legacy in findings.legacy)
            )
        )
    nodecache = read_source(capture, layout.WIN_NODECACHE, parse_regfile, findings)
    if nodecache is not None:
        findings.payloads = windows_payloads(nodecache_items(nodecache), catalogue)
    findings.network = current_network(
        capture, layout.WIN_WLAN, parse_netsh_wlan_interfaces, findings
    )
    volume = read_source(capture, layout.WIN_BITLOCKER, parse_bitlocker_json, findings)
    findings.encryption = bitlocker(volume)
    return findings
