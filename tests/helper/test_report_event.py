# SPDX-License-Identifier: MIT
"""migration-status/1: the committed schema is the model's, events validate, and
nothing personal can pass the schema's patterns."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from typing import Any

import jsonschema
import msgspec
import pytest

from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.report.event import (
    SCHEMA_ID,
    Device,
    DeviceFacts,
    as_code,
    as_guid,
    as_ident,
    as_version,
    decode_event,
    encode_event,
    facts_from_detection,
    hmac_of_digest,
    normalize_arch,
    normalize_locale,
    platform_facts,
    serial_digest,
    serial_hmac,
    status_schema_text,
)
from helper.resources import resource_path
from tests.conftest import CAPTURES
from tests.helper.report_server import sample_event

SCHEMA_FILE = resource_path("schemas", "migration-status-1.schema.json")
KEY = "0123456789abcdef0123456789abcdef-tenant-key"


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_committed_schema_matches_model() -> None:
    """The file is generated from the Structs, so they cannot disagree; the file
    is committed so the collector (and reviewers) read it without Python."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == status_schema_text(), (
        "regenerate with: python -m helper.report.event > " + str(SCHEMA_FILE)
    )


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for v in node.values() for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def _free_strings(schema: dict[str, Any]) -> list[str]:
    """Paths of string properties with neither pattern nor enum."""
    out = []
    for name, definition in schema["$defs"].items():
        for prop, spec in definition["properties"].items():
            options: Sequence[dict[str, Any]] = spec.get("anyOf", [spec])
            for option in options:
                if option.get("type") == "string" and not (
                    "pattern" in option or "enum" in option or "format" in option
                ):
                    out.append(f"{name}.{prop}")
    return out


def test_every_string_is_constrained_and_admits_nothing_personal() -> None:
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert _free_strings(schema) == []
    for pattern in _patterns(schema):
        for text in ("jdupont@contoso.com", r"C:\Users\jdupont", "/home/jd", "a b"):
            assert not re.search(pattern, text), (pattern, text)


def test_sample_events_validate_and_round_trip() -> None:
    check = validator()
    event = sample_event()
    raw = encode_event(event)
    check.validate(json.loads(raw))
    assert decode_event(raw) == event


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"event_id": "not-a-uuid"}, "event_id"),
        ({"device_seq": 0}, "device_seq"),
        ({"code": "failed at C:\\Users\\jdupont"}, "code"),
        ({"stage": "jdupont@contoso.com"}, "stage"),
        ({"event_type": "rebooted"}, "event_type"),
        ({"device": Device(os_family="linux", serial_hmac="ABC123")}, "serial_hmac"),
    ],
)
def test_schema_rejects(changes: dict[str, Any], where: str) -> None:
    doc = json.loads(encode_event(sample_event(**changes)))
    errors = list(validator().iter_errors(doc))
    assert errors and where in str(errors[0].path) + errors[0].message


def test_unknown_fields_are_refused() -> None:
    doc = json.loads(encode_event(sample_event()))
    doc["hostname"] = "PC-JDUPONT"
    assert not validator().is_valid(doc)
    with pytest.raises(msgspec.ValidationError):
        decode_event(json.dumps(doc).encode())


def test_serial_hmac_is_the_collectors_keyed_digest() -> None:
    """The device sends a digest; the collector keys it (no key on devices).
    The documented recipe for IT's inventory gives the same value."""
    digest = hashlib.sha256(
        b"intune-migration-helper/serial/1\n" + b"C02XK1ABJGH5"
    ).hexdigest()
    assert serial_digest("  c02xk1abjgh5\n") == digest  # normalized
    expected = hmac.new(KEY.encode(), digest.encode(), hashlib.sha256).hexdigest()
    assert serial_hmac("C02XK1ABJGH5", KEY) == expected
    assert hmac_of_digest(digest, KEY) == expected
    assert serial_hmac("C02XK1ABJGH5", "") is None
    assert serial_hmac(None, KEY) is None
    for placeholder in ("To be filled by O.E.M.", "0"):
        assert serial_digest(placeholder) is None
        assert serial_hmac(placeholder, KEY) is None


def test_no_serial_means_no_serial_field() -> None:
    device = DeviceFacts(os_family="windows", serial_digest=serial_digest("0")).device()
    assert b"serial" not in msgspec.json.encode(device)


def test_value_guards() -> None:
    assert as_ident("wave-03") == "wave-03"
    assert as_ident("wave 03") is None and as_ident("") is None
    assert as_code("0x80180014") == "0x80180014"
    assert as_code("legacy-still-present") == "legacy-still-present"
    assert as_code("Access denied to C:\\Users\\jd") == "invalid-code"
    assert as_code(None) is None
    guid = "9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D"
    assert as_guid("{" + guid + "}") == guid
    assert as_guid("FFFFFFFF") is None
    assert as_version("10.0.26100") == "10.0.26100"
    assert as_version("Darwin Kernel Version 23") is None
    assert normalize_arch("AMD64") == "x64"
    assert normalize_arch("aarch64") == "arm64"
    assert normalize_arch("i686") == "x86"
    assert normalize_arch("armv7l") == "arm"
    assert normalize_arch("riscv64") == "other"
    assert normalize_locale("fr_FR.UTF-8") == "fr-FR"
    assert normalize_locale("C") is None
    assert normalize_locale("English_United States") is None


def test_platform_facts() -> None:
    facts = platform_facts()
    assert facts.os_family in ("linux", "macos", "windows")
    validator().validate(json.loads(encode_event(sample_event(device=facts.device()))))


@pytest.mark.parametrize(
    ("capture", "entra", "intune", "vendor", "enrolled"),
    [
        (
            "win-ws1-and-intune",
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            "c0ffee00-1234-4abc-9def-0123456789ab",
            "workspace-one",
            True,
        ),
        (
            "linux-intune-enrolled",
            "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a",
            "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
            None,
            False,
        ),
    ],
)
def test_facts_from_detection(
    capture: str, entra: str, intune: str, vendor: str | None, enrolled: bool
) -> None:
    detection = detect(open_capture(CAPTURES / capture), load_catalogue())
    base = DeviceFacts(os_family="linux", os_version="12", arch="x64")
    facts = facts_from_detection(detection, base, serial_digest_value="ab" * 32)
    assert facts.entra_device_id == entra and facts.intune_device_id == intune
    assert facts.legacy_vendor == vendor and facts.legacy_enrolled is enrolled
    assert facts.os_family == detection.os and facts.os_version == "12"
    event = sample_event(device=facts.device(), legacy=facts.legacy())
    validator().validate(json.loads(encode_event(event)))
    # A later detection that cannot read the ids keeps the known ones.
    unknown = msgspec.structs.replace(detection, verdict="unknown")
    unknown.entra.device_id = None
    kept = facts_from_detection(unknown, facts)
    assert kept.entra_device_id == entra and kept.legacy_enrolled is enrolled


def test_event_times_are_utc() -> None:
    paris = datetime.timezone(datetime.timedelta(hours=2))
    from helper.report.event import utc

    moment = utc(datetime.datetime(2026, 5, 4, 11, 12, 33, tzinfo=paris))
    raw = encode_event(sample_event(event_time_utc=moment))
    assert b'"event_time_utc":"2026-05-04T09:12:33Z"' in raw
