# SPDX-License-Identifier: MIT
"""What every build step shares: paths, platform, logging, commands, the lock.

``log``, ``run`` and ``need_tool`` (every command a step runs goes through
``run``, which logs it and turns a failure into :class:`BuildError`), the
repository's folders, :class:`Paths` (where outputs go), the digest of what the
bundle is built from (``sources_digest``) and the build lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Final

from helper import APP_ID, APP_NAME, __version__

REPO: Final = Path(__file__).resolve().parents[2]
INSTALLERS: Final = REPO / "installers"
LINUX_DIR: Final = INSTALLERS / "linux"
WINDOWS_DIR: Final = INSTALLERS / "windows"
MACOS_DIR: Final = INSTALLERS / "macos"

WINDOWS: Final = sys.platform == "win32"
MACOS: Final = sys.platform == "darwin"
LINUX: Final = not (WINDOWS or MACOS)


class BuildError(Exception):
    """A build step failed; the message says which and why (one line)."""


# --- small tools ----------------------------------------------------------------


def log(message: str) -> None:
    sys.stdout.write(f"[build] {message}\n")
    sys.stdout.flush()


def run(
    command: Sequence[str | Path],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    capture: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run a command; raise BuildError (with its output) when it fails."""
    args = [str(c) for c in command]
    log("$ " + " ".join(args))
    result = subprocess.run(
        args,
        cwd=cwd or REPO,
        env=env,
        text=True,
        capture_output=capture,
        check=False,
    )
    if result.returncode != 0:
        detail = (
            (result.stderr or result.stdout or "").strip()[-2000:] if capture else ""
        )
        raise BuildError(
            f"{Path(args[0]).name} exited with {result.returncode}"
            + (f": {detail}" if detail else "")
        )
    return result


def need_tool(name: str, hint: str) -> str:
    """The path of a command-line tool, or BuildError saying how to get it."""
    found = shutil.which(name)
    if found is None:
        raise BuildError(f"{name} not found: {hint}")
    return found


def load_module(path: Path, name: str) -> ModuleType:
    """Import a script of installers/ as a module (pkg.py loads build_app.py)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise BuildError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def deb_arch() -> str:
    """The Debian architecture of this machine (``amd64``)."""
    if shutil.which("dpkg"):
        out = subprocess.run(
            ["dpkg", "--print-architecture"],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, "amd64")


# --- what the bundle is built from ----------------------------------------------


# The bundle is built in a venv of its own, installed from this lock only (the
# desktop set and PyInstaller): what PyInstaller can find is what ships. Built
# from the development venv, the bundle also took modules of the test tools that
# the desktop set does not have (attrs, click, packaging, pygments...).
BUNDLE_LOCK: Final = REPO / "requirements" / "bundle.txt"
# The build steps that shape the bundle (its venv, PyInstaller's options, the
# icons, the SBOM, this digest); the .deb, MSI and .pkg steps package a
# finished bundle, and build.py only parses the command line.
BUNDLE_STEPS: Final = tuple(
    INSTALLERS / "buildsteps" / name for name in ("common.py", "icons.py", "bundle.py")
)


def _source_files() -> Iterator[Path]:
    for folder in ("helper", "ui", "resources", "installers/pyinstaller"):
        for path in sorted((REPO / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.suffix in (".pyc", ".qm"):  # caches; .qm come from the .ts
                continue
            yield path
    yield REPO / "pyproject.toml"
    yield from BUNDLE_STEPS
    yield BUNDLE_LOCK


def sources_digest() -> str:
    """A SHA-256 of everything the bundle is built from, and of the toolchain.

    ``bundle`` writes it next to the bundle; tests/packaging reuse a bundle whose
    digest matches instead of building again.
    """
    digest = hashlib.sha256()
    # The build venv's packages are the bundle lock's (hashed below).
    digest.update(f"{sys.version}\n".encode())
    for path in _source_files():
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class Paths:
    """Where outputs go."""

    dist: Path
    work: Path

    @property
    def bundle(self) -> Path:
        """The onedir folder (``dist/intune-migration-helper``)."""
        return self.dist / APP_ID

    @property
    def stamp(self) -> Path:
        return self.dist / f"{APP_ID}.sources-sha256"

    @property
    def app(self) -> Path:
        """The macOS application bundle."""
        return self.dist / f"{APP_NAME}.app"

    @property
    def binary(self) -> Path:
        """The executable to self-test: the .app's on macOS."""
        if MACOS and self.app.is_dir():
            return self.app / "Contents" / "MacOS" / APP_ID
        return executable(self.bundle)

    @property
    def bare(self) -> Path:
        return self.dist / "bare"

    @property
    def icons(self) -> Path:
        return self.work / "icons"

    @property
    def deb(self) -> Path:
        return self.dist / f"{APP_ID}_{__version__}_{deb_arch()}.deb"

    @property
    def sbom(self) -> Path:
        """The bundle's CycloneDX SBOM, beside the packages made from it."""
        return self.dist / f"{APP_ID}-{__version__}.cdx.json"

    @property
    def msi(self) -> Path:
        return self.dist / f"IntuneMigrationHelper-{__version__}-x64.msi"

    @property
    def pkg(self) -> Path:
        return self.dist / f"IntuneMigrationHelper-{__version__}.pkg"


def executable(bundle: Path) -> Path:
    """The bundle's command-line executable (the console one on Windows)."""
    return bundle / (f"{APP_ID}.exe" if WINDOWS else APP_ID)


# Set by a caller that already holds the lock (tests/packaging's fixture).
LOCK_HELD_ENV: Final = "HELPER_BUILD_LOCK_HELD"


@contextlib.contextmanager
def build_lock(paths: Paths) -> Iterator[None]:
    """Hold ``<work>/.build.lock`` exclusively while building (POSIX).

    Test runs hold it shared while they run the built binaries, so a build never
    replaces a bundle under a running test, and two builds never interleave.
    """
    if os.environ.get(LOCK_HELD_ENV) == "1" or WINDOWS:
        yield
        return
    import fcntl

    paths.work.mkdir(parents=True, exist_ok=True)
    with (paths.work / ".build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
