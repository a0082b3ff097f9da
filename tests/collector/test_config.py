# SPDX-License-Identifier: MIT
"""Configuration: TOML file, INTUNE_COLLECTOR_* variables, one-line errors."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from collector import config as config_module
from collector.config import (
    DEV_TENANT,
    ConfigError,
    display_url,
    load_config,
    register_section,
)

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
CLIENT = "66666666-7777-8888-9999-000000000000"
MINIMAL_AUTH = f"""
[auth]
tenants = ["{TENANT}"]
audiences = ["api://collector"]
report_client_ids = ["{CLIENT}"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str, **kwargs: object) -> str:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path, environ=kwargs.pop("environ", {}), **kwargs)  # type: ignore[arg-type]
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_file_then_environment_then_command_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MINIMAL_AUTH
        + """
        [server]
        port = 9000
        max_inflight = 10
        [storage]
        url = "sqlite:///data/collector.sqlite3"
        retention_days = 90
        """,
    )
    env = {
        "INTUNE_COLLECTOR_SERVER_PORT": "9100",
        "INTUNE_COLLECTOR_AUTH_TENANTS": f"{TENANT}, {DEV_TENANT}",
        "INTUNE_COLLECTOR_STORAGE_SQLITE_SYNCHRONOUS": "normal",
    }
    config = load_config(path, environ=env, overrides={"server": {"host": "::1"}})
    assert config.server.port == 9100
    assert config.server.max_inflight == 10
    assert config.server.host == "::1"
    assert config.auth.tenants == (TENANT, DEV_TENANT)
    assert config.storage.retention_days == 90
    assert config.storage.sqlite_synchronous == "normal"
    # Relative paths in a file are relative to the file's folder.
    assert config.storage.url == f"sqlite:///{tmp_path / 'data/collector.sqlite3'}"
    assert config.source == str(path)


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL_AUTH)
    config = load_config(environ={"INTUNE_COLLECTOR_CONFIG": str(path)})
    assert config.auth.tenants == (TENANT,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[server]\nport = 'https'",
            "config.toml: server.port: expected an integer, got a string",
        ),
        (
            "[server]\nport = 70000",
            "server.port: expected a valid value (expected `int` <= 65535)",
        ),
        ("[server]\nprot = 1", "server.prot: unknown key (did you mean port?)"),
        ("[sever]\nport = 1", "sever: unknown section (did you mean [server]?)"),
        ("server = 1", "server: expected a [server] table"),
        ("dev = true", "dev: cannot be set in a file (use serve --dev)"),
        ("[server\nport = 1", "config.toml: not valid TOML"),
        ("[auth]\ntenants = 'abc'", "auth.tenants: expected a list, got a string"),
        (
            "[auth]\ntenants = ['contoso.com']",
            'auth.tenants: expected tenant ids (GUIDs), got "contoso.com"',
        ),
        (
            "[auth]\njwks_url = 'http://login.example/keys'",
            "auth.jwks_url: expected an https:// URL",
        ),
        (
            "[storage]\nurl = 'mysql://db/x'",
            "storage.url: expected sqlite:///path or postgresql://",
        ),
        ("[storage]\nurl = 'sqlite:///:memory:'", "storage.url: expected a file"),
        ("[server]\nworkers = 4", "server.workers: expected 1 with SQLite"),
        ("[server]\ntls_cert = 'cert.pem'", "server.tls_key: expected a PEM file"),
        ("[auth]\nreport_scope = 'a b'", "auth.report_scope: expected one scope"),
    ],
)
def test_file_errors_are_one_line(tmp_path: Path, text: str, expected: str) -> None:
    # serving=False: these files name no tenant, which would be reported first.
    assert expected in error_of(tmp_path, text, serving=False)


def test_environment_errors_name_the_variable(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL_AUTH)
    with pytest.raises(ConfigError) as bad_int:
        load_config(path, environ={"INTUNE_COLLECTOR_SERVER_PORT": "abc"})
    assert str(bad_int.value) == (
        'environment: INTUNE_COLLECTOR_SERVER_PORT: expected an integer, got "abc"'
    )
    with pytest.raises(ConfigError) as typo:
        load_config(path, environ={"INTUNE_COLLECTOR_SERVER_PROT": "1"})
    assert "did you mean INTUNE_COLLECTOR_SERVER_PORT?" in str(typo.value)
    with pytest.raises(ConfigError) as dev:
        load_config(path, environ={"INTUNE_COLLECTOR_DEV": "true"})
    assert "unknown variable" in str(dev.value)


def test_serving_needs_auth_but_admin_commands_do_not(tmp_path: Path) -> None:
    path = write(tmp_path, "[storage]\nretention_days = 30\n")
    with pytest.raises(ConfigError) as missing:
        load_config(path, environ={})
    assert str(missing.value) == (
        "default: auth.tenants: expected at least one value (or serve --dev)"
    )
    assert load_config(path, environ={}, serving=False).storage.retention_days == 30


def test_dev_mode_is_loopback_only(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    config = load_config(path, environ={}, dev=True)
    assert config.dev
    assert config.auth.tenants == (DEV_TENANT,)
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        load_config(path, environ={}, dev=True, overrides={"server": {"host": host}})
    for host in ("0.0.0.0", "::", "192.168.1.10", "collector.example.com"):
        with pytest.raises(ConfigError) as refused:
            load_config(
                path, environ={}, dev=True, overrides={"server": {"host": host}}
            )
        assert "loopback" in str(refused.value)
        assert str(refused.value).startswith("command line: server.host:")


def test_passwords_never_appear(tmp_path: Path) -> None:
    url = "postgresql://collector:s3cret@db.example:5432/collector"
    assert display_url(url) == "postgresql://collector:***@db.example:5432/collector"
    message = error_of(
        tmp_path, f"[storage]\nurl = '{url.replace('postgresql', 'mysql')}'"
    )
    assert "s3cret" not in message


def test_tls_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "cert.pem").write_text("x")
    (tmp_path / "key.pem").write_text("x")
    path = write(
        tmp_path,
        MINIMAL_AUTH + "[server]\ntls_cert = 'cert.pem'\ntls_key = 'key.pem'\n",
    )
    config = load_config(path, environ={})
    assert config.server.tls_cert == str(tmp_path / "cert.pem")
    (tmp_path / "key.pem").unlink()
    with pytest.raises(ConfigError, match=r"server\.tls_key: expected a readable PEM"):
        load_config(path, environ={})


class ForwardConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    enabled: bool = False
    stream: str = "Custom-MigrationStatus"


@pytest.fixture
def forward_section() -> Iterator[None]:
    register_section("testforward", ForwardConfig)
    yield
    del config_module._EXTENSIONS["testforward"]


def test_other_modules_add_sections(tmp_path: Path, forward_section: None) -> None:
    path = write(tmp_path, MINIMAL_AUTH + "[testforward]\nenabled = true\n")
    config = load_config(
        path, environ={"INTUNE_COLLECTOR_TESTFORWARD_STREAM": "Custom-Other"}
    )
    forward = config.section("testforward", ForwardConfig)
    assert forward == ForwardConfig(enabled=True, stream="Custom-Other")
    message = error_of(tmp_path, MINIMAL_AUTH + "[testforward]\nenable = true\n")
    assert "testforward.enable: unknown key (did you mean enabled?)" in message
    with pytest.raises(ValueError, match="built in"):
        register_section("server", ForwardConfig)
