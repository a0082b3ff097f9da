# SPDX-License-Identifier: MIT
"""Managed policy: the layer IT pushes with GPO/Intune (Windows), a configuration
profile (macOS) or a file in /etc (Linux). It wins over every other layer.

Each reader sits behind :class:`PolicySource` (``read() -> Layer | None``, None
when no policy is deployed); :func:`platform_policy` picks the one for this OS.
The encodings are documented in docs/configuration.md and listed in
:mod:`helper.config.keys`.
"""

from __future__ import annotations

import datetime
import ntpath
import os
import posixpath
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

from helper import APP_ID, BUNDLE_ID
from helper.config.keys import (
    FREE_TABLES,
    KEYS,
    POLICY_KEY,
    WAVE_FIELDS,
    Kind,
    sections,
)
from helper.config.layers import Layer, exists, invalid, read_toml, unknown_key
from helper.config.model import show

if TYPE_CHECKING:
    from helper.probe.registry import RegistryReader, RegValue

MAC_POLICY_PATH: Final = Path("/Library/Managed Preferences") / f"{BUNDLE_ID}.plist"
LINUX_POLICY_PATH: Final = Path("/etc") / APP_ID / "config.toml"
POLICY: Final = "policy"

_WAVE_LINE: Final = ";".join(WAVE_FIELDS)


class PolicySource(Protocol):
    """Where managed policy comes from on one OS."""

    def read(self) -> Layer | None:
        """The policy layer (not checked yet), or None when none is deployed.

        Raises:
            ConfigError: the policy exists but cannot be read or decoded.
        """
        ...


def platform_policy(platform: str | None = None) -> PolicySource:
    """The policy reader for an OS (``sys.platform`` by default)."""
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        from helper.probe.registry import WinRegReader

        return RegistryPolicy(WinRegReader())
    if platform == "darwin":
        return PlistPolicy()
    return TomlPolicy()


# --- Linux -----------------------------------------------------------------------


class TomlPolicy:
    """A TOML file, same format as the user file (Linux: /etc/<app>/config.toml)."""

    def __init__(self, path: Path = LINUX_POLICY_PATH) -> None:
        self.path = path

    def read(self) -> Layer | None:
        if not exists(self.path):
            return None
        return read_toml(self.path, POLICY)


# --- macOS -----------------------------------------------------------------------


def _plistlib_loads(data: bytes) -> Any:
    # plistlib (and its XML parser) only when a managed plist exists.
    import plistlib

    return plistlib.loads(data)


class PlistPolicy:
    """macOS managed preferences: ``/Library/Managed Preferences/<BUNDLE_ID>.plist``.

    The plist has the same nesting as the TOML file (a dict per section, waves an
    array of dicts). Dates may be strings (``2025-03-01``) or plist ``<date>``
    values at midnight UTC.

    Args:
        path: the managed plist.
        loader: bytes → object (``plistlib.loads`` by default; XML or binary).
    """

    def __init__(
        self,
        path: Path = MAC_POLICY_PATH,
        loader: Callable[[bytes], Any] | None = None,
    ) -> None:
        self.path = path
        self.loader = loader or _plistlib_loads

    def read(self) -> Layer | None:
        where = str(self.path)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise invalid(where, "", f"cannot be read: {exc.strerror or exc}") from None
        try:
            data = self.loader(raw)
        except Exception as exc:  # plistlib raises ValueError, ExpatError and more
            raise invalid(where, "", f"not a valid property list ({exc})") from None
        if not isinstance(data, dict):
            raise invalid(where, "", "expected a dictionary at the top level")
        # Apple's profile machinery may add Payload* keys; none of ours start so.
        data = {k: v for k, v in data.items() if not str(k).startswith("Payload")}
        return Layer(
            POLICY, where, _plist_dates(data, "", where), isabs=posixpath.isabs
        )


def _plist_dates(value: Any, key: str, where: str) -> Any:
    """Turn plist <date> values (datetime) into dates; they must be at midnight."""
    if isinstance(value, dict):
        return {
            k: _plist_dates(v, f"{key}.{k}" if key else str(k), where)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_plist_dates(v, f"{key}[{i}]", where) for i, v in enumerate(value)]
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0, 0):
            raise invalid(
                where,
                key,
                "expected a date (a YYYY-MM-DD string, or a <date> at "
                f"00:00:00Z), got {value.isoformat()}",
            )
        return value.date()
    return value


# --- Windows ---------------------------------------------------------------------


class RegistryPolicy:
    """Windows policy under ``HKLM\\SOFTWARE\\Policies\\IntuneMigrationHelper``.

    One subkey per section with one value per key; top-level keys are values of
    the root key. REG_SZ for strings (REG_EXPAND_SZ is expanded), REG_DWORD for
    integers and booleans (REG_SZ digits are accepted), and ``waves`` a
    REG_MULTI_SZ under ``migration``: one ``id;notify_date;enforcement_date;name``
    line per wave, as an ADMX ``multiText`` element writes it.

    Args:
        reader: registry access (WinRegReader, or a fake in tests).
        root: the policy key.
    """

    def __init__(self, reader: RegistryReader, root: str = POLICY_KEY) -> None:
        self.reader = reader
        self.root = root
        self._wave_lines: dict[int, int] = {}

    def read(self) -> Layer | None:
        root_values = self.reader.values(self.root)
        if root_values is None:
            return None
        self._wave_lines = {}
        data: dict[str, Any] = {}
        self._read_values(root_values, "", data)
        known = sections()
        for sub in self.reader.subkeys(self.root):
            section = sub.lower()
            path = f"{self.root}\\{sub}"
            if section in FREE_TABLES:
                data[section] = self._words(path)
                continue
            if section not in known:
                raise invalid(path, section, unknown_key("", section))
            for nested in self.reader.subkeys(path):
                key = f"{section}.{nested.lower()}"
                raise invalid(
                    f"{path}\\{nested}",
                    key,
                    "unknown key (policy sections hold values, not subkeys)",
                )
            target: dict[str, Any] = data.setdefault(section, {})
            self._read_values(self.reader.values(path) or {}, section, target)
        return Layer(POLICY, self.root, data, isabs=ntpath.isabs, where=self._where)

    def _words(self, path: str) -> dict[str, dict[str, Any]]:
        """IT's words: a subkey per language, a REG_SZ value per key (the
        value's name is the key, as ``words --list`` prints it)."""
        words: dict[str, dict[str, Any]] = {}
        for lang in self.reader.subkeys(path):
            where = f"{path}\\{lang}"
            table: dict[str, Any] = words.setdefault(lang.lower(), {})
            for value in (self.reader.values(where) or {}).values():
                if value.name == "":
                    continue
                if value.type not in ("REG_SZ", "REG_EXPAND_SZ") or not isinstance(
                    value.data, str
                ):
                    raise invalid(
                        f"{where} (value {value.name})",
                        f'words.{lang.lower()}."{value.name}"',
                        f"expected a string (REG_SZ), got {value.type}",
                    )
                table[value.name] = value.data
        return words

    def _key_path(self, section: str) -> str:
        return f"{self.root}\\{section}" if section else self.root

    def _where(self, key: str) -> str:
        """Registry location of a key path, with the line for a wave.

        ``migration.waves[1].name`` → ``HKLM\\...\\migration (value waves, line 2)``.
        """
        leaf = key.split("[", 1)[0]
        if leaf not in KEYS:
            return self.root
        section, _, name = leaf.rpartition(".")
        where = f"{self._key_path(section)} (value {name}"
        if KEYS[leaf] == "waves" and "[" in key:
            index_text = key.split("[", 1)[1].split("]", 1)[0]
            if (
                index_text.isascii()
                and index_text.isdigit()
                and int(index_text) in self._wave_lines
            ):
                where += f", line {self._wave_lines[int(index_text)]}"
        return where + ")"

    def _read_values(
        self, values: dict[str, RegValue], section: str, target: dict[str, Any]
    ) -> None:
        for lname, value in values.items():
            if lname == "":
                continue  # the key's (Default) value: not a setting
            key = f"{section}.{lname}" if section else lname
            where = f"{self._key_path(section)} (value {value.name})"
            kind = KEYS.get(key)
            if kind is None:
                raise invalid(where, key, unknown_key(section, lname))
            target[lname] = self._convert(value, kind, key, where)

    def _convert(self, value: RegValue, kind: Kind, key: str, where: str) -> Any:
        data = value.data
        text = data.strip() if isinstance(data, str) else None
        if kind == "str":
            if value.type == "REG_SZ" and isinstance(data, str):
                return data
            if value.type == "REG_EXPAND_SZ" and isinstance(data, str):
                return os.path.expandvars(data)
            raise invalid(where, key, f"expected a string (REG_SZ), got {value.type}")
        if kind == "int":
            if isinstance(data, int) and value.type in ("REG_DWORD", "REG_QWORD"):
                return data
            # A number typed as a string (REG_SZ "3"): accept plain decimal digits.
            digits = text[1:] if text and text[0] == "-" else text
            if text and digits and digits.isascii() and digits.isdigit():
                return int(text)
            raise invalid(
                where,
                key,
                f"expected a number (REG_DWORD), got {value.type} {show(data)}",
            )
        if kind == "bool":
            if isinstance(data, int) and value.type in ("REG_DWORD", "REG_QWORD"):
                if data in (0, 1):
                    return bool(data)
            elif text is not None and text.lower() in ("0", "1", "true", "false"):
                return text.lower() in ("1", "true")
            raise invalid(
                where,
                key,
                f"expected 0 or 1 (REG_DWORD), got {value.type} {show(data)}",
            )
        # kind == "waves"
        if value.type != "REG_MULTI_SZ" or not isinstance(data, list):
            raise invalid(
                where,
                key,
                f"expected a REG_MULTI_SZ of {_WAVE_LINE} lines, got {value.type}",
            )
        return self._waves(data, key, where)

    def _waves(self, lines: list[str], key: str, where: str) -> list[dict[str, str]]:
        waves: list[dict[str, str]] = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue  # GPO editors leave an empty last line
            parts = [p.strip() for p in line.split(";", 3)]
            index = len(waves)
            if len(parts) < 3:
                raise invalid(
                    f"{where[:-1]}, line {number})",
                    f"{key}[{index}]",
                    f"expected a line {_WAVE_LINE}, got {show(line)}",
                )
            self._wave_lines[index] = number
            wave = dict(zip(WAVE_FIELDS, parts, strict=False))
            waves.append(wave)
        return waves
