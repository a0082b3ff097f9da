# SPDX-License-Identifier: MIT
"""The capture object: raw evidence files in memory plus their manifest."""

from __future__ import annotations

from typing import Literal

import msgspec

OsName = Literal["windows", "macos", "linux"]


class SourceInfo(msgspec.Struct, omit_defaults=True, forbid_unknown_fields=False):
    """How one evidence file was obtained (recorded by the probe).

    Attributes:
        file: the capture file it produced (``linux/packages.txt``).
        read: what was read: a command line or a path.
        exit_code: the command's exit code, if a command ran.
        duration_ms: wall time spent reading it.
        error: a short error code/detail when it could not be read.
    """

    file: str
    read: str = ""
    exit_code: int | None = None
    duration_ms: float | None = None
    error: str | None = None


class Manifest(msgspec.Struct, omit_defaults=True, forbid_unknown_fields=False):
    """capture.json. Only ``os`` is required, so a capture can be built by hand."""

    os: OsName
    schema: str = "capture/1"
    os_version: str | None = None
    arch: str | None = None
    locale: str | None = None
    time: str | None = None
    helper_version: str | None = None
    sources: list[SourceInfo] = msgspec.field(default_factory=list)


class Capture:
    """Evidence files of one device, wherever they came from.

    Live detection, replay of a folder and replay of a .zip all build one of these,
    and detection only ever reads through it: one code path for all three.

    Args:
        manifest: the parsed capture.json.
        files: evidence file name (``windows/enrollments.reg``) → raw bytes.
        origin: where it came from (a path, or ``live``), for messages.
    """

    def __init__(
        self, manifest: Manifest, files: dict[str, bytes], origin: str
    ) -> None:
        self.manifest = manifest
        self.files = files
        self.origin = origin

    @property
    def os(self) -> OsName:
        return self.manifest.os

    def read(self, name: str) -> bytes | None:
        """Return the raw bytes of an evidence file, or None when it is absent."""
        return self.files.get(name)

    def source(self, name: str) -> SourceInfo | None:
        """Return how an evidence file was obtained, when the probe recorded it."""
        for info in self.manifest.sources:
            if info.file == name:
                return info
        return None

    def manifest_bytes(self) -> bytes:
        return msgspec.json.format(msgspec.json.encode(self.manifest), indent=2) + b"\n"
