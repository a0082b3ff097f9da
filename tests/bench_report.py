# SPDX-License-Identifier: MIT
"""Reporting figures for `make bench` (printed, not asserted).

- enqueue 10,000 events, one durable transaction each (budget ≤ 3 s), and in one
  transaction for reference;
- flush 10,000 events to the local HTTPS test collector, which runs in its own
  process so that its memory and CPU are not counted (budget ≥ 1,000 events/s);
- resident memory growth of this process during the flush (budget ≤ 30 MB),
  from /proc/self/status (VmRSS, and VmHWM for the peak) where it exists, else
  from ``resource.getrusage`` (peak only).

Run: ``python -m tests.bench_report [--runs N]``; the lead calls ``main(runs)``
from tests/bench.py.
"""

from __future__ import annotations

import argparse
import json
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from helper.report.event import StatusEvent

REPO = Path(__file__).resolve().parent.parent
EVENTS = 10_000


def _rss_kb() -> tuple[int, int]:
    """(current, peak) resident memory in KiB."""
    try:
        fields = dict(
            line.split(":", 1)
            for line in Path("/proc/self/status").read_text().splitlines()
            if ":" in line
        )
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
    except (OSError, KeyError, ValueError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if sys.platform == "darwin":
            peak //= 1024  # bytes there, KiB on Linux
        return peak, peak


def _reset_peak() -> None:
    """Reset VmHWM to the current RSS (Linux), so the peak is the flush's own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _events(n: int) -> list[StatusEvent]:
    from tests.helper.report_server import sample_event

    return [sample_event() for _ in range(n)]


def bench_enqueue(folder: Path) -> tuple[float, float]:
    """Seconds to enqueue EVENTS events one by one, and all in one transaction."""
    from helper.report.outbox import Outbox

    events = _events(EVENTS)
    with Outbox(folder / "one-by-one.sqlite3") as box:
        start = time.perf_counter()
        for event in events:
            box.enqueue(event)
        single = time.perf_counter() - start
    with Outbox(folder / "batch.sqlite3") as box:
        start = time.perf_counter()
        box.enqueue_many(events)
        batch = time.perf_counter() - start
    return single, batch


class _ServerProcess:
    """tests/helper/report_server.py in a child process."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helper.report_server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
        )
        assert self.proc.stdout is not None
        info = json.loads(self.proc.stdout.readline())
        self.url: str = info["url"]
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.context.load_verify_locations(cadata=info["ca_pem"])

    def close(self) -> str:
        _, err = self.proc.communicate(timeout=30)
        return err.strip()


def bench_flush(folder: Path, server: _ServerProcess) -> tuple[float, int, int, int]:
    """(seconds, requests, RSS growth KiB, peak growth KiB) for one flush."""
    from helper.report.delivery import Flusher
    from helper.report.http import make_http_client
    from helper.report.outbox import Outbox
    from helper.report.token import StaticTokenProvider

    path = folder / "flush.sqlite3"
    with Outbox(path) as box:
        box.enqueue_many(_events(EVENTS))
    with (
        Outbox(path) as box,
        make_http_client(verify=server.context, timeout=30.0) as http,
    ):
        flusher = Flusher(box, http, server.url, StaticTokenProvider(["bench"]))
        _reset_peak()
        rss0, peak0 = _rss_kb()
        start = time.perf_counter()
        result = flusher.flush(force=True)
        elapsed = time.perf_counter() - start
        rss1, peak1 = _rss_kb()
        if result.delivered != EVENTS:
            raise RuntimeError(f"flush delivered {result.delivered}: {result}")
    return elapsed, result.requests, rss1 - rss0, peak1 - peak0


def main(runs: int) -> None:
    """Print the reporting figures; ``runs`` repetitions (at most 5: each one
    writes and sends 20,000 events)."""
    rounds = max(1, min(runs, 5))
    print(f"Reporting: outbox and delivery, {EVENTS:,} events, {rounds} round(s)")
    singles, batches, rates, growth, peaks = [], [], [], [], []
    requests = 0
    server = _ServerProcess()
    try:
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as tmp:
                single, batch = bench_enqueue(Path(tmp))
                singles.append(single)
                batches.append(batch)
                elapsed, requests, grew, peak = bench_flush(Path(tmp), server)
                rates.append(EVENTS / elapsed)
                growth.append(grew)
                peaks.append(peak)
    finally:
        err = server.close()
    single, batch = statistics.median(singles), statistics.median(batches)
    print(
        f"  enqueue, one transaction each   {single:6.2f} s "
        f"({single / EVENTS * 1e3:.3f} ms/event; budget ≤ 3 s)"
    )
    print(f"  enqueue, one transaction        {batch:6.2f} s")
    print(
        f"  flush to the local collector    {statistics.median(rates):8,.0f} events/s "
        f"({requests} requests; budget ≥ 1,000/s)"
    )
    print(
        f"  RSS growth during the flush     {max(growth) / 1024:6.1f} MB "
        f"(peak +{max(peaks) / 1024:.1f} MB; budget ≤ 30 MB)"
    )
    if err:
        print(f"  ({err})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    main(parser.parse_args().runs)
