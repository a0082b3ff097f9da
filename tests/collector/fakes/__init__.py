# SPDX-License-Identifier: MIT
"""Fake third-party servers for the collector's tests (HTTPS on loopback)."""
