# SPDX-License-Identifier: MIT
"""Microsoft Entra registration of a Mac: ``app-sso platform -s`` and the
Workplace Join record in the login keychain.

A Mac is registered in Microsoft Entra ID either by Company Portal's sign-in
(Workplace Join) or by Platform SSO registration (docs/capture-format.md;
Microsoft Entra docs: device-join-macos-platform-single-sign-on checks the
registration with ``app-sso platform -s``; the Intune docs on Jamf integration
name the keychain's ``com.microsoft.workplacejoin.thumbprint`` record).

``app-sso platform -s`` (macOS 13+, run as the user) prints titled sections,
each title followed by a JSON object or ``(null)``::

    Device Configuration:
     {
      "extensionIdentifier" : "com.microsoft.CompanyPortalMac.ssoextension",
      "registrationCompleted" : true,
      ...
    }

    Login Configuration:
     {
      "issuer" : "https://login.microsoftonline.com/<tenant id>/v2.0",
      ...
    }

    User Configuration:
     (null)

``security find-generic-password -a com.microsoft.workplacejoin.thumbprint``
prints the attributes of the Workplace Join record (never its secret: no
``-g``), or exits 44 when the keychain has none::

    keychain: "/Users/ana/Library/Keychains/login.keychain-db"
    version: 512
    class: "genp"
    attributes:
        "acct"<blob>="com.microsoft.workplacejoin.thumbprint"
        ...
"""

from __future__ import annotations

import json
import re

import msgspec

from helper.parsers import ParseError, decode_text

MICROSOFT_EXTENSION = "com.microsoft.CompanyPortalMac.ssoextension"
WORKPLACE_JOIN_ACCOUNT = "com.microsoft.workplacejoin.thumbprint"

_SECTION = re.compile(r"^([A-Z][A-Za-z ]+):\s*$", re.MULTILINE)
_TENANT = re.compile(
    r"login\.microsoftonline\.(?:com|us)/"
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/",
    re.IGNORECASE,
)
_REGISTERED = re.compile(r'"registrationCompleted"\s*:\s*(true|false|1|0)\b')
_ACCOUNT = re.compile(r'^\s*"acct"<blob>="([^"]*)"\s*$', re.MULTILINE)
_CLASS = re.compile(r'^\s*class:\s*"?([A-Za-z0-9]+)"?\s*$', re.MULTILINE)


class PlatformSso(msgspec.Struct, frozen=True):
    """What ``app-sso platform -s`` says about Platform SSO on this Mac.

    Attributes:
        configured: Platform SSO is configured (a Device Configuration).
        registered: the device registration completed (``registrationCompleted``).
        extension: the SSO extension's bundle id (Microsoft's is Company Portal's).
        tenant_id: the Entra tenant of the identity provider's URLs, when shown.
    """

    configured: bool
    registered: bool = False
    extension: str | None = None
    tenant_id: str | None = None

    @property
    def entra_registered(self) -> bool:
        """Registered with Microsoft's extension (Microsoft Entra ID)."""
        return self.registered and self.extension == MICROSOFT_EXTENSION


def _sections(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    matches = list(_SECTION.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found.setdefault(match.group(1).strip(), text[match.end() : end])
    return found


def _object(body: str) -> dict[str, object] | None:
    """The JSON object a section holds; None for ``(null)`` or unreadable."""
    start = body.find("{")
    if start < 0:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(body[start:])
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def parse_app_sso_platform(data: bytes) -> PlatformSso:
    """Parse ``app-sso platform -s``.

    The sections' bodies are JSON; a body that does not decode (a truncated
    output) is searched for ``"registrationCompleted" : true`` instead.

    Raises:
        ParseError: empty, binary, or no ``Device Configuration:`` section.
    """
    text = decode_text(data)
    sections = _sections(text)
    if "Device Configuration" not in sections:
        raise ParseError("no Device Configuration section")
    body = sections["Device Configuration"]
    if body.strip().startswith("(null)"):
        return PlatformSso(configured=False)
    device = _object(body)
    tenant = None
    for name in ("Login Configuration", "Device Configuration"):
        match = _TENANT.search(sections.get(name, ""))
        if match:
            tenant = match.group(1).lower()
            break
    if device is None:
        flag = _REGISTERED.search(body)
        registered = flag is not None and flag.group(1) in ("true", "1")
        extension = MICROSOFT_EXTENSION if MICROSOFT_EXTENSION in body else None
        return PlatformSso(True, registered, extension, tenant)
    done = device.get("registrationCompleted")
    named = device.get("extensionIdentifier")
    return PlatformSso(
        configured=True,
        registered=done is True or done == 1,
        extension=named if isinstance(named, str) else None,
        tenant_id=tenant,
    )


class KeychainItem(msgspec.Struct, frozen=True):
    """One item ``security find-generic-password`` printed.

    Attributes:
        item_class: ``genp`` (a generic password: an "application password").
        account: its ``acct`` attribute.
    """

    item_class: str
    account: str | None = None

    @property
    def workplace_join(self) -> bool:
        """Company Portal's Workplace Join record (the Mac is registered)."""
        return self.item_class == "genp" and self.account == WORKPLACE_JOIN_ACCOUNT


def parse_keychain_item(data: bytes) -> KeychainItem:
    """Parse ``security find-generic-password`` output (attributes only).

    Raises:
        ParseError: empty, binary, or not an item listing (no ``class:`` line).
    """
    text = decode_text(data)
    klass = _CLASS.search(text)
    if klass is None or "attributes:" not in text:
        raise ParseError("not a keychain item listing")
    account = _ACCOUNT.search(text)
    return KeychainItem(klass.group(1), account.group(1) if account else None)
