# SPDX-License-Identifier: MIT
"""The readiness rule, one device per wave, on both databases: every
combination of what the device says of the old EMM (none detected, left,
present, unknown) and of Intune (yes, no, unknown), confirmed or not.

A wave is ready to switch the old EMM off when each of its devices is
confirmed, out of the old EMM (left it, or never had one) and in Intune. The
same devices are the only ones the "safe to remove" list gives.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass

import msgspec
import pytest

from collector.config import ServerConfig
from collector.dashboard import queries, views
from collector.dashboard.settings import DashboardConfig
from collector.ingest import Ingestor, confirm_device
from collector.storage import Store
from collector.storage.base import Connection
from collector.storage.schema import CONFIRMED_BY_GRAPH
from helper.report.event import LegacyStatus, StepStatus
from tests.collector.conftest import batch
from tests.collector.support import make_event, serial_hmac
from tests.collector.test_dashboard import DEVICES, NOW, PRINCIPAL, fixed

AT = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
WS1 = "workspace-one"


@dataclass(frozen=True)
class Legacy:
    """What the device says of the old EMM, and what the dashboard makes of it."""

    name: str
    legacy: LegacyStatus | None
    path: str
    out: bool  # left it, or never had one


LEGACIES = (
    # The helper found no old EMM: `legacy: null` on a join-only journey.
    Legacy("none", None, "join-only", True),
    # Already in Intune, nothing to leave: the "done" plan.
    Legacy("none-done", None, "done", True),
    Legacy("left", LegacyStatus(vendor=WS1, still_enrolled=False), "x", True),
    Legacy("present", LegacyStatus(vendor=WS1, still_enrolled=True), "x", False),
    # A vendor, but whether it is still enrolled is unknown.
    Legacy("unknown", LegacyStatus(vendor=WS1, still_enrolled=None), "x", False),
    # No legacy facts yet on a path that leaves one (an older helper).
    Legacy("unknown-path", None, "leave-then-join", False),
    Legacy("unknown-contact-it", None, "contact-it", False),
)
INTUNE = {
    "yes": StepStatus(id="confirm-joined", state="done", at=AT),
    "no": StepStatus(id="confirm-joined", state="failed", at=AT),
    "unknown": None,
}
CASES = list(itertools.product(LEGACIES, INTUNE, (True, False)))


def wave_of(legacy: Legacy, intune: str, confirmed: bool) -> str:
    return f"w-{legacy.name}-{intune}-{'c' if confirmed else 'r'}"


def seed(store: Store) -> None:
    for n, (legacy, intune, confirmed) in enumerate(CASES):
        stage = INTUNE[intune]
        event = msgspec.structs.replace(
            make_event(serial=f"R{n:03d}", wave=wave_of(legacy, intune, confirmed)),
            legacy=legacy.legacy,
            journey_path=legacy.path if legacy.path != "x" else "leave-then-join",
            stages=[stage] if stage is not None else [],
            overall_state="in-progress",
        )
        ingestor = Ingestor(store, ServerConfig(), devices=DEVICES, clock=fixed(NOW))
        result = ingestor.process(batch([event]), "", PRINCIPAL)
        assert len(result.accepted) == 1, result
        if confirmed:
            store.transaction(
                confirm_device,
                tid=PRINCIPAL.tid,
                serial_hmac=serial_hmac(f"R{n:03d}"),
                source=CONFIRMED_BY_GRAPH,
            )


@pytest.mark.parametrize("legacy", LEGACIES, ids=lambda legacy: legacy.name)
def test_legacy_status_of_one_device(store: Store, legacy: Legacy) -> None:
    seed(store)
    rows = store.query(queries.cube)
    mine = [r for r in rows if r.wave == wave_of(legacy, "yes", True)]
    assert len(mine) == 1
    assert mine[0].out_of_legacy is legacy.out, mine[0]


def test_readiness_for_every_combination(store: Store) -> None:
    seed(store)
    cube = store.query(queries.cube)
    expected = store.query(queries.expected_counts)
    data = views.overview(
        DashboardConfig(),
        cube,
        expected,
        [],
        stale=0,
        today=AT.date(),
    )
    ready = {w.wave: w.ready for w in data.waves}
    safe = {
        str(row[5])
        for row in store.query(lambda conn: queries.ready_devices(conn, limit=1000))
    }
    for legacy, intune, confirmed in CASES:
        wave = wave_of(legacy, intune, confirmed)
        want = legacy.out and intune == "yes" and confirmed
        assert ready[wave] is want, (legacy.name, intune, confirmed)
        assert (wave in safe) is want, (legacy.name, intune, confirmed)
    # The figures of the summary say the same.
    outs = sum(1 for legacy, _, confirmed in CASES if legacy.out and confirmed)
    assert data.not_left == len(CASES) - outs
    assert data.safe == sum(
        1
        for legacy, intune, confirmed in CASES
        if legacy.out and intune == "yes" and confirmed
    )


def test_migration_3_backfills_what_ingest_computes(store: Store) -> None:
    """A database upgraded with devices in it gets the same columns the ingest
    path writes (here each device sent one event: it is dated by it)."""
    from collector.storage.schema import backfill_progress

    seed(store)
    columns = "device_key, legacy_status, in_intune, progress_utc, migrated_utc"
    with store.read() as conn:
        before = conn.fetchall(f"SELECT {columns} FROM device_state ORDER BY 1")

    def reset(conn: Connection) -> None:
        conn.execute(
            "UPDATE device_state SET legacy_status = 'unknown', in_intune = 0, "
            "progress_utc = NULL, migrated_utc = NULL"
        )
        backfill_progress(conn)

    store.transaction(reset)
    with store.read() as conn:
        after = conn.fetchall(f"SELECT {columns} FROM device_state ORDER BY 1")
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
    assert any(r[4] for r in before) and any(r[4] is None for r in before)
