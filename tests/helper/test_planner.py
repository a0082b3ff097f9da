# SPDX-License-Identifier: MIT
"""The planner on the capture library, synthetic detections and guide requests."""

from __future__ import annotations

import functools
from pathlib import Path

import msgspec
import pytest

from helper.capture.store import open_capture
from helper.catalogue import Catalogue, load_catalogue
from helper.config import Config
from helper.config.model import Enrollment, Organization
from helper.detect.engine import detect
from helper.detect.model import Detection, Evidence, Legacy, Warning
from helper.journey.launch import Launcher
from helper.journey.plan import GUIDE_ONLY, STAGES, Plan
from helper.journey.planner import build_plan, load_playbooks, ws1_hub_product_code
from helper.journey.playbooks import PLAN_TEXT_VALUES, PLATFORMS, PlaybookSet
from tests.conftest import CAPTURES

HUB_CODE = "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"
HUB = "uninstall: Workspace ONE Intelligent Hub Installer"


@functools.cache
def catalogue() -> Catalogue:
    return load_catalogue(use_cache=False)


@functools.cache
def playbooks() -> PlaybookSet:
    return load_playbooks()


def plan_for(
    detection: Detection | None,
    *,
    platform: str | None = None,
    vendor: str | None = None,
    config: Config | None = None,
    **kwargs: object,
) -> Plan:
    return build_plan(
        detection,
        platform=platform or (detection.os if detection else "windows"),
        vendor=vendor,
        config=config or Config(),
        catalogue=catalogue(),
        playbooks=playbooks(),
        **kwargs,  # type: ignore[arg-type]
    )


def capture_plan(name: str, **kwargs: object) -> Plan:
    return plan_for(detect(open_capture(CAPTURES / name), catalogue()), **kwargs)


def ids(plan: Plan, *stages: str) -> list[str]:
    return [s.id for s in plan.steps if not stages or s.stage in stages]


def assert_well_formed(plan: Plan) -> None:
    """What every plan must satisfy, whatever the device."""
    assert len(set(ids(plan))) == len(plan.steps), ids(plan)
    order = [STAGES.index(s.stage) for s in plan.steps]
    if plan.path != "contact-it":
        assert order == sorted(order), [s.stage for s in plan.steps]
    launcher = Launcher(playbooks().allowlist, platform=_desktop(plan.platform))
    for step in plan.steps:
        for text in [step.text, *step.hints]:
            for name in PLAN_TEXT_VALUES:
                assert "{" + name + "}" not in text.en + text.fr, (step.id, name)
        if step.kind in ("open", "run"):
            launcher.check(step)  # allowlisted, placeholders valid
    # plan/1 round-trips through JSON.
    again = msgspec.json.decode(msgspec.json.encode(plan), type=Plan)
    assert again == plan


def _desktop(platform: str) -> str:
    return platform if platform in ("windows", "macos", "linux") else "windows"


# --- the capture library --------------------------------------------------------------

CASES = sorted(p.name for p in CAPTURES.iterdir() if (p / "capture.json").is_file())


@pytest.mark.parametrize("case", CASES)
def test_every_capture_gets_a_well_formed_plan(case: str) -> None:
    assert_well_formed(capture_plan(case))


def test_ws1_windows_leaves_then_joins() -> None:
    plan = capture_plan("win-ws1-enrolled")
    assert plan.path == "leave-then-join"
    assert plan.vendor == "workspace-one"
    assert plan.platform == "windows"
    assert plan.reasons[:2] == ["legacy-enrolled", "removable-unknown"]
    assert ids(plan, "leave", "confirm-left") == [
        "ws1-about-hub",
        "ws1-uninstall-hub",  # the probe recorded the Hub's MSI ProductCode
        "ws1-console-cleanup",
        "ws1-check-left",
    ]
    assert "product-code-found" in plan.reasons
    uninstall = next(s for s in plan.steps if s.id == "ws1-uninstall-hub")
    assert uninstall.command is not None
    assert "{5E4D3C2B-1A09-4F8E-9D7C-6B5A49382716}" in uninstall.command
    # The default join registers the PC in Entra ID and enrolls it (mode=awa),
    # with the Windows 11 Settings fallback (the capture is 10.0.22631).
    assert ids(plan, "join", "confirm-joined") == [
        "intune-check-network",
        "intune-check-rights",
        "intune-connect",
        "intune-connect-settings",
        "intune-check-joined",
    ]
    assert plan.steps[0].stage == "prepare"
    walked = [s for s in plan.steps if s.stage != "contact-it"]
    assert walked[-1].id == "done"
    # If the journey runs out of attempts, the contact-it page says what to ask.
    assert ids(plan, "contact-it")[-1] == "ws1-ask-enterprise-wipe"
    prepare = ids(plan, "prepare")
    assert "prepare-bitlocker" in prepare and "prepare-filevault" not in prepare
    enroll = next(s for s in plan.steps if s.id == "intune-connect")
    assert enroll.uri == "ms-device-enrollment:?mode=awa"
    assert not any("mode=mdm" in (s.uri or "") for s in plan.steps)
    overview = plan.steps[0]
    assert "Workspace ONE (AirWatch)" in overview.text.en
    assert "Workspace ONE (AirWatch)" in overview.text.fr


def test_kandji_ade_contacts_it() -> None:
    plan = capture_plan("mac-kandji-ade")
    assert plan.path == "contact-it"
    assert plan.vendor == "kandji"
    assert {"not-removable", "ade-enrolled"} <= set(plan.reasons)
    assert ids(plan) == [
        "contact-it-code-helpdesk",
        "kandji-ask-it-ade",
        "contact-it-recheck",
    ]
    ask = plan.steps[1]
    assert "Apple Business Manager" in ask.text.en and "Kandji" in ask.text.en
    assert "Kandji" in ask.text.fr
    assert plan.steps[-1].kind == "verify" and plan.steps[-1].check == "left"
    assert {s.stage for s in plan.steps} == {"contact-it"}


def test_jamf_removal_disallowed_contacts_it() -> None:
    plan = capture_plan("mac-jamf-pro-removal-disallowed")
    assert plan.path == "contact-it"
    assert "removal-disallowed" in plan.reasons
    assert "jamf-ask-it-locked" in ids(plan)
    assert "unmanage" in plan.steps[1].text.en


def test_jamf_removable_runs_remove_mdm_profile() -> None:
    plan = capture_plan("mac-jamf-pro-removable")
    assert plan.path == "leave-then-join"
    run = next(s for s in plan.steps if s.id == "jamf-remove-mdm-profile")
    assert run.command == ["/usr/local/jamf/bin/jamf", "removeMdmProfile"]
    assert run.elevate
    assert "jamf-may-return" in ids(plan)
    assert "prepare-filevault" in ids(plan)


def test_intune_only_is_done() -> None:
    plan = capture_plan("mac-intune-only")
    assert plan.path == "done"
    assert plan.vendor is None
    assert [(s.id, s.stage, s.kind) for s in plan.steps] == [("done", "done", "info")]
    assert plan.reasons == ["intune-enrolled"]


def test_linux_unmanaged_is_join_only() -> None:
    plan = capture_plan("linux-unmanaged")
    assert plan.path == "join-only"
    assert ids(plan) == [
        "prepare-overview-join",
        "prepare-mail",
        "intune-check-network",
        "intune-install-app",
        "intune-use-app",
        "intune-check-joined",
        "done",
        "contact-it-code-helpdesk",  # shown only if attempts run out
    ]
    install = plan.steps[3]
    assert install.uri == (
        "https://learn.microsoft.com/mem/intune/user-help/microsoft-intune-app-linux"
    )


def test_linux_intune_app_installed_opens_it() -> None:
    plan = capture_plan("linux-intune-installed-not-enrolled")
    assert plan.path == "join-only"
    assert "company-portal-installed" in plan.reasons
    run = next(s for s in plan.steps if s.kind == "run")
    assert run.command == ["/opt/microsoft/intune/bin/intune-portal"]
    assert not run.elevate
    assert "intune-install-app" not in ids(plan)


def test_both_enrolled_removes_legacy_only() -> None:
    plan = capture_plan("win-ws1-and-intune")
    assert plan.path == "remove-legacy"
    # Walked: leave and confirm-left only; contact-it steps wait in case the
    # journey runs out of attempts.
    assert {s.stage for s in plan.steps} == {"leave", "confirm-left", "contact-it"}
    assert ids(plan, "leave", "confirm-left")[-1] == "ws1-check-left"


def test_unknown_mdm_uses_the_generic_playbook() -> None:
    plan = capture_plan("mac-unknown-mdm")
    assert plan.path == "leave-then-join"
    assert plan.vendor == "unknown-mdm"
    assert "unknown-mdm" in plan.reasons
    # The generic macOS path (the capture is macOS 14: Privacy & Security >
    # Profiles), not "contact IT" alone.
    assert "routed-to-it" not in plan.reasons
    assert ids(plan, "leave", "confirm-left") == [
        "unknown-mdm-profile-sonoma",
        "unknown-mdm-profile-locked",
        "unknown-mdm-check-left",
    ]
    # The server host names the unknown management in the prepare texts.
    assert "mdm.northwind.example" in plan.steps[0].text.en
    assert "mdm.northwind.example" in plan.steps[0].text.fr


def test_vendor_without_own_steps_gets_the_safe_windows_path() -> None:
    plan = capture_plan("win-ivanti-url-keyword")  # domain-joined, not Entra
    assert plan.path == "leave-then-join"
    assert "routed-to-it" not in plan.reasons
    leave = [s for s in plan.steps if s.stage == "leave"]
    assert [s.kind for s in leave] == ["info", "open"]
    assert leave[1].uri == "ms-settings:workplace"
    assert "Ivanti EPMM (MobileIron)" in leave[1].text.en
    assert "Microsoft Entra ID" in leave[1].text.en  # the entry to leave alone


def test_unknown_verdict_retries_detection_then_contacts_it() -> None:
    plan = capture_plan("linux-manifest-only")
    assert plan.path == "contact-it"
    assert plan.reasons == ["verdict-unknown"]
    assert plan.steps[0].kind == "verify"
    assert plan.steps[0].check == "detected"
    assert plan.steps[0].hints
    assert "contact-it-recheck" not in ids(plan)


def test_mac_company_portal_installed_opens_it() -> None:
    plan = capture_plan("mac-unmanaged-company-portal")
    assert plan.path == "join-only"
    run = next(s for s in plan.steps if s.kind == "run")
    assert run.command == ["/usr/bin/open", "-b", "com.microsoft.CompanyPortalMac"]
    assert "intune-get-company-portal" not in ids(plan)


def test_mac_without_company_portal_gets_the_download_link() -> None:
    plan = capture_plan("mac-workspace-one")
    link = next(s for s in plan.steps if s.id == "intune-get-company-portal")
    assert link.uri == "https://go.microsoft.com/fwlink/?linkid=853070"
    assert "intune-renew-enrollment" not in ids(plan)


def test_ade_assigned_elsewhere_asks_it_then_renews() -> None:
    plan = capture_plan("mac-ade-assigned-not-enrolled")  # assigned to Jamf in ABM
    assert plan.path == "join-only"
    assert ids(plan, "join") == [
        "intune-check-network",
        "intune-ask-abm",
        "intune-renew-enrollment",
        "intune-ade-register",  # then sign in to Company Portal (Entra)
    ]
    renew = plan.steps[ids(plan).index("intune-renew-enrollment")]
    assert renew.command == ["/usr/bin/profiles", "renew", "-type", "enrollment"]
    assert renew.elevate


def test_ade_assigned_to_intune_renews_without_asking() -> None:
    detection = Detection(
        os="macos",
        verdict="unmanaged",
        warnings=[
            Warning(
                "ade-assigned",
                "configuration host enrollment.manage.microsoft.com (Microsoft "
                "Intune), organization Contoso",
            )
        ],
    )
    plan = plan_for(detection)
    assert "intune-renew-enrollment" in ids(plan)
    assert "intune-ask-abm" not in ids(plan)


# --- synthetic detections -------------------------------------------------------------


def ws1_windows(*details: str, removable: bool | None = None) -> Detection:
    evidence = [Evidence("windows/enrollments.reg", "ProviderID=AirWatchMDM")]
    evidence += [Evidence("windows/agents.json", d) for d in details]
    return Detection(
        os="windows",
        verdict="legacy-enrolled",
        legacy=[
            Legacy(
                "workspace-one",
                "Workspace ONE (AirWatch)",
                removable=removable,
                evidence=evidence,
            )
        ],
    )


def test_hub_product_code_from_uninstall_evidence() -> None:
    detection = ws1_windows(
        f"uninstall: Workspace ONE Intelligent Hub Installer (24.10.0.11; {HUB_CODE})"
    )
    assert ws1_hub_product_code(detection) == HUB_CODE
    plan = plan_for(detection)
    run = next(s for s in plan.steps if s.kind == "run")
    assert run.command == ["msiexec.exe", "/x", HUB_CODE]
    assert run.elevate
    assert "ws1-uninstall-hub-settings" not in ids(plan)
    assert "product-code-found" in plan.reasons
    assert_well_formed(plan)


@pytest.mark.parametrize(
    "detail",
    [
        "uninstall: Workspace ONE Intelligent Hub Installer (24.10.0.11)",
        # Another Workspace ONE MSI: not the Hub.
        f"uninstall: Workspace ONE Assist ({HUB_CODE})",
        # Not an uninstall entry at all (an Enrollments key GUID).
        f"ProviderID=AirWatchMDM in {HUB_CODE} Intelligent Hub",
        # Two codes: ambiguous.
        f"{HUB} ({{3F2504E0-4F89-11D3-9A0C-0305E82C3301}}, "
        "{3F2504E0-4F89-11D3-9A0C-0305E82C3302})",
        # Malformed: not a braced GUID.
        f"{HUB} (3F2504E0-4F89-11D3-9A0C-0305E82C3301)",
        f"{HUB} ({{3F2504E0-4F89-11D3-9A0C}})",
    ],
)
def test_hub_product_code_falls_back_to_settings(detail: str) -> None:
    detection = ws1_windows(detail)
    assert ws1_hub_product_code(detection) is None
    plan = plan_for(detection)
    assert not [s for s in plan.steps if s.kind == "run"]
    assert "ws1-uninstall-hub-settings" in ids(plan)


def test_hostile_evidence_cannot_reach_the_command() -> None:
    """Only the validated GUID is taken, never the text around it."""
    detection = ws1_windows(
        f'uninstall: Workspace ONE Intelligent Hub Installer ({HUB_CODE}" & calc & ")'
    )
    run = next(s for s in plan_for(detection).steps if s.kind == "run")
    assert run.command == ["msiexec.exe", "/x", HUB_CODE]


def test_not_removable_windows_asks_for_enterprise_wipe() -> None:
    plan = plan_for(ws1_windows(removable=False))
    assert plan.path == "contact-it"
    assert ids(plan) == [
        "contact-it-code-helpdesk",
        "ws1-ask-enterprise-wipe",
        "contact-it-recheck",
    ]


def test_support_contact_and_runtime_values() -> None:
    config = Config(
        organization=Organization(
            support_email="helpdesk@contoso.com", support_phone="+33 1 23 45 67 89"
        )
    )
    plan = plan_for(
        ws1_windows(removable=False),
        config=config,
        fill={"support_code": "K7-42Q", "deadline": "15 March 2027"},
    )
    code = plan.steps[0]
    assert code.id == "contact-it-code"
    assert "helpdesk@contoso.com · +33 1 23 45 67 89" in code.text.en
    assert "helpdesk@contoso.com · +33 1 23 45 67 89" in code.text.fr
    assert "K7-42Q" in code.text.en and "{support_code}" not in code.text.fr


def test_deadline_step_only_with_a_deadline() -> None:
    without = plan_for(ws1_windows())
    assert "prepare-deadline" not in ids(without)
    assert "{support_code}" in next(
        s.text.en for s in without.steps if s.id == "prepare-screen-share"
    )
    with_deadline = plan_for(ws1_windows(), fill={"deadline": "15 mars 2027"})
    step = next(s for s in with_deadline.steps if s.id == "prepare-deadline")
    assert "15 mars 2027" in step.text.fr


@pytest.mark.parametrize(
    ("upn", "hint", "username"),
    [
        ("alice@contoso.com", "", "&username=alice%40contoso.com"),
        ("alice", "contoso.com", "&username=alice%40contoso.com"),
        ("alice", "", None),  # a bare name without a hint: left out
        ("a;b@contoso.com", "", None),
        ("alice@contoso.com&accesstoken=x", "", None),
        ("alice@contoso.com\n", "", "&username=alice%40contoso.com"),
        ("$(reboot)@contoso.com", "", None),
        (None, "contoso.com", None),
    ],
)
def test_enrollment_link_username(
    upn: str | None, hint: str, username: str | None
) -> None:
    # username= exists on the MDM-only link, used when IT chose mdm-only.
    config = Config(
        enrollment=Enrollment(upn_domain_hint=hint, windows_join="mdm-only")
    )
    plan = plan_for(
        Detection(os="windows", verdict="unmanaged"), config=config, upn=upn
    )
    enroll = next(s for s in plan.steps if s.id == "intune-enroll-mdm-only")
    assert enroll.uri is not None
    if username is None:
        assert "username=" not in enroll.uri
    else:
        assert username in enroll.uri
    assert_well_formed(plan)


def test_configured_discovery_url() -> None:
    config = Config(
        enrollment=Enrollment(
            discovery_url="https://enrollment.manage.microsoft.us/enrollmentserver/discovery.svc",
            windows_join="mdm-only",
        )
    )
    plan = plan_for(Detection(os="windows", verdict="unmanaged"), config=config)
    enroll = next(s for s in plan.steps if s.id == "intune-enroll-mdm-only")
    assert enroll.uri is not None
    assert enroll.uri.endswith(
        "servername=https%3A%2F%2Fenrollment.manage.microsoft.us%2F"
        "enrollmentserver%2Fdiscovery.svc"
    )


def test_company_portal_on_windows() -> None:
    detection = Detection(
        os="windows",
        verdict="unmanaged",
        warnings=[Warning("company-portal-not-enrolled", "Company Portal")],
    )
    plan = plan_for(detection)
    # Company Portal hands off to the same Connect window; with the OS version
    # unknown, the current release's (Windows 11) Settings fallback.
    assert ids(plan, "join") == [
        "intune-check-network",
        "intune-check-rights",
        "intune-connect-company-portal",
        "intune-connect-settings",
    ]
    assert plan.steps[ids(plan).index("intune-connect-company-portal")].uri == (
        "companyportal:"
    )


def test_two_unknown_managements_get_distinct_step_ids() -> None:
    detection = Detection(
        os="macos",
        verdict="legacy-enrolled",
        legacy=[
            Legacy("unknown-mdm", "a.example", server="a.example"),
            Legacy("unknown-mdm", "b.example", server="b.example"),
        ],
    )
    plan = plan_for(detection)
    assert "unknown-mdm-profile" in ids(plan) and "unknown-mdm-profile-2" in ids(plan)
    assert "multiple-legacy" in plan.reasons
    assert "a.example and b.example" in plan.steps[0].text.en
    assert "a.example et b.example" in plan.steps[0].text.fr
    assert_well_formed(plan)


def test_platform_must_match_the_detection() -> None:
    with pytest.raises(ValueError, match="contradicts"):
        plan_for(Detection(os="windows", verdict="unmanaged"), platform="macos")
    with pytest.raises(ValueError, match="unknown platform"):
        plan_for(None, platform="beos", vendor="none")


# --- without a detection --------------------------------------------------------------


def test_guide_only_ios_workspace_one() -> None:
    plan = plan_for(None, platform="ios", vendor="workspace-one")
    assert plan.path == "leave-then-join"
    assert plan.platform == "ios"
    assert plan.vendor == "workspace-one"
    assert {"no-detection", "guide-only"} <= set(plan.reasons)
    assert "routed-to-it" not in plan.reasons  # the generic iOS path
    assert not [s for s in plan.steps if s.kind in ("run", "verify")]
    links = [s for s in plan.steps if s.kind == "open"]
    assert [(s.uri, s.qr) for s in links] == [
        ("https://apps.apple.com/app/id719171358", True)
    ]
    assert_well_formed(plan)


def test_guide_only_android_join_only() -> None:
    plan = plan_for(None, platform="android", vendor="none")
    assert plan.path == "join-only"
    assert plan.vendor is None
    links = [s for s in plan.steps if s.kind == "open"]
    assert links[0].qr and "play.google.com" in (links[0].uri or "")


def test_vendor_without_a_playbook_falls_back_to_unknown_mdm() -> None:
    plan = plan_for(None, platform="windows", vendor="jamf-pro")  # Apple only
    assert "no-playbook" in plan.reasons
    assert "unknown-mdm-open-work-access" in ids(plan)


def test_tenant_move_uses_intune_leave_steps() -> None:
    plan = plan_for(None, platform="linux", vendor="intune")
    assert "tenant-move" in plan.reasons
    purge = next(s for s in plan.steps if s.id == "intune-purge")
    assert purge.command == ["/usr/bin/apt-get", "purge", "-y", "intune-portal"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_vendor_on_every_platform_plans(platform: str) -> None:
    vendors = [v.id for v in catalogue()] + ["unknown-mdm", "none"]
    for vendor in vendors:
        plan = plan_for(None, platform=platform, vendor=vendor)
        assert_well_formed(plan)
        assert plan.steps[-1].id == "done"
        if platform in GUIDE_ONLY:
            assert not [s for s in plan.steps if s.kind == "run"], vendor


def test_routed_pairs_are_listed() -> None:
    routed = playbooks().routed_to_it()
    assert ("kandji", "macos") in routed
    assert ("workspace-one", "linux") in routed
    assert ("workspace-one", "ios") not in routed
    assert ("workspace-one", "windows") not in routed
    assert ("jamf-pro", "macos") not in routed
    assert routed == sorted(routed)


def test_extra_dir_playbooks_reach_the_plan(tmp_path: Path) -> None:
    folder = tmp_path / "playbooks" / "kandji"
    folder.mkdir(parents=True)
    (folder / "macos.toml").write_text(
        'schema = "playbook/1"\nvendor = "kandji"\nplatform = "macos"\n'
        '[[steps]]\nid = "contoso-kandji-ask"\nstage = "contact-it"\n'
        'kind = "contact-it"\ntext.en = "Call Contoso: 555-0100."\n'
        'text.fr = "Appelez Contoso au 555-0100."\n',
        encoding="utf-8",
    )
    plan = build_plan(
        detect(open_capture(CAPTURES / "mac-kandji-ade"), catalogue()),
        platform="macos",
        vendor=None,
        config=Config(),
        catalogue=catalogue(),
        playbooks=load_playbooks(tmp_path),
    )
    assert "contoso-kandji-ask" in ids(plan)
    assert "routed-to-it" not in plan.reasons


def test_an_unnamed_management_reads_right_in_every_language() -> None:
    """No name, no server: "{vendor_name}" is the planner's phrase, capitalised
    where it starts a sentence, and joined to its preposition in Italian."""
    from helper.journey.playbooks import load_playbooks as load_with

    detection = Detection(
        os="macos", verdict="legacy-enrolled", legacy=[Legacy("unknown-mdm", "")]
    )
    plan = build_plan(
        detection,
        platform="macos",
        vendor=None,
        config=Config(),
        catalogue=catalogue(),
        playbooks=load_with(languages=("it", "nl")),
    )
    texts = [t for step in plan.steps for t in [step.text, *step.hints]]
    english = [t.en for t in texts]
    assert any(
        t.startswith("Your current management system still manages") for t in english
    )
    assert not any(". your current" in t or t.startswith("your ") for t in english)
    italian = [t.in_language("it") for t in texts]
    assert any(t.startswith("Il sistema di gestione attuale gestisce") for t in italian)
    assert any("del sistema di gestione attuale" in t for t in italian), italian
    for text in italian:
        for wrong in (" di il ", " da il ", " in il ", " a il ", " su il "):
            assert wrong not in text.lower(), text
    dutch = [t.in_language("nl") for t in texts]
    assert not any(t.startswith("uw ") for t in dutch)
