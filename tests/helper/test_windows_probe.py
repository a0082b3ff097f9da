# SPDX-License-Identifier: MIT
"""The Windows probe, fed with realistic data below the probe layer.

The registry is a :class:`RegFileReader` over ``.reg`` exports (the library's
enrollment exports plus synthetic uninstall/service keys written from the
documented format) and ``dsregcmd`` is a runner returning recorded output. The
probe, the parsers and the detector above them are the real ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from helper import __version__
from helper.capture import layout
from helper.capture.model import Capture
from helper.capture.store import open_capture, write_capture
from helper.catalogue import Catalogue, OsSignatures, Vendor, load_catalogue
from helper.detect.engine import detect
from helper.parsers.agents import Agent, parse_agents
from helper.parsers.regfile import parse_regfile
from helper.parsers.serial import serial_from_capture
from helper.probe import windows as probe
from helper.probe.regfile_reader import RegFileReader
from helper.probe.registry import RegValue
from helper.probe.runner import CommandResult
from tests.conftest import CAPTURES

HKLM = "HKEY_LOCAL_MACHINE"
UNINSTALL = f"{HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall"
UNINSTALL32 = (
    f"{HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall"
)

# Installed software and services as regedit exports them (synthetic values).
SOFTWARE = f"""Windows Registry Editor Version 5.00

[{UNINSTALL}\\{{5E4D3C2B-1A09-4F8E-9D7C-6B5A49382716}}]
"AuthorizedCDFPrefix"=""
"DisplayName"="Workspace ONE Intelligent Hub Installer"
"DisplayVersion"="24.10.0.11"
"Publisher"="Omnissa, LLC"
"InstallLocation"="C:\\\\Program Files (x86)\\\\Airwatch\\\\"
"EstimatedSize"=dword:0001a2b3
"WindowsInstaller"=dword:00000001

[{UNINSTALL}\\7-Zip]
"DisplayName"="7-Zip 23.01 (x64)"
"DisplayVersion"="23.01"

[{UNINSTALL}\\AddressBook]
"SystemComponent"=dword:00000001

[{UNINSTALL}\\Blank]
"DisplayName"="   "

[{UNINSTALL32}\\{{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}}]
"DisplayName"="AirWatch Agent"
"DisplayVersion"=dword:00000001

[{HKLM}\\SYSTEM\\CurrentControlSet\\Services\\IntuneManagementExtension]
"Type"=dword:00000010
"Start"=dword:00000002
"DisplayName"="Microsoft Intune Management Extension"

[{HKLM}\\SYSTEM\\CurrentControlSet\\Services\\Spooler]
"Start"=dword:00000002

[{HKLM}\\SOFTWARE\\AIRWATCH\\BEACON\\CONSOLE SETTINGS]
"Server"="ds1380.awmdm.com"

"""

ENV = {
    "PROGRAMDATA": "D:\\ProgramData",  # moved to another drive
    "ProgramFiles": "C:\\Program Files",
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    "SystemRoot": "C:\\WINDOWS",
}
EXISTING = {
    "D:\\ProgramData\\AirWatch",
    "C:\\Program Files (x86)\\Microsoft Intune Management Extension",
}

CASE = CAPTURES / "win-ws1-and-intune"


# What the probe's PowerShell listing prints (one compressed JSON line; the
# names are synthetic): the built-in Administrator disabled as Windows ships
# it, the user's own local account, and the work account of an Entra join.
ADMINS_JSON = (
    b'[{"Name":"PC-ANA\\\\Administrator",'
    b'"SID":"S-1-5-21-3623811015-3361044348-30300820-500",'
    b'"PrincipalSource":"Local","Enabled":false},'
    b'{"Name":"PC-ANA\\\\ana","SID":"S-1-5-21-3623811015-3361044348-30300820-1001",'
    b'"PrincipalSource":"Local","Enabled":true},'
    b'{"Name":"AzureAD\\\\AnaLopez",'
    b'"SID":"S-1-12-1-1234567890-1234567890-1234567890-1234567890",'
    b'"PrincipalSource":"AzureAD","Enabled":null}]\r\n'
)
ADMINS_OK = CommandResult(
    list(probe.LOCAL_ADMINS), 0, stdout=ADMINS_JSON, duration_ms=1432.0
)


class Recorded:
    """A runner with one recorded result per program, remembering what it was asked.

    Args:
        result: what ``dsregcmd /status`` gives.
        admins: what the PowerShell Administrators listing gives.
    """

    def __init__(
        self,
        result: CommandResult | Exception,
        admins: CommandResult | Exception = ADMINS_OK,
    ) -> None:
        self.results = {"dsregcmd": result, "powershell.exe": admins}
        self.calls: list[list[str]] = []

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        self.calls.append(list(argv))
        if list(argv) == list(probe.SERIAL):
            # An HP laptop's BIOS serial, as PowerShell prints it.
            return CommandResult(list(argv), 0, stdout=b"5CG1234XYZ\r\n")
        if argv[0] not in self.results or list(argv) == list(probe.BITLOCKER):
            # The Wi-Fi and BitLocker sources (issue 17): tools this recorded
            # PC does not have (a desktop without Wi-Fi, Windows Home).
            return CommandResult(list(argv), None, error="not-found")
        result = self.results[argv[0]]
        if isinstance(result, Exception):
            raise result
        return result


def dsregcmd_ok(case: Path = CASE) -> Recorded:
    out = (case / "windows" / "dsregcmd-status.txt").read_bytes()
    return Recorded(
        CommandResult(["dsregcmd", "/status"], 0, stdout=out, duration_ms=812.4)
    )


def reader(case: Path | None = CASE, *extra: bytes) -> RegFileReader:
    files = [SOFTWARE.encode("utf-8"), *extra]
    if case is not None:
        for name in (layout.WIN_ENROLLMENTS, layout.WIN_OMADM):
            path = case / name
            if path.is_file():
                files.append(path.read_bytes())
    return RegFileReader.from_bytes(*files)


def run_probe(
    registry: RegFileReader | None = None,
    runner: Recorded | None = None,
    catalogue: Catalogue | None = None,
) -> Capture:
    return probe.probe_windows(
        catalogue or load_catalogue(),
        registry=registry or reader(),
        runner=runner or dsregcmd_ok(),
        path_exists=EXISTING.__contains__,
        env=ENV,
        now=lambda: "2026-11-20T09:12:44Z",
        os_version="10.0.22631",
        arch="AMD64",
        locale="fr_FR",
        helper_version="9.9.9",
    )


def test_full_probe_files_and_manifest() -> None:
    runner = dsregcmd_ok()
    capture = run_probe(runner=runner)
    assert runner.calls == [
        ["dsregcmd", "/status"],
        list(probe.LOCAL_ADMINS),
        list(probe.WLAN_INTERFACES),
        list(probe.BITLOCKER),
        list(probe.SERIAL),
    ]
    assert serial_from_capture(capture) == "5CG1234XYZ"
    manifest = capture.manifest
    assert (manifest.os, manifest.os_version, manifest.arch, manifest.locale) == (
        "windows",
        "10.0.22631",
        "AMD64",
        "fr_FR",
    )
    assert manifest.time == "2026-11-20T09:12:44Z"
    assert manifest.helper_version == "9.9.9"
    # This recorded PC has no NodeCache, Wi-Fi or BitLocker (issue 17 sources).
    absent = {layout.WIN_NODECACHE, layout.WIN_WLAN, layout.WIN_BITLOCKER}
    assert sorted(capture.files) == sorted(set(layout.BY_OS["windows"]) - absent)
    assert [s.file for s in manifest.sources] == list(layout.BY_OS["windows"])
    assert all(s.error is None for s in manifest.sources if s.file not in absent), (
        manifest.sources
    )
    assert {s.error for s in manifest.sources if s.file in absent} == {"not-found"}
    dsreg = capture.source(layout.WIN_DSREGCMD)
    assert dsreg is not None
    assert (dsreg.read, dsreg.exit_code, dsreg.duration_ms) == (
        "dsregcmd /status",
        0,
        812.4,
    )
    enroll = capture.source(layout.WIN_ENROLLMENTS)
    assert enroll is not None
    assert enroll.read == "HKLM\\SOFTWARE\\Microsoft\\Enrollments"
    assert enroll.duration_ms is not None


def test_exports_are_regedit_utf16_and_complete() -> None:
    capture = run_probe()
    for name in (layout.WIN_ENROLLMENTS, layout.WIN_OMADM):
        data = capture.read(name)
        assert data is not None and data.startswith(b"\xff\xfe")
        assert (
            data[2:]
            .decode("utf-16-le")
            .startswith(
                "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\"
            )
        )
        original = parse_regfile((CASE / name).read_bytes())
        exported = parse_regfile(data)
        # Every key and value of the subtree, nothing else.
        assert {k.path: k.values for k in exported.keys} == {
            k.path: k.values for k in original.keys
        }
    dsreg = capture.read(layout.WIN_DSREGCMD)
    assert dsreg == (CASE / layout.WIN_DSREGCMD).read_bytes()


def test_agents_found() -> None:
    capture = run_probe()
    data = capture.read(layout.WIN_AGENTS)
    assert data is not None
    assert json.loads(data)["schema"] == "agents/1"
    agents = parse_agents(data)
    assert agents == [
        Agent(
            "uninstall",
            "Workspace ONE Intelligent Hub Installer",
            "24.10.0.11; {5E4D3C2B-1A09-4F8E-9D7C-6B5A49382716}",
        ),
        # A DWORD version is not a version; the key name is the MSI ProductCode.
        Agent("uninstall", "AirWatch Agent", "{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}"),
        Agent("service", "IntuneManagementExtension"),
        Agent("path", "C:\\Program Files (x86)\\Microsoft Intune Management Extension"),
        Agent("registry-key", "HKLM\\SOFTWARE\\AirWatch"),
        Agent("path", "C:\\ProgramData\\AirWatch", "D:\\ProgramData\\AirWatch"),
    ]


def test_probe_then_detect_matches_the_library_case() -> None:
    capture = run_probe()
    result = detect(capture, load_catalogue())
    expected = json.loads((CASE / "expected.json").read_text(encoding="utf-8"))
    assert result.verdict == expected["verdict"] == "both-enrolled"
    assert [legacy.vendor for legacy in result.legacy] == ["workspace-one"]
    details = [e.detail for e in result.legacy[0].evidence]
    assert (
        "uninstall: Workspace ONE Intelligent Hub Installer "
        "(24.10.0.11; {5E4D3C2B-1A09-4F8E-9D7C-6B5A49382716})" in details
    )
    assert result.intune.enrolled is True
    assert result.entra.join == "entra-joined"
    # and the NodeCache, Wi-Fi and BitLocker sources this PC does not have
    # (the serial read from the BIOS, then the agents)
    assert [s.status for s in result.sources] == ["read"] * 4 + ["missing"] * 3 + [
        "read"
    ] * 2
    assert result.local_admin.present is True


def test_written_capture_replays_the_same(tmp_path: Path) -> None:
    capture = run_probe()
    out = write_capture(capture, tmp_path / "capture.zip")
    replayed = open_capture(out)
    assert replayed.files == capture.files
    catalogue = load_catalogue()
    live, again = detect(capture, catalogue), detect(replayed, catalogue)
    assert (live.verdict, live.legacy, live.intune, live.entra, live.warnings) == (
        again.verdict,
        again.legacy,
        again.intune,
        again.entra,
        again.warnings,
    )


def test_absent_keys_are_recorded_not_raised() -> None:
    capture = run_probe(registry=reader(None))
    assert layout.WIN_ENROLLMENTS not in capture.files
    assert layout.WIN_OMADM not in capture.files
    for name in (layout.WIN_ENROLLMENTS, layout.WIN_OMADM):
        info = capture.source(name)
        assert info is not None and info.error == "not-found"
    result = detect(capture, load_catalogue())
    assert result.verdict == "unknown"
    assert result.intune.enrolled is None
    assert result.sources[0].status == "missing"


def test_empty_enrollments_key_is_an_export_with_one_key() -> None:
    empty = b"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments]\n"
    capture = run_probe(registry=reader(None, empty))
    data = capture.read(layout.WIN_ENROLLMENTS)
    assert data is not None
    assert [k.path for k in parse_regfile(data).keys] == [probe.ENROLLMENTS]
    assert detect(capture, load_catalogue()).verdict == "unmanaged"


@pytest.mark.parametrize(
    ("result", "error", "exit_code"),
    [
        (CommandResult(["dsregcmd"], None, error="not-found"), "not-found", None),
        (
            CommandResult(["dsregcmd"], None, stdout=b"+---", error="timeout"),
            "timeout",
            None,
        ),
        (CommandResult(["dsregcmd"], 1, stderr=b"failed"), "exit code 1", 1),
        (CommandResult(["dsregcmd"], 0, stdout=b"\r\n"), "no output", 0),
        (OSError("pipe broke"), "OSError: pipe broke", None),
    ],
    ids=["not-found", "timeout", "exit-1", "no-output", "runner-raises"],
)
def test_dsregcmd_failures(
    result: CommandResult | Exception, error: str, exit_code: int | None
) -> None:
    capture = run_probe(runner=Recorded(result))
    assert layout.WIN_DSREGCMD not in capture.files
    info = capture.source(layout.WIN_DSREGCMD)
    assert info is not None
    assert (info.error, info.exit_code) == (error, exit_code)
    detection = detect(capture, load_catalogue())
    assert detection.entra.join == "unknown"
    assert detection.verdict == "both-enrolled"  # the rest still counts


def test_local_administrators_are_listed_by_sid_in_json() -> None:
    # By SID: the group's name is translated ("Administrateurs" in French).
    assert probe.LOCAL_ADMINS[0] == "powershell.exe"
    assert "-NoProfile" in probe.LOCAL_ADMINS
    assert "Get-LocalGroupMember -SID 'S-1-5-32-544'" in probe.LOCAL_ADMINS_SCRIPT
    assert "ConvertTo-Json" in probe.LOCAL_ADMINS_SCRIPT
    capture = run_probe()
    assert capture.read(layout.WIN_LOCAL_ADMINS) == ADMINS_JSON
    detection = detect(capture, load_catalogue())
    assert detection.local_admin.present is True
    assert "PC-ANA\\ana" in detection.local_admin.evidence[0].detail


@pytest.mark.parametrize(
    "admins",
    [
        # Get-LocalGroupMember fails on some PCs whose group holds a member it
        # cannot resolve: PowerShell exits 1 with the error on stderr.
        CommandResult(
            list(probe.LOCAL_ADMINS),
            1,
            stderr=b"Get-LocalGroupMember : Failed to compare two elements in the "
            b"array.\r\n",
        ),
        CommandResult(list(probe.LOCAL_ADMINS), None, error="not-found"),
    ],
    ids=["cmdlet-error", "no-powershell"],
)
def test_local_administrators_unknown_when_the_listing_fails(
    admins: CommandResult,
) -> None:
    capture = run_probe(runner=Recorded(dsregcmd_ok().results["dsregcmd"], admins))
    assert layout.WIN_LOCAL_ADMINS not in capture.files
    info = capture.source(layout.WIN_LOCAL_ADMINS)
    assert info is not None and info.error
    assert detect(capture, load_catalogue()).local_admin.present is None


def test_dsregcmd_non_zero_exit_with_output_is_kept() -> None:
    out = (CASE / layout.WIN_DSREGCMD).read_bytes()
    capture = run_probe(runner=Recorded(CommandResult(["dsregcmd"], 5, stdout=out)))
    assert capture.read(layout.WIN_DSREGCMD) == out
    info = capture.source(layout.WIN_DSREGCMD)
    assert info is not None and (info.exit_code, info.error) == (5, None)


class Broken(RegFileReader):
    """A registry whose reads fail below some paths (access denied, I/O error)."""

    def __init__(self, inner: RegFileReader, failing: str) -> None:
        self.inner = inner
        self.failing = failing.lower()

    def subkeys(self, path: str) -> list[str]:
        if path.lower().startswith(self.failing):
            raise PermissionError(13, "Access is denied")
        return self.inner.subkeys(path)

    def values(self, path: str) -> dict[str, RegValue] | None:
        return self.inner.values(path)


@pytest.mark.parametrize(
    ("failing", "file"),
    [
        ("HKLM\\SOFTWARE\\Microsoft\\Enrollments", layout.WIN_ENROLLMENTS),
        ("HKLM\\SOFTWARE\\Microsoft\\Provisioning", layout.WIN_OMADM),
        ("HKLM\\SOFTWARE\\Microsoft\\Windows", layout.WIN_AGENTS),
    ],
)
def test_registry_errors_are_recorded_not_raised(failing: str, file: str) -> None:
    capture = run_probe(registry=Broken(reader(), failing))
    assert file not in capture.files
    info = capture.source(file)
    assert info is not None and info.error is not None
    assert info.error.startswith("PermissionError")
    # Detection reports the unreadable source rather than guessing.
    codes = [w.code for w in detect(capture, load_catalogue()).warnings]
    assert "source-unreadable" in codes


def test_export_tree_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(probe, "MAX_KEYS", 3)
    keys = probe.export_tree(reader(), probe.ENROLLMENTS)
    assert keys is not None and len(keys) == 3
    monkeypatch.setattr(probe, "MAX_DEPTH", 0)
    keys = probe.export_tree(reader(), probe.ENROLLMENTS)
    assert keys is not None and [k.path for k in keys] == [probe.ENROLLMENTS]


def test_export_tree_keeps_registry_order() -> None:
    registry = RegFileReader.from_bytes(
        b"[HKLM\\R\\b]\n[HKLM\\R\\a]\n[HKLM\\R\\a\\z]\n[HKLM\\R\\c]\n"
    )
    keys = probe.export_tree(registry, "HKLM\\R")
    assert keys is not None
    assert [k.path for k in keys] == [
        "HKLM\\R",
        "HKLM\\R\\b",
        "HKLM\\R\\a",
        "HKLM\\R\\a\\z",
        "HKLM\\R\\c",
    ]


@pytest.mark.parametrize(
    ("path", "expanded"),
    [
        ("C:\\ProgramData\\AirWatch", "D:\\ProgramData\\AirWatch"),
        ("c:\\programdata", "D:\\ProgramData"),
        ("C:\\Program Files\\WorkspaceONE", "C:\\Program Files\\WorkspaceONE"),
        ("C:\\Program Files (x86)\\Airwatch", "C:\\Program Files (x86)\\Airwatch"),
        ("C:\\ProgramDataX\\Other", "C:\\ProgramDataX\\Other"),
        ("%ProgramData%\\VMware\\SfdAgent", "D:\\ProgramData\\VMware\\SfdAgent"),
        ("%PROGRAMFILES(X86)%\\Airwatch", "C:\\Program Files (x86)\\Airwatch"),
        ("%systemroot%\\System32", "C:\\WINDOWS\\System32"),
        ("%Unknown%\\x", "%Unknown%\\x"),
        ("50%\\off", "50%\\off"),
    ],
)
def test_expand_path(path: str, expanded: str) -> None:
    assert probe.expand_path(path, ENV) == expanded


def test_expand_path_without_environment() -> None:
    assert probe.expand_path("C:\\ProgramData\\X", {}) == "C:\\ProgramData\\X"


def test_unsupported_vendors_and_globs_are_skipped() -> None:
    catalogue = Catalogue(
        [
            Vendor(
                "off",
                "Off",
                windows=OsSignatures(supported=False, services=["Spooler"]),
            ),
            Vendor(
                "globby",
                "Globby",
                windows=OsSignatures(
                    paths=["C:\\ProgramData\\Air*"], uninstall_names=["7-zip*"]
                ),
            ),
        ]
    )
    capture = run_probe(catalogue=catalogue)
    data = capture.read(layout.WIN_AGENTS)
    assert data is not None
    assert parse_agents(data) == [Agent("uninstall", "7-Zip 23.01 (x64)", "23.01")]


def test_manifest_defaults_come_from_the_platform() -> None:
    capture = probe.probe_windows(
        load_catalogue(),
        registry=reader(),
        runner=dsregcmd_ok(),
        path_exists=lambda _: False,
        env={},
    )
    manifest = capture.manifest
    assert manifest.os == "windows"
    assert manifest.helper_version == __version__
    assert manifest.time is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest.time)
    assert manifest.arch  # whatever this machine is


def test_live_probe_wires_the_real_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live entry point only wires: check it passes the real collaborators."""
    import helper.probe.registry as registry_module
    import helper.probe.runner as runner_module

    seen: dict[str, object] = {}
    monkeypatch.setattr(registry_module, "WinRegReader", reader)
    monkeypatch.setattr(runner_module, "SubprocessRunner", dsregcmd_ok)

    real = probe.probe_windows

    def spy(catalogue: Catalogue, **kwargs: object) -> Capture:
        seen.update(kwargs)
        return real(catalogue, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(probe, "probe_windows", spy)
    capture = probe.live_windows_probe(load_catalogue())
    import os

    assert seen["path_exists"] is os.path.exists
    assert seen["env"] is os.environ
    assert capture.origin == "live"
    assert capture.read(layout.WIN_ENROLLMENTS) is not None


@pytest.mark.skipif(
    __import__("sys").platform == "win32", reason="the real registry exists there"
)
def test_live_probe_refuses_to_run_off_windows() -> None:
    with pytest.raises(OSError):
        probe.live_windows_probe(load_catalogue())


NODECACHE_WITH_VALUES = """Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Provisioning\\NodeCache\\CSP\\Device\\AirWatchMDM\\Nodes\\4]
"NodeUri"="./Vendor/MSFT/WiFi/Profile/CorpNet/WlanXml"
"ExpectedValue"="<WLANProfile><MSM><security><sharedKey><keyMaterial>s3cret-psk</keyMaterial></sharedKey></security></MSM></WLANProfile>"
"""


def test_nodecache_keeps_node_uris_only_and_detection_reads_them() -> None:
    """An ExpectedValue may hold a Wi-Fi's key material: never captured."""
    capture = run_probe(registry=reader(CASE, NODECACHE_WITH_VALUES.encode("utf-8")))
    exported = capture.read(layout.WIN_NODECACHE)
    assert exported is not None
    text = exported.decode("utf-16")
    assert "WiFi/Profile/CorpNet" in text
    assert "s3cret-psk" not in text and "ExpectedValue" not in text
    result = detect(capture, load_catalogue())
    assert [(p.kind, p.name, p.vendor) for p in result.payloads] == [
        ("wifi", "CorpNet", "workspace-one")
    ]
