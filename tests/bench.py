# SPDX-License-Identifier: MIT
"""`make bench`: performance figures, as ratios against a baseline measured in the
same run (these machines are noisy). Not a test: it prints, it does not assert.

Run: python -m tests.bench [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CAPTURES = REPO / "tests" / "captures"
TYPICAL = {
    "windows": "win-ws1-enrolled",
    "macos": "mac-jamf-pro-removable",
    "linux": "linux-ws1hub-and-intune",
}


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_detect_in_process(runs: int) -> None:
    from helper.capture.store import open_capture
    from helper.catalogue import load_catalogue
    from helper.detect.engine import detect

    catalogue = load_catalogue()
    print("Detection from a capture, in process (budget: median ≤ 5 ms)")
    for os_name, name in TYPICAL.items():
        path = CAPTURES / name
        if not path.is_dir():
            print(f"  {os_name:8} {name}: capture missing")
            continue
        capture = open_capture(path)
        detect(capture, catalogue)  # warm the lazy imports once
        only = _median_ms(lambda c=capture: detect(c, catalogue), runs)
        both = _median_ms(lambda p=path: detect(open_capture(p), catalogue), runs)
        print(
            f"  {os_name:8} {name:28} detect {only:6.2f} ms   "
            f"open+detect {both:6.2f} ms"
        )


def _process_ms(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def bench_detect_process(runs: int) -> None:
    venv_python = REPO / ".venv" / "bin" / "python"
    python = str(venv_python if venv_python.exists() else Path(sys.executable))
    command = REPO / ".venv" / "bin" / "intune-migration-helper"
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HELPER_HOME=home)
        baseline_argv = [python, "-c", "import json"]
        detect_argv = [str(command), "detect", "--json"]
        for argv in (baseline_argv, detect_argv):  # warm the page cache
            _process_ms(argv, env)
        base, ours = [], []
        for _ in range(runs):  # interleaved: both series see the same noise
            base.append(_process_ms(baseline_argv, env))
            ours.append(_process_ms(detect_argv, env))
    b, o = statistics.median(base), statistics.median(ours)
    print("`intune-migration-helper detect --json`, live, whole process (budget ≤ 3×)")
    print(f"  python -c 'import json'   median {b:6.1f} ms")
    print(f"  detect --json (live)      median {o:6.1f} ms")
    print(f"  ratio                     {o / b:6.2f}×")


def bench_parse_at_caps() -> None:
    """Hostile captures at the size caps (tests/adversarial.py), opened and
    detected: linear parsers keep each under a second."""
    from tests.adversarial import timed_cases

    print("Hostile captures at the size caps, open + detect (budget: ≤ 1 s each)")
    with tempfile.TemporaryDirectory() as tmp:
        for case, seconds in timed_cases(Path(tmp)):
            verdict = "ok" if seconds <= 1.0 else "OVER BUDGET"
            size = case.cap / (1024 * 1024)
            print(f"  {case.name:46} {size:4.1f} MiB  {seconds:5.2f} s  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    version = sys.version.split()[0]
    print(f"Python {version} on {os.uname().machine}, {args.runs} runs each\n")
    bench_detect_in_process(max(args.runs, 101))
    print()
    bench_detect_process(args.runs)
    print()
    bench_parse_at_caps()
    print()
    # Start-up figures before the load tests: right after the collector's
    # 50,000 events (page cache, CPU state), the GUI ratio read 1.24× where it
    # reads 1.20× on a quiet machine.
    from tests.bench_gui import main as bench_gui

    bench_gui(args.runs)
    print()
    from tests.bench_package import main as bench_package

    bench_package(args.runs)
    print()
    from tests.bench_report import main as bench_report

    bench_report(args.runs)
    print()
    from tests.bench_collector import main as bench_collector

    bench_collector(args.runs)
    print()
    from tests.bench_slow_uploads import main as bench_slow_uploads

    bench_slow_uploads()
    print()
    # Last: the first run generates its 10 million events (a few minutes,
    # cached under build/bench-dashboard/ for the next runs).
    from tests.bench_dashboard import main as bench_dashboard

    bench_dashboard(args.runs)


if __name__ == "__main__":
    main()
