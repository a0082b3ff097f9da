# SPDX-License-Identifier: MIT
"""Linux: the .deb made from the bundle, with a Depends: line from ldd and dpkg."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from helper import APP_ID, BUNDLE_ID, __version__
from installers.buildsteps.bundle import write_sbom
from installers.buildsteps.common import (
    LINUX_DIR,
    REPO,
    BuildError,
    Paths,
    deb_arch,
    executable,
    log,
    need_tool,
    run,
)
from installers.buildsteps.icons import ICON_SVG_NAME, build_icons

# Linux install locations (docs/admin-guide.md).
DEB_PREFIX: Final = Path("opt") / APP_ID
DEB_CONFIG: Final = Path("etc") / APP_ID / "config.toml"
# The Debian packages the window needs from the system (Qt's xcb platform
# plugin, Qt Widgets): one list for `make run`, `make test` and the .deb's
# Depends: line, which adds whatever else ldd finds outside the bundle.
RUNTIME_PACKAGES: Final = LINUX_DIR / "qt-runtime-packages.txt"
HICOLOR_SIZES: Final = (48, 128, 256)


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def system_libraries_of(elf: Path, library_path: str) -> set[str]:
    """Shared libraries ``elf`` loads from outside ``library_path`` (ldd)."""
    env = dict(os.environ, LD_LIBRARY_PATH=library_path)
    result = subprocess.run(
        ["ldd", str(elf)], capture_output=True, text=True, env=env, check=False
    )
    found: set[str] = set()
    for line in result.stdout.splitlines():
        parts = line.split("=>")
        if len(parts) != 2:
            continue
        target = parts[1].strip().split(" (")[0].strip()
        if target.startswith("/"):
            found.add(os.path.realpath(target))
    return found


def system_libraries(bundle: Path) -> set[str]:
    """Shared libraries the bundle's ELF files load from the system (ldd)."""
    internal = bundle / "_internal"
    library_path = os.pathsep.join(
        [str(internal), str(internal / "PySide6" / "Qt" / "lib")]
    )
    found: set[str] = set()
    elves = [
        p
        for p in sorted(bundle.rglob("*"))
        if p.is_file() and not p.is_symlink() and _is_elf(p)
    ]
    for elf in elves:
        found |= {
            lib
            for lib in system_libraries_of(elf, library_path)
            if not lib.startswith(str(bundle))
        }
    return found


def debian_packages(libraries: Iterable[str]) -> set[str]:
    """The Debian packages owning the given files (dpkg -S), architecture dropped."""
    packages: set[str] = set()
    for library in sorted(libraries):
        result = subprocess.run(
            ["dpkg", "-S", library], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            # usrmerge: /lib/x86_64-linux-gnu/x is registered as /usr/lib/... or back.
            other = (
                library.removeprefix("/usr")
                if library.startswith("/usr/lib")
                else "/usr" + library
            )
            result = subprocess.run(
                ["dpkg", "-S", other], capture_output=True, text=True, check=False
            )
        if result.returncode == 0:
            name = result.stdout.split(":", 1)[0].split(",")[0].strip()
            packages.add(name)
    return packages


def runtime_packages(path: Path = RUNTIME_PACKAGES) -> list[str]:
    """The package names of a list file (one a line; ``#`` starts a comment)."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            names.append(name)
    return names


def deb_depends(bundle: Path) -> str:
    """The Depends: line: the runtime list plus what ldd finds, libc6 versioned."""
    packages = set(runtime_packages())
    if shutil.which("dpkg") and shutil.which("ldd"):
        packages |= debian_packages(system_libraries(bundle))
    libc = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libc6"],
        capture_output=True,
        text=True,
        check=False,
    )
    names = sorted(packages - {"libc6"})
    version = libc.stdout.strip().split("-")[0] if libc.returncode == 0 else ""
    first = f"libc6 (>= {version})" if version else "libc6"
    return ", ".join([first, *names])


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)


def _normalize_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for the rest (Debian policy)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable_bit = path.stat().st_mode & 0o111
            path.chmod(0o755 if executable_bit else 0o644)


def stage_deb(bundle: Path, stage: Path, icons: Path, sbom: Path | None = None) -> Path:
    """Lay out the package tree; returns it (``stage``)."""
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / DEB_PREFIX
    opt.parent.mkdir(parents=True)
    _copy_tree(bundle, opt)
    usr_bin = stage / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / APP_ID).symlink_to(Path("/") / DEB_PREFIX / APP_ID)
    share = stage / "usr" / "share"
    applications = share / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(LINUX_DIR / f"{BUNDLE_ID}.desktop", applications)
    metainfo = share / "metainfo"
    metainfo.mkdir(parents=True)
    shutil.copy2(LINUX_DIR / f"{BUNDLE_ID}.metainfo.xml", metainfo)
    hicolor = share / "icons" / "hicolor"
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(REPO / "resources" / "icons" / ICON_SVG_NAME, scalable)
    for size in HICOLOR_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(icons / f"{APP_ID}-{size}.png", folder / f"{BUNDLE_ID}.png")
    doc = share / "doc" / APP_ID
    doc.mkdir(parents=True)
    shutil.copy2(LINUX_DIR / "copyright", doc / "copyright")
    if sbom is not None:
        shutil.copy2(sbom, doc / "sbom.cdx.json")
    etc = stage / DEB_CONFIG
    etc.parent.mkdir(parents=True)
    shutil.copy2(LINUX_DIR / "config.toml", etc)

    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "conffiles").write_text(f"/{DEB_CONFIG.as_posix()}\n", encoding="utf-8")
    _normalize_modes(stage)
    size_kib = (
        sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024
    )
    control = (LINUX_DIR / "control.in").read_text(encoding="utf-8")
    control = (
        control.replace("@VERSION@", __version__)
        .replace("@ARCH@", deb_arch())
        .replace("@INSTALLED_SIZE@", str(size_kib))
        .replace("@DEPENDS@", deb_depends(bundle))
        .replace(
            "@MAINTAINER@",
            os.environ.get(
                "DEB_MAINTAINER",
                "Intune Migration Helper developers <helper@example.invalid>",
            ),
        )
    )
    (debian / "control").write_text(control, encoding="utf-8")
    (debian / "control").chmod(0o644)
    (debian / "conffiles").chmod(0o644)
    return stage


# zstd level of the .deb: 12 gives 54 MB in 5 s here; 19 gives 48 MB in 60 s.
DEB_ZSTD_LEVEL: Final = 12


def build_deb(paths: Paths, *, level: int = DEB_ZSTD_LEVEL) -> Path:
    """The .deb from the bundle (dpkg-deb, zstd at ``level``); returns its path."""
    if not executable(paths.bundle).is_file():
        raise BuildError(f"{paths.bundle}: no bundle; run `build.py bundle` first")
    need_tool("dpkg-deb", "install dpkg")
    icons = paths.icons
    if not (icons / f"{APP_ID}-256.png").is_file():
        icons = build_icons(paths)
    if not paths.sbom.is_file():
        write_sbom(paths)
    stage = stage_deb(paths.bundle, paths.work / "deb" / "root", icons, paths.sbom)
    out = paths.deb
    out.unlink(missing_ok=True)
    run(
        [
            "dpkg-deb",
            "--root-owner-group",
            "-Zzstd",
            f"-z{level}",
            "--build",
            stage,
            out,
        ]
    )
    log(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out
