# SPDX-License-Identifier: MIT
"""Pure parsers for every outside format a capture holds.

Each parser takes raw bytes (or text) and returns typed data. Contract shared by
all of them: arbitrary input never raises anything but :class:`ParseError`, and
real-world noise (CRLF, trailing spaces, missing sections, unknown keys, truncated
output) is tolerated rather than rejected.
"""

from __future__ import annotations


class ParseError(ValueError):
    """The input is not the documented format at all (binary, empty, wrong file)."""


def split_pair(line: str) -> tuple[str, str] | None:
    """``Key : Value`` → (key, value), both stripped; None if no colon.

    Keys hold no colon; values may (URLs, times). "Key :" alone is an empty
    value.
    """
    key, colon, value = line.partition(":")
    if not colon:
        return None
    return key.strip(), value.strip()


def decode_text(data: bytes) -> str:
    """Decode command output or an exported file to text.

    UTF-16 (with BOM, as regedit writes) and UTF-8 (with or without BOM) are
    accepted; NUL bytes in what claims to be UTF-8 mean binary data.

    Raises:
        ParseError: empty or binary input.
    """
    if not data.strip():
        raise ParseError("empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            # Truncated mid-character: keep what decodes.
            text = data[: len(data) - (len(data) % 2)].decode(
                "utf-16", errors="replace"
            )
    elif b"\x00" in data:
        # UTF-16LE without BOM (ASCII text with every other byte NUL).
        if data[1::2].count(0) > len(data) // 4:
            text = data.decode("utf-16-le", errors="replace")
        else:
            raise ParseError("binary data")
    else:
        text = data.decode("utf-8-sig", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 10):
        raise ParseError("binary data")
    return text


def string_field(obj: dict[str, object], key: str, where: str) -> str:
    """A text value of a decoded document, stripped; ``""`` when absent.

    Raises:
        ParseError: the value is there but not text (``where`` names the place).
    """
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ParseError(f"{where}: {key} is {type(value).__name__}, not a string")
    return value.strip()
