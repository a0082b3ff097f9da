# SPDX-License-Identifier: MIT
"""Logging: a rotating file in the user log folder, UTC timestamps, never a secret.

Every record passes through :class:`RedactingFilter`, which blanks anything shaped
like a token (JWTs, bearer headers, ``access_token=...`` pairs, passwords) before
it reaches a handler.
"""

from __future__ import annotations

import io
import logging
import re
import time
from pathlib import Path

LOG_NAME = "helper.log"
_FORMAT = "%(asctime)s.%(msecs)03dZ %(levelname)s %(name)s: %(message)s"

_SECRET_PATTERNS = (
    # JSON Web Tokens (access and id tokens): three base64url parts, eyJ... header.
    re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"),
    # Authorization headers.
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"),
    # Entra's opaque refresh tokens and codes ("0.A..." / "1.A...") on their own.
    re.compile(r"\b[01]\.A[A-Za-z0-9_.*-]{40,}"),
    # key=value / "key": "value" pairs for secrets (refresh tokens are opaque).
    re.compile(
        r"(?i)([\"']?(?:access_token|refresh_token|id_token|client_?secret|password|"
        # "Support code: K7Q4-M2XD" is what helpdesk asks for: keep it.
        r"passwd|secret|(?<!support )code|device_code|code_verifier|assertion)"
        r"[\"']?\s*[:=]\s*[\"']?)"
        r"[^\"'&\s,}]{4,}"
    ),
)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    """Blank every token-shaped part of ``text``."""
    for pattern in _SECRET_PATTERNS:
        if pattern.groups:
            text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
        else:
            text = pattern.sub(REDACTED, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites records so that no handler ever sees a token."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


DEV_MARK = "[dev-unsigned-tokens]"
_dev_mode = False


class _DevMarkFilter(logging.Filter):
    """Marks every line once development tokens are on (as the collector's
    ``"mode": "dev-unsigned-tokens"``): a log from a forgotten trial says so."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _dev_mode:
            message = record.getMessage()
            if not message.startswith(DEV_MARK):
                record.msg, record.args = f"{DEV_MARK} {message}", None
        return True


def mark_dev_mode(collector_url: str) -> None:
    """From now on every log line carries :data:`DEV_MARK`; one warning says why."""
    global _dev_mode  # noqa: PLW0603 - one process-wide switch, like logging itself
    _dev_mode = True
    logging.getLogger("helper").warning(
        "development mode: status reports go to %s with unsigned tokens from "
        "that collector (reporting.dev_unsigned_tokens); never on employees' "
        "devices",
        collector_url,
    )


def log_file() -> Path:
    from helper.paths import log_dir

    return log_dir() / LOG_NAME


_configured = False


class _DeferredFileHandler(logging.Handler):
    """The rotating log file, opened on the first record.

    logging.handlers (and the socket/pickle modules it pulls in) costs about 4 ms
    to import; a `detect` run that logs nothing never pays for it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._target: logging.Handler | None = None

    def _open(self) -> logging.Handler:
        from logging.handlers import RotatingFileHandler

        from helper.private import opener, tighten

        class _PrivateRotatingFileHandler(RotatingFileHandler):
            # Log lines name stages, codes and paths of the user: 0600, and
            # rotation keeps the mode (it renames).
            def _open(self) -> io.TextIOWrapper:
                stream = open(
                    self.baseFilename,
                    self.mode,
                    encoding=self.encoding,
                    errors=self.errors,
                    opener=opener,
                )
                assert isinstance(stream, io.TextIOWrapper)  # text mode "a"
                return stream

        try:
            path = log_file()
            tighten(path)  # written 0644 by an older helper
            target: logging.Handler = _PrivateRotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=7, encoding="utf-8"
            )
        except OSError:
            # A read-only home must not stop the helper. Users get one clean
            # line from the command itself, never records or tracebacks on
            # stderr; with --verbose, the console handler shows everything.
            target = logging.NullHandler()
        target.setFormatter(self.formatter)
        return target

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            self._target = self._open()
        self._target.handle(record)

    def flush(self) -> None:
        if self._target is not None:
            self._target.flush()

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()


def setup_logging(*, verbose: bool = False) -> None:
    """Configure the root logger once: rotating file (+ stderr when verbose)."""
    global _configured  # noqa: PLW0603 - process-wide logging is configured once
    if _configured:
        return
    _configured = True
    formatter = logging.Formatter(_FORMAT, datefmt="%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime  # UTC timestamps
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    redactor = RedactingFilter()
    marker = _DevMarkFilter()
    handler = _DeferredFileHandler()
    handler.setFormatter(formatter)
    handler.addFilter(redactor)
    handler.addFilter(marker)
    root.addHandler(handler)
    if verbose:
        console = logging.StreamHandler()
        console.setFormatter(formatter)
        console.addFilter(redactor)
        console.addFilter(marker)
        root.addHandler(console)
    logging.captureWarnings(True)
