# SPDX-License-Identifier: MIT
"""Structured logs: one JSON object per line on stderr, never a token.

Each line has ``time`` (UTC, RFC 3339), ``level``, ``event`` (``request``,
``ingest``, ``auth-refused``, ``startup``... or the logger name for records from
libraries such as uvicorn) and the event's fields (``request_id``, ``method``,
``path``, ``status``, ``duration_ms``...). Messages and tracebacks pass through
:func:`helper.logsetup.redact`, which blanks anything shaped like a JWT or a
bearer header, as a second line of defence: no code here logs headers.

In ``--dev`` mode every line carries ``"mode": "dev-unsigned-tokens"`` so that a
log shipped from a forgotten trial instance says what it is.

Log with :func:`log_event`::

    log_event(log, logging.INFO, "ingest", request_id=rid, accepted=12)
"""

from __future__ import annotations

import datetime
import logging
import sys
from typing import IO, Any, Final

import msgspec

from helper.logsetup import redact

DEV_MODE: Final = "dev-unsigned-tokens"
DEV_WARNING: Final = (
    "DEV MODE: unsigned tokens are accepted; never expose this collector"
)

_encoder = msgspec.json.Encoder()
# LogRecord attributes that are not ours to print.
_FIELDS_ATTR: Final = "collector_fields"
_EVENT_ATTR: Final = "collector_event"


def log_event(logger: logging.Logger, level: int, event: str, **fields: object) -> None:
    """Log one structured event.

    Args:
        logger: the module's logger.
        level: ``logging.INFO``...
        event: a short kebab-case name (``request``, ``auth-refused``).
        fields: the event's data; values must be JSON-able (str, int, float,
            bool, None, lists and dicts of those). Never pass a token.
    """
    if logger.isEnabledFor(level):
        logger.log(level, event, extra={_EVENT_ATTR: event, _FIELDS_ATTR: fields})


def _clean(value: object) -> object:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return redact(str(value))


class JsonFormatter(logging.Formatter):
    """Formats records as JSON lines.

    Args:
        dev: add the dev-mode marker to every line.
    """

    def __init__(self, *, dev: bool = False) -> None:
        super().__init__()
        self.dev = dev

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.datetime.fromtimestamp(record.created, datetime.UTC)
        data: dict[str, Any] = {
            "time": when.strftime("%Y-%m-%dT%H:%M:%S.")
            + f"{when.microsecond // 1000:03d}Z",
            "level": record.levelname.lower(),
        }
        event = getattr(record, _EVENT_ATTR, None)
        if event is not None:
            data["event"] = event
            fields = getattr(record, _FIELDS_ATTR, None) or {}
            for key, value in fields.items():
                data[key] = _clean(value)
        else:
            data["event"] = record.name
            data["message"] = redact(record.getMessage())
        if record.exc_info:
            data["exception"] = redact(self.formatException(record.exc_info))
        if self.dev:
            data["mode"] = DEV_MODE
            data["warning"] = DEV_WARNING
        return _encoder.encode(data).decode("utf-8")


def setup(
    level: str = "info", *, dev: bool = False, stream: IO[str] | None = None
) -> logging.Handler:
    """Send every log record (ours, uvicorn's, warnings) to stderr as JSON lines.

    Args:
        level: ``debug``, ``info``, ``warning`` or ``error``.
        dev: mark every line as dev mode.
        stream: where to write (default ``sys.stderr``).

    Returns:
        The handler installed on the root logger (replacing any other).
    """
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonFormatter(dev=dev))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # uvicorn's loggers carry their own handlers when configured by uvicorn; we
    # pass log_config=None, so make sure they reach ours (and its access log is
    # replaced by our request lines).
    for name in ("uvicorn", "uvicorn.error"):
        lib = logging.getLogger(name)
        lib.handlers.clear()
        lib.propagate = True
        lib.setLevel(level.upper())
    logging.getLogger("uvicorn.access").disabled = True
    logging.captureWarnings(True)
    return handler


__all__ = ["DEV_MODE", "DEV_WARNING", "JsonFormatter", "log_event", "setup"]
