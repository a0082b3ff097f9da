# SPDX-License-Identifier: MIT
"""The done page's "What Intune says" card (Qt offscreen, real clicks): what
Intune confirms is shown apart from what the device found, in English and
French; with nothing true to say (no collector, offline, the check off) the
card stays hidden.

The collector's answers are the contract's JSON (``SelfStatus``), read by the
real parser; the HTTP side (helper.report.confirmation against the real
collector) is in tests/collector/test_graph.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import trustme
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from helper.config import Config
from helper.report.confirmation import UNAVAILABLE, Confirmation, parse_confirmation
from tests.helper.report_server import ReportServer
from tests.ui.conftest import WindowFactory, click, settle
from ui import i18n
from ui.main_window import MainWindow


def answer(intune: str, **extra: Any) -> Confirmation:
    body = {
        "intune": intune,
        "reported": {"in_intune": True, "legacy_status": "left"},
        "confirm_within_hours": 24,
        "reenrolled": False,
        **extra,
    }
    return parse_confirmation(json.dumps(body).encode())


class Reporting:
    """The window's reporting service as the done page uses it: the outbox
    status, and the collector's answer about this device."""

    def __init__(self, confirmation: Confirmation) -> None:
        self._confirmation = confirmation
        self.asked = 0

    def status(self) -> object:
        return None

    def confirmation(self) -> Confirmation:
        self.asked += 1
        return self._confirmation


def done_window(
    make_window: WindowFactory, qtbot: QtBot, reporting: Reporting, lang: str = "en"
) -> MainWindow:
    """The intune-macos scenario walked to the done page with real clicks."""
    window = make_window("intune-macos", lang=lang, reporting=reporting)
    click(qtbot, window.current_page().primary)  # Start
    click(qtbot, window.current_page().primary)  # Continue
    assert window.current_page_name() == "done"
    settle(qtbot)
    return window


def card_texts(window: MainWindow) -> list[str]:
    card = window.pages["done"].intune  # type: ignore[attr-defined]
    if not card.isVisible():
        return []
    return [label.text() for label in card.frame.findChildren(QLabel)]


def test_confirmed_and_compliant_apart_from_the_device_s_verdict(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    reporting = Reporting(answer("confirmed", compliance="compliant"))
    window = done_window(make_window, qtbot, reporting)
    assert reporting.asked == 1
    assert card_texts(window) == [
        "What Intune says",
        "✓ Confirmed by Intune",
        "✓ Compliant with your organization’s rules",
    ]
    # The device's own verdict stays in the headline.
    headline = window.pages["done"].headline.text()  # type: ignore[attr-defined]
    assert "Intune" in headline and headline not in card_texts(window)


def test_not_yet_confirmed_says_how_long_it_can_take(
    make_window: WindowFactory, qtbot: QtBot, qapp: QApplication
) -> None:
    i18n.install_translators(qapp, "en")  # the English plural forms
    window = done_window(
        make_window, qtbot, Reporting(answer("not-found", limbo=False))
    )
    assert card_texts(window)[1:] == [
        "Not yet confirmed by Intune (it can take up to 24 hours)"
    ]


@pytest.mark.parametrize(
    "confirmation", [UNAVAILABLE, answer("not-checked")], ids=["offline", "off"]
)
def test_nothing_true_to_say_shows_nothing(
    make_window: WindowFactory,
    qtbot: QtBot,
    confirmation: Confirmation,
) -> None:
    window = done_window(make_window, qtbot, Reporting(confirmation))
    assert card_texts(window) == []


def test_french(make_window: WindowFactory, qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install_translators(qapp, "fr")
    try:
        window = done_window(
            make_window,
            qtbot,
            Reporting(answer("removed", reenrolled=True)),
            lang="fr",
        )
        assert card_texts(window) == [
            "Ce que dit Intune",
            "Intune ne répertorie plus cet appareil\u00a0: contactez le service "
            "informatique en indiquant votre code d’assistance.",
            "L’ancienne gestion est revenue sur cet appareil\u00a0: contactez le "
            "service informatique en indiquant votre code d’assistance.",
        ]
        card = window.pages["done"].intune  # type: ignore[attr-defined]
        assert card.texts(answer("not-found"))[0] == (
            "Pas encore confirmé par Intune (cela peut prendre jusqu’à 24 heures)"
        )
    finally:
        i18n.install_translators(qapp, "en")


def test_the_card_asks_the_collector_about_this_device_s_serial(qtbot: QtBot) -> None:
    """The window as the real app builds it: the reporting controller's service
    receives the journey's detections, and the done page asks a real HTTPS
    collector about the device by the digest of the serial number the capture
    holds (the server answers only for that digest)."""
    from helper.config.model import Reporting as ReportingSettings
    from helper.migration import scenario_migration
    from helper.report.event import serial_digest
    from helper.report.http import make_http_client
    from helper.report.token import StaticTokenProvider
    from ui.demo import demo_config
    from ui.reporting import ReportingController

    digest = serial_digest("C02FK3M1Q05D")  # the intune-macos capture's serial
    assert digest is not None
    with ReportServer(trustme.CA()) as server:
        server.self_status[digest] = json.dumps(
            {
                "intune": "confirmed",
                "reported": {"in_intune": True, "legacy_status": "left"},
                "confirm_within_hours": 24,
                "reenrolled": False,
            }
        ).encode()
        config = demo_config(
            Config().replace(
                reporting=ReportingSettings(
                    enabled=True, collector_url=server.url, api_scope="api://x/.default"
                )
            )
        )
        controller = ReportingController(
            config,
            http_factory=lambda: make_http_client(verify=server.client_context()),
            tokens_factory=lambda _http: StaticTokenProvider(["tok-1"]),
        )
        window = MainWindow(
            config,
            lang="en",
            demo="intune-macos",
            reporting=controller,
            migration_factory=lambda: scenario_migration(
                "intune-macos", config, reporter=controller.build_reporter()
            ),
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.controller.view is not None, timeout=10_000)
        settle(qtbot)
        click(qtbot, window.current_page().primary)  # Start
        click(qtbot, window.current_page().primary)  # Continue
        assert window.current_page_name() == "done"
        qtbot.waitUntil(lambda: bool(card_texts(window)), timeout=10_000)
        assert card_texts(window)[:2] == ["What Intune says", "✓ Confirmed by Intune"]
        asked = [r.path for r in server.requests if r.method == "GET"]
        assert asked == [f"/api/v1/devices/self?serial_digest={digest}"]
        # The journey's events carried the same digest (the start-up heartbeat
        # goes before any detection: it has none).
        qtbot.waitUntil(lambda: len(server.store) > 1, timeout=10_000)
        digests = {
            e["event_type"]: e["device"].get("serial_digest")
            for e in server.store.values()
        }
        assert digests.pop("heartbeat") is None
        assert digests and set(digests.values()) == {digest}
        window.close()
        settle(qtbot)
