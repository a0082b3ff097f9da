# SPDX-License-Identifier: MIT
"""Guidance that ends compliant: the Windows join IT chose, a truthful "done",
safe leave steps, menus by OS version, ADE then Entra registration, honest
legacy platforms, and a source for every step of intune/ and _common/.

The plans come from the real planner and playbooks, on detections built from
the documented formats (docs/detection.md) or on the capture library.
"""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path
from typing import get_args

import pytest

from helper.config import Config
from helper.config.model import Enrollment, Tenant
from helper.detect.model import (
    Detection,
    Entra,
    Intune,
    Join,
    Legacy,
    LocalAdmin,
    Warning,
)
from helper.journey.joined import joined_parts
from helper.journey.plan import Plan
from helper.journey.planner import conditions
from helper.journey.playbooks import COMMON, TARGET, PlaybookStep
from helper.resources import resource_path
from tests.helper.test_planner import (
    assert_well_formed,
    capture_plan,
    catalogue,
    ids,
    plan_for,
    playbooks,
)

TENANT = "8b1f6c4e-2a3d-4e5f-9a8b-7c6d5e4f3a2b"
OTHER_TENANT = "0dde70e6-f430-449f-8bce-f4d0a9eca2a4"
JOINS = list(get_args(Join))
WINDOWS_11 = "10.0.22631"
WINDOWS_10 = "10.0.19045"


def windows(
    verdict: str = "unmanaged",
    *,
    join: str = "none",
    mdm: bool | None = False,
    tenant: str | None = None,
    admin: bool | None = None,
    version: str | None = WINDOWS_11,
    warnings: list[Warning] | None = None,
    legacy: list[Legacy] | None = None,
) -> Detection:
    return Detection(
        os="windows",
        verdict=verdict,  # type: ignore[arg-type]
        intune=Intune(enrolled=mdm),
        entra=Entra(join=join, tenant_id=tenant),  # type: ignore[arg-type]
        os_version=version,
        local_admin=LocalAdmin(present=admin),
        warnings=warnings or [],
        legacy=legacy or [],
    )


def mode(join: str) -> Config:
    return Config(enrollment=Enrollment(windows_join=join))


def uris(plan: Plan) -> list[str]:
    return [s.uri for s in plan.steps if s.uri]


def texts(plan: Plan, *stages: str) -> str:
    return "\n".join(s.text.en for s in plan.steps if not stages or s.stage in stages)


# --- 1. the Windows join IT chose -----------------------------------------------------


@pytest.mark.parametrize(
    ("join", "portal", "admin", "version", "verdict"),
    list(
        itertools.product(
            JOINS,
            [True, False],
            [True, False, None],
            [WINDOWS_10, WINDOWS_11, None],
            ["unmanaged", "legacy-enrolled"],
        )
    ),
)
def test_default_windows_plan_never_enrolls_mdm_only(
    join: str, portal: bool, admin: bool | None, version: str | None, verdict: str
) -> None:
    warnings = [Warning("company-portal-not-enrolled", "Company Portal")] * portal
    legacy = (
        [Legacy("workspace-one", "Workspace ONE")] if verdict != "unmanaged" else []
    )
    plan = plan_for(
        windows(
            verdict,
            join=join,
            admin=admin,
            version=version,
            warnings=warnings,
            legacy=legacy,
        )
    )
    assert not any("mode=mdm" in uri for uri in uris(plan)), uris(plan)
    assert "Enroll only in device management" not in texts(plan)
    assert_well_formed(plan)


@pytest.mark.parametrize(
    "case", ["win-ws1-enrolled", "win-registered-ws1", "win-unknown-mdm"]
)
def test_default_plan_of_captures_registers_and_enrolls(case: str) -> None:
    plan = capture_plan(case)
    assert "ms-device-enrollment:?mode=awa" in uris(plan)
    assert not any("mode=mdm" in uri or "mode=aadj" in uri for uri in uris(plan))


def test_register_keeps_the_profile_and_company_portal_hands_off() -> None:
    plan = plan_for(windows(warnings=[Warning("company-portal-not-enrolled", "CP")]))
    step = next(s for s in plan.steps if s.id == "intune-connect-company-portal")
    assert step.uri == "companyportal:"
    assert "Set up a work or school account" in step.text.en
    assert "Configurer un compte professionnel ou scolaire" in step.text.fr
    assert "keep your Windows account" in step.text.en
    assert "ms-device-enrollment:?mode=awa" not in uris(plan)  # the portal does it


def test_join_mode_joins_and_warns_of_the_new_profile() -> None:
    plan = plan_for(windows(admin=True), config=mode("join"))
    assert "ms-device-enrollment:?mode=aadj" in uris(plan)
    assert "ms-device-enrollment:?mode=awa" not in uris(plan)
    prepare = {s.id: s for s in plan.steps if s.stage == "prepare"}
    profile = prepare["prepare-new-profile"]
    assert "new Windows profile" in profile.text.en
    assert "not in OneDrive" in profile.text.en
    assert "nouveau profil Windows" in profile.text.fr
    assert "prepare-local-admin" in prepare
    join = next(s for s in plan.steps if s.id == "intune-join")
    assert "Join this device to Microsoft Entra ID" in join.text.en
    assert "Joindre cet appareil à Microsoft Entra ID" in join.text.fr


@pytest.mark.parametrize(
    ("admin", "step", "kind"),
    [
        (True, "prepare-local-admin", "info"),
        (False, "prepare-no-local-admin", "contact-it"),
        (None, "prepare-local-admin-unknown", "info"),
    ],
)
def test_join_mode_checks_another_local_administrator(
    admin: bool | None, step: str, kind: str
) -> None:
    plan = plan_for(windows(admin=admin), config=mode("join"))
    prepare = [s for s in plan.steps if s.stage == "prepare"]
    checks = [s for s in prepare if "local-admin" in s.id]
    assert [(s.id, s.kind) for s in checks] == [(step, kind)]


def test_local_administrator_from_the_capture_reaches_the_plan() -> None:
    # win-ws1-enrolled carries no windows/local-admins.json: unknown, said so.
    plan = capture_plan("win-ws1-enrolled", config=mode("join"))
    assert "prepare-local-admin-unknown" in ids(plan, "prepare")


def test_register_mode_needs_no_new_profile_warning() -> None:
    plan = plan_for(windows(admin=False))
    assert not [i for i in ids(plan, "prepare") if "profile" in i or "admin" in i]


def test_mdm_only_only_when_it_says_so() -> None:
    plan = plan_for(windows(), config=mode("mdm-only"), upn="ana@contoso.example")
    enroll = next(s for s in plan.steps if s.id == "intune-enroll-mdm-only")
    assert enroll.uri is not None
    assert enroll.uri.startswith("ms-device-enrollment:?mode=mdm&username=ana%40")
    assert not any("mode=awa" in u or "mode=aadj" in u for u in uris(plan))


@pytest.mark.parametrize("join", ["domain-joined", "hybrid-joined"])
def test_domain_joined_pcs_go_to_it_with_what_to_ask(join: str) -> None:
    for config in (mode("register"), mode("join")):
        plan = plan_for(windows(join=join), config=config)
        join_steps = [s for s in plan.steps if s.stage == "join"]
        assert "intune-domain-ask-it" in [s.id for s in join_steps]
        assert not [s for s in join_steps if s.kind == "open"], join_steps
        ask = next(s for s in join_steps if s.id == "intune-domain-ask-it")
        assert "group policy" in ask.text.en and "co-management" in ask.text.en
        assert "{support_code}" in ask.text.en


def test_standard_users_are_sent_to_it_with_what_to_ask() -> None:
    plan = plan_for(windows())
    rights = next(s for s in plan.steps if s.id == "intune-check-rights")
    hint = rights.hints[0]
    assert "standard account" in hint.en
    assert "Company Portal does not change that" in hint.en
    assert "enroll this PC in Intune for you" in hint.en
    assert "Use Company Portal" not in hint.en


def test_allowlist_allows_exactly_the_enrollment_links_used() -> None:
    allowed = {
        u.uri for u in playbooks().allowlist.uris if "ms-device-enrollment" in u.uri
    }
    assert allowed == {
        "ms-device-enrollment:?mode=mdm",
        "ms-device-enrollment:?mode=awa",
        "ms-device-enrollment:?mode=aadj",
    }
    windows_book = playbooks().get(TARGET, "windows")
    assert windows_book is not None
    used = {
        (s.uri or "").split("&", 1)[0]
        for s in windows_book.steps
        if (s.uri or "").startswith("ms-device-enrollment:")
    }
    assert used == allowed


# --- 2. a truthful done ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("detection", "config", "complete", "code"),
    [
        (
            windows("intune-enrolled", join="none", mdm=True),
            Config(),
            False,
            "entra-registration-missing",
        ),
        (windows("intune-enrolled", join="registered", mdm=True), Config(), True, None),
        (
            windows("intune-enrolled", join="entra-joined", mdm=True),
            Config(),
            True,
            None,
        ),
        (
            windows("unmanaged", join="registered", mdm=False),
            Config(),
            False,
            "intune-mdm-missing",
        ),
        (
            windows("unmanaged", join="none", mdm=False),
            Config(),
            False,
            "intune-still-absent",
        ),
        (
            windows("intune-enrolled", join="unknown", mdm=True),
            Config(),
            False,
            "verify-inconclusive",
        ),
        # IT's tenant: registered elsewhere is not done.
        (
            windows(
                "intune-enrolled", join="registered", mdm=True, tenant=OTHER_TENANT
            ),
            Config(tenant=Tenant(tenant_id=TENANT)),
            False,
            "entra-other-tenant",
        ),
        (
            windows(
                "intune-enrolled", join="registered", mdm=True, tenant=TENANT.upper()
            ),
            Config(tenant=Tenant(tenant_id=TENANT)),
            True,
            None,
        ),
        # MDM-only is done only when IT chose it.
        (
            windows("intune-enrolled", join="none", mdm=True),
            mode("mdm-only"),
            True,
            None,
        ),
    ],
)
def test_joined_parts(
    detection: Detection, config: Config, complete: bool, code: str | None
) -> None:
    parts = joined_parts(
        detection,
        tenant_id=config.tenant.tenant_id,
        windows_join=config.enrollment.windows_join,
    )
    assert parts.complete is complete
    assert parts.code == code


def test_mdm_only_windows_is_not_done_but_joined_again() -> None:
    plan = plan_for(windows("intune-enrolled", join="none", mdm=True))
    assert plan.path == "join-only"
    assert "registration-missing" in plan.reasons
    join = ids(plan, "join")
    # Windows refuses to connect a work account on a managed PC: first the
    # MDM-only connection goes, then the work account connects.
    assert join.index("intune-disconnect-mdm-only") < join.index("intune-connect")
    assert (
        plan_for(
            windows("intune-enrolled", join="none", mdm=True), config=mode("mdm-only")
        ).path
        == "done"
    )


def test_unreadable_registration_never_says_disconnect() -> None:
    plan = plan_for(windows("intune-enrolled", join="unknown", mdm=True))
    assert plan.path == "join-only" and "registration-unknown" in plan.reasons
    assert "intune-disconnect-mdm-only" not in ids(plan)
    assert "intune-registration-unreadable" in ids(plan)


def mac(
    verdict: str,
    *,
    mdm: bool,
    join: str,
    warnings: list[Warning] | None = None,
    version: str | None = "15.1",
) -> Detection:
    return Detection(
        os="macos",
        verdict=verdict,  # type: ignore[arg-type]
        intune=Intune(enrolled=mdm),
        entra=Entra(join=join),  # type: ignore[arg-type]
        warnings=warnings or [],
        os_version=version,
    )


def test_mac_with_intune_profile_but_no_registration_signs_in_to_company_portal() -> (
    None
):
    plan = plan_for(mac("intune-enrolled", mdm=True, join="none"))
    assert plan.path == "join-only"
    assert ids(plan, "join") == ["intune-check-network", "intune-register"]
    step = plan.steps[ids(plan).index("intune-register")]
    assert step.command == ["/usr/bin/open", "-b", "com.microsoft.CompanyPortalMac"]
    assert plan_for(mac("intune-enrolled", mdm=True, join="registered")).path == "done"


# --- 3. safe leave steps --------------------------------------------------------------


def leave_steps(detection: Detection) -> list[PlaybookStep]:
    """intune/windows's leave steps whose conditions hold for this PC."""
    book = playbooks().get(TARGET, "windows")
    assert book is not None
    conds = conditions(detection, config=Config(), catalogue=catalogue())
    return [s for s in book.steps if s.stage == "leave" and set(s.when) <= conds]


@pytest.mark.parametrize("join", JOINS)
def test_tenant_move_never_offers_to_disconnect_a_joined_pc(join: str) -> None:
    # The steps Intune's own leave stage gives a PC in that Entra state.
    leave = leave_steps(windows("intune-enrolled", join=join, mdm=True))
    assert leave, join
    opens = [s for s in leave if s.kind == "open"]
    if join in ("entra-joined", "hybrid-joined", "unknown", "domain-joined"):
        assert not opens, (join, [s.id for s in opens])
        assert any(s.kind == "contact-it" for s in leave)
    else:
        assert [s.uri for s in opens] == ["ms-settings:workplace"]


def test_joined_pc_without_another_administrator_is_told_to_it_first() -> None:
    detection = windows("intune-enrolled", join="entra-joined", mdm=True, admin=False)
    leave = [s.id for s in leave_steps(detection)]
    assert leave == ["intune-leave-joined", "intune-leave-joined-no-admin"]


def test_no_intune_or_common_step_says_disconnect_without_an_entra_state() -> None:
    """A Disconnect instruction in intune/windows is always tied to a known,
    non-joined state (entra-registered, or no-entra on no domain)."""
    book = playbooks().get(TARGET, "windows")
    assert book is not None
    for step in book.steps:
        if "Disconnect" in step.text.en:
            assert {"entra-registered"} <= set(step.when) or {
                "no-entra",
                "no-domain",
            } <= set(step.when), step.id


# --- 4. menus by OS version -----------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "menu", "menu_fr"),
    [
        (
            "13.6",
            "Privacy & Security > Profiles",
            "Confidentialité et sécurité > Profils",
        ),
        (
            "14.7.1",
            "Privacy & Security > Profiles",
            "Confidentialité et sécurité > Profils",
        ),
        ("15.2", "General > Device Management", "Général > Gestion des appareils"),
        ("26.1", "General > Device Management", "Général > Gestion des appareils"),
        (None, "General > Device Management", "Général > Gestion des appareils"),
        ("12.7", "System Preferences > Profiles", "Préférences Système > Profils"),
    ],
)
def test_macos_menus_follow_the_version(
    version: str | None, menu: str, menu_fr: str
) -> None:
    detection = Detection(os="macos", verdict="unmanaged", os_version=version)
    plan = plan_for(detection)
    approve = [s for s in plan.steps if s.id.startswith("intune-approve-profile")]
    assert len(approve) == 1
    assert menu in approve[0].text.en
    assert menu_fr in approve[0].text.fr
    # The tenant move's leave step picks the same pane.
    leave = plan_for(None, platform="macos", vendor="intune", os_version=version)
    profile = [s for s in leave.steps if s.id.startswith("intune-leave-profile")]
    assert (
        len(profile) == 1 and menu.rsplit(" > ", maxsplit=1)[-1] in profile[0].text.en
    )


@pytest.mark.parametrize(
    ("version", "expected", "absent"),
    [
        (
            WINDOWS_11,
            "next to “Add a work or school account”",
            "Azure Active Directory",
        ),
        (WINDOWS_10, "select Connect, and sign in", "Add a work or school account"),
    ],
)
def test_windows_10_and_11_settings_labels(
    version: str, expected: str, absent: str
) -> None:
    plan = plan_for(windows(version=version))
    fallback = [s for s in plan.steps if s.id.startswith("intune-connect-settings")]
    assert len(fallback) == 1
    assert expected in fallback[0].text.en
    assert absent not in fallback[0].text.en


# --- 5. macOS ADE: then sign in to Company Portal -------------------------------------


def test_ade_renew_is_followed_by_company_portal_sign_in() -> None:
    detection = mac(
        "unmanaged",
        mdm=False,
        join="none",
        warnings=[
            Warning(
                "ade-assigned",
                "configuration host enrollment.manage.microsoft.com (Microsoft "
                "Intune), organization Contoso",
            )
        ],
    )
    join = ids(plan_for(detection), "join")
    assert join.index("intune-renew-enrollment") < join.index("intune-ade-register")
    step = next(s for s in plan_for(detection).steps if s.id == "intune-ade-register")
    assert "Company Portal" in step.text.en and "Microsoft Entra ID" in step.text.en
    assert "Registration Required" in step.text.en  # Platform SSO's prompt


# --- 6. honest legacy platforms -------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "date", "date_fr"),
    [
        ("windows-8.1", "21 October 2022", "21 octobre 2022"),
        ("windows-10-mobile", "10 August 2020", "10 août 2020"),
    ],
)
def test_legacy_windows_says_intune_refuses_them(
    platform: str, date: str, date_fr: str
) -> None:
    plan = plan_for(None, platform=platform, vendor="none")
    join = [s for s in plan.steps if s.stage == "join"]
    assert [s.kind for s in join] == ["contact-it"]
    assert "no longer accepts" in join[0].text.en and date in join[0].text.en
    assert date_fr in join[0].text.fr
    assert "replacement" in join[0].text.en
    native = plan_for(
        None,
        platform=platform,
        vendor="none",
        config=Config(enrollment=Enrollment(legacy_windows_steps=True)),
    )
    steps = [s for s in native.steps if s.stage == "join"]
    assert [s.kind for s in steps] == ["info"]
    assert "no longer accepts" not in steps[0].text.en


# --- 8. a source on every step of intune/ and _common/ --------------------------------

OWN = sorted(
    p
    for folder in (TARGET, COMMON)
    for p in resource_path("playbooks", folder).glob("*.toml")
)


@pytest.mark.parametrize("path", OWN, ids=[f"{p.parent.name}/{p.stem}" for p in OWN])
def test_every_step_states_its_source(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    for step in raw["steps"]:
        if step["kind"] != "verify":
            assert step.get("source"), f"{path.name}: {step['id']} has no source"
    # The source is a field now, not a comment above the step.
    text = path.read_text(encoding="utf-8")
    assert "\n[[steps]]\n#" not in text, path
