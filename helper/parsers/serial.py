# SPDX-License-Identifier: MIT
"""The device's serial number, from the capture's serial file.

Three shapes, one per OS (docs/capture-format.md):

- macOS: the one line ``"IOPlatformSerialNumber" = "C02XYZ123ABC"`` the probe
  keeps from ``ioreg -rd1 -c IOPlatformExpertDevice``;
- Windows: ``(Get-CimInstance -ClassName Win32_BIOS).SerialNumber``, one line;
- Linux: the content of ``/sys/class/dmi/id/product_serial``, one line.

Firmware makers leave placeholders in the SMBIOS serial field ("To be filled by
O.E.M.", "Default string"...): those are no serial, the parser says None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from helper.parsers import ParseError, decode_text

if TYPE_CHECKING:
    from helper.capture.model import Capture

# Values firmware writes when the maker left the field empty: not a serial.
# [COMMUNITY] AMI BIOS defaults ("To be filled by O.E.M.", "Default string"),
# the SMBIOS template's "System Serial Number", "Not Specified" / "Not
# Applicable" from dmidecode's output of empty fields, and the zeros and
# "0123456789" of white-box and virtual machines.
PLACEHOLDERS: Final = frozenset(
    {
        "",
        "0",
        "0123456789",
        "123456789",
        "DEFAULT STRING",
        "NONE",
        "N/A",
        "NOT APPLICABLE",
        "NOT SPECIFIED",
        "NOT AVAILABLE",
        "SYSTEM SERIAL NUMBER",
        "TO BE FILLED BY O.E.M.",
        "UNKNOWN",
        "CHASSIS SERIAL NUMBER",
        "INVALID",
    }
)
# SMBIOS strings are at most 64 bytes in practice; Intune shows them whole.
MAX_SERIAL_LENGTH: Final = 64
_IOREG_LINE: Final = re.compile(r'"IOPlatformSerialNumber"\s*=\s*"([^"\r\n]*)"')
_PRINTABLE: Final = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")


def normalize_serial(serial: str) -> str | None:
    """The serial as compared and digested: surrounding spaces removed, upper
    case; None for empty, all-zero or placeholder values."""
    value = serial.strip().upper()
    if value in PLACEHOLDERS or not value.strip("0"):
        return None
    return value


def parse_serial(data: bytes) -> str | None:
    """The serial number a capture's serial file holds.

    Args:
        data: one of the three shapes above (UTF-8 or UTF-16, CRLF tolerated).

    Returns:
        The serial, upper case; None when the file holds a placeholder.

    Raises:
        ParseError: empty or binary input, an ioreg output without the serial
            line, several values, or a value no firmware writes (control
            characters, longer than :data:`MAX_SERIAL_LENGTH`).
    """
    text = decode_text(data)
    if "IOPlatformSerialNumber" in text:
        match = _IOREG_LINE.search(text)
        if match is None:
            raise ParseError("IOPlatformSerialNumber line without a quoted value")
        value = match.group(1)
    else:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) != 1:
            raise ParseError(f"expected one line, found {len(lines)}")
        value = lines[0]
    value = value.strip()
    if len(value) > MAX_SERIAL_LENGTH:
        raise ParseError("longer than any serial number")
    if value and _PRINTABLE.fullmatch(value) is None:
        raise ParseError("not printable ASCII")
    return normalize_serial(value)


def serial_from_capture(capture: Capture) -> str | None:
    """The serial number of the device a capture describes; None when its
    serial file is absent, unreadable or a placeholder (never raises)."""
    from helper.capture.layout import SERIAL_BY_OS

    data = capture.read(SERIAL_BY_OS[capture.os])
    if data is None:
        return None
    try:
        return parse_serial(data)
    except ParseError:
        return None
