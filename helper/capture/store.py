# SPDX-License-Identifier: MIT
"""Reading and writing captures as folders and .zip files."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

import msgspec

from helper.capture import layout
from helper.capture.model import Capture, Manifest, SourceInfo
from helper.errors import CaptureError
from helper.private import DIR_MODE, opener, write_private


def _manifest_bytes(raw: bytes) -> bytes:
    """capture.json as UTF-8 without a byte-order mark.

    Windows PowerShell writes one: ``Set-Content -Encoding UTF8`` a UTF-8 BOM,
    ``Out-File`` and ``>`` UTF-16LE with a BOM. JSON itself has none (RFC 8259
    §8.1), so a hand-made capture would otherwise be refused.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return raw  # not text after all: the decoder says what is wrong
    return raw


def _decode_manifest(raw: bytes, where: str) -> Manifest:
    try:
        return msgspec.json.decode(_manifest_bytes(raw), type=Manifest)
    except msgspec.ValidationError as exc:
        raise CaptureError(
            "capture-invalid", f"{where}: capture.json is not valid: {exc}"
        ) from None
    except msgspec.DecodeError as exc:
        raise CaptureError(
            "capture-invalid", f"{where}: capture.json is not valid JSON ({exc})"
        ) from None


def _safe_name(name: str) -> str | None:
    """Normalise an evidence file name; None for anything outside the capture."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        return None
    return pure.as_posix()


def _no_link(root: Path, name: str) -> Path | None:
    """``root/name``, None when it is not a regular file.

    Raises:
        CaptureError: ``name`` or a folder on its way is a symbolic link (a
            capture is evidence: a link could make it read any file of the
            machine, or a device, and follow it as if it were the capture).
    """
    path = root
    for part in PurePosixPath(name).parts:
        path = path / part
        try:
            info = path.lstat()
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(info.st_mode):
            raise CaptureError(
                "capture-symlink", f"{path}: a symbolic link in a capture is refused"
            )
    return path if stat.S_ISREG(info.st_mode) else None


def _read_capped(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of ``path``, never following a final symlink.

    Raises:
        CaptureError: larger than ``limit`` (counted while reading: the size
            the folder announced is not trusted, a file may grow).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise CaptureError(
            "capture-too-large",
            f"{path}: too large for a capture (more than {limit} bytes)",
        )
    return data


def _read_folder(root: Path) -> Capture:
    manifest_path = _no_link(root, layout.MANIFEST)
    if manifest_path is None:
        raise CaptureError(
            "capture-not-found", f"{root}: not a capture (no {layout.MANIFEST} in it)"
        )
    try:
        raw_manifest = _read_capped(manifest_path, layout.max_bytes(layout.MANIFEST))
    except OSError as exc:
        raise CaptureError(
            "capture-invalid", f"{manifest_path}: cannot be read ({exc.strerror})"
        ) from None
    manifest = _decode_manifest(raw_manifest, str(root))
    files: dict[str, bytes] = {}
    total = 0
    # Only the documented files are read: a capture folder may be someone's
    # Downloads folder with far more in it.
    for name in sorted(layout.ALL_FILES):
        try:
            path = _no_link(root, name)
            if path is None:
                continue
            limit = min(layout.max_bytes(name), layout.MAX_TOTAL_BYTES - total)
            files[name] = _read_capped(path, limit)
            total += len(files[name])
        except OSError as exc:
            # An unreadable file is a missing source: detection says "unknown".
            files.pop(name, None)
            manifest.sources.append(
                _unreadable(name, f"{type(exc).__name__}: {exc.strerror or exc}")
            )
    return Capture(manifest, files, str(root))


def _unreadable(name: str, error: str) -> SourceInfo:
    return SourceInfo(file=name, read="capture file", error=error)


def _read_zip(path: Path) -> Capture:
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CaptureError(
            "capture-invalid", f"{path}: not a readable .zip ({exc})"
        ) from None
    with archive:
        entries: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            name = _safe_name(info.filename)
            if name is not None and not info.is_dir():
                entries[name] = info
        # A zip of the folder may hold capture.json at its root or in one folder.
        prefix = ""
        if layout.MANIFEST not in entries:
            candidates = [n for n in entries if n.endswith("/" + layout.MANIFEST)]
            candidates = [n for n in candidates if n.count("/") == 1]
            if len(candidates) != 1:
                raise CaptureError(
                    "capture-not-found",
                    f"{path}: not a capture (no {layout.MANIFEST} in it)",
                )
            prefix = candidates[0][: -len(layout.MANIFEST)]
        total = 0

        def read(name: str) -> bytes:
            nonlocal total
            info = entries[prefix + name]
            limit = layout.max_bytes(name)
            if info.file_size > limit or total + info.file_size > (
                layout.MAX_TOTAL_BYTES
            ):
                raise CaptureError(
                    "capture-too-large", f"{path}: {name} is too large for a capture"
                )
            try:
                with archive.open(info) as handle:
                    # Read one byte past the declared size: a forged header must
                    # not let a zip bomb through.
                    data = handle.read(limit + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise CaptureError(
                    "capture-invalid", f"{path}: {name} cannot be read ({exc})"
                ) from None
            if len(data) > limit:
                raise CaptureError(
                    "capture-too-large", f"{path}: {name} is too large for a capture"
                )
            total += len(data)
            return data

        manifest = _decode_manifest(read(layout.MANIFEST), str(path))
        files = {
            name: read(name)
            for name in sorted(layout.ALL_FILES)
            if prefix + name in entries
        }
    return Capture(manifest, files, str(path))


def open_capture(path: Path) -> Capture:
    """Open a capture folder or .zip.

    Raises:
        CaptureError: the path does not exist, or is not a capture.
    """
    if path.is_dir():
        return _read_folder(path)
    if path.is_file():
        return _read_zip(path)
    raise CaptureError("capture-not-found", f"{path}: no such file or folder")


def write_capture(capture: Capture, out: Path) -> Path:
    """Write a capture as a folder, or as a .zip when ``out`` ends in .zip.

    The .zip holds the files at its root. Writing goes through a temporary name and
    a rename, so an interrupted write never leaves a half capture under ``out``.
    """
    items = [
        (layout.MANIFEST, capture.manifest_bytes()),
        *sorted(capture.files.items()),
    ]
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    if out.suffix.lower() == ".zip":
        import zipfile

        # 0600: a capture names the user (their UPN, in dsregcmd's output).
        with (
            open(tmp, "wb", opener=opener) as handle,
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, data in items:
                archive.writestr(name, data)
        os.replace(tmp, out)
        return out
    if out.exists() and any(out.iterdir()):
        raise CaptureError("capture-exists", f"{out}: folder exists and is not empty")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(mode=DIR_MODE)
    for name, data in items:
        target = tmp / name
        target.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        write_private(target, data)
    if out.exists():
        out.rmdir()
    os.replace(tmp, out)
    return out
