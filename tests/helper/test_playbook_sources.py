# SPDX-License-Identifier: MIT
"""Vendor playbooks as a user meets them: sourced facts, documented user paths
(vendor or platform steps) instead of "contact IT" alone, Windows steps that never
disconnect the Microsoft Entra entry, menus by OS version, codes from IT, and the
generated vendor × platform matrix of docs/vendors.md."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import msgspec
import pytest

from helper.capture.store import open_capture
from helper.catalogue import Catalogue, load_catalogue
from helper.config import Config
from helper.detect.engine import detect
from helper.detect.model import Detection, Entra
from helper.journey.matrix import (
    END,
    START,
    confidence,
    main,
    matrix_markdown,
    matrix_rows,
    replace_block,
    source_tag,
)
from helper.journey.plan import GUIDE_ONLY, Plan
from helper.journey.planner import build_plan
from helper.journey.playbooks import (
    COMMON,
    TARGET,
    UNKNOWN_MDM,
    Playbook,
    PlaybookSet,
    load_playbooks,
)
from tests.conftest import CAPTURES, REPO

DESKTOP = ("windows", "macos", "linux")
# The pairs where leaving needs a password or one-time code from IT.
NEEDS_CODE = {
    ("hexnode", "macos"),  # profile removal password [DOC Hexnode]
    ("jamf-pro", "macos"),  # "Allow MDM Profile Removal" [DOC Jamf]
    ("manageengine", "android"),  # Revoke Administration password [DOC]
    ("manageengine", "windows"),  # agent uninstall TOTP [DOC ManageEngine]
}
# A text that tells the user not to disconnect anything is safe as it is.
DO_NOT_DISCONNECT = {
    "en": re.compile(r"\bdo not disconnect (anything|it)\b", re.I),
    "fr": re.compile(r"\bne déconnectez (rien|pas)\b", re.I),
}
DISCONNECT = {
    "en": re.compile(r"\bdisconnect", re.I),
    "fr": re.compile(r"déconnect", re.I),
}


@functools.cache
def playbooks() -> PlaybookSet:
    return load_playbooks()


@functools.cache
def catalogue() -> Catalogue:
    return load_catalogue(use_cache=False)


def vendor_playbooks() -> list[Playbook]:
    """The legacy vendors' playbooks (unknown-mdm included)."""
    return [p for p in playbooks() if p.vendor not in (TARGET, COMMON)]


def plan_for(detection: Detection | None, **kwargs: str) -> Plan:
    return build_plan(
        detection,
        platform=kwargs.pop("platform", detection.os if detection else "windows"),
        vendor=kwargs.pop("vendor", None),
        config=Config(),
        catalogue=catalogue(),
        playbooks=playbooks(),
    )


def capture(name: str, **changes: object) -> Detection:
    detection = detect(open_capture(CAPTURES / name), catalogue())
    return msgspec.structs.replace(detection, **changes)


def texts(plan: Plan, *stages: str) -> list[tuple[str, str, str]]:
    """(step id, English, French) of every text and hint, in plan order."""
    found = []
    for step in plan.steps:
        if stages and step.stage not in stages:
            continue
        for text in [step.text, *step.hints]:
            found.append((step.id, text.en, text.fr))
    return found


def leave_text(plan: Plan) -> str:
    return "\n".join(en for _, en, _ in texts(plan, "leave"))


# --- sources ------------------------------------------------------------------------


def test_every_built_in_step_says_where_its_fact_comes_from() -> None:
    missing = [
        f"{p.vendor}/{p.platform}: {s.id}"
        for p in playbooks()
        for s in p.steps
        if s.kind != "verify" and not s.source
    ]
    assert not missing


def test_source_tags() -> None:
    assert source_tag("[DOC Apple, guide] removes the profile") == "DOC"
    assert source_tag("[COMMUNITY gist]") == "COMMUNITY"
    assert source_tag("no tag") is None


def test_at_least_30_vendor_platform_pairs_have_documented_user_steps() -> None:
    documented = sorted(
        (p.vendor, p.platform)
        for p in vendor_playbooks()
        if p.vendor != UNKNOWN_MDM
        and not p.routed_to_it
        and any(
            s.stage == "leave"
            and s.kind in ("info", "open", "run")
            and source_tag(s.source) == "DOC"
            for s in p.steps
        )
    )
    assert len(documented) >= 30, documented
    for pair in [
        ("blackberry-uem", "ios"),
        ("blackberry-uem", "android"),
        ("blackberry-uem", "windows"),
        ("google-endpoint-management", "android"),
        ("google-endpoint-management", "ios"),
        ("jumpcloud", "macos"),
        ("fleet", "linux"),
        ("ibm-maas360", "android"),
        ("ibm-maas360", "ios"),
        ("meraki-sm", "ios"),
        ("soti-mobicontrol", "android"),
        ("hexnode", "macos"),
        ("manageengine", "windows"),
    ]:
        assert pair in documented


# --- what the user is told ------------------------------------------------------


def test_routed_playbooks_say_why_and_the_others_have_a_user_path() -> None:
    for p in vendor_playbooks():
        leave = [s for s in p.steps if s.stage == "leave"]
        confirm = [s for s in p.steps if s.stage == "confirm-left"]
        assert leave and confirm, (p.vendor, p.platform)
        assert any(s.stage == "contact-it" for s in p.steps), (p.vendor, p.platform)
        # Desktops detect again; guide-only platforms ask the user to look.
        kind = "verify" if p.platform in DESKTOP else "info"
        assert [s.kind for s in confirm] == [kind], (p.vendor, p.platform)
        if p.routed_to_it:
            assert p.note.strip(), (p.vendor, p.platform)
            assert not p.needs_code_from_it
        else:
            # A user path, not "contact IT" alone.
            assert any(s.kind in ("info", "open", "run") for s in leave), p.vendor


def test_code_from_it_playbooks() -> None:
    flagged = {(p.vendor, p.platform) for p in playbooks() if p.needs_code_from_it}
    assert flagged == NEEDS_CODE
    for vendor, platform in NEEDS_CODE:
        playbook = playbooks().get(vendor, platform)
        assert playbook is not None and not playbook.routed_to_it
        asks = [
            s
            for s in playbook.steps
            if s.stage == "leave"
            and s.kind == "contact-it"
            and "{support_code}" in s.text.en
        ]
        assert asks, (vendor, platform)
        assert re.search(r"code|password", asks[0].text.en)
        assert re.search(r"code|mot de passe", asks[0].text.fr)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_disconnect_advice_that_could_reach_the_entra_entry(lang: str) -> None:
    """Every Windows text that mentions disconnecting names the Entra entry to spare."""
    offending = []
    for p in playbooks():
        if p.platform not in ("windows", "windows-10-mobile"):
            continue
        for s in p.steps:
            for text in [s.text, *s.hints]:
                value = getattr(text, lang)
                if (
                    DISCONNECT[lang].search(value)
                    and "Entra" not in value
                    and not DO_NOT_DISCONNECT[lang].search(value)
                ):
                    offending.append(f"{p.vendor}/{p.platform}: {s.id}: {value}")
    assert not offending


def test_blackberry_ios_plan_has_the_vendor_steps() -> None:
    plan = plan_for(None, platform="ios", vendor="blackberry-uem")
    assert plan.path == "leave-then-join"
    assert "routed-to-it" not in plan.reasons
    leave = [s for s in plan.steps if s.stage == "leave"]
    assert leave[0].id == "blackberry-uem-deactivate"
    assert "Deactivate My Device" in leave[0].text.en
    assert "Deactivate My Device" in leave[0].text.fr
    assert "À propos" in leave[0].text.fr
    assert any("VPN & Device Management" in s.text.en for s in leave)
    assert any("VPN et gestion de l’appareil" in s.text.fr for s in leave)
    # "Contact IT" is a fallback, not the only path.
    assert [s for s in leave if s.kind != "contact-it"] == leave


@pytest.mark.parametrize(
    ("platform", "vendor", "words"),
    [
        (
            "android",
            "google-endpoint-management",
            ["Remove work profile", "Unregister"],
        ),
        (
            "ios",
            "google-endpoint-management",
            ["Google Apps Device Policy Payload Profile"],
        ),
        ("android", "ibm-maas360", ["Remove MDM Control", "Device administrators"]),
        ("ios", "meraki-sm", ["Meraki management profile"]),
        ("android", "soti-mobicontrol", ["Self Service Portal", "Never choose Wipe"]),
        ("windows-8.1", "workspace-one", ["Workplace", "Turn off"]),
        ("windows-10-mobile", "blackberry-uem", ["Access work or school", "Entra"]),
    ],
)
def test_guide_only_plans_show_the_documented_path(
    platform: str, vendor: str, words: list[str]
) -> None:
    plan = plan_for(None, platform=platform, vendor=vendor)
    assert platform in GUIDE_ONLY
    assert "routed-to-it" not in plan.reasons
    for word in words:
        assert word in leave_text(plan), word


def test_entra_joined_pc_with_an_unknown_mdm_keeps_its_entra_entry() -> None:
    plan = plan_for(capture("win-unknown-mdm", entra=Entra(join="entra-joined")))
    assert plan.path == "leave-then-join"
    ids = [s.id for s in plan.steps]
    # The warning comes first, then the only Access work or school step.
    assert ids.index("unknown-mdm-keep-entra") < ids.index(
        "unknown-mdm-open-work-access"
    )
    assert "unknown-mdm-not-joined" not in ids
    assert "unknown-mdm-ask-it-entra" in ids  # what to ask IT, if it comes to that
    for step_id, en, fr in texts(plan):
        if DISCONNECT["en"].search(en):
            assert re.search(r"[Nn]ever disconnect|do not disconnect", en), step_id
            assert "Microsoft Entra ID" in en, step_id
        if DISCONNECT["fr"].search(fr):
            assert "Entra" in fr, step_id
    warning = plan.steps[ids.index("unknown-mdm-keep-entra")]
    assert "IT has to remove it" in warning.text.en  # only under the Entra entry


def test_registered_and_unjoined_pcs_are_told_which_entry_to_keep() -> None:
    registered = plan_for(capture("win-unknown-mdm", entra=Entra(join="registered")))
    ids = [s.id for s in registered.steps]
    assert "unknown-mdm-keep-work-account" in ids
    assert "unknown-mdm-keep-entra" not in ids
    unjoined = plan_for(capture("win-unknown-mdm", entra=Entra(join="none")))
    assert "unknown-mdm-not-joined" in [s.id for s in unjoined.steps]
    # Unknown state: no guess, but the one step still spares the Entra entry.
    unknown = plan_for(capture("win-unknown-mdm", entra=Entra(join="unknown")))
    leave = [s for s in unknown.steps if s.stage == "leave"]
    assert [s.id for s in leave] == ["unknown-mdm-open-work-access"]
    assert "Never disconnect" in leave[0].text.en


@pytest.mark.parametrize(
    ("version", "wanted", "unwanted"),
    [
        ("15.3", "General > Device Management", "Privacy & Security > Profiles"),
        ("14.5", "Privacy & Security > Profiles", "General > Device Management"),
        ("13.6", "Privacy & Security > Profiles", "System Preferences"),
        ("12.7", "System Preferences > Profiles", "System Settings"),
        (None, "General > Device Management", "Privacy & Security > Profiles"),
    ],
)
def test_macos_menus_follow_the_version(
    version: str | None, wanted: str, unwanted: str
) -> None:
    plan = plan_for(capture("mac-unknown-mdm", os_version=version))
    text = leave_text(plan)
    assert wanted in text and unwanted not in text


@pytest.mark.parametrize(
    ("version", "step_id"),
    [
        ("10.0.19045", "unknown-mdm-open-work-access-win10"),
        ("10.0.22631", "unknown-mdm-open-work-access"),
        (None, "unknown-mdm-open-work-access"),
    ],
)
def test_windows_10_and_11_get_their_own_step(
    version: str | None, step_id: str
) -> None:
    plan = plan_for(capture("win-unknown-mdm", os_version=version))
    opens = [s.id for s in plan.steps if s.stage == "leave" and s.kind == "open"]
    assert opens == [step_id]


def test_console_removals_that_delete_keys_warn_it_first() -> None:
    kandji = playbooks().get("kandji", "macos")
    assert kandji is not None and kandji.routed_to_it
    asks = [s for s in kandji.steps if s.stage == "contact-it"]
    assert {tuple(s.when) for s in asks} == {("ade",), ("no-ade",)}
    for s in asks:
        assert "Delete Device Record" in s.text.en
        assert "FileVault" in s.text.en and "escrowed in Microsoft Intune" in s.text.en
        assert "FileVault" in s.text.fr and "Microsoft Intune" in s.text.fr
    for vendor in ("mosyle", "jumpcloud"):
        mac = playbooks().get(vendor, "macos")
        assert mac is not None
        for s in mac.steps:
            if s.stage == "contact-it":
                assert "FileVault" in s.text.en and "FileVault" in s.text.fr, vendor


def test_jamf_says_the_framework_stays_after_removing_the_profile() -> None:
    plan = plan_for(capture("mac-jamf-pro-removable"))
    text = leave_text(plan)
    assert "removeFramework" in text and "unmanaged" in text
    ids = [s.id for s in plan.steps]
    assert ids.index("jamf-remove-mdm-profile") < ids.index("jamf-ask-allow")


def test_french_names_the_windows_page_one_way() -> None:
    for p in vendor_playbooks():
        for s in p.steps:
            for text in [s.text, *s.hints]:
                assert "Accès Professionnel ou Scolaire" not in text.fr, s.id
                assert "Accès scolaire ou professionnel" not in text.fr, s.id


# --- the matrix in docs/vendors.md -----------------------------------------------


def test_committed_matrix_matches_the_generator() -> None:
    doc = (REPO / "docs" / "vendors.md").read_text(encoding="utf-8")
    block = doc.split(START + "\n", 1)[1].split(END, 1)[0]
    assert block == matrix_markdown(playbooks()), (
        "regenerate with: python -m helper.journey.matrix --write docs/vendors.md"
    )


def test_matrix_covers_every_vendor_playbook() -> None:
    rows = matrix_rows(playbooks())
    assert {(r.vendor, r.platform) for r in rows} == {
        (p.vendor, p.platform) for p in vendor_playbooks()
    }
    by_pair = {(r.vendor, r.platform): r for r in rows}
    assert by_pair[("kandji", "macos")].status == "IT only"
    assert by_pair[("hexnode", "macos")].status == "needs a code"
    assert by_pair[("blackberry-uem", "ios")][2:] == ("user-side", "DOC")
    assert rows[-1].vendor == UNKNOWN_MDM


def test_confidence_is_the_weakest_current_step() -> None:
    ws1 = playbooks().get("workspace-one", "windows")
    assert ws1 is not None and confidence(ws1) == "COMMUNITY"  # the Hub uninstall
    # macOS 12's System Preferences step [COMMUNITY] has an os_max: not counted.
    simplemdm = playbooks().get("simplemdm", "macos")
    assert simplemdm is not None and confidence(simplemdm) == "DOC"


def test_matrix_command_writes_between_the_markers(tmp_path: Path) -> None:
    doc = tmp_path / "vendors.md"
    doc.write_text(f"# Title\n\n{START}\nold\n{END}\n\nAfter.\n", encoding="utf-8")
    assert main(["--write", str(doc)]) == 0
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("# Title\n\n" + START + "\n| vendor |")
    assert written.endswith(END + "\n\nAfter.\n") and "old" not in written
    with pytest.raises(ValueError, match=r"expected .* then"):
        replace_block("no markers here", "x")
