# SPDX-License-Identifier: MIT
"""The Wi-Fi network the device is on now, from each OS's own tool.

- Windows: ``netsh wlan show interfaces``: one block per wireless interface,
  ``Key : Value`` lines; the ``SSID`` and ``Profile`` keys are not translated
  ("Profil" in French is, so both spellings are read), ``BSSID`` is another
  key. Windows 11 24H2 prints a location-permission message instead when
  location services are off [COMMUNITY]: that is "not known", not "no Wi-Fi".
- macOS: ``ipconfig getsummary en0``: an indented ``SSID : <name>`` line when
  associated; macOS 15 prints ``<redacted>`` to processes without location
  permission [COMMUNITY], which is "not known".
- Linux: ``nmcli -t -f ACTIVE,SSID dev wifi``: terse ``yes:<ssid>`` /
  ``no:<ssid>`` lines, ``:`` and ``\\`` escaped with a backslash [DOC nmcli(1)].

The SSID is the user's network name: it stays on the device (capture, window),
never in a report.
"""

from __future__ import annotations

import msgspec

from helper.parsers import ParseError, decode_text, split_pair

# An SSID is at most 32 bytes (IEEE 802.11); tools print it as text.
MAX_SSID = 64
_REDACTED = "<redacted>"


class CurrentWifi(msgspec.Struct, frozen=True):
    """What a tool says about the current Wi-Fi.

    Attributes:
        known: the tool's answer could be read (False: location permission
            missing, redacted...).
        ssid: the SSID when associated; None when not on Wi-Fi.
        profile: Windows: the WLAN profile in use (its name is the Wi-Fi CSP
            node an MDM gave it); None elsewhere.
    """

    known: bool
    ssid: str | None = None
    profile: str | None = None


UNKNOWN = CurrentWifi(known=False)


def _clean(value: str) -> str | None:
    value = value.strip()
    if not value or len(value) > MAX_SSID:
        return None
    return value


def parse_netsh_wlan_interfaces(data: bytes) -> CurrentWifi:
    """``netsh wlan show interfaces`` → the connected interface's SSID.

    Raises:
        ParseError: empty or binary output.
    """
    text = decode_text(data)
    ssid: str | None = None
    profile: str | None = None
    saw_interface = False
    for line in text.splitlines():
        pair = split_pair(line)
        if pair is None:
            continue
        key, value = pair
        folded = key.casefold()
        if folded in ("name", "nom", "guid"):
            saw_interface = True
        elif folded == "ssid" and ssid is None:
            ssid = _clean(value)
        elif folded in ("profile", "profil") and profile is None:
            profile = _clean(value)
    if ssid is not None:
        return CurrentWifi(True, ssid, profile)
    lowered = text.casefold()
    if "location" in lowered or "emplacement" in lowered:
        return UNKNOWN  # Windows 11 24H2 without location permission
    if saw_interface or "no wireless interface" in lowered:
        return CurrentWifi(True)  # an interface, not connected; or none at all
    raise ParseError("not netsh wlan show interfaces output")


def parse_ipconfig_summary(data: bytes) -> CurrentWifi:
    """``ipconfig getsummary en0`` (macOS) → the SSID.

    Raises:
        ParseError: empty or binary output.
    """
    text = decode_text(data)
    saw_summary = False
    for line in text.splitlines():
        pair = split_pair(line)
        if pair is None:
            if "<dictionary>" in line:
                saw_summary = True
            continue
        key, value = pair
        if key == "SSID":
            if value.strip() == _REDACTED:
                return UNKNOWN
            ssid = _clean(value)
            return CurrentWifi(True, ssid) if ssid else UNKNOWN
        if key in ("InterfaceType", "LinkStatusActive", "Hashed-BSSID"):
            saw_summary = True
    if saw_summary:
        return CurrentWifi(True)  # the interface answered: not on Wi-Fi
    raise ParseError("not ipconfig getsummary output")


def _nmcli_fields(line: str) -> list[str]:
    """Split a terse nmcli line on unescaped colons, unescaping ``\\:``, ``\\\\``."""
    fields: list[str] = []
    current: list[str] = []
    chars = iter(line)
    for char in chars:
        if char == "\\":
            current.append(next(chars, ""))
        elif char == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def parse_nmcli_wifi(data: bytes) -> CurrentWifi:
    """``nmcli -t -f ACTIVE,SSID dev wifi`` → the active SSID.

    Empty output is a valid answer (no Wi-Fi network in range): not on Wi-Fi.

    Raises:
        ParseError: binary output, or lines that are not ``yes|no:<ssid>``.
    """
    if not data.strip():
        return CurrentWifi(True)
    text = decode_text(data)
    # nmcli ends records with \n only: splitlines() would also cut an SSID at
    # characters such as \x1e or \x85, which an SSID may hold.
    for line in text.split("\n"):
        if not line.strip():
            continue
        fields = _nmcli_fields(line.rstrip("\r"))
        if len(fields) != 2 or fields[0] not in ("yes", "no", "oui", "non"):
            raise ParseError("not nmcli -t -f ACTIVE,SSID output")
        if fields[0] in ("yes", "oui"):
            ssid = _clean(fields[1])
            if ssid:
                return CurrentWifi(True, ssid)
    return CurrentWifi(True)
