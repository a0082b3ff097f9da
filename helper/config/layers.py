# SPDX-License-Identifier: MIT
"""One configuration layer: its raw data, where it came from, how it is checked.

A layer is plain nested data (dicts per section, a list for the waves) read from a
TOML file, a plist or the registry. :func:`check_layer` validates it against the
model on its own, so every error names the layer's file (or registry key / plist)
and the key path, and states what was expected, on one line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from helper.config.keys import (
    DEV_KEYS,
    FREE_TABLES,
    KEYS,
    PATH_KEYS,
    SECRET_KEYS,
    WAVE_FIELDS,
    sections,
)
from helper.config.model import CHECKS, get_value, show
from helper.config.validate import build, check_types
from helper.errors import ConfigError

CODE: Final = "config-invalid"

_MISSING: Final = object()


class Layer:
    """The raw data of one layer.

    Args:
        name: ``user``, ``bundled`` or ``policy`` (what :func:`explain` reports).
        origin: the file, plist or registry key it was read from.
        data: nested plain data, as TOML would give it.
        base: folder that relative paths are resolved against; None when paths
            must be absolute (registry, plist).
        isabs: tells whether a path is absolute for the layer's OS.
        where: maps a key path to the location named in messages (default: origin).
    """

    __slots__ = ("_where", "base", "data", "isabs", "name", "origin")

    def __init__(
        self,
        name: str,
        origin: str,
        data: dict[str, Any],
        *,
        base: str | None = None,
        isabs: Callable[[str], bool] = os.path.isabs,
        where: Callable[[str], str] | None = None,
    ) -> None:
        self.name = name
        self.origin = origin
        self.data = data
        self.base = base
        self.isabs = isabs
        self._where = where

    def where(self, key: str) -> str:
        """The file / registry key / plist to name in a message about ``key``."""
        return self._where(key) if self._where is not None else self.origin

    def has(self, key: str) -> bool:
        """Does this layer set the leaf key path ``key``?"""
        return lookup(self.data, key) is not _MISSING


def invalid(where: str, key: str, expected: str) -> ConfigError:
    """The one-line error: ``<file>: <key>: <expected ...>``."""
    message = f"{where}: {key}: {expected}" if key else f"{where}: {expected}"
    return ConfigError(CODE, one_line(message))


def one_line(text: str) -> str:
    """Escape control characters (a key read from a file may hold a newline)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def fail(layer: Layer, key: str, expected: str) -> ConfigError:
    return invalid(layer.where(key), key, expected)


def lookup(data: Any, key: str) -> Any:
    """The raw value at ``a.b[1].c`` in nested data, or _MISSING."""
    value = data
    for part in key.split("."):
        name, _, rest = part.partition("[")
        if name:
            if not isinstance(value, dict) or name not in value:
                return _MISSING
            value = value[name]
        while rest:
            index_text, _, rest = rest.partition("]")
            rest = rest.removeprefix("[")
            if not isinstance(value, list | tuple) or not (
                index_text.isascii() and index_text.isdigit()
            ):
                return _MISSING
            index = int(index_text)
            if index >= len(value):
                return _MISSING
            value = value[index]
    return value


def known_keys(parent: str) -> list[str]:
    """The key names allowed directly under ``parent`` ("" = top level)."""
    if parent == "":
        return [k for k in KEYS if "." not in k] + sections() + list(FREE_TABLES)
    if parent.startswith("migration.waves["):
        return list(WAVE_FIELDS)
    prefix = parent + "."
    return [k[len(prefix) :] for k in (*KEYS, *DEV_KEYS) if k.startswith(prefix)]


def unknown_key(parent: str, name: str) -> str:
    """The expectation text for an unknown key ``name`` under ``parent``."""
    import difflib

    known = known_keys(parent)
    hint = ""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        hint = f" (did you mean {close[0]}?)"
    elif parent and name in known_keys(""):
        # The classic TOML slip: a top-level key written after a [section].
        hint = f" ({name} is a top-level key: put it before the first [section])"
    if not known:
        return f"unknown key{hint}"
    return f"unknown key{hint}; expected one of: {', '.join(known)}"


def _got(layer: Layer, key: str) -> str:
    if key.split("[", 1)[0] in SECRET_KEYS:
        return ""
    value = lookup(layer.data, key)
    return "" if value is _MISSING else f" {show(value)}"


def check_layer(layer: Layer) -> None:
    """Validate a layer on its own and resolve its relative paths (in place).

    Raises:
        ConfigError: ``config-invalid``, naming the layer's file, the key and what
            was expected.
    """
    check_types(
        layer.data,
        lambda key, expected: fail(layer, key, expected),
        unknown_key,
        lambda key: _got(layer, key),
    )
    parsed = build(layer.data)
    for key in KEYS:
        if not layer.has(key):
            continue
        check = CHECKS.get(key)
        if check is not None:
            problem = check(get_value(parsed, key))
            if problem is not None:
                suffix, expected = problem
                raise fail(layer, key + suffix, expected)
        if key in PATH_KEYS:
            _resolve_path(layer, key)


def _resolve_path(layer: Layer, key: str) -> None:
    section, _, name = key.rpartition(".")
    holder: dict[str, Any] = layer.data[section] if section else layer.data
    value: str = holder[name]
    if value == "":
        return
    if layer.base is not None:
        value = os.path.expanduser(value)
        if not layer.isabs(value):
            value = os.path.normpath(os.path.join(layer.base, value))
    elif not layer.isabs(value):
        raise fail(layer, key, f"expected an absolute path, got {show(value)}")
    holder[name] = value


def exists(path: Path) -> bool:
    """Does a layer file exist? An unreadable one counts (reading it then fails)."""
    try:
        return path.exists()
    except OSError:  # e.g. PermissionError on a parent folder
        return True


def read_toml(path: Path, name: str) -> Layer:
    """Read a TOML layer file (not checked yet: see :func:`check_layer`).

    Raises:
        ConfigError: unreadable file, not UTF-8, or a TOML syntax error (with its
            line and column).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise invalid(str(path), "", f"cannot be read: {exc.strerror or exc}") from None
    # Notepad and PowerShell 5 still write a byte-order mark. Dropped by hand:
    # the utf-8-sig codec is one more module to import before the first paint.
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3:].decode() if bom else raw.decode()
    except UnicodeDecodeError as exc:
        where = exc.start + (3 if bom else 0)
        raise invalid(
            str(path), "", f"expected UTF-8 text, found byte {where} invalid"
        ) from None
    # tomllib only when a TOML file exists: the detect start-up budget.
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise invalid(str(path), "", _toml_message(str(exc))) from None
    except RecursionError:
        raise invalid(str(path), "", "not valid TOML: nested too deeply") from None
    return Layer(name, str(path), data, base=str(path.parent))


def _toml_message(text: str) -> str:
    """``Invalid value (at line 3, column 7)`` → ``line 3, column 7: not valid TOML
    (invalid value)``."""
    message, sep, where = text.rpartition(" (at ")
    if not sep:
        return f"not valid TOML ({text})"
    where = where.removesuffix(")")
    detail = message[:1].lower() + message[1:]
    return f"{where}: not valid TOML ({detail})"


def merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    """Deep-merge ``data`` into ``into``: sections key by key, lists replaced."""
    for key, value in data.items():
        current = into.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            merged = dict(current)
            merge(merged, value)
            into[key] = merged
        elif isinstance(value, dict):
            merged = {}
            merge(merged, value)
            into[key] = merged
        else:
            into[key] = value
