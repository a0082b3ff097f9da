# SPDX-License-Identifier: MIT
"""Ivanti: retire a device from EPMM (MobileIron Core) or Neurons for MDM
(MobileIron Cloud).

Both use HTTP Basic with an API user (V-083, V-085).

**EPMM** (``kind = "ivanti-epmm"``, API v2, vendor reference §6):

- inventory: ``GET /api/v2/devices?adminDeviceSpaceId={id}&fields=common.uuid,
  common.SerialNumber,common.status&limit=200&offset=N`` → ``{"results": [...],
  "totalCount", "resultCount", "hasMore"}`` (V-083; the field names from
  Cortex XSOAR's client, V-084 source).
- release: ``PUT /api/v2/devices/retire?adminDeviceSpaceId={id}&actionType=RETIRE``
  with ``{"deviceUuids": [uuid], "note": ...}`` → ``{"successful": true}``
  (V-084). ``common.status`` ``RETIRE_PENDING`` is pending, ``RETIRED``
  released (V-082).

**Neurons for MDM** (``kind = "ivanti-neurons"``):

- inventory: ``GET /api/v1/device?dmPartitionId={p}&rows=500&start=N`` →
  ``{"result": {"searchResults": [{"id", "serialNumber", "registrationState"}],
  "totalCount"}}`` (V-086; pages capped at 500 rows, V-085).
- release: ``PUT /api/v1/device/retire`` with the form field ``ids={id}`` →
  ``{"errors": null, "result": 1}`` (V-087: seen in production code, not in
  the documentation pages read: [CODE]).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, Final

import httpx

from collector.connectors.base import (
    DeviceState,
    HttpConnector,
    Outcome,
    Target,
    VendorDevice,
    counted_page,
    parsed,
)
from collector.connectors.secrets import Secret
from collector.connectors.settings import ConnectorConfig

EPMM_PAGE: Final = 200
NEURONS_PAGE: Final = 500
NOTE: Final = "Released by the Intune Migration Helper collector"
_EPMM_STATES: Final[dict[str, DeviceState]] = {
    "RETIRE_PENDING": "pending",
    "RETIRED": "released",
}
_NEURONS_STATES: Final[dict[str, DeviceState]] = {
    "RETIRE PENDING": "pending",
    "PENDING RETIREMENT": "pending",
    "RETIRED": "released",
}


class _Ivanti(HttpConnector):
    def __init__(
        self,
        settings: ConnectorConfig,
        secrets: Mapping[str, Secret],
        key: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        user, password = secrets["username"], secrets["password"]

        def basic(_client: httpx.Client, _refresh: bool) -> dict[str, str]:
            raw = f"{user.reveal()}:{password.reveal()}".encode()
            return {
                "Authorization": "Basic " + base64.b64encode(raw).decode("ascii"),
                "Accept": "application/json",
            }

        super().__init__(settings, key, auth=basic, transport=transport)


class IvantiEpmm(_Ivanti):
    """EPMM (Core), API v2."""

    kind = "ivanti-epmm"

    def listing(self) -> Iterable[tuple[str, VendorDevice]]:
        space = self.settings.admin_space_id

        def page(number: int) -> tuple[list[Any], bool]:
            response = self.http.request(
                "GET",
                "/api/v2/devices",
                params={
                    "adminDeviceSpaceId": space,
                    "fields": "common.uuid,common.SerialNumber,common.status",
                    "limit": EPMM_PAGE,
                    "offset": number * EPMM_PAGE,
                },
            )
            body = self.http.json(response)
            results = body.get("results") if isinstance(body, dict) else None
            if not isinstance(results, list):
                return [], False
            return results, body.get("hasMore") is True

        return parsed(page, epmm_entry)

    def send(self, device: VendorDevice, target: Target) -> Outcome:
        response = self.http.request(
            "PUT",
            "/api/v2/devices/retire",
            ok=(200, 400, 404),
            params={
                "adminDeviceSpaceId": self.settings.admin_space_id,
                "actionType": "RETIRE",
            },
            json={"deviceUuids": [device.ref], "note": NOTE},
        )
        status = response.status_code
        if status == 404:
            return Outcome(
                "not-found", status, reason="http-404", vendor_ref=device.ref
            )
        body = self.http.json(response) if status == 200 else None
        if isinstance(body, dict) and body.get("successful") is True:
            return Outcome("released", status, reason="retire", vendor_ref=device.ref)
        return Outcome(
            "refused", status, reason="retire-unsuccessful", vendor_ref=device.ref
        )


class IvantiNeurons(_Ivanti):
    """Neurons for MDM (Cloud), API v1."""

    kind = "ivanti-neurons"

    def listing(self) -> Iterable[tuple[str, VendorDevice]]:
        partition = self.settings.partition_id

        def page(number: int) -> tuple[list[Any], bool]:
            params: dict[str, Any] = {
                "rows": NEURONS_PAGE,
                "start": number * NEURONS_PAGE,
            }
            if partition:
                params["dmPartitionId"] = partition
            response = self.http.request("GET", "/api/v1/device", params=params)
            body = self.http.json(response)
            result = body.get("result") if isinstance(body, dict) else None
            return counted_page(
                result, "searchResults", "totalCount", number, NEURONS_PAGE
            )

        return parsed(page, neurons_entry)

    def send(self, device: VendorDevice, target: Target) -> Outcome:
        data = {"ids": device.ref}
        if self.settings.partition_id:
            data["dmPartitionId"] = self.settings.partition_id
        response = self.http.request(
            "PUT", "/api/v1/device/retire", ok=(200, 400, 404), data=data
        )
        status = response.status_code
        if status == 404:
            return Outcome(
                "not-found", status, reason="http-404", vendor_ref=device.ref
            )
        body = self.http.json(response) if status == 200 else None
        if (
            isinstance(body, dict)
            and body.get("errors") is None
            and body.get("result") == 1
        ):
            return Outcome("released", status, reason="retire", vendor_ref=device.ref)
        return Outcome(
            "refused", status, reason="retire-unsuccessful", vendor_ref=device.ref
        )


def epmm_entry(item: Any) -> tuple[str, VendorDevice] | None:
    """One EPMM v2 search result (flat ``common.*`` keys), or None."""
    if not isinstance(item, dict):
        return None
    uuid, serial = item.get("common.uuid"), item.get("common.SerialNumber")
    if not isinstance(uuid, str) or not uuid or not isinstance(serial, str):
        return None
    status = item.get("common.status")
    state = (
        _EPMM_STATES.get(status, "managed") if isinstance(status, str) else "managed"
    )
    return serial, VendorDevice(uuid, state)


def neurons_entry(item: Any) -> tuple[str, VendorDevice] | None:
    """One Neurons ``searchResults`` item, or None."""
    if not isinstance(item, dict):
        return None
    ident, serial = item.get("id"), item.get("serialNumber")
    if not isinstance(ident, int | str) or isinstance(ident, bool):
        return None
    if not isinstance(serial, str):
        return None
    status = item.get("registrationState")
    state = (
        _NEURONS_STATES.get(status, "managed") if isinstance(status, str) else "managed"
    )
    return serial, VendorDevice(str(ident), state)


__all__ = ["IvantiEpmm", "IvantiNeurons", "epmm_entry", "neurons_entry"]
