# SPDX-License-Identifier: MIT
"""Parsers for the Linux evidence files of a capture.

- ``linux/packages.txt``: ``dpkg-query -W -f='${Package}\\t${Version}\\n'`` output,
  or ``rpm -qa`` output (``name-version-release.arch``).
- ``linux/dsreg-status.txt``: ``dsreg --status`` from microsoft-identity-broker
  ≥ 2.0.3: section titles, a dashed rule, then ``Key : Value`` lines.
- ``linux/intune-registration.toml``: ``~/.config/intune/registration.toml``
  (``device_hint``, ``aad_device_hint``).
- ``linux/ws1hubutil-status-enroll.json``: ``ws1HubUtil status --enroll`` JSON. Its
  schema is not documented anywhere we could find [UNVERIFIED], so the parser
  looks for enrollment-status and server-URL shaped keys at any depth.
"""

from __future__ import annotations

import json
import re

import msgspec

from helper.parsers import ParseError, decode_text, split_pair

# --- packages ------------------------------------------------------------------

# rpm -qa prints name-version-release(.arch); the name itself may contain dashes,
# so split on the last two dashes.
_RPM_LINE = re.compile(r"^(?P<name>.+)-(?P<version>[^-]+-[^-]+)$")
_PKG_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+._-]*$")


def parse_packages(data: bytes) -> dict[str, str]:
    """Package name → version from dpkg-query or rpm -qa output.

    Raises:
        ParseError: empty, binary, or no line looks like a package.
    """
    text = decode_text(data)
    packages: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "\t" in line:
            name, _, version = line.partition("\t")
            name, version = name.strip(), version.strip()
        else:
            match = _RPM_LINE.match(line)
            if match is None:
                # A bare name (a hand-written list, or a truncated last line).
                name, version = line.split()[0], ""
            else:
                name, version = match["name"], match["version"]
        # dpkg-query's ${Package} may carry an architecture qualifier.
        name = name.split(":", 1)[0]
        if _PKG_NAME.match(name):
            packages[name.lower()] = version
    if not packages:
        raise ParseError("no package lines")
    return packages


# --- dsreg --status ------------------------------------------------------------


class DsregStatus(msgspec.Struct):
    """What ``dsreg --status`` says.

    Attributes:
        sections: section title → key → value, as printed.
        registered: True/False from ``Device Registration Status``; None if absent.
        device_id: the Entra device id, when registered.
        tenant_id: the Entra tenant id (Device State, else Account).
    """

    sections: dict[str, dict[str, str]]
    registered: bool | None = None
    device_id: str | None = None
    tenant_id: str | None = None


_RULE = re.compile(r"^\s*[-=+]{3,}\s*$")
# A key: a letter, then letters, digits, spaces and ()/._- (checked on the
# text before the first colon: no backtracking over the line).
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9 ()/._-]*")


def parse_dsreg(data: bytes) -> DsregStatus:
    """Parse ``dsreg --status``; unknown sections and keys are kept, not rejected.

    Raises:
        ParseError: empty, binary, or no ``Key : Value`` line at all.
    """
    text = decode_text(data)
    lines = text.splitlines()
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for index, raw in enumerate(lines):
        if _RULE.match(raw):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        stripped = raw.strip()
        if stripped and ":" not in stripped and _RULE.match(following):
            current = stripped
            continue
        pair = split_pair(raw)
        if pair is None or not _KEY.fullmatch(pair[0]):
            continue
        key, value = pair
        sections.setdefault(current, {})[key] = value
    if not sections:
        raise ParseError("no 'Key : Value' lines")
    flat = {k.lower(): v for values in sections.values() for k, v in values.items()}
    device = {k.lower(): v for k, v in sections.get("Device State", {}).items()}
    status_text = flat.get("device registration status")
    registered: bool | None = None
    if status_text is not None:
        lowered = status_text.strip().lower()
        registered = lowered == "registered" or (
            "registered" in lowered and "not" not in lowered
        )
    return DsregStatus(
        sections=sections,
        registered=registered,
        device_id=_guid_or_none(device.get("device id") or flat.get("device id")),
        tenant_id=_guid_or_none(device.get("tenant id") or flat.get("tenant id")),
    )


_GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def _guid_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().strip("{}")
    return value.lower() if _GUID.match(value) else None


# --- ~/.config/intune/registration.toml ------------------------------------------


class IntuneRegistration(msgspec.Struct):
    """The Intune app's registration file: Intune and Entra device ids."""

    device_hint: str | None = None
    aad_device_hint: str | None = None


_TOML_PAIR = re.compile(r"""^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']([^"']*)["']\s*$""")


def parse_intune_registration(data: bytes) -> IntuneRegistration:
    """Parse registration.toml, leniently: a half-written file still yields its ids.

    Raises:
        ParseError: empty, binary, or neither id present.
    """
    text = decode_text(data)
    values: dict[str, str] = {}
    for line in text.splitlines():
        match = _TOML_PAIR.match(line)
        if match:
            values[match[1]] = match[2]
    result = IntuneRegistration(
        device_hint=_guid_or_none(values.get("device_hint")),
        aad_device_hint=_guid_or_none(values.get("aad_device_hint")),
    )
    if result.device_hint is None and result.aad_device_hint is None:
        raise ParseError("no device_hint or aad_device_hint")
    return result


# --- ws1HubUtil status --enroll ------------------------------------------------------


class Ws1HubStatus(msgspec.Struct):
    """What could be read from ``ws1HubUtil status --enroll``.

    Attributes:
        enrolled: True / False when a status key says so; None when unclear.
        server: a server URL found in the output, if any.
        status_detail: ``key=value`` of the status that decided ``enrolled``.
    """

    enrolled: bool | None = None
    server: str | None = None
    status_detail: str = ""


_NEGATIVE = ("unenrolled", "not enrolled", "notenrolled", "false", "no", "pending")
_POSITIVE = ("enrolled", "true", "yes", "complete", "completed", "success")


def _walk(
    node: object, path: str, out: list[tuple[str, object]], depth: int = 0
) -> None:
    if depth > 32:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            _walk(value, f"{path}.{key}" if path else str(key), out, depth + 1)
    elif isinstance(node, list):
        for index, value in enumerate(node[:1000]):
            _walk(value, f"{path}[{index}]", out, depth + 1)
    else:
        out.append((path, node))


def parse_ws1hub_status(data: bytes) -> Ws1HubStatus:
    """Parse the Hub's enrollment status JSON.

    Raises:
        ParseError: empty, binary or not JSON.
    """
    text = decode_text(data)
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {exc}") from None
    leaves: list[tuple[str, object]] = []
    _walk(doc, "", leaves)
    result = Ws1HubStatus()
    for path, value in leaves:
        key = path.rsplit(".", 1)[-1].lower()
        if result.server is None and isinstance(value, str) and "://" in value:
            if any(word in key for word in ("server", "url", "host", "endpoint")):
                result.server = value.strip()
        if "enroll" not in key or result.enrolled is not None:
            continue
        if isinstance(value, bool):
            result.enrolled = value
        elif isinstance(value, str):
            lowered = value.strip().lower()
            if lowered in _NEGATIVE or lowered.startswith(("un", "not")):
                result.enrolled = False
            elif lowered in _POSITIVE:
                result.enrolled = True
        if result.enrolled is not None:
            result.status_detail = f"{path}={value}"
    return result
