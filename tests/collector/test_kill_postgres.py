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
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from collector.storage import Store, migrate
from helper.report.delivery import Flusher
from helper.report.http import make_http_client
from helper.report.outbox import Outbox
from helper.report.token import StaticTokenProvider
from tests.collector.conftest import Running, make_config, open_backend, start_collector
from tests.collector.support import Certs, JwksServer, Keys
from tests.helper.test_outbox_kill import _ask, _zygote

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
    store: Store
    store, _ = open_backend("postgres", tmp_path, request)
    try:
        migrate(store)
        config = make_config(store.display_url, jwks, certs)
        yield from start_collector(store, config, certs, keys)
    finally:
        store.close()


def test_every_committed_event_survives_sigkill_on_postgres(
    tmp_path: Path, on_postgres: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = on_postgres.keys.mint(exp=int(time.time()) + 3600)
    monkeypatch.setenv("OUTBOX_KILL_TOKEN", token)
    db = tmp_path / "outbox.sqlite3"
    log = tmp_path / "committed.log"
    rng = random.Random(20261206)
    kills = runs = 0
    zygote = _zygote(db, on_postgres.url, on_postgres.certs.ca_file, log)
    try:
        assert zygote.stdout is not None
        assert zygote.stdout.readline().strip() == "ready"
        started = time.monotonic()
        while kills < KILLS and runs < MAX_RUNS:
            assert time.monotonic() - started < BUDGET_S, (kills, runs)
            reply = _ask(zygote, f"go {runs}")
            assert reply.startswith("pid "), reply
            pid = int(reply.split()[1])
            time.sleep(rng.uniform(0.0, 0.08))
            os.kill(pid, signal.SIGKILL)
            done = _ask(zygote, "reap")
            assert done.startswith(f"done {pid} "), done
            assert not done.endswith("exit 1"), "a worker failed on its own"
            kills += done.endswith("killed")
            runs += 1
    finally:
        assert zygote.stdin is not None
        zygote.stdin.close()
        zygote.wait(timeout=10)
        if zygote.stdout is not None:
            zygote.stdout.close()
    assert kills >= KILLS

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
