# SPDX-License-Identifier: MIT
"""Every configuration key, and how each policy encoding spells it.

The keys are the model's fields (:mod:`helper.config.model`), read from it:
each is declared once. This table is the contract that docs/configuration.md,
the ADMX template and the .mobileconfig profile follow: tests check it against
the documentation table, the ADMX and the .mobileconfig.

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

from helper.config.model import Config
from helper.config.record import Record

Kind = Literal["str", "int", "bool", "waves"]

POLICY_KEY: Final = "HKLM\\SOFTWARE\\Policies\\IntuneMigrationHelper"

# The annotation of each model field → its kind.
_KINDS: Final[dict[str, Kind]] = {
    "str": "str",
    "int": "int",
    "bool": "bool",
    "tuple[Wave, ...]": "waves",
}

# Tables whose keys are IT's, not the model's: ``words`` (per-language
# overrides of the window's and the playbooks' strings, helper.config.words).
# Not in KEYS: each is checked and encoded on its own (docs/configuration.md).
FREE_TABLES: Final = ("words",)

# Keys for a trial on one machine, never deployed by IT: they are not in
# KEYS (no ADMX, profile or conffile entry), a layer checks them like the
# others, and only a user's file may set them (helper.config.loader).
DEV_KEYS: Final[dict[str, Kind]] = {
    # Report tokens from a `serve --dev` collector on this machine instead of
    # Entra; refused unless reporting.collector_url is a loopback address.
    "reporting.dev_unsigned_tokens": "bool",
}


def _keys_of_the_model() -> dict[str, Kind]:
    """Every leaf key and its kind, read from the model's records: a key is
    declared once, as a field of :mod:`helper.config.model` (a section is a
    field whose default is a record). The model's order is the documentation's.
    The trial keys (:data:`DEV_KEYS`) are left out: IT never deploys them.

    Raises:
        KeyError: a field's type has no policy encoding (add it to ``_KINDS``).
    """
    keys: dict[str, Kind] = {}
    for name in Config._fields:
        if name in FREE_TABLES:
            continue
        default = getattr(Config, name)
        if isinstance(default, Record):
            section = type(default)
            for field in section._fields:
                key = f"{name}.{field}"
                if key not in DEV_KEYS:
                    keys[key] = _KINDS[section.__annotations__[field]]
        else:
            keys[name] = _KINDS[Config.__annotations__[name]]
    return keys


# Leaf key → kind, in the documentation's order.
KEYS: Final[dict[str, Kind]] = _keys_of_the_model()

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
