# SPDX-License-Identifier: MIT
"""Captures as folders and .zip files: reading, writing, and hostile archives."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helper.capture import layout
from helper.capture.model import Capture, Manifest
from helper.capture.store import open_capture, write_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.errors import CaptureError
from tests.conftest import CAPTURES

SAMPLE = CAPTURES / "linux-ws1hub-and-intune"
CATALOGUE = load_catalogue()


def test_folder_zip_and_nested_zip_give_the_same_detection(tmp_path: Path) -> None:
    catalogue = load_catalogue()
    folder = open_capture(SAMPLE)
    flat = write_capture(folder, tmp_path / "flat.zip")
    nested = tmp_path / "nested.zip"
    # A user zipping the folder itself (Explorer "Send to > Compressed folder").
    with zipfile.ZipFile(nested, "w") as archive:
        for path in SAMPLE.rglob("*"):
            if path.is_file():
                archive.write(path, f"my-capture/{path.relative_to(SAMPLE)}")
    results = [detect(open_capture(p), catalogue) for p in (SAMPLE, flat, nested)]
    assert {r.verdict for r in results} == {"both-enrolled"}
    assert results[0].legacy == results[1].legacy == results[2].legacy
    assert open_capture(flat).files == folder.files


def test_write_folder_round_trip(tmp_path: Path) -> None:
    capture = open_capture(SAMPLE)
    out = write_capture(capture, tmp_path / "out")
    again = open_capture(out)
    assert again.files == capture.files
    assert again.manifest == capture.manifest
    with pytest.raises(CaptureError, match="not empty"):
        write_capture(capture, out)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "no capture.json"),
        (lambda p: (p.write_bytes(b"not a zip"), p)[1], "not a readable .zip"),
    ],
)
def test_not_a_capture(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    path = setup(tmp_path / "thing")
    with pytest.raises(CaptureError, match=message):
        open_capture(path)


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"{", "not valid JSON"),
        (b'{"os": "beos"}', r"\$\.os"),
        (b'{"time": "now"}', "os"),
        (b"[]", "capture.json is not valid"),
    ],
)
def test_bad_manifest_names_what_is_wrong(
    tmp_path: Path, manifest: bytes, message: str
) -> None:
    (tmp_path / "capture.json").write_bytes(manifest)
    with pytest.raises(CaptureError, match=message):
        open_capture(tmp_path)


def test_zip_bomb_and_traversal_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("capture.json", b'{"os": "linux"}')
        archive.writestr(layout.LINUX_PACKAGES, b"\0" * (layout.MAX_FILE_BYTES + 10))
    with pytest.raises(CaptureError, match="too large"):
        open_capture(bomb)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("capture.json", b'{"os": "linux"}')
        archive.writestr("../../etc/passwd", b"root:x:0:0")
        archive.writestr("/abs/linux/packages.txt", b"x\t1")
    capture = open_capture(evil)
    assert capture.files == {}


def test_folder_ignores_undocumented_files(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "c")
    (tmp_path / "c" / "secret.docx").write_bytes(b"private")
    capture = open_capture(tmp_path / "c")
    assert set(capture.files) <= layout.ALL_FILES


GARBAGE = st.binary(max_size=512) | st.text(max_size=256).map(str.encode)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(os_name=st.sampled_from(layout.OSES), data=st.data())
def test_capture_full_of_garbage_gives_unknown_parts(os_name: str, data) -> None:  # type: ignore[no-untyped-def]
    files = {name: data.draw(GARBAGE) for name in layout.BY_OS[os_name]}
    capture = Capture(Manifest(os=os_name), files, "garbage")  # type: ignore[arg-type]
    result = detect(capture, CATALOGUE)
    assert result.schema == "detection/1"
    # Garbage never proves a management exists with an Intune enrollment on top.
    assert result.verdict in (
        "unknown",
        "unmanaged",
        "legacy-enrolled",
        "intune-enrolled",
    )
    unreadable = {
        w.detail.split(":", 1)[0]
        for w in result.warnings
        if w.code == "source-unreadable"
    }
    assert unreadable <= set(files)


def test_zip_with_unreadable_member(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("capture.json", json.dumps({"os": "linux"}))
        archive.writestr(layout.LINUX_PACKAGES, b"bash\t5.2\n" * 200)
    raw = bytearray(buffer.getvalue())
    # Corrupt the compressed packages.txt payload (after its local header).
    at = raw.find(b"linux/packages.txt") + len("linux/packages.txt") + 5
    raw[at : at + 20] = b"\xff" * 20
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bytes(raw))
    with pytest.raises(CaptureError, match="cannot be read"):
        open_capture(broken)


def _sample_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_symlinks_in_a_folder_capture_are_refused(tmp_path: Path) -> None:
    """A link in a capture made the helper read whatever it pointed at."""
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"Device Name : not in the capture\n")
    packages = next(n for n in layout.ALL_FILES if (SAMPLE / n).is_file())
    file_link = _sample_folder(tmp_path / "file")
    (file_link / packages).unlink()
    (file_link / packages).symlink_to(secret)
    with pytest.raises(CaptureError, match="symbolic link") as refused:
        open_capture(file_link)
    assert refused.value.code == "capture-symlink"
    # A linked folder on the way, and a linked capture.json.
    folder_link = _sample_folder(tmp_path / "dir")
    top = Path(packages).parts[0]
    shutil.move(folder_link / top, tmp_path / "elsewhere")
    (folder_link / top).symlink_to(tmp_path / "elsewhere")
    with pytest.raises(CaptureError, match="symbolic link"):
        open_capture(folder_link)
    manifest_link = _sample_folder(tmp_path / "manifest")
    (tmp_path / "capture.json").write_bytes((SAMPLE / "capture.json").read_bytes())
    (manifest_link / "capture.json").unlink()
    (manifest_link / "capture.json").symlink_to(tmp_path / "capture.json")
    with pytest.raises(CaptureError, match="symbolic link"):
        open_capture(manifest_link)


def test_every_file_of_a_folder_capture_is_capped(tmp_path: Path) -> None:
    """capture.json was read without a limit (2 GB → 2 GiB of memory)."""
    folder = _sample_folder(tmp_path)
    manifest = folder / "capture.json"
    with manifest.open("ab") as handle:
        handle.truncate(layout.MAX_MANIFEST_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(CaptureError, match="too large") as refused:
        open_capture(folder)
    assert refused.value.code == "capture-too-large"
    folder = _sample_folder(tmp_path / "big")
    packages = next(n for n in layout.ALL_FILES if (folder / n).is_file())
    with (folder / packages).open("ab") as handle:
        handle.truncate(layout.MAX_FILE_BYTES + 1)
    with pytest.raises(CaptureError, match="too large"):
        open_capture(folder)


def test_a_zip_capture_json_is_capped(tmp_path: Path) -> None:
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("capture.json", b" " * (layout.MAX_MANIFEST_BYTES + 1))
    with pytest.raises(CaptureError, match="too large"):
        open_capture(big)


MANIFEST_TEXT = json.dumps(
    {"os": "windows", "os_version": "10.0.22631", "time": "2026-11-20T09:00:00Z"}
)


@pytest.mark.parametrize(
    "encoded",
    [
        # Windows PowerShell 5.1: Set-Content -Encoding UTF8 writes a BOM...
        b"\xef\xbb\xbf" + MANIFEST_TEXT.encode("utf-8"),
        # ...and Out-File / ">" write UTF-16LE with a BOM, with CRLF.
        b"\xff\xfe" + (MANIFEST_TEXT + "\r\n").encode("utf-16-le"),
        b"\xfe\xff" + MANIFEST_TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16le-bom", "utf-16be-bom"],
)
def test_manifest_with_a_byte_order_mark_is_read(
    tmp_path: Path, encoded: bytes
) -> None:
    folder = tmp_path / "capture"
    folder.mkdir()
    (folder / layout.MANIFEST).write_bytes(encoded)
    archive = tmp_path / "capture.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(layout.MANIFEST, encoded)
    for path in (folder, archive):
        capture = open_capture(path)
        assert capture.os == "windows"
        assert capture.manifest.os_version == "10.0.22631"
        assert detect(capture, CATALOGUE).verdict == "unknown"
