# SPDX-License-Identifier: MIT
"""JSON Schema files generated from our msgspec models (resources/schemas/).

Each committed schema file is this output for its model; tests compare them, so
a model change that forgets the file fails.

The text depends on our models only, not on how a msgspec release formats
them: descriptions come from docstrings, and msgspec 0.22 and 0.23 disagree on
their indentation, which turned a library update into a red build. So every
``description`` is normalised here the way :func:`inspect.cleandoc` reads a
docstring.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

import msgspec

SCHEMA_BASE = "https://intune-migration-helper.example/schemas/"


def model_schema(model: type, *, file_name: str, title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``model``, with its $id and title."""
    schema: dict[str, Any] = normalize_descriptions(msgspec.json.schema(model))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_BASE + file_name
    schema["title"] = title
    return schema


def schema_text(schema: dict[str, Any]) -> str:
    """The exact text of a committed schema file."""
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def normalize_descriptions(node: Any) -> Any:
    """``node`` with every ``description`` string cleaned like a docstring.

    Common leading indentation and blank lines at either end are removed, so the
    same docstring gives the same text whether or not the generator dedented it.
    """
    if isinstance(node, dict):
        return {
            key: inspect.cleandoc(value)
            if key == "description" and isinstance(value, str)
            else normalize_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [normalize_descriptions(item) for item in node]
    return node
