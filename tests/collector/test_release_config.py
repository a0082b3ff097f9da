# SPDX-License-Identifier: MIT
"""``[release]`` and its secrets from the command line: show-config masks
them, a secrets file others can read is refused, bad URLs are named, and the
kill switch command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from collector.cli import main

KANDJI_TOKEN = "kandji-token-that-must-never-print-0123"
WEBHOOK_SECRET = "webhook-secret-that-must-never-print-0123"
KEY = "serial-hmac-key-that-must-never-print-0123"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith(("INTUNE_COLLECTOR_", "INTUNE_RELEASE_")):
            monkeypatch.delenv(name)
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    monkeypatch.setenv(
        "INTUNE_COLLECTOR_STORAGE_URL", f"sqlite:///{tmp_path}/c.sqlite3"
    )
    monkeypatch.setenv("INTUNE_COLLECTOR_DEVICES_SERIAL_HMAC_KEY", KEY)
    return tmp_path


def write_config(folder: Path, extra: str = "", *, secrets_file: str = "") -> Path:
    config = folder / "config.toml"
    secrets = f'secrets_file = "{secrets_file}"\n' if secrets_file else ""
    config.write_text(
        "[release]\nenabled = true\n" + secrets + extra + "\n"
        "[[release.connectors]]\n"
        'vendor = "kandji"\nkind = "kandji"\n'
        'base_url = "https://acme.api.kandji.io"\n'
        "[[release.connectors]]\n"
        'vendor = "mosyle"\nkind = "webhook"\n'
        'base_url = "https://runbooks.example.com/release?code=abc123"\n'
    )
    return config


def private_secrets(folder: Path, mode: int = 0o600) -> Path:
    path = folder / "release-secrets.toml"
    path.write_text(f'webhook_secret = "{WEBHOOK_SECRET}"\n')
    path.chmod(mode)
    return path


def test_show_config_says_where_secrets_come_from_never_their_values(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    credentials = folder / "credentials"
    credentials.mkdir()
    (credentials / "kandji_token").write_text(KANDJI_TOKEN + "\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    config = write_config(folder, secrets_file=str(private_secrets(folder)))
    assert main(["--config", str(config), "show-config"]) == 0
    out = capsys.readouterr().out
    for secret in (KANDJI_TOKEN, WEBHOOK_SECRET, KEY, "abc123"):
        assert secret not in out
    data = json.loads(out)
    assert data["devices"]["serial_hmac_key"] == "***"
    kandji, hook = data["extensions"]["release"]["connectors"]
    assert kandji["secrets"] == {"kandji_token": "credential kandji_token"}
    assert hook["secrets"] == {"webhook_secret": "secrets file"}
    assert hook["base_url"] == "https://runbooks.example.com/release?***"


def test_the_environment_wins_and_is_named(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTUNE_RELEASE_KANDJI_TOKEN", KANDJI_TOKEN)
    monkeypatch.setenv("INTUNE_RELEASE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    assert main(["--config", str(write_config(folder)), "show-config"]) == 0
    out = capsys.readouterr().out
    assert KANDJI_TOKEN not in out
    kandji = json.loads(out)["extensions"]["release"]["connectors"][0]
    assert kandji["secrets"] == {
        "kandji_token": "environment INTUNE_RELEASE_KANDJI_TOKEN"
    }


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_secrets_file_others_can_read_is_refused_with_the_fix(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTUNE_RELEASE_KANDJI_TOKEN", KANDJI_TOKEN)
    secrets = private_secrets(folder, 0o644)
    config = write_config(folder, secrets_file=str(secrets))
    assert main(["--config", str(config), "show-config"]) == 2
    err = capsys.readouterr().err
    assert "readable by others (mode 0644)" in err
    assert "chmod 600" in err
    assert WEBHOOK_SECRET not in err
    assert "Traceback" not in err


def test_a_missing_secret_is_named(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(write_config(folder)), "show-config"]) == 2
    err = capsys.readouterr().err
    assert "missing secret kandji_token" in err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://runbooks.example.com/hook", "http:// only on a loopback address"),
        ("https://me:pw@runbooks.example.com/", "no user name or password"),
    ],
)
def test_a_webhook_url_beyond_https_is_refused(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    url: str,
    message: str,
) -> None:
    monkeypatch.setenv("INTUNE_RELEASE_KANDJI_TOKEN", KANDJI_TOKEN)
    monkeypatch.setenv("INTUNE_RELEASE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    config = write_config(folder)
    config.write_text(
        config.read_text().replace(
            "https://runbooks.example.com/release?code=abc123", url
        )
    )
    assert main(["--config", str(config), "show-config"]) == 2
    err = capsys.readouterr().err
    assert "release.connectors[1].base_url" in err
    assert message in err


def test_the_approver_role_must_differ_from_the_readers(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTUNE_RELEASE_KANDJI_TOKEN", KANDJI_TOKEN)
    monkeypatch.setenv("INTUNE_RELEASE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    config = write_config(folder, 'approver_role = "Migration.Read"')
    assert main(["--config", str(config), "show-config"]) == 2
    assert "readers must not approve" in capsys.readouterr().err


def test_an_unknown_identity_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTUNE_RELEASE_KANDJI_TOKEN", KANDJI_TOKEN)
    monkeypatch.setenv("INTUNE_RELEASE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    config = write_config(folder, 'auto_identities = ["confirmed"]')
    assert main(["--config", str(config), "show-config"]) == 2
    err = capsys.readouterr().err
    assert "release.auto_identities" in err and "'confirmed'" in err


def test_the_kill_switch_command_turns_it_on_and_off(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = folder / "config.toml"
    config.write_text("")
    assert main(["--config", str(config), "init-db"]) == 0
    assert main(["--config", str(config), "release-kill-switch", "on"]) == 0
    assert main(["--config", str(config), "release-kill-switch", "status"]) == 0
    assert main(["--config", str(config), "release-kill-switch", "off"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3:] == [
        "release kill switch: on",
        "release kill switch: on",
        "release kill switch: off",
    ]
