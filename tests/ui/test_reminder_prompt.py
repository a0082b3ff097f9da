# SPDX-License-Identifier: MIT
"""The reminder in the window: its exact next time, held back during a call,
and never deferrable after the deadline (real widgets, real clicks).

The journey is the real one on a simulated device; only the OS signals are
fakes, in the formats the OS gives them (tests/helper/test_attention.py).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helper.config.model import Config, MigrationConfig, Wave
from helper.journey import deadlines
from helper.journey.attention import MAX_UNKNOWN_POSTPONES
from helper.probe import attention as probe_attention
from helper.probe.attention import (
    GNOME_IDLE_INHIBITED,
    GNOME_SCREENSAVER_ACTIVE,
    GSETTINGS_BANNERS,
    PW_DUMP,
)
from tests.helper.test_attention import FakeRunner, pw_node
from tests.ui.conftest import WindowFactory, click, settle
from ui.main_window import MainWindow
from ui.reminder_prompt import ReminderPrompt, next_reminder_text, when_text

UTC = datetime.UTC
NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
NOT_BUSY = {
    GSETTINGS_BANNERS: (0, b"true\n"),
    GNOME_IDLE_INHIBITED: (0, b"(false,)\n"),
    GNOME_SCREENSAVER_ACTIVE: (0, b"(false,)\n"),
    PW_DUMP: (0, b"[]"),
}
IN_A_CALL = {
    **NOT_BUSY,
    PW_DUMP: (0, json.dumps([pw_node("Stream/Input/Audio", "running")]).encode()),
}


# --- the exact time, in the window's language ----------------------------------------


def test_next_reminder_says_today_or_the_date_in_the_window_language(
    qapp: QApplication,
) -> None:
    later_today = NOW + datetime.timedelta(hours=4)
    tomorrow = NOW + datetime.timedelta(days=1)
    assert next_reminder_text(later_today, "en", NOW, UTC) == (
        "Next reminder: today at 1:30\u202fPM"
    ) or next_reminder_text(later_today, "en", NOW, UTC) == (
        "Next reminder: today at 1:30 PM"
    )
    assert when_text(tomorrow, "fr", NOW, UTC) == ("mardi 8 décembre 2026", "09:30")
    assert when_text(tomorrow, "en", NOW, UTC)[0] == "Tuesday, December 8, 2026"
    assert next_reminder_text(None, "en", NOW, UTC) == ""
    # A reminder whose time has passed was shown: no line.
    assert next_reminder_text(NOW - datetime.timedelta(minutes=1), "en", NOW, UTC) == ""


def test_next_reminder_follows_the_users_time_zone(qapp: QApplication) -> None:
    """23:30 UTC is already tomorrow in Paris: the date shows."""
    paris = datetime.timezone(datetime.timedelta(hours=1))
    late = datetime.datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
    assert when_text(late, "fr", NOW, paris) == ("mardi 8 décembre 2026", "00:30")
    assert when_text(late, "fr", NOW, UTC) == ("", "23:30")


# --- the window -----------------------------------------------------------------------


def linux_signals(
    monkeypatch: pytest.MonkeyPatch, outputs: dict[tuple[str, ...], tuple[int, bytes]]
) -> None:
    """The OS's readers on this Linux test machine, fed the given outputs (no
    /dev/video reader: the test machine's own processes are not the user's)."""
    runner = FakeRunner(outputs)  # type: ignore[arg-type]

    def readers(platform: str | None = None, **_: object) -> list[object]:
        return probe_attention.desktop_readers(runner)  # type: ignore[return-value]

    monkeypatch.setattr(probe_attention, "readers_for", readers)


@pytest.fixture
def live_window(
    make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """A window outside demo mode (reminders on), its login entry in tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    return make_window("ws1-windows", demo=False)


def test_after_a_deferral_the_window_shows_the_next_reminder_and_holds_it_during_a_call(
    live_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = live_window
    assert not window.reminder_line.isVisible()
    click(qtbot, window.current_page().primary)  # to the check page
    click(qtbot, window.current_page().defer_button)  # type: ignore[attr-defined]
    view = window.controller.view
    assert view is not None and view.next_reminder is not None
    assert window.reminder_line.isVisible()
    assert window.reminder_line.text() == next_reminder_text(view.next_reminder, "en")
    assert window.reminder_line.text().startswith("Next reminder: ")

    # The time comes during a call: held back ten minutes, and the line says so.
    linux_signals(monkeypatch, IN_A_CALL)
    before = datetime.datetime.now(UTC)
    window._scheduler.due.emit()
    settle(qtbot)
    assert window.reminder_prompt is None
    held = window._scheduler.when
    assert held is not None
    assert before + datetime.timedelta(minutes=9) < held
    assert window.reminder_line.text() == next_reminder_text(held, "en")
    # A new view of the journey keeps the later of the two times (here the
    # reminder was made due early: the journey's own time is still ahead).
    window.controller.refresh()
    settle(qtbot)
    later = max(held, view.next_reminder)
    assert window.reminder_line.text() == next_reminder_text(later, "en")

    # The call is over: the reminder shows, and "Remind me later" defers again.
    linux_signals(monkeypatch, NOT_BUSY)
    window._scheduler.due.emit()
    settle(qtbot)
    prompt: object = window.reminder_prompt
    assert isinstance(prompt, ReminderPrompt)
    qtbot.waitExposed(prompt)
    assert prompt.defer_button.isVisible()
    assert "brings this reminder back" in prompt.detail.text()
    used = view.deferral.used
    click(qtbot, prompt.defer_button)
    assert window.reminder_prompt is None
    after = window.controller.view
    assert after is not None and after.deferral.used == used + 1


def overdue_config() -> Config:
    today = datetime.date.today()
    wave = Wave(
        id="w1",
        name="Wave 1",
        notify_date=today - datetime.timedelta(days=30),
        enforcement_date=today - datetime.timedelta(days=1),
    )
    return Config(migration=MigrationConfig(waves=(wave,)))


def test_after_the_deadline_the_reminder_cannot_be_deferred_but_closes(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("ws1-windows", config=overdue_config())
    window.show_reminder()
    settle(qtbot)
    prompt: object = window.reminder_prompt
    assert isinstance(prompt, ReminderPrompt)
    qtbot.waitExposed(prompt)
    assert not prompt.defer_button.isVisible()
    assert "deadline has passed" in prompt.detail.text()
    assert prompt.close_button.isVisible() and prompt.close_button.isEnabled()
    click(qtbot, prompt.close_button)
    assert window.reminder_prompt is None
    assert window.isVisible()


def test_a_prompt_opened_before_the_deadline_follows_a_fresher_view(
    qapp: QApplication, qtbot: QtBot
) -> None:
    """Left open across the deadline: the next view takes "later" away."""
    config = overdue_config().migration
    before = datetime.datetime.combine(
        config.waves[0].enforcement_date - datetime.timedelta(days=2),
        datetime.time(12),
        tzinfo=UTC,
    )
    after = before + datetime.timedelta(days=3)
    due_before = deadlines.deadline(config, before, tz=UTC)
    due_after = deadlines.deadline(config, after, tz=UTC)
    choice = deadlines.deferral(config, before, 0, due_before)
    assert choice.next_reminder is not None
    prompt = ReminderPrompt(choice, "fr", now=before)
    qtbot.addWidget(prompt)
    prompt.show()
    assert prompt.defer_button.isVisible()
    assert when_text(choice.next_reminder, "fr", before)[1] in prompt.detail.text()
    prompt.set_deferral(deadlines.deferral(config, after, 0, due_after))
    assert not prompt.defer_button.isVisible()
    click(qtbot, prompt.close_button)
    assert not prompt.isVisible()


def test_signals_that_cannot_be_read_hold_the_reminder_twice_then_show_it_quietly(
    live_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No GNOME, no PipeWire: every signal unknown. The reminder is not lost."""
    window = live_window
    click(qtbot, window.current_page().primary)
    click(qtbot, window.current_page().defer_button)  # type: ignore[attr-defined]
    linux_signals(monkeypatch, {})
    for _ in range(MAX_UNKNOWN_POSTPONES):
        window._scheduler.due.emit()
        settle(qtbot)
        assert window.reminder_prompt is None
        assert window._scheduler.when is not None
    window._scheduler.due.emit()
    settle(qtbot)
    prompt: object = window.reminder_prompt
    assert isinstance(prompt, ReminderPrompt)
    assert prompt.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    click(qtbot, prompt.close_button)
    assert window.reminder_prompt is None


def test_started_at_login_the_window_waits_for_the_call_to_end(
    live_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gui --reminder`` at login during a call: no window until it ends."""
    window = live_window
    window.hide()
    linux_signals(monkeypatch, IN_A_CALL)
    window.show_after_login()
    settle(qtbot)
    assert not window.isVisible()
    retry = window._login_retry
    assert retry.isActive()
    assert 9 * 60_000 < retry.remainingTime() <= 10 * 60_000 + 1_000
    # Ten minutes later the call is over: the window shows, taking the focus.
    linux_signals(monkeypatch, NOT_BUSY)
    retry.timeout.emit()
    qtbot.waitUntil(window.isVisible)
    assert not window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
