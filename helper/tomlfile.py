# SPDX-License-Identifier: MIT
"""Reading a TOML data file into a typed model, with one-line errors.

Vendor files, playbooks, the allowlist and scenarios are all TOML that IT may
write by hand; every error names the file, and the key for type errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import msgspec

from helper.errors import HelperError

T = TypeVar("T")


def load_toml_as(path: Path, model: type[T], error: type[HelperError], code: str) -> T:
    """Parse ``path`` and convert it to ``model``.

    Args:
        path: the TOML file.
        model: the msgspec Struct it must match.
        error: the HelperError subclass to raise.
        code: its code (``playbook-invalid``...).

    Raises:
        error: the file cannot be read, is not TOML, or does not match the model
            (msgspec names the key: ``Expected `str`, got `int` - at `$.id```).
    """
    import tomllib

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(code, f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(code, f"{path}: not valid TOML ({exc})") from None
    try:
        return msgspec.convert(raw, model)
    except msgspec.ValidationError as exc:
        raise error(code, f"{path}: {exc}") from None
