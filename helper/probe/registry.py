# SPDX-License-Identifier: MIT
"""Reading the Windows registry behind a small interface.

The real reader (winreg) only runs on Windows; everywhere else, tests feed a
:class:`RegistryReader` built from regedit exports (realistic data).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Protocol

import msgspec

RegData = str | int | list[str] | bytes


class RegValue(msgspec.Struct, frozen=True):
    """One registry value.

    Attributes:
        name: the value name ("" for the default value).
        type: ``REG_SZ``, ``REG_EXPAND_SZ``, ``REG_MULTI_SZ``, ``REG_DWORD``,
            ``REG_QWORD``, ``REG_BINARY`` or ``REG_NONE`` (and ``REG_<n>`` for others).
        data: str, int, list[str] or bytes according to the type.
    """

    name: str
    type: str
    data: RegData


class RegistryReader(Protocol):
    """Read-only access to registry keys given as ``HKLM\\SOFTWARE\\...`` paths.

    Key and value names are case-insensitive, as on Windows.
    """

    def subkeys(self, path: str) -> list[str]:
        """Names of the direct subkeys; [] when the key does not exist."""
        ...

    def values(self, path: str) -> dict[str, RegValue] | None:
        """The key's values keyed by lower-cased name; None when the key is absent."""
        ...


_TYPE_NAMES = {
    0: "REG_NONE",
    1: "REG_SZ",
    2: "REG_EXPAND_SZ",
    3: "REG_BINARY",
    4: "REG_DWORD",
    7: "REG_MULTI_SZ",
    11: "REG_QWORD",
}


def type_name(code: int) -> str:
    return _TYPE_NAMES.get(code, f"REG_{code}")


def _winreg() -> Any:
    # typeshed defines winreg for win32 only; typed as Any so mypy passes on
    # every OS (this reader only ever runs on Windows).
    return importlib.import_module("winreg")


class WinRegReader:
    """The real reader, over winreg with the 64-bit view (KEY_WOW64_64KEY)."""

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")

    def _open(self, path: str) -> Any:
        winreg = _winreg()

        hive_name, _, sub = path.partition("\\")
        hive = {
            "HKLM": winreg.HKEY_LOCAL_MACHINE,
            "HKEY_LOCAL_MACHINE": winreg.HKEY_LOCAL_MACHINE,
            "HKCU": winreg.HKEY_CURRENT_USER,
            "HKEY_CURRENT_USER": winreg.HKEY_CURRENT_USER,
        }[hive_name.upper()]
        return winreg.OpenKey(hive, sub, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)

    def subkeys(self, path: str) -> list[str]:
        winreg = _winreg()
        try:
            key = self._open(path)
        except PermissionError:
            # Access denied is not "absent": let the probe record it as an error.
            raise
        except OSError:
            return []
        names: list[str] = []
        with key:
            index = 0
            while True:
                try:
                    names.append(winreg.EnumKey(key, index))
                except OSError:
                    return names
                index += 1

    def values(self, path: str) -> dict[str, RegValue] | None:
        winreg = _winreg()
        try:
            key = self._open(path)
        except PermissionError:
            raise
        except OSError:
            return None
        found: dict[str, RegValue] = {}
        with key:
            index = 0
            while True:
                try:
                    name, data, kind = winreg.EnumValue(key, index)
                except OSError:
                    return found
                found[name.lower()] = RegValue(name, type_name(kind), data)
                index += 1
