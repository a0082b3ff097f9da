# SPDX-License-Identifier: MIT
"""Detection: what manages this device, from a capture. Pure: no I/O but the capture."""
