# SPDX-License-Identifier: MIT
"""Intune confirms the arrival: Microsoft Graph, app-only (docs/intune-confirmation.md).

A plugin of the collector core (``collector.config.PLUGIN_MODULES``):
importing it registers the ``[intune]`` section, the ``intune`` storage
component (:mod:`collector.graph.store`) and the ingest hook that dates
leaving the old EMM and coming back to it; :func:`register` adds
``GET /api/v1/devices/self`` and, when enabled, the background sync; the
commands ``intune-sync`` and ``intune-check`` are :func:`add_cli`'s.

Modules: ``settings``, ``credentials`` (certificate or secret, the token),
``client`` (paging, throttling), ``lookups`` (the Graph calls and their
shapes), ``store`` (tables, flags), ``sync``, ``worker``, ``status`` (the
device's own answer).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from collector.graph import settings as _settings
from collector.graph import store as _store
from collector.ingest import register_state_hook

if TYPE_CHECKING:
    import argparse

    from starlette.applications import Starlette

    from collector.config import Config
    from collector.graph.client import GraphClient
    from collector.graph.settings import IntuneConfig
    from collector.graph.sync import SyncReport
    from collector.graph.worker import SyncWorker
    from collector.storage.base import Store

register_state_hook(_store.keep_flags)

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
SYNC_COMMAND: Final = "intune-sync"
CHECK_COMMAND: Final = "intune-check"


def check_config(config: Config) -> None:
    """Check ``[intune]`` beyond its types (for the configuration loader).

    Raises:
        ConfigError: a bad id or URL while enabled, or no serial key to match
            Intune's serial numbers with.
    """
    from collector.config import ConfigError

    if _settings.intune_config(config).enabled and not config.devices.serial_hmac_key:
        raise ConfigError(
            "configuration: intune.enabled: devices.serial_hmac_key must be set "
            "(devices are matched to Intune's serial numbers by it)"
        )


def graph_client(
    settings: IntuneConfig, *, clock: Callable[[], float] = time.time
) -> GraphClient:
    """A Graph client with the configured credential.

    Raises:
        CredentialError: no usable credential.
    """
    from collector.graph.client import GraphClient
    from collector.graph.credentials import TokenSource, load_credential

    tokens = TokenSource(settings, load_credential(settings), clock=clock)
    return GraphClient(settings, tokens, clock=clock)


def run_sync(
    store: Store, config: Config, *, clock: Callable[[], float] = time.time
) -> SyncReport:
    """One sync with the configured credential (the CLI and the worker).

    Raises:
        CredentialError: no usable credential.
    """
    from collector.graph.sync import sync

    settings = _settings.intune_config(config)
    with graph_client(settings, clock=clock) as client:
        return sync(
            store, client, settings, key=config.devices.serial_hmac_key, clock=clock
        )


def register(app: Starlette, store: Store, config: Config) -> SyncWorker | None:
    """Add ``GET /api/v1/devices/self`` and, when ``[intune] enabled`` with an
    interval, the background sync (``create_app`` calls it).

    Raises:
        ConfigError: an unusable ``[intune]`` value, or enabled without a
            usable credential (the collector refuses to start rather than run
            a check that cannot succeed).
    """
    from starlette.routing import Route

    from collector.graph.status import PATH, get_self

    settings = _settings.intune_config(config)
    app.state.intune_settings = settings
    app.router.routes.insert(0, Route(PATH, get_self, methods=["GET"]))
    if not settings.enabled or not settings.sync_interval_minutes:
        return None
    from collector.config import ConfigError
    from collector.graph.credentials import CredentialError, load_credential
    from collector.graph.worker import SyncWorker

    try:
        load_credential(settings)  # fail at start-up, not an hour later
    except CredentialError as exc:
        raise ConfigError(f"configuration: intune: {exc}") from None
    clock = app.state.clock
    worker = SyncWorker(
        lambda: run_sync(store, config, clock=clock),
        settings.sync_interval_minutes * 60.0,
    )
    app.state.intune_worker = worker
    from collector.app import run_beside

    run_beside(app, worker.start, worker.stop)
    return worker


def add_cli(commands: Any) -> None:
    """Add ``intune-sync`` and ``intune-check`` to the collector's commands."""
    commands.add_parser(
        SYNC_COMMAND,
        help="ask Microsoft Graph which devices Intune confirms (one sync)",
        description="Page through Intune's managed devices, match their serial "
        "numbers to the devices the collector knows (as serial HMACs) and store "
        "Intune's confirmation, compliance, join type and key escrow.",
    )
    check = commands.add_parser(
        CHECK_COMMAND,
        help="look one serial number up in Intune (stores nothing)",
        description="A dry check for IT: what Graph says about one serial "
        "number (Intune record, compliance, last sync, Entra join type, "
        "BitLocker key escrowed). Nothing is stored.",
    )
    check.add_argument("serial", metavar="SERIAL", help="the device's serial number")


def _print_check(serial: str, result: Any) -> None:
    device = result.device
    print(f"serial {serial}: {result.records} Intune record(s)")
    if device is not None:
        from collector.graph.lookups import utc_text

        print(f"  managed device id: {device.id}")
        print(f"  operating system:  {device.operating_system or '-'}")
        state = device.compliance_state or "-"
        print(f"  compliance:        {device.compliance} ({state})")
        print(f"  last sync:         {utc_text(device.last_sync_date_time) or '-'}")
        print(f"  enrolled:          {utc_text(device.enrolled_date_time) or '-'}")
        print(f"  Entra device id:   {device.entra_device_id or '-'}")
        print(f"  join type:         {result.join_type or '-'}")
        print(f"  key escrowed:      {result.key_escrow}")
    print(f"Graph calls: {result.requests}")


def run_cli(args: argparse.Namespace, config: Config) -> int:
    """Run ``intune-sync`` or ``intune-check``.

    Returns:
        0 done, 1 Graph or the database failed, 2 a configuration problem.
    """
    from collector.config import ConfigError
    from collector.graph.client import GraphError
    from collector.graph.credentials import CredentialError
    from collector.storage import StorageError, open_store
    from collector.storage.migrations import check

    try:
        settings = _settings.intune_config(config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not settings.enabled:
        print("error: intune.enabled is false: nothing to do", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == CHECK_COMMAND:
            from collector.graph.sync import check_one

            with graph_client(settings) as client:
                result = check_one(client, settings, args.serial)
            _print_check(args.serial, result)
            return EXIT_OK
        if not config.devices.serial_hmac_key:
            print(
                "error: devices.serial_hmac_key is not set: devices cannot be "
                "matched to Intune's serial numbers",
                file=sys.stderr,
            )
            return EXIT_USAGE
        with open_store(config.storage) as store:
            check(store)
            report = run_sync(store, config)
    except CredentialError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.code != "token-unavailable" else EXIT_FAILED
    except GraphError as exc:
        print(f"error: {exc} ({exc.code})", file=sys.stderr)
        return EXIT_FAILED
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"{report.outcome}: {report.listed} Intune devices read, {report.matched} "
        f"known to the collector ({report.duplicates} with several records), "
        f"{report.identities} reports confirmed, BitLocker {report.escrow}, "
        f"{report.requests} Graph calls"
    )
    return EXIT_OK if report.outcome == "ok" else EXIT_FAILED


__all__ = [
    "CHECK_COMMAND",
    "SYNC_COMMAND",
    "add_cli",
    "check_config",
    "graph_client",
    "register",
    "run_cli",
    "run_sync",
]
