# SPDX-License-Identifier: MIT
"""Autoescaped HTML without a template engine.

Device data is untrusted (ids and codes pass the event schema, but a collector
must not rely on that), so everything is escaped unless it is :class:`Markup`,
which only this module's functions make:

- :func:`tag` builds an element: attribute values and text children are
  escaped, :class:`Markup` children are kept;
- :func:`render` fills a ``$name`` template (``templates/*.html``): values are
  escaped unless they are :class:`Markup`;
- :func:`join` concatenates fragments, escaping the plain strings.
"""

from __future__ import annotations

import functools
import html
import string
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Final

_VOID: Final = frozenset({"br", "hr", "img", "input", "link", "meta"})
_NAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class Markup(str):
    """A string of HTML that is safe to insert as it is."""

    __slots__ = ()


Attr = str | int | bool | None


def escape(value: object) -> Markup:
    """``value`` as HTML text (``Markup`` is kept as it is)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def join(parts: Iterable[object]) -> Markup:
    """Fragments one after the other (plain strings escaped)."""
    return Markup("".join(escape(p) for p in parts))


def _check_name(name: str) -> str:
    # Names come from our code, never from data; still refuse anything odd.
    if not name or not set(name) <= _NAME_CHARS:
        raise ValueError(f"not an HTML name: {name!r}")
    return name


def tag(element: str, /, *children: object, **attrs: Attr) -> Markup:
    """``<name attrs>children</name>``.

    Attribute names are given in Python form (``class_``, ``data_value``,
    ``aria_sort``): a trailing ``_`` is dropped and ``_`` becomes ``-``.
    ``True`` writes a bare attribute, ``None``/``False`` leaves it out.
    """
    parts = [f"<{_check_name(element)}"]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        attr = _check_name(key.rstrip("_").replace("_", "-"))
        if value is True:
            parts.append(f" {attr}")
        else:
            parts.append(f' {attr}="{escape(value)}"')
    parts.append(">")
    if element in _VOID:
        return Markup("".join(parts))
    parts.extend(escape(c) for c in children if c is not None)
    parts.append(f"</{element}>")
    return Markup("".join(parts))


@functools.lru_cache(maxsize=8)
def template(name: str) -> string.Template:
    """A template from ``collector/dashboard/templates/``."""
    text = (
        resources.files("collector.dashboard")
        .joinpath("templates", name)
        .read_text(encoding="utf-8")
    )
    return string.Template(text)


def render(name: str, values: Mapping[str, object]) -> Markup:
    """Fill a template's ``$names`` (escaped unless :class:`Markup`).

    Raises:
        KeyError: a placeholder without a value (a bug, not data).
    """
    return Markup(template(name).substitute({k: escape(v) for k, v in values.items()}))


__all__ = ["Markup", "escape", "join", "render", "tag", "template"]
