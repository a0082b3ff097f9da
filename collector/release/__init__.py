# SPDX-License-Identifier: MIT
"""Releasing devices from the old EMM: the collector calls the vendor's API
for a device that is ready to leave (issue 16; docs/connectors.md).

A plugin of the collector core (``collector.config.PLUGIN_MODULES``):
importing it registers the ``[release]`` section and the ``release`` storage
component; :func:`register` adds the device API and, under the dashboard, the
approval queue; ``release-kill-switch`` is its command.

Modules: ``settings`` (configuration), ``store`` (tables, audit), ``flow``
(policy, guards, the vendor call), ``routes`` (HTTP), ``words`` (the queue's
English and French). The connectors themselves are :mod:`collector.connectors`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import urllib.parse
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Final

# Imported for their side effects: the [release] section and the release
# migrations must exist before the configuration is read and init-db runs.
from collector.release import settings as _settings
from collector.release import store as _store  # noqa: F401

if TYPE_CHECKING:
    import argparse

    from starlette.applications import Starlette

    from collector.config import Config
    from collector.connectors.base import Connector
    from collector.storage.base import Store

COMMAND: Final = "release-kill-switch"


def _secret_store(config: Config) -> Any:
    from collector.config import ConfigError
    from collector.connectors.secrets import SecretsError, SecretStore

    settings = _settings.release_config(config)
    try:
        return SecretStore(os.environ, settings.secrets_file)
    except SecretsError as exc:
        raise ConfigError(f"release.secrets_file: {exc}") from None


def check_config(config: Config) -> None:
    """Check ``[release]`` (for the configuration loader): values, the
    secrets file's permissions and, when enabled, every connector's secrets.

    Raises:
        ConfigError: one line naming the key or the secret.
    """
    from collector.config import ConfigError
    from collector.connectors import MissingSecret, secrets_for
    from collector.connectors.secrets import SecretsError

    settings = _settings.release_config(config)
    secrets = _secret_store(config)
    if not settings.enabled:
        return
    if not config.devices.serial_hmac_key:
        raise ConfigError(
            "release.enabled: needs devices.serial_hmac_key (devices are matched "
            "by their serial HMAC)"
        )
    for connector in settings.connectors:
        try:
            secrets_for(connector, secrets)
        except (MissingSecret, SecretsError) as exc:
            raise ConfigError(str(exc)) from None


def build_connectors(config: Config, **kwargs: Any) -> dict[str, Connector]:
    """Every configured connector, with its secrets (vendor id → connector)."""
    from collector.connectors import build, secrets_for

    settings = _settings.release_config(config)
    secrets = _secret_store(config)
    return {
        c.vendor: build(
            c, secrets_for(c, secrets), config.devices.serial_hmac_key, **kwargs
        )
        for c in settings.connectors
    }


def register(app: Starlette, store: Store, config: Config) -> None:
    """Add the release routes (``create_app`` calls it). Tests may put their
    own connectors in ``app.state.release_connectors`` first."""
    from collector.release.flow import ReleaseService
    from collector.release.routes import Queue, device_routes

    settings = _settings.release_config(config)
    connectors = getattr(app.state, "release_connectors", None)
    if connectors is None:
        connectors = build_connectors(config) if settings.enabled else {}
    service = ReleaseService(
        store,
        settings,
        config.devices.serial_hmac_key,
        connectors,
        clock=app.state.clock,
    )
    app.state.release = service
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[Any]:
        async with inner(application) as state:
            try:
                yield state
            finally:
                service.close()

    app.router.lifespan_context = lifespan
    app.router.routes.extend(device_routes())
    dashboard = getattr(app.state, "dashboard", None)
    if dashboard is not None:
        app.router.routes.extend(Queue(service, dashboard).routes())
        # Approvers find the queue from the dashboard's navigation.
        dashboard.links.append(
            ("/dashboard/releases", "rel_title", service.settings.approver_role)
        )


def show_config(data: dict[str, Any], config: Config) -> None:
    """``show-config``'s part: connector URLs without their query (a token
    may hide there) and where each secret comes from, never its value."""
    from collector.connectors.settings import OPTIONAL_SECRETS, REQUIRED_SECRETS

    section = data.get("extensions", {}).get(_settings.SECTION)
    if not isinstance(section, dict):
        return
    settings = _settings.release_config(config)
    try:
        secrets = _secret_store(config)
    except Exception:
        secrets = None
    shown = []
    for connector, raw in zip(
        settings.connectors, section.get("connectors", []), strict=False
    ):
        for key in ("base_url", "token_url"):
            if raw.get(key):
                parts = urllib.parse.urlsplit(raw[key])
                if parts.query:
                    raw[key] = urllib.parse.urlunsplit(parts._replace(query="***"))
        names = sorted(
            {n for g in REQUIRED_SECRETS[connector.kind] for n in g}
            | set(OPTIONAL_SECRETS.get(connector.kind, ()))
        )
        prefix = connector.credential_prefix
        raw["secrets"] = {
            f"{prefix}_{n}": secrets.where(f"{prefix}_{n}") if secrets else "unreadable"
            for n in names
        }
        shown.append(raw)
    section["connectors"] = shown


def add_cli(commands: Any) -> None:
    """Add ``release-kill-switch on|off|status``."""
    command: argparse.ArgumentParser = commands.add_parser(
        COMMAND,
        help="stop (on) or allow (off) every call to the old EMMs at once",
        description="Turn the release kill switch on or off for every collector "
        "process sharing the database: while on, no connector calls a vendor and "
        "requests wait. release.kill_switch = true in the configuration does "
        "the same until the configuration changes.",
    )
    command.add_argument("state", choices=("on", "off", "status"))


def _cli_actor() -> str:
    # Who turned the switch, for the audit: the server account's uid (the
    # audit holds ids, never names).
    return f"cli:uid-{os.getuid()}" if hasattr(os, "getuid") else "cli"


def run_cli(args: argparse.Namespace, config: Config) -> int:
    """Run ``release-kill-switch``."""
    from collector.release.flow import ReleaseService
    from collector.storage import StorageError, open_store
    from collector.storage.migrations import check

    settings = _settings.release_config(config)
    try:
        with open_store(config.storage) as store:
            check(store)
            service = ReleaseService(
                store, settings, config.devices.serial_hmac_key, {}
            )
            if args.state != "status":
                service.set_kill_switch(args.state == "on", by=_cli_actor())
            on = service.kill_switch()
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    source = (
        " (release.kill_switch in the configuration)" if settings.kill_switch else ""
    )
    print(f"release kill switch: {'on' if on else 'off'}{source}")
    return 0


__all__ = [
    "COMMAND",
    "add_cli",
    "build_connectors",
    "check_config",
    "register",
    "run_cli",
    "show_config",
]
