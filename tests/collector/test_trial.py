# SPDX-License-Identifier: MIT
"""IT's first hour, end to end, with nothing faked: ``serve --dev`` in an
empty folder, the helper configuration it prints, a real journey on a
simulated device (the real planner and playbooks) queued in the helper's
outbox, ``intune-migration-helper report --flush`` as a process (tokens from
the dev collector, no Entra tenant), then the device read back from
``/api/v1/devices`` and from the dashboard the printed link signs a browser
into. Over plain HTTP on loopback, and over HTTPS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx

from helper.config import resolve
from helper.detect.engine import detect
from helper.journey.scenarios import load_scenario
from helper.report.delivery import ReportingService
from helper.report.event import serial_digest
from tests.collector.devserver import DevCollector, dev_collector, reader_token
from tests.collector.support import Certs
from tests.collector.test_dashboard import Page
from tests.helper.journey_driver import catalogue, make_journey, planner_named, walk

HELPER = Path(sys.executable).with_name("intune-migration-helper")
COLLECTOR = Path(sys.executable).with_name("intune-migration-collector")


def _helper_config(tmp_path: Path, trial: DevCollector) -> Path:
    """The helper's config.toml: the block serve --dev printed, and a wave."""
    path = tmp_path / "config.toml"
    path.write_text(
        'privacy_notice_url = ""\n'
        "[migration]\n"
        'campaign_id = "trial-2026"\n'
        'wave = "pilot"\n'
        "[[migration.waves]]\n"
        'id = "pilot"\n'
        "notify_date = 2026-01-05\n"
        "enforcement_date = 2099-12-31\n" + trial.helper_config,
        encoding="utf-8",
    )
    return path


def _run_journey(config_path: Path) -> str:
    """A Workspace ONE Windows laptop walks to the end; after it joined, the
    detection gives its Entra device id (as the window's next check does).
    Returns that device id."""
    config = resolve(config_path, bundled=None, policy=None).config
    assert config.reporting.dev_unsigned_tokens
    device = load_scenario("ws1-windows").device()
    service = ReportingService(config, tokens=None)
    try:
        # What the detection before the journey says (old EMM, serial).
        service.update_detection(
            detect(device.capture(), catalogue()),
            serial_digest=serial_digest("TRIAL-0001"),
        )
        journey, _ = make_journey(
            device, planner=planner_named("real"), reporter=service.reporter
        )
        assert walk(journey, journey.start()).stage == "done"
        service.update_detection(detect(device.capture(), catalogue()))
        service.heartbeat()
        assert service.status().queued > 5
        device_id = service.entra_device_id()
    finally:
        service.close()
    assert device_id is not None
    return device_id


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")}


def _read_back(trial: DevCollector, device_id: str, folder: Path) -> None:
    reader = reader_token(folder)
    verify = trial.verify
    with httpx.Client(verify=verify) as client:
        body = client.get(
            f"{trial.base_url}/api/v1/devices",
            headers={"Authorization": f"Bearer {reader}"},
        ).json()
        (device,) = body["devices"]
        assert device["entra_device_id"] == device_id
        # One device throughout: the dev collector keys serials (a published
        # dev key), so it kept its identity when its Entra id appeared.
        assert device["device_key"].split(":")[-2] == "serial"
        assert device["overall_state"] == "succeeded"
        assert device["wave_id"] == "pilot" and device["campaign_id"] == "trial-2026"
        # The dev token carried the device's id: confirmed, as a broker
        # sign-in would confirm it (docs/collector.md).
        assert device["identity"] == "token-device-id"
        assert device["legacy_vendor"] == "workspace-one"
        assert device["legacy_still_enrolled"] is False
        assert device["payload"]["journey_path"] == "leave-then-join"
        # The browser: the printed one-time link, then the dashboard.
        assert client.get(trial.login_link).status_code == 303
        page = Page(client.get(trial.dashboard).text)
    assert page.data["total-devices"] == 1
    assert page.data["total-state-succeeded"] == 1
    assert page.data["total-safe"] == 1
    assert page.data["total-unconfirmed"] == 0
    assert page.rows("waves")["pilot"]["ready"] == "2"  # ready to switch off
    chart = next(
        a
        for n, a in page.attrs_seen
        if n == "article" and a.get("data-wave") == "pilot"
    )
    assert (chart["data-migrated"], chart["data-remaining"]) == ("1", "0")


def test_a_trial_without_an_entra_tenant(tmp_path: Path) -> None:
    with dev_collector(tmp_path / "collector") as trial:
        config_path = _helper_config(tmp_path, trial)
        device_id = _run_journey(config_path)
        flushed = subprocess.run(
            [str(HELPER), "--config", str(config_path), "report", "--flush", "--json"],
            env={**_environment(), "HELPER_HOME": os.environ["HELPER_HOME"]},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert flushed.returncode == 0, flushed.stdout + flushed.stderr
        result = json.loads(flushed.stdout)
        assert result["outcome"] == "delivered" and result["remaining"] == 0
        assert result["delivered"] > 5
        assert "development mode" in flushed.stderr  # said on every run
        _read_back(trial, device_id, tmp_path / "collector")


def test_the_same_trial_over_https(tmp_path: Path) -> None:
    """serve --dev with TLS files; the helper's client trusts the test CA only
    (the product trusts the OS store: the same code path)."""
    from helper.report.cmd_report import run_report
    from helper.report.http import make_http_client

    certs = Certs(tmp_path / "certs")
    with dev_collector(
        tmp_path / "collector",
        "--tls-cert",
        str(certs.cert_file),
        "--tls-key",
        str(certs.key_file),
        verify=certs.client_context(),
    ) as trial:
        assert trial.base_url.startswith("https://127.0.0.1:")
        config_path = _helper_config(tmp_path, trial)
        device_id = _run_journey(config_path)
        config = resolve(config_path, bundled=None, policy=None).config
        out = _Out()
        with make_http_client(verify=certs.client_context()) as client:
            code = run_report(
                argparse.Namespace(flush=True, json=True),
                config,
                http_client=client,
                out=out,
            )
        assert code == 0, out.text
        assert json.loads(out.text)["outcome"] == "delivered"
        _read_back(trial, device_id, tmp_path / "collector")


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)
