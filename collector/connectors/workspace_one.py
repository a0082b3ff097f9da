# SPDX-License-Identifier: MIT
"""Workspace ONE UEM (Omnissa): enterprise wipe, which unenrolls the device.

Calls (vendor reference §3; the tenant's own reference is at its API host,
``/api/help``):

- token (SaaS, when ``token_url`` is set): ``POST {token_url}`` with HTTP
  Basic ``client_id:client_secret`` and ``grant_type=client_credentials``
  (V-011, V-013); otherwise every call carries HTTP Basic ``username:password``
  and the REST API key as ``aw-tenant-code`` (V-015, V-016). ``aw-tenant-code``
  is also sent with a bearer token when ``api_key`` is set (V-017).
- inventory: ``GET /API/mdm/devices/search?page=N&pagesize=500`` with
  ``Accept: application/json;version=1`` → ``{"Devices": [...], "Page",
  "PageSize", "Total"}``; each device's ``Id.Value``, ``SerialNumber`` and
  ``EnrollmentStatus`` (V-020 to V-022).
- release: ``POST /API/mdm/devices/{Id}/commands?command=EnterpriseWipe``
  (V-024): 2xx with an empty body is accepted (V-028); 400 → refused; 404 →
  not-found. By device id rather than ``searchby=Serialnumber``: one serial may
  have several records (V-023) and the collector never holds the serial.

Enterprise wipe removes the MDM profile and what UEM pushed; it cannot be
undone (V-001). Wipe Protection may hold a burst of wipes for approval in the
console (V-030): the command is still accepted, so the helper's detection
decides.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, Final

import httpx

from collector.connectors.base import (
    CachedToken,
    DeviceState,
    HttpConnector,
    Outcome,
    Target,
    VendorDevice,
    counted_page,
    parsed,
    token_answer,
    token_call,
)
from collector.connectors.secrets import Secret
from collector.connectors.settings import ConnectorConfig

ACCEPT: Final = "application/json;version=1"
PAGE_SIZE: Final = 500
_PENDING: Final = frozenset({"EnterpriseWipePending", "DeviceWipePending"})
_RELEASED: Final = frozenset({"Unenrolled", "Retired"})


def _basic(user: str, password: str) -> str:
    raw = f"{user}:{password}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


class WorkspaceOne(HttpConnector):
    """See the module's docstring."""

    kind = "workspace-one"

    def __init__(
        self,
        settings: ConnectorConfig,
        secrets: Mapping[str, Secret],
        key: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._secrets = secrets
        self._token_url = settings.token_url
        self._token = CachedToken(self._fetch_token) if settings.token_url else None
        super().__init__(settings, key, auth=self._headers, transport=transport)

    def _fetch_token(self, client: httpx.Client) -> tuple[str, float]:
        response = token_call(
            client,
            "POST",
            self._token_url,
            data={"grant_type": "client_credentials"},
            headers={
                "Authorization": _basic(
                    self._secrets["client_id"].reveal(),
                    self._secrets["client_secret"].reveal(),
                )
            },
        )
        return token_answer(response)

    def _headers(self, client: httpx.Client, refresh: bool) -> dict[str, str]:
        headers = {"Accept": ACCEPT}
        api_key = self._secrets.get("api_key")
        if api_key:
            headers["aw-tenant-code"] = api_key.reveal()
        if self._token is not None:
            headers.update(self._token.headers(client, refresh))
        else:
            headers["Authorization"] = _basic(
                self._secrets["username"].reveal(), self._secrets["password"].reveal()
            )
        return headers

    def listing(self) -> Iterable[tuple[str, VendorDevice]]:
        def page(number: int) -> tuple[list[Any], bool]:
            response = self.http.request(
                "GET",
                "/API/mdm/devices/search",
                ok=(200, 204),
                params={"page": number, "pagesize": PAGE_SIZE},
            )
            if response.status_code == 204 or not response.content:
                return [], False
            body = self.http.json(response)
            return counted_page(body, "Devices", "Total", number, PAGE_SIZE)

        return parsed(page, _entry)

    def send(self, device: VendorDevice, target: Target) -> Outcome:
        response = self.http.request(
            "POST",
            f"/API/mdm/devices/{device.ref}/commands",
            ok=(200, 201, 202, 204, 400, 404),
            params={"command": "EnterpriseWipe"},
        )
        status = response.status_code
        if status == 404:
            return Outcome(
                "not-found", status, reason="http-404", vendor_ref=device.ref
            )
        if status == 400:
            return Outcome(
                "refused", status, reason=_error_code(response), vendor_ref=device.ref
            )
        return Outcome(
            "released", status, reason="enterprise-wipe", vendor_ref=device.ref
        )


def _entry(item: Any) -> tuple[str, VendorDevice] | None:
    if not isinstance(item, dict):
        return None
    serial = item.get("SerialNumber")
    ident = item.get("Id")
    value = ident.get("Value") if isinstance(ident, dict) else None
    if (
        not isinstance(serial, str)
        or not isinstance(value, int)
        or isinstance(value, bool)
    ):
        return None
    status = item.get("EnrollmentStatus")
    state: DeviceState = "managed"
    if status in _PENDING:
        state = "pending"
    elif status in _RELEASED:
        state = "released"
    return serial, VendorDevice(str(value), state)


def _error_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return "http-400"
    code = body.get("errorCode") if isinstance(body, dict) else None
    return f"ws1-{code}" if isinstance(code, int) else "http-400"


__all__ = ["WorkspaceOne"]
