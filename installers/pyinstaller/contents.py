# SPDX-License-Identifier: MIT
"""Which distributions a frozen bundle contains, at which versions.

The spec calls :func:`write_versions` with what PyInstaller's analysis collected
(the Python modules and the extension modules), so the list is the bundle's
real contents, not the environment it was built in: a package of the
development set that the helper happened to import would show up here (and
fail tests/packaging/test_frozen.py, which compares the list with the desktop
lock). The file travels in the bundle as ``resources/versions.txt``;
``intune-migration-helper --version --verbose`` prints it, and
installers/build.py turns it into the CycloneDX SBOM.

Format: a comment header, then one ``name==version`` a line, names normalised
(PEP 503), sorted.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
from collections.abc import Iterable
from pathlib import Path

OWN_DISTRIBUTION = "intune-migration-helper"


def normalize(name: str) -> str:
    """A distribution name as PEP 503 compares them (``PySide6_Essentials`` →
    ``pyside6-essentials``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_files() -> dict[Path, str]:
    """Every file of every installed distribution → its normalised name.

    By file, not by top-level name: namespace packages (``jaraco``) are shared
    by several distributions, and a name says nothing of which one a module
    came from.
    """
    owners: dict[Path, str] = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if not name:
            continue
        for file in dist.files or ():
            owners[Path(str(dist.locate_file(file))).resolve()] = normalize(name)
    return owners


def bundled_distributions(sources: Iterable[str]) -> dict[str, str]:
    """``normalised name → version`` of the distributions owning ``sources``.

    Args:
        sources: the source paths of the collected modules and binaries; the
            standard library's and the system's files own no distribution, nor
            do our own (they come from the checkout).
    """
    owners = distribution_files()
    names = set()
    for source in sources:
        if source:
            owner = owners.get(Path(source).resolve())
            if owner is not None and owner != OWN_DISTRIBUTION:
                names.add(owner)
    return {name: importlib.metadata.version(name) for name in sorted(names)}


def versions_text(distributions: dict[str, str], own_version: str) -> str:
    """The text of ``versions.txt``."""
    lines = [
        "# The exact versions of what this bundle contains (installers/pyinstaller/",
        "# contents.py); the CycloneDX SBOM beside the package has their hashes.",
        f"# Python {platform.python_version()} ({platform.python_implementation()})",
        f"{OWN_DISTRIBUTION}=={own_version}",
    ]
    lines += [f"{name}=={version}" for name, version in distributions.items()]
    return "\n".join(lines) + "\n"


def write_versions(
    out: Path, sources: Iterable[str], own_version: str
) -> dict[str, str]:
    """Write ``versions.txt`` for ``sources``; returns the distributions."""
    distributions = bundled_distributions(sources)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(versions_text(distributions, own_version), encoding="utf-8")
    return distributions
