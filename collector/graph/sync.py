# SPDX-License-Identifier: MIT
"""The sync: which of the collector's devices Intune confirms.

Graph wants the real serial number; the collector knows devices only by the
serial HMAC (``devices.serial_hmac_key``). So the sync pages through Intune's
managed devices (``$select``: only the fields the confirmation needs), keys
each serial exactly as the collector keys the devices'
(:func:`helper.report.event.serial_hmac`) and matches the HMACs **in memory**
against the serial HMACs the collector already holds. Only matches are stored;
no serial number, user or device name is ever written.

Graph calls per sync: ``ceil(managed devices / page)`` + ``ceil(Entra devices /
page)`` + ``ceil(BitLocker keys / page)`` (the last two only when a device
matched; the last only with ``intune.bitlocker`` and a Windows device). Page
sizes are Graph's; about 1,000 managed devices a page was the assumption for
200,000 devices, about 200 calls [UNVERIFIED]. Each device found also confirms
the identity of the user's report when Intune names the same user
(:func:`collector.ingest.confirm_device`, source ``graph``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from collector.graph import lookups
from collector.graph.client import GraphClient, GraphError
from collector.graph.settings import IntuneConfig
from collector.graph.store import (
    Confirmation,
    changes,
    known_serials,
    mark_gone,
    record_sync,
    stored,
    upsert,
)
from collector.ingest import confirm_device
from collector.logging import log_event
from collector.storage.base import Connection, Store, utc_now_text
from collector.storage.schema import CONFIRMED_BY_GRAPH, REPORTED
from helper.report.event import serial_hmac

log = logging.getLogger(__name__)

# Rows per write transaction.
WRITE_CHUNK: Final = 2000


@dataclass(slots=True)
class SyncReport:
    """What one sync did.

    Attributes:
        outcome: ``ok``, or the :class:`GraphError` code that stopped it
            (``auth-failed``, ``forbidden``, ``throttled``, ``unavailable``...).
        listed: Intune managed devices read.
        matched: of those, devices the collector knows (stored).
        unreadable: objects that did not have the documented shape.
        duplicates: known serials with more than one Intune record.
        escrow: ``checked``, ``off`` or the error code of the BitLocker listing.
        identities: reports newly confirmed by Intune's user.
        requests: Graph calls (tokens not counted).
        changed: confirmations written (new or different).
        gone: devices Intune no longer lists.
    """

    outcome: str = "ok"
    listed: int = 0
    matched: int = 0
    unreadable: int = 0
    duplicates: int = 0
    escrow: str = "off"
    identities: int = 0
    requests: int = 0
    changed: int = 0
    gone: int = 0
    found: list[Confirmation] = field(default_factory=list)


def _reported(conn: Connection) -> set[str]:
    rows = conn.fetchall(
        "SELECT DISTINCT serial_hmac FROM device_state "
        "WHERE identity = ? AND serial_hmac IS NOT NULL",
        (REPORTED,),
    )
    return {str(row[0]) for row in rows}


def _escrow(device: lookups.ManagedDevice, escrowed: set[str] | None) -> lookups.Escrow:
    entra = device.entra_device_id
    if not device.is_windows or escrowed is None or entra is None:
        # FileVault: Graph tells only by reading the key (docs, "What Graph
        # can tell"); others have no key to escrow here.
        return "unknown"
    return "yes" if entra in escrowed else "no"


def sync(
    store: Store,
    client: GraphClient,
    settings: IntuneConfig,
    *,
    key: str,
    clock: Callable[[], float] = time.time,
) -> SyncReport:
    """Run one sync and store its result (see the module docstring).

    Args:
        store: the collector's store (migrated).
        client: a Graph client for ``settings``.
        settings: ``[intune]``.
        key: ``devices.serial_hmac_key``.
        clock: epoch seconds.

    Returns:
        The report; a Graph failure is its ``outcome`` (recorded too), not an
        exception, so the background task keeps running.
    """
    report = SyncReport()
    started = utc_now_text(clock)
    known = store.query(known_serials)
    records: dict[str, list[lookups.ManagedDevice]] = {}
    try:
        for device in lookups.managed_devices(client):
            report.listed += 1
            if device is None:
                report.unreadable += 1
                continue
            digest = serial_hmac(device.serial_number, key)
            if digest is not None and digest in known:
                records.setdefault(digest, []).append(device)
        joins: dict[str, str] = {}
        wanted = {
            d.entra_device_id
            for group in records.values()
            for d in group
            if d.entra_device_id
        }
        if wanted:
            for registered in lookups.entra_devices(client):
                if registered is None:
                    report.unreadable += 1
                elif registered.device_id.lower() in wanted and registered.join_type:
                    joins[registered.device_id.lower()] = registered.join_type
        escrowed: set[str] | None = None
        if settings.bitlocker and any(
            d.is_windows for g in records.values() for d in g
        ):
            try:
                escrowed = lookups.escrowed_devices(client)
                report.escrow = "checked"
            except GraphError as exc:
                # Without BitlockerKey.ReadBasic.All the rest still stands.
                report.escrow = exc.code
    except GraphError as exc:
        report.outcome = exc.code
    report.requests = client.requests
    if report.outcome == "ok":
        for digest, group in records.items():
            best = lookups.latest(group)
            if best is None:
                continue
            report.duplicates += len(group) > 1
            entra = best.entra_device_id
            report.found.append(
                Confirmation(
                    serial_hmac=digest,
                    managed_device_id=best.id,
                    entra_device_id=entra,
                    os=best.operating_system,
                    compliance=best.compliance,
                    compliance_state=best.compliance_state,
                    last_sync_utc=lookups.utc_text(best.last_sync_date_time),
                    enrolled_utc=lookups.utc_text(best.enrolled_date_time),
                    join_type=joins.get(entra) if entra else None,
                    key_escrow=_escrow(best, escrowed),
                    records=len(group),
                )
            )
        report.matched = len(report.found)
    finished = utc_now_text(clock)

    if report.outcome == "ok":
        # Only what changed, in short transactions: an SQLite collector keeps
        # taking reports meanwhile (its one writer is never held for long).
        changed, gone = changes(report.found, store.query(stored))
        for start in range(0, len(changed), WRITE_CHUNK):
            store.transaction(upsert, changed[start : start + WRITE_CHUNK], finished)
        for start in range(0, len(gone), WRITE_CHUNK):
            store.transaction(mark_gone, gone[start : start + WRITE_CHUNK], finished)
        report.changed, report.gone = len(changed), len(gone)

    def write(conn: Connection) -> None:
        if report.outcome == "ok":
            reported = _reported(conn)
            for digest, group in records.items():
                if digest not in reported:
                    continue
                for user in {d.user_id for d in group if d.user_id}:
                    report.identities += confirm_device(
                        conn,
                        tid=settings.tenant_id,
                        source=CONFIRMED_BY_GRAPH,
                        oid=user,
                        serial_hmac=digest,
                    )
        record_sync(
            conn,
            started=started,
            finished=finished,
            outcome=report.outcome,
            listed=report.listed,
            matched=report.matched,
            requests=report.requests,
        )

    store.transaction(write)
    log_event(
        log,
        logging.INFO if report.outcome == "ok" else logging.WARNING,
        "intune-sync",
        outcome=report.outcome,
        listed=report.listed,
        matched=report.matched,
        unreadable=report.unreadable,
        duplicates=report.duplicates,
        escrow=report.escrow,
        identities=report.identities,
        changed=report.changed,
        gone=report.gone,
        requests=report.requests,
    )
    return report


@dataclass(frozen=True, slots=True)
class DeviceCheck:
    """``intune-check``: one serial number as Graph sees it (nothing stored).

    Attributes:
        records: Intune records of the serial (0: not in Intune).
        device: the one believed (latest sync), or None.
        join_type: the Entra device's join type, or None.
        key_escrow: yes / no / unknown.
        requests: Graph calls made.
    """

    records: int
    device: lookups.ManagedDevice | None
    join_type: str | None
    key_escrow: lookups.Escrow
    requests: int


def check_one(client: GraphClient, settings: IntuneConfig, serial: str) -> DeviceCheck:
    """Look one serial number up (filtered calls: a few requests).

    Raises:
        GraphError: a call failed.
    """
    found = lookups.by_serial(client, serial)
    best = lookups.latest(found)
    join_type: str | None = None
    escrow: lookups.Escrow = "unknown"
    entra = best.entra_device_id if best is not None else None
    if best is not None and entra is not None:
        device = lookups.entra_device(client, entra)
        join_type = device.join_type if device is not None else None
        if best.is_windows and settings.bitlocker:
            escrow = lookups.bitlocker_escrow(client, entra)
    return DeviceCheck(len(found), best, join_type, escrow, client.requests)


__all__ = ["DeviceCheck", "SyncReport", "check_one", "sync"]
