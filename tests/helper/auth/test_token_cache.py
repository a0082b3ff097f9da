# SPDX-License-Identifier: MIT
"""The encrypted token cache: format, atomic writes, bad files, no keyring."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from helper.auth.secret_store import KeyringSecretStore
from helper.auth.token_cache import (
    KEY_NAME,
    CacheFileError,
    EncryptedTokenCache,
    decrypt,
    encrypt,
)
from helper.report.token import SignInNeeded
from tests.helper.auth.conftest import (
    MakeProvider,
    MemorySecretStore,
    PlaintextKeyring,
    new_backend,
)
from tests.helper.fake_authority import FakeAuthority

KEY = bytes(range(32))
STATE = b'{"AccessToken": {}, "RefreshToken": {"k": {"secret": "1.AXkA-rt"}}}'


def _b64(data: dict[str, Any]) -> str:
    import base64

    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _event() -> dict[str, Any]:
    """A token response as msal adds it to the cache (no network needed)."""
    claims = {"sub": "s", "preferred_username": "a@b", "oid": "o", "tid": "t"}
    id_token = f"{_b64({'alg': 'none'})}.{_b64(claims)}."
    return {
        "client_id": "c",
        "scope": ["api://x/Migration.Report"],
        "token_endpoint": "https://localhost/t/oauth2/v2.0/token",
        "response": {
            "access_token": "at-secret-value",
            "refresh_token": "1.AXkA-refresh-secret",
            "id_token": id_token,
            "client_info": _b64({"uid": "u", "utid": "t"}),
            "expires_in": 3600,
            "token_type": "Bearer",
        },
        "data": {},
    }


def _filled(cache: EncryptedTokenCache) -> None:
    cache.msal_cache().add(_event())


# -- the format ------------------------------------------------------------------


def test_round_trip_and_fresh_nonce_per_write() -> None:
    one, two = encrypt(KEY, STATE), encrypt(KEY, STATE)
    assert one != two  # random 96-bit nonce each time
    assert decrypt(KEY, one) == decrypt(KEY, two) == STATE
    assert b"1.AXkA-rt" not in one


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda b: b[:-1], "does not decrypt"),  # truncated tag
        (lambda b: b[:20], "truncated"),
        (lambda b: b[:-5] + bytes([b[-5] ^ 1]) + b[-4:], "does not decrypt"),
        (lambda b: b"IMHTC\x00\x02\n" + b[8:], "not a token cache file"),  # version
        (lambda b: b"{}", "not a token cache file"),
    ],
)
def test_damaged_blobs_are_refused(mangle: Any, reason: str) -> None:
    with pytest.raises(CacheFileError, match=reason):
        decrypt(KEY, mangle(encrypt(KEY, STATE)))


def test_wrong_key_is_refused() -> None:
    with pytest.raises(CacheFileError, match="does not decrypt"):
        decrypt(bytes(32), encrypt(KEY, STATE))


def test_associated_data_binds_the_purpose() -> None:
    """The same key and nonce sealing for another purpose does not open here."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    blob = encrypt(KEY, STATE)
    nonce = blob[8:20]
    other = blob[:20] + AESGCM(KEY).encrypt(nonce, STATE, b"outbox")
    with pytest.raises(CacheFileError):
        decrypt(KEY, other)


# -- the file --------------------------------------------------------------------


def test_saved_file_is_encrypted_private_and_reloads(
    cache_path: Path, memory_store: MemorySecretStore
) -> None:
    cache = EncryptedTokenCache(cache_path, secret_store=memory_store)
    _filled(cache)
    cache.save()

    blob = cache_path.read_bytes()
    assert b"1.AXkA-refresh-secret" not in blob and b"at-secret-value" not in blob
    with pytest.raises(UnicodeDecodeError):
        json.loads(blob.decode("utf-8"))
    if sys.platform != "win32":
        assert stat.S_IMODE(cache_path.stat().st_mode) == 0o600
    assert list(cache_path.parent.glob("*.tmp")) == []
    assert set(memory_store.keys) == {KEY_NAME}

    reloaded = EncryptedTokenCache(cache_path, secret_store=memory_store)
    assert reloaded.msal_cache().serialize() == cache.msal_cache().serialize()
    assert reloaded.persistent


def test_nothing_is_written_or_created_before_a_change(
    cache_path: Path, memory_store: MemorySecretStore
) -> None:
    cache = EncryptedTokenCache(cache_path, secret_store=memory_store)
    cache.save()
    assert not cache_path.exists()
    assert memory_store.keys == {}  # no key in the keyring until there is data


BAD_FILES: dict[str, Any] = {
    "garbage": lambda path, store: path.write_bytes(b"\x00garbage"),
    "truncated": lambda path, store: path.write_bytes(path.read_bytes()[:30]),
    "tampered": lambda path, store: path.write_bytes(
        path.read_bytes()[:-1] + bytes([path.read_bytes()[-1] ^ 0x80])
    ),
    "plaintext json": lambda path, store: path.write_text('{"RefreshToken": {}}'),
    "other key": lambda path, store: store.keys.update({KEY_NAME: bytes(32)}),
    "key gone": lambda path, store: store.keys.clear(),
    "not a cache": lambda path, store: path.write_bytes(
        encrypt(store.keys[KEY_NAME], b"[1, 2, 3]")
    ),
    "not utf-8": lambda path, store: path.write_bytes(
        encrypt(store.keys[KEY_NAME], b"\xff\xfe")
    ),
}


@pytest.mark.parametrize("damage", sorted(BAD_FILES))
def test_unusable_file_is_discarded_with_a_log_line(
    damage: str,
    cache_path: Path,
    memory_store: MemorySecretStore,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache = EncryptedTokenCache(cache_path, secret_store=memory_store)
    _filled(cache)
    cache.save()
    BAD_FILES[damage](cache_path, memory_store)

    reloaded = EncryptedTokenCache(cache_path, secret_store=memory_store)
    accounts = list(reloaded.msal_cache().search("Account"))

    assert accounts == []
    assert not cache_path.exists()
    lines = [r for r in caplog.records if "discarded" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.WARNING
    # And the cache works again afterwards.
    _filled(reloaded)
    reloaded.save()
    assert EncryptedTokenCache(cache_path, secret_store=memory_store).msal_cache()


def test_failed_write_keeps_the_old_file_and_retries(
    cache_path: Path,
    memory_store: MemorySecretStore,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache = EncryptedTokenCache(cache_path, secret_store=memory_store)
    cache.save()
    _filled(cache)
    cache.save()
    old = cache_path.read_bytes()
    cache.msal_cache().add(_event())  # changed again

    def disk_full(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", disk_full)
        cache.save()  # never raises

    assert cache_path.read_bytes() == old
    assert list(cache_path.parent.glob("*.tmp")) == []
    assert "token cache not saved: OSError" in caplog.text
    cache.save()  # the change is still pending and goes out now
    assert cache_path.read_bytes() != old


def test_clear_removes_file_key_and_memory(
    cache_path: Path, memory_store: MemorySecretStore
) -> None:
    cache = EncryptedTokenCache(cache_path, secret_store=memory_store)
    msal_cache = cache.msal_cache()
    _filled(cache)
    cache.save()

    cache.clear()

    assert cache.msal_cache() is msal_cache  # msal keeps a reference to it
    assert list(msal_cache.search("Account")) == []
    assert not cache_path.exists() and memory_store.keys == {}


# -- no usable keyring: memory only, never plaintext -----------------------------


def _files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("backend", "why"),
    [
        (
            new_backend(fail.Keyring),
            "keyring.backends.fail.Keyring is not an OS keyring",
        ),
        (PlaintextKeyring(), "keyrings.alt.file.PlaintextKeyring is not an OS keyring"),
    ],
    ids=["fail", "plaintext"],
)
def test_no_usable_keyring_signs_in_memory_only(
    *,
    backend: KeyringBackend,
    why: str,
    make_provider: MakeProvider,
    authority: FakeAuthority,
    helper_home: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    provider = make_provider(store=KeyringSecretStore(backend))
    codes: list[Any] = []

    provider.sign_in(interactive=False, device_code_callback=codes.append)
    token = provider.get_token()

    assert token and provider.last_token_source == "cache"
    assert not provider.cache.persistent
    # Nothing on disk holds a token: no cache file, no plaintext keyring file.
    for path in _files_under(helper_home):
        data = path.read_bytes()
        assert not any(s.encode() in data for s in authority.secrets), path
    assert not provider.cache.path.exists()
    if isinstance(backend, PlaintextKeyring):
        assert backend.written == {}
    # One line says why, and it holds no secret.
    lines = [r.getMessage() for r in caplog.records if "memory only" in r.getMessage()]
    assert len(lines) == 1 and why in lines[0]
    assert not any(s in lines[0] for s in authority.secrets)

    # The next start: signed out, as promised.
    with pytest.raises(SignInNeeded):
        make_provider(store=KeyringSecretStore(backend)).get_token()


def test_persistence_can_be_turned_off(
    cache_path: Path, memory_store: MemorySecretStore, caplog: pytest.LogCaptureFixture
) -> None:
    cache = EncryptedTokenCache(cache_path, secret_store=memory_store, persist=False)
    _filled(cache)
    cache.save()
    cache.clear()
    assert not cache_path.exists() and memory_store.keys == {}
    assert not cache.persistent
    assert "memory only" not in caplog.text  # a choice, not a problem


# -- two helper processes on one cache -------------------------------------------


def test_a_second_instance_sees_saves_and_sign_out(
    cache_path: Path, memory_store: MemorySecretStore
) -> None:
    one = EncryptedTokenCache(cache_path, secret_store=memory_store)
    two = EncryptedTokenCache(cache_path, secret_store=memory_store)
    assert list(two.msal_cache().search("Account")) == []

    _filled(one)
    one.save()
    assert len(list(two.msal_cache().search("Account"))) == 1

    one.clear()  # sign-out in the other process: file and key gone
    assert list(two.msal_cache().search("Account")) == []


def test_rotated_refresh_token_is_picked_up_by_the_other_instance(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    """The fake authority accepts a refresh token once (rotation): the second
    process must use the token the first one saved, not its stale copy."""
    gui = make_provider()
    gui.sign_in(interactive=False, device_code_callback=lambda code: None)
    background = make_provider()
    background.get_token()

    gui.get_token(force_refresh=True)  # rotates the refresh token
    background.get_token(force_refresh=True)  # would be invalid_grant if stale

    assert authority.token_grants()[-2:] == ["refresh_token", "refresh_token"]


def test_sign_out_in_one_process_signs_out_the_other(
    make_provider: MakeProvider,
) -> None:
    gui = make_provider()
    gui.sign_in(interactive=False, device_code_callback=lambda code: None)
    background = make_provider()
    assert background.get_token()

    gui.sign_out()

    with pytest.raises(SignInNeeded):
        background.get_token()
