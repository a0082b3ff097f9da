# SPDX-License-Identifier: MIT
"""The Qt-free half of ``--self-test``: is everything the helper needs there?

A frozen bundle or an installed package can miss a file or a module that no
test of the source tree would notice (a resource left out of the spec, a module
imported by name only, a shared library the build machine had). The self-test
loads what the window loads at run time, through the same code paths:

- the resources (vendors, playbooks, scenarios, schemas, OpenAPI contract,
  compiled translations, icons, allowlist) through :func:`resource_path`;
- IT's configuration, every layer (a broken policy fails the self-test too);
- the catalogue, the playbooks and their allowlist;
- detection on the first capture of every simulated device, which must give the
  verdict the scenario expects;
- the modules loaded lazily after the first paint (msal, httpx, keyring,
  truststore, cryptography, sqlite3), and a TLS context on the OS trust store.

The Qt half (translators, first page) is ``ui/selftest.py``. Each check returns
a short fact for the summary line, or raises :class:`SelfTestError` (or any
error) whose message becomes the single line printed on failure.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from helper.languages import SHIPPED, TRANSLATED
from helper.resources import resource_path, resources_root

if TYPE_CHECKING:
    from helper.catalogue import Catalogue
    from helper.config.model import Config

# Files and folders the bundle must carry under resources/.
REQUIRED_RESOURCES: Final = (
    "vendors",
    "playbooks",
    "scenarios",
    "schemas",
    "openapi",
    "translations",
    "icons",
    "allowlist.toml",
)
LANGUAGES: Final = SHIPPED
# Loaded on first use, after the first paint (sign-in, reports, token cache).
LAZY_MODULES: Final = (
    "msal",
    "httpx",
    "keyring",
    "truststore",
    "cryptography.hazmat.primitives.ciphers.aead",
    "sqlite3",
    "segno",  # the QR codes of the "another device" dialog
    "helper.auth.signin",
    "helper.auth.token_cache",
    "helper.report.delivery",
    "helper.report.outbox",
)


class SelfTestError(Exception):
    """A self-test check failed; the message is the one line to print."""


@dataclass
class SelfTestState:
    """What the checks found, shared with the Qt half.

    Attributes:
        config: IT's merged configuration (after :func:`check_config`).
        catalogue: the vendor catalogue (after :func:`check_catalogue`).
        facts: ``name → short fact`` for the summary line, in check order.
    """

    config: Config | None = None
    catalogue: Catalogue | None = None
    facts: dict[str, str] = field(default_factory=dict)


Check = Callable[[SelfTestState], str]


def check_resources(state: SelfTestState) -> str:
    """Every resource folder and file is there; the JSON ones parse."""
    root = resources_root()
    missing = [name for name in REQUIRED_RESOURCES if not resource_path(name).exists()]
    if missing:
        raise SelfTestError(f"missing in {root}: {', '.join(missing)}")
    for lang in LANGUAGES:
        qm = resource_path("translations", f"helper_{lang}.qm")
        if not qm.is_file() or qm.stat().st_size == 0:
            raise SelfTestError(f"{qm}: compiled translation missing or empty")
        playbooks = resource_path("translations", "playbooks", lang)
        if lang in TRANSLATED and not any(playbooks.glob("*/*.toml")):
            # Without them the window speaks the language, its steps English.
            raise SelfTestError(f"{playbooks}: playbook translations missing")
    documents = sorted(resource_path("schemas").glob("*.json"))
    documents += sorted(resource_path("openapi").glob("*.json"))
    if not documents:
        raise SelfTestError(f"{root}: no JSON schema nor OpenAPI contract")
    for path in documents:
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SelfTestError(f"{path}: {exc}") from None
    return f"resources in {root}"


def check_config(state: SelfTestState, config_path: Path | None = None) -> str:
    """IT's configuration loads (user, bundled and policy layers)."""
    from helper.config import resolve

    resolved = resolve(config_path)
    state.config = resolved.config
    layers = ", ".join(layer.name for layer in resolved.layers) or "defaults only"
    return f"configuration ({layers})"


def _extra_dir(state: SelfTestState) -> Path | None:
    from helper.migration import extra_dir

    return extra_dir(state.config) if state.config is not None else None


def check_catalogue(state: SelfTestState) -> str:
    """The vendor catalogue loads (built-in and IT's extra folder)."""
    from helper.catalogue import load_catalogue

    state.catalogue = load_catalogue(_extra_dir(state), use_cache=False)
    count = len(state.catalogue.vendors)
    if count == 0:
        raise SelfTestError(f"{resource_path('vendors')}: no vendor in the catalogue")
    return f"{count} vendors"


def check_playbooks(state: SelfTestState) -> str:
    """Every playbook loads and passes the allowlist."""
    from helper.journey.playbooks import load_playbooks

    playbooks = load_playbooks(_extra_dir(state))
    count = len(playbooks.keys())
    if count == 0:
        raise SelfTestError(f"{resource_path('playbooks')}: no playbook")
    return f"{count} playbooks"


def check_scenarios(state: SelfTestState) -> str:
    """Detection on each simulated device's first capture gives its verdict."""
    from helper.catalogue import load_catalogue
    from helper.detect.engine import detect
    from helper.journey.scenarios import list_scenarios, load_scenario

    catalogue = state.catalogue or load_catalogue(use_cache=False)
    names = list_scenarios()
    if not names:
        raise SelfTestError(f"{resource_path('scenarios')}: no simulated device")
    for name in names:
        scenario = load_scenario(name)
        first = scenario.spec.captures[0]
        verdict = detect(scenario.capture(first.id), catalogue).verdict
        if str(verdict) != str(first.verdict):
            raise SelfTestError(
                f"scenario {name}: detection says {verdict}, expected {first.verdict}"
            )
    return f"{len(names)} scenarios detected"


def check_lazy_modules(state: SelfTestState) -> str:
    """The modules loaded after the first paint import; TLS uses the OS store."""
    for name in LAZY_MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # ImportError, or a missing shared library
            raise SelfTestError(f"cannot import {name}: {exc}") from None
    import ssl

    import truststore

    truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return "sign-in and reporting modules"


def checks(config_path: Path | None = None) -> list[tuple[str, Check]]:
    """The Qt-free checks, in order (later ones use what earlier ones loaded)."""
    return [
        ("resources", check_resources),
        ("configuration", lambda state: check_config(state, config_path)),
        ("catalogue", check_catalogue),
        ("playbooks", check_playbooks),
        ("scenarios", check_scenarios),
        ("modules", check_lazy_modules),
    ]


def run_checks(
    state: SelfTestState | None = None, config_path: Path | None = None
) -> SelfTestState:
    """Run every Qt-free check.

    Args:
        state: where to record the results (a new one if None).
        config_path: ``--config FILE``, as for the window.

    Returns:
        The state, with the configuration, the catalogue and one fact per check.

    Raises:
        SelfTestError: the first check that failed, named in the message.
    """
    state = state if state is not None else SelfTestState()
    for name, check in checks(config_path):
        try:
            state.facts[name] = check(state)
        except SelfTestError as exc:
            raise SelfTestError(f"{name}: {exc}") from None
        except Exception as exc:
            message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
            raise SelfTestError(f"{name}: {message}") from None
    return state


def one_line(text: str, limit: int = 300) -> str:
    """The first line of a message, control characters escaped, shortened."""
    first = (text.strip().splitlines() or [""])[0]
    if not first.isprintable():
        first = "".join(c if c.isprintable() else repr(c)[1:-1] for c in first)
    return first if len(first) <= limit else first[: limit - 1] + "…"
