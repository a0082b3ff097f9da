# SPDX-License-Identifier: MIT
"""The JSON Schema of detection/1, generated from the model (resources/schemas/)."""

from __future__ import annotations

from typing import Any

from helper.detect.model import Detection
from helper.schemas import model_schema, schema_text


def detection_schema() -> dict[str, Any]:
    return model_schema(
        Detection,
        file_name="detection-1.schema.json",
        title="Intune Migration Helper detection result (detection/1)",
    )


def detection_schema_text() -> str:
    return schema_text(detection_schema())


if __name__ == "__main__":
    print(detection_schema_text(), end="")
