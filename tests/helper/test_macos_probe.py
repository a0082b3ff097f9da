# SPDX-License-Identifier: MIT
"""The macOS probe, driven by a fake command runner and a fake filesystem.

The fakes sit below the probe (commands and files); the probe, the capture
format and detection are the real ones.
"""

from __future__ import annotations

import json
import plistlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from helper import __version__
from helper.capture import layout
from helper.capture.model import Capture
from helper.capture.store import open_capture, write_capture
from helper.catalogue import Catalogue, load_catalogue
from helper.detect.engine import detect
from helper.parsers.agents import parse_agents
from helper.parsers.serial import serial_from_capture
from helper.probe.macos import (
    COMMANDS,
    live_macos_probe,
    probe_macos,
    read_bundle_id,
)
from helper.probe.runner import CommandResult

STATUS_ARGV = ("/usr/bin/profiles", "status", "-type", "enrollment")
SHOW_ARGV = ("/usr/bin/profiles", "show", "-type", "enrollment")
XML_ARGV = ("/usr/bin/profiles", "-C", "-o", "stdout-xml")
SSO_ARGV = ("/usr/bin/app-sso", "platform", "-s")
WIFI_ARGV = ("/usr/sbin/ipconfig", "getsummary", "en0")
FDESETUP_ARGV = ("/usr/bin/fdesetup", "status")
PRK_ARGV = ("/usr/bin/stat", "-f", "%m", "/var/db/FileVaultPRK.dat")
IOREG_ARGV = ("/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice")
# ioreg -rd1 -c IOPlatformExpertDevice on an Apple silicon MacBook Pro (abridged).
IOREG = b"""+-o J314sAP  <class IOPlatformExpertDevice, id 0x100000218, registered, \
matched, active, busy 0 (52 ms), retain 41>
    {
      "manufacturer" = <"Apple Inc.">
      "model" = <"MacBookPro18,3">
      "IOPlatformSerialNumber" = "C02XYZ123ABC"
      "IOPlatformUUID" = "5B4C9F8E-1A2B-4C3D-9E8F-0A1B2C3D4E5F"
      "target-type" = <"J314s">
    }
"""
# ipconfig getsummary en0 on a Mac on Wi-Fi (abridged; macOS 14).
WIFI_SUMMARY = b"""<dictionary> {
  Hashed-BSSID : 3a:91:5c:0e:72:d4
  IPv4 : <array> {
    0 : <dictionary> {
      Addresses : <array> {
        0 : 192.168.1.23
      }
    }
  }
  InterfaceType : WiFi
  LinkStatusActive : TRUE
  SSID : CorpNet
  Security : WPA2_Enterprise
}
"""
WPJ_ARGV = (
    "/usr/bin/security",
    "find-generic-password",
    "-a",
    "com.microsoft.workplacejoin.thumbprint",
)
# What app-sso prints on a Mac without Platform SSO (synthetic, format as
# documented in docs/capture-format.md).
SSO_NONE = (
    b"Device Configuration:\n (null)\n\nLogin Configuration:\n (null)\n\n"
    b"User Configuration:\n (null)\n"
)
# security(1) when the login keychain holds no such item.
WPJ_NONE = CommandResult(
    list(WPJ_ARGV),
    44,
    b"",
    b"security: SecKeychainSearchCopyNext: The specified item could not be "
    b"found in the keychain.\n",
    duration_ms=9.1,
)

STATUS = (
    b"Enrolled via DEP: No\nMDM enrollment: Yes (User Approved)\n"
    b"MDM server: https://acme.jamfcloud.com//computer/mdm\n"
)
SHOW = b"Device Enrollment configuration:\n(null)\n"
JAMF_UUID = "00000000-0000-0000-A000-4A414D460003"
XML = plistlib.dumps(
    {
        "_computerlevel": [
            {
                "ProfileIdentifier": JAMF_UUID,
                "ProfileUUID": JAMF_UUID,
                "ProfileDisplayName": "MDM Profile",
                "ProfileRemovalDisallowed": "false",
                "ProfileItems": [
                    {
                        "PayloadType": "com.apple.mdm",
                        "PayloadIdentifier": "00000000-0000-0000-A000-4A414D460004",
                        "PayloadContent": {
                            "ServerURL": "https://acme.jamfcloud.com//computer/mdm",
                            "AccessRights": 8191,
                            "Topic": "com.apple.mgmt.External.a1b2",
                            "Description": "requires root privileges, says a note",
                        },
                    }
                ],
            }
        ]
    }
)


class FakeRunner:
    """Recorded outputs by argument list; records what ran."""

    def __init__(self, results: dict[tuple[str, ...], CommandResult | Exception]):
        self.results = results
        self.calls: list[tuple[str, ...]] = []

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        key = tuple(argv)
        self.calls.append(key)
        assert timeout > 0
        result = self.results.get(key)
        if isinstance(result, Exception):
            raise result
        if result is None:
            return CommandResult(list(argv), None, error="not-found")
        return result


def ok(argv: tuple[str, ...], stdout: bytes) -> CommandResult:
    return CommandResult(list(argv), 0, stdout, b"", duration_ms=12.5)


class FakeFs:
    """A filesystem of paths, folder listings and app bundle ids."""

    def __init__(
        self,
        paths: Iterable[str] = (),
        dirs: dict[str, list[str]] | None = None,
        bundles: dict[str, str] | None = None,
    ) -> None:
        self.paths = set(paths)
        self.dirs = dirs or {}
        self.bundles = bundles or {}

    def exists(self, path: str) -> bool:
        return path in self.paths or path in self.dirs or path in self.bundles

    def listdir(self, folder: str) -> list[str]:
        if folder not in self.dirs:
            raise FileNotFoundError(folder)
        return self.dirs[folder]

    def bundle_id(self, app: str) -> str | None:
        return self.bundles.get(app)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def run_probe(
    catalogue: Catalogue, runner: FakeRunner, fs: FakeFs | None = None
) -> Capture:
    fs = fs or FakeFs()
    return probe_macos(
        catalogue,
        runner=runner,
        path_exists=fs.exists,
        list_dir=fs.listdir,
        bundle_id=fs.bundle_id,
        os_version="14.5",
        arch="arm64",
    )


def all_ok() -> FakeRunner:
    return FakeRunner(
        {
            STATUS_ARGV: ok(STATUS_ARGV, STATUS),
            SHOW_ARGV: ok(SHOW_ARGV, SHOW),
            XML_ARGV: ok(XML_ARGV, XML),
            SSO_ARGV: ok(SSO_ARGV, SSO_NONE),
            WPJ_ARGV: WPJ_NONE,
            WIFI_ARGV: ok(WIFI_ARGV, WIFI_SUMMARY),
            FDESETUP_ARGV: ok(FDESETUP_ARGV, b"FileVault is On.\n"),
            PRK_ARGV: ok(PRK_ARGV, b"1710150316\n"),
            IOREG_ARGV: ok(IOREG_ARGV, IOREG),
        }
    )


JAMF_FS = FakeFs(
    paths=["/usr/local/jamf/bin/jamf", "/Library/Application Support/JAMF"],
    dirs={
        "/Applications": ["Company Portal.app", "Safari.app", "notes.txt"],
        "/Library/LaunchDaemons": [
            "com.jamfsoftware.jamf.daemon.plist",
            "com.airwatch.airwatchd.plist",
            "com.example.other.plist",
            "io.kandji.kandji-daemon.txt",
        ],
        "/Library/LaunchAgents": ["com.vmware.hub.agent.plist"],
    },
    bundles={
        "/Applications/Company Portal.app": "com.microsoft.CompanyPortalMac",
        "/Applications/Safari.app": "com.apple.Safari",
    },
)


def test_commands_are_argument_lists_with_absolute_paths() -> None:
    for _, argv in COMMANDS:
        assert argv[0] in (
            "/usr/bin/profiles",
            "/usr/bin/app-sso",
            "/usr/bin/security",
            "/usr/sbin/ipconfig",
            "/usr/bin/fdesetup",
            "/usr/bin/stat",
            "/usr/sbin/ioreg",
        )
        assert all(" " not in arg for arg in argv)
    # The keychain is asked for attributes only, never for the secret.
    assert "-g" not in dict(COMMANDS)[layout.MAC_WORKPLACE_JOIN]


def test_full_capture(catalogue: Catalogue) -> None:
    runner = all_ok()
    capture = run_probe(catalogue, runner, JAMF_FS)
    assert runner.calls == [
        STATUS_ARGV,
        SHOW_ARGV,
        XML_ARGV,
        SSO_ARGV,
        WPJ_ARGV,
        WIFI_ARGV,
        FDESETUP_ARGV,
        PRK_ARGV,
        IOREG_ARGV,
    ]
    # Only the serial's line: the rest names the hardware UUID.
    assert capture.read(layout.MAC_SERIAL) == (
        b'"IOPlatformSerialNumber" = "C02XYZ123ABC"\n'
    )
    assert serial_from_capture(capture) == "C02XYZ123ABC"
    assert capture.os == "macos"
    assert capture.origin == "live"
    manifest = capture.manifest
    assert manifest.os_version == "14.5"
    assert manifest.arch == "arm64"
    assert manifest.helper_version == __version__
    assert manifest.time is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest.time)
    assert capture.read(layout.MAC_STATUS) == STATUS
    assert capture.read(layout.MAC_SHOW) == SHOW
    # A phrase inside the plist is content, not a "requires root" refusal.
    assert capture.read(layout.MAC_PROFILES) == XML
    status = capture.source(layout.MAC_STATUS)
    assert status is not None
    assert status.read == "/usr/bin/profiles status -type enrollment"
    assert status.exit_code == 0
    assert status.duration_ms == 12.5
    assert status.error is None
    assert [s.file for s in manifest.sources] == list(layout.BY_OS["macos"])

    agents = parse_agents(capture.read(layout.MAC_AGENTS) or b"")
    found = {(a.kind, a.value, a.detail) for a in agents}
    assert found == {
        ("path", "/usr/local/jamf/bin/jamf", ""),
        ("path", "/Library/Application Support/JAMF", ""),
        (
            "app",
            "com.microsoft.CompanyPortalMac",
            "/Applications/Company Portal.app",
        ),
        (
            "launchd",
            "com.airwatch.airwatchd",
            "/Library/LaunchDaemons/com.airwatch.airwatchd.plist",
        ),
        (
            "launchd",
            "com.vmware.hub.agent",
            "/Library/LaunchAgents/com.vmware.hub.agent.plist",
        ),
    }


def test_capture_round_trip_and_detection(catalogue: Catalogue, tmp_path: Path) -> None:
    capture = run_probe(catalogue, all_ok(), JAMF_FS)
    folder = write_capture(capture, tmp_path / "cap")
    result = detect(open_capture(folder), catalogue)
    assert result.verdict == "legacy-enrolled"
    assert [(lg.vendor, lg.server) for lg in result.legacy] == [
        ("jamf-pro", "acme.jamfcloud.com")
    ]
    assert result.intune.enrolled is False
    codes = {w.code for w in result.warnings}
    assert "company-portal-not-enrolled" in codes
    assert "agent-leftover" in codes  # the Workspace ONE daemons
    statuses = {s.file: s.status for s in result.sources}
    assert statuses.pop(layout.MAC_WORKPLACE_JOIN) == "missing"  # looked: none
    assert set(statuses.values()) == {"read"}
    # Platform SSO not configured and no Workplace Join record: not registered.
    assert result.entra.join == "none"


@pytest.mark.parametrize(
    ("result", "error"),
    [
        (
            CommandResult(
                [], 1, b"", b"profiles: this command requires root privileges\n"
            ),
            "requires-root",
        ),
        (
            CommandResult([], 0, b"This command requires root privileges.\n", b""),
            "requires-root",
        ),
        (CommandResult([], 2, b"", b"profiles: illegal option\n"), "exit code 2: "),
        (CommandResult([], 3, b"partial", b""), "exit code 3: partial"),
        (CommandResult([], 0, b"  \n", b""), "empty-output"),
        (CommandResult([], None, error="timeout"), "timeout"),
        (CommandResult([], None, error="not-found"), "not-found"),
    ],
)
def test_failing_source_is_recorded_without_a_file(
    catalogue: Catalogue, result: CommandResult, error: str
) -> None:
    runner = all_ok()
    runner.results[XML_ARGV] = result
    capture = run_probe(catalogue, runner)
    assert capture.read(layout.MAC_PROFILES) is None
    info = capture.source(layout.MAC_PROFILES)
    assert info is not None and info.error is not None
    assert info.error.startswith(error)
    assert info.exit_code == result.exit_code
    assert capture.read(layout.MAC_STATUS) == STATUS


def test_runner_that_raises_is_a_failing_source(catalogue: Catalogue) -> None:
    runner = all_ok()
    runner.results[STATUS_ARGV] = RuntimeError("boom")
    capture = run_probe(catalogue, runner)
    info = capture.source(layout.MAC_STATUS)
    assert info is not None and info.error == "runner-error: RuntimeError: boom"
    assert capture.read(layout.MAC_STATUS) is None
    assert capture.read(layout.MAC_SHOW) == SHOW


def test_nothing_works(catalogue: Catalogue) -> None:
    # No profiles tool, no folders: a capture still comes out, and detection says
    # "unknown" rather than "unmanaged".
    capture = run_probe(catalogue, FakeRunner({}))
    assert set(capture.files) == {layout.MAC_AGENTS}
    assert parse_agents(capture.files[layout.MAC_AGENTS]) == []
    result = detect(capture, catalogue)
    assert result.verdict == "unknown"


def test_filesystem_errors_mean_absent(catalogue: Catalogue) -> None:
    def exists(path: str) -> bool:
        raise PermissionError(path)

    def listdir(folder: str) -> list[str]:
        raise PermissionError(folder)

    def bundle_id(app: str) -> str | None:
        raise OSError(app)

    capture = probe_macos(
        catalogue,
        runner=all_ok(),
        path_exists=exists,
        list_dir=listdir,
        bundle_id=bundle_id,
    )
    assert parse_agents(capture.read(layout.MAC_AGENTS) or b"") == []
    info = capture.source(layout.MAC_AGENTS)
    assert info is not None and info.error is None


def test_unexpected_filesystem_failure_is_recorded(catalogue: Catalogue) -> None:
    def listdir(folder: str) -> list[str]:
        raise RuntimeError("sandbox says no")

    capture = probe_macos(
        catalogue,
        runner=all_ok(),
        path_exists=lambda _: False,
        list_dir=listdir,
        bundle_id=lambda _: None,
    )
    assert capture.read(layout.MAC_AGENTS) is None
    info = capture.source(layout.MAC_AGENTS)
    assert info is not None and info.error == "RuntimeError: sandbox says no"
    assert capture.read(layout.MAC_STATUS) == STATUS


def test_company_portal_found_when_applications_cannot_be_listed(
    catalogue: Catalogue,
) -> None:
    fs = FakeFs(
        bundles={"/Applications/Company Portal.app": "com.microsoft.CompanyPortalMac"}
    )
    capture = run_probe(catalogue, all_ok(), fs)
    agents = parse_agents(capture.read(layout.MAC_AGENTS) or b"")
    assert [(a.kind, a.value) for a in agents] == [
        ("app", "com.microsoft.CompanyPortalMac")
    ]


def test_company_portal_looked_for_without_catalogue_entry() -> None:
    fs = FakeFs(
        dirs={"/Applications": ["Company Portal.app"]},
        bundles={"/Applications/Company Portal.app": "com.microsoft.CompanyPortalMac"},
    )
    capture = run_probe(Catalogue([]), all_ok(), fs)
    agents = parse_agents(capture.read(layout.MAC_AGENTS) or b"")
    assert [a.value for a in agents] == ["com.microsoft.CompanyPortalMac"]


def test_apps_matched_by_bundle_id_not_by_name(catalogue: Catalogue) -> None:
    fs = FakeFs(
        dirs={"/Applications": ["Hub.app", "Company Portal.app"]},
        bundles={
            "/Applications/Hub.app": "com.ws1.hub.mac",
            # An app named like Company Portal that is something else.
            "/Applications/Company Portal.app": "com.example.fake",
        },
    )
    capture = run_probe(catalogue, all_ok(), fs)
    agents = parse_agents(capture.read(layout.MAC_AGENTS) or b"")
    assert [(a.kind, a.value, a.detail) for a in agents] == [
        ("app", "com.ws1.hub.mac", "/Applications/Hub.app")
    ]


def test_glob_paths_in_the_catalogue(catalogue: Catalogue) -> None:
    from helper.catalogue import OsSignatures, Vendor

    vendor = Vendor(
        id="acme",
        name="Acme MDM",
        macos=OsSignatures(paths=["/Library/Acme/agent-*.app", "/Opt/*/x"]),
    )
    fs = FakeFs(dirs={"/Library/Acme": ["agent-2.app", "other.app"]})
    capture = run_probe(Catalogue([vendor]), all_ok(), fs)
    agents = parse_agents(capture.read(layout.MAC_AGENTS) or b"")
    assert [a.value for a in agents] == ["/Library/Acme/agent-2.app"]


def test_manifest_json_is_written(catalogue: Catalogue) -> None:
    runner = all_ok()
    runner.results[SHOW_ARGV] = CommandResult(
        list(SHOW_ARGV), 1, b"", b"profiles: requires root privileges"
    )
    capture = run_probe(catalogue, runner)
    doc = json.loads(capture.manifest_bytes())
    assert doc["os"] == "macos"
    show = next(s for s in doc["sources"] if s["file"] == layout.MAC_SHOW)
    assert show == {
        "file": layout.MAC_SHOW,
        "read": "/usr/bin/profiles show -type enrollment",
        "exit_code": 1,
        "duration_ms": 0.0,
        "error": "requires-root",
    }


# --- read_bundle_id and the live wiring -------------------------------------------


def make_app(root: Path, name: str, info: bytes | None) -> str:
    app = root / name
    (app / "Contents").mkdir(parents=True)
    if info is not None:
        (app / "Contents" / "Info.plist").write_bytes(info)
    return str(app)


def test_read_bundle_id(tmp_path: Path) -> None:
    good = make_app(
        tmp_path,
        "Company Portal.app",
        plistlib.dumps({"CFBundleIdentifier": " com.microsoft.CompanyPortalMac "}),
    )
    binary = make_app(
        tmp_path,
        "B.app",
        plistlib.dumps(
            {"CFBundleIdentifier": "com.example.b"}, fmt=plistlib.FMT_BINARY
        ),
    )
    assert read_bundle_id(good) == "com.microsoft.CompanyPortalMac"
    assert read_bundle_id(binary) == "com.example.b"
    assert read_bundle_id(make_app(tmp_path, "None.app", None)) is None
    assert read_bundle_id(make_app(tmp_path, "Bad.app", b"<plist><dict>")) is None
    assert read_bundle_id(make_app(tmp_path, "List.app", plistlib.dumps([1]))) is None
    assert (
        read_bundle_id(
            make_app(tmp_path, "Int.app", plistlib.dumps({"CFBundleIdentifier": 3}))
        )
        is None
    )
    assert read_bundle_id(str(tmp_path / "Missing.app")) is None


def test_live_probe_refuses_other_oses(catalogue: Catalogue) -> None:
    import platform

    if platform.system() == "Darwin":
        pytest.skip("runs the real probe on macOS")
    with pytest.raises(OSError, match="macOS"):
        live_macos_probe(catalogue)


# --- Microsoft Entra registration ----------------------------------------------------

TENANT = "0dde70e6-f430-449f-8bce-f4d0a9eca2a4"
# app-sso platform -s after a Platform SSO registration (synthetic values; the
# shape of macOS's output: titled sections holding JSON, then the tokens).
SSO_REGISTERED = f"""Device Configuration:
 {{
  "encryptionAlgorithm" : "ECDHE-A256GCM",
  "extensionIdentifier" : "com.microsoft.CompanyPortalMac.ssoextension",
  "loginFrequency" : 64800,
  "loginType" : "POLoginTypeUserSecureEnclaveKey (2)",
  "registrationCompleted" : true,
  "sdkVersionString" : 15.199999999999999,
  "sharedDeviceKeys" : true,
  "tokenToUserMapping" : {{
    "AccountName" : "preferred_username",
    "FullName" : "name"
  }},
  "version" : 1
}}

Login Configuration:
 {{
  "accountDisplayName" : "Microsoft Entra",
  "issuer" : "https://login.microsoftonline.com/{TENANT}/v2.0",
  "tokenEndpointURL" : "https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token"
}}

User Configuration:
 {{
  "state" : "POUserStateNormal (0)",
  "userLoginConfiguration" : {{
    "loginUserName" : "ana.lopez@contoso.example"
  }}
}}

SSO Tokens:
Received:
2026-11-20 08:51:02 +0000
Expiration:
2026-12-04 08:51:01 +0000 (Not Expired)
""".encode()

# security find-generic-password -a com.microsoft.workplacejoin.thumbprint after
# Company Portal registered the Mac (attributes only; synthetic dates).
WPJ_FOUND = b"""keychain: "/Users/ana/Library/Keychains/login.keychain-db"
version: 512
class: "genp"
attributes:
    0x00000007 <blob>="com.microsoft.workplacejoin.thumbprint"
    0x00000008 <blob>=<NULL>
    "acct"<blob>="com.microsoft.workplacejoin.thumbprint"
    "cdat"<timedate>=0x32303236313132303038353130325A00  "20261120085102Z\\000"
    "crtr"<uint32>=<NULL>
    "cusi"<sint32>=<NULL>
    "desc"<blob>=<NULL>
    "gena"<blob>=<NULL>
    "icmt"<blob>=<NULL>
    "invi"<sint32>=<NULL>
    "mdat"<timedate>=0x32303236313132303038353130325A00  "20261120085102Z\\000"
    "nega"<sint32>=<NULL>
    "prot"<blob>=<NULL>
    "scrp"<sint32>=<NULL>
    "svce"<blob>="com.microsoft.workplacejoin.thumbprint"
    "type"<uint32>=<NULL>
"""


def test_platform_sso_registration_is_read_and_tokens_are_not_kept(
    catalogue: Catalogue,
) -> None:
    runner = all_ok()
    runner.results[SSO_ARGV] = ok(SSO_ARGV, SSO_REGISTERED)
    capture = run_probe(catalogue, runner, JAMF_FS)
    kept = capture.read(layout.MAC_APP_SSO) or b""
    assert b"registrationCompleted" in kept
    assert b"SSO Tokens" not in kept and b"Expiration" not in kept
    result = detect(capture, catalogue)
    assert result.entra.join == "registered"
    assert result.entra.tenant_id == TENANT
    assert any("registrationCompleted=true" in e.detail for e in result.entra.evidence)


def test_company_portal_registration_is_read(catalogue: Catalogue) -> None:
    runner = all_ok()
    runner.results[WPJ_ARGV] = ok(WPJ_ARGV, WPJ_FOUND)
    capture = run_probe(catalogue, runner, JAMF_FS)
    assert capture.read(layout.MAC_WORKPLACE_JOIN) == WPJ_FOUND
    info = capture.source(layout.MAC_WORKPLACE_JOIN)
    assert info is not None and info.error is None
    assert detect(capture, catalogue).entra.join == "registered"


def test_no_workplace_join_record_is_not_found_not_an_error(
    catalogue: Catalogue,
) -> None:
    capture = run_probe(catalogue, all_ok(), JAMF_FS)
    info = capture.source(layout.MAC_WORKPLACE_JOIN)
    assert info is not None and info.error == "not-found" and info.exit_code == 44
    assert layout.MAC_WORKPLACE_JOIN not in capture.files
    warnings = {w.code for w in detect(capture, catalogue).warnings}
    assert "source-unreadable" not in warnings


def test_registration_unknown_when_platform_sso_cannot_be_read(
    catalogue: Catalogue,
) -> None:
    # macOS 12 has no "app-sso platform"; without it and without a Workplace
    # Join record the helper cannot say the Mac is not registered.
    runner = all_ok()
    runner.results[SSO_ARGV] = CommandResult(
        list(SSO_ARGV), 64, b"", b"app-sso: unrecognized verb 'platform'\n"
    )
    result = detect(run_probe(catalogue, runner, JAMF_FS), catalogue)
    assert result.entra.join == "unknown"
