# SPDX-License-Identifier: MIT
"""The collector's answer about this device, read by the helper
(helper.report.confirmation): every contract state, and any other bytes are
"unavailable", never an exception."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from helper.report.confirmation import UNAVAILABLE, parse_confirmation


def body(**values: object) -> bytes:
    answer: dict[str, object] = {
        "intune": "confirmed",
        "reported": {"in_intune": True, "legacy_status": "left"},
        "confirm_within_hours": 12,
        "reenrolled": False,
    }
    answer.update(values)
    return json.dumps(answer).encode()


def test_each_state_of_the_contract() -> None:
    assert parse_confirmation(body(compliance="noncompliant")).compliance == (
        "noncompliant"
    )
    assert parse_confirmation(body()).compliance == "unknown"
    pending = parse_confirmation(body(intune="identity-unconfirmed", limbo=True))
    assert (pending.state, pending.hours, pending.limbo) == ("pending", 12, True)
    assert parse_confirmation(body(intune="not-found")).state == "pending"
    assert parse_confirmation(body(intune="removed", reenrolled=True)).reenrolled
    assert parse_confirmation(body(intune="not-checked")).state == "off"
    # A confirmed device is never "in limbo", whatever the flag says.
    assert not parse_confirmation(body(limbo=True)).limbo


def test_what_is_not_the_contract_is_unavailable() -> None:
    for bad in (
        b"",
        b"<html>proxy login</html>",
        body(intune="maybe"),
        body(confirm_within_hours=0),
        body(confirm_within_hours="24"),
        b"[]",
    ):
        assert parse_confirmation(bad) == UNAVAILABLE


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=15,
)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=200)
    | _json.map(lambda v: json.dumps(v).encode())
    | st.fixed_dictionaries(
        {"intune": st.sampled_from(["confirmed", "not-found", "x"]) | _json},
        optional={
            "confirm_within_hours": _json,
            "compliance": _json,
            "limbo": _json,
            "reenrolled": _json,
        },
    ).map(lambda v: json.dumps(v).encode())
)
def test_any_bytes_are_read_or_unavailable(data: bytes) -> None:
    found = parse_confirmation(data)
    assert found.state in ("confirmed", "pending", "removed", "off", "unavailable")
    if found.state != "confirmed":
        assert found.compliance is None
