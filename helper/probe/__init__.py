# SPDX-License-Identifier: MIT
"""Probes: read this machine into a capture. Thin layers over a command runner and
a registry reader; all interpretation lives in helper.parsers and helper.detect."""
