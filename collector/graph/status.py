# SPDX-License-Identifier: MIT
"""``GET /api/v1/devices/self``: a device asks how Intune sees it.

The helper sends the serial digest it already sends in its events
(``serial_digest``); the collector keys it (``devices.serial_hmac_key``) and
answers only about a device **of the token's own user** (tenant and user from
the validated token, never from the request). Intune's answer is given only
when that device's identity is confirmed (the token's device id, or Intune
names the same user): a user who reported someone else's serial learns
nothing about that device. The answer is codes and times, no names
(resources/openapi/collector-v1.json, ``SelfStatus``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import msgspec
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from collector.graph.store import TABLE, last_sync
from collector.storage.base import Connection
from collector.storage.schema import REPORTED
from helper.report.event import hmac_of_digest

if TYPE_CHECKING:
    from collector.auth import Principal

PATH: Final = "/api/v1/devices/self"
_DIGEST: Final = re.compile(r"[0-9a-f]{64}")
_encoder: Final = msgspec.json.Encoder()


def self_status(
    conn: Connection,
    principal: Principal,
    serial: str,
    *,
    enabled: bool,
    limbo_hours: int,
    cutoff: str,
) -> dict[str, Any] | None:
    """The body of the answer, or None when the user reported no such device.

    Args:
        serial: the serial HMAC.
        enabled: ``intune.enabled``.
        limbo_hours: ``intune.limbo_hours``.
        cutoff: now minus ``limbo_hours``, as stored.
    """
    row = conn.fetchone(
        "SELECT s.identity, s.in_intune, s.legacy_status, s.left_utc, "
        "s.reenrolled_utc, "
        "i.present, i.compliance, i.last_sync_utc, i.key_escrow, i.join_type, "
        "i.confirmed_utc FROM device_state s "
        f"LEFT JOIN {TABLE} i ON i.serial_hmac = s.serial_hmac "
        "WHERE s.tid = ? AND s.oid = ? AND s.serial_hmac = ? "
        "ORDER BY s.last_received_utc DESC LIMIT 1",
        (principal.tid, principal.oid, serial),
    )
    if row is None:
        return None
    identity, joined, legacy, left, reenrolled = row[:5]
    present, compliance, synced, escrow, join_type, confirmed = row[5:]
    body: dict[str, Any] = {
        "reported": {"in_intune": bool(joined), "legacy_status": str(legacy)},
        "confirm_within_hours": limbo_hours,
        "reenrolled": reenrolled is not None and legacy == "present",
    }
    sync = last_sync(conn) if enabled else None
    if not enabled or sync is None:
        body["intune"] = "not-checked"
        return body
    body["checked_utc"] = sync[1]
    if identity == REPORTED:
        # Nothing of Intune's record for a device the user may not own.
        body["intune"] = "identity-unconfirmed"
    elif present is None:
        body["intune"] = "not-found"
    elif not present:
        body["intune"] = "removed"
    else:
        body["intune"] = "confirmed"
        body["confirmed_utc"] = confirmed
        body["compliance"] = compliance
        body["last_sync_utc"] = synced
        body["key_escrow"] = escrow
        body["join_type"] = join_type
    body["limbo"] = (
        body["intune"] != "confirmed"
        and legacy == "left"
        and left is not None
        and str(left) <= cutoff
    )
    return body


async def get_self(request: Request) -> Response:
    """``GET /api/v1/devices/self?serial_digest=<64 hex>``."""
    from collector.app import problem
    from collector.auth import authenticate
    from collector.graph.settings import IntuneConfig
    from collector.storage.base import utc_now_text

    state = request.app.state
    principal = await authenticate(request, state.validator, "report")
    params = request.query_params
    unknown = [k for k in params if k != "serial_digest"]
    digest = params.get("serial_digest", "")
    if unknown or not _DIGEST.fullmatch(digest):
        return problem(
            400,
            "bad-query",
            "expected one query parameter, serial_digest: 64 lower-case hex digits",
        )
    key = state.config.devices.serial_hmac_key
    if not key:
        return problem(404, "unknown-device", "this collector keeps no serial identity")
    settings: IntuneConfig = state.intune_settings
    now = state.clock()
    cutoff = utc_now_text(lambda: now - settings.limbo_hours * 3600.0)
    body = await run_in_threadpool(
        state.store.query,
        self_status,
        principal,
        hmac_of_digest(digest, key),
        enabled=settings.enabled,
        limbo_hours=settings.limbo_hours,
        cutoff=cutoff,
    )
    if body is None:
        return problem(404, "unknown-device", "this user reported no such device")
    return Response(
        _encoder.encode(body),
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


__all__ = ["PATH", "get_self", "self_status"]
