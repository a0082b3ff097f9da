# SPDX-License-Identifier: MIT
"""The collector's configuration: one TOML file, then environment variables.

Layers, later wins key by key:

1. built-in defaults (the Structs below);
2. the TOML file: ``--config FILE``, else ``$INTUNE_COLLECTOR_CONFIG``, else
   ``/etc/intune-migration-collector/config.toml`` when it exists;
3. environment variables ``INTUNE_COLLECTOR_<SECTION>_<KEY>``
   (``INTUNE_COLLECTOR_STORAGE_URL``, ``INTUNE_COLLECTOR_AUTH_TENANTS``); lists
   are comma-separated;
4. command-line options of ``serve`` (host, port, TLS files, ``--dev``).

Every error is one line naming where the value came from (the file or the
variable), the key, and what was expected: ``/etc/.../config.toml: server.port:
expected an integer, got "https"``. An unknown key or variable is an error too
(a typo must not silently fall back to a default).

``dev`` is never read from the file or the environment: only ``serve --dev``
sets it, so a configuration file cannot turn token signatures off by accident.

Another module (the dashboard, the Logs Ingestion forward) can add its own
section with :func:`register_section`; the loader validates it with the same
rules and :meth:`Config.section` returns it typed.
"""

from __future__ import annotations

import difflib
import importlib
import ipaddress
import os
import re
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, Final, Literal, TypeVar, get_args, get_origin

import msgspec

ENV_PREFIX: Final = "INTUNE_COLLECTOR_"
ENV_CONFIG: Final = ENV_PREFIX + "CONFIG"
DEFAULT_CONFIG_FILE: Final = Path("/etc/intune-migration-collector/config.toml")

# Entra v2 and v1 access-token issuers; {tid} is the token's tenant.
ENTRA_ISSUERS: Final = (
    "https://login.microsoftonline.com/{tid}/v2.0",
    "https://sts.windows.net/{tid}/",
)
ENTRA_JWKS_URL: Final = "https://login.microsoftonline.com/common/discovery/v2.0/keys"

# --dev only: the values ``intune-migration-collector dev-token`` puts in its
# unsigned tokens when the configuration names none.
DEV_TENANT: Final = "00000000-0000-0000-0000-00000000d3e0"
DEV_AUDIENCE: Final = "api://intune-migration-collector-dev"
DEV_CLIENT: Final = "00000000-0000-0000-0000-0000000c11e0"
# --dev only, when devices.serial_hmac_key is empty: a published key, so a
# trial device keeps one serial identity across its events (before and after
# it has an Entra id). Public on purpose: a dev collector's data proves nothing.
DEV_SERIAL_KEY: Final = "intune-migration-collector-dev-serial-key-not-a-secret"

_GUID: Final = re.compile(
    r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
)
_RESERVED: Final = frozenset({"dev", "extensions"})

Port = Annotated[int, msgspec.Meta(ge=0, le=65535)]
Positive = Annotated[int, msgspec.Meta(ge=1)]


class ConfigError(Exception):
    """A bad configuration value: the message is one line (where: key: expected)."""


class ServerConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[server]``: where and how the collector listens.

    Attributes:
        host: the address to bind (``127.0.0.1`` behind a reverse proxy).
        port: the TCP port (0: any free port, for tests).
        tls_cert, tls_key: PEM files; without them the collector speaks plain
            HTTP and must sit behind a TLS-terminating reverse proxy.
        workers: processes (PostgreSQL only; SQLite has one writer).
        max_body_bytes: the largest request body read, as sent (compressed).
        max_decompressed_bytes: the largest body once gunzipped (gzip bombs).
        max_events_per_request: the contract's batch limit (100).
        max_inflight: concurrent ingest requests being processed (their body
            received); beyond, 503 + Retry-After.
        retry_after_seconds: the Retry-After of those 503s.
        body_timeout_seconds: a request body must arrive whole within this
            time, else 408 and the connection is closed (a client trickling a
            byte every few seconds holds nothing for long).
        max_uploads: request bodies being received at once; beyond, 503.
        max_uploads_per_user: of those, per token user; beyond, 429: one
            account cannot hold the uploads of everyone else.
    """

    host: str = "127.0.0.1"
    port: Port = 8443
    tls_cert: str = ""
    tls_key: str = ""
    workers: Annotated[int, msgspec.Meta(ge=1, le=64)] = 1
    max_body_bytes: Positive = 1024 * 1024
    max_decompressed_bytes: Positive = 1024 * 1024
    max_events_per_request: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 100
    max_inflight: Positive = 64
    retry_after_seconds: Positive = 60
    body_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 30.0
    max_uploads: Positive = 512
    max_uploads_per_user: Positive = 4


class StorageConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[storage]``: the database.

    Attributes:
        url: ``sqlite:///relative/or/absolute/path.sqlite3`` (``sqlite:////abs``
            also works) or ``postgresql://user@host:5432/dbname``. Prefer
            ``PGPASSWORD`` or ``~/.pgpass`` to a password in the URL.
        pool_size: PostgreSQL connections per process (SQLite: reader
            connections; writes always go through one connection).
        retention_days: ``purge`` deletes raw events received longer ago.
        sqlite_synchronous: ``full`` (a confirmed event survives a power cut)
            or ``normal`` (faster; a power cut may lose the last commits).
    """

    url: str = "sqlite:///collector.sqlite3"
    pool_size: Annotated[int, msgspec.Meta(ge=1, le=256)] = 8
    retention_days: Annotated[int, msgspec.Meta(ge=1, le=36500)] = 180
    sqlite_synchronous: Literal["full", "normal"] = "full"


class AuthConfig(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """``[auth]``: which Entra access tokens are accepted.

    Attributes:
        tenants: allowed tenant ids (``tid``).
        audiences: the collector API's ``aud`` values (its client id GUID for v2
            tokens, ``api://...`` for v1 tokens).
        issuers: accepted ``iss`` values; ``{tid}`` stands for the token's tenant.
        jwks_url: the signing keys (Entra's, or a tenant-specific URL).
        jwks_ca_file: a PEM bundle to trust for ``jwks_url`` instead of the
            system store (a private CA, tests).
        report_client_ids: the helper's client id(s): ``azp`` (v2) or ``appid``
            (v1) of tokens that post events.
        report_scope: the delegated scope (``scp``) needed to post events.
        read_role: the app role (``roles``) needed to read (API, export,
            dashboard).
        read_client_ids: client ids allowed to read; empty: any client.
        leeway_seconds: clock skew allowed on ``exp`` and ``nbf``.
        jwks_cache_seconds: how long fetched keys are kept (an unknown ``kid``
            refetches sooner, at most once a minute).
    """

    tenants: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ENTRA_ISSUERS
    jwks_url: str = ENTRA_JWKS_URL
    jwks_ca_file: str = ""
    report_client_ids: tuple[str, ...] = ()
    report_scope: str = "Migration.Report"
    read_role: str = "Migration.Read"
    read_client_ids: tuple[str, ...] = ()
    leeway_seconds: Annotated[int, msgspec.Meta(ge=0, le=600)] = 60
    jwks_cache_seconds: Annotated[int, msgspec.Meta(ge=60, le=86400)] = 3600


class DevicesConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[devices]``: how the collector names devices and whom it believes.

    Attributes:
        serial_hmac_key: the collector's own secret (never on a device): a
            device's serial identity is HMAC-SHA256 of the digest it sends
            with this key (docs/collector.md, "Device identity"). Empty: no
            serial identity.
        max_per_user: devices one user may report; the events of a further
            device are rejected (``too-many-devices``).
        flag_per_user: a user reporting more devices than this is flagged
            (``user_flagged`` in the API, a count on the dashboard).
    """

    serial_hmac_key: str = ""
    max_per_user: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 20
    flag_per_user: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 3


class LogConfig(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """``[log]``: JSON lines on stderr.

    Attributes:
        level: the lowest level written.
    """

    level: Literal["debug", "info", "warning", "error"] = "info"


S = TypeVar("S", bound=msgspec.Struct)


class Config(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The whole configuration.

    Attributes:
        server, storage, auth, log: the sections.
        dev: ``serve --dev``: unsigned tokens accepted, loopback only.
        extensions: sections added by :func:`register_section`, typed.
        source: the configuration file read, or "" (for messages).
    """

    server: ServerConfig = ServerConfig()
    storage: StorageConfig = StorageConfig()
    auth: AuthConfig = AuthConfig()
    devices: DevicesConfig = DevicesConfig()
    log: LogConfig = LogConfig()
    dev: bool = False
    extensions: dict[str, Any] = {}
    source: str = ""

    def section(self, name: str, kind: type[S]) -> S:
        """An extension section, as registered (its defaults when not set).

        Raises:
            KeyError: no section of that name was registered.
        """
        value = self.extensions.get(name)
        if value is None:
            if name not in _EXTENSIONS:
                raise KeyError(name)
            value = _EXTENSIONS[name]()
        if not isinstance(value, kind):
            raise TypeError(f"section {name} is a {type(value).__name__}")
        return value


_SECTIONS: Final[dict[str, type[msgspec.Struct]]] = {
    "server": ServerConfig,
    "storage": StorageConfig,
    "auth": AuthConfig,
    "devices": DevicesConfig,
    "log": LogConfig,
}
_EXTENSIONS: dict[str, type[msgspec.Struct]] = {}


def register_section(name: str, kind: type[msgspec.Struct]) -> None:
    """Add a ``[name]`` section (call at import time of the module that uses it).

    The Struct should be ``kw_only=True, frozen=True, forbid_unknown_fields=True``
    with a default for every field; its keys get environment variables like the
    built-in ones (``INTUNE_COLLECTOR_<NAME>_<KEY>``).

    Raises:
        ValueError: the name is taken or not a lower-case word.
    """
    if not re.fullmatch(r"[a-z][a-z0-9]*", name):
        raise ValueError(f"section name {name!r}: expected a lower-case word")
    if name in _SECTIONS or name in _RESERVED:
        raise ValueError(f"section name {name!r} is built in")
    existing = _EXTENSIONS.get(name)
    if existing is not None and existing is not kind:
        raise ValueError(f"section {name!r} is already registered")
    _EXTENSIONS[name] = kind


# Optional modules built on the core (the dashboard, its expected-devices list,
# the Logs Ingestion forward): imported when present so that they can register
# their configuration sections, migrations, routes and commands.
PLUGIN_MODULES: Final = (
    "collector.dashboard",
    "collector.expected",
    "collector.forward",
    "collector.release",
    "collector.graph",
)


def load_plugins() -> list[ModuleType]:
    """Import the optional modules of :data:`PLUGIN_MODULES` that exist.

    Returns:
        The modules found (a missing one is skipped; a broken one raises).
    """
    found = []
    for name in PLUGIN_MODULES:
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def _all_sections() -> dict[str, type[msgspec.Struct]]:
    return {**_SECTIONS, **_EXTENSIONS}


# --- messages -------------------------------------------------------------------


def _show(value: object) -> str:
    if isinstance(value, str):
        text = value if len(value) <= 80 else value[:77] + "..."
        return '"' + text.encode("unicode_escape").decode("ascii") + '"'
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def display_url(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages and logs)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def _got(key: str, value: object) -> str:
    if key == "storage.url" and isinstance(value, str):
        return f", got {_show(display_url(value))}"
    return f", got {_show(value)}"


def _fail(where: str, key: str, expected: str) -> ConfigError:
    text = f"{where}: {key}: {expected}" if key else f"{where}: {expected}"
    return ConfigError("".join(c if c.isprintable() else "?" for c in text))


_TYPE_WORDS: Final = {
    "str": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "object": "a table",
    "array": "a list",
    "null": "nothing",
}


def _expected(message: str, *, say_got: bool = True) -> str:
    """msgspec's ``Expected `int`, got `str``` → ``expected an integer, got ...``."""
    if message.startswith("Expected `") and "`, got `" in message:
        wanted, _, got = message.removeprefix("Expected `").partition("`, got `")
        got = got.removesuffix("`")
        wanted_words = " or ".join(
            _TYPE_WORDS.get(w.strip(), w.strip()) for w in wanted.split("|")
        )
        if not say_got:
            return f"expected {wanted_words}"
        return f"expected {wanted_words}, got {_TYPE_WORDS.get(got, got)}"
    return f"expected a valid value ({message[:1].lower()}{message[1:]})"


def _translate(exc: msgspec.ValidationError, where: str, section: str) -> ConfigError:
    """msgspec's ``Expected `int`, got `str` - at `$.port``` → our one line."""
    message, sep, path = str(exc).partition(" - at `$")
    key = path.removesuffix("`").removeprefix(".") if sep else ""
    full = f"{section}.{key}" if key else section
    prefix = "Object contains unknown field `"
    if message.startswith(prefix):
        name = message.removeprefix(prefix).removesuffix("`")
        return _fail(where, f"{full}.{name}", _unknown(section, name))
    return _fail(where, full, _expected(message))


def _unknown(section: str, name: str) -> str:
    kind = _all_sections().get(section)
    known = list(kind.__struct_fields__) if kind is not None else []
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown key{hint}; expected one of: {', '.join(known)}"


# --- reading the layers ---------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(where, "", f"cannot be read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            where, "", f"expected UTF-8 text, byte {exc.start} is not"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(where, "", f"not valid TOML ({exc})") from None


def _check_file_layer(data: dict[str, Any], where: str) -> dict[str, dict[str, Any]]:
    """Each section of the file validated on its own (strict types)."""
    sections = _all_sections()
    out: dict[str, dict[str, Any]] = {}
    for name, value in data.items():
        if name in _RESERVED:
            hint = "use serve --dev" if name == "dev" else "not a configuration key"
            raise _fail(where, name, f"cannot be set in a file ({hint})")
        kind = sections.get(name)
        if kind is None:
            close = difflib.get_close_matches(name, list(sections), n=1, cutoff=0.6)
            hint = f" (did you mean [{close[0]}]?)" if close else ""
            raise _fail(
                where,
                name,
                f"unknown section{hint}; expected one of: {', '.join(sections)}",
            )
        if not isinstance(value, dict):
            raise _fail(where, name, f"expected a [{name}] table, got {_show(value)}")
        try:
            msgspec.convert(value, kind, strict=True)
        except msgspec.ValidationError as exc:
            raise _translate(exc, where, name) from None
        out[name] = dict(value)
    return out


def _field_type(kind: type[msgspec.Struct], name: str) -> Any:
    import typing

    return typing.get_type_hints(kind, include_extras=True)[name]


def _is_sequence(tp: Any) -> bool:
    if get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return get_origin(tp) in (tuple, list)


def _env_layer(environ: Mapping[str, str]) -> dict[str, dict[str, tuple[str, Any]]]:
    """``INTUNE_COLLECTOR_*`` variables → {section: {key: (variable, value)}}."""
    sections = _all_sections()
    names = {
        f"{ENV_PREFIX}{section.upper()}_{field.upper()}": (section, field)
        for section, kind in sections.items()
        for field in kind.__struct_fields__
    }
    out: dict[str, dict[str, tuple[str, Any]]] = {}
    for variable in sorted(environ):
        if not variable.startswith(ENV_PREFIX) or variable == ENV_CONFIG:
            continue
        target = names.get(variable)
        if target is None:
            close = difflib.get_close_matches(variable, list(names), n=1, cutoff=0.8)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise _fail(
                "environment",
                variable,
                f"unknown variable{hint}; see docs/collector.md for the list",
            )
        section, field = target
        raw = environ[variable]
        tp = _field_type(sections[section], field)
        value: Any = raw
        if _is_sequence(tp):
            value = [part.strip() for part in raw.split(",") if part.strip()]
        try:
            # strict=False: environment values are strings ("8443" → 8443,
            # "true" → True), converted with the field's own constraints.
            converted = msgspec.convert(value, tp, strict=False)
        except msgspec.ValidationError as exc:
            message = str(exc).partition(" - at `$")[0]
            key = f"{section}.{field}"
            raise _fail(
                "environment",
                variable,
                # Every variable is a string: say which one, not its type.
                _expected(message, say_got=False) + _got(key, raw),
            ) from None
        out.setdefault(section, {})[field] = (variable, converted)
    return out


def config_file(
    explicit: str | os.PathLike[str] | None, environ: Mapping[str, str]
) -> Path | None:
    """The configuration file to read: the explicit one, ``$INTUNE_COLLECTOR_CONFIG``,
    or the default one when it exists; None when there is none."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit)
    from_env = environ.get(ENV_CONFIG, "")
    if from_env:
        return Path(from_env)
    return DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.is_file() else None


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    dev: bool = False,
    serving: bool = True,
) -> Config:
    """Read, merge and check the configuration.

    Args:
        path: the TOML file (see :func:`config_file` for the default).
        environ: the environment (default ``os.environ``).
        overrides: command-line values, ``{"server": {"port": 9000}}``; they win.
        dev: ``serve --dev``.
        serving: the configuration serves requests, so ``[auth]`` must name
            tenants, audiences and client ids; False for ``init-db`` and
            ``purge``, which only need the storage.

    Returns:
        The checked configuration.

    Raises:
        ConfigError: one line naming the file or variable, the key, and what was
            expected.
    """
    load_plugins()
    env = os.environ if environ is None else environ
    file = config_file(path, env)
    merged: dict[str, dict[str, Any]] = {}
    sources: dict[str, str] = {}
    base: Path | None = None
    if file is not None:
        if not file.is_file():
            raise _fail(str(file), "", "no such configuration file")
        base = file.resolve().parent
        for section, values in _check_file_layer(_read_toml(file), str(file)).items():
            merged[section] = dict(values)
            for key in values:
                sources[f"{section}.{key}"] = str(file)
    for section, values in _env_layer(env).items():
        for key, (variable, value) in values.items():
            merged.setdefault(section, {})[key] = value
            sources[f"{section}.{key}"] = f"environment {variable}"
    for section, given in (overrides or {}).items():
        for key, value in given.items():
            merged.setdefault(section, {})[key] = value
            sources[f"{section}.{key}"] = "command line"
    built: dict[str, Any] = {}
    extensions: dict[str, Any] = {}
    for section, kind in _all_sections().items():
        try:
            value = msgspec.convert(merged.get(section, {}), kind, strict=False)
        except msgspec.ValidationError as exc:
            raise _translate(exc, "configuration", section) from None
        if section in _SECTIONS:
            built[section] = value
        else:
            extensions[section] = value
    config = Config(
        **built,
        dev=dev,
        extensions=extensions,
        source=str(file) if file is not None else "",
    )
    checked = _check(config, sources, base, serving=serving)
    # Optional modules (dashboard, expected devices, forward) check their own
    # sections, so a bad value is one line, not a traceback at serve time.
    for module in load_plugins():
        check_plugin = getattr(module, "check_config", None)
        if callable(check_plugin):
            check_plugin(checked)
    return checked


def _where(sources: Mapping[str, str], key: str) -> str:
    return sources.get(key, "default")


def is_loopback(host: str) -> bool:
    """Is ``host`` a loopback address (or ``localhost``)?"""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_url(url: str) -> str | None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return None
    return "expected an https:// URL (http:// only on a loopback address)"


def _check(
    config: Config, sources: Mapping[str, str], base: Path | None, *, serving: bool
) -> Config:
    def fail(key: str, expected: str, value: object = None) -> ConfigError:
        got = "" if value is None else _got(key, value)
        return _fail(_where(sources, key), key, expected + got)

    def resolve(key: str, value: str) -> str:
        # A relative path in the file is relative to the file's folder.
        if value and base is not None and sources.get(key, "").endswith(".toml"):
            expanded = os.path.expanduser(value)
            if not os.path.isabs(expanded):
                return str(base / expanded)
        return value

    server, storage, auth = config.server, config.storage, config.auth
    # "[::1]" is how a URL writes an IPv6 address, but the socket layer wants
    # "::1": without this, the loopback check passed and the bind failed.
    host = server.host.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host:
        raise fail("server.host", "expected an address to bind")
    if config.dev and server.workers != 1:
        # Worker processes rebuild the app from the environment; a dev app must
        # only ever come from this process, which checked the address.
        raise fail(
            "server.workers",
            "expected 1 with --dev (unsigned tokens: one local process)",
            server.workers,
        )
    if config.dev and not is_loopback(host):
        raise fail(
            "server.host",
            "--dev accepts unsigned tokens, so it only binds to a loopback "
            "address (127.0.0.1, ::1 or localhost)",
            server.host,
        )
    tls_cert = resolve("server.tls_cert", server.tls_cert)
    tls_key = resolve("server.tls_key", server.tls_key)
    if bool(tls_cert) != bool(tls_key):
        missing = "server.tls_key" if tls_cert else "server.tls_cert"
        raise fail(missing, "expected a PEM file: tls_cert and tls_key go together")
    for key, value in (("server.tls_cert", tls_cert), ("server.tls_key", tls_key)):
        if value and not os.path.isfile(value):
            raise fail(key, "expected a readable PEM file", value)
    url = storage.url
    scheme = url.partition(":")[0].lower()
    if scheme == "sqlite":
        if not url.startswith("sqlite:///") or len(url) <= len("sqlite:///"):
            raise fail("storage.url", "expected sqlite:///path/to/file.sqlite3", url)
        path = url[len("sqlite:///") :]
        if path == ":memory:":
            raise fail("storage.url", "expected a file (WAL needs one)", url)
        if server.workers != 1:
            raise fail(
                "server.workers",
                "expected 1 with SQLite (one writer); use PostgreSQL for more",
                server.workers,
            )
        resolved = resolve("storage.url", path)
        if resolved != path:
            url = "sqlite:///" + resolved
    elif scheme not in ("postgresql", "postgres"):
        raise fail(
            "storage.url",
            "expected sqlite:///path or postgresql://user@host/dbname",
            url,
        )
    for tenant in auth.tenants:
        if not _GUID.fullmatch(tenant):
            raise fail("auth.tenants", "expected tenant ids (GUIDs)", tenant)
    for client in (*auth.report_client_ids, *auth.read_client_ids):
        if not _GUID.fullmatch(client):
            key = (
                "auth.report_client_ids"
                if client in auth.report_client_ids
                else "auth.read_client_ids"
            )
            raise fail(key, "expected client ids (GUIDs)", client)
    tenants, audiences, clients = (
        auth.tenants,
        auth.audiences,
        auth.report_client_ids,
    )
    if config.dev:
        # Local trials: the values dev-token uses, unless the file names some.
        tenants = tenants or (DEV_TENANT,)
        audiences = audiences or (DEV_AUDIENCE,)
        clients = clients or (DEV_CLIENT,)
    for key, values in (
        ("auth.tenants", tenants),
        ("auth.audiences", audiences),
        ("auth.report_client_ids", clients),
        ("auth.issuers", auth.issuers),
    ):
        if not values and (serving or key == "auth.issuers"):
            raise fail(key, "expected at least one value (or serve --dev)")
    for issuer in auth.issuers:
        problem = _check_url(issuer.replace("{tid}", DEV_TENANT))
        if problem is not None:
            raise fail("auth.issuers", problem, issuer)
    problem = _check_url(auth.jwks_url)
    if problem is not None:
        raise fail("auth.jwks_url", problem, auth.jwks_url)
    jwks_ca = resolve("auth.jwks_ca_file", auth.jwks_ca_file)
    if jwks_ca and not os.path.isfile(jwks_ca):
        raise fail("auth.jwks_ca_file", "expected a readable PEM file", jwks_ca)
    key = config.devices.serial_hmac_key
    devices = config.devices
    if config.dev and not key:
        devices = msgspec.structs.replace(devices, serial_hmac_key=DEV_SERIAL_KEY)
    if key and (len(key) < 32 or any(c.isspace() for c in key)):
        raise fail(
            "devices.serial_hmac_key",
            "expected a secret of at least 32 characters without spaces",
        )
    for key, value in (
        ("auth.report_scope", auth.report_scope),
        ("auth.read_role", auth.read_role),
    ):
        if not value or " " in value:
            raise fail(key, "expected one scope or role name, without spaces", value)
    return msgspec.structs.replace(
        config,
        server=msgspec.structs.replace(
            server, host=host, tls_cert=tls_cert, tls_key=tls_key
        ),
        storage=msgspec.structs.replace(storage, url=url),
        devices=devices,
        auth=msgspec.structs.replace(
            auth,
            tenants=tenants,
            audiences=audiences,
            report_client_ids=clients,
            jwks_ca_file=jwks_ca,
        ),
    )


__all__ = [
    "DEV_AUDIENCE",
    "DEV_CLIENT",
    "DEV_SERIAL_KEY",
    "DEV_TENANT",
    "ENV_CONFIG",
    "ENV_PREFIX",
    "AuthConfig",
    "Config",
    "ConfigError",
    "DevicesConfig",
    "LogConfig",
    "ServerConfig",
    "StorageConfig",
    "config_file",
    "display_url",
    "is_loopback",
    "load_config",
    "load_plugins",
    "register_section",
]
