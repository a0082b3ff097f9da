# SPDX-License-Identifier: MIT
"""macOS detection, from the ``profiles`` outputs and agents of a capture.

Rules (shared/reference/signatures.md §3):

- MDM enrollment: ``MDM enrollment: Yes...`` in ``profiles status`` and/or an
  installed profile with a ``com.apple.mdm`` payload. A Mac has one MDM
  enrollment at most; both sources usually describe the same one.
- Vendor: the host of the MDM ServerURL/CheckInURL, else the MDM profile's
  identifier/UUID, else a vendor keyword in the host, else ``unknown-mdm``
  with its server host (never dropped).
- Removable: a profile that disallows removal, or an ADE (DEP) enrollment, only
  IT can remove; a user-approved enrollment whose profile says removal is
  allowed (``ProfileRemovalDisallowed`` false) the user can; otherwise the
  catalogue's default.
- ADE assignment (``profiles show``) is a warning, enrolled or not: after any
  removal, Setup Assistant would enroll the Mac into that server again.
- Company Portal installed is not enrollment.
- Microsoft Entra registration (``entra.join`` ``registered``): Platform SSO
  registration completed with Microsoft's extension (``app-sso platform -s``),
  or Company Portal's Workplace Join record in the login keychain. ``none``
  only when both sources were read and neither shows it; otherwise ``unknown``.
"""

from __future__ import annotations

import msgspec

from helper.capture import layout
from helper.capture.model import Capture
from helper.catalogue import Catalogue, Vendor, url_host
from helper.detect.common import (
    UNKNOWN_MDM,
    add_legacy,
    agent_evidence,
    note_agent_leftovers,
    read_source,
    removable_default,
)
from helper.detect.encryption import filevault
from helper.detect.model import Evidence, Leftover, OsFindings, Warning
from helper.detect.payloads import Owner, current_network, macos_payloads, owner_id
from helper.parsers.agents import Agent
from helper.parsers.encryption import parse_fdesetup_status, parse_stat_mtime
from helper.parsers.macos_profiles import (
    EnrollmentStatus,
    parse_ade_configuration,
    parse_enrollment_status,
)
from helper.parsers.macos_registration import (
    KeychainItem,
    PlatformSso,
    parse_app_sso_platform,
    parse_keychain_item,
)
from helper.parsers.network import parse_ipconfig_summary
from helper.parsers.profiles_plist import (
    InstalledProfiles,
    Profile,
    ProfileItem,
    parse_profiles_plist,
)

COMPANY_PORTAL_BUNDLE_ID = "com.microsoft.companyportalmac"
WORKPLACE_JOIN_ACCOUNT = "com.microsoft.workplacejoin.thumbprint"
COMPANY_PORTAL_APP = "company portal.app"


class _Mdm(msgspec.Struct):
    """One MDM enrollment as the sources show it, before its vendor is known."""

    server_url: str | None = None
    check_in_url: str | None = None
    profile: Profile | None = None
    # The capture file the server URLs were read from.
    url_source: str = layout.MAC_PROFILES
    removal_disallowed: bool = False
    removal_detail: str = ""
    # The profile says, explicitly, that it may be removed (the flag is there
    # and false, and no payload disallows it).
    removal_allowed: bool = False
    evidence: list[Evidence] = msgspec.field(default_factory=list)

    @property
    def host(self) -> str | None:
        for url in (self.server_url, self.check_in_url):
            host = url_host(url) if url else None
            if host:
                return host
        return None


def _profile_label(profile: Profile | None) -> str:
    if profile is None:
        return "(no profile)"
    return profile.identifier or profile.display_name or "(no identifier)"


def _from_profile(profile: Profile, item: ProfileItem) -> _Mdm:
    payload = item.mdm
    server = payload.server_url if payload else None
    check_in = payload.check_in_url if payload else None
    label = _profile_label(profile)
    detail = f"com.apple.mdm payload in profile {label}"
    if profile.uuid:
        detail += f" (UUID {profile.uuid})"
    if profile.scope != "_computerlevel":
        detail += f" of user {profile.scope}"
    if server:
        detail += f": ServerURL={server}"
    if check_in and check_in != server:
        detail += f" CheckInURL={check_in}"
    mdm = _Mdm(
        server, check_in, profile, evidence=[Evidence(layout.MAC_PROFILES, detail)]
    )
    # The flag may sit on the profile, on the payload item or in its content.
    for where, flag in (
        ("ProfileRemovalDisallowed", profile.removal_disallowed),
        ("PayloadRemovalDisallowed", item.removal_disallowed),
        (
            "PayloadContent.PayloadRemovalDisallowed",
            payload and payload.removal_disallowed,
        ),
    ):
        if flag:
            mdm.removal_disallowed = True
            mdm.removal_detail = f"{label}: {where}=true"
            mdm.evidence.append(Evidence(layout.MAC_PROFILES, f"{label}: {where}=true"))
            break
    else:
        mdm.removal_allowed = profile.removal_disallowed is False
    return mdm


def _status_detail(status: EnrollmentStatus) -> str:
    detail = f"MDM enrollment: {status.mdm_answer or 'Yes'}"
    if status.server_url:
        detail += f"; MDM server: {status.server_url}"
    return detail


def _collect(
    status: EnrollmentStatus | None, profiles: InstalledProfiles | None
) -> list[_Mdm]:
    """The MDM enrollments both sources show, merged."""
    found: list[_Mdm] = []
    for profile in profiles.profiles if profiles else []:
        item = profile.mdm_item()
        if item is not None:
            found.append(_from_profile(profile, item))
    if status is not None and status.mdm_enrolled:
        evidence = Evidence(layout.MAC_STATUS, _status_detail(status))
        host = status.server_host
        # The status line describes the profile's enrollment when the hosts agree,
        # or when it names no server (a Mac has one MDM enrollment at most).
        same = [m for m in found if host is None or m.host in (None, host)]
        if same:
            same[0].evidence.insert(0, evidence)
            if same[0].host is None and status.server_url:
                same[0].server_url = status.server_url
                same[0].url_source = layout.MAC_STATUS
        else:
            found.append(
                _Mdm(
                    status.server_url, url_source=layout.MAC_STATUS, evidence=[evidence]
                )
            )
    return found


def _vendor_of(mdm: _Mdm, catalogue: Catalogue) -> tuple[Vendor | None, Evidence]:
    """The vendor of an enrollment, and the evidence of how it was identified.

    Server host patterns first, then the profile's identifier/UUID, and only
    then the catalogue's URL keywords: a keyword is a weak guess (``soti`` in a
    customer's host name) that must not beat a vendor's own profile UUID.
    """
    urls = [
        (label, url, url_host(url))
        for label, url in (
            ("ServerURL", mdm.server_url),
            ("CheckInURL", mdm.check_in_url),
        )
        if url
    ]
    for label, _url, host in urls:
        vendor = catalogue.by_host(host, "macos", keywords=False) if host else None
        if vendor is not None:
            return vendor, Evidence(
                mdm.url_source, f"vendor {vendor.name} by {label} host {host}"
            )
    profile = mdm.profile
    if profile is not None:
        candidates = [(profile.identifier, profile.uuid)]
        item = profile.mdm_item()
        if item is not None:
            candidates.append((item.identifier, item.uuid))
        for ident, uuid in candidates:
            vendor = catalogue.by_profile(ident, uuid, "macos")
            if vendor is not None:
                return vendor, Evidence(
                    layout.MAC_PROFILES,
                    f"vendor {vendor.name} by profile {ident or uuid}",
                )
    for label, url, host in urls:
        vendor = catalogue.by_url(url, "macos")
        if vendor is not None:
            return vendor, Evidence(
                mdm.url_source,
                f"vendor {vendor.name} by keyword in {label} host {host}",
            )
    return None, Evidence(mdm.url_source, "no vendor matches")


def _is_company_portal(agent: Agent) -> bool:
    value = agent.value.lower()
    if agent.kind in ("app", "bundle"):
        return value == COMPANY_PORTAL_BUNDLE_ID
    return agent.kind == "path" and value.rstrip("/").endswith(COMPANY_PORTAL_APP)


def _looked_and_absent(capture: Capture, name: str) -> bool:
    info = capture.source(name)
    return info is not None and info.error == "not-found"


def _registration(
    capture: Capture,
    psso: PlatformSso | None,
    keychain: KeychainItem | None,
    findings: OsFindings,
) -> None:
    """The Mac's Microsoft Entra registration, from Platform SSO or Workplace Join."""
    entra = findings.entra
    if psso is not None:
        if not psso.configured:
            detail = "Platform SSO: Device Configuration (null)"
        else:
            detail = (
                f"Platform SSO: registrationCompleted="
                f"{'true' if psso.registered else 'false'}, "
                f"extension {psso.extension or 'not named'}"
            )
        entra.evidence.append(Evidence(layout.MAC_APP_SSO, detail))
    if keychain is not None:
        entra.evidence.append(
            Evidence(
                layout.MAC_WORKPLACE_JOIN,
                f"login keychain: {keychain.item_class} item, account "
                f"{keychain.account or 'not named'}",
            )
        )
    elif _looked_and_absent(capture, layout.MAC_WORKPLACE_JOIN):
        entra.evidence.append(
            Evidence(
                layout.MAC_WORKPLACE_JOIN, "login keychain: no Workplace Join record"
            )
        )
    if psso is not None and psso.entra_registered:
        entra.join = "registered"
        entra.tenant_id = psso.tenant_id
    elif keychain is not None and keychain.workplace_join:
        entra.join = "registered"
    elif psso is not None and (
        (keychain is not None) or _looked_and_absent(capture, layout.MAC_WORKPLACE_JOIN)
    ):
        # Both read, neither shows a registration.
        entra.join = "none"


def detect_macos(capture: Capture, catalogue: Catalogue) -> OsFindings:
    """Tell what manages a Mac, from its capture.

    Args:
        capture: a ``macos`` capture (files named in helper.capture.layout).
        catalogue: the vendor catalogue.

    Returns:
        The findings; the engine derives the verdict from them.
    """
    findings = OsFindings()
    status = read_source(capture, layout.MAC_STATUS, parse_enrollment_status, findings)
    ade = read_source(capture, layout.MAC_SHOW, parse_ade_configuration, findings)
    profiles = read_source(capture, layout.MAC_PROFILES, parse_profiles_plist, findings)
    psso = read_source(capture, layout.MAC_APP_SSO, parse_app_sso_platform, findings)
    keychain = read_source(
        capture, layout.MAC_WORKPLACE_JOIN, parse_keychain_item, findings
    )
    agents = agent_evidence(capture, layout.MAC_AGENTS, catalogue, findings)
    _registration(capture, psso, keychain, findings)

    # A status without its MDM line (truncated) does not tell "not enrolled".
    status_known = status is not None and status.mdm_enrolled is not None
    findings.enrollment_known = status_known or profiles is not None
    dep = status is not None and status.dep_enrolled is True

    intune_enrolled = False
    intune_possible = False
    owners: list[Owner] = []
    for mdm in _collect(status, profiles):
        vendor, identified = _vendor_of(mdm, catalogue)
        host = mdm.host
        owners.append((mdm.profile, owner_id(vendor)))
        if vendor is not None and vendor.role == "target":
            intune_enrolled = True
            findings.intune.evidence.extend(mdm.evidence)
            continue
        evidence = list(mdm.evidence)
        if vendor is None:
            vendor_id, name = UNKNOWN_MDM, host or "unknown MDM server"
            removable = None
            findings.warnings.append(
                Warning(UNKNOWN_MDM, f"MDM server {host or 'not named'}")
            )
            # With no server and no profile to go on, it may well be Intune.
            intune_possible = intune_possible or (host is None and mdm.profile is None)
        else:
            vendor_id, name = vendor.id, vendor.name
            removable = removable_default(vendor, "macos")
            evidence.append(identified)
        if (
            removable is None
            and mdm.removal_allowed
            and not dep
            and status is not None
            and status.user_approved is True
        ):
            # The Mac itself says the user may remove this enrollment: the
            # user approved it (not ADE) and its profile allows removal
            # (signatures.md §3.4: only a disallowing flag or ADE locks it).
            removable = True
            label = _profile_label(mdm.profile)
            evidence.append(
                Evidence(
                    layout.MAC_PROFILES, f"{label}: ProfileRemovalDisallowed=false"
                )
            )
            approved = Evidence(layout.MAC_STATUS, _status_detail(status))
            if approved not in evidence:
                evidence.append(approved)
        if mdm.removal_disallowed:
            removable = False
            findings.warnings.append(
                Warning("profile-removal-disallowed", f"{name}: {mdm.removal_detail}")
            )
        if dep:
            removable = False
            evidence.append(Evidence(layout.MAC_STATUS, "Enrolled via DEP: Yes"))
            findings.warnings.append(
                Warning("ade-enrolled", f"{name}: Enrolled via DEP: Yes")
            )
        add_legacy(
            findings,
            vendor_id=vendor_id,
            name=name,
            removable=removable,
            server=host,
            evidence=evidence,
        )

    if intune_enrolled:
        findings.intune.enrolled = True
    elif findings.enrollment_known and not intune_possible:
        findings.intune.enrolled = False

    if ade is not None and ade.assigned:
        ade_host = ade.host
        detail = (
            f"configuration host {ade_host}" if ade_host else "no configuration URL"
        )
        ade_vendor = catalogue.by_host(ade_host, "macos") if ade_host else None
        if ade_vendor is not None:
            detail += f" ({ade_vendor.name})"
        if ade.organization:
            detail += f", organization {ade.organization}"
        findings.warnings.append(Warning("ade-assigned", detail))

    portal = [e for a, e in agents.get("intune", []) if _is_company_portal(a)]
    if portal and findings.intune.enrolled is False:
        findings.warnings.append(
            Warning("company-portal-not-enrolled", "; ".join(e.detail for e in portal))
        )
    note_agent_leftovers(findings, agents, catalogue)
    if profiles is not None:
        findings.payloads = macos_payloads(profiles, owners)
    findings.network = current_network(
        capture, layout.MAC_WIFI, parse_ipconfig_summary, findings
    )
    fdesetup = read_source(
        capture, layout.MAC_FDESETUP, parse_fdesetup_status, findings
    )
    key_made_at = read_source(
        capture, layout.MAC_FILEVAULT_PRK, parse_stat_mtime, findings
    )
    findings.encryption = filevault(fdesetup, profiles, owners, key_made_at)
    if (
        keychain is not None
        and keychain.workplace_join
        and findings.intune.enrolled is False
    ):
        # A registration Intune does not go with: an earlier one, maybe of
        # another organization; it can make a fresh one fail (field-notes.md §6).
        findings.leftovers.append(
            Leftover(
                "macos-workplace-join-record",
                WORKPLACE_JOIN_ACCOUNT,
                "",
                "login keychain: Workplace Join record, Intune not enrolled",
            )
        )
    return findings
