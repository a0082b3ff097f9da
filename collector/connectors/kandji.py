# SPDX-License-Identifier: MIT
"""Kandji (Iru): delete the device record, which removes management.

Calls (vendor reference §5):

- auth: the tenant's API token as ``Authorization: Bearer`` (V-065); the host
  is per tenant, ``https://{subdomain}.api.kandji.io`` or ``.api.eu.kandji.io``
  (V-064).
- inventory: ``GET /api/v1/devices?limit=300&offset=N`` → a JSON list of
  ``{"device_id", "serial_number", "platform", "mdm_enabled",
  "agent_installed", "is_removed", ...}`` (V-068, V-069). The listing (not
  ``?serial_number=``, a substring filter, V-079) is what the hashed match
  needs anyway.
- before the release, on Macs: ``GET /api/v1/devices/{device_id}/details`` for
  ``filevault.filevault_prk_escrowed`` (V-071). Kandji **destroys** the
  FileVault recovery key (and the Activation Lock bypass code) with the record
  (V-073): the outcome and the audit row carry the warning
  ``filevault-key-destroyed`` so IT checks that Intune holds a new key. The key
  itself is never read.
- release: ``DELETE /api/v1/devices/{device_id}`` → 204 (V-070, V-075); it
  sends Remove Management and, on macOS, uninstalls the agent at its next
  check-in (V-003); it needs the device online (V-074). 404 → not-found; 400
  ("Command already running", V-077) → pending.

Rate limit: 10,000 requests per hour per tenant (V-076); 429 is honoured.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import httpx

from collector.connectors.base import (
    HttpConnector,
    Outcome,
    Target,
    VendorDevice,
    VendorFailure,
    parsed,
)
from collector.connectors.secrets import Secret
from collector.connectors.settings import ConnectorConfig

PAGE_SIZE: Final = 300
FILEVAULT_WARNING: Final = "filevault-key-destroyed"
FILEVAULT_UNKNOWN: Final = "filevault-escrow-unknown"


class Kandji(HttpConnector):
    """See the module's docstring."""

    kind = "kandji"

    def __init__(
        self,
        settings: ConnectorConfig,
        secrets: Mapping[str, Secret],
        key: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        token = secrets["token"]
        super().__init__(
            settings,
            key,
            auth=lambda _client, _refresh: {
                "Authorization": f"Bearer {token.reveal()}",
                "Accept": "application/json",
            },
            transport=transport,
        )

    def listing(self) -> Iterable[tuple[str, VendorDevice]]:
        def page(number: int) -> tuple[list[Any], bool]:
            response = self.http.request(
                "GET",
                "/api/v1/devices",
                params={"limit": PAGE_SIZE, "offset": number * PAGE_SIZE},
            )
            body = self.http.json(response)
            if not isinstance(body, list):
                return [], False
            return body, len(body) >= PAGE_SIZE

        return parsed(page, _entry)

    def warnings(self, device: VendorDevice) -> tuple[str, ...]:
        if device.extra.get("platform") != "Mac":
            return ()
        try:
            response = self.http.request("GET", f"/api/v1/devices/{device.ref}/details")
            body = self.http.json(response)
        except VendorFailure:
            return (FILEVAULT_UNKNOWN,)
        filevault = body.get("filevault") if isinstance(body, dict) else None
        escrowed = (
            filevault.get("filevault_prk_escrowed")
            if isinstance(filevault, dict)
            else None
        )
        if escrowed is True:
            return (FILEVAULT_WARNING,)
        return () if escrowed is False else (FILEVAULT_UNKNOWN,)

    def send(self, device: VendorDevice, target: Target) -> Outcome:
        warnings = self.warnings(device)
        response = self.http.request(
            "DELETE", f"/api/v1/devices/{device.ref}", ok=(200, 204, 400, 404)
        )
        status = response.status_code
        if status == 404:
            return Outcome(
                "not-found", status, reason="http-404", vendor_ref=device.ref
            )
        if status == 400:
            return Outcome(
                "pending", status, reason="command-running", vendor_ref=device.ref
            )
        return Outcome(
            "released",
            status,
            reason="device-deleted",
            warnings=warnings,
            vendor_ref=device.ref,
        )


def _entry(item: Any) -> tuple[str, VendorDevice] | None:
    if not isinstance(item, dict):
        return None
    ident = item.get("device_id")
    serial = item.get("serial_number")
    if not isinstance(ident, str) or not ident or not isinstance(serial, str):
        return None
    removed = item.get("is_removed") is True
    platform = item.get("platform")
    return serial, VendorDevice(
        ident,
        "released" if removed else "managed",
        {"platform": platform} if isinstance(platform, str) else {},
    )


__all__ = ["FILEVAULT_WARNING", "Kandji"]
