# SPDX-License-Identifier: MIT
"""Build the helper's bundle and installers, on the OS they are for.

Usage (from the repository root, with the development venv)::

    python installers/build.py bundle      # PyInstaller onedir (+ .app on macOS)
    python installers/build.py self-test   # run the bundle's --self-test, env -i
    python installers/build.py deb         # Linux: .deb from the bundle
    python installers/build.py msi-check   # Linux: WiX source → MSI with wixl, inspect
    python installers/build.py msi         # Windows: MSI with WiX Toolset 3
    python installers/build.py pkg         # macOS: .pkg (pkgbuild + productbuild)
    python installers/build.py all [--sign]  # what this OS builds, in order
    python installers/build.py bare        # the baseline app of tests/bench_package.py

``--sign`` signs on macOS (codesign inside-out, productsign, notarytool, stapler:
installers/macos/build_app.py; identities and notary key from the environment)
and on Windows (signtool, certificate from the environment); without it, or
without the identities, nothing is signed and a line says so.

Outputs go to ``dist/`` (``--dist``), intermediate files to ``build/``
(``--work``). PyInstaller does not cross-compile: the Windows MSI and the
macOS .pkg are built on those OSes (CI runners); here, on Linux, ``msi-check``
builds an MSI from the Linux bundle only to check the WiX source's structure.

This file is the command line; the steps live in ``installers/buildsteps/``,
one module per target: ``common`` (paths, ``log``/``run``, ``Paths``, the
sources digest, the build lock), ``icons``, ``bundle`` (venv, PyInstaller,
versions.txt and the SBOM, self-test), ``deb``, ``msi`` (and Windows signing)
and ``pkg``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from installers.buildsteps.bundle import (  # noqa: E402
    build_bare,
    build_bundle,
    bundle_is_current,
    check_self_test,
)
from installers.buildsteps.common import (  # noqa: E402
    LINUX,
    MACOS,
    WINDOWS,
    BuildError,
    Paths,
    build_lock,
    log,
    sources_digest,
)
from installers.buildsteps.deb import DEB_ZSTD_LEVEL, build_deb  # noqa: E402
from installers.buildsteps.icons import build_icons  # noqa: E402
from installers.buildsteps.msi import build_msi_windows, msi_check  # noqa: E402
from installers.buildsteps.pkg import build_pkg  # noqa: E402


def build_all(
    paths: Paths, *, sign: bool, level: int = DEB_ZSTD_LEVEL, rebuild: bool = False
) -> list[Path]:
    """Everything this OS builds; each artefact passes its checks.

    An unsigned bundle built from exactly these sources (``make test`` leaves
    one) is reused unless ``rebuild``; signing always builds afresh.
    """
    if not (sign or rebuild) and bundle_is_current(paths):
        log(f"{paths.bundle} is current (same sources): reused")
        made = [paths.bundle]
    else:
        # On macOS `pkg` signs and notarizes the .app itself, before packaging it.
        made = [build_bundle(paths, sign=sign and not MACOS)]
    check_self_test(paths.binary)
    if LINUX:
        made.append(build_deb(paths, level=level))
        msi_check(paths)
    elif WINDOWS:
        made.append(build_msi_windows(paths, sign=sign))
    elif MACOS:
        made.append(build_pkg(paths, sign=sign))
    return made


def run_command(
    command: str, paths: Paths, *, sign: bool, level: int, rebuild: bool = False
) -> None:
    """One command of the command line (see the module docstring)."""
    if command == "bundle":
        build_bundle(paths, sign=sign)
    elif command == "bare":
        build_bare(paths)
    elif command == "icons":
        log(str(build_icons(paths)))
    elif command == "self-test":
        check_self_test(paths.binary)
    elif command == "deb":
        build_deb(paths, level=level)
    elif command == "msi-check":
        msi_check(paths)
    elif command == "msi":
        build_msi_windows(paths, sign=sign)
    elif command == "pkg":
        build_pkg(paths, sign=sign)
    else:
        for path in build_all(paths, sign=sign, level=level, rebuild=rebuild):
            log(f"built {path}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="installers/build.py",
        description="Build the helper's bundle and installers for this OS.",
    )
    parser.add_argument(
        "command",
        choices=[
            "bundle",
            "bare",
            "icons",
            "self-test",
            "deb",
            "msi-check",
            "msi",
            "pkg",
            "all",
            "digest",
        ],
        help="what to build (see the module docstring)",
    )
    parser.add_argument(
        "--sign",
        action="store_true",
        help="sign (macOS, Windows) with the identities from the environment",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="all: build the bundle even when one from the same sources exists",
    )
    parser.add_argument(
        "--zstd-level",
        type=int,
        default=DEB_ZSTD_LEVEL,
        help=f"zstd level of the .deb (default {DEB_ZSTD_LEVEL}; 19 for releases)",
    )
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="outputs")
    parser.add_argument("--work", type=Path, default=REPO / "build", help="temp files")
    args = parser.parse_args(argv)
    paths = Paths(dist=args.dist.resolve(), work=args.work.resolve())
    if args.command == "digest":
        sys.stdout.write(json.dumps({"sources": sources_digest()}) + "\n")
        return 0
    try:
        with build_lock(paths):
            run_command(
                args.command,
                paths,
                sign=args.sign,
                level=args.zstd_level,
                rebuild=args.rebuild,
            )
    except BuildError as exc:
        sys.stderr.write(f"build.py {args.command}: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
