# SPDX-License-Identifier: MIT
"""The dependency lock: uv.lock and its hash-checked exports under requirements/.

uv.lock is one resolution of every dependency of every set, for every platform
we ship on (Windows, macOS, Linux) and every Python the project allows; the sets
are exports of it, so the helper, the collector and the tests get the same
version of a package they share:

- ``requirements/desktop.txt``: the desktop helper (``[desktop]``): what the
  frozen bundle, the MSI, the .pkg and the .deb contain (their SBOM's hashes);
- ``requirements/collector.txt``: the collector (``[collector]``), no Qt;
- ``requirements/bundle.txt``: the desktop set and PyInstaller, the venv
  installers/build.py freezes the bundle in (``[bundle]``);
- ``requirements/dev.txt``: everything the tests, the linters and the
  packaging need (``[dev]``); `make run`, `make test` and `make package`
  install it, and only it, with ``pip --require-hashes``.

Usage (from the repository root, with the development venv; docs/dependencies.md)::

    python installers/lock.py lock                     # after editing pyproject.toml
    python installers/lock.py lock --upgrade           # monthly: newest allowed
    python installers/lock.py lock --upgrade-package msgspec   # an advisory
    python installers/lock.py check                    # lock in step? (offline)
    python installers/lock.py prune                    # remove what the lock lacks

Only ``lock`` talks to the package index; ``check`` reads the files.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

REPO: Final = Path(__file__).resolve().parent.parent
LOCK_FILE: Final = REPO / "uv.lock"
REQUIREMENTS: Final = REPO / "requirements"
# Export name → the extra it installs.
_PIN: Final = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)
SETS: Final = {
    "desktop": "desktop",
    "collector": "collector",
    "bundle": "bundle",
    "dev": "dev",
}


class LockError(Exception):
    """The lock is out of step or could not be made; the message says what to do."""


def uv() -> str:
    """The uv of the development venv (pinned in the lock), else PATH's."""
    here = Path(sys.executable).parent / ("uv.exe" if os.name == "nt" else "uv")
    if here.is_file():
        return str(here)
    found = shutil.which("uv")
    if found is None:
        raise LockError("uv not found: run `make` once to install the development set")
    return found


HEADER: Final = """\
# The {name} set: every package and the hash of every file pip may take.
# Generated from uv.lock by `make lock` (installers/lock.py); do not edit.
# Install with: pip install --require-hashes --no-deps -r requirements/{name}.txt
"""


def _run(command: Sequence[str]) -> str:
    result = subprocess.run(
        list(command), cwd=REPO, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise LockError(f"uv {command[1]} failed: {' '.join(detail[-3:])}")
    return result.stdout


def exported(name: str) -> str:
    """The text of set ``name``, exported from uv.lock as it is (no resolution)."""
    body = _run(
        [
            uv(),
            "export",
            "--frozen",
            "--no-emit-project",
            "--no-header",
            "--extra",
            SETS[name],
            "--format",
            "requirements-txt",
            "--quiet",
        ]
    )
    return HEADER.format(name=name) + body


def export() -> list[Path]:
    """Write every set's export under requirements/; returns the files."""
    REQUIREMENTS.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SETS:
        out = REQUIREMENTS / f"{name}.txt"
        out.write_text(exported(name), encoding="utf-8")
        written.append(out)
    return written


def lock(*, upgrade: bool = False, packages: Sequence[str] = ()) -> list[Path]:
    """Re-resolve uv.lock (keeping every pin unless asked) and export the sets."""
    command = [uv(), "lock", "--quiet"]
    if upgrade:
        command.append("--upgrade")
    for package in packages:
        command += ["--upgrade-package", package]
    _run(command)
    return export()


def check() -> None:
    """uv.lock matches pyproject.toml and the exports match uv.lock.

    Raises:
        LockError: naming what is out of step and the command to run.
    """
    try:
        _run([uv(), "lock", "--check", "--offline", "--quiet"])
    except LockError:
        raise LockError(
            "uv.lock does not match pyproject.toml: run `make lock` and commit "
            "uv.lock and requirements/"
        ) from None
    for name in SETS:
        path = REQUIREMENTS / f"{name}.txt"
        if not path.is_file():
            raise LockError(f"requirements/{name}.txt is missing: run `make lock`")
        committed = path.read_text(encoding="utf-8").splitlines()
        fresh = exported(name).splitlines()
        if committed != fresh:
            changed = [
                line
                for line in difflib.unified_diff(committed, fresh, lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))
            ]
            raise LockError(
                f"requirements/{name}.txt is not the export of uv.lock "
                f"(first difference: {changed[0].strip()!r}): run `make lock`"
            )


# Never pruned: the installer itself and our own editable install.
KEEP: Final = frozenset({"pip", "setuptools", "intune-migration-helper"})


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def strays(lock_name: str = "dev") -> list[str]:
    """Distributions in this Python environment that the lock does not name
    (left over from an older lock, or installed by hand)."""
    import importlib.metadata

    text = (REQUIREMENTS / f"{lock_name}.txt").read_text(encoding="utf-8")
    pinned = {_normalize(m.group(1)) for m in _PIN.finditer(text)}
    installed = {
        _normalize(d.metadata["Name"])
        for d in importlib.metadata.distributions()
        if d.metadata["Name"]
    }
    return sorted(installed - pinned - KEEP)


def prune(lock_name: str = "dev") -> list[str]:
    """Uninstall the strays (`make` does it after installing the lock)."""
    extra = strays(lock_name)
    if extra:
        subprocess.run(
            [sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *extra],
            check=True,
        )
    return extra


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installers/lock.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    do_lock = sub.add_parser("lock", help="re-resolve uv.lock and export the sets")
    do_lock.add_argument("--upgrade", action="store_true", help="newest allowed")
    do_lock.add_argument(
        "--upgrade-package", action="append", default=[], metavar="NAME"
    )
    sub.add_parser("check", help="is the lock in step with pyproject.toml? (offline)")
    sub.add_parser("prune", help="uninstall what the dev lock does not name")
    args = parser.parse_args(argv)
    try:
        if args.command == "prune":
            for name in prune():
                print(f"removed {name} (not in requirements/dev.txt)")
        elif args.command == "lock":
            for path in lock(upgrade=args.upgrade, packages=args.upgrade_package):
                print(f"wrote {path.relative_to(REPO)}")
        else:
            check()
            print("uv.lock and requirements/ are in step with pyproject.toml")
    except LockError as exc:
        print(f"lock: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
