# SPDX-License-Identifier: MIT
"""``windows/local-admins.json``: the members of the local Administrators group.

The Windows probe runs Windows PowerShell's ``Get-LocalGroupMember`` on the
group's well-known SID ``S-1-5-32-544`` (its name is translated: "Administrators",
"Administrateurs"...) and prints one JSON array, compressed::

    [{"Name":"PC-ANA\\\\Administrator","SID":"S-1-5-21-…-500",
      "PrincipalSource":"Local","Enabled":false},
     {"Name":"PC-ANA\\\\ana","SID":"S-1-5-21-…-1001",
      "PrincipalSource":"Local","Enabled":true},
     {"Name":"AzureAD\\\\AnaLopez","SID":"S-1-12-1-…",
      "PrincipalSource":"AzureAD","Enabled":null}]

``PrincipalSource`` is the cmdlet's enum as text: ``Local``, ``ActiveDirectory``,
``AzureAD``, ``MicrosoftAccount`` or ``Unknown`` (a bare number is accepted too,
in the enum's order). ``Enabled`` comes from ``Get-LocalUser`` and is only
known for local user accounts. A single object instead of an array (what
``ConvertTo-Json`` prints for one item when piped) is accepted.
"""

from __future__ import annotations

import json

import msgspec

from helper.parsers import ParseError, decode_text, string_field

# Microsoft.PowerShell.Commands.PrincipalSource, in declaration order.
SOURCES = ("Unknown", "Local", "ActiveDirectory", "AzureAD", "MicrosoftAccount")


class LocalAdmin(msgspec.Struct, frozen=True):
    """One member of the local Administrators group.

    Attributes:
        name: ``COMPUTER\\user``, ``DOMAIN\\group``, ``AzureAD\\User``...
        sid: its security identifier.
        source: where the account lives (``Local``, ``AzureAD``...).
        enabled: the local account is enabled; None for other accounts.
    """

    name: str
    sid: str = ""
    source: str = "Unknown"
    enabled: bool | None = None

    @property
    def usable_local_account(self) -> bool:
        """An enabled local account: a way in that needs no Entra ID or domain."""
        return self.source == "Local" and self.enabled is True


def _source(value: object) -> str:
    if value is None:
        return "Unknown"
    if isinstance(value, bool):
        raise ParseError("PrincipalSource is a boolean")
    if isinstance(value, int):
        return SOURCES[value] if 0 <= value < len(SOURCES) else "Unknown"
    if isinstance(value, str):
        for known in SOURCES:
            if value.strip().lower() == known.lower():
                return known
        return "Unknown"
    raise ParseError(f"PrincipalSource is {type(value).__name__}")


def parse_local_admins(data: bytes) -> list[LocalAdmin]:
    """Parse the probe's Administrators listing.

    Raises:
        ParseError: not JSON, or not a list of members with a ``Name``.
    """
    text = decode_text(data).strip()
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise ParseError("not JSON") from None
    items = [doc] if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ParseError(f"expected a list of members, got {type(doc).__name__}")
    members: list[LocalAdmin] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ParseError(f"member {index} is not an object")
        where = f"member {index}"
        name = string_field(item, "Name", where)
        if not name:
            raise ParseError(f"member {index} has no Name")
        enabled = item.get("Enabled")
        if enabled is not None and not isinstance(enabled, bool):
            raise ParseError(f"member {index}: Enabled is not true, false or null")
        members.append(
            LocalAdmin(
                name=name,
                sid=string_field(item, "SID", where),
                source=_source(item.get("PrincipalSource")),
                enabled=enabled,
            )
        )
    return members
