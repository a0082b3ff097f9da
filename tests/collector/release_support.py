# SPDX-License-Identifier: MIT
"""A collector with ``[release]`` on, its fake old EMMs, and devices that
reported (shared by the release tests and the journey tests)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import msgspec
import pytest

from collector.config import Config, DevicesConfig
from collector.connectors.settings import ConnectorConfig
from collector.dashboard.settings import DashboardConfig
from collector.release.settings import ReleaseConfig
from collector.storage.base import Store
from helper.report.event import serial_digest
from tests.collector.conftest import Running, make_config, start_collector
from tests.collector.fakes.vendors import (
    BASIC_PASSWORD,
    BASIC_USER,
    CLIENT_ID,
    CLIENT_SECRET,
    KANDJI_TOKEN,
    WEBHOOK_SECRET,
    FakeVendors,
)
from tests.collector.support import SERIAL_KEY, Certs, JwksServer, Keys, make_event

APPROVER_ROLE = "Migration.Release"
APPROVER = "abababab-1111-2222-3333-444444444444"
OTHER_USER = "cdcdcdcd-1111-2222-3333-444444444444"
SECRET_ENV = {
    "INTUNE_RELEASE_KANDJI_TOKEN": KANDJI_TOKEN,
    "INTUNE_RELEASE_WORKSPACE_ONE_CLIENT_ID": CLIENT_ID,
    "INTUNE_RELEASE_WORKSPACE_ONE_CLIENT_SECRET": CLIENT_SECRET,
    "INTUNE_RELEASE_JAMF_CLIENT_ID": CLIENT_ID,
    "INTUNE_RELEASE_JAMF_CLIENT_SECRET": CLIENT_SECRET,
    "INTUNE_RELEASE_IVANTI_EPMM_USERNAME": BASIC_USER,
    "INTUNE_RELEASE_IVANTI_EPMM_PASSWORD": BASIC_PASSWORD,
    "INTUNE_RELEASE_WEBHOOK_SECRET": WEBHOOK_SECRET,
}
SECRET_VALUES = (KANDJI_TOKEN, CLIENT_SECRET, BASIC_PASSWORD, WEBHOOK_SECRET)


def connectors(fake: FakeVendors, certs: Certs) -> tuple[ConnectorConfig, ...]:
    """One connector per fake vendor, for our catalogue's vendor ids."""
    ca = str(certs.ca_file)
    return (
        ConnectorConfig(
            vendor="kandji", kind="kandji", base_url=f"{fake.url}/kandji", ca_file=ca
        ),
        ConnectorConfig(
            vendor="workspace-one",
            kind="workspace-one",
            base_url=f"{fake.url}/ws1",
            token_url=f"{fake.url}/ws1auth/connect/token",
            ca_file=ca,
        ),
        ConnectorConfig(
            vendor="jamf-pro", kind="jamf", base_url=f"{fake.url}/jamf", ca_file=ca
        ),
        ConnectorConfig(
            vendor="ivanti-mobileiron",
            kind="ivanti-epmm",
            base_url=f"{fake.url}/epmm",
            ca_file=ca,
        ),
    )


def release_config(
    store: Store, jwks: JwksServer, certs: Certs, fake: FakeVendors, **release: Any
) -> Config:
    """A test collector's configuration with ``[release]`` on."""
    base = make_config(store.display_url, jwks, certs)
    values: dict[str, Any] = {
        "enabled": True,
        "auto_waves": ("wave-auto",),
        "connectors": connectors(fake, certs),
    }
    values.update(release)
    return msgspec.structs.replace(
        base,
        devices=DevicesConfig(serial_hmac_key=SERIAL_KEY),
        extensions={
            "release": ReleaseConfig(**values),
            "dashboard": DashboardConfig(serial_hmac_key=SERIAL_KEY),
        },
    )


@dataclass
class ReleaseHarness:
    """A running collector with release on, and helpers to act on it."""

    running: Running
    fake: FakeVendors
    keys: Keys
    responses: list[httpx.Response] = field(default_factory=list)

    def report(
        self,
        serial: str,
        *,
        vendor: str = "kandji",
        wave: str = "wave-auto",
        oid: str | None = None,
        entra: str | None = None,
        os_family: str = "macos",
    ) -> None:
        """The device's events: it reported under ``oid`` (confirmed when
        ``entra`` is given and the token carries it as ``deviceid``)."""
        event = make_event(serial=None, vendor=vendor, wave=wave, os_family=os_family)
        event = msgspec.structs.replace(
            event,
            device=msgspec.structs.replace(
                event.device, serial_digest=serial_digest(serial), entra_device_id=entra
            ),
        )
        claims: dict[str, Any] = {}
        if oid:
            claims["oid"] = oid
        if entra:
            claims["deviceid"] = entra
        response = self.running.post_events([event], token=self.keys.mint(**claims))
        assert response.status_code == 200, response.text
        assert response.json()["accepted"], response.text

    def ask(
        self,
        serial: str,
        *,
        vendor: str = "kandji",
        request_id: str | None = None,
        oid: str | None = None,
    ) -> httpx.Response:
        """POST /api/v1/release-requests as the device's user."""
        claims = {"oid": oid} if oid else {}
        response = self.running.client.post(
            f"{self.running.url}/api/v1/release-requests",
            json={
                "request_id": request_id or str(uuid.uuid4()),
                "serial_digest": serial_digest(serial),
                "vendor": vendor,
            },
            headers={"Authorization": f"Bearer {self.keys.mint(**claims)}"},
        )
        self.responses.append(response)
        return response

    def poll(self, request_id: str, *, oid: str | None = None) -> httpx.Response:
        """GET the request as the device's user."""
        claims = {"oid": oid} if oid else {}
        response = self.running.client.get(
            f"{self.running.url}/api/v1/release-requests/{request_id}",
            headers={"Authorization": f"Bearer {self.keys.mint(**claims)}"},
        )
        self.responses.append(response)
        return response

    def approver_token(self, role: str = APPROVER_ROLE) -> str:
        return self.keys.reader(oid=APPROVER, roles=[role])

    def queue(self, token: str | None = None, lang: str = "en") -> httpx.Response:
        response = self.running.client.get(
            f"{self.running.url}/dashboard/releases",
            params={"lang": lang},
            headers={"Authorization": f"Bearer {token or self.approver_token()}"},
        )
        self.responses.append(response)
        return response

    def decide(
        self,
        request_id: str,
        decision: str = "approve",
        *,
        token: str | None = None,
        csrf: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """POST the queue's form (with the CSRF token of the queue page)."""
        token = token or self.approver_token()
        if csrf is None:
            page = self.queue(token)
            match = re.search(r'name="csrf" value="([^"]+)"', page.text)
            csrf = match.group(1) if match else ""
        response = self.running.client.post(
            f"{self.running.url}/dashboard/releases/{request_id}/{decision}",
            data={"csrf": csrf},
            headers={
                "Authorization": f"Bearer {token}",
                "Sec-Fetch-Site": "same-origin",
                **(headers or {}),
            },
        )
        self.responses.append(response)
        return response

    def audit(self, request_id: str) -> list[tuple[Any, ...]]:
        from collector.release.store import audit_rows

        return self.running.store.query(audit_rows, request_id)


def harness(
    store: Store,
    *,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    fake: FakeVendors,
    monkeypatch: pytest.MonkeyPatch,
    clock: Any = None,
    **release: Any,
) -> Iterator[ReleaseHarness]:
    """Serve a collector with release on until the generator is closed."""
    for name, value in SECRET_ENV.items():
        monkeypatch.setenv(name, value)
    config = release_config(store, jwks, certs, fake, **release)
    options = {"clock": clock} if clock is not None else {}
    for running in start_collector(store, config, certs, keys, **options):
        yield ReleaseHarness(running, fake, keys)
