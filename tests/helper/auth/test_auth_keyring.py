# SPDX-License-Identifier: MIT
"""The token cache key in a real Secret Service (gnome-keyring, private D-Bus).

ci-recipes §6, recipe B: the daemons come from tests/helper/keyring_session.py.
The backend is forced to keyring's SecretService one (keyring's own detection
could pick another backend on a developer machine).
"""

from __future__ import annotations

import base64
import gc
import json
import os
from pathlib import Path

import pytest
from keyring.backends import SecretService

from helper.auth.secret_store import SERVICE, KeyringSecretStore
from helper.auth.token_cache import KEY_NAME
from helper.report.token import SignInNeeded
from tests.helper.auth.conftest import MakeProvider, new_backend
from tests.helper.fake_authority import FakeAuthority
from tests.helper.keyring_session import SecretServiceSession, missing_programs


def _store() -> KeyringSecretStore:
    return KeyringSecretStore(new_backend(SecretService.Keyring))


def _sign_in(make_provider: MakeProvider) -> None:
    make_provider(store=_store()).sign_in(
        interactive=False, device_code_callback=lambda code: None
    )


def test_key_in_secret_service_and_cache_file_unreadable(
    secret_service: SecretServiceSession,
    make_provider: MakeProvider,
    authority: FakeAuthority,
    cache_path: Path,
) -> None:
    _sign_in(make_provider)

    # Another client (libsecret's secret-tool) finds the key where we put it.
    stored = secret_service.lookup(SERVICE, KEY_NAME)
    assert stored is not None
    assert len(base64.urlsafe_b64decode(stored)) == 32

    # The file on disk is not JSON and holds no token bytes.
    blob = cache_path.read_bytes()
    with pytest.raises(ValueError):  # UnicodeDecodeError or JSONDecodeError
        json.loads(blob.decode("utf-8"))
    for secret in authority.secrets:
        assert secret.encode() not in blob
    refresh_tokens = authority.live_refresh_tokens
    assert refresh_tokens and not any(rt.encode() in blob for rt in refresh_tokens)

    # A restart reads the key back from the keyring and renews silently.
    restarted = make_provider(store=_store())
    assert restarted.get_token()
    assert restarted.last_token_source == "cache"


def test_sign_out_deletes_the_keyring_entry(
    secret_service: SecretServiceSession,
    make_provider: MakeProvider,
    cache_path: Path,
) -> None:
    _sign_in(make_provider)
    provider = make_provider(store=_store())
    assert secret_service.lookup(SERVICE, KEY_NAME) is not None

    provider.sign_out()

    assert secret_service.lookup(SERVICE, KEY_NAME) is None
    assert not cache_path.exists()
    with pytest.raises(SignInNeeded):
        make_provider(store=_store()).get_token()


def test_locked_collection_keeps_tokens_in_memory(
    make_provider: MakeProvider,
    authority: FakeAuthority,
    cache_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Locked keyring, unlock prompt impossible (dismissed): memory only.

    A session of its own: a locked collection cannot be unlocked again here.
    """
    if missing_programs():
        pytest.skip(f"needs {', '.join(missing_programs())}")
    session = SecretServiceSession()
    session.start()
    try:
        for name, value in session.env().items():
            monkeypatch.setenv(name, value)
        session.lock_collection()

        provider = make_provider(store=_store())
        provider.sign_in(interactive=False, device_code_callback=lambda code: None)

        assert provider.get_token()
        assert not cache_path.exists()
        lines = [m for m in caplog.messages if "memory only" in m]
        assert lines == [
            "token cache kept in memory only, sign-in needed at each start: "
            "keyring backend keyring.backends.SecretService.Keyring failed to "
            "read (KeyringLocked)"
        ]
        # keyring leaves the failed D-Bus connection open; secret_store closes
        # it (a ResourceWarning here would fail the run: filterwarnings=error).
        gc.collect()
    finally:
        session.stop()


def test_session_teardown_leaves_no_process() -> None:
    if missing_programs():
        pytest.skip(f"needs {', '.join(missing_programs())}")
    session = SecretServiceSession()
    session.start()
    pids = session.pids
    assert len(pids) == 2

    session.stop()

    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
