# SPDX-License-Identifier: MIT
"""The device's serial number: parser, probes' serial files, the digest sent."""

from __future__ import annotations

import string
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.capture import layout
from helper.capture.model import Capture, Manifest
from helper.catalogue import load_catalogue
from helper.parsers import ParseError
from helper.parsers.serial import (
    PLACEHOLDERS,
    normalize_serial,
    parse_serial,
    serial_from_capture,
)
from helper.probe.linux import PRODUCT_SERIAL, probe_linux
from helper.probe.macos import probe_macos
from helper.probe.runner import CommandResult
from helper.report.event import serial_digest

# What firmware leaves in the field when the maker did not set it: AMI's
# defaults, dmidecode's "Not Specified", coreboot's 123456789, and zeros.
REAL_PLACEHOLDERS = [
    b"To be filled by O.E.M.\n",
    b"To Be Filled By O.E.M.\r\n",
    b"Default string\n",
    b"System Serial Number\n",
    b"0\n",
    b"None\n",
    b"Not Specified\n",
    b"000000000000\n",
    b"123456789\n",
    b'"IOPlatformSerialNumber" = ""\n',
]


def test_the_three_shapes() -> None:
    assert parse_serial(b'"IOPlatformSerialNumber" = "C02XYZ123ABC"\n') == (
        "C02XYZ123ABC"
    )
    # PowerShell's output (CRLF), and UTF-16 from a helpdesk's redirect.
    assert parse_serial(b"5CG1234XYZ\r\n") == "5CG1234XYZ"
    assert parse_serial("\ufeffPF3ABCDE\r\n".encode("utf-16-le")) == "PF3ABCDE"
    # A Dell service tag in lower case reads as Intune shows it.
    assert parse_serial(b"  8hj2k53 \n") == "8HJ2K53"


@pytest.mark.parametrize("data", REAL_PLACEHOLDERS)
def test_placeholders_are_no_serial(data: bytes) -> None:
    assert parse_serial(data) is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02\x03binary\xff\xfe",
        b"5CG1\n5CG2\n",  # two values: not the file the layout names
        b'"IOPlatformSerialNumber" = <"C02XYZ">\n',
        b"A" * 65 + b"\n",
        b"ABC\tDEF\n",
    ],
)
def test_refuses_what_is_not_a_serial_file(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_serial(data)


@given(st.binary(max_size=300))
def test_any_bytes_give_a_serial_none_or_parse_error(data: bytes) -> None:
    try:
        value = parse_serial(data)
    except ParseError:
        return
    assert value is None or (
        value == value.strip().upper()
        and 0 < len(value) <= 64
        and value not in PLACEHOLDERS
        and value.strip("0")
    )


SERIALS = st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=64)


@given(
    SERIALS, st.sampled_from(["{}\n", "{}\r\n", '  "IOPlatformSerialNumber" = "{}"\n'])
)
def test_a_real_serial_round_trips_in_every_shape(serial: str, shape: str) -> None:
    expected = normalize_serial(serial)
    assert parse_serial(shape.format(serial).encode()) == expected


@given(st.sampled_from(sorted(PLACEHOLDERS - {""})), st.booleans())
def test_placeholders_in_any_case_give_no_digest(placeholder: str, lower: bool) -> None:
    value = placeholder.lower() if lower else placeholder
    assert serial_digest(value) is None


def _capture(os_name: str, data: bytes | None) -> Capture:
    files = {} if data is None else {layout.SERIAL_BY_OS[os_name]: data}
    return Capture(Manifest(os=os_name), files, "file")  # type: ignore[arg-type]


def test_serial_from_capture_never_raises() -> None:
    assert serial_from_capture(_capture("windows", b"5CG1234XYZ\r\n")) == "5CG1234XYZ"
    assert serial_from_capture(_capture("linux", None)) is None
    assert serial_from_capture(_capture("macos", b"\x00\xff\x00binary")) is None


def test_linux_probe_reads_the_dmi_serial_when_allowed(tmp_path: Path) -> None:
    root = tmp_path / "root"
    dmi = root / PRODUCT_SERIAL.lstrip("/")
    catalogue = load_catalogue()
    # Root only on most distributions: absent here, so not known, no error.
    capture = probe_linux(catalogue, path_exists=lambda _p: False, root=str(root))
    assert serial_from_capture(capture) is None
    source = capture.source(layout.LINUX_SERIAL)
    assert source is not None and source.error == "not-found"
    dmi.parent.mkdir(parents=True)
    dmi.write_bytes(b"PF3ABCDE\n")
    capture = probe_linux(catalogue, path_exists=lambda _p: False, root=str(root))
    assert capture.read(layout.LINUX_SERIAL) == b"PF3ABCDE\n"
    assert serial_from_capture(capture) == "PF3ABCDE"


class _Ioreg:
    """ioreg answering without the serial property (a Hackintosh, a VM)."""

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        out = b'+-o VMware7,1  <class IOPlatformExpertDevice>\n  "model" = <"VM">\n'
        return CommandResult(list(argv), 0, stdout=out if "-rd1" in argv else b"x\n")


def test_macos_probe_without_a_serial_line_keeps_nothing() -> None:
    capture = probe_macos(
        load_catalogue(),
        runner=_Ioreg(),
        path_exists=lambda _p: False,
        list_dir=lambda _p: [],
        bundle_id=lambda _p: None,
    )
    assert capture.read(layout.MAC_SERIAL) is None
    source = capture.source(layout.MAC_SERIAL)
    assert source is not None and source.error == "no IOPlatformSerialNumber"
