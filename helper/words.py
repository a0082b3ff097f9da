# SPDX-License-Identifier: MIT
"""English words for the codes the core returns, used by the command line.

ui/ owns the words in the window (Qt Linguist, English and French); this table is
the command line's, and the list of codes ui/ must translate. A test checks that
every code the detectors can emit has an entry here.
"""

from __future__ import annotations

VERDICTS: dict[str, str] = {
    "legacy-enrolled": "This device is managed by a legacy management system.",
    "both-enrolled": "This device is managed by a legacy system and by Intune at once.",
    "intune-enrolled": "This device is managed by Microsoft Intune.",
    "unmanaged": "This device is not managed by any management system.",
    "unknown": "It could not be determined what manages this device.",
}

JOINS: dict[str, str] = {
    "entra-joined": "joined to Microsoft Entra ID",
    "hybrid-joined": "hybrid joined (on-premises domain and Microsoft Entra ID)",
    "domain-joined": "joined to an on-premises domain only",
    "registered": "registered with Microsoft Entra ID (work account)",
    "none": "not joined to Microsoft Entra ID",
    "unknown": "Microsoft Entra join state unknown",
}

REMOVABLE: dict[bool | None, str] = {
    True: "you can remove it yourself",
    False: "only IT can remove it",
    None: "whether you can remove it yourself is not known",
}

WARNINGS: dict[str, str] = {
    "fake-enrollment-key": "A fake enrollment key (FFFFFFFF-...) was ignored.",
    "stale-enrollment": "Leftovers of an earlier enrollment were found.",
    "tenant-mdm-url-not-enrolled": (
        "The tenant has automatic MDM enrollment configured, "
        "but that alone does not mean this device is enrolled."
    ),
    "ade-assigned": "Apple ADE assigns this device to a management server.",
    "ade-enrolled": "The device was enrolled through Apple ADE: only IT can remove it.",
    "profile-removal-disallowed": "The management profile does not allow removal.",
    "source-unreadable": "A source of evidence could not be read.",
    "agent-leftover": "A management agent is installed but the device is not enrolled.",
    "company-portal-not-enrolled": (
        "Company Portal is installed, but the device is not enrolled in Intune."
    ),
    "unknown-mdm": "A management server that matches no known vendor was found.",
    "enrollment-pending": "An enrollment exists but is not complete.",
    "multiple-legacy": "More than one legacy management was found.",
}

# What a management delivered (detection.payloads[].kind).
PAYLOAD_KINDS: dict[str, str] = {
    "wifi": "Wi-Fi",
    "vpn": "VPN",
    "certificate": "certificate",
    "mail": "mail account",
    "app": "app",
    "other": "setting",
}

ERRORS: dict[str, str] = {
    "capture-not-found": "That path is not a capture.",
    "capture-invalid": "That capture cannot be read.",
    "capture-too-large": "That capture is too large.",
    "capture-symlink": "That capture holds a symbolic link; captures may not.",
    "capture-exists": "The output folder already exists.",
    "config-invalid": "The configuration is invalid.",
    "config-not-found": "The configuration file given with --config does not exist.",
    "catalogue-invalid": "A vendor catalogue file is invalid.",
    "playbook-invalid": "A playbook file is invalid.",
    "allowlist-invalid": "The launch allowlist is invalid.",
    "allowlist-refused": "IT's allowlist adds something the helper never launches.",
    "usage": "The command line is not valid.",
}


def verdict(code: str) -> str:
    return VERDICTS.get(code, code)


def warning(code: str) -> str:
    return WARNINGS.get(code, code)


def join(code: str) -> str:
    return JOINS.get(code, code)
