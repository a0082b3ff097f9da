# SPDX-License-Identifier: MIT
"""Status reports from the window: flush at start, after each journey transition
and on a timer, and sign in when the collector asks for it.

The service (helper.report.delivery.ReportingService) and the sign-in provider
(helper.auth.signin) import httpx, msal and keyring: they are built on a worker
thread after the first paint, never on the GUI thread, and every flush runs in
the background through ui.tasks.

With ``reporting.dev_unsigned_tokens`` (a trial on one machine), tokens come
from the ``serve --dev`` collector instead of Entra
(:class:`helper.report.dev_token.DevTokenProvider`) and every log line is
marked; the window shows a banner (``MainWindow``).

Signals:
    changed: a flush or a sign-in finished (the done page re-reads the status).
    sign_in_needed: the collector needs a signed-in user before it accepts reports.
    sign_in_failed: (str) a sign-in the user asked for failed: its code
        (``sign-in-network``, ``sign-in-proxy``...; ui.words says what to try).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui import tasks

if TYPE_CHECKING:
    from helper.config import Config
    from helper.journey.transitions import Reporter

log = logging.getLogger(__name__)

# The timer never waits longer than the service's flush interval (300 s).
_MAX_WAIT_MS = 300_000
_MIN_WAIT_MS = 1_000


class ReportingController(QObject):
    """Owns the reporting service for the window.

    Args:
        config: IT's configuration (reporting.enabled, collector URL, tenant).
        parent: the Qt parent (the main window).
    """

    changed = Signal()
    sign_in_needed = Signal()
    sign_in_failed = Signal(str)
    _enqueued = Signal()

    def __init__(
        self,
        config: Config,
        parent: QObject | None = None,
        *,
        http_factory: Callable[[], Any] | None = None,
        tokens_factory: Callable[[Any], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config
        # Tests pass a client trusting their CA and a static token provider.
        self._http_factory = http_factory
        self._tokens_factory = tokens_factory
        self._service: Any = None
        self._tokens: Any = None
        self._http: Any = None  # ours to close: the service only borrows it
        self._lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush_soon)
        # on_enqueued runs on the journey's worker: a queued signal brings it here.
        self._enqueued.connect(self.flush_soon)

    # --- worker side ---------------------------------------------------------------

    def build_reporter(self) -> Reporter:
        """The journey's reporter; builds the service. Runs on the state worker."""
        from helper.journey.transitions import NullReporter

        if not self._config.reporting.enabled:
            return NullReporter()
        try:
            from helper.report.delivery import ReportingService
            from helper.report.http import make_http_client

            http = (self._http_factory or make_http_client)()
            tokens = self._make_tokens(http)
            service = ReportingService(
                self._config,
                tokens=tokens,
                http_client=http,
                on_enqueued=lambda _event: self._enqueued.emit(),
            )
            if self._config.reporting.dev_unsigned_tokens:
                # The dev collector binds its token to the device the events name.
                tokens.device_id = service.entra_device_id
        except Exception:
            # Reporting must never stop a migration: the journey goes on and
            # the log says why nothing is sent.
            log.exception("status reports are off for this run")
            return NullReporter()
        with self._lock:
            self._service, self._tokens, self._http = service, tokens, http
        service.heartbeat()
        self._enqueued.emit()  # flush what earlier runs left queued
        reporter: Reporter = service.reporter
        return reporter

    def release_client(self) -> tuple[Any, str] | None:
        """A release client on the reports' HTTP client and tokens, and the
        device's serial digest; None until reporting runs or without a serial
        (helper.server_release)."""
        with self._lock:
            service, tokens, http = self._service, self._tokens, self._http
        reporter = service.journey_reporter if service is not None else None
        digest = reporter.facts.serial_digest if reporter is not None else None
        if reporter is None or not digest:
            return None
        from helper.report.release import ReleaseClient

        return ReleaseClient(http, self._config.reporting.collector_url, tokens), digest

    def _make_tokens(self, http: Any) -> Any:
        """The token provider: a test's, the dev collector's, or Entra's."""
        reporting = self._config.reporting
        if reporting.dev_unsigned_tokens:
            from helper.logsetup import mark_dev_mode
            from helper.report.dev_token import DevTokenProvider

            mark_dev_mode(reporting.collector_url)
            return DevTokenProvider(reporting.collector_url, http)
        if self._tokens_factory is not None:
            return self._tokens_factory(http)
        from helper.auth.signin import MsalTokenProvider

        return MsalTokenProvider.from_config(self._config, http_client=http)

    def status(self) -> object | None:
        """The outbox status (report-status/1), or None before the service exists.

        Reads a small database: call it from a worker (the done page does).
        """
        with self._lock:
            service = self._service
        return service.status() if service is not None else None

    def confirmation(self) -> object:
        """How Intune sees this device, from the collector
        (:mod:`helper.report.confirmation`; ``unavailable`` before the service
        exists). Uses the network: call it from a worker (the done page does).
        """
        from helper.report.confirmation import UNAVAILABLE, fetch_confirmation

        with self._lock:
            service, tokens, http = self._service, self._tokens, self._http
        if service is None or http is None:
            return UNAVAILABLE
        reporter = service.journey_reporter
        digest = reporter.facts.serial_digest if reporter is not None else None
        url = self._config.reporting.collector_url
        return fetch_confirmation(http, url, tokens, digest)

    # --- GUI side ------------------------------------------------------------------

    @Slot()
    def flush_soon(self) -> None:
        """Send what is queued, in the background."""
        with self._lock:
            service = self._service
        if service is None:
            return
        tasks.run_in_background(
            service.flush,
            on_success=self._on_flushed,
            on_failure=self._on_flush_failed,
            serial=False,
            context=self,
        )

    def _on_flushed(self, result: Any) -> None:
        outcome = str(getattr(result, "outcome", ""))
        if outcome == "sign-in-needed":
            self.sign_in_needed.emit()
        self._schedule(getattr(result, "next_attempt", None))
        self.changed.emit()

    def _on_flush_failed(self, error: BaseException) -> None:
        # flush() never raises for network or HTTP trouble; anything else is a
        # bug worth a log line, not a dialog in the employee's face.
        log.error("status report flush failed: %s", type(error).__name__)
        self._schedule(None)

    def _schedule(self, next_attempt: Any) -> None:
        import datetime

        wait = _MAX_WAIT_MS
        if isinstance(next_attempt, datetime.datetime):
            now = datetime.datetime.now(datetime.UTC)
            delta = (next_attempt - now).total_seconds() * 1000
            wait = int(min(max(delta, _MIN_WAIT_MS), _MAX_WAIT_MS))
        self._timer.start(wait)

    def sign_in(self) -> None:
        """Interactive sign-in (system browser), then send what waits."""
        with self._lock:
            tokens, service = self._tokens, self._service
        if tokens is None or service is None:
            return

        def work() -> object:
            sign_in = getattr(tokens, "sign_in", None)
            if callable(sign_in):  # a development collector needs none
                sign_in(interactive=True)
            return service.flush(force=True)

        tasks.run_in_background(
            work,
            on_success=self._on_flushed,
            on_failure=self._on_sign_in_failed,
            serial=False,
            context=self,
        )

    def _on_sign_in_failed(self, error: BaseException) -> None:
        code = getattr(error, "code", None)
        # Only our codes reach the window; anything else is "sign-in-failed".
        shown = code if isinstance(code, str) else "sign-in-failed"
        log.warning("sign-in failed: %s", code or type(error).__name__)
        if shown != "sign-in-cancelled":  # the user chose to stop
            self.sign_in_failed.emit(shown)
        self.changed.emit()

    def close(self) -> None:
        """Stop the timer and close the service's database and HTTP client."""
        self._timer.stop()
        with self._lock:
            service, self._service = self._service, None
            http, self._http = self._http, None
        if service is not None:
            service.close()
        if http is not None:
            http.close()
