# SPDX-License-Identifier: MIT
"""Registry exports (``.reg``), as regedit and ``reg export`` write them.

The format (both "Windows Registry Editor Version 5.00" and "REGEDIT4")::

    Windows Registry Editor Version 5.00

    [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments\\{GUID}]
    "ProviderID"="AirWatchMDM"
    "EnrollmentState"=dword:00000001
    "Blob"=hex:01,02,03,\\
      04,05
    @="the default value"

Strings escape ``\\`` and ``"`` with a backslash; ``hex(n):`` carries the raw
bytes of a value of type n (2 = REG_EXPAND_SZ and 7 = REG_MULTI_SZ in UTF-16LE
for version 5, ANSI for REGEDIT4; b = REG_QWORD little-endian); long hex lines
continue on the next line after a trailing backslash. ``[-key]`` and ``"x"=-``
are deletions (only meaningful on import): they are skipped.

Parsing is lenient: comments, unknown lines, trailing spaces and a file cut
short are tolerated, and what parsed is kept. Hive names are normalized to their
short form (``HKEY_LOCAL_MACHINE`` → ``HKLM``), so paths compare with what a
:class:`~helper.probe.registry.RegistryReader` is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from helper.parsers import ParseError, decode_text
from helper.probe.registry import RegData, RegValue, type_name

HEADER_V5 = "Windows Registry Editor Version 5.00"
HEADER_V4 = "REGEDIT4"

_LONG_HIVES = {
    "HKEY_LOCAL_MACHINE": "HKLM",
    "HKEY_CURRENT_USER": "HKCU",
    "HKEY_CLASSES_ROOT": "HKCR",
    "HKEY_USERS": "HKU",
    "HKEY_CURRENT_CONFIG": "HKCC",
}
_SHORT_HIVES = {short: long for long, short in _LONG_HIVES.items()}

_TYPE_CODES = {
    "REG_NONE": 0,
    "REG_SZ": 1,
    "REG_EXPAND_SZ": 2,
    "REG_BINARY": 3,
    "REG_DWORD": 4,
    "REG_MULTI_SZ": 7,
    "REG_QWORD": 11,
}

_HEX_TYPE = re.compile(r"hex(?:\(([0-9a-f]{1,8})\))?:", re.ASCII | re.IGNORECASE)
_DWORD = re.compile(r"dword:([0-9a-f]{1,8})$", re.ASCII | re.IGNORECASE)
# Characters that cannot appear as is in a quoted string: they would break the
# line structure, or (U+FFFD) make decode_text take the file for binary.
_UNQUOTABLE = re.compile("[\x00-\x1f\ufffd]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class RegKey(msgspec.Struct):
    """One key of an export.

    Attributes:
        path: ``HKLM\\SOFTWARE\\...`` (short hive name, key names as written).
        values: the key's values keyed by lower-cased name ("" = default value),
            in file order, as :meth:`RegistryReader.values` returns them.
    """

    path: str
    values: dict[str, RegValue] = msgspec.field(default_factory=dict)


class _Index:
    """Folded path → key, and folded parent → {folded name: name}.

    Built once per export: looking each key up by scanning the list made
    detection quadratic (a 3.75 MB enrollments.reg took 36 s, 15 MB more
    than 180 s).
    """

    __slots__ = ("children", "count", "keys")

    def __init__(self, keys: list[RegKey]) -> None:
        self.count = len(keys)
        self.keys: dict[str, RegKey] = {}
        self.children: dict[str, dict[str, str]] = {}
        for key in keys:
            parts = key.path.split("\\")
            folded = [fold(p) for p in parts]
            self.keys.setdefault("\\".join(folded), key)
            for depth in range(1, len(parts)):
                self.children.setdefault("\\".join(folded[:depth]), {}).setdefault(
                    folded[depth], parts[depth]
                )


class RegFile(msgspec.Struct, dict=True):
    """A parsed export.

    Attributes:
        keys: the keys in file order; a key written twice is merged into one.
        version: ``5.00``, ``4``, or None when the header was missing.
    """

    keys: list[RegKey] = msgspec.field(default_factory=list)
    version: str | None = None

    def _index(self) -> _Index:
        index: _Index | None = self.__dict__.get("_cached_index")
        # Rebuilt if keys were added since (tests build exports in code).
        if index is None or index.count != len(self.keys):
            index = _Index(self.keys)
            self.__dict__["_cached_index"] = index
        return index

    def key(self, path: str) -> RegKey | None:
        """The key at ``path`` (any hive spelling, case-insensitive), or None."""
        return self._index().keys.get(fold(normalize_path(path)))

    def children(self, path: str) -> list[str]:
        """Names of the direct subkeys of ``path``, including keys only implied
        by a deeper key (a hand-made export may skip the intermediate ones)."""
        found = self._index().children.get(fold(normalize_path(path)), {})
        return list(found.values())


def fold(name: str) -> str:
    """A key name or path in the form Windows compares: upper-cased per character.

    Windows compares names through a one-to-one upper-case table, so a character
    whose Python upper case is longer (``ß`` → ``SS``) stays as it is; ``str.lower``
    or ``casefold`` would merge names Windows keeps apart, or the reverse
    (dotless i, U+0131, upper-cases to ``I``).
    """
    upper = name.upper()
    if len(upper) == len(name):
        return upper  # every character mapped to exactly one
    return "".join(c if len(c.upper()) != 1 else c.upper() for c in name)


def normalize_path(path: str) -> str:
    """``HKEY_LOCAL_MACHINE\\Software\\X\\`` → ``HKLM\\Software\\X``.

    Only the hive is rewritten; key names keep their case (Windows compares them
    case-insensitively, so lookups lower-case both sides).
    """
    hive, sep, rest = path.strip().strip("\\").partition("\\")
    upper = hive.upper()
    hive = _LONG_HIVES.get(upper, upper if upper in _SHORT_HIVES else hive)
    rest = rest.rstrip("\\")
    return hive + sep + rest if rest else hive


# --- parsing ------------------------------------------------------------------------


def parse_regfile(data: bytes) -> RegFile:
    """Parse a regedit export.

    Args:
        data: the file's bytes (UTF-16LE with BOM as regedit writes it, or UTF-8).

    Returns:
        The keys and values found; an export holding only its header has no keys.

    Raises:
        ParseError: empty or binary data, or text with neither a header nor a key.
    """
    text = decode_text(data)
    version: str | None = None
    keys: dict[str, RegKey] = {}
    current: RegKey | None = None
    for line in _logical_lines(text):
        if not line or line.startswith(";"):
            continue
        if line.startswith("["):
            current = None
            end = line.rfind("]")
            if end <= 1 or line.startswith("[-"):
                # A truncated key line, or a deletion: values below it are ignored.
                continue
            path = normalize_path(line[1:end])
            if not path:
                continue
            current = keys.get(fold(path))
            if current is None:
                current = keys[fold(path)] = RegKey(path)
            continue
        if line.startswith(('"', "@")):
            if current is not None:
                value = _parse_value(line, version == "4")
                if value is not None:
                    current.values[value.name.lower()] = value
            continue
        if version is None and not keys:
            if line.lower() == HEADER_V5.lower():
                version = "5.00"
            elif line.upper() == HEADER_V4:
                version = "4"
        # Anything else (a second header, stray text) is skipped.
    if version is None and not keys:
        raise ParseError("not a registry export (no header and no key)")
    return RegFile(list(keys.values()), version)


def _logical_lines(text: str) -> Iterable[str]:
    """Lines with trailing spaces removed and continuations joined."""
    pending: list[str] = []
    # Only CR and LF end lines: str.splitlines() would also split on characters
    # such as U+2028 or U+0085 that names and strings may legitimately hold.
    for raw in _LINE_BREAK.split(text):
        line = raw.strip()
        if pending and line.startswith(("[", '"', "@")):
            # A continuation cut short by a damaged file: keep both lines.
            yield "".join(pending)
            pending = []
        # Only value lines continue (hex data); a key or a comment never does.
        if line.endswith("\\") and (pending or line.startswith(('"', "@"))):
            pending.append(line[:-1])
            continue
        if pending:
            pending.append(line)
            yield "".join(pending)
            pending = []
        else:
            yield line
    if pending:
        # The file ends inside a continuation: keep what is there.
        yield "".join(pending)


def _read_quoted(line: str, start: int) -> tuple[str, int] | None:
    """Read a ``"..."`` string at ``start``; (text, index after it) or None."""
    out: list[str] = []
    i = start + 1
    end = len(line)
    # str.find jumps to the next quote or backslash (a loop per character
    # made a 16 MiB export take seconds).
    while i < end:
        quote = line.find('"', i)
        slash = line.find("\\", i, quote if quote >= 0 else end)
        if slash < 0:
            if quote < 0:
                return None  # no closing quote: the line was cut short
            out.append(line[i:quote])
            return "".join(out), quote + 1
        out.append(line[i:slash])
        if slash + 1 >= end:
            return None  # a backslash, then the end of the line
        following = line[slash + 1]
        # regedit escapes only these two; keep any other backslash as is
        # (hand-written exports contain paths such as "C:\Temp").
        out.append(following if following in '\\"' else "\\" + following)
        i = slash + 2
    return None


def _parse_value(line: str, ansi: bool) -> RegValue | None:
    if line.startswith("@"):
        name, rest = "", line[1:]
    else:
        quoted = _read_quoted(line, 0)
        if quoted is None:
            return None
        name, end = quoted
        rest = line[end:]
    rest = rest.lstrip()
    if not rest.startswith("="):
        return None
    spec = rest[1:].strip()
    if spec.startswith('"'):
        quoted = _read_quoted(spec, 0)
        if quoted is None:
            return None
        return RegValue(name, "REG_SZ", quoted[0])
    dword = _DWORD.match(spec)
    if dword:
        return RegValue(name, "REG_DWORD", int(dword.group(1), 16))
    match = _HEX_TYPE.match(spec)
    if match is None:
        return None  # "x"=- (deletion) or something unknown
    code = int(match.group(1), 16) if match.group(1) else 3
    raw = _hex_bytes(spec[match.end() :])
    return RegValue(name, type_name(code), _typed(code, raw, ansi))


def _hex_bytes(text: str) -> bytes:
    out = bytearray()
    for piece in text.split(","):
        token = piece.strip()
        if not token:
            continue
        if len(token) > 2 or any(c not in "0123456789abcdefABCDEF" for c in token):
            break  # garbage or a cut: keep the bytes before it
        out.append(int(token, 16))
    return bytes(out)


def _decode_string(raw: bytes, ansi: bool) -> str:
    if ansi:
        text = raw.decode("cp1252", errors="replace")
    else:
        text = raw[: len(raw) - len(raw) % 2].decode("utf-16-le", errors="replace")
    # One terminating NUL belongs to the storage, not to the string.
    return text[:-1] if text.endswith("\x00") else text


def _typed(code: int, raw: bytes, ansi: bool) -> RegData:
    if code in (1, 2):
        return _decode_string(raw, ansi)
    if code == 7:
        strings: list[str] = []
        for part in _decode_string(raw, ansi).split("\x00"):
            if not part:
                break  # an empty string ends the list
            strings.append(part)
        return strings
    if code == 4:
        return int.from_bytes(raw[:4], "little")
    if code == 11:
        return int.from_bytes(raw[:8], "little")
    return raw


# --- writing ------------------------------------------------------------------------


def export_reg(keys: Iterable[RegKey]) -> bytes:
    """Write keys as regedit does: version 5.00, CRLF, UTF-16LE with a BOM.

    Args:
        keys: the keys to write, in order (paths may use short or long hive names).

    Returns:
        The file's bytes; :func:`parse_regfile` reads them back to the same keys.
    """
    lines = [HEADER_V5, ""]
    for key in keys:
        hive, sep, rest = normalize_path(key.path).partition("\\")
        lines.append(f"[{_SHORT_HIVES.get(hive, hive)}{sep}{rest}]")
        for value in key.values.values():
            lines.extend(_format_value(value))
        lines.append("")
    lines.append("")
    text = "\r\n".join(lines)
    return b"\xff\xfe" + text.encode("utf-16-le", errors="surrogatepass")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _format_value(value: RegValue) -> list[str]:
    head = "@=" if value.name == "" else _quote(value.name) + "="
    data = value.data
    code = _TYPE_CODES.get(value.type)
    if code is None:
        match = re.fullmatch(r"REG_(\d+)", value.type)
        code = int(match.group(1)) if match else 3
    if code == 1 and isinstance(data, str) and not _UNQUOTABLE.search(data):
        return [head + _quote(data)]
    if code == 4 and isinstance(data, int) and 0 <= data <= 0xFFFFFFFF:
        return [head + f"dword:{data:08x}"]
    if code == 11 and isinstance(data, int):
        raw = (data & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")
    else:
        raw = _as_bytes(data)
    prefix = head + ("hex:" if code == 3 else f"hex({code:x}):")
    return _wrap_hex(prefix, raw)


def _as_bytes(data: object) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return (data + "\x00").encode("utf-16-le", errors="surrogatepass")
    if isinstance(data, list):
        joined = "".join(f"{s}\x00" for s in data) + "\x00"
        return joined.encode("utf-16-le", errors="surrogatepass")
    if isinstance(data, int):
        size = 4 if 0 <= data <= 0xFFFFFFFF else 8
        return (data & (1 << (size * 8)) - 1).to_bytes(size, "little")
    return b""  # winreg gives None for an empty binary value


def _wrap_hex(prefix: str, raw: bytes) -> list[str]:
    """Hex bytes wrapped as regedit does: lines under 80 columns, ``\\`` at the end."""
    lines: list[str] = []
    line = prefix
    for index, byte in enumerate(raw):
        last = index == len(raw) - 1
        line += f"{byte:02x}" + ("" if last else ",")
        if not last and len(line) >= 76:
            lines.append(line + "\\")
            line = "  "
    lines.append(line)
    return lines
