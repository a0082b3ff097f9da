# SPDX-License-Identifier: MIT
"""The one way to find files under resources/, from a checkout or a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_DEV_ENV = "HELPER_DEV"


def resources_root() -> Path:
    """Return the resources/ folder.

    Order: a frozen PyInstaller bundle (``sys._MEIPASS/resources``); then, when
    ``HELPER_DEV=1`` or when running from a checkout, the repository's resources/;
    then the copy installed next to the packages (wheel ``force-include``).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None and os.environ.get(_DEV_ENV) != "1":
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    checkout = here.parent / "resources"
    if checkout.is_dir():
        return checkout
    # Installed wheel: resources/ sits beside helper/ in site-packages.
    return here.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>`` (it may not exist)."""
    return resources_root().joinpath(*parts)
