# SPDX-License-Identifier: MIT
"""PySide6 front end. This __init__ imports nothing: `ui.entry` is on the
command-line start-up path, which must stay free of Qt."""
