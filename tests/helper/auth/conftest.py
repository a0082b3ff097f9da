# SPDX-License-Identifier: MIT
"""Fixtures for sign-in and token cache tests.

- ``tls``: a trustme CA and a ``localhost``/``127.0.0.1`` certificate, once per run.
- ``authority``: a :class:`~tests.helper.fake_authority.FakeAuthority` per test.
- ``http_client``: the product's client (:func:`helper.report.http.make_http_client`)
  trusting only the test CA, as msal's ``http_client``. The CA environment
  variables (ci-recipes §2) are removed so nothing can lean on them.
- ``memory_store``: a dict-backed secret store, where the keyring itself is not
  under test; the real Secret Service comes from ``secret_service``.
- ``make_provider``: builds providers the way the application does; one call
  per simulated start.
"""

from __future__ import annotations

import ssl
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx
import pytest
import trustme
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from helper.auth.secret_store import SecretStore
from helper.auth.signin import MsalTokenProvider
from helper.auth.token_cache import EncryptedTokenCache
from tests.helper.fake_authority import FakeAuthority, FakeBrowser

# Fixtures shared with other folders live in tests/helper/keyring_session.py;
# importing them here makes them visible to this folder only.
from tests.helper.keyring_session import (  # noqa: F401
    secret_service,
    secret_service_session,
)

CLIENT_ID = "11111111-2222-3333-4444-555555555555"
SCOPE = "api://66666666-7777-8888-9999-000000000000/Migration.Report"


@dataclass(frozen=True)
class Tls:
    """Server and client TLS contexts for the test CA."""

    server: ssl.SSLContext
    client: ssl.SSLContext


@pytest.fixture(scope="session")
def tls() -> Tls:
    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(server)
    # Only the test CA: not the system store, not SSL_CERT_FILE.
    client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ca.configure_trust(client)
    return Tls(server=server, client=client)


@pytest.fixture
def authority(tls: Tls, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAuthority]:
    # requests (msal's default stack) would obey these instead of verify=; our
    # client must not need them, so make sure they are not there (ci-recipes §2).
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    with FakeAuthority(tls.server) as fake:
        yield fake


@pytest.fixture
def http_client(tls: Tls) -> Iterator[httpx.Client]:
    from helper.report.http import make_http_client

    with make_http_client(verify=tls.client, timeout=10.0) as client:
        yield client


class MemorySecretStore:
    """A keyring stand-in: keys in a dict (same protocol as the real store)."""

    def __init__(self) -> None:
        self.keys: dict[str, bytes] = {}

    def get_key(self, name: str) -> bytes | None:
        return self.keys.get(name)

    def create_key(self, name: str) -> bytes:
        import secrets

        self.keys[name] = secrets.token_bytes(32)
        return self.keys[name]

    def delete_key(self, name: str) -> None:
        self.keys.pop(name, None)


class PlaintextKeyring(KeyringBackend):
    """Looks like keyrings.alt's PlaintextKeyring (which must never be used)."""

    __module__ = "keyrings.alt.file"
    priority = 0.5

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.written: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.written.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.written.pop((service, username), None)


class DictSecretService(SecretService.Keyring):
    """A Secret Service backend without D-Bus: what resolve_backend accepts, with
    a dict behind it and failures on demand."""

    def __init__(self, fail_with: Exception | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}
        self.fail_with = fail_with

    def _check(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        self._check()
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")


_Class = TypeVar("_Class", bound=type)
_Backend = TypeVar("_Backend", bound=KeyringBackend)


def unregistered(cls: _Class) -> _Class:
    """Keep a backend double out of keyring's detection for the rest of the run.

    keyring registers every backend class when it is defined, and
    ``keyring.get_keyring()`` would otherwise consider it (a Secret Service
    double is even "viable" while a test bus is up).
    """
    KeyringBackend._classes.discard(cls)
    return cls


def new_backend(cls: type[_Backend]) -> _Backend:
    """An instance of a keyring backend.

    keyring's constructors are untyped; called through a typed class object they
    do not need an ignore at every call site.
    """
    return cls()


unregistered(PlaintextKeyring)
unregistered(DictSecretService)


@pytest.fixture
def memory_store() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def cache_path(helper_home: Path) -> Path:
    from helper.auth.token_cache import default_cache_path

    return default_cache_path()


class MakeProvider(Protocol):
    def __call__(
        self,
        *,
        store: SecretStore | None = None,
        device_code_fallback: bool = True,
        **kwargs: Any,
    ) -> MsalTokenProvider: ...


@pytest.fixture
def make_provider(
    authority: FakeAuthority,
    http_client: httpx.Client,
    memory_store: MemorySecretStore,
    cache_path: Path,
) -> MakeProvider:
    """A new provider and a new cache object over the same file: a restart."""

    def make(
        *,
        store: SecretStore | None = None,
        device_code_fallback: bool = True,
        **kwargs: Any,
    ) -> MsalTokenProvider:
        cache = EncryptedTokenCache(
            cache_path, secret_store=store if store is not None else memory_store
        )
        # Another client (a proxy, another trust store) may replace the usual.
        client = kwargs.pop("http_client", http_client)
        return MsalTokenProvider(
            client_id=CLIENT_ID,
            authority=authority.authority,
            scopes=[SCOPE],
            http_client=client,
            cache=cache,
            device_code_fallback=device_code_fallback,
            instance_discovery=False,
            **kwargs,
        )

    return make


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A machine without a browser; a test fails if anything tries to open one."""
    attempts: list[str] = []

    def get(using: str | None = None) -> Any:
        raise webbrowser.Error("could not locate runnable browser")

    def open_(url: str, new: int = 0, autoraise: bool = True) -> bool:
        attempts.append(url)
        return False

    monkeypatch.setattr(webbrowser, "get", get)
    monkeypatch.setattr(webbrowser, "open", open_)
    return attempts


@pytest.fixture
def browser(tls: Tls, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBrowser]:
    """The user's browser, signing in at the fake authority."""
    fake = FakeBrowser(tls.client)
    monkeypatch.setattr(webbrowser, "get", fake.get)
    monkeypatch.setattr(webbrowser, "open", fake.open)
    yield fake
    fake.join()
