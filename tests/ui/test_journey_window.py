# SPDX-License-Identifier: MIT
"""Whole journeys in the window, clicking the real buttons, on simulated devices.

The journey engine, the planner, the playbooks and detection are the real ones;
only the launcher's boundaries (open a URI, start or elevate a program) and the
pre-enrollment checks are fakes (tests/ui/conftest.py), so nothing launches.
Each test checks the pages shown, in order, and the events the engine emitted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from helper.journey.transitions import RecordingReporter
from tests.ui.conftest import Fakes, WindowFactory, click, settle
from ui.main_window import MainWindow
from ui.pages.steps import ConfirmCommandDialog, HintList, StagePage


def stage_page(window: MainWindow) -> StagePage:
    page = window.current_page()
    assert isinstance(page, StagePage)
    return page


def primary(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.current_page().primary


def seq_ok(recording: RecordingReporter) -> None:
    seqs = [e.seq for e in recording.events]
    assert seqs == list(range(1, len(seqs) + 1))


def test_ws1_windows_happy_path(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes, recording: RecordingReporter
) -> None:
    window = make_window("ws1-windows")
    assert window.current_page_name() == "welcome"
    assert "Demo" in window.windowTitle()
    assert window.demo_banner.isVisible()

    click(qtbot, primary(window))  # Start
    assert window.current_page_name() == "check"
    check = window.pages["check"]
    assert "legacy management" in check.headline.text()  # type: ignore[attr-defined]
    assert check.begin_button.text() == "&Begin"  # type: ignore[attr-defined]

    click(qtbot, primary(window))  # Begin: prepare's reading steps done
    assert window.current_page_name() == "leave"
    page = stage_page(window)
    assert "Workspace ONE" in page.title.text()
    buttons = page.step_buttons()
    assert list(buttons) == ["ws1-uninstall-hub-settings"]
    click(qtbot, buttons["ws1-uninstall-hub-settings"])  # Open Settings
    assert fakes.opened == ["ms-settings:appsfeatures"]
    assert "Started" in page.rows[1].outcome.text()

    click(qtbot, primary(window))  # I've done it — check again
    assert window.current_page_name() == "join"
    page = stage_page(window)
    settle(qtbot)  # the pre-enrollment checks ran in the background
    assert sorted(fakes.checks) == ["network", "rights"]  # in parallel
    texts = [row.outcome.text() for row in page.rows[:2]]
    assert texts == [
        "Connection to Microsoft Intune: Passed.",
        "Administrator rights: Passed.",
    ]
    enroll = page.step_buttons()["intune-connect"]
    click(qtbot, enroll)
    # Register in Entra ID and enroll: never the MDM-only link by default.
    assert fakes.opened[-1] == "ms-device-enrollment:?mode=awa"

    click(qtbot, primary(window))  # I've done it — check again
    assert window.current_page_name() == "done"
    assert window.pages_shown == ["welcome", "check", "leave", "join", "done"]
    assert recording.stages_started() == [
        "prepare",
        "leave",
        "confirm-left",
        "join",
        "confirm-joined",
    ]
    trail = recording.trail()
    assert trail[0] == ("prepare", "created", None)
    assert trail[-1] == ("done", "succeeded", None)
    done_steps = [e.step for e in recording.events if e.state == "succeeded" and e.step]
    assert "ws1-uninstall-hub-settings" in done_steps
    assert "intune-check-network" in done_steps
    seq_ok(recording)
    assert fakes.ran == [] and fakes.spawned == []


def test_jamf_macos_runs_the_command_it_showed(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes, recording: RecordingReporter
) -> None:
    window = make_window("jamf-macos")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Begin
    assert window.current_page_name() == "leave"
    run = stage_page(window).step_buttons()["jamf-remove-mdm-profile"]
    assert run.text() == "Run as administrator…"

    # Cancel first: nothing runs.
    click(qtbot, run)
    dialog = window.pending_dialog
    assert isinstance(dialog, ConfirmCommandDialog)
    assert dialog.command.toPlainText() == "/usr/local/jamf/bin/jamf removeMdmProfile"
    click(qtbot, dialog.cancel_button)
    assert fakes.ran == []
    assert window.pending_dialog is None

    run = stage_page(window).step_buttons()["jamf-remove-mdm-profile"]
    click(qtbot, run)
    dialog = window.pending_dialog
    assert isinstance(dialog, ConfirmCommandDialog)
    click(qtbot, dialog.run_button)
    assert fakes.ran == [
        [
            "/usr/bin/osascript",
            "-e",
            'do shell script "/usr/local/jamf/bin/jamf removeMdmProfile" '
            "with administrator privileges",
        ]
    ]

    click(qtbot, primary(window))  # I've done it — check again
    assert window.current_page_name() == "join"
    settle(qtbot)
    assert fakes.checks == ["network"]  # no rights check on macOS
    get_portal = stage_page(window).step_buttons()["intune-get-company-portal"]
    click(qtbot, get_portal)
    assert fakes.opened == ["https://go.microsoft.com/fwlink/?linkid=853070"]
    click(qtbot, primary(window))
    assert window.pages_shown == ["welcome", "check", "leave", "join", "done"]
    assert recording.trail()[-1] == ("done", "succeeded", None)
    seq_ok(recording)


def test_intune_macos_is_done_at_once(
    make_window: WindowFactory, qtbot: QtBot, recording: RecordingReporter
) -> None:
    window = make_window("intune-macos")
    click(qtbot, primary(window))  # Start
    assert window.current_page_name() == "check"
    assert (
        window.pages["check"].headline.text()  # type: ignore[attr-defined]
        == "This device is managed by Microsoft Intune."
    )
    assert primary(window).text() == "&Continue"
    click(qtbot, primary(window))
    assert window.pages_shown == ["welcome", "check", "done"]
    assert recording.trail() == [
        ("done", "created", None),
        ("done", "succeeded", None),
    ]


def test_kandji_ade_goes_to_it_then_joins(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes, recording: RecordingReporter
) -> None:
    window = make_window("kandji-ade-macos")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Continue
    assert window.current_page_name() == "contact-it"
    page = window.current_page()
    view = window.controller.view
    assert view is not None
    assert page.code.text() == view.support_code  # type: ignore[attr-defined]
    assert "only IT can remove it" in page.reason.text()  # type: ignore[attr-defined]
    asked = [
        label.text()
        for label in page.ask.findChildren(type(page.reason))  # type: ignore[attr-defined]
    ]
    assert any("Apple Business Manager" in text for text in asked)
    assert not any("{support_code}" in text for text in asked)
    assert any(view.support_code in text for text in asked)

    click(qtbot, page.copy_button)  # type: ignore[attr-defined]
    copied = QApplication.clipboard().text()
    assert view.support_code in copied
    assert "kandji" in copied and "not-removable" in copied
    assert "legacy-enrolled" in copied
    detection = view.detection
    assert detection is not None
    for legacy in detection.legacy:
        if legacy.server:
            assert legacy.server not in copied  # codes only, no host names

    assert primary(window).text() == "I’ve c&ontacted IT"
    click(qtbot, primary(window))  # IT releases the Mac (the scenario moves)
    assert primary(window).text() == "&Check again"
    click(qtbot, primary(window))  # detect again: unmanaged → join-only
    assert window.current_page_name() == "check"
    assert primary(window).text() == "&Begin"
    click(qtbot, primary(window))
    assert window.current_page_name() == "join"
    settle(qtbot)
    click(qtbot, primary(window))
    assert window.current_page_name() == "done"
    assert window.pages_shown == [
        "welcome",
        "check",
        "contact-it",
        "check",
        "join",
        "done",
    ]
    trail = recording.trail()
    assert ("contact-it", "blocked", "not-removable") in trail
    assert ("prepare", "created", "replanned") in trail
    assert trail[-1] == ("done", "succeeded", None)
    seq_ok(recording)


def test_failed_confirmation_shows_hints_then_contact_it(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes, recording: RecordingReporter
) -> None:
    window = make_window("legacy-stays-windows")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Begin
    click(qtbot, primary(window))  # I've done it: Workspace ONE is still there
    assert window.current_page_name() == "leave"
    page = stage_page(window)
    assert page.failure.isVisible()
    assert "still on this device" in page.failure_text.text()
    hints = page.findChildren(HintList)
    assert hints and any("Access work or school" in h.text() for h in hints[0].labels)
    assert any("{support_code}" not in h.text() for h in hints[0].labels)
    # Redo the step, then check again: the relaunched step is done again.
    click(qtbot, page.step_buttons()["ws1-uninstall-hub-settings"])
    click(qtbot, primary(window))
    assert window.current_page_name() == "leave"
    click(qtbot, primary(window))
    assert window.current_page_name() == "contact-it"
    assert window.pages_shown == ["welcome", "check", "leave", "contact-it"]
    trail = recording.trail()
    assert trail.count(("confirm-left", "failed", "legacy-still-present")) == 3
    assert ("contact-it", "blocked", "legacy-still-present") in trail
    seq_ok(recording)


def test_remind_me_later_and_contact_it_from_the_check_page(
    make_window: WindowFactory, qtbot: QtBot, recording: RecordingReporter
) -> None:
    window = make_window("ws1-windows")
    click(qtbot, primary(window))
    page = window.current_page()
    defer = page.defer_button  # type: ignore[attr-defined]
    assert defer.isVisible()
    assert "postpones the move until" in page.deferral.text()  # type: ignore[attr-defined]
    click(qtbot, defer)
    view = window.controller.view
    assert view is not None and view.next_reminder is not None
    assert "will remind you on" in page.deferral.text()  # type: ignore[attr-defined]
    assert recording.trail()[-1] == ("prepare", "deferred", None)
    click(qtbot, page.help_button)  # type: ignore[attr-defined]
    assert window.current_page_name() == "contact-it"
    assert recording.trail()[-1] == ("contact-it", "blocked", "user-request")


def test_reminders_follow_the_journey_outside_demo_mode(
    make_window: WindowFactory,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    entry = tmp_path / "xdg" / "autostart" / "com.intunemigrationhelper.helper.desktop"
    window = make_window("ws1-windows", demo=False)
    assert "Demo" not in window.windowTitle()
    click(qtbot, primary(window))
    click(qtbot, window.current_page().defer_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(entry.exists, timeout=5000)
    click(qtbot, window.current_page().primary)  # Begin
    click(qtbot, primary(window))  # leave
    settle(qtbot)
    click(qtbot, primary(window))  # join
    assert window.current_page_name() == "done"
    qtbot.waitUntil(lambda: not entry.exists(), timeout=5000)


def test_demo_mode_never_touches_reminders(
    make_window: WindowFactory,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    window = make_window("ws1-windows")
    click(qtbot, primary(window))
    click(qtbot, window.current_page().defer_button)  # type: ignore[attr-defined]
    settle(qtbot)
    assert not (tmp_path / "xdg").exists()


def test_french_plan_texts(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window("ws1-windows", lang="fr")
    click(qtbot, primary(window))
    click(qtbot, primary(window))
    page = stage_page(window)
    text = page.rows[1].full_text()
    assert text.startswith("Ouvrez") and "Paramètres > Applications" in text


def test_a_failed_precheck_shows_why_and_its_hints(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes, recording: RecordingReporter
) -> None:
    fakes.check_codes["network"] = "tls-failed"
    window = make_window("ws1-windows")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Begin
    click(qtbot, primary(window))  # leave: done
    assert window.current_page_name() == "join"
    settle(qtbot)
    row = stage_page(window).rows[0]
    assert row.step.id == "intune-check-network"
    assert "proxy or firewall" in row.outcome.text()
    assert row.hints is not None
    assert any("hotspot" in label.text() for label in row.hints.labels)
    network_done = [e for e in recording.events if e.step == "intune-check-network"]
    assert network_done == []  # a failed check is not reported as done
    # The network is back: check again from the row.
    fakes.check_codes["network"] = "ok"
    again = stage_page(window).step_buttons()["intune-check-network"]
    assert again.text() == "Check again"
    click(qtbot, again)
    row = stage_page(window).rows[0]
    assert row.hints is None and "Passed" in row.outcome.text()
    assert [e.step for e in recording.events if e.step == "intune-check-network"] == [
        "intune-check-network"
    ]


def test_technical_details_show_the_evidence(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("ws1-windows")
    click(qtbot, primary(window))
    page = window.current_page()
    assert not page.details.isVisible()  # type: ignore[attr-defined]
    click(qtbot, page.details_button)  # type: ignore[attr-defined]
    details = page.details  # type: ignore[attr-defined]
    assert details.isVisible()
    text = details.toPlainText()
    assert "Legacy management: Workspace ONE" in text
    assert "Support code:" in text and "Sources:" in text


def test_helpdesk_panel_and_guide_from_the_menu(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("ws1-windows")
    assert window.helpdesk_action.shortcut().toString() == "Ctrl+Shift+H"
    window.helpdesk_action.trigger()
    panel = window._helpdesk
    assert panel is not None and panel.isVisible()
    view = window.controller.view
    assert view is not None
    assert panel.view is view  # type: ignore[attr-defined]
    click(qtbot, primary(window))  # a new view reaches the open panel
    assert panel.view is window.controller.view  # type: ignore[attr-defined]
    panel.close()
    window.guide_action.trigger()
    dialogs = [w for w in window.findChildren(QDialog) if w.isVisible()]
    assert any(type(d).__name__ == "GuideDialog" for d in dialogs)
    for dialog in dialogs:
        dialog.close()


@pytest.mark.parametrize(
    ("lang", "failure", "hint"),
    [
        (
            "en",
            "not registered in your organization's Microsoft Entra ID yet",
            "do the steps above again with your work account",
        ),
        (
            "fr",
            "n’est pas encore inscrit dans le Microsoft Entra ID de votre organisation",
            "refaites les étapes ci-dessus avec votre compte professionnel",
        ),
    ],
)
def test_join_failure_says_which_half_is_missing(
    make_window: WindowFactory, qtbot: QtBot, lang: str, failure: str, hint: str
) -> None:
    """A PC that ended MDM-only: the join page names the missing Entra half, in
    the window's language, with the playbook's hints in that language."""
    from helper.config import Config
    from helper.journey.engine import planner_for
    from helper.journey.state import MemoryStore
    from tests.helper.journey_driver import catalogue, make_journey
    from tests.helper.test_journey_engine import SteeredDevice
    from tests.helper.test_truthful_done import MDM_ONLY, UNMANAGED, to_confirm

    device = SteeredDevice(UNMANAGED, after={"intune-connect": MDM_ONLY})
    journey, _ = make_journey(
        device, planner=planner_for(Config(), catalogue()), store=MemoryStore()
    )
    view = to_confirm(journey, journey.start())
    assert view.code == "entra-registration-missing"

    from ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install_translators(app, lang) == lang  # the window's words
    try:
        window = make_window("ws1-windows", lang=lang)  # the plan's words
        check_failure_page(window, view, failure, hint)
    finally:
        i18n.install_translators(app, "en")


def check_failure_page(
    window: MainWindow, view: object, failure: str, hint: str
) -> None:
    page = window.page("join")
    assert isinstance(page, StagePage)
    page.show_view(view)  # type: ignore[arg-type]
    assert not page.failure.isHidden()
    assert failure in page.failure_text.text()
    assert "Unexpected" not in page.failure_text.text()
    hints = page.findChildren(HintList)
    assert hints and any(hint in label.text() for label in hints[0].labels)
    # The rows are the join steps to redo, in the window's language too.
    assert "intune-connect" in page.step_buttons()


def test_an_mdm_only_pc_is_told_why_it_is_not_done(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes
) -> None:
    window = make_window("mdm-only-windows")
    click(qtbot, primary(window))  # Start
    assert window.current_page_name() == "check"
    facts = window.pages["check"].facts.text()  # type: ignore[attr-defined]
    assert "not registered in your organization's Microsoft Entra ID" in facts
    click(qtbot, primary(window))  # Begin (the prepare steps were on the check page)
    assert window.current_page_name() == "join"
    buttons = stage_page(window).step_buttons()
    assert list(buttons)[:2] == ["intune-disconnect-mdm-only", "intune-connect"]
    click(qtbot, buttons["intune-connect"])
    assert fakes.opened[-1] == "ms-device-enrollment:?mode=awa"
    click(qtbot, primary(window))  # I've done it — check again
    assert window.current_page_name() == "done"


@pytest.mark.parametrize(
    ("lang", "start", "path"),
    [
        ("de", "Öffnen Sie", "Einstellungen > Apps"),
        ("nl", "Open", "Instellingen > Apps"),
    ],
)
def test_translated_plan_texts(
    make_window: WindowFactory, qtbot: QtBot, lang: str, start: str, path: str
) -> None:
    """German and Dutch steps come from the translation files, with the
    Settings path as that language's Windows shows it."""
    window = make_window("ws1-windows", lang=lang)
    click(qtbot, primary(window))
    click(qtbot, primary(window))
    page = stage_page(window)
    text = page.rows[1].label.text()
    assert text.startswith(start) and path in text
    assert "Workspace ONE Intelligent Hub Installer" in text
