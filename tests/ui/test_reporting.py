# SPDX-License-Identifier: MIT
"""The window's status reports: a journey's events reach a real HTTPS collector
(the reporting tests' server) from the background, never the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import trustme
from pytestqt.qtbot import QtBot

from helper.config import Config
from helper.config.model import Reporting
from helper.report.http import make_http_client
from helper.report.token import StaticTokenProvider
from tests.helper.journey_driver import make_journey, planner_named, walk
from tests.helper.report_server import ReportServer
from ui.reporting import ReportingController


@pytest.fixture
def server() -> Iterator[ReportServer]:
    with ReportServer(trustme.CA()) as running:
        yield running


def _config(url: str, enabled: bool = True) -> Config:
    return Config().replace(
        reporting=Reporting(
            enabled=enabled, collector_url=url, api_scope="api://x/.default"
        ),
    )


def test_disabled_reporting_sends_nothing(qtbot: QtBot) -> None:
    controller = ReportingController(_config("", enabled=False))
    reporter = controller.build_reporter()
    assert type(reporter).__name__ == "NullReporter"
    assert controller.status() is None
    controller.close()


def test_journey_events_reach_the_collector(qtbot: QtBot, server: ReportServer) -> None:
    from helper.journey.scenarios import load_scenario

    controller = ReportingController(
        _config(server.url),
        http_factory=lambda: make_http_client(verify=server.client_context()),
        tokens_factory=lambda _http: StaticTokenProvider(["tok-1"]),
    )
    flushed: list[bool] = []
    controller.changed.connect(lambda: flushed.append(True))
    reporter = controller.build_reporter()
    journey, _store = make_journey(
        load_scenario("jamf-macos").device(),
        planner=planner_named("real"),
        reporter=reporter,
    )
    view = walk(journey, journey.start())
    assert view.stage == "done"
    # The enqueued events trigger flushes through the queued signal.
    qtbot.waitUntil(
        lambda: len(server.store) > 3 and not controller_queued(controller),
        timeout=10_000,
    )
    status = controller.status()
    assert getattr(status, "queued", None) == 0
    assert getattr(status, "delivered", 0) >= len(server.store)
    assert flushed
    # No flush may still be running when the client closes (its socket would leak).
    from ui import tasks

    qtbot.waitUntil(lambda: tasks.manager().pending == 0, timeout=10_000)
    controller.close()


def controller_queued(controller: ReportingController) -> int:
    status = controller.status()
    return int(getattr(status, "queued", 0) or 0)
