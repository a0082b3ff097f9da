# SPDX-License-Identifier: MIT
"""The collector: the central endpoint that receives migration-status/1 events and
the migration dashboard for IT. Installed with `intune-migration-helper[collector]`."""
