# SPDX-License-Identifier: MIT
"""Captures: the one evidence format for live detection, support bundles and replay.

A capture is a folder (or a .zip of that folder) of raw evidence files plus
``capture.json``. See :mod:`helper.capture.layout` for the file names.
"""

from helper.capture.model import Capture, Manifest, SourceInfo
from helper.capture.store import open_capture

__all__ = ["Capture", "Manifest", "SourceInfo", "open_capture"]
