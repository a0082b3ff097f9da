# SPDX-License-Identifier: MIT
"""Jamf Pro: remove the MDM profile from a computer, then unmanage its record.

Calls (vendor reference §4):

- token: ``POST /api/oauth/token``, form ``grant_type=client_credentials``,
  ``client_id``, ``client_secret`` → ``access_token``, ``expires_in`` (an API
  client with an API role, Jamf Pro 10.49+; V-037, V-038). A 401 on any call
  fetches a new token once (Zentral's client does the same, V-055 source).
- inventory: ``GET /api/v1/computers-inventory?section=GENERAL&section=HARDWARE
  &page=N&page-size=200&sort=id:asc`` → ``{"totalCount", "results": [{"id",
  "general": {"remoteManagement": {"managed"}}, "hardware": {"serialNumber"}}]}``
  (V-046).
- release: ``POST /api/v1/computer-inventory/{id}/remove-mdm-profile`` →
  ``{"deviceId", "commandUuid"}`` (V-049). A 404 on that route (a server
  whose Jamf Pro API moved it, V-047) falls back to the Classic
  ``POST /JSSResource/computercommands/command/UnmanageDevice/id/{id}``
  (V-050). 400: the computer is not managed any more (V-054) → refused.
- unmanage: with ``jamf_mark_unmanaged`` (default), ``PATCH
  /api/v1/computers-inventory-detail/{id}`` with
  ``{"general": {"remoteManagement": {"managed": false}}}``: removing only
  the profile gets it reinstalled (V-053), and the record would still say
  "Managed" (V-057).

Jamf Pro has no rate limiter but asks integrations to keep at most five
concurrent connections (V-058): the release flow calls one at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import httpx

from collector.connectors.base import (
    CachedToken,
    HttpConnector,
    Outcome,
    Target,
    VendorDevice,
    VendorFailure,
    counted_page,
    parsed,
    token_answer,
    token_call,
)
from collector.connectors.secrets import Secret
from collector.connectors.settings import ConnectorConfig

PAGE_SIZE: Final = 200


class Jamf(HttpConnector):
    """See the module's docstring."""

    kind = "jamf"

    def __init__(
        self,
        settings: ConnectorConfig,
        secrets: Mapping[str, Secret],
        key: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._secrets = secrets
        self._mark_unmanaged = settings.jamf_mark_unmanaged
        self._token = CachedToken(self._fetch_token)
        super().__init__(settings, key, auth=self._token.headers, transport=transport)

    def _fetch_token(self, client: httpx.Client) -> tuple[str, float]:
        response = token_call(
            client,
            "POST",
            self.http.url("/api/oauth/token"),
            data={
                "grant_type": "client_credentials",
                "client_id": self._secrets["client_id"].reveal(),
                "client_secret": self._secrets["client_secret"].reveal(),
            },
        )
        return token_answer(response)

    def listing(self) -> Iterable[tuple[str, VendorDevice]]:
        def page(number: int) -> tuple[list[Any], bool]:
            response = self.http.request(
                "GET",
                "/api/v1/computers-inventory",
                params=httpx.QueryParams(
                    [
                        ("section", "GENERAL"),
                        ("section", "HARDWARE"),
                        ("page", str(number)),
                        ("page-size", str(PAGE_SIZE)),
                        ("sort", "id:asc"),
                    ]
                ),
            )
            body = self.http.json(response)
            return counted_page(body, "results", "totalCount", number, PAGE_SIZE)

        return parsed(page, _entry)

    def send(self, device: VendorDevice, target: Target) -> Outcome:
        response = self.http.request(
            "POST",
            f"/api/v1/computer-inventory/{device.ref}/remove-mdm-profile",
            ok=(200, 201, 400, 404),
        )
        status = response.status_code
        if status == 404:
            response = self.http.request(
                "POST",
                f"/JSSResource/computercommands/command/UnmanageDevice/id/{device.ref}",
                ok=(200, 201, 400, 404),
                headers={"Accept": "application/xml"},
            )
            status = response.status_code
            if status == 404:
                return Outcome(
                    "not-found", status, reason="http-404", vendor_ref=device.ref
                )
        if status == 400:
            return Outcome(
                "refused", status, reason="not-managed", vendor_ref=device.ref
            )
        reason = "remove-mdm-profile"
        if self._mark_unmanaged:
            try:
                self.http.request(
                    "PATCH",
                    f"/api/v1/computers-inventory-detail/{device.ref}",
                    ok=(200, 204),
                    json={"general": {"remoteManagement": {"managed": False}}},
                )
                reason = "remove-mdm-profile+unmanaged"
            except VendorFailure:
                # The profile removal is queued; the record stays "managed"
                # until IT clears it (the audit row says so).
                reason = "remove-mdm-profile;unmanage-failed"
        return Outcome("released", status, reason=reason, vendor_ref=device.ref)


def _entry(item: Any) -> tuple[str, VendorDevice] | None:
    if not isinstance(item, dict):
        return None
    ident = item.get("id")
    hardware = item.get("hardware")
    serial = hardware.get("serialNumber") if isinstance(hardware, dict) else None
    if (
        not isinstance(ident, str | int)
        or isinstance(ident, bool)
        or not isinstance(serial, str)
    ):
        return None
    general = item.get("general")
    remote = general.get("remoteManagement") if isinstance(general, dict) else None
    managed = remote.get("managed") if isinstance(remote, dict) else None
    return serial, VendorDevice(
        str(ident), "released" if managed is False else "managed"
    )


__all__ = ["Jamf"]
