# SPDX-License-Identifier: MIT
"""The MSAL token cache, encrypted at rest in the user data folder.

MSAL's ``SerializableTokenCache`` lives in memory; this module persists it:

- the file ``token-cache.bin`` in :func:`helper.paths.data_dir` holds
  ``header || nonce (96 bits) || AES-256-GCM(cache JSON)``, with a fresh random
  nonce on every write and the header plus the file's purpose as associated data
  (a blob made for another purpose or format version does not decrypt);
- the 256-bit key is random and lives in the OS keyring
  (:mod:`helper.auth.secret_store`); the cache itself cannot (Credential Manager
  caps a secret at 2,560 bytes; real Entra caches are 5-7 KB);
- writes are atomic: a temporary file in the same folder, fsync, rename.

When no OS keyring is usable the cache stays in memory only (sign-in at each
start) and one log line says why: tokens are never written in clear. A file that
does not decrypt (wrong or missing key, tampered, truncated) is discarded with a
log line, never an exception.

msal and cryptography are imported on first use (start-up budget).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Final

from helper.auth.secret_store import (
    KeyringSecretStore,
    SecretStore,
    SecretStoreUnavailable,
)

log = logging.getLogger(__name__)

CACHE_FILE_NAME: Final = "token-cache.bin"
KEY_NAME: Final = "token-cache-key"

# "Intune Migration Helper Token Cache", format 1. Bumping the version byte makes
# old files fail the header check (and the associated data): they are discarded.
_HEADER: Final = b"IMHTC\x00\x01\n"
_AAD: Final = _HEADER + b"intune-migration-helper/msal-token-cache"
_NONCE_BYTES: Final = 12  # 96 bits, the size GCM is specified for
_TAG_BYTES: Final = 16


class CacheFileError(Exception):
    """A cache file that cannot be used; ``reason`` is safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def encrypt(key: bytes, plaintext: bytes) -> bytes:
    """Seal ``plaintext`` into the file format (header, random nonce, AES-GCM).

    Args:
        key: a 256-bit key.
        plaintext: the serialized cache.

    Returns:
        The bytes to write to the file.
    """
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(_NONCE_BYTES)
    return _HEADER + nonce + AESGCM(key).encrypt(nonce, plaintext, _AAD)


def decrypt(key: bytes, blob: bytes) -> bytes:
    """Open a blob made by :func:`encrypt`.

    Args:
        key: the 256-bit key.
        blob: the file content.

    Returns:
        The plaintext.

    Raises:
        CacheFileError: not our format, truncated, wrong key or tampered with.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not blob.startswith(_HEADER):
        raise CacheFileError("not a token cache file of this version")
    if len(blob) < len(_HEADER) + _NONCE_BYTES + _TAG_BYTES:
        raise CacheFileError("truncated")
    nonce = blob[len(_HEADER) : len(_HEADER) + _NONCE_BYTES]
    sealed = blob[len(_HEADER) + _NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, sealed, _AAD)
    except InvalidTag:
        raise CacheFileError(
            "does not decrypt (other key, tampered with or truncated)"
        ) from None


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file.

    The temporary file is created next to the target (same file system, so the
    rename is atomic) with owner-only permissions, flushed to disk before the
    rename, and the folder is synced after it so the rename survives a crash.

    Raises:
        OSError: the write failed; the target is untouched.
    """
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sys.platform != "win32":  # Windows cannot open a folder for fsync
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass  # some file systems refuse to sync a folder; the data is synced
        finally:
            os.close(dir_fd)


def default_cache_path() -> Path:
    """``token-cache.bin`` in the user data folder."""
    from helper.paths import data_dir

    return data_dir() / CACHE_FILE_NAME


class EncryptedTokenCache:
    """An MSAL ``SerializableTokenCache`` loaded from, and saved to, the encrypted file.

    Nothing happens in the constructor: the file, the keyring and msal are touched
    on first use, from a worker thread. The instance is thread-safe.

    Args:
        path: the cache file; ``None`` means :func:`default_cache_path`.
        secret_store: where the key lives; ``None`` means the OS keyring
            (:class:`~helper.auth.secret_store.KeyringSecretStore`).
        persist: ``False`` keeps the cache in memory only, by choice.
        key_name: the keyring entry of the key.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        secret_store: SecretStore | None = None,
        persist: bool = True,
        key_name: str = KEY_NAME,
    ) -> None:
        self._path = path
        self._store: SecretStore = (
            secret_store if secret_store is not None else KeyringSecretStore()
        )
        self._key_name = key_name
        self._lock = threading.RLock()
        # Any: msal.SerializableTokenCache (msal ships no type information).
        self._cache: Any = None
        self._key: bytes | None = None
        self._persist = persist
        self._memory_only_reason: str | None = None if persist else "not persisted"
        # The file version this instance last read or wrote (see _stamp).
        self._disk_stamp: bytes | None = None

    @property
    def path(self) -> Path:
        """The cache file."""
        if self._path is None:
            self._path = default_cache_path()
        return self._path

    @property
    def persistent(self) -> bool:
        """Whether the cache is saved to disk (``False``: in memory only)."""
        with self._lock:
            self._ensure_loaded()
            return self._memory_only_reason is None

    @property
    def memory_only_reason(self) -> str | None:
        """Why the cache is in memory only (safe to log), or ``None``."""
        with self._lock:
            self._ensure_loaded()
            return self._memory_only_reason

    def msal_cache(self) -> Any:
        """The ``msal.SerializableTokenCache`` to give to the msal application.

        The same object for the instance's lifetime (:meth:`clear` empties it in
        place). Loaded from the file on first call; later calls pick up what
        another helper process saved since (a sign-in, a rotated refresh token,
        a sign-out), at the cost of reading the file's first 20 bytes.
        """
        with self._lock:
            if self._cache is None:
                self._ensure_loaded()
            else:
                self._reload_if_changed()
            return self._cache

    def save(self) -> None:
        """Write the cache if msal changed it; never raises for I/O or keyring trouble.

        Call it after every token acquisition and account removal.
        """
        with self._lock:
            self._ensure_loaded()
            if not self._cache.has_state_changed or self._memory_only_reason:
                return
            key = self._key_for_writing()
            if key is None:
                return
            # serialize() resets has_state_changed; set it again if the write fails
            # so that the next save retries.
            state: str = self._cache.serialize()
            try:
                atomic_write(self.path, encrypt(key, state.encode("utf-8")))
            except OSError as exc:
                self._cache.has_state_changed = True
                log.warning("token cache not saved: %s", type(exc).__name__)
                return
            self._disk_stamp = self._stamp()

    def clear(self) -> None:
        """Forget every token: in memory, the file and its key in the keyring.

        Never raises; what could not be removed is logged.
        """
        with self._lock:
            self._ensure_loaded()
            self._cache.deserialize(None)  # in place: msal keeps this object
            self._key = None
            self._disk_stamp = None
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("token cache file not removed: %s", type(exc).__name__)
            if not self._persist:
                return  # this instance never created a key
            try:
                self._store.delete_key(self._key_name)
            except SecretStoreUnavailable as exc:
                log.warning("token cache key not removed from keyring: %s", exc.reason)

    # -- internals ---------------------------------------------------------------

    def _ensure_loaded(self) -> None:
        if self._cache is not None:
            return
        import msal  # type: ignore[import-untyped]  # msal ships no type information

        self._cache = msal.SerializableTokenCache()
        if self._persist:
            self._read_file()

    def _stamp(self) -> bytes | None:
        """What identifies the file's current version; None when there is none.

        Its header and nonce: every write draws a new random nonce, so this
        changes with each save, where mtime (a few ms of granularity on many
        file systems) and size (the same for a rotated token) may not.
        """
        try:
            with self.path.open("rb") as handle:
                return handle.read(len(_HEADER) + _NONCE_BYTES)
        except FileNotFoundError:
            return None
        except OSError:
            return b"unreadable"

    def _reload_if_changed(self) -> None:
        if self._memory_only_reason or self._stamp() == self._disk_stamp:
            return
        # Another process wrote or removed the file. Its key may be new too (a
        # sign-out then a sign-in there), so read the key again as well.
        self._cache.deserialize(None)
        self._key = None
        self._disk_stamp = None
        self._read_file()
        log.info("token cache reloaded: changed by another helper process")

    def _read_file(self) -> None:
        """Fill the (empty) cache from the file, if there is a usable one."""
        try:
            self._key = self._store.get_key(self._key_name)
        except SecretStoreUnavailable as exc:
            self._go_memory_only(exc.reason)
            return
        # Stamp first: a write that lands while we read is picked up next time.
        stamp = self._stamp()
        if stamp is None:
            return
        if self._key is None:
            self._discard("its key is not in the keyring")
            return
        try:
            blob = self.path.read_bytes()
        except OSError as exc:
            # Unreadable (permissions, antivirus lock): leave it; the next save
            # replaces it. Remember it as seen, or every call would retry.
            log.warning("token cache not read: %s", type(exc).__name__)
            self._disk_stamp = stamp
            return
        try:
            state = decrypt(self._key, blob).decode("utf-8")
            if not isinstance(json.loads(state), dict):
                raise CacheFileError("not an MSAL token cache")
        except CacheFileError as exc:
            self._discard(exc.reason)
            return
        except ValueError:  # UnicodeDecodeError and JSONDecodeError included
            self._discard("not an MSAL token cache")
            return
        self._cache.deserialize(state)
        self._disk_stamp = stamp

    def _key_for_writing(self) -> bytes | None:
        if self._key is not None:
            return self._key
        try:
            key = self._store.get_key(self._key_name)
            if key is None:
                key = self._store.create_key(self._key_name)
        except SecretStoreUnavailable as exc:
            self._go_memory_only(exc.reason)
            return None
        self._key = key
        return key

    def _go_memory_only(self, reason: str) -> None:
        self._memory_only_reason = reason
        log.warning(
            "token cache kept in memory only, sign-in needed at each start: %s",
            reason,
        )

    def _discard(self, reason: str) -> None:
        log.warning("token cache file discarded: %s", reason)
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("token cache file not removed: %s", type(exc).__name__)
        # Seen (or gone): do not read it again until it changes.
        self._disk_stamp = self._stamp()
