# SPDX-License-Identifier: MIT
"""GUI performance figures for ``make bench`` (printed, not asserted).

1. Cold start to the first painted page, whole process, offscreen: the helper
   (started as the console script starts it, with ``HELPER_FIRST_PAINT_EXIT=1``:
   it prints ``first-paint`` once the first page's first paint is over) against
   a bare PySide6 window painting one label, measured side by side (interleaved
   runs). The helper runs as a deployed one does: IT's example configuration
   (resources/config.example.toml: branding, message, waves, so the first page
   shows the deadline) found by platformdirs. Budget: the helper's median ≤
   1.25 × the bare window's. References, not budgets: the helper without any
   configuration, and the first page's widgets without any helper code (what
   the window shape costs by itself).
2. The GUI thread during a whole demo journey (ws1-windows, every button
   pressed by :class:`ui.screenshots.Autopilot`): a 5 ms heartbeat ``QTimer``
   records the longest gap between two beats. Budget: ≤ 50 ms.

Run: ``python -m tests.bench_gui [--runs N]`` (``main(runs)`` for tests/bench.py).
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
from typing import Final

from helper import APP_ID

REPO: Final = Path(__file__).resolve().parent.parent
MARKER: Final = b"first-paint"
START_BUDGET: Final = 1.25
GAP_BUDGET_MS: Final = 50.0
HEARTBEAT_MS: Final = 5

BARE_WINDOW: Final = """
import sys
from PySide6.QtWidgets import QApplication, QLabel

class Label(QLabel):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not Label.painted:
            Label.painted = True
            sys.stdout.write("first-paint\\n")
            sys.stdout.flush()
            QApplication.quit()

app = QApplication(sys.argv)
label = Label("Intune Migration Helper")
label.show()
app.exec()
"""


# Not a budget: a reference that shows what a wizard-shaped window costs by itself
# (main window, menu bar, header, stacked page, scroll area, cards, a button),
# without any helper code, configuration or translators.
WIZARD_SHELL: Final = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton,
    QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

class Page(QWidget):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not Page.painted:
            Page.painted = True
            QTimer.singleShot(0, done)

def done():
    sys.stdout.write("first-paint\\n")
    sys.stdout.flush()
    QApplication.quit()

app = QApplication(sys.argv)
window = QMainWindow()
menu = window.menuBar().addMenu("&File")
action = QAction("&Quit", window)
action.setShortcuts(QKeySequence.StandardKey.Quit)
menu.addAction(action)
central = QWidget()
column = QVBoxLayout(central)
header = QWidget()
QHBoxLayout(header).addWidget(QLabel("Contoso"))
column.addWidget(header)
stack = QStackedWidget()
column.addWidget(stack)
page = Page()
layout = QVBoxLayout(page)
layout.addWidget(QLabel("Move this device to Microsoft Intune"))
area = QScrollArea()
area.setWidgetResizable(True)
body = QWidget()
body_layout = QVBoxLayout(body)
for _ in range(4):
    card = QFrame()
    text = QLabel("A paragraph of text that wraps over a few lines. " * 3)
    text.setWordWrap(True)
    QVBoxLayout(card).addWidget(text)
    body_layout.addWidget(card)
area.setWidget(body)
layout.addWidget(area)
layout.addWidget(QPushButton("&Start"))
stack.addWidget(page)
window.setCentralWidget(central)
window.show()
app.exec()
"""


def _env(home: str, *, configured: bool = True) -> dict[str, str]:
    """The environment of a user whose IT deployed the example configuration
    (``configured=False``: no configuration at all, a reference).

    The helper finds its folders as on a real machine (platformdirs, through
    the XDG variables pointed at ``home``), not through ``HELPER_HOME``, and the
    first page shows what a deployment shows: branding, IT's message, the
    device's wave and its deadline, the privacy notice.
    """
    env = dict(os.environ)
    env.pop("HELPER_HOME", None)
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = os.path.join(home, name.lower())
    if configured:
        config = Path(env["XDG_CONFIG_HOME"]) / APP_ID / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_bytes((REPO / "resources" / "config.example.toml").read_bytes())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HELPER_FIRST_PAINT_EXIT"] = "1"
    # The offscreen plugin's propagateSizeHints() warning: noise on stderr.
    env["QT_LOGGING_RULES"] = "*.warning=false"
    return env


def _time_to_marker(argv: list[str], env: dict[str, str]) -> float:
    """Milliseconds from spawning ``argv`` to its ``first-paint`` line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    elapsed: float | None = None
    for line in proc.stdout:
        if line.strip() == MARKER:
            elapsed = (time.perf_counter() - start) * 1000
            break
    proc.stdout.close()
    proc.wait(timeout=30)
    if elapsed is None:
        raise RuntimeError(f"{argv}: no first-paint marker (exit {proc.returncode})")
    return elapsed


def bench_cold_start(runs: int) -> dict[str, float]:
    """Median cold starts (ms), interleaved: the helper with the example
    configuration (budgeted) and without any (reference), a bare window and a
    wizard-shaped window without helper code."""
    python = sys.executable
    # As the console script starts it (``from ui.entry import main``).
    helper = [python, "-c", "import sys\nfrom ui.entry import main\nsys.exit(main())"]
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as home:
        runs_of = {
            "helper": (helper, _env(os.path.join(home, "it"))),
            "bare": ([python, "-c", BARE_WINDOW], _env(os.path.join(home, "bare"))),
            "shell": ([python, "-c", WIZARD_SHELL], _env(os.path.join(home, "sh"))),
            "unconfigured": (
                helper,
                _env(os.path.join(home, "none"), configured=False),
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in runs_of}
        # One unmeasured run of each: byte-compile, page cache, font cache.
        for argv, env in runs_of.values():
            _time_to_marker(argv, env)
        for _ in range(runs):
            for name, (argv, env) in runs_of.items():
                times[name].append(_time_to_marker(argv, env))
    return {name: statistics.median(values) for name, values in times.items()}


def bench_heartbeat(scenario: str = "ws1-windows") -> tuple[float, int, int]:
    """Walk a whole demo journey; the longest GUI-thread gap (ms), beats, clicks."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "*.warning=false")
    home = tempfile.mkdtemp(prefix="bench-gui-home-")
    os.environ["HELPER_HOME"] = home
    from PySide6.QtCore import QTimer

    from helper.config.model import Config
    from ui import tasks
    from ui.app import build_window, make_application
    from ui.screenshots import Autopilot

    app = make_application()
    window = build_window(Config(), "en", scenario, autostart=False)
    window.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(beat)
    timer.start()
    pilot = Autopilot(window)
    last[0] = time.perf_counter()
    pages = pilot.walk()
    timer.stop()
    window.close()
    tasks.shutdown()
    if pages[-1] != "done":
        raise RuntimeError(f"the demo journey ended on {pages[-1]}")
    return max(gaps, default=0.0), len(gaps), pilot.clicks


def main(runs: int) -> None:
    """Print the GUI figures (``make bench``)."""
    medians = bench_cold_start(runs)
    bare_ms, helper_ms = medians["bare"], medians["helper"]
    ratio = helper_ms / bare_ms
    verdict = "ok" if ratio <= START_BUDGET else "OVER BUDGET"
    print(
        f"GUI cold start to first paint (offscreen, whole process, {runs} "
        f"interleaved runs; budget ≤ {START_BUDGET:.2f}× a bare window)"
    )
    print(f"  bare PySide6 window {bare_ms:7.1f} ms (median)")
    print(
        f"  wizard shell        {medians['shell']:7.1f} ms "
        f"(median, {medians['shell'] / bare_ms:.2f}×: the same widgets without "
        "helper code; reference, not budgeted)"
    )
    print(
        f"  helper, no config   {medians['unconfigured']:7.1f} ms "
        f"(median, {medians['unconfigured'] / bare_ms:.2f}×: reference)"
    )
    print(
        f"  helper first page   {helper_ms:7.1f} ms (median; IT's example "
        "configuration: branding, message, waves)"
    )
    print(f"  ratio               {ratio:7.2f}×  {verdict}")
    gap, beats, clicks = bench_heartbeat()
    verdict = "ok" if gap <= GAP_BUDGET_MS else "OVER BUDGET"
    print(
        f"GUI thread during a demo journey (ws1-windows, {clicks} clicks, "
        f"{HEARTBEAT_MS} ms heartbeat, {beats} beats; budget ≤ {GAP_BUDGET_MS:.0f} ms)"
    )
    print(f"  worst gap           {gap:7.1f} ms  {verdict}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    main(parser.parse_args().runs)
