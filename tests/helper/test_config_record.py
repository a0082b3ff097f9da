# SPDX-License-Identifier: MIT
"""The configuration's records and the plain-Python layer check behind them.

The records replaced msgspec Structs to keep msgspec off the window's start-up
path; these tests hold them to what the Structs gave: keyword construction with
defaults, required fields, immutability, value equality, and a type check that
turns any layer data into a configuration or one clear error.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helper.config.keys import DEV_KEYS, FREE_TABLES, KEYS
from helper.config.layers import Layer, check_layer
from helper.config.model import Config, MigrationConfig, Organization, Tenant, Wave
from helper.config.validate import build, parse_date
from helper.errors import ConfigError


def test_defaults_keywords_and_value_equality() -> None:
    assert Config().organization.accent_color == "#0F6CBD"
    assert Config() == Config()
    assert Organization(name="Contoso") == Organization(name="Contoso")
    assert Organization(name="Contoso") != Organization(name="Fabrikam")
    assert Organization() != Tenant()
    assert hash(Organization(name="A")) == hash(Organization(name="A"))
    changed = Config().replace(organization=Organization(name="Contoso"))
    assert changed.organization.name == "Contoso"
    assert Config().organization.name == ""  # the original is untouched


def test_records_are_read_only_and_strict_about_fields() -> None:
    config = Config()
    with pytest.raises(AttributeError, match="read-only"):
        config.ui = config.ui  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del config.ui  # type: ignore[misc]
    with pytest.raises(TypeError, match="unknown field"):
        Organization(nmae="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"missing field.*enforcement_date"):
        Wave(id="a", notify_date=datetime.date(2025, 1, 1))  # type: ignore[call-arg]


def test_repr_hides_the_secret() -> None:
    key = "k" * 40
    text = repr(Tenant(tenant_id="t", serial_hmac_key=key))
    assert key not in text
    assert "serial_hmac_key=***" in text and "tenant_id='t'" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-03", datetime.date(2025, 2, 3)),
        (datetime.date(2025, 2, 3), datetime.date(2025, 2, 3)),
        ("20250203", None),  # ISO basic form: not what the docs promise
        ("2025-W05-1", None),
        ("2025-02-30", None),
        (datetime.datetime(2025, 2, 3, 10, 0), None),
        (20250203, None),
    ],
)
def test_dates_are_dates_or_yyyy_mm_dd(value: object, expected: object) -> None:
    assert parse_date(value) == expected


def test_build_gives_records_with_dates() -> None:
    config = build(
        {
            "migration": {
                "waves": [
                    {
                        "id": "a",
                        "notify_date": "2025-01-06",
                        "enforcement_date": datetime.date(2025, 2, 3),
                    }
                ]
            }
        }
    )
    assert config.migration == MigrationConfig(
        waves=(
            Wave(
                id="a",
                notify_date=datetime.date(2025, 1, 6),
                enforcement_date=datetime.date(2025, 2, 3),
            ),
        )
    )


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=4),
)
_NAMES = st.one_of(
    st.sampled_from(
        sorted({k.split(".")[-1] for k in KEYS} | {k.split(".")[0] for k in KEYS})
    ),
    st.sampled_from(["id", "notify_date", "enforcement_date", "name", "waves"]),
    st.text(max_size=8),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_NAMES, inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.dictionaries(_NAMES, _DATA, max_size=5))
def test_any_layer_data_gives_a_config_or_one_clear_error(data: dict[str, Any]) -> None:
    layer = Layer("user", "/etc/helper.toml", data)
    try:
        check_layer(layer)
    except ConfigError as exc:
        message = str(exc)
        assert exc.code == "config-invalid"
        assert message.startswith("/etc/helper.toml: ")
        assert "\n" not in message
        assert "expected" in message or "unknown key" in message
        return
    config = build(layer.data)
    assert isinstance(config, Config)
    for wave in config.migration.waves:
        assert isinstance(wave.notify_date, datetime.date)
        assert not isinstance(wave.notify_date, datetime.datetime)


def test_the_keys_are_read_from_the_model() -> None:
    # A key is declared once, as a model field: keys.py derives its table,
    # without the trial keys IT never deploys (DEV_KEYS).
    fields = []
    for name in Config._fields:
        default = getattr(Config, name)
        section = getattr(default, "_fields", None)
        fields += [f"{name}.{f}" for f in section] if section else [name]
    # ...and without IT's words (FREE_TABLES: IT's own keys, checked apart).
    assert list(KEYS) == [f for f in fields if f not in (*DEV_KEYS, *FREE_TABLES)]
    assert set(DEV_KEYS) <= set(fields)
    assert KEYS["migration.waves"] == "waves"
    assert KEYS["reporting.enabled"] == "bool"
    assert KEYS["migration.max_deferrals"] == "int"
