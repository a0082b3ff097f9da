# SPDX-License-Identifier: MIT
"""A :class:`~helper.probe.registry.RegistryReader` over regedit exports.

Tests feed the Windows probe with it, so that the probe reads realistic data
(the same ``.reg`` text an administrator would export) rather than hand-built
dictionaries. Paths are case-insensitive and accept either hive spelling.
"""

from __future__ import annotations

from collections.abc import Iterable

from helper.parsers.regfile import (
    RegFile,
    RegKey,
    fold,
    normalize_path,
    parse_regfile,
)
from helper.probe.registry import RegValue


class RegFileReader:
    """Read-only registry made of the keys of one or more exports.

    A key only implied by a deeper one (``[HKLM\\A\\B\\C]`` without ``[HKLM\\A\\B]``)
    exists with no values, as it would in the real registry.

    Args:
        exports: parsed exports; a key present in several is merged (later wins).
    """

    def __init__(self, *exports: RegFile) -> None:
        self._values: dict[str, dict[str, RegValue]] = {}
        self._children: dict[str, dict[str, str]] = {}
        for export in exports:
            for key in export.keys:
                self._add(key)

    @classmethod
    def from_bytes(cls, *files: bytes) -> RegFileReader:
        """Build a reader from raw ``.reg`` files (UTF-16 or UTF-8)."""
        return cls(*(parse_regfile(data) for data in files))

    @classmethod
    def from_keys(cls, keys: Iterable[RegKey]) -> RegFileReader:
        """Build a reader from keys (for tests that build them in code)."""
        return cls(RegFile(list(keys)))

    def _add(self, key: RegKey) -> None:
        parts = normalize_path(key.path).split("\\")
        # Register every ancestor so that subkeys() walks down to this key.
        for depth in range(1, len(parts)):
            parent = fold("\\".join(parts[:depth]))
            self._values.setdefault(parent, {})
            self._children.setdefault(parent, {}).setdefault(
                fold(parts[depth]), parts[depth]
            )
        values = self._values.setdefault(fold("\\".join(parts)), {})
        values.update(key.values)

    def subkeys(self, path: str) -> list[str]:
        """Names of the direct subkeys; [] when the key does not exist."""
        return list(self._children.get(fold(normalize_path(path)), {}).values())

    def values(self, path: str) -> dict[str, RegValue] | None:
        """The key's values keyed by lower-cased name; None when the key is absent."""
        found = self._values.get(fold(normalize_path(path)))
        return None if found is None else dict(found)
