# SPDX-License-Identifier: MIT
"""JSON Schema files generated from our msgspec models (resources/schemas/).

Each committed schema file is this output for its model; tests compare them, so
a model change that forgets the file fails.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

SCHEMA_BASE = "https://intune-migration-helper.example/schemas/"


def model_schema(model: type, *, file_name: str, title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``model``, with its $id and title."""
    schema: dict[str, Any] = msgspec.json.schema(model)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_BASE + file_name
    schema["title"] = title
    return schema


def schema_text(schema: dict[str, Any]) -> str:
    """The exact text of a committed schema file."""
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
