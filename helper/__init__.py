# SPDX-License-Identifier: MIT
"""Intune Migration Helper core: detection, journey, reporting. Never imports Qt.

This package is imported on the `detect` start-up path, so it imports nothing.
"""

__version__ = "0.1.0"
APP_ID = "intune-migration-helper"
APP_NAME = "Intune Migration Helper"
# Reverse-DNS id: macOS managed-preferences domain, desktop file name.
BUNDLE_ID = "com.intunemigrationhelper.helper"
