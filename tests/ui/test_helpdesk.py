# SPDX-License-Identifier: MIT
"""The helpdesk panel on a journey driven by a simulated device (scenario)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from helper.capture.model import Capture
from helper.capture.store import open_capture
from helper.catalogue import Catalogue, load_catalogue
from helper.config import load_config
from helper.config.model import Config
from helper.helpdesk import log_tail
from helper.journey.engine import Journey, JourneyView, planner_for
from helper.journey.playbooks import PlaybookSet, load_playbooks
from helper.journey.scenarios import load_scenario, scenarios_root
from helper.journey.transitions import RecordingReporter
from helper.logsetup import log_file
from ui import tasks
from ui.helpdesk import HelpdeskPanel

SECRET = "7c1f0e9a2b4d6f8e0a1c3e5b7d9f1a2c4e6b8d0f2a4c6e8b"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZUBjb250b3NvIn0.c2lnbmF0dXJlcGFydA"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(use_cache=False)


@pytest.fixture(scope="module")
def playbooks() -> PlaybookSet:
    return load_playbooks(None)


@pytest.fixture
def view(catalogue: Catalogue, playbooks: PlaybookSet) -> JourneyView:
    """A journey started on the Workspace ONE Windows laptop scenario."""
    from helper.journey.state import MemoryStore

    config = Config()
    journey = Journey(
        load_scenario("ws1-windows").device(),
        catalogue=catalogue,
        config=config,
        planner=planner_for(config, catalogue, playbooks),
        store=MemoryStore(),
        reporter=RecordingReporter(),
    )
    return journey.start()


@pytest.fixture
def scenario_capture() -> Capture:
    return load_scenario("ws1-windows").initial_capture()


@pytest.fixture
def make_panel(
    qtbot: QtBot,
    catalogue: Catalogue,
    playbooks: PlaybookSet,
    scenario_capture: Capture,
) -> Iterator[type[HelpdeskPanel]]:
    panels: list[HelpdeskPanel] = []

    def make(**kwargs: object) -> HelpdeskPanel:
        kwargs.setdefault("config", Config())
        kwargs.setdefault("catalogue", catalogue)
        kwargs.setdefault("playbooks", playbooks)
        kwargs.setdefault("capture_fn", lambda: scenario_capture)
        panel = HelpdeskPanel(**kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(panel)
        panels.append(panel)
        return panel

    yield make  # type: ignore[misc]
    assert tasks.wait_idle(10)


def test_panel_shows_the_journey(
    make_panel: type[HelpdeskPanel], view: JourneyView
) -> None:
    panel = make_panel(view=view)
    assert panel.code_label.text() == view.support_code
    assert len(view.support_code) == 9 and view.support_code[4] == "-"
    assert panel.code_label.font().pointSizeF() >= 20  # readable over the phone
    assert panel.code_label.font().bold()
    overview = panel.overview.toPlainText()
    assert f"Stage: {view.stage}" in overview
    assert "Path: leave-then-join" in overview
    assert "Verdict: legacy-enrolled" in overview
    detection = json.loads(panel.detection_text.toPlainText())
    assert detection["verdict"] == "legacy-enrolled"
    assert detection["legacy"][0]["vendor"] == "workspace-one"
    journey = json.loads(panel.journey_text.toPlainText())
    assert journey["support_code"] == view.support_code
    assert journey["stage"] == view.stage
    assert "detection" not in journey  # it has its own tab
    assert journey["plan"]["path"] == "leave-then-join"


def test_panel_without_a_journey(make_panel: type[HelpdeskPanel]) -> None:
    panel = make_panel(view=None)
    assert "No journey yet" in panel.overview.toPlainText()
    assert panel.code_label.text() == "—"
    assert not panel.copy_code_button.isEnabled()
    panel.copy_diagnostics()
    assert "Support code: (no journey yet)" in QApplication.clipboard().text()


def test_set_view_updates_the_panel(
    make_panel: type[HelpdeskPanel], view: JourneyView
) -> None:
    panel = make_panel(view=None)
    panel.set_view(view)
    assert panel.code_label.text() == view.support_code
    panel.copy_code_button.click()
    assert QApplication.clipboard().text() == view.support_code


def test_log_tail_is_redacted_and_bounded(
    make_panel: type[HelpdeskPanel],
) -> None:
    path = log_file()
    lines = [f"2026-03-02T09:00:00.000Z INFO helper: line {n}" for n in range(500)]
    lines.append(
        f"2026-03-02T09:00:01.000Z INFO helper.auth: Authorization: Bearer {TOKEN}"
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    panel = make_panel(view=None)
    text = panel.log_text.toPlainText()
    shown = text.splitlines()
    assert len(shown) == 200
    assert shown[0].endswith("line 301")
    assert TOKEN not in text
    assert "[redacted]" in shown[-1]
    # This log was written raw on purpose (a log from an older, leakier build);
    # the end-of-run check that no log holds a token must not count it.
    path.unlink()


def test_log_tail_missing_file(make_panel: type[HelpdeskPanel], tmp_path: Path) -> None:
    assert log_tail(tmp_path / "absent.log") == ""
    log_file().unlink(missing_ok=True)
    panel = make_panel(view=None)
    assert "does not exist yet" in panel.log_text.toPlainText()


def test_copy_diagnostics_has_no_secret(
    make_panel: type[HelpdeskPanel], view: JourneyView, helper_home: Path
) -> None:
    config_file = helper_home / "config" / "config.toml"
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(
        "[tenant]\n"
        'tenant_id = "11111111-2222-3333-4444-555555555555"\n'
        f'serial_hmac_key = "{SECRET}"\n',
        encoding="utf-8",
    )
    config = load_config(None)
    assert config.tenant.serial_hmac_key == SECRET
    panel = make_panel(view=view, config=config)
    panel.copy_button.click()
    text = QApplication.clipboard().text()
    assert SECRET not in text
    assert SECRET[:12] not in text
    assert f"Support code: {view.support_code}" in text
    assert "Verdict: legacy-enrolled" in text
    assert "Legacy: workspace-one" in text
    assert "PySide6" in text and "Python" in text
    # Where each key came from, never its value.
    assert "tenant.serial_hmac_key: user:" in text
    assert "tenant.tenant_id: user:" in text
    assert "11111111-2222" not in text
    assert "no secrets" in panel.status.text()


def test_copy_diagnostics_with_an_invalid_configuration(
    make_panel: type[HelpdeskPanel], view: JourneyView, helper_home: Path
) -> None:
    config_file = helper_home / "config" / "config.toml"
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('[tenant]\nserial_hmac_key = "too short"\n', "utf-8")
    panel = make_panel(view=view)
    text = panel.diagnostics()
    assert "invalid:" in text
    assert "too short" not in text


def test_export_capture_writes_a_readable_zip(
    make_panel: type[HelpdeskPanel], qtbot: QtBot, tmp_path: Path
) -> None:
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.export_finished, timeout=10000) as blocker:
        panel.export_capture_to(tmp_path / "for-helpdesk")
        was_busy = panel.busy
        assert was_busy and panel.progress.isVisibleTo(panel)
        assert not panel.export_button.isEnabled()
    written = Path(blocker.args[0])
    assert written == tmp_path / "for-helpdesk.zip"
    assert zipfile.is_zipfile(written)
    capture = open_capture(written)
    assert capture.os == "windows"
    assert capture.files
    assert not panel.busy and panel.export_button.isEnabled()
    assert str(written) in panel.status.text()


def test_export_button_uses_the_file_dialog(
    make_panel: type[HelpdeskPanel],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "chosen.zip"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.export_finished, timeout=10000):
        panel.export_button.click()
    assert open_capture(target).os == "windows"


@pytest.mark.live
def test_export_capture_of_this_machine(
    make_panel: type[HelpdeskPanel], qtbot: QtBot, tmp_path: Path
) -> None:
    panel = make_panel(view=None, capture_fn=None)
    with qtbot.waitSignal(panel.export_finished, timeout=60000) as blocker:
        panel.export_capture_to(tmp_path / "live.zip")
    assert open_capture(Path(blocker.args[0])).files is not None


def test_export_failure_is_one_clear_line(
    make_panel: type[HelpdeskPanel], qtbot: QtBot, tmp_path: Path
) -> None:
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.export_failed, timeout=10000) as blocker:
        panel.export_capture_to(tmp_path / "no-such-folder" / "x.zip")
    message = blocker.args[0]
    assert message.startswith("The capture could not be saved: ")
    assert "\n" not in message and "Traceback" not in message
    assert panel.export_button.isEnabled()


def test_open_a_capture_replays_it(
    make_panel: type[HelpdeskPanel], qtbot: QtBot, tmp_path: Path
) -> None:
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.export_finished, timeout=10000):
        panel.export_capture_to(tmp_path / "sent.zip")
    with qtbot.waitSignal(panel.replay_finished, timeout=10000):
        panel.open_capture_path(tmp_path / "sent.zip")
    assert panel.tabs.currentIndex() == panel.replay_index
    replay = panel.replay
    assert replay is not None
    assert replay.detection.verdict == "legacy-enrolled"
    assert replay.plan.path == "leave-then-join"
    steps = panel.replay_steps.toPlainText()
    assert "[leave]" in steps and "[join]" in steps
    assert replay.plan.steps[0].text.en in steps
    assert json.loads(panel.replay_detection.toPlainText())["verdict"] == (
        "legacy-enrolled"
    )
    assert "Verdict: legacy-enrolled. Path: leave-then-join." in (
        panel.replay_message.text()
    )


def test_open_a_capture_folder_and_its_manifest(
    make_panel: type[HelpdeskPanel], qtbot: QtBot
) -> None:
    folder = scenarios_root() / "jamf-macos"
    first = sorted(p for p in folder.iterdir() if p.is_dir())[0]
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.replay_finished, timeout=10000):
        panel.open_capture_path(first / "capture.json")
    assert panel.replay is not None
    assert panel.replay.detection.os == "macos"


BAD_FILES = [
    ("garbage.zip", b"\x00\x01 not a zip \xff" * 50, "damaged or not valid: "),
    ("notes.txt", b"hello helpdesk", "damaged or not valid: "),
    ("empty.zip", None, "This is not a capture: "),
    ("bad-manifest.zip", {"capture.json": b"{not json"}, "damaged or not valid: "),
    ("wrong-os.zip", {"capture.json": b'{"os": "beos"}'}, "damaged or not valid: "),
    ("absent.zip", "missing", "This is not a capture: "),
]


@pytest.mark.parametrize("case", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_open_a_bad_file_says_what_is_wrong(
    make_panel: type[HelpdeskPanel],
    qtbot: QtBot,
    tmp_path: Path,
    case: tuple[str, object, str],
) -> None:
    name, content, expected = case
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, dict):
        with zipfile.ZipFile(path, "w") as archive:
            for member, data in content.items():
                archive.writestr(member, data)
    elif content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "no capture here")
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.replay_failed, timeout=10000) as blocker:
        panel.open_capture_path(path)
    message = blocker.args[0]
    assert expected in message.split(": ")[0] + ": "
    assert "\n" not in message and "Traceback" not in message
    assert panel.replay_message.text() == message
    assert panel.replay is None
    assert panel.open_button.isEnabled()


def test_open_button_uses_the_file_dialog(
    make_panel: type[HelpdeskPanel],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    garbage = tmp_path / "sent-by-user.zip"
    garbage.write_bytes(b"PK\x03\x04 truncated")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(garbage), "")
    )
    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.replay_failed, timeout=10000):
        panel.open_button.click()
    assert "sent-by-user.zip" in panel.status.text()


def test_cancelled_file_dialogs_do_nothing(
    make_panel: type[HelpdeskPanel], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    panel = make_panel(view=None)
    panel.open_button.click()
    panel.export_button.click()
    assert not panel.busy


def test_replay_lists_leftovers_as_a_dry_run(
    make_panel: type[HelpdeskPanel], qtbot: QtBot
) -> None:
    from tests.conftest import CAPTURES

    panel = make_panel(view=None)
    with qtbot.waitSignal(panel.replay_finished, timeout=10000):
        panel.open_capture_path(CAPTURES / "win-stale-leftovers")
    steps = panel.replay_steps.toPlainText()
    assert "Leftovers (dry run, nothing removed):" in steps
    assert (
        "windows-stale-enrollment of workspace-one: "
        "3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F (not removed by the helper)"
    ) in steps
    assert "blocks: 0x8018000A" in steps
