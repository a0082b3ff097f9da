# SPDX-License-Identifier: MIT
"""Type-checking one layer's raw data and building the model from it.

A layer is nested plain data (TOML tables, plist dicts, registry values already
decoded): :func:`check_types` walks it against :data:`helper.config.keys.KEYS`
— every key known, every value of its kind, no bool for an integer, dates as
dates — and :func:`build` turns checked data into a :class:`Config`. Errors name
the key path and what was expected; the layer adds where it came from.

This is plain Python on purpose: the window reads its configuration before the
first paint, where importing a validation library costs more than the whole
configuration (see record.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Final

from helper.config.keys import DEV_KEYS, KEYS, WAVE_FIELDS
from helper.config.model import Config, MigrationConfig, Wave
from helper.config.record import Record

# Raises the layer's error for (key path, expectation); see layers.check_layer.
Fail = Callable[[str, str], Exception]
# (key path, name) → the expectation for an unknown key (layers.unknown_key).
Unknown = Callable[[str, str], str]
# key path → the value shown after "got" (empty for secrets).
Shown = Callable[[str], str]

# Section name → its record type, read from the model (a section's default is a
# record: ``Config().tenant`` is a ``Tenant``).
_SECTIONS: Final[dict[str, type[Record]]] = {
    name: type(default)
    for name, default in zip(Config._fields, Config().values(), strict=True)
    if isinstance(default, Record)
}
_WAVE_REQUIRED: Final = ("id", "notify_date", "enforcement_date")

_KIND_WORDS: Final = {
    "str": "a string",
    "int": "an integer",
    "bool": "true or false",
    "waves": "a list",
}


def type_words(value: object) -> str:
    """How a message names a value's type ("a string", "a date and time"...)."""
    # bool before int, datetime before date: each is a subclass of the other.
    for kind, words in (
        (bool, "true or false"),
        (int, "an integer"),
        (float, "a decimal number"),
        (str, "a string"),
        (dict, "a table (section)"),
        (list, "a list"),
        (tuple, "a list"),
        (type(None), "nothing"),
        (datetime.datetime, "a date and time"),
        (datetime.date, "a date (YYYY-MM-DD)"),
        (datetime.time, "a time"),
        (bytes, "binary data"),
    ):
        if isinstance(value, kind):
            return words
    return type(value).__name__


def _is_kind(value: object, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, list | tuple)


def parse_date(value: object) -> datetime.date | None:
    """A date from a date or a ``YYYY-MM-DD`` string; None when it is neither."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    # Exactly YYYY-MM-DD: fromisoformat alone also takes 20250203 or 2025-W05.
    if (
        isinstance(value, str)
        and len(value) == 10
        and value[4] == value[7] == "-"
        and (value[:4] + value[5:7] + value[8:]).isdigit()
    ):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_types(data: object, fail: Fail, unknown: Unknown, shown: Shown) -> None:
    """Check a layer's keys and value types.

    Args:
        data: the layer's nested data.
        fail: builds the layer's error for a key path and an expectation.
        unknown: the expectation for an unknown key under a parent key path.
        shown: the value after "got" for a key path (" 'x'", or "" for secrets).

    Raises:
        Exception: what ``fail`` returns, for the first problem found.
    """
    if not isinstance(data, dict):
        raise fail("", f"expected a table of settings, got {type_words(data)}")
    for name, value in data.items():
        if name == "words":
            _check_words(value, fail, shown)
        elif name in _SECTIONS:
            if not isinstance(value, dict):
                raise fail(
                    name,
                    f"expected a table (section), got {type_words(value)}{shown(name)}",
                )
            for field, inner in value.items():
                _check_leaf(f"{name}.{field}", inner, fail, unknown, shown)
        else:
            _check_leaf(str(name), value, fail, unknown, shown)


def words_path(path: str) -> str:
    """``fr.CheckPage.x`` under ``words`` → ``words.fr."CheckPage.x"``."""
    if not path:
        return "words"
    lang, dot, key = path.partition(".")
    return f'words.{lang}."{key}"' if dot else f"words.{lang}"


def _check_words(value: object, fail: Fail, shown: Shown) -> None:
    # Only a layer with IT's words pays for this module (and the file listing).
    from helper.config.words import WordsError, check_shape, languages

    try:
        check_shape(value, languages())
    except WordsError as exc:
        raise fail(words_path(exc.key), exc.expected) from None


def _check_leaf(
    key: str, value: object, fail: Fail, unknown: Unknown, shown: Shown
) -> None:
    kind = KEYS.get(key) or DEV_KEYS.get(key)
    if kind is None:
        parent, _, name = key.rpartition(".")
        raise fail(key, unknown(parent, name))
    if not _is_kind(value, kind):
        raise fail(
            key, f"expected {_KIND_WORDS[kind]}, got {type_words(value)}{shown(key)}"
        )
    if kind == "waves":
        assert isinstance(value, list | tuple)
        for index, wave in enumerate(value):
            _check_wave(f"{key}[{index}]", wave, fail, unknown, shown)


def _check_wave(
    key: str, wave: object, fail: Fail, unknown: Unknown, shown: Shown
) -> None:
    if not isinstance(wave, dict):
        raise fail(key, f"expected a table (wave), got {type_words(wave)}{shown(key)}")
    for name, value in wave.items():
        at = f"{key}.{name}"
        if name not in WAVE_FIELDS:
            raise fail(at, unknown(key, str(name)))
        if name in ("id", "name"):
            if not isinstance(value, str):
                raise fail(at, f"expected a string, got {type_words(value)}{shown(at)}")
        elif parse_date(value) is None:
            if isinstance(value, str):
                raise fail(at, f"expected a date as YYYY-MM-DD, got{shown(at)}")
            raise fail(
                at, f"expected a date (YYYY-MM-DD), got {type_words(value)}{shown(at)}"
            )
    for name in _WAVE_REQUIRED:
        if name not in wave:
            raise fail(f"{key}.{name}", "expected a value: this key is required")


def build(data: dict[str, Any]) -> Config:
    """The model of checked data (:func:`check_types` first)."""
    top: dict[str, Any] = {}
    for name, value in data.items():
        record = _SECTIONS.get(name)
        if name == "words":
            from helper.config.words import as_tuples

            top[name] = as_tuples(value)
        elif record is None:
            top[name] = value
        elif name == "migration":
            fields = dict(value)
            if "waves" in fields:
                fields["waves"] = tuple(_wave(w) for w in fields["waves"])
            top[name] = MigrationConfig(**fields)
        else:
            top[name] = record(**value)
    return Config(**top)


def _wave(data: dict[str, Any]) -> Wave:
    notify = parse_date(data["notify_date"])
    enforcement = parse_date(data["enforcement_date"])
    assert notify is not None and enforcement is not None  # checked
    return Wave(
        id=data["id"],
        notify_date=notify,
        enforcement_date=enforcement,
        name=data.get("name", ""),
    )
