# SPDX-License-Identifier: MIT
"""A truthful "done": the journey confirms the join only when Intune manages
the device AND it is registered in Microsoft Entra ID, and says which half is
missing. The real planner and playbooks, real detection on test captures
(tests/captures/win-*); the test only chooses which capture the PC shows after
each step.
"""

from __future__ import annotations

import pytest

from helper.config import Config
from helper.config.model import Enrollment, Tenant
from helper.journey.engine import JourneyView, planner_for
from tests.helper.journey_driver import catalogue, make_journey
from tests.helper.test_journey_engine import SteeredDevice

UNMANAGED = "win-workgroup-unmanaged"
MDM_ONLY = "win-intune-mdm-only"
REGISTERED_ONLY = "win-registered-no-mdm"
BOTH = "win-intune-registered"
TENANT = "8b1f6c4e-2a3d-4e5f-9a8b-7c6d5e4f3a2b"


def journey_on(device: SteeredDevice, config: Config | None = None):  # type: ignore[no-untyped-def]
    config = config or Config()
    return make_journey(device, planner=planner_for(config, catalogue()), config=config)


def to_confirm(journey, view: JourneyView) -> JourneyView:  # type: ignore[no-untyped-def]
    """Begin, then do every prepare and join step (the user says "done")."""
    view = journey.act("begin")
    for _ in range(20):
        if view.stage in ("confirm-joined", "done", "contact-it"):
            return view
        step = next((s for s in view.steps if s.status == "pending"), None)
        if step is None or step.step.id not in view.redo_steps:
            view = journey.act("check-again")
            continue
        view = journey.act("step-done", step.step.id)
    raise AssertionError(view)


@pytest.mark.parametrize(
    ("after", "code"),
    [
        (MDM_ONLY, "entra-registration-missing"),  # "Enroll only in device management"
        (REGISTERED_ONLY, "intune-mdm-missing"),  # the work account, no enrollment
        (UNMANAGED, "intune-still-absent"),
    ],
)
def test_confirm_joined_says_which_half_is_missing(after: str, code: str) -> None:
    device = SteeredDevice(UNMANAGED, after={"intune-connect": after})
    journey, recording = journey_on(device)
    view = journey.start()
    assert view.path == "join-only"
    join = [s.id for s in view.plan.steps if s.stage == "join"]
    assert "intune-connect" in join
    view = to_confirm(journey, view)
    assert view.stage == "confirm-joined"
    assert view.retry and view.code == code
    assert ("confirm-joined", "failed", code) in recording.trail()
    # The user stays to retry; after the attempts, IT with that code.
    view = journey.act("check-again")
    view = journey.act("check-again")
    assert view.stage == "contact-it" and view.code == code


def test_both_halves_end_the_journey() -> None:
    device = SteeredDevice(UNMANAGED, after={"intune-connect": BOTH})
    journey, _ = journey_on(device)
    view = to_confirm(journey, journey.start())
    assert view.stage == "done"


def test_an_mdm_only_pc_is_not_done_at_start() -> None:
    journey, _ = journey_on(SteeredDevice(MDM_ONLY))
    view = journey.start()
    assert view.path == "join-only" and view.stage == "prepare"
    assert "registration-missing" in view.plan.reasons


def test_mdm_only_is_done_when_it_chose_it() -> None:
    config = Config(enrollment=Enrollment(windows_join="mdm-only"))
    journey, _ = journey_on(SteeredDevice(MDM_ONLY), config)
    assert journey.start().stage == "done"


def test_registered_with_another_tenant_is_not_done() -> None:
    config = Config(tenant=Tenant(tenant_id="0dde70e6-f430-449f-8bce-f4d0a9eca2a4"))
    device = SteeredDevice(UNMANAGED, after={"intune-connect": BOTH})
    journey, _ = journey_on(device, config)
    view = to_confirm(journey, journey.start())
    assert view.stage == "confirm-joined" and view.code == "entra-other-tenant"


def test_the_configured_tenant_is_accepted() -> None:
    config = Config(tenant=Tenant(tenant_id=TENANT))
    journey, _ = journey_on(SteeredDevice(BOTH), config)
    assert journey.start().stage == "done"
