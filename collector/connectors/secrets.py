# SPDX-License-Identifier: MIT
"""The connectors' secrets: from the environment, systemd credentials, or a
secrets file only the service user can read (vendor reference §10).

A secret named ``kandji_token`` is looked up, first found wins, in:

1. the environment variable ``INTUNE_RELEASE_KANDJI_TOKEN`` (its own prefix:
   the configuration refuses unknown ``INTUNE_COLLECTOR_*`` variables);
2. the file ``$CREDENTIALS_DIRECTORY/kandji_token`` (systemd
   ``LoadCredential=kandji_token:/etc/…`` or ``LoadCredentialEncrypted=``;
   readable by the service alone, not inherited by child processes);
3. the key ``kandji_token`` of ``release.secrets_file`` (TOML), which must
   belong to the service's user and be readable by nobody else (mode 0600 or
   0400): otherwise the collector refuses to start and says why.

Values are wrapped in :class:`Secret`, whose ``repr`` and ``str`` are
``***``: a secret that reaches a log line or an error message shows nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

from collector.private_file import (
    MAX_SECRET_BYTES,
    PrivateFileError,
    read_private_file,
)

ENV_PREFIX: Final = "INTUNE_RELEASE_"
CREDENTIALS_DIRECTORY: Final = "CREDENTIALS_DIRECTORY"


class SecretsError(Exception):
    """A secret cannot be read safely (one line: which, where, why)."""


class Secret:
    """A secret value that never prints itself.

    Use :meth:`reveal` at the one place the value goes on the wire.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The value, for the HTTP call that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __bool__(self) -> bool:
        return bool(self._value)


def read_secrets_file(path: str) -> dict[str, Secret]:
    """The ``name = "value"`` pairs of a TOML secrets file.

    Raises:
        SecretsError: not private to the service user, unreadable, not TOML,
            or a value that is not a string.
    """
    import tomllib

    try:
        data = tomllib.loads(read_private_file(path).decode("utf-8"))
    except PrivateFileError as exc:
        raise SecretsError(str(exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        # The parser's message may quote the file's text: say only where.
        raise SecretsError(f"{path}: not valid UTF-8 TOML") from None
    out: dict[str, Secret] = {}
    for name, value in data.items():
        if not isinstance(value, str):
            raise SecretsError(f"{path}: {name}: expected a string")
        out[name] = Secret(value)
    return out


class SecretStore:
    """Looks secrets up (see the module's docstring).

    Args:
        environ: the environment.
        secrets_file: ``release.secrets_file`` (checked at once).
    """

    def __init__(self, environ: Mapping[str, str], secrets_file: str = "") -> None:
        self._environ = environ
        self._file = read_secrets_file(secrets_file) if secrets_file else {}
        folder = environ.get(CREDENTIALS_DIRECTORY, "")
        self._folder = Path(folder) if folder else None

    def get(self, name: str) -> Secret | None:
        """The secret ``name``, or None when no source has it.

        Raises:
            SecretsError: a credential file that cannot be read.
        """
        value = self._environ.get(ENV_PREFIX + name.upper())
        if value:
            return Secret(value)
        if self._folder is not None:
            path = self._folder / name
            if path.is_file():
                try:
                    data = path.read_bytes()[:MAX_SECRET_BYTES]
                except OSError as exc:
                    raise SecretsError(
                        f"credential {name}: cannot be read: {exc.strerror or exc}"
                    ) from None
                return Secret(data.decode("utf-8", "replace").strip())
        return self._file.get(name)

    def where(self, name: str) -> str:
        """Where ``name`` would come from (for ``show-config``; no value)."""
        if self._environ.get(ENV_PREFIX + name.upper()):
            return f"environment {ENV_PREFIX}{name.upper()}"
        if self._folder is not None and (self._folder / name).is_file():
            return f"credential {name}"
        if name in self._file:
            return "secrets file"
        return "missing"


__all__ = [
    "CREDENTIALS_DIRECTORY",
    "ENV_PREFIX",
    "Secret",
    "SecretStore",
    "SecretsError",
    "read_secrets_file",
]
