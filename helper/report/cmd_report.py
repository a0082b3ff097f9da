# SPDX-License-Identifier: MIT
"""``intune-migration-helper report --flush | --status [--json]``.

- ``--status``: counts of queued, delivered and parked events, the delivery
  state, the last error and the next attempt. Reads only: it never creates the
  outbox and never touches the network (no httpx import).
- ``--flush``: send the queued events now, ignoring the back-off (the user
  asked). With reporting off in the configuration it says so and sends nothing.

Exit codes: 0 all sent (or nothing to send, or reporting off); 3 the
configuration is incomplete; 5 events remain queued (network, collector,
refused: retried later); 6 the collector needs a sign-in (open the window).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Final, TextIO

import msgspec

from helper.report.outbox import DB_NAME, OutboxStatus

if TYPE_CHECKING:
    import httpx

    from helper.config import Config
    from helper.report.delivery import FlushResult
    from helper.report.token import TokenProvider

EXIT_OK: Final = 0
EXIT_CONFIG: Final = 3
EXIT_QUEUED: Final = 5
EXIT_SIGN_IN: Final = 6

# The command line's words for the delivery states and outcomes (ui/ has its own).
STATES: Final[dict[str, str]] = {
    "idle": "nothing waiting",
    "queued": "waiting to be sent",
    "retrying": "the last attempt failed; will retry",
    "sign-in-needed": "sign-in needed: open the helper's window and sign in",
    "refused": "the collector refused access or was not found; will retry later",
    "disabled": "reporting is off in the configuration",
}
OUTCOMES: Final[dict[str, str]] = {
    "delivered": "All queued status reports were sent.",
    "nothing-to-send": "No status reports were waiting.",
    "waiting": "Status reports wait for their next attempt.",
    "retry-later": "The collector could not be reached; reports stay queued.",
    "sign-in-needed": (
        "The collector needs a sign-in: open the helper's window and sign in."
    ),
    "refused": "The collector refused access or was not found; reports stay queued.",
    "disabled": "Reporting is off in the configuration; nothing was sent.",
    "busy": "Another send is running.",
}


def _read_status(config: Config) -> OutboxStatus:
    from helper.paths import data_dir
    from helper.report.outbox import Outbox

    enabled = config.reporting.enabled and bool(config.reporting.collector_url)
    path = data_dir() / DB_NAME
    if not path.exists():
        return OutboxStatus(
            enabled=enabled,
            state="idle" if enabled else "disabled",
            queued=0,
            delivered=0,
            parked=0,
        )
    with Outbox(path) as outbox:
        return outbox.status(enabled=enabled)


def _when(value: object) -> str:
    if value is None:
        return "-"
    return str(value).replace("+00:00", "Z")


def render_status(status: OutboxStatus, out: TextIO) -> None:
    """The human-readable ``report --status``."""
    out.write(f"Reporting: {STATES.get(status.state, status.state)}\n")
    out.write(
        f"Queued: {status.queued}  Delivered: {status.delivered}  "
        f"Parked: {status.parked}\n"
    )
    if status.last_error:
        out.write(f"Last error: {status.last_error} at {_when(status.last_error_at)}\n")
    if status.last_success_at is not None:
        out.write(f"Last delivery: {_when(status.last_success_at)}\n")
    if status.next_attempt is not None:
        out.write(f"Next attempt: {_when(status.next_attempt)}\n")
    for entry in status.parked_events:
        out.write(
            f"  parked #{entry.device_seq} {entry.event_type}: {entry.last_error}\n"
        )


def _flush(
    config: Config,
    tokens: TokenProvider | None,
    http_client: httpx.Client | None,
) -> FlushResult:
    from helper.report.delivery import ReportingService
    from helper.report.http import make_http_client

    client = http_client if http_client is not None else make_http_client()
    try:
        if tokens is None:
            tokens = _default_tokens(config, client)
        service = ReportingService(config, tokens=tokens, http_client=client)
        if config.reporting.dev_unsigned_tokens:
            from helper.report.dev_token import DevTokenProvider

            if isinstance(tokens, DevTokenProvider):
                # The dev collector binds its token to the device the events name.
                tokens.device_id = service.entra_device_id
        try:
            return service.flush(force=True)
        finally:
            service.close()
    finally:
        if http_client is None:
            client.close()


def _default_tokens(config: Config, client: httpx.Client) -> TokenProvider | None:
    """The signed-in user's tokens (never signs in: that needs the window), or
    a development collector's (``reporting.dev_unsigned_tokens``)."""
    if config.reporting.dev_unsigned_tokens:
        from helper.report.dev_token import DevTokenProvider

        return DevTokenProvider(config.reporting.collector_url, client)
    try:
        from helper.auth.signin import MsalTokenProvider
    except ImportError:
        return None
    from helper.errors import HelperError

    try:
        return MsalTokenProvider.from_config(config, http_client=client)
    except HelperError:
        return None  # sign-in not configured: flush reports sign-in-needed


def run_report(
    args: argparse.Namespace,
    config: Config,
    *,
    tokens: TokenProvider | None = None,
    http_client: httpx.Client | None = None,
    out: TextIO | None = None,
) -> int:
    """Run ``report``.

    Args:
        args: ``flush`` and ``status`` (booleans; neither means ``--status``),
            ``json``.
        config: the loaded configuration.
        tokens: the token provider; default: the signed-in user's (MSAL cache).
        http_client: the HTTP client; default: a new one (closed afterwards).
        out: where to print (default: stdout).

    Returns:
        The exit code (see the module docstring).
    """
    stream = out if out is not None else sys.stdout
    as_json = bool(getattr(args, "json", False))
    if config.reporting.dev_unsigned_tokens:
        from helper.logsetup import mark_dev_mode

        # Said on every run, like the collector's banner: a trial setting
        # must never go unnoticed on a real device.
        sys.stderr.write(
            "intune-migration-helper: development mode: status reports go to "
            f"{config.reporting.collector_url} with unsigned tokens "
            "(reporting.dev_unsigned_tokens)\n"
        )
        mark_dev_mode(config.reporting.collector_url)
    if not getattr(args, "flush", False):
        status = _read_status(config)
        if as_json:
            stream.write(_json(status))
        else:
            render_status(status, stream)
        return EXIT_OK
    reporting = config.reporting
    if not reporting.enabled:
        if as_json:
            from helper.report.delivery import FlushResult

            stream.write(_json(FlushResult(outcome="disabled")))
        else:
            stream.write(OUTCOMES["disabled"] + "\n")
        return EXIT_OK
    if not reporting.collector_url:
        sys.stderr.write(
            "intune-migration-helper: reporting.enabled is true but "
            "reporting.collector_url is empty\n"
        )
        return EXIT_CONFIG
    result = _flush(config, tokens, http_client)
    if as_json:
        stream.write(_json(result))
    else:
        stream.write(OUTCOMES.get(result.outcome, result.outcome) + "\n")
        stream.write(
            f"Sent: {result.delivered} (already known: {result.duplicates})  "
            f"Parked: {result.parked}  Still queued: {result.remaining}\n"
        )
        if result.error:
            stream.write(f"Error: {result.error}\n")
        if result.next_attempt is not None:
            stream.write(f"Next attempt: {_when(result.next_attempt)}\n")
    if result.outcome in ("delivered", "nothing-to-send"):
        return EXIT_OK
    if result.outcome == "sign-in-needed":
        return EXIT_SIGN_IN
    return EXIT_QUEUED


def _json(value: object) -> str:
    return msgspec.json.format(msgspec.json.encode(value), indent=2).decode() + "\n"
