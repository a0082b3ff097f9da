# SPDX-License-Identifier: MIT
"""Pre-flight on the real core: what leaving takes away (the prepare stage's
warnings), the recovery key before and after, the join pre-check on the old
management's Wi-Fi, and the journey when the old management comes back."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from helper.capture.model import Capture
from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.config.model import Config
from helper.detect.engine import detect
from helper.detect.model import Detection, Encryption, Network, Payload
from helper.journey import preflight
from helper.journey.checks import CheckResult
from helper.journey.engine import planner_for
from helper.journey.planner import build_plan
from helper.migration import load_playbooks_for
from tests.conftest import CAPTURES
from tests.helper.journey_driver import make_journey

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = load_catalogue()
PLAYBOOKS = load_playbooks_for(Config())


def detected(case: str) -> Detection:
    return detect(open_capture(CAPTURES / case), CATALOGUE)


def plan_for(detection: Detection, *, escrow: bool | None = None):  # type: ignore[no-untyped-def]
    return build_plan(
        detection,
        platform=detection.os,
        vendor=None,
        config=Config(),
        catalogue=CATALOGUE,
        playbooks=PLAYBOOKS,
        escrow_confirmed=escrow,
    )


def prepare_steps(plan) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {s.id: s for s in plan.steps if s.stage == "prepare"}


def test_mac_on_the_old_managements_wifi_is_warned_by_name() -> None:
    detection = detected("mac-jamf-wifi-vpn-filevault")
    assert preflight.conditions(detection, escrow_confirmed=None) >= {
        "legacy-wifi",
        "on-legacy-wifi",
        "legacy-vpn",
        "legacy-mail",
        "legacy-certificates",
        "encrypted",
        "encrypted-filevault",
        "recovery-unconfirmed",
    }
    steps = prepare_steps(plan_for(detection))
    wifi = steps["prepare-on-legacy-wifi"]
    assert "“CorpNet”" in wifi.text.en and "Jamf Pro" in wifi.text.en  # type: ignore[attr-defined]
    assert "«\u00a0CorpNet\u00a0»" in wifi.text.fr  # type: ignore[attr-defined]
    assert "Acme VPN" in steps["prepare-legacy-vpn"].text.en  # type: ignore[attr-defined]
    for step in ("prepare-legacy-mail", "prepare-legacy-certificates"):
        assert step in steps
    # the concrete warning replaces the general one; the recovery key is asked
    assert "prepare-network" not in steps
    assert "prepare-filevault-recovery" in steps
    assert "prepare-filevault" not in steps
    assert "prepare-recovery-confirmed" not in steps


def test_collector_escrow_confirmation_replaces_the_users() -> None:
    detection = detected("mac-jamf-wifi-vpn-filevault")
    steps = prepare_steps(plan_for(detection, escrow=True))
    assert "prepare-recovery-confirmed" in steps
    assert "prepare-filevault-recovery" not in steps
    # through the engine's planner too (the Graph check's input)
    planner = planner_for(Config(), CATALOGUE, PLAYBOOKS, escrow_confirmed=lambda: True)
    assert "prepare-recovery-confirmed" in prepare_steps(planner(detection))


def test_windows_wifi_from_the_nodecache_and_bitlocker_recovery() -> None:
    detection = detected("win-ws1-wifi-bitlocker")
    steps = prepare_steps(plan_for(detection))
    assert "“CorpNet”" in steps["prepare-on-legacy-wifi"].text.en  # type: ignore[attr-defined]
    assert "prepare-bitlocker-recovery" in steps
    assert "prepare-bitlocker" not in steps
    assert "prepare-legacy-apps" in steps


def test_a_device_without_the_new_sources_keeps_the_general_steps() -> None:
    steps = prepare_steps(plan_for(detected("win-ws1-enrolled")))
    assert {"prepare-network", "prepare-bitlocker"} <= set(steps)
    assert not {"prepare-on-legacy-wifi", "prepare-bitlocker-recovery"} & set(steps)


def _detection(**fields: object) -> Detection:
    return Detection(os="macos", verdict="unmanaged", **fields)  # type: ignore[arg-type]


FAILED = CheckResult("network", False, "dns-failed", "login.microsoftonline.com: dns")


def test_join_precheck_recognises_the_old_managements_wifi() -> None:
    on_it = _detection(network=Network("CorpNet", True))
    # remembered from before the old management left (journey.json)
    found = preflight.network_check(FAILED, on_it, remembered=["CorpNet"])
    assert (found.ok, found.code) == (False, "on-legacy-wifi")
    # another network, or a check that passed: unchanged
    elsewhere = _detection(network=Network("Home", True))
    assert preflight.network_check(FAILED, elsewhere, ["CorpNet"]) == FAILED
    ok = CheckResult("network", True, "ok")
    assert preflight.network_check(ok, on_it, ["CorpNet"]) == ok


def test_recovery_key_after_joining() -> None:
    def escrow(**encryption: object) -> str | None:
        return preflight.escrow_after_join(
            _detection(encryption=Encryption(**encryption)),  # type: ignore[arg-type]
            escrow_confirmed=None,
        )

    assert escrow(method="filevault", state="off") is None
    assert escrow(method="filevault", state="on") == "escrow-not-configured"
    assert (
        escrow(method="filevault", state="on", escrow_vendor="intune")
        == "escrow-new-key-needed"
    )
    assert (
        escrow(
            method="bitlocker",
            state="on",
            recovery_key="escrowed",
            escrow_vendor="intune",
        )
        == "escrow-confirmed"
    )
    assert escrow(method="bitlocker", state="on") == "escrow-unknown"
    # a key written after Intune's escrow arrived is one Intune can read
    since = "2026-12-01T08:00:00Z"
    intune = {"method": "filevault", "state": "on", "escrow_vendor": "intune"}
    made = escrow(**intune, escrow_since=since, key_made_at="2026-12-01T17:02:11Z")
    assert made == "escrow-key-made"
    old = escrow(**intune, escrow_since=since, key_made_at="2025-06-02T10:00:00Z")
    assert old == "escrow-new-key-needed"
    confirmed = preflight.escrow_after_join(
        _detection(encryption=Encryption("bitlocker", "on")), escrow_confirmed=True
    )
    assert confirmed == "escrow-confirmed"


def test_unattributed_payloads_count_only_beside_a_legacy_management() -> None:
    payload = Payload("wifi", "CorpNet", "com.apple.wifi.managed")
    alone = _detection(payloads=[payload], network=Network("CorpNet", True))
    assert preflight.current_legacy_wifi(alone) is None
    intune = Payload("wifi", "CorpNet", "com.apple.wifi.managed", "intune")
    legacy = detected("mac-jamf-pro-removable")
    legacy.payloads = [intune]
    legacy.network = Network("CorpNet", True)
    assert preflight.current_legacy_wifi(legacy) is None


# --- never suggest turning encryption off ------------------------------------------

# A sentence that pairs turning off / decrypting with encryption, without a
# negation ("do not", "keep", "leave it on", "ne ... pas", "laissez").
_OFF_EN = re.compile(
    r"(turn(ing)? off|switch(ing)? off|disabl|decrypt|suspend)", re.IGNORECASE
)
_OFF_FR = re.compile(r"(désactiv|déchiffr|suspend)", re.IGNORECASE)
_ABOUT = re.compile(r"(filevault|bitlocker|encrypt|chiffr|drive|disque)", re.IGNORECASE)
_NEGATED = re.compile(
    r"(do not|don't|never|keep|leave it on|ne |n’|jamais|laissez)", re.IGNORECASE
)


def advises_turning_encryption_off(text: str) -> bool:
    for sentence in re.split(r"(?<=[.!?])\s+|:\s", text):
        off = _OFF_EN.search(sentence) or _OFF_FR.search(sentence)
        if off and _ABOUT.search(sentence) and not _NEGATED.search(sentence):
            return True
    return False


def test_the_scan_catches_advice_to_turn_encryption_off() -> None:
    assert advises_turning_encryption_off("Turn off FileVault, then continue.")
    assert advises_turning_encryption_off("Désactivez BitLocker avant de continuer.")
    for fine in (
        "Leave it on: do not decrypt the drive.",
        "FileVault encrypts this Mac: keep it on.",
    ):
        assert not advises_turning_encryption_off(fine)


def _user_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "resources" / "playbooks").rglob("*.toml")):
        raw = msgspec.toml.decode(path.read_bytes())
        for step in raw.get("steps", []):
            for text in [step.get("text", {}), *step.get("hints", [])]:
                texts += [v for k, v in text.items() if isinstance(v, str)]
    for path in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        body = path.read_text(encoding="utf-8")
        texts += re.findall(r"<(?:source|translation)>(.*?)</", body, re.DOTALL)
    from helper import words

    texts += list(words.WARNINGS.values())
    return texts


def test_no_text_suggests_turning_encryption_off() -> None:
    texts = _user_texts()
    assert len(texts) > 500
    bad = [t for t in texts if advises_turning_encryption_off(t)]
    assert bad == []


# --- back in the old management ----------------------------------------------------


class SequenceDevice:
    """A Mac whose captures follow the user's steps: the leave stage removes
    Jamf, and the first join step finds it (or ADE) back."""

    platform = "macos"

    def __init__(self, returned: str) -> None:
        self.cases = {
            "enrolled": "mac-jamf-wifi-vpn-filevault",
            "left": "mac-unmanaged-company-portal",
            "returned": returned,
        }
        self.position = "enrolled"

    def capture(self) -> Capture:
        return open_capture(CAPTURES / self.cases[self.position])

    def performed(self, step_id: str, *, stage: str | None = None) -> None:
        del step_id
        if stage == "leave" and self.position == "enrolled":
            self.position = "left"
        elif stage == "join" and self.position == "left":
            self.position = "returned"


def _until_returned(returned: str):  # type: ignore[no-untyped-def]
    device = SequenceDevice(returned)
    journey, recording = make_journey(
        device, planner=planner_for(Config(), CATALOGUE, PLAYBOOKS)
    )
    view = journey.start()
    assert view.path == "leave-then-join"
    for _ in range(40):
        if device.position == "returned" and view.stage in ("leave", "contact-it"):
            break
        if "begin" in view.actions:
            view = journey.act("begin")
        elif view.retry:
            view = journey.act("check-again")
        else:
            view = journey.act("step-done", view.redo_steps[0])
    return journey, view, recording


def test_jamf_back_after_leaving_sends_the_user_back_with_a_reason() -> None:
    journey, view, recording = _until_returned("mac-jamf-pro-removable")
    assert view.stage == "leave"
    assert view.code == "legacy-returned"
    assert any(
        e.state == "failed" and e.code == "legacy-returned" for e in recording.events
    )
    # events carry codes only: no SSID, no name
    sent = b"".join(msgspec.json.encode(e) for e in recording.events)
    assert b"CorpNet" not in sent
    # the old management's Wi-Fi is remembered on the device for the join check
    assert journey.state.legacy_wifi == ["CorpNet"]


def test_ade_back_after_leaving_goes_to_it_with_the_ade_code() -> None:
    _, view, recording = _until_returned("mac-kandji-ade")
    assert view.stage == "contact-it"
    assert view.code == "legacy-returned-ade"
    trail = recording.trail()
    assert ("contact-it", "blocked", "legacy-returned-ade") in trail
    assert any(s == "failed" and c == "legacy-returned-ade" for _, s, c in trail)


def test_a_device_that_never_left_is_not_back() -> None:
    from helper.journey.engine import RETURN_CODES

    device = SequenceDevice("mac-jamf-pro-removable")
    planner = planner_for(Config(), CATALOGUE, PLAYBOOKS)
    journey, recording = make_journey(device, planner=planner)
    view = journey.act("begin") if journey.start() else None
    assert view is not None and view.code not in RETURN_CODES
    assert not any(e.code in RETURN_CODES for e in recording.events)


def test_migration_check_says_the_wifi_went_with_the_old_management() -> None:
    from helper.migration import scenario_migration

    migration = scenario_migration(
        "jamf-macos",
        Config(),
        check=lambda name: CheckResult(name, False, "dns-failed", "no DNS"),
    )
    migration.start()
    # the latest detection: on CorpNet, which Jamf delivered before it left
    migration.journey.state.legacy_wifi = ["CorpNet"]
    migration.journey._detection = _detection(network=Network("CorpNet", True))
    assert migration.run_check("network").code == "on-legacy-wifi"
    assert migration.run_check("rights").code == "dns-failed"  # only network
    # the collector's answer reaches the planner
    assert migration.escrow_confirmed.value is None
    migration.escrow_confirmed.value = True
    migration.journey._detection = _detection(encryption=Encryption("filevault", "on"))
    assert migration.escrow_after_join() == "escrow-confirmed"


def test_a_joined_mac_whose_new_key_intune_escrows() -> None:
    detection = detected("mac-intune-filevault-new-key")
    assert preflight.escrow_after_join(detection, escrow_confirmed=None) == (
        "escrow-key-made"
    )
    # the same Mac before the new key was written: the user is asked to make one
    detection.encryption.key_made_at = "2026-11-20T09:00:00Z"
    assert preflight.escrow_after_join(detection, escrow_confirmed=None) == (
        "escrow-new-key-needed"
    )
