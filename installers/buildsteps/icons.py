# SPDX-License-Identifier: MIT
"""The application's icon, rendered from its SVG: PNG sizes, .ico and .icns.

PyInstaller puts the .ico (Windows) or .icns (macOS) into the executable; the
.deb installs the SVG and some PNG sizes, the MSI's shortcut uses the .ico.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import Final

from helper import APP_ID
from installers.buildsteps.common import REPO, BuildError, Paths

ICON_SVG_NAME: Final = "com.intunemigrationhelper.helper.svg"
ICON_PNG_SIZES: Final = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def _render_png(svg: Path, size: int, out: Path) -> bytes:
    """Render the SVG at ``size`` px into ``out`` (PNG); returns the bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImageReader

    if QGuiApplication.instance() is None:
        _render_png.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]
    reader = QImageReader(str(svg))
    reader.setScaledSize(QSize(size, size))
    image = reader.read()
    if image.isNull() or not image.save(str(out)):
        raise BuildError(f"{svg}: cannot render at {size} px ({reader.errorString()})")
    return out.read_bytes()


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (Windows Vista and later read them)."""
    sizes = sorted(s for s in pngs if s <= 256)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


# ICNS element types holding PNG data, by pixel size (ic11-ic14 are @2x).
_ICNS_TYPES: Final = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    body = b""
    for kind, size in _ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def build_icons(paths: Paths) -> Path:
    """Render resources/icons/<BUNDLE_ID>.svg to PNG sizes, .ico and .icns.

    Returns:
        The folder: ``<APP_ID>-<size>.png``, ``<APP_ID>.png`` (256),
        ``<APP_ID>.ico``, ``<APP_ID>.icns``.
    """
    svg = REPO / "resources" / "icons" / ICON_SVG_NAME
    out = paths.icons
    out.mkdir(parents=True, exist_ok=True)
    pngs = {
        size: _render_png(svg, size, out / f"{APP_ID}-{size}.png")
        for size in ICON_PNG_SIZES
    }
    (out / f"{APP_ID}.png").write_bytes(pngs[256])
    (out / f"{APP_ID}.ico").write_bytes(ico_bytes(pngs))
    (out / f"{APP_ID}.icns").write_bytes(icns_bytes(pngs))
    return out
