# SPDX-License-Identifier: MIT
"""Hostile captures at the size caps, for the parse-time test and ``make bench``.

Each case is one capture file at its cap (``layout.max_bytes``) shaped to
make a backtracking regular expression or a per-key scan blow up: one long
line of spaces (the 83 s dsregcmd case was 300 KB of it), a banner line of
spaces, many ``Key : Value`` lines, and a .reg export with tens of thousands of
enrollment keys (36 s at 3.75 MB before the index). A case is timed as a whole
capture: open (read and decode every file) and detect.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from helper.capture import layout


def _fill(cap: int, unit: bytes, *, head: bytes = b"", tail: bytes = b"") -> bytes:
    """``head`` + ``unit`` repeated + ``tail``, exactly at ``cap``."""
    room = cap - len(head) - len(tail)
    body = unit * (room // len(unit))
    return head + body + b" " * (room - len(body)) + tail


def _reg(keys: int, provider: str = "MS DM Server") -> bytes:
    lines = ["Windows Registry Editor Version 5.00", ""]
    base = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments"
    for n in range(keys):
        guid = str(uuid.UUID(int=n)).upper()
        lines += [
            f"[{base}\\{guid}]",
            f'"ProviderID"="{provider}"',
            '"UPN"="user@contoso.example"',
            '"EnrollmentState"=dword:00000001',
            '"EnrollmentType"=dword:00000006',
            f'"DiscoveryServiceFullURL"="https://enrollment.example/{n}"',
            "",
        ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


def _reg_at_cap(provider: str = "MS DM Server", cap: int = 0) -> bytes:
    # About 420 bytes (UTF-16) per key: as many keys as fit under the cap.
    keys = cap // 420
    data = _reg(keys, provider)
    while len(data) > cap:
        keys = keys * 9 // 10
        data = _reg(keys, provider)
    return data


@dataclass(frozen=True)
class Case:
    """One hostile capture: its OS, the file at its cap, and how to make it
    (``make(cap)``)."""

    name: str
    os: str
    file: str
    make: Callable[[int], bytes]

    @property
    def cap(self) -> int:
        return layout.max_bytes(self.file)


CASES: tuple[Case, ...] = (
    Case(
        "dsregcmd: one line of spaces",
        "windows",
        layout.WIN_DSREGCMD,
        lambda cap: _fill(cap, b" ", head=b"a", tail=b"b"),
    ),
    Case(
        "dsregcmd: a banner of spaces",
        "windows",
        layout.WIN_DSREGCMD,
        lambda cap: _fill(cap, b" ", head=b"|", tail=b"x"),
    ),
    Case(
        "dsregcmd: Key : Value lines",
        "windows",
        layout.WIN_DSREGCMD,
        lambda cap: _fill(cap, b"  AzureAdJoined :   YES   \r\n"),
    ),
    Case(
        "enrollments.reg: keys up to the cap",
        "windows",
        layout.WIN_ENROLLMENTS,
        lambda cap: _reg_at_cap(cap=cap),
    ),
    Case(
        "enrollments.reg: unknown MDMs up to the cap",
        "windows",
        layout.WIN_ENROLLMENTS,
        lambda cap: _reg_at_cap("Some Unknown MDM", cap),
    ),
    Case(
        "dsreg (Linux): one line of spaces",
        "linux",
        layout.LINUX_DSREG,
        lambda cap: _fill(cap, b" ", head=b"Device", tail=b"x"),
    ),
    Case(
        "dsreg (Linux): Key : Value lines",
        "linux",
        layout.LINUX_DSREG,
        lambda cap: _fill(cap, b"Device Registration Status : Registered\n"),
    ),
    Case(
        "packages.txt: one long name",
        "linux",
        layout.LINUX_PACKAGES,
        lambda cap: _fill(cap, b"a-", tail=b"\t1"),
    ),
    Case(
        "packages.txt: lines at the cap",
        "linux",
        layout.LINUX_PACKAGES,
        lambda cap: _fill(cap, b"intune-portal\t1.2403.12-jammy\n"),
    ),
    Case(
        "registration.toml: one line of spaces",
        "linux",
        layout.LINUX_INTUNE_REG,
        lambda cap: _fill(cap, b" ", head=b"a", tail=b"="),
    ),
    Case(
        "ws1HubUtil JSON: deep nesting",
        "linux",
        layout.LINUX_WS1HUB,
        lambda cap: _fill(cap, b"[", tail=b"]"),
    ),
    Case(
        "profiles show: one line of spaces",
        "macos",
        layout.MAC_SHOW,
        lambda cap: _fill(
            cap, b" ", head=b"Device Enrollment configuration", tail=b"x"
        ),
    ),
    Case(
        "profiles -C: one long plist string",
        "macos",
        layout.MAC_PROFILES,
        lambda cap: _fill(
            cap,
            b" ",
            head=b'<?xml version="1.0"?><plist version="1.0"><dict><key>a</key>'
            b"<string>",
            tail=b"</string></dict></plist>",
        ),
    ),
)


def write_case(case: Case, folder: Path) -> Path:
    """A capture folder holding the case's file and a manifest."""
    target = folder / case.file
    target.parent.mkdir(parents=True, exist_ok=True)
    data = case.make(case.cap)
    assert len(data) <= case.cap, case.name
    target.write_bytes(data)
    manifest = {"os": case.os}
    (folder / layout.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def timed_cases(root: Path) -> Iterator[tuple[Case, float]]:
    """Each case written under ``root``, then opened and detected: seconds."""
    from helper.capture.store import open_capture
    from helper.catalogue import load_catalogue
    from helper.detect.engine import detect

    catalogue = load_catalogue()
    for index, case in enumerate(CASES):
        folder = write_case(case, root / f"case-{index}")
        start = time.perf_counter()
        detect(open_capture(folder), catalogue)
        yield case, time.perf_counter() - start
