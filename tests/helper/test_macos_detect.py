# SPDX-License-Identifier: MIT
"""macOS detection rules, on captures built in memory from the documented formats.

Most tests use a small catalogue defined here, so that they pin the rules and
not the contents of resources/vendors/ (the capture library covers those).
"""

from __future__ import annotations

import plistlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helper.capture import layout
from helper.capture.model import Capture, Manifest, SourceInfo
from helper.catalogue import Catalogue, OsSignatures, Vendor, load_catalogue
from helper.detect.common import UNKNOWN_MDM
from helper.detect.engine import detect, verdict_of
from helper.detect.macos import detect_macos
from helper.detect.model import OsFindings
from helper.parsers.agents import Agent, encode_agents
from helper.words import WARNINGS

INTUNE_UUID = "67A5265B-12D4-4EB5-A2B3-72C683E33BCF"
JAMF_UUID = "00000000-0000-0000-A000-4A414D460003"

CATALOGUE = Catalogue(
    [
        Vendor(
            id="intune",
            name="Microsoft Intune",
            role="target",
            macos=OsSignatures(
                server_hosts=["*.manage.microsoft.com"],
                profile_uuids=[INTUNE_UUID],
                bundle_ids=["com.microsoft.CompanyPortalMac"],
                paths=["/Library/Intune/Microsoft Intune Agent.app"],
                removable="yes",
            ),
        ),
        Vendor(
            id="jamf-pro",
            name="Jamf Pro",
            macos=OsSignatures(
                server_hosts=["*.jamfcloud.com"],
                url_keywords=["jamf"],
                profile_uuids=[JAMF_UUID],
                paths=["/usr/local/jamf/bin/jamf"],
                removable="yes",
            ),
        ),
        Vendor(
            id="kandji",
            name="Kandji",
            macos=OsSignatures(
                server_hosts=["*.kandji.io"],
                profile_identifiers=["io.kandji.*"],
                launchd_labels=["io.kandji.*"],
            ),
        ),
        Vendor(
            id="soti",
            name="SOTI",
            windows=OsSignatures(url_keywords=["soti"]),
        ),
        Vendor(
            id="ws1",
            name="Workspace ONE",
            windows=OsSignatures(server_hosts=["*.awmdm.com"]),
            macos=OsSignatures(launchd_labels=["com.airwatch.*"]),
        ),
    ]
)


def status(dep: str = "No", mdm: str = "No", server: str | None = None) -> bytes:
    text = f"Enrolled via DEP: {dep}\nMDM enrollment: {mdm}\n"
    if server:
        text += f"MDM server: {server}\n"
    return text.encode()


def mdm_profile(
    server: str | None,
    *,
    ident: str = "com.example.mdm",
    uuid: str = "1D6B3C2A-0000-4000-8000-000000000001",
    removal: object = None,
    item_removal: object = None,
    content_removal: object = None,
    check_in: str | None = None,
) -> dict[str, Any]:
    content: dict[str, Any] = {"AccessRights": 8191, "Topic": "com.apple.mgmt.x"}
    if server:
        content["ServerURL"] = server
    if check_in:
        content["CheckInURL"] = check_in
    if content_removal is not None:
        content["PayloadRemovalDisallowed"] = content_removal
    item: dict[str, Any] = {
        "PayloadType": "com.apple.mdm",
        "PayloadIdentifier": f"{ident}.mdm",
        "PayloadUUID": "1D6B3C2A-0000-4000-8000-0000000000FF",
        "PayloadContent": content,
    }
    if item_removal is not None:
        item["PayloadRemovalDisallowed"] = item_removal
    profile: dict[str, Any] = {
        "ProfileIdentifier": ident,
        "ProfileUUID": uuid,
        "ProfileDisplayName": "MDM Profile",
        "ProfileItems": [item],
    }
    if removal is not None:
        profile["ProfileRemovalDisallowed"] = removal
    return profile


def profiles(*items: dict[str, Any], **users: list[dict[str, Any]]) -> bytes:
    return plistlib.dumps({"_computerlevel": list(items), **users})


def agents(*found: tuple[str, str]) -> bytes:
    return encode_agents([Agent(kind, value) for kind, value in found])


NULL_SHOW = b"Device Enrollment configuration:\n(null)\n"


def show(url: str) -> bytes:
    return (
        "Device Enrollment configuration:\n{\n"
        f'    ConfigurationURL = "{url}";\n'
        '    OrganizationName = "Acme Corp";\n    IsSupervised = 1;\n}\n'
    ).encode()


def capture(
    *,
    status_: bytes | None = None,
    show_: bytes | None = None,
    xml: bytes | None = None,
    agents_: bytes | None = None,
    sources: list[SourceInfo] | None = None,
) -> Capture:
    files = {
        name: data
        for name, data in (
            (layout.MAC_STATUS, status_),
            (layout.MAC_SHOW, show_),
            (layout.MAC_PROFILES, xml),
            (layout.MAC_AGENTS, agents_),
        )
        if data is not None
    }
    return Capture(Manifest(os="macos", sources=sources or []), files, "test")


def run(cap: Capture, catalogue: Catalogue = CATALOGUE) -> OsFindings:
    findings = detect_macos(cap, catalogue)
    # Invariants of every result.
    sources = set(layout.BY_OS["macos"])
    for legacy in findings.legacy:
        assert legacy.evidence
        assert all(e.source in sources and e.detail for e in legacy.evidence)
    assert all(e.source in sources for e in findings.intune.evidence)
    assert all(w.code in WARNINGS for w in findings.warnings)
    assert findings.entra.join == "unknown"
    return findings


def codes(findings: OsFindings) -> list[str]:
    return [w.code for w in findings.warnings]


# --- enrollment and vendor ----------------------------------------------------------


def test_status_alone_names_the_vendor() -> None:
    f = run(capture(status_=status(mdm="Yes", server="https://acme.jamfcloud.com/mdm")))
    assert [(lg.vendor, lg.server, lg.name) for lg in f.legacy] == [
        ("jamf-pro", "acme.jamfcloud.com", "Jamf Pro")
    ]
    assert f.legacy[0].removable is True  # the catalogue default here
    assert f.intune.enrolled is False
    assert f.enrollment_known
    assert verdict_of(f) == "legacy-enrolled"


def test_profile_alone_names_the_vendor() -> None:
    f = run(capture(xml=profiles(mdm_profile("https://acme.kandji.io/mdm"))))
    assert [lg.vendor for lg in f.legacy] == ["kandji"]
    assert f.enrollment_known
    assert {e.source for e in f.legacy[0].evidence} == {layout.MAC_PROFILES}


def test_both_sources_merge_into_one_enrollment() -> None:
    url = "https://acme.jamfcloud.com/mdm"
    f = run(
        capture(status_=status(mdm="Yes", server=url), xml=profiles(mdm_profile(url)))
    )
    assert len(f.legacy) == 1
    assert {e.source for e in f.legacy[0].evidence} == {
        layout.MAC_STATUS,
        layout.MAC_PROFILES,
    }


def test_status_without_server_merges_with_the_profile() -> None:
    f = run(
        capture(
            status_=status(mdm="Yes (User Approved)"),
            xml=profiles(mdm_profile("https://acme.kandji.io/mdm")),
        )
    )
    assert [lg.vendor for lg in f.legacy] == ["kandji"]


def test_profile_without_url_takes_the_status_server() -> None:
    f = run(
        capture(
            status_=status(mdm="Yes", server="https://acme.jamfcloud.com/mdm"),
            xml=profiles(mdm_profile(None)),
        )
    )
    assert [(lg.vendor, lg.server) for lg in f.legacy] == [
        ("jamf-pro", "acme.jamfcloud.com")
    ]


def test_profile_counts_even_when_status_says_no() -> None:
    f = run(
        capture(
            status_=status(mdm="No"),
            xml=profiles(mdm_profile("https://acme.jamfcloud.com/mdm")),
        )
    )
    assert [lg.vendor for lg in f.legacy] == ["jamf-pro"]


def test_status_and_profile_disagreeing_are_both_kept() -> None:
    f = run(
        capture(
            status_=status(mdm="Yes", server="https://acme.kandji.io/mdm"),
            xml=profiles(mdm_profile("https://acme.jamfcloud.com/mdm")),
        )
    )
    assert sorted(lg.vendor for lg in f.legacy) == ["jamf-pro", "kandji"]


def test_check_in_url_when_no_server_url() -> None:
    f = run(
        capture(xml=profiles(mdm_profile(None, check_in="https://x.kandji.io/checkin")))
    )
    assert [(lg.vendor, lg.server) for lg in f.legacy] == [("kandji", "x.kandji.io")]


def test_on_premises_host_by_profile_uuid() -> None:
    f = run(
        capture(
            xml=profiles(
                mdm_profile(
                    "https://macmgmt.contoso.example:8443/mdm",
                    ident=JAMF_UUID,
                    uuid=JAMF_UUID,
                )
            )
        )
    )
    assert [(lg.vendor, lg.server) for lg in f.legacy] == [
        ("jamf-pro", "macmgmt.contoso.example")
    ]
    assert any("by profile" in e.detail for e in f.legacy[0].evidence)


def test_profile_identifier_beats_a_keyword_in_the_host() -> None:
    # "soti" is in the host, but the profile is Kandji's.
    f = run(
        capture(
            xml=profiles(
                mdm_profile(
                    "https://mdm.isotiq.example/x", ident="io.kandji.mdm.profile"
                )
            )
        )
    )
    assert [lg.vendor for lg in f.legacy] == ["kandji"]


def test_keyword_is_the_last_resort() -> None:
    f = run(capture(xml=profiles(mdm_profile("https://mdm.isotiq.example/x"))))
    assert [lg.vendor for lg in f.legacy] == ["soti"]
    assert any("keyword" in e.detail for e in f.legacy[0].evidence)


def test_host_pattern_of_another_os_counts() -> None:
    f = run(capture(xml=profiles(mdm_profile("https://cn1.awmdm.com/mdm"))))
    assert [lg.vendor for lg in f.legacy] == ["ws1"]


def test_unknown_mdm_is_kept_with_its_host() -> None:
    f = run(capture(xml=profiles(mdm_profile("https://mdm.northwind.example/mdm"))))
    assert [(lg.vendor, lg.name, lg.server, lg.removable) for lg in f.legacy] == [
        (UNKNOWN_MDM, "mdm.northwind.example", "mdm.northwind.example", None)
    ]
    assert ("unknown-mdm", "MDM server mdm.northwind.example") in [
        (w.code, w.detail) for w in f.warnings
    ]
    assert f.intune.enrolled is False


def test_enrolled_without_any_server_leaves_intune_unknown() -> None:
    f = run(capture(status_=status(mdm="Yes")))
    assert [(lg.vendor, lg.server) for lg in f.legacy] == [(UNKNOWN_MDM, None)]
    assert f.intune.enrolled is None
    assert "unknown-mdm" in codes(f)


def test_user_scope_profile() -> None:
    f = run(
        capture(xml=profiles(alice=[mdm_profile("https://acme.jamfcloud.com/mdm")]))
    )
    assert [lg.vendor for lg in f.legacy] == ["jamf-pro"]
    assert "of user alice" in f.legacy[0].evidence[0].detail


# --- Intune -------------------------------------------------------------------------


def test_intune_enrolled() -> None:
    url = "https://i.manage.microsoft.com/DeviceGatewayProxy/mdm"
    f = run(
        capture(
            status_=status(mdm="Yes (User Approved)", server=url),
            xml=profiles(mdm_profile(url, uuid=INTUNE_UUID)),
            agents_=agents(("app", "com.microsoft.CompanyPortalMac")),
        )
    )
    assert f.legacy == []
    assert f.intune.enrolled is True
    assert {e.source for e in f.intune.evidence} == {
        layout.MAC_STATUS,
        layout.MAC_PROFILES,
        layout.MAC_AGENTS,
    }
    assert "company-portal-not-enrolled" not in codes(f)
    assert verdict_of(f) == "intune-enrolled"


def test_intune_by_profile_uuid_on_an_unexpected_host() -> None:
    f = run(
        capture(xml=profiles(mdm_profile("https://x.example/mdm", uuid=INTUNE_UUID)))
    )
    assert f.intune.enrolled is True
    assert f.legacy == []


def test_company_portal_installed_is_not_enrollment() -> None:
    f = run(
        capture(
            status_=status(),
            xml=profiles(),
            agents_=agents(("app", "com.microsoft.CompanyPortalMac")),
        )
    )
    assert f.intune.enrolled is False
    assert verdict_of(f) == "unmanaged"
    assert "company-portal-not-enrolled" in codes(f)
    assert "agent-leftover" not in codes(f)


def test_company_portal_with_legacy_enrollment() -> None:
    f = run(
        capture(
            status_=status(mdm="Yes", server="https://acme.jamfcloud.com/mdm"),
            agents_=agents(("app", "com.microsoft.CompanyPortalMac")),
        )
    )
    assert "company-portal-not-enrolled" in codes(f)


def test_company_portal_when_enrollment_unknown_says_nothing() -> None:
    f = run(capture(agents_=agents(("app", "com.microsoft.CompanyPortalMac"))))
    assert f.intune.enrolled is None
    assert "company-portal-not-enrolled" not in codes(f)
    assert verdict_of(f) == "unknown"


# --- removability -------------------------------------------------------------------


@pytest.mark.parametrize(
    "flags",
    [
        {"removal": True},
        {"removal": "TRUE"},
        {"item_removal": True},
        {"content_removal": "true"},
    ],
)
def test_removal_disallowed(flags: dict[str, object]) -> None:
    f = run(
        capture(xml=profiles(mdm_profile("https://acme.jamfcloud.com/mdm", **flags)))
    )
    assert f.legacy[0].removable is False
    assert "profile-removal-disallowed" in codes(f)
    assert "ade-enrolled" not in codes(f)


def test_removal_allowed_keeps_the_default() -> None:
    f = run(
        capture(
            xml=profiles(mdm_profile("https://acme.jamfcloud.com/mdm", removal="false"))
        )
    )
    assert f.legacy[0].removable is True
    assert "profile-removal-disallowed" not in codes(f)


def test_ade_enrolled_is_not_removable() -> None:
    f = run(
        capture(
            status_=status(dep="Yes", mdm="Yes", server="https://acme.jamfcloud.com/m")
        )
    )
    assert f.legacy[0].removable is False
    assert "ade-enrolled" in codes(f)
    assert any(e.detail == "Enrolled via DEP: Yes" for e in f.legacy[0].evidence)


def test_catalogue_unknown_removability() -> None:
    f = run(capture(status_=status(mdm="Yes", server="https://acme.kandji.io/m")))
    assert f.legacy[0].removable is None


def test_intune_removal_flags_raise_no_warning() -> None:
    url = "https://i.manage.microsoft.com/x"
    f = run(
        capture(
            status_=status(dep="Yes", mdm="Yes", server=url),
            xml=profiles(mdm_profile(url, removal=True)),
        )
    )
    assert f.intune.enrolled is True
    assert "profile-removal-disallowed" not in codes(f)
    assert "ade-enrolled" not in codes(f)


# --- ADE assignment -----------------------------------------------------------------


def test_ade_assigned_not_enrolled() -> None:
    f = run(
        capture(
            status_=status(),
            show_=show("https://acme.kandji.io/mdm/ade"),
            xml=profiles(),
        )
    )
    assert verdict_of(f) == "unmanaged"
    details = [w.detail for w in f.warnings if w.code == "ade-assigned"]
    assert details == [
        "configuration host acme.kandji.io (Kandji), organization Acme Corp"
    ]


def test_ade_assigned_to_an_unknown_host() -> None:
    f = run(capture(status_=status(), show_=show("https://mdm.northwind.example/e")))
    details = [w.detail for w in f.warnings if w.code == "ade-assigned"]
    assert details == [
        "configuration host mdm.northwind.example, organization Acme Corp"
    ]


def test_ade_assigned_without_url() -> None:
    f = run(
        capture(
            status_=status(),
            show_=b"Device Enrollment configuration:\n{ IsSupervised = 1; }",
        )
    )
    assert ("ade-assigned", "no configuration URL") in [
        (w.code, w.detail) for w in f.warnings
    ]


def test_ade_not_assigned() -> None:
    f = run(capture(status_=status(), show_=NULL_SHOW))
    assert "ade-assigned" not in codes(f)


# --- sources ------------------------------------------------------------------------


def test_nothing_readable_is_unknown() -> None:
    f = run(capture())
    assert not f.enrollment_known
    assert f.intune.enrolled is None
    assert verdict_of(f) == "unknown"
    assert f.warnings == []


def test_truncated_status_is_not_knowledge() -> None:
    f = run(capture(status_=b"Enrolled via DEP: No\nMDM enro"))
    assert not f.enrollment_known
    assert f.intune.enrolled is None


def test_status_no_is_knowledge() -> None:
    f = run(capture(status_=status()))
    assert f.enrollment_known
    assert f.intune.enrolled is False
    assert verdict_of(f) == "unmanaged"


def test_empty_profile_list_is_knowledge() -> None:
    f = run(capture(xml=plistlib.dumps({})))
    assert f.enrollment_known
    assert verdict_of(f) == "unmanaged"


def test_unreadable_sources_warn() -> None:
    f = run(
        capture(
            status_=b"\x00\x01\x02" * 50,
            show_=b"",
            xml=b"<plist><dict>",
            agents_=b"not json",
            sources=[],
        )
    )
    unreadable = [w.detail for w in f.warnings if w.code == "source-unreadable"]
    assert len(unreadable) == 4
    assert not f.enrollment_known


def test_probe_errors_warn_but_not_found_does_not() -> None:
    f = run(
        capture(
            status_=status(),
            sources=[
                SourceInfo(
                    layout.MAC_PROFILES, "profiles -C", 1, error="requires-root"
                ),
                SourceInfo(layout.MAC_SHOW, "profiles show", error="not-found"),
            ],
        )
    )
    unreadable = [w.detail for w in f.warnings if w.code == "source-unreadable"]
    assert unreadable == [f"{layout.MAC_PROFILES}: requires-root"]


# --- agents -------------------------------------------------------------------------


def test_agents_corroborate_the_managing_vendor() -> None:
    f = run(
        capture(
            status_=status(mdm="Yes", server="https://acme.jamfcloud.com/m"),
            agents_=agents(("path", "/usr/local/jamf/bin/jamf")),
        )
    )
    assert any(e.source == layout.MAC_AGENTS for e in f.legacy[0].evidence)
    assert "agent-leftover" not in codes(f)


def test_agents_of_other_vendors_are_leftovers() -> None:
    f = run(
        capture(
            status_=status(),
            agents_=agents(
                ("launchd", "com.airwatch.airwatchd"), ("launchd", "io.kandji.daemon")
            ),
        )
    )
    leftovers = [w.detail for w in f.warnings if w.code == "agent-leftover"]
    assert len(leftovers) == 2
    assert verdict_of(f) == "unmanaged"


# --- with the real catalogue, through the engine -------------------------------------


def test_engine_dispatches_to_macos() -> None:
    cap = capture(
        status_=status(mdm="Yes", server="https://acme.jamfcloud.com//computer/mdm")
    )
    result = detect(cap, load_catalogue())
    assert result.os == "macos"
    assert result.verdict == "legacy-enrolled"
    assert [lg.vendor for lg in result.legacy] == ["jamf-pro"]


# --- properties -----------------------------------------------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "status_": st.binary(max_size=200),
            "show_": st.binary(max_size=200),
            "xml": st.binary(max_size=200),
            "agents_": st.binary(max_size=200),
        },
    )
)
def test_arbitrary_files_never_break_detection(files: dict[str, bytes]) -> None:
    f = run(capture(**files))
    assert verdict_of(f) in ("unknown", "unmanaged", "legacy-enrolled")


_HOSTS = st.sampled_from(
    [
        "acme.jamfcloud.com",
        "i.manage.microsoft.com",
        "x.kandji.io",
        "mdm.northwind.example",
        "mdm.isotiq.example",
    ]
)


@settings(max_examples=60)
@given(
    host=_HOSTS,
    dep=st.sampled_from(["Yes", "No"]),
    removal=st.sampled_from([None, True, False, "TRUE"]),
    with_status=st.booleans(),
    with_profile=st.booleans(),
)
def test_generated_enrollments(
    host: str, dep: str, removal: object, with_status: bool, with_profile: bool
) -> None:
    url = f"https://{host}/mdm"
    f = run(
        capture(
            status_=status(dep=dep, mdm="Yes", server=url) if with_status else None,
            xml=profiles(mdm_profile(url, removal=removal)) if with_profile else None,
        )
    )
    if not (with_status or with_profile):
        assert verdict_of(f) == "unknown"
        return
    if host == "i.manage.microsoft.com":
        assert f.intune.enrolled is True and f.legacy == []
        return
    assert len(f.legacy) == 1
    assert f.legacy[0].server == host
    assert f.intune.enrolled is False
    blocked = (dep == "Yes" and with_status) or (
        with_profile and removal in (True, "TRUE")
    )
    if blocked:
        assert f.legacy[0].removable is False


def test_user_approved_profile_allowing_removal_is_removable() -> None:
    # Kandji's catalogue entry leaves removability unknown; the device itself
    # says the profile may be removed: user approved, not ADE, removal allowed.
    url = "https://acme.kandji.io/mdm"
    f = run(
        capture(
            status_=status(mdm="Yes (User Approved)", server=url),
            xml=profiles(mdm_profile(url, ident="io.kandji.mdm", removal=False)),
        )
    )
    assert f.legacy[0].removable is True
    assert any(
        "ProfileRemovalDisallowed=false" in e.detail for e in f.legacy[0].evidence
    )


@pytest.mark.parametrize(
    ("mdm", "removal", "dep"),
    [
        ("Yes", False, "No"),  # not user approved
        ("Yes (User Approved)", None, "No"),  # the flag is not in the profile
        ("Yes (User Approved)", False, "Yes"),  # ADE
    ],
)
def test_removable_stays_unknown_without_every_proof(
    mdm: str, removal: bool | None, dep: str
) -> None:
    url = "https://acme.kandji.io/mdm"
    f = run(
        capture(
            status_=status(dep=dep, mdm=mdm, server=url),
            xml=profiles(mdm_profile(url, ident="io.kandji.mdm", removal=removal)),
        )
    )
    assert f.legacy[0].removable is (False if dep == "Yes" else None)
