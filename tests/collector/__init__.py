# SPDX-License-Identifier: MIT
"""Tests of the collector (collector/): real HTTPS, JWTs, SQLite and PostgreSQL."""
