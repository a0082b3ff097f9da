# SPDX-License-Identifier: MIT
"""Which keyring backends are accepted, and how keyring failures surface.

The real Secret Service is exercised in test_auth_keyring.py; here the backends
are keyring's own fail/null/chainer objects and two doubles from conftest.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import InitError, KeyringLocked

from helper.auth.secret_store import (
    KEY_BYTES,
    SERVICE,
    KeyringSecretStore,
    SecretStoreUnavailable,
    is_os_store,
    resolve_backend,
)
from tests.helper.auth.conftest import (
    DictSecretService,
    PlaintextKeyring,
    new_backend,
    unregistered,
)


@unregistered
class FixedChainer(chainer.ChainerBackend):
    """A chainer over a given list (the real one asks keyring's detection)."""

    def __init__(self, backends: list[KeyringBackend]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._chained = backends

    @property
    def backends(self) -> list[KeyringBackend]:
        return self._chained


def test_os_stores_are_recognised_by_class_name() -> None:
    assert is_os_store(DictSecretService())
    assert not is_os_store(PlaintextKeyring())
    assert not is_os_store(new_backend(fail.Keyring))
    assert not is_os_store(new_backend(null.Keyring))


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (
            new_backend(fail.Keyring),
            "keyring.backends.fail.Keyring is not an OS keyring",
        ),
        (
            new_backend(null.Keyring),
            "keyring.backends.null.Keyring is not an OS keyring",
        ),
        (PlaintextKeyring(), "keyrings.alt.file.PlaintextKeyring is not an OS keyring"),
        (FixedChainer([]), "no OS keyring among the chained keyring backends (none)"),
        (
            FixedChainer([PlaintextKeyring()]),
            "chained keyring backends (keyrings.alt.file.PlaintextKeyring)",
        ),
    ],
    ids=["fail", "null", "plaintext", "empty-chainer", "plaintext-chainer"],
)
def test_unusable_backends_are_refused(backend: KeyringBackend, reason: str) -> None:
    with pytest.raises(SecretStoreUnavailable) as caught:
        resolve_backend(backend)
    assert reason in caught.value.reason


def test_chainer_is_unwrapped_to_its_os_store() -> None:
    store = DictSecretService()
    # Whatever the order, the plaintext one is never used, not even for reads.
    chain = FixedChainer([PlaintextKeyring(), store])
    assert resolve_backend(chain) is store


def test_keyring_choice_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    monkeypatch.setattr(keyring, "get_keyring", PlaintextKeyring)
    with pytest.raises(SecretStoreUnavailable, match="PlaintextKeyring"):
        KeyringSecretStore().get_key("k")


def test_create_get_delete_round_trip() -> None:
    backend = DictSecretService()
    store = KeyringSecretStore(backend)

    assert store.get_key("k") is None
    key = store.create_key("k")

    assert len(key) == KEY_BYTES
    assert store.get_key("k") == key
    text = backend.items[(SERVICE, "k")]
    assert base64.urlsafe_b64decode(text) == key and len(text) < 100  # tiny
    assert store.create_key("k") != key  # random each time
    store.delete_key("k")
    store.delete_key("k")  # absent: fine
    assert backend.items == {}


def test_malformed_entry_is_ignored(caplog: pytest.LogCaptureFixture) -> None:
    backend = DictSecretService()
    backend.items[(SERVICE, "k")] = "not a key"
    assert KeyringSecretStore(backend).get_key("k") is None
    assert "not a valid key" in caplog.text and "not a key" not in caplog.text


def test_backend_that_keeps_nothing_is_refused() -> None:
    @unregistered
    class Forgetful(DictSecretService):
        def set_password(self, service: str, username: str, password: str) -> None:
            pass

    with pytest.raises(SecretStoreUnavailable, match="did not keep the key"):
        KeyringSecretStore(Forgetful()).create_key("k")


@pytest.mark.parametrize(
    "error",
    [
        KeyringLocked("Failed to unlock the collection!"),
        InitError("Failed to create the collection: Prompt dismissed."),
        ConnectionRefusedError(111, "D-Bus gone"),
    ],
    ids=["locked", "dismissed", "dbus-gone"],
)
def test_backend_errors_become_unavailable(
    error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    store = KeyringSecretStore(DictSecretService(fail_with=error))
    caplog.set_level(logging.DEBUG)
    calls: list[Callable[[], object]] = [
        lambda: store.get_key("k"),
        lambda: store.create_key("k"),
        lambda: store.delete_key("k"),
    ]
    for call in calls:
        with pytest.raises(SecretStoreUnavailable) as caught:
            call()
        assert type(error).__name__ in caught.value.reason
        assert str(error) not in caught.value.reason  # messages are not logged
