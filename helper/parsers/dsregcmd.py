# SPDX-License-Identifier: MIT
"""``dsregcmd /status`` output (Windows Entra join state).

The output is a series of sections, each opened by a three-line banner, then
``Key : Value`` lines with right-aligned keys and trailing spaces::

    +----------------------------------------------------------------------+
    | Device State                                                         |
    +----------------------------------------------------------------------+

                 AzureAdJoined : YES
              EnterpriseJoined : NO

Which sections and keys appear depends on the join state and the Windows build,
so unknown keys and missing sections are normal. The join interpretation follows
Microsoft's truth table (see shared/reference/signatures.md §2.3); the MDM URLs of
Tenant Details are tenant configuration, not proof of enrollment.
"""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from helper.parsers import ParseError, decode_text, split_pair

# Same codes as helper.detect.model.Join (parsers do not import detection).
JoinState = Literal[
    "entra-joined", "hybrid-joined", "domain-joined", "registered", "none", "unknown"
]

_RULE = re.compile(r"^\+-+\+?$")
# Lines are split with str methods, not regular expressions: a lazy group
# before "\s*:" retried the whole rest of the line at every character, 83 s on
# one 300 KB line of spaces (quadratic). Every step here is linear.


def _title(line: str) -> str:
    """``| Device State |`` → ``Device State`` (the line starts with ``|``)."""
    inner = line[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return inner.strip()


class DsregStatus(msgspec.Struct):
    """Parsed ``dsregcmd /status``.

    Attributes:
        sections: section title → key → value, in output order. Lines before any
            banner (output pasted without its banners) go in section "".
    """

    sections: dict[str, dict[str, str]] = msgspec.field(default_factory=dict)

    def get(self, key: str, section: str | None = None) -> str | None:
        """A value by key, case-insensitively.

        The named section is searched first, then every section: the same key has
        moved between sections across Windows builds (WorkplaceJoined, for one).
        """
        wanted = key.lower()
        order = list(self.sections.items())
        if section is not None:
            order.sort(key=lambda item: item[0].lower() != section.lower())
        for _, pairs in order:
            for name, value in pairs.items():
                if name.lower() == wanted:
                    return value
        return None


class DsregFacts(msgspec.Struct):
    """What detection needs from ``dsregcmd /status``.

    Attributes:
        join: the join state code.
        azure_ad_joined, enterprise_joined, domain_joined, workplace_joined:
            the raw flags (True for YES, False for NO, None when absent).
        tenant_id: Entra tenant id (Tenant Details, else the work account's).
        tenant_name: its display name, when printed.
        device_id: Entra device id (Device Details, else the work account's).
        mdm_url: the tenant's MDM enrollment URL (configuration only).
    """

    join: JoinState = "unknown"
    azure_ad_joined: bool | None = None
    enterprise_joined: bool | None = None
    domain_joined: bool | None = None
    workplace_joined: bool | None = None
    tenant_id: str | None = None
    tenant_name: str | None = None
    device_id: str | None = None
    mdm_url: str | None = None


def parse_dsregcmd(data: bytes) -> DsregStatus:
    """Parse ``dsregcmd /status`` output.

    Args:
        data: the command's stdout (UTF-8 or UTF-16, CRLF or LF).

    Returns:
        The sections and their key/value pairs.

    Raises:
        ParseError: empty or binary data, or text with no banner and no
            ``Key : Value`` line (an error message, another command's output).
    """
    text = decode_text(data)
    sections: dict[str, dict[str, str]] = {}
    current = ""
    banners = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line or _RULE.match(line):
            continue
        if line.startswith("|"):
            current = _title(line)
            sections.setdefault(current, {})
            banners += 1
            continue
        if line.startswith((":", "+")):
            continue
        pair = split_pair(line)
        if pair is None:
            continue
        key, value = pair
        if key:
            sections.setdefault(current, {}).setdefault(key, value)
    if not banners and not any(sections.values()):
        raise ParseError("not dsregcmd /status output")
    return DsregStatus(sections)


def _flag(value: str | None) -> bool | None:
    if value is None:
        return None
    word = value.strip().upper()
    if word == "YES":
        return True
    if word == "NO":
        return False
    return None


def interpret(status: DsregStatus) -> DsregFacts:
    """Derive the join state and the tenant facts.

    Truth table (Device State): AzureAdJoined YES + DomainJoined YES → hybrid;
    AzureAdJoined YES → Entra joined; DomainJoined YES → domain joined (also for
    on-premises DRS, EnterpriseJoined YES); otherwise WorkplaceJoined YES (User
    State) → registered, else none. Without the Device State flags: unknown.
    """
    aad = _flag(status.get("AzureAdJoined", "Device State"))
    enterprise = _flag(status.get("EnterpriseJoined", "Device State"))
    domain = _flag(status.get("DomainJoined", "Device State"))
    workplace = _flag(status.get("WorkplaceJoined", "User State"))
    join: JoinState
    if aad and domain:
        join = "hybrid-joined"
    elif aad:
        join = "entra-joined"
    elif domain:
        join = "domain-joined"
    elif workplace:
        join = "registered"
    elif aad is False or domain is False:
        join = "none"
    else:
        join = "unknown"

    def text(*keys: tuple[str, str]) -> str | None:
        for key, section in keys:
            value = status.get(key, section)
            if value:
                return value
        return None

    joined = join in ("entra-joined", "hybrid-joined")
    registered = bool(workplace)
    tenant_keys = [("TenantId", "Tenant Details")] if joined else []
    device_keys = [("DeviceId", "Device Details")] if joined else []
    if registered:
        tenant_keys.append(("WorkplaceTenantId", "Work Account 1"))
        device_keys.append(("WorkplaceDeviceId", "Work Account 1"))
    return DsregFacts(
        join=join,
        azure_ad_joined=aad,
        enterprise_joined=enterprise,
        domain_joined=domain,
        workplace_joined=workplace,
        tenant_id=text(*tenant_keys),
        tenant_name=text(
            ("TenantName", "Tenant Details"), ("WorkplaceTenantName", "Work Account 1")
        ),
        device_id=text(*device_keys),
        mdm_url=text(("MdmUrl", "Tenant Details"), ("WorkplaceMdmUrl", "User State")),
    )
