# SPDX-License-Identifier: MIT
"""Every configuration key, and how each policy encoding spells it.

This table is the contract that docs/configuration.md, the ADMX template and the
.mobileconfig profile follow: a test checks it against the model's fields and the
documentation table, and later ones against the ADMX and .mobileconfig.

Encodings, for a key ``section.name``:

- TOML (user, bundled and Linux policy files): ``[section]`` then ``name = ...``.
- macOS managed preferences plist: the same nesting (a dict per section).
- Windows registry: value ``name`` under ``HKLM\\SOFTWARE\\Policies\\
  IntuneMigrationHelper\\section``; top-level keys are values of that root key.
  Strings are REG_SZ, integers and booleans REG_DWORD, ``migration.waves`` a
  REG_MULTI_SZ of ``id;notify_date;enforcement_date;name`` lines.
"""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["str", "int", "bool", "waves"]

POLICY_KEY: Final = "HKLM\\SOFTWARE\\Policies\\IntuneMigrationHelper"

# Leaf key → kind. Order is the documentation's order.
KEYS: Final[dict[str, Kind]] = {
    "privacy_notice_url": "str",
    "organization.name": "str",
    "organization.logo": "str",
    "organization.support_email": "str",
    "organization.support_phone": "str",
    "organization.support_url": "str",
    "organization.accent_color": "str",
    "organization.message": "str",
    "tenant.tenant_id": "str",
    "tenant.client_id": "str",
    "tenant.serial_hmac_key": "str",
    "enrollment.discovery_url": "str",
    "enrollment.upn_domain_hint": "str",
    "enrollment.windows_join": "str",
    "enrollment.legacy_windows_steps": "bool",
    "migration.campaign_id": "str",
    "migration.waves": "waves",
    "migration.wave": "str",
    "migration.legacy_vendor_hint": "str",
    "migration.max_deferrals": "int",
    "migration.reminder_hours": "int",
    "reporting.enabled": "bool",
    "reporting.collector_url": "str",
    "reporting.api_scope": "str",
    "reporting.device_code_fallback": "bool",
    "ui.language": "str",
    "catalogue.extra_dir": "str",
}

# The fields of one wave, in the order of the registry line.
WAVE_FIELDS: Final = ("id", "notify_date", "enforcement_date", "name")

# Keys holding a file-system path: relative values in a file layer are resolved
# against that file's folder; policy layers must give absolute paths.
PATH_KEYS: Final = frozenset({"organization.logo", "catalogue.extra_dir"})

# Keys whose values are never repeated in messages (they are secrets).
SECRET_KEYS: Final = frozenset({"tenant.serial_hmac_key"})

_REG_TYPES: Final[dict[Kind, str]] = {
    "str": "REG_SZ",
    "int": "REG_DWORD",
    "bool": "REG_DWORD",
    "waves": "REG_MULTI_SZ",
}


def config_keys() -> list[str]:
    """Every leaf key path (``tenant.tenant_id``...), in documentation order.

    ``migration.waves`` is one key: a list of waves, replaced whole by a layer.
    """
    return list(KEYS)


def sections() -> list[str]:
    """The section names (``organization``, ``tenant``...)."""
    seen: dict[str, None] = {}
    for key in KEYS:
        if "." in key:
            seen[key.split(".", 1)[0]] = None
    return list(seen)


def registry_value(key: str, root: str = POLICY_KEY) -> tuple[str, str, str]:
    """Where the Windows policy stores a key.

    Args:
        key: a leaf key path from :func:`config_keys`.
        root: the policy root key.

    Returns:
        (registry key path, value name, registry type), e.g.
        ``("HKLM\\...\\IntuneMigrationHelper\\tenant", "tenant_id", "REG_SZ")``.
    """
    kind = KEYS[key]
    section, _, name = key.rpartition(".")
    path = f"{root}\\{section}" if section else root
    return path, name, _REG_TYPES[kind]


def plist_path(key: str) -> tuple[str, ...]:
    """The nested plist keys of a key: ``("tenant", "tenant_id")``."""
    if key not in KEYS:
        raise KeyError(key)
    return tuple(key.split("."))
