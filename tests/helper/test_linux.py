# SPDX-License-Identifier: MIT
"""Linux parsers, the Linux probe (on a fake root and live), and Linux detection."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.capture import layout
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.parsers import ParseError
from helper.parsers.linux import (
    parse_dsreg,
    parse_intune_registration,
    parse_packages,
    parse_ws1hub_status,
)
from helper.probe.linux import dpkg_status_to_packages, probe_linux
from helper.probe.runner import CommandResult

PARSERS = [parse_packages, parse_dsreg, parse_intune_registration, parse_ws1hub_status]

DPKG_STATUS = b"""Package: bash
Essential: yes
Status: install ok installed
Priority: required
Architecture: amd64
Version: 5.2.15-2+b8
Description: GNU Bourne Again SHell

Package: intune-portal
Status: install ok installed
Architecture: amd64
Version: 1.2411.11-jammy
Config-Version: 1.2405.0-jammy
Depends: microsoft-identity-broker (>= 2.0.1)

Package: old-agent
Status: deinstall ok config-files
Version: 0.9

Package: microsoft-identity-broker
Status: install ok installed
Version: 2.0.1
"""

DSREG = """Account
----------------------------------------
Tenant ID           : 8B1F6C4E-2A3D-4E5F-9A8B-7C6D5E4F3A2B

Device State
----------------------------------------
Device Registration Status : Registered
Device ID                  : {3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a}
"""


@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
@given(data=st.binary(max_size=2048))
def test_parsers_raise_only_parse_error_on_bytes(parser, data: bytes) -> None:  # type: ignore[no-untyped-def]
    try:
        parser(data)
    except ParseError:
        pass


@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
@given(text=st.text(max_size=1024))
def test_parsers_raise_only_parse_error_on_text(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    for encoding in ("utf-8", "utf-16"):
        try:
            parser(text.encode(encoding, errors="surrogatepass"))
        except ParseError:
            pass


@given(
    names=st.lists(
        st.from_regex(r"[a-z0-9][a-z0-9+.-]{0,20}", fullmatch=True),
        min_size=1,
        max_size=20,
    ),
    version=st.from_regex(r"[0-9][0-9a-z.+~:]{0,10}", fullmatch=True),
)
def test_dpkg_query_lines_parse_back(names: list[str], version: str) -> None:
    text = "".join(f"{n}\t{version}\r\n" for n in names)
    parsed = parse_packages(text.encode())
    assert set(parsed) == set(names)
    assert all(v == version for v in parsed.values())


def test_rpm_and_dpkg_formats() -> None:
    rpm = parse_packages(
        b"intune-portal-1.2411.11-1.el9.x86_64\nbash-5.1.8-9.el9.x86_64\n"
    )
    assert rpm == {
        "intune-portal": "1.2411.11-1.el9.x86_64",
        "bash": "5.1.8-9.el9.x86_64",
    }
    dpkg = parse_packages(b"libc6:amd64\t2.36-9  \nintune-portal\t1.2\n")
    assert dpkg == {"libc6": "2.36-9", "intune-portal": "1.2"}
    with pytest.raises(ParseError):
        parse_packages(b"   \n\n")


def test_dsreg_sections_and_ids() -> None:
    status = parse_dsreg(DSREG.replace("\n", "   \r\n").encode())
    assert status.registered is True
    assert status.device_id == "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a"
    assert status.tenant_id == "8b1f6c4e-2a3d-4e5f-9a8b-7c6d5e4f3a2b"
    assert "Account" in status.sections and "Device State" in status.sections
    not_registered = parse_dsreg(b"Device Registration Status : Not Registered\n")
    assert not_registered.registered is False
    truncated = parse_dsreg(DSREG[:100].encode())
    assert truncated.registered is None


def test_registration_file_lenient() -> None:
    reg = parse_intune_registration(
        b"# written by intune-portal\n"
        b'device_hint = "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D"\n'
        b"aad_device_hint = 'trunc"
    )
    assert reg.device_hint == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
    assert reg.aad_device_hint is None
    with pytest.raises(ParseError):
        parse_intune_registration(b"[section]\nother = 1\n")


def test_ws1hub_status_shapes() -> None:
    nested = {
        "hub": {
            "enrollment": {"status": "ENROLLED"},
            "serverURL": "https://cn1.awmdm.com",
        }
    }
    # A key named "status" alone is not enough: the key must mention enrollment.
    assert parse_ws1hub_status(json.dumps(nested).encode()).enrolled is None
    flat = parse_ws1hub_status(
        b'{"isEnrolled": true, "ServerUrl": "https://cn1.awmdm.com"}'
    )
    assert flat.enrolled is True and flat.server == "https://cn1.awmdm.com"
    assert parse_ws1hub_status(b'{"EnrollmentStatus": "Unenrolled"}').enrolled is False
    with pytest.raises(ParseError):
        parse_ws1hub_status(b"ws1HubUtil: command not found")


def test_dpkg_database_matches_dpkg_query_format() -> None:
    lines = dpkg_status_to_packages(DPKG_STATUS).decode().splitlines()
    # Installed packages only: config-files leftovers are not installed.
    assert lines == [
        "bash\t5.2.15-2+b8",
        "intune-portal\t1.2411.11-jammy",
        "microsoft-identity-broker\t2.0.1",
    ]


class RecordedRunner:
    """Replays recorded command outputs (the probe's only outside dependency)."""

    def __init__(self, outputs: dict[str, CommandResult]) -> None:
        self.outputs = outputs
        self.calls: list[list[str]] = []

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        self.calls.append(list(argv))
        name = Path(argv[0]).name
        return self.outputs.get(
            name, CommandResult(list(argv), None, error="not-found")
        )


def _fake_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "var/lib/dpkg").mkdir(parents=True)
    (root / "var/lib/dpkg/status").write_bytes(DPKG_STATUS)
    (root / "etc").mkdir()
    (root / "etc/os-release").write_text(
        'NAME="Ubuntu"\nPRETTY_NAME="Ubuntu 24.04.1 LTS"\n'
    )
    hub = root / "opt/vmware/ws1-hub/bin"
    hub.mkdir(parents=True)
    (hub / "ws1HubUtil").write_text("#!/bin/sh\n")
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/dsreg").write_text("#!/bin/sh\n")
    config = root / "home/ana/.config/intune"
    config.mkdir(parents=True)
    (config / "registration.toml").write_text(
        'device_hint = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"\n'
    )
    return root


def test_probe_on_fake_root_then_detect(tmp_path: Path) -> None:
    root = _fake_root(tmp_path)
    runner = RecordedRunner(
        {
            "dsreg": CommandResult(["dsreg"], 0, DSREG.encode()),
            "ws1HubUtil": CommandResult(
                ["ws1HubUtil"],
                0,
                b'{"EnrollmentStatus": "Enrolled", "ServerUrl": "https://ds42.awmdm.com"}',
            ),
        }
    )
    catalogue = load_catalogue()
    capture = probe_linux(
        catalogue,
        runner=runner,
        env={"HOME": "/home/ana"},
        root=str(root),
    )
    assert capture.manifest.os_version == "Ubuntu 24.04.1 LTS"
    assert [Path(c[0]).name for c in runner.calls] == ["dsreg", "ws1HubUtil"]
    # no NetworkManager on this fake root: no Wi-Fi source; no DMI serial either
    assert set(capture.files) == set(layout.BY_OS["linux"]) - {
        layout.LINUX_WIFI,
        layout.LINUX_SERIAL,
    }
    result = detect(capture, catalogue)
    assert result.verdict == "both-enrolled"
    assert [legacy.vendor for legacy in result.legacy] == ["workspace-one"]
    assert result.legacy[0].server == "ds42.awmdm.com"
    assert result.entra.join == "registered"
    assert result.intune.device_id == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"


def test_probe_records_failing_commands(tmp_path: Path) -> None:
    root = _fake_root(tmp_path)
    runner = RecordedRunner(
        {
            "dsreg": CommandResult(["dsreg"], None, error="timeout", duration_ms=20000),
            "ws1HubUtil": CommandResult(["ws1HubUtil"], 1, b"", b"must run as root"),
        }
    )
    capture = probe_linux(
        load_catalogue(), runner=runner, env={"HOME": "/x"}, root=str(root)
    )
    dsreg = capture.source(layout.LINUX_DSREG)
    assert dsreg is not None and dsreg.error == "timeout"
    ws1 = capture.source(layout.LINUX_WS1HUB)
    assert ws1 is not None and ws1.error == "exit code 1" and ws1.exit_code == 1
    assert layout.LINUX_DSREG not in capture.files
    result = detect(capture, load_catalogue())
    statuses = {s.file: s.status for s in result.sources}
    assert statuses[layout.LINUX_DSREG] == "unreadable"
    assert statuses[layout.LINUX_INTUNE_REG] == "missing"
    assert "source-unreadable" in [w.code for w in result.warnings]


@pytest.mark.live
@pytest.mark.skipif(
    not Path("/var/lib/dpkg/status").exists(), reason="needs a dpkg system"
)
def test_live_probe_reports_what_is_true() -> None:
    """On this very machine: the package list is dpkg-query's, and the verdict
    follows from what is installed."""
    catalogue = load_catalogue()
    capture = probe_linux(catalogue)
    packages = parse_packages(capture.files[layout.LINUX_PACKAGES])
    dpkg_query = shutil.which("dpkg-query")
    assert dpkg_query is not None
    real = subprocess.run(
        [dpkg_query, "-W", "-f=${db:Status-Status}\t${Package}\t${Version}\n"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {
        line.split("\t")[1]: line.split("\t")[2]
        for line in real.splitlines()
        if line.startswith("installed\t")
    }
    assert packages == installed
    result = detect(capture, catalogue)
    agents = [p for v in catalogue for p in v.linux.paths if os.path.exists(p)]
    legacy_expected = any(
        p
        for v in catalogue
        if v.role == "legacy"
        for p in v.linux.paths
        if os.path.exists(p)
    )
    assert bool(result.legacy) == legacy_expected, (agents, result.legacy)
    assert result.intune.enrolled is (
        "intune-portal" in installed
        and (Path.home() / ".config/intune/registration.toml").exists()
    )
    assert result.verdict != "unknown"
    read = {s.file for s in result.sources if s.status == "read"}
    assert layout.LINUX_PACKAGES in read and layout.LINUX_AGENTS in read
