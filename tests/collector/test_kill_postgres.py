# SPDX-License-Identifier: MIT
"""The SIGKILL reliability test again, against the real collector on PostgreSQL.

tests/helper/test_outbox_kill.py kills a child that enqueues and flushes,
hundreds of times, against the test server. Here the same child flushes to
the collector itself (HTTPS, token validation, PostgreSQL with fsync on):
afterwards a clean flush delivers every committed event, the database holds
each exactly once, and the device's state is its latest event.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helper.report.delivery import Flusher
from helper.report.http import make_http_client
from helper.report.outbox import Outbox
from helper.report.token import StaticTokenProvider
from tests.collector.conftest import Running, serve_backend
from tests.collector.support import Certs, JwksServer, Keys
from tests.helper.test_outbox_kill import kill_repeatedly

KILLS = 60
MAX_RUNS = 300
BUDGET_S = 90.0

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="the child forks its workers (POSIX only)"
)


@pytest.fixture
def on_postgres(
    tmp_path: Path,
    request: pytest.FixtureRequest,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[Running]:
    yield from serve_backend(
        "postgres", tmp_path, request, jwks=jwks, certs=certs, keys=keys
    )


def test_every_committed_event_survives_sigkill_on_postgres(
    tmp_path: Path, on_postgres: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = on_postgres.keys.mint(exp=int(time.time()) + 3600)
    monkeypatch.setenv("OUTBOX_KILL_TOKEN", token)
    db = tmp_path / "outbox.sqlite3"
    log = tmp_path / "committed.log"
    runs, kills = kill_repeatedly(
        db,
        on_postgres.url,
        on_postgres.certs.ca_file,
        log,
        kills=KILLS,
        max_runs=MAX_RUNS,
        budget=BUDGET_S,
        seed=20261206,
        max_delay=0.08,
    )

    with (
        Outbox(db) as outbox,
        make_http_client(verify=on_postgres.certs.client_context()) as http,
    ):
        flusher = Flusher(outbox, http, on_postgres.url, StaticTokenProvider([token]))
        result = flusher.flush(force=True)
        assert result.outcome in ("delivered", "nothing-to-send"), result
        counts = outbox.counts()
        entries = outbox.entries(limit=1_000_000)
    assert counts["queued"] == 0 and counts["parked"] == 0

    in_outbox = {e.event_id for e in entries}
    assert set(log.read_text().split()) <= in_outbox
    with on_postgres.store.read() as conn:
        stored = [str(r[0]) for r in conn.fetchall("SELECT event_id FROM events")]
        states = conn.fetchall("SELECT last_seq FROM device_state")
    assert sorted(stored) == sorted(in_outbox)  # each once, none missing
    assert [int(r[0]) for r in states] == [max(e.device_seq for e in entries)]
    print(f"\n{runs} runs, {kills} SIGKILLs, {len(in_outbox)} events on PostgreSQL")
