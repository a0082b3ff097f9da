# SPDX-License-Identifier: MIT
"""Does Intune confirm this device? The collector's answer, for the done page.

The collector checks Intune through Microsoft Graph (docs/intune-confirmation.md)
and answers a device about itself at ``GET /api/v1/devices/self`` (the token
names the user; the serial digest the events already carry names the device).
This module asks and folds the answer into codes the window turns into words:

- ``confirmed``: Intune lists the device (with its ``compliance``);
- ``pending``: not confirmed yet, which can take up to ``hours`` hours;
- ``removed``: Intune listed it and no longer does;
- ``off``: the collector does not check Intune (say nothing);
- ``unavailable``: no collector, offline, not signed in, not reported yet, or
  an answer that is not the contract's (say nothing: never a false claim).

``reenrolled`` and ``limbo`` are the collector's flags (the device went back
to the old EMM; it left the old EMM long ago and Intune still has not
confirmed it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

import msgspec

if TYPE_CHECKING:
    import httpx

    from helper.report.token import TokenProvider

log = logging.getLogger(__name__)

SELF_PATH: Final = "/api/v1/devices/self"
MAX_ANSWER_BYTES: Final = 16 * 1024
State = Literal["confirmed", "pending", "removed", "off", "unavailable"]
Compliance = Literal["compliant", "noncompliant", "unknown"]
_STATES: Final[dict[str, State]] = {
    "confirmed": "confirmed",
    "not-found": "pending",
    "identity-unconfirmed": "pending",
    "removed": "removed",
    "not-checked": "off",
}


_COMPLIANCE: Final[dict[str, Compliance]] = {
    "compliant": "compliant",
    "noncompliant": "noncompliant",
}


class _Answer(msgspec.Struct, frozen=True):
    """``SelfStatus`` (resources/openapi/collector-v1.json), what is used."""

    intune: str
    confirm_within_hours: int
    reenrolled: bool = False
    limbo: bool = False
    compliance: str | None = None


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What the done page shows about Intune (codes only).

    Attributes:
        state: see the module docstring.
        compliance: for ``confirmed``: compliant / noncompliant / unknown.
        hours: how long a confirmation may take (``intune.limbo_hours``).
        reenrolled: the device reported the old EMM again after leaving it.
        limbo: left the old EMM longer ago than ``hours``, still not confirmed.
    """

    state: State
    compliance: Compliance | None = None
    hours: int | None = None
    reenrolled: bool = False
    limbo: bool = False


UNAVAILABLE: Final = Confirmation("unavailable")


def parse_confirmation(body: bytes) -> Confirmation:
    """The collector's 200 body as a :class:`Confirmation`; anything that is
    not the contract's shape is ``unavailable`` (never an exception)."""
    try:
        answer = msgspec.json.decode(body, type=_Answer)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return UNAVAILABLE
    state = _STATES.get(answer.intune)
    if state is None or answer.confirm_within_hours < 1:
        return UNAVAILABLE
    compliance: Compliance | None = None
    if state == "confirmed":
        compliance = _COMPLIANCE.get(answer.compliance or "", "unknown")
    return Confirmation(
        state,
        compliance,
        answer.confirm_within_hours,
        answer.reenrolled,
        answer.limbo and state != "confirmed",
    )


def fetch_confirmation(
    client: httpx.Client,
    collector_url: str,
    tokens: TokenProvider | None,
    serial_digest: str | None,
) -> Confirmation:
    """Ask the collector how Intune sees this device (one GET; a new token
    once after a 401). Blocks: call it from a worker.

    Args:
        client: the reporting HTTP client (TLS verified).
        collector_url: ``reporting.collector_url``.
        tokens: the reporting token provider (None: nobody signed in).
        serial_digest: this device's, as the events carry it (None: no serial,
            the collector cannot find the device).

    Returns:
        The confirmation, ``unavailable`` on any failure.
    """
    if not collector_url or tokens is None or not serial_digest:
        return UNAVAILABLE
    url = collector_url.rstrip("/") + SELF_PATH
    for refresh in (False, True):
        try:
            token = tokens.get_token(force_refresh=refresh)
            status, body = _get(client, url, serial_digest, token)
        except Exception as exc:  # offline, not signed in, a proxy's refusal
            log.info("Intune confirmation not available: %s", type(exc).__name__)
            return UNAVAILABLE
        if status == 401 and not refresh:
            continue
        if status != 200 or body is None:
            log.info("Intune confirmation not available: HTTP %s", status)
            return UNAVAILABLE
        return parse_confirmation(body)
    return UNAVAILABLE


def _get(
    client: httpx.Client, url: str, serial_digest: str, token: str
) -> tuple[int, bytes | None]:
    """The status and the body, read only up to :data:`MAX_ANSWER_BYTES`
    (None when larger)."""
    request = client.build_request(
        "GET",
        url,
        params={"serial_digest": serial_digest},
        # Never logged: the headers stay in this function.
        headers={
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "Accept-Encoding": "identity",
        },
    )
    response = client.send(request, stream=True)
    try:
        content = bytearray()
        for chunk in response.iter_raw():
            content += chunk
            if len(content) > MAX_ANSWER_BYTES:
                return response.status_code, None
    finally:
        response.close()
    return response.status_code, bytes(content)


__all__ = [
    "SELF_PATH",
    "UNAVAILABLE",
    "Compliance",
    "Confirmation",
    "State",
    "fetch_confirmation",
    "parse_confirmation",
]
