# SPDX-License-Identifier: MIT
"""Reading the layers and merging them: defaults < user < bundled < policy.

Later layers win, key by key: sections merge deeply, lists (the waves) are
replaced whole. Every layer is validated on its own first, so an error names the
layer's file; the app never runs on a half-read configuration.
"""

from __future__ import annotations

import datetime
import ntpath
import os
import sys
from pathlib import Path
from typing import Any, Final

from helper.config.keys import DEV_KEYS, KEYS
from helper.config.layers import (
    Layer,
    check_layer,
    exists,
    fail,
    merge,
    read_toml,
)
from helper.config.model import Config, loopback_url
from helper.config.policy import POLICY, PolicySource, platform_policy
from helper.config.validate import build
from helper.errors import ConfigError

CONFIG_FILE: Final = "config.toml"
DEFAULT: Final = "default"
USER: Final = "user"
BUNDLED: Final = "bundled"


class _Auto:
    """Type of :data:`AUTO`: "find it the usual way"."""

    def __repr__(self) -> str:
        return "AUTO"


AUTO: Final = _Auto()


class Resolved:
    """The merged configuration and where each key came from.

    Attributes:
        config: the merged, validated configuration.
        layers: the layers read, lowest first (the defaults are not listed).
        sources: every leaf key (:func:`config_keys`) → name of the layer that set
            it: ``default``, ``user``, ``bundled`` or ``policy``.
    """

    __slots__ = ("config", "layers", "sources")

    def __init__(
        self, config: Config, layers: list[Layer], sources: dict[str, str]
    ) -> None:
        self.config = config
        self.layers = layers
        self.sources = sources

    def origin(self, key: str) -> str:
        """Where a key's value came from, for helpdesk: ``policy: <file or key>``."""
        name = self.sources[key]
        for layer in reversed(self.layers):
            if layer.name == name:
                return f"{name}: {layer.where(key)}"
        return name


SNAPSHOT_FILE: Final = "policy-snapshot.json"


def _snapshot_path() -> Path:
    from helper import paths

    return paths.data_dir() / SNAPSHOT_FILE


def _save_policy(layer: Layer) -> None:
    """Keep a copy of the validated managed policy (see :func:`_saved_policy`).

    Written only when it changed; a failure only costs the fallback.
    """
    import json  # only with a managed policy

    doc = {"origin": layer.origin, "data": layer.data}
    try:
        raw = json.dumps(
            doc, default=_iso_date, ensure_ascii=False, separators=(",", ":")
        ).encode()
        path = _snapshot_path()
        if exists(path) and path.read_bytes() == raw:
            return
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        from helper.private import write_private

        write_private(tmp, raw)
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        return


def _iso_date(value: object) -> str:
    """JSON for the dates of waves (read back by :func:`_saved_policy`)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _saved_policy() -> Layer | None:
    """The last managed policy seen on this device, when none is present now.

    A copy that cannot be read or no longer validates is ignored: it is the
    helper's own file, never a reason to stop.
    """
    path = _snapshot_path()
    try:
        raw = path.read_bytes()
    except OSError:
        return None  # the usual case: no policy was ever seen here
    import json  # only once there is a copy to read

    try:
        doc = json.loads(raw)
        data = doc["data"]
        origin = str(doc["origin"])
        if not isinstance(data, dict):
            return None
        # Its paths were checked absolute for the policy's own OS when saved.
        layer = Layer(
            POLICY,
            f"saved copy of {origin} ({path})",
            data,
            isabs=lambda p: os.path.isabs(p) or ntpath.isabs(p),
        )
        check_layer(layer)
    except (OSError, KeyError, TypeError, ValueError, RecursionError, ConfigError):
        # ValueError covers JSON that does not parse (JSONDecodeError); waves'
        # dates are YYYY-MM-DD strings there, which the layer check accepts.
        return None
    return layer


def bundled_dir() -> Path | None:
    """The folder of the frozen executable (the installer's config), else None."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def user_file() -> Path:
    """The user layer file: ``config.toml`` in the user config folder."""
    from helper import paths

    return paths.config_dir() / CONFIG_FILE


def resolve(
    path: Path | None = None,
    *,
    bundled: Path | _Auto | None = AUTO,
    policy: PolicySource | _Auto | None = AUTO,
) -> Resolved:
    """Read, check and merge every layer.

    Args:
        path: ``--config FILE``: replaces the user file, and must exist.
        bundled: folder holding the installer's ``config.toml``; AUTO = the
            executable's folder when frozen, else none; None = no bundled layer.
        policy: the managed policy reader; AUTO = the one for this OS
            (:func:`platform_policy`); None = no policy layer.

    Raises:
        ConfigError: ``config-not-found`` when ``path`` does not exist;
            ``config-invalid`` when a layer is invalid (the message names the file
            or registry key, the key path and what was expected).
    """
    layers: list[Layer] = []
    if path is not None:
        if not exists(path):
            raise ConfigError(
                "config-not-found",
                f"{path}: the file given with --config does not exist",
            )
        layers.append(read_toml(path, USER))
    else:
        default_user = user_file()
        if exists(default_user):
            layers.append(read_toml(default_user, USER))
    folder = bundled_dir() if isinstance(bundled, _Auto) else bundled
    if folder is not None and exists(folder / CONFIG_FILE):
        layers.append(read_toml(folder / CONFIG_FILE, BUNDLED))
    source = platform_policy() if isinstance(policy, _Auto) else policy
    managed = source.read() if source is not None else None
    saved = None
    if source is not None and managed is None:
        # The old EMM may have delivered the policy (a registry CSP, a managed
        # preferences profile): leaving it removes the policy mid-migration,
        # exactly when the join step needs the tenant and collector settings.
        saved = _saved_policy()
    for layer in (managed, saved):
        if layer is not None:
            layers.append(layer)

    for layer in layers:
        check_layer(layer)
    if managed is not None:
        _save_policy(managed)
    if not layers:
        return Resolved(Config(), [], dict.fromkeys(KEYS, DEFAULT))

    merged: dict[str, Any] = {}
    for layer in layers:
        merge(merged, layer.data)
    config = build(merged)  # every layer was checked, so the merge is valid
    sources = {key: _setter(layers, key) for key in KEYS}
    _check_merged(config, layers, sources)
    return Resolved(config, layers, sources)


def _setter(layers: list[Layer], key: str) -> str:
    for layer in reversed(layers):
        if layer.has(key):
            return layer.name
    return DEFAULT


# Keys that decide what the helper launches (an extra folder brings playbooks
# and allowlist additions): IT's alone. A user's file could otherwise make a
# signed, trusted helper show an elevation prompt for whatever it names.
POLICY_ONLY_KEYS: Final = ("catalogue.extra_dir",)


def _named(layers: list[Layer], name: str) -> Layer:
    """The last layer called ``name`` (the one whose value won)."""
    return next(la for la in reversed(layers) if la.name == name)


def _check_merged(config: Config, layers: list[Layer], sources: dict[str, str]) -> None:
    """Checks that span layers; blamed on the layer that turned the feature on."""
    for key in POLICY_ONLY_KEYS:
        section, _, name = key.partition(".")
        if sources[key] == USER and getattr(getattr(config, section), name):
            raise fail(
                _named(layers, USER),
                key,
                "only IT's managed policy or the configuration bundled with the "
                "helper may set it (its folder adds what the helper launches); "
                "remove it from this file",
            )
    wave = config.migration.wave
    if wave and wave not in {w.id for w in config.migration.waves}:
        known = ", ".join(w.id for w in config.migration.waves) or "none"
        raise fail(
            _named(layers, sources["migration.wave"]),
            "migration.wave",
            f"expected the id of a wave in migration.waves ({known}), got {wave!r}",
        )
    for key in DEV_KEYS:
        for layer in layers:
            if layer.name != USER and layer.has(key):
                raise fail(
                    layer,
                    key,
                    "a development key: only a user's config.toml (or --config "
                    "FILE) on a trial machine may set it, never a managed policy "
                    "or the configuration bundled with the helper",
                )
    if config.words:
        _check_words(config, layers)
    reporting = config.reporting
    if reporting.dev_unsigned_tokens and not loopback_url(reporting.collector_url):
        layer = next(
            la for la in reversed(layers) if la.has("reporting.dev_unsigned_tokens")
        )
        raise fail(
            layer,
            "reporting.dev_unsigned_tokens",
            "expected only with a loopback reporting.collector_url (the "
            "http://127.0.0.1:PORT that `intune-migration-collector serve --dev` "
            f"prints): unsigned tokens never leave this machine, got "
            f"{reporting.collector_url!r}",
        )
    scope_app = reporting.api_scope.removeprefix("api://").partition("/")[0]
    client = config.tenant.client_id
    if client and scope_app.lower() == client.lower():
        raise fail(
            _named(layers, sources["reporting.api_scope"]),
            "reporting.api_scope",
            "expected the collector API's application ID URI "
            "(api://<collector API client id>/Migration.Report), not the "
            "helper's own client id (tenant.client_id)",
        )
    if config.reporting.enabled and not config.reporting.collector_url:
        raise fail(
            _named(layers, sources["reporting.enabled"]),
            "reporting.collector_url",
            "expected an https:// URL: reporting.enabled is true but no layer sets "
            "the collector URL",
        )


def _check_words(config: Config, layers: list[Layer]) -> None:
    """IT's words name keys that exist and keep their placeholders; an error
    names the layer whose text won. IT's extra folder's playbooks count."""
    from helper.config.validate import words_path
    from helper.config.words import WordsError, check_keys, checkable

    known = checkable(config.catalogue.extra_dir)
    by_language: dict[str, dict[str, str]] = {}
    for lang, key, text in config.words:
        by_language.setdefault(lang, {})[key] = text
    for lang, table in by_language.items():
        try:
            check_keys(table, known)
        except WordsError as exc:
            layer = next(
                la
                for la in reversed(layers)
                if exc.key in la.data.get("words", {}).get(lang, {})
            )
            raise fail(layer, words_path(f"{lang}.{exc.key}"), exc.expected) from None


def load_config(
    path: Path | None = None,
    *,
    bundled: Path | _Auto | None = AUTO,
    policy: PolicySource | _Auto | None = AUTO,
) -> Config:
    """The merged configuration (see :func:`resolve` for the arguments).

    Raises:
        ConfigError: see :func:`resolve`.
    """
    return resolve(path, bundled=bundled, policy=policy).config


def explain(
    path: Path | None = None,
    *,
    bundled: Path | _Auto | None = AUTO,
    policy: PolicySource | _Auto | None = AUTO,
) -> dict[str, str]:
    """Which layer set each key: ``{"tenant.tenant_id": "policy", ...}``.

    Every key of :func:`config_keys` is present; ``default`` means no layer set it.
    """
    return resolve(path, bundled=bundled, policy=policy).sources
