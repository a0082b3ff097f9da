# SPDX-License-Identifier: MIT
"""The migration journey: playbooks, plans, launchers, the state machine (no Qt)."""
