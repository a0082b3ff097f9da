# SPDX-License-Identifier: MIT
"""Package size and frozen start-up, against a bare PySide6 app frozen alike.

The baseline is ``installers/pyinstaller/bare_app.py`` (one window, a label and
a button) frozen by ``bare.spec`` with the helper's own excludes, DROP filter
and collection settings (``installers/pyinstaller/slim.py``). Printed, never
asserted (these machines are noisy); the budgets are in the lines:

- the Linux onedir bundle ≤ 1.2× the bare bundle;
- the .deb ≤ 60 MB;
- cold start to the first painted page ≤ 1.5× the bare window's, the helper
  with IT's example configuration (branding, message, waves): both
  executables run in turn (interleaved, so both series see the same noise) in a
  clean environment with ``HELPER_FIRST_PAINT_EXIT=1`` (they print
  ``first-paint`` and quit on their first paint); medians of whole-process
  wall times.

Builds what is missing or stale first (``installers/build.py``). Run:
``python -m tests.bench_package [--runs N]``, or from ``make bench``
(``tests/bench.py`` calls :func:`main`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "installers" / "build.py"
DIST = REPO / "dist"
BUNDLE = DIST / "intune-migration-helper"
BARE = DIST / "bare"
BARE_SOURCES = [
    REPO / "installers" / "pyinstaller" / name
    for name in ("bare_app.py", "bare.spec", "slim.py")
]
SIZE_BUDGET = 1.2
DEB_BUDGET_BYTES = 60 * 1024 * 1024
START_BUDGET = 1.5


def _build(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"installers/build.py {' '.join(args)} failed")


def _digest_current() -> bool:
    stamp = DIST / "intune-migration-helper.sources-sha256"
    if not (BUNDLE / "intune-migration-helper").is_file() or not stamp.is_file():
        return False
    out = subprocess.run(
        [sys.executable, str(BUILD), "digest"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return stamp.read_text(encoding="utf-8").strip() in out


def ensure_builds() -> Path | None:
    """Build the bundle, the bare app and the .deb when missing or stale.

    Returns:
        The .deb, or None where none is built (not Linux, no dpkg-deb).
    """
    if not _digest_current():
        print("building the bundle (installers/build.py bundle)…", flush=True)
        _build("bundle")
    bare_exe = BARE / "bare"
    if not bare_exe.is_file() or bare_exe.stat().st_mtime < max(
        p.stat().st_mtime for p in BARE_SOURCES
    ):
        print("building the bare app (installers/build.py bare)…", flush=True)
        _build("bare")
    if not sys.platform.startswith("linux") or not _has("dpkg-deb"):
        return None
    debs = sorted(DIST.glob("intune-migration-helper_*.deb"))
    stamp = DIST / "intune-migration-helper.sources-sha256"
    if not debs or debs[-1].stat().st_mtime < stamp.stat().st_mtime:
        print("building the .deb (installers/build.py deb)…", flush=True)
        _build("deb")
        debs = sorted(DIST.glob("intune-migration-helper_*.deb"))
    return debs[-1]


def _has(tool: str) -> bool:
    from shutil import which

    return which(tool) is not None


def tree_bytes(folder: Path) -> int:
    """Bytes of every file of a folder (symlinks counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def _first_paint_ms(binary: Path, home: str) -> float:
    env = {
        "HOME": home,
        "QT_QPA_PLATFORM": "offscreen",
        "HELPER_FIRST_PAINT_EXIT": "1",
        "LANG": "C.UTF-8",
    }
    start = time.perf_counter()
    result = subprocess.run(
        [str(binary)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0 or "first-paint" not in result.stdout:
        raise RuntimeError(f"{binary}: {result.returncode} {result.stderr[-500:]}")
    return elapsed


def bench_size(deb: Path | None) -> None:
    ours, bare = tree_bytes(BUNDLE), tree_bytes(BARE)
    print(f"Linux onedir bundle (budget ≤ {SIZE_BUDGET}× the bare app)")
    print(f"  bare PySide6 window    {bare / 1e6:7.1f} MB")
    print(f"  intune-migration-helper {ours / 1e6:6.1f} MB")
    print(f"  ratio                  {ours / bare:7.3f}×")
    if deb is not None:
        size = deb.stat().st_size
        print(f".deb (budget ≤ {DEB_BUDGET_BYTES / 1024 / 1024:.0f} MiB)")
        print(f"  {deb.name}  {size / 1024 / 1024:.1f} MiB ({size / 1e6:.1f} MB)")


def bench_start(runs: int) -> None:
    ours_exe, bare_exe = BUNDLE / "intune-migration-helper", BARE / "bare"
    with tempfile.TemporaryDirectory(prefix="bench-package-") as home:
        # The first page of a deployment: IT's example configuration, found
        # where platformdirs looks for it under this HOME (as in bench_gui).
        config = Path(home) / ".config" / "intune-migration-helper" / "config.toml"
        config.parent.mkdir(parents=True)
        config.write_bytes((REPO / "resources" / "config.example.toml").read_bytes())
        for exe in (bare_exe, ours_exe):  # warm the page cache and the caches
            _first_paint_ms(exe, home)
        bare_ms, ours_ms = [], []
        for _ in range(runs):
            bare_ms.append(_first_paint_ms(bare_exe, home))
            ours_ms.append(_first_paint_ms(ours_exe, home))
    b, o = statistics.median(bare_ms), statistics.median(ours_ms)
    print(
        f"Frozen start to the first painted page, offscreen, {runs} interleaved runs "
        f"(budget ≤ {START_BUDGET}×)"
    )
    print(f"  bare PySide6 window     median {b:6.1f} ms  (min {min(bare_ms):6.1f})")
    print(f"  intune-migration-helper median {o:6.1f} ms  (min {min(ours_ms):6.1f})")
    print(f"  ratio                          {o / b:6.3f}×")


def main(runs: int) -> None:
    """Build what is missing, then print the size and start-up figures."""
    if sys.platform == "win32":
        print("bench_package: run it on Linux or macOS (env -i start-up runs)")
        return
    deb = ensure_builds()
    print(f"Packages ({os.uname().machine}, Python {sys.version.split()[0]})\n")
    bench_size(deb)
    print()
    bench_start(runs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    main(parser.parse_args().runs)
