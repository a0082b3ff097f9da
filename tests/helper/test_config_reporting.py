# SPDX-License-Identifier: MIT
"""The reporting keys IT gets wrong, refused with one line: the collector's
base URL, the API's own scope, and the trial-only ``dev_unsigned_tokens``
(a user's file, a loopback collector, nowhere else)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helper.config import resolve
from helper.config.model import loopback_url
from helper.config.policy import TomlPolicy
from helper.errors import ConfigError

HELPER = "66666666-7777-8888-9999-000000000000"
API = "c0ffee00-aaaa-bbbb-cccc-0123456789ab"


def _toml(url: str, *, dev: bool | None = None, scope: str = "") -> str:
    lines = [
        "[tenant]",
        'tenant_id = "11111111-2222-3333-4444-555555555555"',
        f'client_id = "{HELPER}"',
        "[reporting]",
        "enabled = true",
        f'collector_url = "{url}"',
        f'api_scope = "{scope or f"api://{API}/Migration.Report"}"',
    ]
    if dev is not None:
        lines.append(f"dev_unsigned_tokens = {str(dev).lower()}")
    return "\n".join(lines) + "\n"


def _file(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path | None, **kwargs: object) -> str:
    kwargs.setdefault("bundled", None)
    kwargs.setdefault("policy", None)
    with pytest.raises(ConfigError) as info:
        resolve(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message, message
    return message


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://[::1]:8765",
        "http://localhost:9",
        "https://127.0.0.2",
    ],
)
def test_dev_tokens_in_a_user_file_with_a_loopback_collector(
    tmp_path: Path, url: str
) -> None:
    config = resolve(
        _file(tmp_path, _toml(url, dev=True)), bundled=None, policy=None
    ).config
    assert config.reporting.dev_unsigned_tokens is True
    assert loopback_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://collector.contoso.example",
        "https://10.0.0.5",
        "https://127.0.0.1.nip.io",
    ],
)
def test_dev_tokens_are_refused_anywhere_else(tmp_path: Path, url: str) -> None:
    message = _error(_file(tmp_path, _toml(url, dev=True)))
    assert "reporting.dev_unsigned_tokens" in message
    assert "loopback" in message and url in message


def test_dev_tokens_never_come_from_it(tmp_path: Path) -> None:
    url = "http://127.0.0.1:8765"
    bundled = tmp_path / "bundle"
    bundled.mkdir()
    _file(bundled, _toml(url, dev=True))
    message = _error(None, bundled=bundled)
    assert "development key" in message and "bundled" in message
    policy = TomlPolicy(_file(tmp_path, _toml(url, dev=True), "policy.toml"))
    message = _error(None, policy=policy)
    assert "development key" in message and "policy.toml" in message
    # Not even "false": the key does not exist for IT's layers.
    off = TomlPolicy(_file(tmp_path, _toml(url, dev=False), "off.toml"))
    assert "development key" in _error(None, policy=off)


@pytest.mark.parametrize(
    "url",
    [
        "https://collector.contoso.example/api/v1/reports",
        "https://collector.contoso.example/api/v1",
        "https://collector.contoso.example/api/v1/events",
        "https://collector.contoso.example/?x=1",
    ],
)
def test_the_collector_url_is_the_base_url(tmp_path: Path, url: str) -> None:
    message = _error(_file(tmp_path, _toml(url)))
    assert "reporting.collector_url" in message


def test_a_path_prefix_is_fine(tmp_path: Path) -> None:
    url = "https://gateway.contoso.example/migration-collector"
    config = resolve(_file(tmp_path, _toml(url)), bundled=None, policy=None).config
    assert config.reporting.collector_url == url


@pytest.mark.parametrize(
    ("scope", "words"),
    [
        (f"api://{HELPER}/.default", "not the helper's own client id"),
        (f"api://{HELPER.upper()}/Migration.Report", "not the helper's own client id"),
        ("Migration.Report", "api://<API application id>/Migration.Report"),
    ],
)
def test_the_api_scope_is_the_collector_apis(
    tmp_path: Path, scope: str, words: str
) -> None:
    message = _error(_file(tmp_path, _toml("https://c.example", scope=scope)))
    assert "reporting.api_scope" in message and words in message
