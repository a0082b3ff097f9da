# SPDX-License-Identifier: MIT
"""The committed schema files depend on our docstrings, not on how a msgspec
release formats them (0.22 and 0.23 disagree on docstring indentation)."""

from __future__ import annotations

import textwrap

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from helper.schemas import model_schema, normalize_descriptions, schema_text

# Lines of docstring-like text: words, no leading blanks of their own.
LINES = st.lists(
    st.text(alphabet="abc xyz:`.", min_size=1, max_size=20).map(str.strip),
    min_size=1,
    max_size=6,
)


class Device(msgspec.Struct):
    """A device.

    Attributes:
        serial: the serial number.
    """

    serial: str


@given(LINES, st.integers(min_value=0, max_value=12))
def test_indentation_does_not_change_the_text(lines: list[str], indent: int) -> None:
    flat = "\n".join(lines)
    indented = lines[0] + "\n" + textwrap.indent("\n".join(lines[1:]), " " * indent)
    schema = {"description": flat, "$defs": {"X": {"description": indented}}}
    again = {"description": indented, "$defs": {"X": {"description": flat}}}
    assert normalize_descriptions(schema) == normalize_descriptions(again)


@given(
    st.recursive(
        st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)
    )
)
def test_normalising_twice_changes_nothing(node: object) -> None:
    once = normalize_descriptions(node)
    assert normalize_descriptions(once) == once


def test_generated_description_has_no_docstring_indentation() -> None:
    text = schema_text(model_schema(Device, file_name="x.json", title="X"))
    assert "\\n    Attributes" not in text
    assert "A device.\\n\\nAttributes:\\n    serial: the serial number." in text


def test_a_property_named_description_keeps_its_schema() -> None:
    schema = {"properties": {"description": {"type": "string"}}}
    assert normalize_descriptions(schema) == schema
