# SPDX-License-Identifier: MIT
"""``intune-migration-collector``: init-db, serve, purge (and two helpers).

::

    intune-migration-collector [--config FILE] init-db
    intune-migration-collector [--config FILE] serve [--host H] [--port P]
        [--tls-cert PEM --tls-key PEM] [--workers N] [--dev]
    intune-migration-collector [--config FILE] purge [--days N] [--dry-run]
    intune-migration-collector [--config FILE] show-config
    intune-migration-collector [--config FILE] dev-token [--read] [--oid GUID]

Exit codes: 0 done; 1 the database (or the server) failed; 2 bad usage or
configuration. Errors are one line on stderr (``intune-migration-collector:
error: <file>: <key>: <expected>``); ``serve`` logs JSON lines on stderr.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import socket
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collector.config import Config

PROG: Final = "intune-migration-collector"
EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
PURGE_CHUNK: Final = 5000
# serve --workers: each worker process rebuilds the configuration from the
# same arguments (passed here) and the same environment.
WORKER_ARGS_ENV: Final = "_INTUNE_MIGRATION_COLLECTOR_WORKER_ARGS"


PluginCommand = Callable[[argparse.Namespace, "Config"], int]


def _parser() -> tuple[argparse.ArgumentParser, dict[str, PluginCommand]]:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The Intune Migration Helper collector: receives migration "
        "status events and serves them to IT.",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="TOML configuration file (default: $INTUNE_COLLECTOR_CONFIG, else "
        "/etc/intune-migration-collector/config.toml when it exists)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "init-db", help="create or upgrade the database tables (idempotent)"
    )
    serve = commands.add_parser("serve", help="run the collector")
    serve.add_argument("--host", help="address to bind (server.host)")
    serve.add_argument("--port", type=int, help="TCP port (server.port)")
    serve.add_argument("--tls-cert", metavar="PEM", help="certificate chain file")
    serve.add_argument("--tls-key", metavar="PEM", help="private key file")
    serve.add_argument(
        "--workers", type=int, help="processes (PostgreSQL only; server.workers)"
    )
    serve.add_argument(
        "--dev",
        action="store_true",
        help="local trials: accept UNSIGNED tokens; loopback addresses only",
    )
    purge = commands.add_parser(
        "purge", help="delete raw events older than the retention (state is kept)"
    )
    purge.add_argument(
        "--days", type=int, help="retention in days (default: storage.retention_days)"
    )
    purge.add_argument("--dry-run", action="store_true", help="count, do not delete")
    commands.add_parser(
        "show-config", help="print the resolved configuration (no secrets)"
    )
    token = commands.add_parser(
        "dev-token", help="print an unsigned token for a `serve --dev` collector"
    )
    token.add_argument(
        "--read", action="store_true", help="a reader token (Migration.Read role)"
    )
    token.add_argument("--oid", help="the user object id (default: a fixed GUID)")
    return parser, _plugin_commands(commands)


def _plugin_commands(commands: Any) -> dict[str, PluginCommand]:
    """Subcommands of the optional modules (:data:`collector.config.PLUGIN_MODULES`).

    A module that defines ``add_cli(commands)`` (adds its parsers to the
    ``add_subparsers()`` object) and ``run_cli(args, config) -> int`` gets its
    commands here; they run with the configuration loaded for administration
    (``[auth]`` not required).
    """
    from collector.config import load_plugins

    handlers: dict[str, PluginCommand] = {}
    for module in load_plugins():
        add = getattr(module, "add_cli", None)
        run = getattr(module, "run_cli", None)
        if not (callable(add) and callable(run)):
            continue
        before = set(commands.choices)
        add(commands)
        for name in set(commands.choices) - before:
            handlers[name] = run
    return handlers


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _serve_overrides(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    server: dict[str, Any] = {}
    for name in ("host", "port", "tls_cert", "tls_key", "workers"):
        value = getattr(args, name, None)
        if value is not None:
            server[name] = value
    return {"server": server} if server else {}


def _init_db(config: Config) -> int:
    from collector.storage import migrate, open_store

    with open_store(config.storage) as store:
        applied = migrate(store)
        if applied:
            for component, version in applied:
                print(f"{store.display_url}: applied {component} migration {version}")
        else:
            print(f"{store.display_url}: up to date")
    return EXIT_OK


def _purge(config: Config, days: int | None, dry_run: bool) -> int:
    from collector.storage import open_store, utc_text
    from collector.storage.migrations import check
    from collector.storage.queries import count_events, purge_events

    keep = days if days is not None else config.storage.retention_days
    if keep < 1:
        _error("--days: expected 1 or more")
        return EXIT_USAGE
    cutoff = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=keep)
    before = utc_text(cutoff)
    with open_store(config.storage) as store:
        check(store)
        if dry_run:
            count = store.query(count_events, before=before)
            print(f"{count} events received before {before} would be deleted")
        else:
            total = 0
            while True:
                # Short transactions: the collector keeps writing meanwhile.
                deleted = store.transaction(
                    purge_events, before=before, limit=PURGE_CHUNK
                )
                total += deleted
                if deleted < PURGE_CHUNK:
                    break
            print(f"deleted {total} events received before {before}")
        from collector.config import load_plugins

        # The optional modules' tables have their own retention.
        for module in load_plugins():
            plugin_purge = getattr(module, "purge", None)
            if callable(plugin_purge):
                for line in plugin_purge(store, config, dry_run=dry_run):
                    print(line)
    return EXIT_OK


def _show_config(config: Config) -> int:
    import msgspec

    from collector.config import display_url

    data = msgspec.to_builtins(config)
    data["storage"]["url"] = display_url(config.storage.url)
    # Never print a secret (the serial HMAC key, client secrets, a
    # certificate's password) to a terminal.
    for section in [data["devices"], *data.get("extensions", {}).values()]:
        for key in list(section):
            secret = key.endswith("_key") or "secret" in key or "password" in key
            if secret and section[key]:
                section[key] = "***"
    # Plugins with more to hide or to say (release: connector secrets' sources).
    from collector.config import load_plugins

    for module in load_plugins():
        hook = getattr(module, "show_config", None)
        if callable(hook):
            hook(data, config)
    print(json.dumps(data, indent=2, sort_keys=True))
    return EXIT_OK


def dev_token(config: Config, *, read: bool = False, oid: str | None = None) -> str:
    """An unsigned access token that a ``serve --dev`` collector with this
    configuration accepts (never accepted without ``--dev``)."""
    from collector.devmode import unsigned_token

    return unsigned_token(config, read=read, oid=oid)


def _check_database(config: Config) -> None:
    from collector.storage import check, open_store

    with open_store(config.storage) as store:
        check(store)


def _uvicorn_options(config: Config) -> dict[str, Any]:
    server = config.server
    options: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "log_config": None,
        "access_log": False,
        "ws": "none",
        "lifespan": "on",
        "server_header": False,
        "timeout_graceful_shutdown": 15,
    }
    if server.tls_cert:
        options["ssl_certfile"] = server.tls_cert
        options["ssl_keyfile"] = server.tls_key
    return options


def _dev_database(config: Config) -> str:
    """``serve --dev`` on SQLite: create (or bring up to date) the database, so
    a trial in an empty folder needs no ``init-db``; returns what was done.
    PostgreSQL, and every non-dev ``serve``, still need ``init-db``."""
    from collector.storage import migrate, open_store

    if not config.storage.url.lower().startswith("sqlite:"):
        return ""
    path = config.storage.url[len("sqlite:///") :]
    existed = os.path.exists(path)
    with open_store(config.storage) as store:
        applied = migrate(store)
    if not existed:
        return "created"
    return "upgraded" if applied else ""


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket of a ``--dev`` server, bound now so that the
    printed URLs carry the real port (``--port 0`` picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _dev_banner(config: Config, app: Any, port: int, database: str) -> str:
    """What ``serve --dev`` prints on stdout: the browser link and the helper's
    configuration (docs/collector.md, "A trial on one machine")."""
    from collector.config import display_url
    from collector.devmode import browser_urls

    host = config.server.host
    shown = f"[{host}]" if ":" in host else host
    scheme = "https" if config.server.tls_cert else "http"
    base = f"{scheme}://{shown}:{port}"
    dashboard, link = browser_urls(app, base)
    state = f" ({database} now)" if database else ""
    return "\n".join(
        [
            f"{PROG}: development mode: unsigned tokens, loopback only; "
            "never expose this collector",
            f"  database:  {display_url(config.storage.url)}{state}",
            f"  dashboard: {dashboard}",
            "  sign in:   open this one-time link in a browser on this machine "
            "(within an hour):",
            f"             {link}",
            "  helper:    add this to the helper's config.toml (a user file, "
            "never a policy),",
            "             then run `intune-migration-helper report --flush` or "
            "open its window:",
            "",
            "[reporting]",
            "enabled = true",
            f'collector_url = "{base}"',
            "dev_unsigned_tokens = true",
            "",
        ]
    )


def _serve(config: Config, worker_args: dict[str, Any]) -> int:
    import uvicorn

    from collector import logging as collector_logging

    database = _dev_database(config) if config.dev else ""
    # Before the JSON logs take over stderr: a missing schema is one line.
    _check_database(config)
    collector_logging.setup(config.log.level, dev=config.dev)
    options = _uvicorn_options(config)
    if config.server.workers > 1:
        os.environ[WORKER_ARGS_ENV] = json.dumps(worker_args)
        try:
            uvicorn.run(
                "collector.cli:worker_app",
                factory=True,
                workers=config.server.workers,
                **options,
            )
        except KeyboardInterrupt:
            pass
        return EXIT_OK
    from collector.app import create_app
    from collector.config import ConfigError

    try:
        app = create_app(config)
    except ConfigError as exc:  # an optional module's section, checked deeper
        _error(str(exc))
        return EXIT_USAGE
    server = uvicorn.Server(uvicorn.Config(app, **options))
    sockets: list[socket.socket] | None = None
    if config.dev:
        try:
            sock = _bind(config.server.host, config.server.port)
        except OSError as exc:
            _error(
                f"server.port: cannot listen on {config.server.host} port "
                f"{config.server.port}: {exc.strerror or exc}"
            )
            return EXIT_FAILED
        sockets = [sock]
        port = int(sock.getsockname()[1])
        print(_dev_banner(config, app, port, database), flush=True)
    try:
        server.run(sockets=sockets)
    except KeyboardInterrupt:
        # uvicorn re-raises SIGINT after its graceful shutdown: a normal stop.
        pass
    return EXIT_OK if server.started else EXIT_FAILED


def worker_app() -> Any:
    """The app of one ``serve --workers N`` process (a uvicorn factory)."""
    from collector import logging as collector_logging
    from collector.app import create_app
    from collector.config import load_config

    args = json.loads(os.environ[WORKER_ARGS_ENV])
    # Anyone can set this variable and point uvicorn at any socket: a worker
    # never serves unsigned tokens (serve --dev runs one process, whose bind
    # address was checked), whatever the variable says.
    config = load_config(args["config"], overrides=args["overrides"], dev=False)
    collector_logging.setup(config.log.level, dev=config.dev)
    return create_app(config)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from collector.config import ConfigError, load_config
    from collector.storage import StorageError

    parser, plugin_commands = _parser()
    args = parser.parse_args(argv)
    dev = bool(getattr(args, "dev", False)) or args.command == "dev-token"
    overrides = _serve_overrides(args) if args.command == "serve" else {}
    try:
        config = load_config(
            args.config,
            overrides=overrides,
            dev=dev,
            serving=args.command in ("serve", "dev-token"),
        )
    except ConfigError as exc:
        _error(str(exc))
        return EXIT_USAGE
    try:
        if args.command == "init-db":
            return _init_db(config)
        if args.command == "serve":
            worker_args = {"config": args.config, "overrides": overrides, "dev": dev}
            return _serve(config, worker_args)
        if args.command == "purge":
            return _purge(config, args.days, args.dry_run)
        if args.command == "show-config":
            return _show_config(config)
        if args.command in plugin_commands:
            return plugin_commands[args.command](args, config)
        print(dev_token(config, read=args.read, oid=args.oid))
        return EXIT_OK
    except StorageError as exc:
        _error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
