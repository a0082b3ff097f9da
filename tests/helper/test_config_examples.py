# SPDX-License-Identifier: MIT
"""Every example configuration IT copies works: resources/config.example.toml
and the helper configurations in the docs load with the real loader, and
each URL the helper builds from them is a route the collector's contract
(resources/openapi/collector-v1.json) declares. The example once sent every
report to ``/api/v1/reports/api/v1/events`` and asked Entra for a token of
the helper itself."""

from __future__ import annotations

import json
import re
import tomllib
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from collector.config import AuthConfig
from helper.config import Config, resolve
from helper.config.model import DEFAULT_DISCOVERY_URL, is_guid
from helper.report.delivery import EVENTS_PATH
from helper.report.dev_token import DEV_TOKEN_PATH
from tests.conftest import REPO

EXAMPLE = REPO / "resources" / "config.example.toml"
OPENAPI = json.loads(
    (REPO / "resources" / "openapi" / "collector-v1.json").read_text("utf-8")
)
DOCS = [*sorted((REPO / "docs").glob("*.md")), REPO / "README.md"]
_TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)
_HELPER_SECTIONS = {"organization", "tenant", "enrollment", "migration", "reporting"}


def operations() -> dict[str, set[str]]:
    """Path → methods the contract declares."""
    return {
        path: {m.upper() for m in item if m in ("get", "post", "put", "delete")}
        for path, item in OPENAPI["paths"].items()
    }


def check_reporting(config: Config, where: str) -> None:
    """The URLs and scope the helper derives from a configuration."""
    reporting = config.reporting
    url = reporting.collector_url
    assert url, where
    parts = urllib.parse.urlsplit(url)
    assert parts.scheme in ("https", "http") and parts.hostname, where
    routes = operations()
    for path, method in ((EVENTS_PATH, "POST"), (DEV_TOKEN_PATH, "POST")):
        built = urllib.parse.urlsplit(url.rstrip("/") + path).path
        prefix = parts.path.rstrip("/")
        assert built.removeprefix(prefix) in routes, (where, built)
        assert method in routes[built.removeprefix(prefix)], (where, built)
    if reporting.dev_unsigned_tokens:
        return  # no Entra: no scope, no tenant needed
    scope = reporting.api_scope
    match = re.fullmatch(r"api://([^/]+)/(.+)", scope)
    assert match is not None, (where, scope)
    api, permission = match.groups()
    assert is_guid(api), (where, scope)
    assert api.lower() != config.tenant.client_id.lower(), where
    # The permission the collector checks by default (auth.report_scope).
    assert permission == AuthConfig().report_scope, (where, scope)
    assert is_guid(config.tenant.tenant_id) and is_guid(config.tenant.client_id)


def test_the_example_configuration_works() -> None:
    resolved = resolve(EXAMPLE, bundled=None, policy=None)
    config = resolved.config
    check_reporting(config, str(EXAMPLE))
    assert config.reporting.collector_url == "https://collector.contoso.example"
    assert config.enrollment.discovery_url == DEFAULT_DISCOVERY_URL
    for url in (config.privacy_notice_url, config.organization.support_url):
        assert urllib.parse.urlsplit(url).scheme == "https", url
    assert config.tenant.serial_hmac_key == ""  # no key on devices


def doc_configs() -> list[tuple[str, str]]:
    """(where, TOML) of every helper configuration in the docs."""
    found = []
    for path in DOCS:
        text = path.read_text("utf-8")
        for number, block in enumerate(_TOML_BLOCK.findall(text)):
            try:
                data: dict[str, Any] = tomllib.loads(block)
            except tomllib.TOMLDecodeError:
                continue
            if "reporting" in data and set(data) <= _HELPER_SECTIONS | {
                "privacy_notice_url"
            }:
                found.append((f"{path.name} block {number}", block))
    return found


def test_the_docs_have_helper_examples() -> None:
    assert len(doc_configs()) >= 2  # the production one and the trial one


@pytest.mark.parametrize(("where", "block"), doc_configs())
def test_each_doc_example_loads_and_points_at_real_routes(
    tmp_path: Path, where: str, block: str
) -> None:
    path = tmp_path / "config.toml"
    # Placeholders a reader replaces: GUID-shaped, so the loader checks the rest.
    path.write_text(
        block.replace("<tenant id>", "11111111-2222-3333-4444-555555555555")
        .replace("<helper client id>", "66666666-7777-8888-9999-000000000000")
        .replace("<collector API client id>", "c0ffee00-aaaa-bbbb-cccc-0123456789ab"),
        encoding="utf-8",
    )
    config = resolve(path, bundled=None, policy=None).config
    check_reporting(config, where)


def test_the_collector_paths_the_docs_name_exist() -> None:
    """Every ``/api/v1/...`` and ``/dashboard...`` path written in the docs is
    in the contract (a renamed route leaves no stale instruction behind)."""
    routes = operations()
    templates = [
        re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$") for p in routes
    ]
    for path in DOCS:
        text = path.read_text("utf-8")
        for found in re.findall(
            r"(?<![\w/.])(/api/v1(?:/[a-z][a-z.-]*[a-z])+"
            r"|/dashboard(?:/[a-z][a-z.-]*[a-z])*)",
            text,
        ):
            # "/dashboard/csv/{table}" reads as /dashboard/csv here: a prefix.
            known = any(t.match(found) for t in templates) or any(
                r.startswith(found + "/") for r in routes
            )
            assert known, (path.name, found)


@pytest.mark.parametrize(
    "where",
    [
        REPO / "docs" / "admin-guide.md",
        REPO / "installers" / "macos" / "com.intunemigrationhelper.helper.mobileconfig",
        REPO / "installers" / "macos" / "com.intunemigrationhelper.helper.plist",
    ],
    ids=lambda p: p.name,
)
def test_deployed_collector_urls_are_base_urls(where: Path) -> None:
    text = where.read_text("utf-8")
    urls = re.findall(r"https?://collector[^\s<\"^]*", text)
    assert urls, where
    for url in urls:
        assert "/api/" not in url, (where.name, url)
