# SPDX-License-Identifier: MIT
"""Leftovers: the catalogue, the dry run helpdesk sees, and removal only of what
the catalogue marks safe, through the allowlist, the OS's elevation (faked: the
Windows ShellExecuteW boundary) and the confirmation, checked by detecting again."""

from __future__ import annotations

from pathlib import Path

import pytest

from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.detect.model import Detection
from helper.helpdesk import diagnostics_text
from helper.journey.allowlist import Allowlist, CommandRule
from helper.journey.launch import Launcher
from helper.leftovers import (
    LeftoversError,
    dry_run,
    load_leftovers,
    removal_step,
    remove,
)
from tests.conftest import CAPTURES

CATALOGUE = load_catalogue()
GUID = "3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F"
KEY = f"HKLM\\SOFTWARE\\Microsoft\\Enrollments\\{GUID}"


def detected(case: str) -> Detection:
    return detect(open_capture(CAPTURES / case), CATALOGUE)


def test_the_built_in_catalogue_marks_nothing_safe() -> None:
    items = load_leftovers()
    assert {
        "windows-stale-enrollment",
        "windows-stale-mdm-certificate",
        "windows-enterprisemgmt-tasks",
        "macos-workplace-join-record",
        "agent",
    } <= set(items)
    # No vendor documentation says removing any of them is the fix.
    assert [i.id for i in items.values() if i.safe] == []
    assert all(i.source.startswith("[") for i in items.values())


def test_detection_lists_a_stale_enrollment_its_certificate_and_the_agent() -> None:
    found = [
        (f.item, f.target, f.vendor) for f in detected("win-stale-leftovers").leftovers
    ]
    assert found == [
        ("windows-stale-enrollment", GUID, "workspace-one"),
        (
            "windows-stale-mdm-certificate",
            "4E1D2C3B4A59687766554433221100FFEEDDCCBB",
            "workspace-one",
        ),
        ("agent", "workspace-one", "workspace-one"),
    ]
    # a live enrollment is not a leftover
    assert detected("win-ws1-enrolled").leftovers == []


def test_diagnostics_carry_the_dry_run_but_no_wifi_name() -> None:
    text = diagnostics_text(None, versions="test")
    assert "Leftovers" not in text  # no detection: nothing to list
    from helper.helpdesk import preflight_lines

    lines = "\n".join(preflight_lines(detected("win-stale-leftovers")))
    assert "windows-stale-enrollment of workspace-one" in lines
    assert "not removed by the helper" in lines
    wifi = "\n".join(preflight_lines(detected("win-ws1-wifi-bitlocker")))
    assert "On Wi-Fi: yes" in wifi and "CorpNet" not in wifi
    assert "1 wifi (workspace-one)" in wifi
    assert "Encryption: bitlocker on, recovery key unknown" in wifi


SAFE_TOML = """
schema = "leftovers/1"

[[items]]
id = "windows-stale-enrollment"
platform = "windows"
what = "a stale Enrollments key"
blocks = "0x8018000A"
source = "[DOC example.com test fixture] pretend a vendor documents this removal"
safe = true
remove = ["reg.exe", "delete", "{leftover_target}", "/f"]
"""


def safe_catalogue(tmp_path: Path, text: str = SAFE_TOML):  # type: ignore[no-untyped-def]
    path = tmp_path / "leftovers.toml"
    path.write_text(text, encoding="utf-8")
    return load_leftovers(path)


def test_a_safe_item_needs_a_documented_source_and_a_command(tmp_path: Path) -> None:
    undocumented = SAFE_TOML.replace("[DOC example.com", "[COMMUNITY example.com")
    with pytest.raises(LeftoversError, match="safe needs a \\[DOC"):
        safe_catalogue(tmp_path, undocumented)
    no_command = SAFE_TOML.replace(
        'remove = ["reg.exe", "delete", "{leftover_target}", "/f"]', ""
    )
    with pytest.raises(LeftoversError, match="remove command"):
        safe_catalogue(tmp_path, no_command)


class Elevation:
    """The Windows elevation boundary (ShellExecuteW "runas"), recorded."""

    def __init__(self, answer: int = 42) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str]] = []

    def __call__(self, file: str, parameters: str) -> int:
        self.calls.append((file, parameters))
        return self.answer


def launcher(elevation: Elevation, *, allowed: bool = True) -> Launcher:
    # The removal command as the allowlist would have to name it (elevated).
    rules = (
        [
            CommandRule(
                argv=["reg.exe", "delete", GUID, "/f"], platform="windows", elevate=True
            )
        ]
        if allowed
        else []
    )
    return Launcher(Allowlist([], rules), platform="windows", shell_execute=elevation)


def test_not_safe_items_are_never_launched() -> None:
    elevation = Elevation()
    entry = dry_run(detected("win-stale-leftovers"))[0]
    assert removal_step(entry) is None
    result = remove(
        entry,
        launcher(elevation),
        confirmed=True,
        detect_again=lambda: detected("win-stale-leftovers"),
    )
    assert result.code == "not-safe"
    assert elevation.calls == []


def test_safe_item_removed_elevated_then_checked_again(tmp_path: Path) -> None:
    items = safe_catalogue(tmp_path)
    entry = dry_run(detected("win-stale-leftovers"), items)[0]
    assert entry.removable
    elevation = Elevation()
    gone = remove(
        entry,
        launcher(elevation),
        confirmed=True,
        detect_again=lambda: detected("win-workgroup-unmanaged"),
    )
    assert gone.code == "removed"
    assert elevation.calls == [("reg.exe", f"delete {GUID} /f")]
    # the device still shows it: said so, not "removed"
    still = remove(
        entry,
        launcher(Elevation()),
        confirmed=True,
        detect_again=lambda: detected("win-stale-leftovers"),
    )
    assert still.code == "still-present"


def test_removal_needs_confirmation_allowlist_and_the_prompt(tmp_path: Path) -> None:
    entry = dry_run(detected("win-stale-leftovers"), safe_catalogue(tmp_path))[0]

    def again() -> Detection:
        raise AssertionError("nothing ran: no need to detect again")

    elevation = Elevation()
    unconfirmed = remove(
        entry, launcher(elevation), confirmed=False, detect_again=again
    )
    assert (unconfirmed.code, unconfirmed.launch.code) == ("refused", "not-confirmed")  # type: ignore[union-attr]
    not_allowed = remove(
        entry, launcher(elevation, allowed=False), confirmed=True, detect_again=again
    )
    assert (not_allowed.code, not_allowed.launch.code) == (  # type: ignore[union-attr]
        "refused",
        "not-allowlisted",
    )
    assert elevation.calls == []
    declined = remove(entry, launcher(Elevation(5)), confirmed=True, detect_again=again)
    assert (declined.code, declined.launch.code) == ("failed", "cancelled")  # type: ignore[union-attr]


def test_a_target_of_the_wrong_shape_is_never_removable(tmp_path: Path) -> None:
    detection = detected("win-stale-leftovers")
    detection.leftovers[0] = type(detection.leftovers[0])(
        "windows-stale-enrollment", "X /f & calc", "workspace-one"
    )
    entry = dry_run(detection, safe_catalogue(tmp_path))[0]
    assert not entry.removable and removal_step(entry) is None
