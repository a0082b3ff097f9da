# SPDX-License-Identifier: MIT
"""Windows detection rules, on small in-memory captures.

The capture library (tests/captures/win-*) covers whole devices; these tests pin
each rule on its own. Evidence files are synthetic, in the documented formats.
"""

from __future__ import annotations

import ast
import inspect
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helper.detect.windows as windows_detector
from helper.capture import layout
from helper.capture.model import Capture, Manifest, SourceInfo
from helper.catalogue import Catalogue, OsSignatures, Vendor, load_catalogue
from helper.detect.common import UNKNOWN_MDM
from helper.detect.engine import detect, verdict_of
from helper.detect.model import OsFindings
from helper.detect.windows import detect_windows
from helper.words import WARNINGS

EN = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments"
OM = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Provisioning\\OMADM\\Accounts"
G1 = "3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F"
G2 = "A1B2C3D4-E5F6-4789-9ABC-DEF012345678"
INTUNE_URL = "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc"
CATALOGUE = load_catalogue()


def key(guid: str, **values: str | int) -> str:
    """An Enrollments\\<guid> key: str → REG_SZ, int → REG_DWORD."""
    lines = [f"[{EN}\\{guid}]"]
    for name, value in values.items():
        if isinstance(value, int):
            lines.append(f'"{name}"=dword:{value:08x}')
        else:
            lines.append(f'"{name}"="{value}"')
    return "\n".join(lines) + "\n\n"


def reg(*parts: str) -> bytes:
    text = "Windows Registry Editor Version 5.00\n\n" + f"[{EN}]\n\n" + "".join(parts)
    return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")


def omadm(guid: str, addr: str) -> bytes:
    text = (
        "Windows Registry Editor Version 5.00\n\n"
        f"[{OM}\\{guid}]\n"
        '"ProtoVer"="1.2"\n\n'
        f"[{OM}\\{guid}\\Protected\\AddrInfo]\n"
        f'"Addr"="{addr}"\n'
    )
    return text.encode("utf-8")


def dsreg(aad: str = "NO", domain: str = "NO", mdm_url: str = "") -> bytes:
    rule = "+" + "-" * 70 + "+"
    text = f"{rule}\n| Device State{' ' * 57}|\n{rule}\n\n"
    text += f"             AzureAdJoined : {aad}\n"
    text += f"              DomainJoined : {domain}\n\n"
    if aad == "YES":
        text += f"{rule}\n| Tenant Details{' ' * 55}|\n{rule}\n\n"
        text += "                  TenantId : 5b8e1c2d-3f4a-4b6c-9d7e-8f9a0b1c2d3e\n"
        text += f"                    MdmUrl : {mdm_url}   \n\n"
    return text.replace("\n", "\r\n").encode("utf-8")


def agents(*found: tuple[str, str]) -> bytes:
    doc = {"schema": "agents/1", "found": [{"kind": k, "value": v} for k, v in found]}
    return json.dumps(doc).encode()


def capture(
    enrollments: bytes | None = None,
    *,
    omadm_file: bytes | None = None,
    dsregcmd: bytes | None = None,
    agents_file: bytes | None = None,
    sources: list[SourceInfo] | None = None,
) -> Capture:
    files = {
        name: data
        for name, data in (
            (layout.WIN_ENROLLMENTS, enrollments),
            (layout.WIN_OMADM, omadm_file),
            (layout.WIN_DSREGCMD, dsregcmd),
            (layout.WIN_AGENTS, agents_file),
        )
        if data is not None
    }
    return Capture(Manifest(os="windows", sources=sources or []), files, "test")


def run(cap: Capture, catalogue: Catalogue = CATALOGUE) -> OsFindings:
    return detect_windows(cap, catalogue)


def codes(findings: OsFindings) -> list[str]:
    return [w.code for w in findings.warnings]


WS1: dict[str, str | int] = {
    "ProviderID": "AirWatchMDM",
    "UPN": "alex.martin@contoso.example",
    "EnrollmentState": 1,
    "EnrollmentType": 0,
    "DiscoveryServiceFullURL": "https://ds1380.awmdm.com/DeviceServices/Discovery.aws",
}
INTUNE: dict[str, str | int] = {
    "ProviderID": "MS DM Server",
    "UPN": "alex.martin@contoso.example",
    "EnrollmentState": 1,
    "EnrollmentType": 6,
    "DiscoveryServiceFullURL": INTUNE_URL,
    "AADDeviceID": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    "DeviceClientId": "c0ffee00-1234-4abc-9def-0123456789ab",
}


class TestEnrollmentKeys:
    def test_a_complete_key_is_an_enrollment(self) -> None:
        findings = run(capture(reg(key(G1, **WS1))))
        assert [legacy.vendor for legacy in findings.legacy] == ["workspace-one"]
        legacy = findings.legacy[0]
        assert legacy.server == "ds1380.awmdm.com"
        assert legacy.evidence[0].source == layout.WIN_ENROLLMENTS
        assert legacy.evidence[0].detail == (
            "ProviderID=AirWatchMDM, UPN present, DiscoveryServiceFullURL="
            "https://ds1380.awmdm.com/DeviceServices/Discovery.aws, "
            f"EnrollmentState=1 in {G1}"
        )
        assert findings.enrollment_known is True
        assert findings.intune.enrolled is False
        assert findings.warnings == []

    @pytest.mark.parametrize("drop", ["UPN", "DiscoveryServiceFullURL"])
    def test_upn_or_discovery_url_is_enough(self, drop: str) -> None:
        values: dict[str, str | int] = {k: v for k, v in WS1.items() if k != drop}
        findings = run(capture(reg(key(G1, **values))))
        assert [legacy.vendor for legacy in findings.legacy] == ["workspace-one"]

    def test_guid_with_braces_and_provider_in_other_case(self) -> None:
        findings = run(capture(reg(key("{" + G1 + "}", **WS1, ProviderId="x"))))
        # The second spelling of ProviderID overrides (names are case-insensitive);
        # the vendor then comes from the discovery URL.
        legacy = findings.legacy[0]
        assert legacy.vendor == "workspace-one"
        assert legacy.evidence[0].detail.startswith("ProviderID=x,")
        findings = run(
            capture(reg(key("{" + G1 + "}", **{**WS1, "ProviderID": "AirwatchMDM"})))
        )
        assert findings.legacy[0].vendor == "workspace-one"

    def test_non_guid_keys_and_stubs_are_not_enrollments(self) -> None:
        parts = [
            key("Context", ProviderID="AirWatchMDM", UPN="x", EnrollmentState=1),
            key("Status", ProviderID="AirWatchMDM", UPN="x", EnrollmentState=1),
            key("ValidNodePaths", ProviderID="x", UPN="x", EnrollmentState=1),
            key(G1, EnrollmentState=1, EnrollmentType=0),  # provider stub
            key("not-a-guid-at-all"),
        ]
        findings = run(capture(reg(*parts)))
        assert findings.legacy == []
        assert findings.warnings == []
        assert findings.enrollment_known is True
        assert verdict_of(findings) == "unmanaged"

    def test_fake_key_is_ignored_with_a_warning(self) -> None:
        fake = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"
        findings = run(capture(reg(key(fake.lower(), **INTUNE))))
        assert findings.legacy == []
        assert findings.intune.enrolled is False
        assert codes(findings) == ["fake-enrollment-key"]
        assert "EnrollmentState=1" in findings.warnings[0].detail

    @pytest.mark.parametrize(
        ("changes", "state"),
        [
            ({"EnrollmentState": 2}, "2"),
            ({"EnrollmentState": 6}, "6"),
            ({"EnrollmentState": None}, "absent"),
            ({"UPN": None, "DiscoveryServiceFullURL": None}, "1"),
        ],
        ids=["failed", "other-state", "no-state", "no-upn-no-url"],
    )
    def test_stale_keys_warn(self, changes: dict[str, int | None], state: str) -> None:
        values: dict[str, str | int] = {
            k: v for k, v in {**WS1, **changes}.items() if v is not None
        }
        findings = run(capture(reg(key(G1, **values))))
        assert findings.legacy == []
        assert codes(findings) == ["stale-enrollment"]
        detail = findings.warnings[0].detail
        assert G1 in detail and "ProviderID=AirWatchMDM" in detail
        assert f"EnrollmentState={state}" in detail

    def test_pending_enrollment(self) -> None:
        findings = run(capture(reg(key(G2, **{**INTUNE, "EnrollmentState": 3}))))
        assert codes(findings) == ["enrollment-pending"]
        assert findings.intune.enrolled is False
        assert verdict_of(findings) == "unmanaged"

    def test_state_written_as_text_in_a_hand_made_export(self) -> None:
        findings = run(capture(reg(key(G1, **{**WS1, "EnrollmentState": "0x1"}))))
        assert findings.legacy[0].vendor == "workspace-one"
        findings = run(capture(reg(key(G1, **{**WS1, "EnrollmentState": "one"}))))
        assert codes(findings) == ["stale-enrollment"]

    def test_same_vendor_twice_is_one_management(self) -> None:
        findings = run(capture(reg(key(G1, **WS1), key(G2, **WS1))))
        assert len(findings.legacy) == 1
        assert len(findings.legacy[0].evidence) == 2
        assert "multiple-legacy" not in codes(findings)


class TestVendor:
    def test_by_discovery_url_when_provider_unknown(self) -> None:
        values: dict[str, str | int] = {**WS1, "ProviderID": "SomethingElse"}
        findings = run(capture(reg(key(G1, **values))))
        assert findings.legacy[0].vendor == "workspace-one"
        assert "unknown-mdm" not in codes(findings)

    def test_by_omadm_address_when_no_discovery_url(self) -> None:
        values: dict[str, str | int] = {
            "ProviderID": "Custom",
            "UPN": "a@b.example",
            "EnrollmentState": 1,
        }
        cap = capture(
            reg(key(G1, **values)),
            omadm_file=omadm("{" + G1.lower() + "}", "https://cn42.awmdm.com/omadm"),
        )
        findings = run(cap)
        legacy = findings.legacy[0]
        assert legacy.vendor == "workspace-one"
        assert legacy.server == "cn42.awmdm.com"
        assert legacy.evidence[1].source == layout.WIN_OMADM
        assert "Addr=https://cn42.awmdm.com/omadm" in legacy.evidence[1].detail

    def test_unknown_mdm_is_reported_never_dropped(self) -> None:
        values: dict[str, str | int] = {
            "ProviderID": "AcmeMDM",
            "UPN": "a@acme.example",
            "EnrollmentState": 1,
            "DiscoveryServiceFullURL": "https://mdm.acme-corp.example:8443/d.svc",
        }
        findings = run(capture(reg(key(G1, **values))))
        legacy = findings.legacy[0]
        assert (legacy.vendor, legacy.name, legacy.server, legacy.removable) == (
            UNKNOWN_MDM,
            "Unknown MDM (AcmeMDM)",
            "mdm.acme-corp.example",
            None,
        )
        assert codes(findings) == ["unknown-mdm"]
        assert verdict_of(findings) == "legacy-enrolled"

    def test_unknown_mdm_without_any_url(self) -> None:
        values: dict[str, str | int] = {
            "ProviderID": "Local",
            "UPN": "a@b.example",
            "EnrollmentState": 1,
        }
        findings = run(capture(reg(key(G1, **values))))
        assert findings.legacy[0].server is None
        assert findings.legacy[0].name == "Unknown MDM (Local)"

    def test_two_unknown_servers_and_a_known_vendor(self) -> None:
        def unknown(guid: str, host: str) -> str:
            return key(
                guid,
                ProviderID="X",
                EnrollmentState=1,
                DiscoveryServiceFullURL=f"https://{host}/d",
            )

        g3 = "0E1F2A3B-4C5D-4E6F-8A9B-C0D1E2F3A4B5"
        findings = run(
            capture(
                reg(unknown(G1, "a.example"), unknown(G2, "b.example"), key(g3, **WS1))
            )
        )
        assert [(x.vendor, x.server) for x in findings.legacy] == [
            (UNKNOWN_MDM, "a.example"),
            (UNKNOWN_MDM, "b.example"),
            ("workspace-one", "ds1380.awmdm.com"),
        ]
        assert codes(findings).count("unknown-mdm") == 2
        assert "multiple-legacy" in codes(findings)


class TestIntune:
    def test_intune_enrollment(self) -> None:
        findings = run(capture(reg(key(G2, **INTUNE))))
        assert findings.legacy == []
        intune = findings.intune
        assert intune.enrolled is True
        assert intune.device_id == "c0ffee00-1234-4abc-9def-0123456789ab"
        assert intune.evidence[0].detail.startswith("ProviderID=MS DM Server")
        assert verdict_of(findings) == "intune-enrolled"

    def test_device_id_falls_back_to_the_entra_id(self) -> None:
        values: dict[str, str | int] = {
            k: v for k, v in INTUNE.items() if k != "DeviceClientId"
        }
        findings = run(capture(reg(key(G2, **values))))
        assert findings.intune.device_id == INTUNE["AADDeviceID"]

    def test_intune_by_url_and_both_enrolled(self) -> None:
        values: dict[str, str | int] = {
            **INTUNE,
            "ProviderID": "Microsoft Device Management",
        }
        findings = run(capture(reg(key(G1, **WS1), key(G2, **values))))
        assert findings.intune.enrolled is True
        assert verdict_of(findings) == "both-enrolled"

    def test_missing_enrollments_file_is_unknown(self) -> None:
        findings = run(capture(None, dsregcmd=dsreg(), agents_file=agents()))
        assert findings.intune.enrolled is None
        assert findings.enrollment_known is False
        assert verdict_of(findings) == "unknown"
        assert "source-unreadable" not in codes(findings)

    @pytest.mark.parametrize(
        "data",
        [b"", bytes(range(256)) * 8, b"hello world\n"],
        ids=["empty", "binary", "not-a-reg"],
    )
    def test_unreadable_enrollments_file_is_unknown(self, data: bytes) -> None:
        findings = run(capture(data))
        assert findings.intune.enrolled is None
        assert verdict_of(findings) == "unknown"
        assert codes(findings) == ["source-unreadable"]
        assert findings.warnings[0].detail.startswith(layout.WIN_ENROLLMENTS)

    def test_failed_read_recorded_by_the_probe(self) -> None:
        info = SourceInfo(layout.WIN_ENROLLMENTS, "HKLM\\...", error="PermissionError")
        findings = run(capture(None, sources=[info]))
        assert codes(findings) == ["source-unreadable"]
        assert verdict_of(findings) == "unknown"

    def test_empty_export_means_nothing_enrolled(self) -> None:
        findings = run(capture(reg()))
        assert findings.intune.enrolled is False
        assert verdict_of(findings) == "unmanaged"


class TestRemovability:
    @pytest.mark.parametrize("enrollment_type", [6, 13])
    def test_enrollment_with_entra_join_cannot_be_disconnected(
        self, enrollment_type: int
    ) -> None:
        values: dict[str, str | int] = {**WS1, "EnrollmentType": enrollment_type}
        legacy = run(capture(reg(key(G1, **values)))).legacy[0]
        assert legacy.removable is False
        assert any(
            f"EnrollmentType={enrollment_type}" in e.detail
            and "cannot Disconnect" in e.detail
            for e in legacy.evidence
        )

    def test_catalogue_default_otherwise(self) -> None:
        catalogue = Catalogue(
            [
                Vendor(
                    "easy",
                    "Easy MDM",
                    windows=OsSignatures(provider_ids=["EasyMDM"], removable="yes"),
                )
            ]
        )
        values: dict[str, str | int] = {
            "ProviderID": "EasyMDM",
            "UPN": "a@b.example",
            "EnrollmentState": 1,
        }
        legacy = run(capture(reg(key(G1, **values))), catalogue).legacy[0]
        assert legacy.removable is True
        legacy = run(
            capture(reg(key(G1, **values, EnrollmentType=13))), catalogue
        ).legacy[0]
        assert legacy.removable is False

    def test_unknown_mdm_with_entra_join(self) -> None:
        values: dict[str, str | int] = {
            "ProviderID": "Zed",
            "UPN": "a@b.example",
            "EnrollmentState": 1,
        }
        legacy = run(capture(reg(key(G1, **values, EnrollmentType=13)))).legacy[0]
        assert (legacy.vendor, legacy.removable) == (UNKNOWN_MDM, False)


class TestEntra:
    @pytest.mark.parametrize(
        ("aad", "domain", "join"),
        [
            ("YES", "NO", "entra-joined"),
            ("YES", "YES", "hybrid-joined"),
            ("NO", "YES", "domain-joined"),
            ("NO", "NO", "none"),
        ],
    )
    def test_join(self, aad: str, domain: str, join: str) -> None:
        findings = run(capture(reg(), dsregcmd=dsreg(aad, domain)))
        entra = findings.entra
        assert entra.join == join
        assert entra.evidence[0].source == layout.WIN_DSREGCMD
        assert f"AzureAdJoined={aad}" in entra.evidence[0].detail
        if aad == "YES":
            assert entra.tenant_id == "5b8e1c2d-3f4a-4b6c-9d7e-8f9a0b1c2d3e"

    def test_no_dsregcmd_is_unknown(self) -> None:
        findings = run(capture(reg()))
        assert findings.entra.join == "unknown"
        assert findings.entra.evidence == []

    def test_mdm_url_without_intune_enrollment_warns(self) -> None:
        cap = capture(reg(key(G1, **WS1)), dsregcmd=dsreg("YES", mdm_url=INTUNE_URL))
        findings = run(cap)
        assert "tenant-mdm-url-not-enrolled" in codes(findings)
        assert findings.intune.enrolled is False  # never taken as enrollment
        detail = findings.warnings[codes(findings).index("tenant-mdm-url-not-enrolled")]
        assert INTUNE_URL in detail.detail

    def test_mdm_url_with_intune_enrollment_is_quiet(self) -> None:
        cap = capture(reg(key(G2, **INTUNE)), dsregcmd=dsreg("YES", mdm_url=INTUNE_URL))
        assert "tenant-mdm-url-not-enrolled" not in codes(run(cap))

    def test_mdm_url_when_enrollments_unknown(self) -> None:
        findings = run(capture(None, dsregcmd=dsreg("YES", mdm_url=INTUNE_URL)))
        assert findings.intune.enrolled is None
        assert "tenant-mdm-url-not-enrolled" in codes(findings)

    def test_empty_mdm_url_is_no_configuration(self) -> None:
        findings = run(capture(reg(), dsregcmd=dsreg("YES", mdm_url="")))
        assert "tenant-mdm-url-not-enrolled" not in codes(findings)

    def test_unreadable_dsregcmd(self) -> None:
        findings = run(capture(reg(), dsregcmd=b"\r\n"))
        assert findings.entra.join == "unknown"
        assert codes(findings) == ["source-unreadable"]


class TestAgents:
    def test_agents_corroborate_the_enrollment(self) -> None:
        found = agents(
            ("uninstall", "Workspace ONE Intelligent Hub Installer"),
            ("service", "IntuneManagementExtension"),
        )
        findings = run(capture(reg(key(G1, **WS1)), agents_file=found))
        details = [e.detail for e in findings.legacy[0].evidence]
        assert "uninstall: Workspace ONE Intelligent Hub Installer" in details
        assert findings.legacy[0].evidence[-1].source == layout.WIN_AGENTS
        # The IME of a non-enrolled Intune is neither evidence nor a leftover.
        assert codes(findings) == []

    def test_agents_without_enrollment_are_leftovers(self) -> None:
        found = agents(("path", "C:\\ProgramData\\AirWatch"))
        findings = run(capture(reg(), agents_file=found))
        assert findings.legacy == []
        assert codes(findings) == ["agent-leftover"]
        assert verdict_of(findings) == "unmanaged"

    def test_ime_corroborates_intune(self) -> None:
        found = agents(("service", "IntuneManagementExtension"))
        findings = run(capture(reg(key(G2, **INTUNE)), agents_file=found))
        assert findings.intune.evidence[-1].detail == (
            "service: IntuneManagementExtension"
        )

    def test_company_portal_not_enrolled(self) -> None:
        catalogue = Catalogue(
            [
                Vendor(
                    "intune",
                    "Microsoft Intune",
                    role="target",
                    windows=OsSignatures(
                        provider_ids=["MS DM Server"],
                        uninstall_names=["Company Portal*"],
                    ),
                )
            ]
        )
        found = agents(("uninstall", "Company Portal"))
        findings = run(capture(reg(), agents_file=found), catalogue)
        assert codes(findings) == ["company-portal-not-enrolled"]
        enrolled = run(capture(reg(key(G2, **INTUNE)), agents_file=found), catalogue)
        assert codes(enrolled) == []


def test_engine_dispatches_to_the_windows_detector() -> None:
    result = detect(capture(reg(key(G1, **WS1)), dsregcmd=dsreg()), CATALOGUE)
    assert result.os == "windows"
    assert result.verdict == "legacy-enrolled"
    assert [s.status for s in result.sources] == [
        "read",
        "missing",
        "read",
        "missing",
        "missing",
        # NodeCache, current Wi-Fi, BitLocker (issue 17)
        "missing",
        "missing",
        "missing",
        "missing",  # the BIOS serial
    ]


def test_every_warning_code_has_words() -> None:
    tree = ast.parse(inspect.getsource(windows_detector))
    used = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Warning"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert used >= {"fake-enrollment-key", "stale-enrollment", "unknown-mdm"}
    assert used <= set(WARNINGS)


_FILE = st.one_of(
    st.none(),
    st.binary(max_size=512),
    st.sampled_from([reg(key(G1, **WS1)), reg(key(G2, **INTUNE)), dsreg("YES")]).map(
        lambda data: data[: len(data) // 2]
    ),
)


@settings(max_examples=150)
@given(_FILE, _FILE, _FILE, _FILE)
def test_any_files_never_raise(
    enrollments: bytes | None,
    omadm_file: bytes | None,
    dsregcmd: bytes | None,
    agents_file: bytes | None,
) -> None:
    cap = capture(
        enrollments, omadm_file=omadm_file, dsregcmd=dsregcmd, agents_file=agents_file
    )
    result = detect(cap, CATALOGUE)
    assert set(w.code for w in result.warnings) <= set(WARNINGS)
    if enrollments is None:
        assert result.verdict == "unknown"
