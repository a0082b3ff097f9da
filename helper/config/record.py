# SPDX-License-Identifier: MIT
"""A frozen, keyword-only record type for the configuration model.

Why not msgspec Structs or dataclasses: the configuration is read before the
window's first paint, and importing msgspec costs 8 ms there (uuid, decimal,
platform, its own extension) and building nine dataclasses 7 ms — a third of
what the whole helper may add to a bare Qt window (tests/bench_gui.py). A
record here costs microseconds: fields are the class's annotations, defaults
are its class attributes (shared safely, since records are immutable), and
type checkers see a frozen keyword-only dataclass (PEP 681).

    class Tenant(Record):
        tenant_id: str = ""

    Tenant(tenant_id="…").replace(tenant_id="…")

Types are checked by :mod:`helper.config.validate`, not here.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, dataclass_transform


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Record:
    """Base of the configuration's records (see the module's docstring)."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _required: ClassVar[frozenset[str]] = frozenset()
    # Fields whose values repr() hides (secrets): set it without an annotation.
    _hidden: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Not inspect.get_annotations: importing inspect costs 3 ms of `detect`.
        names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
        cls._fields = names
        # A field without a class attribute has no default: it is required.
        cls._required = frozenset(n for n in names if n not in cls.__dict__)

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - set(self._fields)
        if unknown:
            raise TypeError(
                f"{type(self).__name__}: unknown field(s) {', '.join(sorted(unknown))}"
            )
        missing = self._required - values.keys()
        if missing:
            raise TypeError(
                f"{type(self).__name__}: missing field(s) {', '.join(sorted(missing))}"
            )
        # Unset fields read the class attribute: the default.
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only (use replace())")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def values(self) -> tuple[Any, ...]:
        """The field values, in declaration order."""
        return tuple(getattr(self, name) for name in self._fields)

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self.values() == other.values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.values()))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{n}={'***' if n in self._hidden else repr(getattr(self, n))}"
            for n in self._fields
        )
        return f"{type(self).__name__}({shown})"
