# SPDX-License-Identifier: MIT
"""macOS: sign the .app inside-out, build the .pkg, notarize and staple both.

Usage (on a Mac, from the repository root; ``installers/build.py all --sign``
does the same after building the bundle)::

    python installers/macos/build_app.py app [--sign]   # bundle, then sign + notarize
    python installers/macos/build_app.py pkg [--sign]   # .pkg from dist/<App>.app

Identities and credentials come from the environment, never from arguments:

- ``APPLE_SIGNING_IDENTITY``: "Developer ID Application: Contoso (TEAMID)";
- ``APPLE_INSTALLER_IDENTITY``: "Developer ID Installer: Contoso (TEAMID)";
- notarization, either an App Store Connect API key (``APPLE_NOTARY_KEY``: path
  of the .p8 file, ``APPLE_NOTARY_KEY_ID``, ``APPLE_NOTARY_ISSUER``) or an
  Apple ID (``APPLE_ID``, ``APPLE_TEAM_ID``, ``APPLE_APP_PASSWORD``: an
  app-specific password).

Without an identity, that step is skipped with a line saying so: the .app stays
ad-hoc signed (PyInstaller's default), the .pkg unsigned and nothing is
notarized. Fine for testing; Gatekeeper blocks such a package on end-user Macs.

Order (STYLE §3.21): every Mach-O file inside the bundle, deepest first, then
each framework, then the .app, with ``--options runtime --timestamp`` (the
executables with entitlements.plist); ``codesign --verify --strict --deep``;
the .app zipped and notarized, then stapled; ``pkgbuild`` (not relocatable,
to /Applications) + ``productbuild`` signed with the installer identity; the
.pkg notarized and stapled; ``stapler validate``, ``spctl --assess``.
"""

from __future__ import annotations

import argparse
import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

HERE: Final = Path(__file__).resolve().parent
REPO: Final = HERE.parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from helper import APP_NAME, BUNDLE_ID, __version__  # noqa: E402

ENTITLEMENTS: Final = HERE / "entitlements.plist"
MACHO_MAGICS: Final = {
    bytes.fromhex(m)
    for m in ("feedface", "feedfacf", "cefaedfe", "cffaedfe", "cafebabe", "bebafeca")
}
NOTARY_TIMEOUT: Final = "45m"
# A variable, not `sys.platform` inline, so that type checkers on Linux do not
# mark the macOS code unreachable.
ON_MACOS: Final[bool] = sys.platform == "darwin"


class MacBuildError(Exception):
    """A signing, packaging or notarization step failed (one line)."""


def log(message: str) -> None:
    sys.stdout.write(f"[macos] {message}\n")
    sys.stdout.flush()


def run(command: Sequence[str | Path], *, capture: bool = False) -> str:
    args = [str(c) for c in command]
    shown = ["***" if a.startswith("-----BEGIN") else a for a in args]
    log("$ " + " ".join(shown))
    result = subprocess.run(args, capture_output=capture, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout or "").strip()[-2000:]
        raise MacBuildError(
            f"{Path(args[0]).name} exited with {result.returncode}: {detail}"
        )
    return result.stdout if capture else ""


def is_macho(path: Path) -> bool:
    """Is ``path`` a Mach-O binary (thin or universal)?"""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(4) in MACHO_MAGICS
    except OSError:
        return False


def signing_order(app: Path) -> list[Path]:
    """What to sign, inside-out: Mach-O files, then frameworks, deepest first."""
    contents = app / "Contents"
    binaries = [p for p in contents.rglob("*") if is_macho(p)]
    frameworks = [
        p for p in contents.rglob("*.framework") if p.is_dir() and not p.is_symlink()
    ]

    def depth(path: Path) -> int:
        return len(path.relative_to(app).parts)

    return sorted(binaries, key=depth, reverse=True) + sorted(
        frameworks, key=depth, reverse=True
    )


def codesign(path: Path, identity: str, *, entitlements: Path | None = None) -> None:
    command: list[str | Path] = [
        "codesign",
        "--force",
        "--timestamp",
        "--options",
        "runtime",
        "--sign",
        identity,
    ]
    if entitlements is not None:
        command += ["--entitlements", entitlements]
    run([*command, path])


def sign_app(app: Path, *, entitlements: Path = ENTITLEMENTS) -> bool:
    """Sign the .app inside-out with ``APPLE_SIGNING_IDENTITY``.

    Returns:
        False (and says so) when no identity is set: nothing was signed.
    """
    identity = os.environ.get("APPLE_SIGNING_IDENTITY")
    if not identity:
        log("not signing the app: APPLE_SIGNING_IDENTITY is not set (ad-hoc signed)")
        return False
    if not app.is_dir():
        raise MacBuildError(f"{app}: no application bundle; run build.py bundle")
    executables = app / "Contents" / "MacOS"
    for path in signing_order(app):
        main = path.parent == executables
        codesign(path, identity, entitlements=entitlements if main else None)
    codesign(app, identity, entitlements=entitlements)
    run(["codesign", "--verify", "--strict", "--deep", "--verbose=2", app])
    return True


def notary_credentials() -> list[str] | None:
    """notarytool's credential options from the environment, or None."""
    key = os.environ.get("APPLE_NOTARY_KEY")
    key_id = os.environ.get("APPLE_NOTARY_KEY_ID")
    issuer = os.environ.get("APPLE_NOTARY_ISSUER")
    if key and key_id and issuer:
        return ["--key", key, "--key-id", key_id, "--issuer", issuer]
    apple_id = os.environ.get("APPLE_ID")
    team = os.environ.get("APPLE_TEAM_ID")
    password = os.environ.get("APPLE_APP_PASSWORD")
    if apple_id and team and password:
        return ["--apple-id", apple_id, "--team-id", team, "--password", password]
    return None


def notarize(path: Path) -> bool:
    """Submit to the notary service and wait; staple the ticket on success.

    ``path`` is a .pkg, or a .app (submitted as a zip, stapled in place).
    Returns False (and says so) when no notary credentials are set.
    """
    credentials = notary_credentials()
    if credentials is None:
        log(
            f"not notarizing {path.name}: no APPLE_NOTARY_KEY/_KEY_ID/_ISSUER "
            "nor APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD"
        )
        return False
    with tempfile.TemporaryDirectory() as temp:
        upload = path
        if path.suffix == ".app":
            upload = Path(temp) / f"{path.stem}.zip"
            run(["ditto", "-c", "-k", "--keepParent", path, upload])
        out = run(
            [
                "xcrun",
                "notarytool",
                "submit",
                upload,
                *credentials,
                "--wait",
                "--timeout",
                NOTARY_TIMEOUT,
                "--output-format",
                "plist",
            ],
            capture=True,
        )
    result = plistlib.loads(out.encode())
    if result.get("status") != "Accepted":
        submission = str(result.get("id", ""))
        detail = (
            run(["xcrun", "notarytool", "log", submission, *credentials], capture=True)
            if submission
            else ""
        )
        raise MacBuildError(
            f"notarization of {path.name}: {result.get('status')} {detail[-1500:]}"
        )
    run(["xcrun", "stapler", "staple", path])
    run(["xcrun", "stapler", "validate", path])
    return True


def component_plist(root: Path, out: Path) -> None:
    """pkgbuild's component list with relocation off.

    A relocatable component is installed wherever Installer finds an app with
    the same bundle id (say, a copy in ~/Downloads) instead of /Applications.
    """
    run(["pkgbuild", "--analyze", "--root", root, out])
    with out.open("rb") as handle:
        components = plistlib.load(handle)
    for component in components:
        component["BundleIsRelocatable"] = False
        component["BundleIsVersionChecked"] = True
        component["BundleOverwriteAction"] = "upgrade"
    with out.open("wb") as handle:
        plistlib.dump(components, handle)


def build_pkg(app: Path, out: Path, *, sign: bool = False) -> Path:
    """The installer package of the .app (signed and notarized with ``sign``)."""
    if not ON_MACOS:
        raise MacBuildError("pkgbuild, productbuild and notarytool exist on macOS only")
    if not app.is_dir():
        raise MacBuildError(f"{app}: no application bundle; run build.py bundle")
    if sign and sign_app(app):
        notarize(app)
    installer_identity = os.environ.get("APPLE_INSTALLER_IDENTITY") if sign else None
    if sign and not installer_identity:
        log("not signing the package: APPLE_INSTALLER_IDENTITY is not set")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        root = work / "root"
        root.mkdir()
        # ditto keeps the bundle's symlinks, extended attributes and signature.
        run(["ditto", app, root / app.name])
        plist = work / "component.plist"
        component_plist(root, plist)
        packages = work / "packages"
        packages.mkdir()
        component = packages / f"{BUNDLE_ID}.component.pkg"
        run(
            [
                "pkgbuild",
                "--root",
                root,
                "--component-plist",
                plist,
                "--identifier",
                f"{BUNDLE_ID}.pkg",
                "--version",
                __version__,
                "--install-location",
                "/Applications",
                component,
            ]
        )
        distribution = work / "distribution.xml"
        run(["productbuild", "--synthesize", "--package", component, distribution])
        out.unlink(missing_ok=True)
        command: list[str | Path] = [
            "productbuild",
            "--distribution",
            distribution,
            "--package-path",
            packages,
        ]
        if installer_identity:
            command += ["--sign", installer_identity, "--timestamp"]
        run([*command, out])
    if installer_identity:
        run(["pkgutil", "--check-signature", out])
        if notarize(out):
            run(["spctl", "--assess", "--type", "install", "-vv", out])
    log(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="installers/macos/build_app.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("command", choices=["app", "pkg"])
    parser.add_argument(
        "--sign",
        action="store_true",
        help="sign and notarize with the identities from the environment",
    )
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    args = parser.parse_args(argv)
    app = args.dist / f"{APP_NAME}.app"
    try:
        if args.command == "app":
            subprocess.run(
                [
                    sys.executable,
                    str(REPO / "installers" / "build.py"),
                    "bundle",
                    "--dist",
                    str(args.dist),
                ],
                check=True,
            )
            if args.sign and sign_app(app):
                notarize(app)
        else:
            build_pkg(
                app,
                args.dist / f"IntuneMigrationHelper-{__version__}.pkg",
                sign=args.sign,
            )
    except (MacBuildError, subprocess.CalledProcessError) as exc:
        sys.stderr.write(f"build_app.py {args.command}: {exc}\n")
        return 1
    if shutil.which("codesign") is None:
        log("note: codesign not found; this is not a Mac")
    return 0


if __name__ == "__main__":
    sys.exit(main())
