# SPDX-License-Identifier: MIT
"""The window and reporting's edges, clicked for real: File → "Sign in to send
status updates" while Entra cannot be reached says what happened and what to
try (it failed silently); a trial configuration with development tokens shows a
banner and marks the log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from helper.auth.signin import SIGN_IN_CODES
from helper.config.model import Config, Reporting, Tenant
from tests.collector.support import free_port
from tests.ui.conftest import TIMEOUT_MS, Fakes, settle
from ui import words
from ui.main_window import MainWindow
from ui.reporting import ReportingController

TENANT = "11111111-2222-3333-4444-555555555555"
HELPER = "66666666-7777-8888-9999-000000000000"
API = "c0ffee00-aaaa-bbbb-cccc-0123456789ab"


def _window(
    qtbot: QtBot,
    fakes: Fakes,
    config: Config,
    tokens_factory: Callable[[object], object] | None = None,
) -> tuple[MainWindow, list[ReportingController]]:
    """The live window's wiring (ui.app) on a simulated device."""
    from helper.migration import scenario_migration

    built: list[ReportingController] = []

    def reporting(parent: QObject) -> ReportingController:
        built.append(ReportingController(config, parent, tokens_factory=tokens_factory))
        return built[0]

    window = MainWindow(
        config,
        reporting_factory=reporting,
        migration_factory=lambda: scenario_migration(
            "ws1-windows",
            config,
            reporter=built[0].build_reporter(),
            runner=fakes,
            spawn=fakes.spawn,
            open_uri=fakes.open_uri,
            shell_execute=fakes.shell_execute,
            check=fakes.check,
        ),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.controller.view is not None, timeout=TIMEOUT_MS)
    settle(qtbot)
    return window, built


def _click_menu_item(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Open File and click the item, with the mouse."""
    menu = window.file_menu
    bar = window.menuBar()
    qtbot.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        pos=bar.actionGeometry(menu.menuAction()).center(),
    )
    qtbot.waitUntil(menu.isVisible, timeout=TIMEOUT_MS)
    action = next(a for a in menu.actions() if a.text() == text)
    qtbot.mouseClick(
        menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center()
    )


def test_an_offline_sign_in_says_what_to_try(qtbot: QtBot, fakes: Fakes) -> None:
    from helper.auth.signin import MsalTokenProvider
    from helper.auth.token_cache import EncryptedTokenCache

    closed = free_port()  # nothing listens there: Entra is unreachable
    config = Config().replace(
        tenant=Tenant(tenant_id=TENANT, client_id=HELPER),
        reporting=Reporting(
            enabled=True,
            collector_url=f"https://127.0.0.1:{free_port()}",
            api_scope=f"api://{API}/Migration.Report",
        ),
    )

    def tokens(http: object) -> MsalTokenProvider:
        return MsalTokenProvider(
            client_id=HELPER,
            authority=f"https://127.0.0.1:{closed}/{TENANT}",
            scopes=[f"api://{API}/Migration.Report"],
            http_client=http,  # type: ignore[arg-type]
            cache=EncryptedTokenCache(persist=False),
            use_broker=False,
            instance_discovery=False,
        )

    window, built = _window(qtbot, fakes, config, tokens)
    assert not hasattr(window, "dev_banner")
    _click_menu_item(qtbot, window, "&Sign in to send status updates")
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(window, "sign_in_failure", None), QMessageBox)
            and window.sign_in_failure.isVisible()
        ),
        timeout=TIMEOUT_MS,
    )
    box = window.sign_in_failure
    what, advice = words.sign_in_problem("sign-in-network")
    assert box.text() == what
    assert box.informativeText() == advice
    assert "network" in advice and "VPN" in advice
    # "Try again" runs the sign-in again: the same answer comes back.
    retry = next(
        b
        for b in box.findChildren(QPushButton)
        if b.text() == "&Try again" and b.isVisible()
    )
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            window.sign_in_failure is not box and window.sign_in_failure.isVisible()
        ),
        timeout=TIMEOUT_MS,
    )
    close = window.sign_in_failure.button(QMessageBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sign_in_failure.isVisible(), timeout=5000)
    settle(qtbot)
    built[0].close()


def test_every_sign_in_code_has_words_in_both_languages(qapp: QApplication) -> None:
    from PySide6.QtCore import QTranslator

    from helper.resources import resource_path

    english = {code: words.sign_in_problem(code) for code in SIGN_IN_CODES}
    assert set(words.sign_in_problems()) == set(SIGN_IN_CODES)
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "helper_fr.qm")))
    qapp.installTranslator(translator)
    try:
        french = {code: words.sign_in_problem(code) for code in SIGN_IN_CODES}
    finally:
        qapp.removeTranslator(translator)
    for code in SIGN_IN_CODES:
        assert all(english[code]), code
        assert french[code] != english[code], code


def test_development_tokens_show_a_banner_and_mark_the_log(
    qtbot: QtBot, fakes: Fakes, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from helper import logsetup

    url = f"http://127.0.0.1:{free_port()}"
    config = Config().replace(
        reporting=Reporting(enabled=True, collector_url=url, dev_unsigned_tokens=True)
    )
    logsetup._dev_mode = False
    try:
        with caplog.at_level(logging.WARNING, logger="helper"):
            window, built = _window(qtbot, fakes, config)
        banner = window.dev_banner
        assert banner.isVisible()
        assert url in " ".join(label.text() for label in banner.findChildren(QLabel))
        assert "development mode" in caplog.text and "unsigned tokens" in caplog.text
        # The tokens come from the dev collector (none runs: delivery waits).
        from helper.report.dev_token import DevTokenProvider

        assert isinstance(built[0]._tokens, DevTokenProvider)
        record = logging.LogRecord("helper.x", logging.INFO, "", 0, "hello", (), None)
        logsetup._DevMarkFilter().filter(record)
        assert record.getMessage() == f"{logsetup.DEV_MARK} hello"
        built[0].close()
    finally:
        logsetup._dev_mode = False
