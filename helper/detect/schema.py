# SPDX-License-Identifier: MIT
"""The JSON Schema of detection/1, generated from the model (resources/schemas/)."""

from __future__ import annotations

import json

import msgspec

from helper.detect.model import Detection


def detection_schema() -> dict[str, object]:
    schema: dict[str, object] = msgspec.json.schema(Detection)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = (
        "https://intune-migration-helper.example/schemas/detection-1.schema.json"
    )
    schema["title"] = "Intune Migration Helper detection result (detection/1)"
    return schema


def detection_schema_text() -> str:
    return json.dumps(detection_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(detection_schema_text(), end="")
