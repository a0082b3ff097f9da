# SPDX-License-Identifier: MIT
"""Files that hold a secret (a vendor token, Graph's certificate or client
secret): read only when the service user alone can read them.

One check for every secret the collector reads from a file: the connectors'
secrets file (:mod:`collector.connectors.secrets`) and the Intune check's
credentials (:mod:`collector.graph.credentials`). The file is checked on the
open handle (``fstat``), so what is checked is what is read.
"""

from __future__ import annotations

import os
import stat
from typing import Final

MAX_SECRET_BYTES: Final = 64 * 1024


class PrivateFileError(Exception):
    """A secret file that cannot be read safely.

    Attributes:
        code: ``unsafe-file`` (others may read it, or another user owns it)
            or ``bad-file`` (missing, not a regular file, too large).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def read_private_file(
    path: str, *, owner: int | None = None, max_bytes: int = MAX_SECRET_BYTES
) -> bytes:
    """The bytes of ``path``, refused unless only its owner can read it.

    Args:
        path: the file.
        owner: the uid that must own it (default: this process's effective
            uid, the service user).
        max_bytes: larger files are refused (a secret is small).

    Raises:
        PrivateFileError: one line naming the file, what is wrong and the fix.
    """
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise PrivateFileError("bad-file", f"{path}: expected a regular file")
            if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise PrivateFileError(
                    "unsafe-file",
                    f"{path}: readable by others (mode "
                    f"{stat.S_IMODE(info.st_mode):04o}); run chmod 600 (or 400) on "
                    "it: secrets must be readable by the service user only",
                )
            if hasattr(os, "geteuid"):
                expected = os.geteuid() if owner is None else owner
                if info.st_uid != expected:
                    raise PrivateFileError(
                        "unsafe-file",
                        f"{path}: must belong to the collector's user (uid "
                        f"{expected}), not uid {info.st_uid}: chown it to the "
                        "service user",
                    )
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise PrivateFileError(
            "bad-file", f"{path}: cannot be read: {exc.strerror or exc}"
        ) from None
    if len(data) > max_bytes:
        raise PrivateFileError("bad-file", f"{path}: larger than a secret")
    return data


__all__ = ["MAX_SECRET_BYTES", "PrivateFileError", "read_private_file"]
