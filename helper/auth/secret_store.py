# SPDX-License-Identifier: MIT
"""Small secrets (encryption keys) in the OS keyring, never anywhere else.

Windows Credential Manager caps a secret at 2,560 bytes (about 1,280 characters
through keyring's UTF-16 encoding), too small for an MSAL token cache. So the
keyring holds only random 256-bit keys, and the data they protect lives in files
(see :mod:`helper.auth.token_cache`). The same store serves any other local key
(the outbox, for example): one entry per ``name`` under the service ``APP_ID``.

Only keyring's own OS-store backends are accepted: Windows Credential Manager,
the macOS Keychain, the Secret Service (gnome-keyring, KeePassXC...) and KWallet.
Everything else is refused, on purpose:

- ``keyring.backends.fail.Keyring`` and ``null.Keyring``: no store at all;
- a chainer with no acceptable backend inside;
- every third-party backend, ``keyrings.alt`` first: its ``PlaintextKeyring`` is
  what keyring silently falls back to outside a desktop session, and it writes
  secrets in clear to ``keyring_pass.cfg``.

When no store is usable, :class:`SecretStoreUnavailable` says why in words that
are safe to log; callers then keep their data in memory only.

keyring costs tens of milliseconds to import and probes D-Bus on first use: it is
imported inside the functions, never at module import.
"""

from __future__ import annotations

import base64
import binascii
import logging
import secrets
from typing import TYPE_CHECKING, Final, Protocol

from helper import APP_ID

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE: Final = APP_ID
KEY_BYTES: Final = 32  # AES-256

# keyring's own backends that keep secrets in an OS store, by qualified class name
# (importing them to compare classes would import platform APIs we do not have).
# A subclass of one of them (a test double, a tweaked scheme) is accepted too.
_OS_STORES: Final = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
    }
)
_CHAINER: Final = "keyring.backends.chainer.ChainerBackend"


class SecretStoreUnavailable(Exception):
    """No usable OS keyring. ``reason`` is one line, safe to log (no secret)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SecretStore(Protocol):
    """Where local encryption keys live. :class:`KeyringSecretStore` in production."""

    def get_key(self, name: str) -> bytes | None:
        """The key stored under ``name``, or ``None`` when there is none.

        Raises:
            SecretStoreUnavailable: the store cannot be used right now.
        """
        ...

    def create_key(self, name: str) -> bytes:
        """Generate a random key, store it under ``name`` and return it.

        Raises:
            SecretStoreUnavailable: the store cannot be used right now.
        """
        ...

    def delete_key(self, name: str) -> None:
        """Forget the key stored under ``name`` (no error when there is none).

        Raises:
            SecretStoreUnavailable: the store cannot be used right now.
        """
        ...


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def is_os_store(backend: object) -> bool:
    """Whether ``backend`` is (a subclass of) one of keyring's OS-store backends."""
    return any(_qualified(cls) in _OS_STORES for cls in type(backend).__mro__)


def _describe(backend: object) -> str:
    return _qualified(type(backend))


def resolve_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The OS-store backend to use: ``backend``, or keyring's choice, unwrapped.

    keyring's default is often a chainer over every viable backend; a chainer
    would also read from (and may write to) a plaintext backend further down its
    list, so the first acceptable backend inside it is used directly instead.

    Args:
        backend: a specific backend (tests force the Secret Service this way);
            ``None`` asks keyring (its config file, ``PYTHON_KEYRING_BACKEND``,
            then detection).

    Returns:
        An OS-store backend.

    Raises:
        SecretStoreUnavailable: the backend is a fail, null or plaintext one,
            or a chainer with no OS store inside.
    """
    if backend is None:
        import keyring

        try:
            backend = keyring.get_keyring()
        except Exception as exc:  # a broken keyringrc or plugin: any type
            raise SecretStoreUnavailable(
                f"keyring could not pick a backend ({type(exc).__name__})"
            ) from exc
    if any(_qualified(cls) == _CHAINER for cls in type(backend).__mro__):
        chained: list[KeyringBackend] = list(getattr(backend, "backends", []))
        for candidate in chained:
            if is_os_store(candidate):
                return candidate
        names = ", ".join(_describe(b) for b in chained) or "none"
        raise SecretStoreUnavailable(
            f"no OS keyring among the chained keyring backends ({names})"
        )
    if not is_os_store(backend):
        raise SecretStoreUnavailable(
            f"keyring backend {_describe(backend)} is not an OS keyring "
            "(no store, or plaintext): refused"
        )
    return backend


class KeyringSecretStore:
    """Keys in the OS keyring, through ``keyring``, base64 text under ``SERVICE``.

    The backend is resolved on first use, not in the constructor: the GUI builds
    this object at start-up, before keyring may be imported.

    Args:
        backend: a specific keyring backend; ``None`` lets keyring choose (then
            :func:`resolve_backend` refuses anything but an OS store).
        service: the keyring service name.
    """

    def __init__(
        self, backend: KeyringBackend | None = None, *, service: str = SERVICE
    ) -> None:
        self._requested = backend
        self._backend: KeyringBackend | None = None
        self.service = service

    def backend(self) -> KeyringBackend:
        """The resolved OS-store backend.

        Raises:
            SecretStoreUnavailable: see :func:`resolve_backend`.
        """
        if self._backend is None:
            self._backend = resolve_backend(self._requested)
        return self._backend

    def get_key(self, name: str) -> bytes | None:
        """The key stored under ``name``; ``None`` when absent or not a valid key.

        Raises:
            SecretStoreUnavailable: no OS keyring, or it refused (locked, D-Bus
                gone, prompt dismissed...).
        """
        backend = self.backend()
        try:
            text = backend.get_password(self.service, name)
        except Exception as exc:
            # Backends raise their own types besides keyring.errors.KeyringError
            # (secretstorage, jeepney, pywin32, OSError on a dead bus): for us
            # they all mean "no keyring right now".
            raise _unavailable("read", backend, exc) from exc
        if text is None:
            return None
        try:
            key = base64.urlsafe_b64decode(text.encode("ascii"))
        except (UnicodeEncodeError, binascii.Error):
            key = b""
        if len(key) != KEY_BYTES:
            log.warning("keyring entry %r is not a valid key; ignoring it", name)
            return None
        return key

    def create_key(self, name: str) -> bytes:
        """Generate a random 256-bit key, store it under ``name``, return it.

        The key is read back before it is trusted: a backend that accepts a write
        but keeps nothing would otherwise make every file it protects unreadable
        at the next start.

        Raises:
            SecretStoreUnavailable: no OS keyring, or it refused the write.
        """
        backend = self.backend()
        key = secrets.token_bytes(KEY_BYTES)
        text = base64.urlsafe_b64encode(key).decode("ascii")
        try:
            backend.set_password(self.service, name, text)
            stored = backend.get_password(self.service, name)
        except Exception as exc:  # any backend error type, see get_key
            raise _unavailable("write", backend, exc) from exc
        if stored != text:
            raise SecretStoreUnavailable(
                f"keyring backend {_describe(backend)} did not keep the key"
            )
        return key

    def delete_key(self, name: str) -> None:
        """Forget the key stored under ``name``; nothing happens when absent.

        Raises:
            SecretStoreUnavailable: no OS keyring, or it refused the deletion.
        """
        from keyring.errors import PasswordDeleteError

        backend = self.backend()
        try:
            if backend.get_password(self.service, name) is None:
                return
            backend.delete_password(self.service, name)
        except PasswordDeleteError:
            return  # deleted meanwhile by another instance: the goal is reached
        except Exception as exc:  # any backend error type, see get_key
            raise _unavailable("delete", backend, exc) from exc


def _unavailable(
    action: str, backend: KeyringBackend, exc: BaseException
) -> SecretStoreUnavailable:
    _close_leaked_dbus_connections(exc)
    # Only the exception type: messages from D-Bus services are not ours to log.
    return SecretStoreUnavailable(
        f"keyring backend {_describe(backend)} failed to {action} "
        f"({type(exc).__name__})"
    )


def _close_leaked_dbus_connections(exc: BaseException) -> None:
    """Close the D-Bus connections left open by a failed Secret Service call.

    WORKAROUND for keyring 25.7 ``SecretService.Keyring.get_preferred_collection``:
    it opens a connection, then raises InitError or KeyringLocked (collection
    locked, unlock prompt dismissed) without closing it, so each attempt leaks a
    socket until garbage collection (ResourceWarning). The connection is still
    referenced by the failed frames; close every jeepney connection found there.
    """
    tb = exc.__traceback__
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            connection = getattr(value, "connection", value)  # Collection or bus
            if type(connection).__module__.startswith("jeepney.") and hasattr(
                connection, "close"
            ):
                try:
                    connection.close()
                except OSError:
                    pass  # already closed
        tb = tb.tb_next
