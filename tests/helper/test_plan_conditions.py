# SPDX-License-Identifier: MIT
"""Steps chosen by OS version and by the PC's Microsoft Entra state."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.catalogue import load_catalogue
from helper.config.model import Config
from helper.detect.model import Detection, Entra
from helper.journey.planner import conditions, os_in_range, version_key

VERSIONS = st.lists(st.integers(0, 30000), min_size=1, max_size=4).map(
    lambda parts: ".".join(map(str, parts))
)


@pytest.mark.parametrize(
    ("version", "os_min", "os_max", "used"),
    [
        ("14.6.1", None, "15", True),  # macOS 14: the 13-14 menus
        ("14.6.1", "15", None, False),
        ("15.0", "15", None, True),  # macOS 15: System Settings > General
        ("15", None, "15", False),
        ("10.0.19045", None, "10.0.22000", True),  # Windows 10
        ("10.0.22631", "10.0.22000", None, True),  # Windows 11
        ("10.0.22631", None, "10.0.22000", False),
        (None, None, "15", False),  # unknown: the current release's menus
        (None, "15", None, True),
        ("garbage", "15", None, True),
    ],
)
def test_os_range(
    version: str | None, os_min: str | None, os_max: str | None, used: bool
) -> None:
    assert os_in_range(version, os_min, os_max) is used


@given(VERSIONS, VERSIONS)
def test_a_version_falls_in_exactly_one_of_two_halves(version: str, cut: str) -> None:
    before = os_in_range(version, None, cut)
    after = os_in_range(version, cut, None)
    assert before != after


def test_trailing_zeros_do_not_count() -> None:
    assert version_key("15.0.0") == version_key("15") == (15,)


@pytest.mark.parametrize(
    ("join", "expected", "absent"),
    [
        ("entra-joined", {"entra-joined", "no-domain"}, {"no-entra"}),
        ("hybrid-joined", {"entra-joined", "domain-joined"}, {"no-entra"}),
        ("registered", {"entra-registered", "no-domain"}, {"entra-joined"}),
        ("none", {"no-entra", "no-domain"}, {"entra-joined"}),
        ("domain-joined", {"no-entra", "domain-joined"}, {"entra-joined"}),
        # Unknown: no step that depends on the Entra state is chosen.
        ("unknown", set(), {"entra-joined", "no-entra", "domain-joined", "no-domain"}),
    ],
)
def test_entra_conditions(join: str, expected: set[str], absent: set[str]) -> None:
    detection = Detection(os="windows", verdict="unmanaged", entra=Entra(join=join))  # type: ignore[arg-type]
    found = conditions(detection, config=Config(), catalogue=load_catalogue())
    assert expected <= found
    assert not absent & found
