# SPDX-License-Identifier: MIT
"""The background sync: a thread that runs :func:`collector.graph.sync.sync`
every ``intune.sync_interval_minutes`` for the collector's lifetime.

One process runs it: with ``server.workers`` above 1, every worker would
sync; run ``intune-sync`` from a systemd timer instead and set the interval
to 0 (docs/intune-confirmation.md).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from collector.logging import log_event

if TYPE_CHECKING:
    from collector.graph.sync import SyncReport

log = logging.getLogger(__name__)


class SyncWorker:
    """Runs ``run()`` now and then every ``interval`` seconds until stopped.

    Args:
        run: one sync (returns its report).
        interval: seconds between the end of one sync and the next.
    """

    def __init__(self, run: Callable[[], SyncReport], interval: float) -> None:
        self._run = run
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.runs = 0

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._loop, name="intune-sync", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the thread to stop and wait for it (a sync in progress ends at
        its next Graph call's timeout at worst)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self._run()
            except Exception as exc:  # the next run may succeed: keep going
                log_event(
                    log, logging.ERROR, "intune-sync-failed", error=type(exc).__name__
                )
            self.runs += 1
            self._stop.wait(max(1.0, self._interval - (time.monotonic() - started)))


__all__ = ["SyncWorker"]
