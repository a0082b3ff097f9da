# SPDX-License-Identifier: MIT
"""The outbox under SIGKILL: a child enqueues and flushes to the real HTTPS test
server while being killed at random moments, at least 200 times. Afterwards a
clean flush delivers every committed event: none missing, each stored once, and
the only duplicates are the resends the server saw twice and absorbed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import trustme

from helper.report.delivery import Flusher
from helper.report.http import make_http_client
from helper.report.outbox import Outbox
from helper.report.token import StaticTokenProvider
from tests.conftest import REPO
from tests.helper.report_server import PROXY_VARS, ReportServer

KILLS = 200
MAX_RUNS = 800
BUDGET_S = 45.0

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="the child forks its workers (POSIX only)"
)


def _zygote(db: Path, url: str, ca_pem: Path, log: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helper.outbox_kill_child",
            str(db),
            url,
            str(ca_pem),
            str(log),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )


def _ask(zygote: subprocess.Popen[str], command: str) -> str:
    assert zygote.stdin is not None and zygote.stdout is not None
    zygote.stdin.write(command + "\n")
    zygote.stdin.flush()
    return zygote.stdout.readline().strip()


def kill_repeatedly(
    db: Path,
    url: str,
    ca_pem: Path,
    log: Path,
    *,
    kills: int,
    max_runs: int,
    budget: float,
    seed: int,
    max_delay: float = 0.05,
) -> tuple[int, int]:
    """Run the child's workers, SIGKILLing each at a random moment, until
    ``kills`` of them died that way; returns (runs, kills)."""
    rng = random.Random(seed)
    killed = runs = 0
    zygote = _zygote(db, url, ca_pem, log)
    try:
        assert zygote.stdout is not None
        assert zygote.stdout.readline().strip() == "ready"
        started = time.monotonic()
        while killed < kills and runs < max_runs:
            assert time.monotonic() - started < budget, (killed, runs)
            reply = _ask(zygote, f"go {runs}")
            assert reply.startswith("pid "), reply
            pid = int(reply.split()[1])
            time.sleep(rng.uniform(0.0, max_delay))
            # The worker is only reaped on "reap": this pid is still ours.
            os.kill(pid, signal.SIGKILL)
            done = _ask(zygote, "reap")
            assert done.startswith(f"done {pid} "), done
            assert not done.endswith("exit 1"), "a worker failed on its own"
            killed += done.endswith("killed")
            runs += 1
    finally:
        assert zygote.stdin is not None
        zygote.stdin.close()
        zygote.wait(timeout=10)
        if zygote.stdout is not None:
            zygote.stdout.close()
    assert killed >= kills
    return runs, killed


def test_every_committed_event_survives_sigkill(tmp_path: Path) -> None:
    ca = trustme.CA()
    ca_pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_pem))
    db = tmp_path / "outbox.sqlite3"
    log = tmp_path / "committed.log"
    with ReportServer(ca) as server:
        runs, kills = kill_repeatedly(
            db,
            server.url,
            ca_pem,
            log,
            kills=KILLS,
            max_runs=MAX_RUNS,
            budget=BUDGET_S,
            seed=20260504,
        )

        # A clean run: everything that was committed gets delivered.
        with (
            Outbox(db) as outbox,
            make_http_client(verify=server.client_context()) as http,
        ):
            flusher = Flusher(outbox, http, server.url, StaticTokenProvider(["tok-1"]))
            result = flusher.flush(force=True)
            assert result.outcome in ("delivered", "nothing-to-send"), result
            counts = outbox.counts()
            entries = outbox.entries(limit=1_000_000)
        assert counts["queued"] == 0 and counts["parked"] == 0

    in_outbox = {e.event_id for e in entries}
    committed = set(log.read_text().split())
    # Durability: every enqueue that returned is in the outbox...
    assert committed <= in_outbox
    # ...and delivery: the server has each event of the outbox, once.
    assert set(server.store) == in_outbox
    assert len(server.order) == len(server.store)
    seqs = sorted(e.device_seq for e in entries)
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # no gap, no reuse
    for per_device in server.stored_seqs().values():
        assert per_device == sorted(per_device)  # first arrivals in seq order
    resent = sum(n - 1 for n in server.receipts.values())
    assert resent == server.duplicates
    print(
        f"\n{runs} runs, {kills} SIGKILLs, {len(in_outbox)} events, "
        f"{server.duplicates} duplicates absorbed, {len(server.posts())} POSTs"
    )
