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
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Final

REPO: Final = Path(__file__).resolve().parent.parent
INSTALLERS: Final = REPO / "installers"
SPEC: Final = INSTALLERS / "pyinstaller" / "helper.spec"
BARE_SPEC: Final = INSTALLERS / "pyinstaller" / "bare.spec"
LINUX_DIR: Final = INSTALLERS / "linux"
WINDOWS_DIR: Final = INSTALLERS / "windows"
MACOS_DIR: Final = INSTALLERS / "macos"
ICON_SVG_NAME: Final = "com.intunemigrationhelper.helper.svg"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from helper import APP_ID, APP_NAME, BUNDLE_ID, __version__  # noqa: E402

WINDOWS: Final = sys.platform == "win32"
MACOS: Final = sys.platform == "darwin"
LINUX: Final = not (WINDOWS or MACOS)

# The Windows GUI executable (the console twin is APP_ID.exe); see helper.spec.
WINDOWS_GUI_EXE: Final = "IntuneMigrationHelper.exe"
# The UpgradeCode in installers/windows/product.wxs. It never changes.
UPGRADE_CODE: Final = "{67576366-CDF7-4C68-98B1-ACBA38156454}"
# Linux install locations (docs/admin-guide.md).
DEB_PREFIX: Final = Path("opt") / APP_ID
DEB_CONFIG: Final = Path("etc") / APP_ID / "config.toml"
# The Debian packages the window needs from the system (Qt's xcb platform
# plugin, Qt Widgets): one list for `make run`, `make test` and the .deb's
# Depends: line, which adds whatever else ldd finds outside the bundle.
RUNTIME_PACKAGES: Final = LINUX_DIR / "qt-runtime-packages.txt"

ICON_PNG_SIZES: Final = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
HICOLOR_SIZES: Final = (48, 128, 256)
# Qt prints these on stderr in a clean environment; anything else is a finding.
SELF_TEST_STDERR_ALLOWED: Final = re.compile(
    r"""^(
        Detected\ locale\ "C"\ with\ character\ encoding.*
      | Qt\ depends\ on\ a\ UTF-8\ locale.*
      | If\ this\ causes\ problems,\ reconfigure\ your\ locale.*
      | for\ more\ information\.
      | This\ plugin\ does\ not\ support\ propagateSizeHints\(\)
      | QBackingStore::flush\(\)\ called\ for.*which\ does\ not\ have\ a\ handle\.
    )$""",
    re.X,
)


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
    """Import a script of installers/ as a module (tests use this too)."""
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


def _source_files() -> Iterator[Path]:
    for folder in ("helper", "ui", "resources", "installers/pyinstaller"):
        for path in sorted((REPO / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.suffix in (".pyc", ".qm"):  # caches; .qm come from the .ts
                continue
            yield path
    yield REPO / "pyproject.toml"
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


def bundle_is_current(paths: Paths) -> bool:
    """Is there a bundle built from exactly these sources?"""
    if not executable(paths.bundle).is_file() or not paths.stamp.is_file():
        return False
    return paths.stamp.read_text(encoding="utf-8").strip() == sources_digest()


# --- translations and icons -----------------------------------------------------


def build_translations() -> None:
    """Compile resources/translations/*.ts into .qm (the i18n engineer's tool)."""
    run([sys.executable, INSTALLERS / "build_translations.py", "--if-needed"])


def _render_png(svg: Path, size: int, out: Path) -> bytes:
    """Render the SVG at ``size`` px into ``out`` (PNG); returns the bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImageReader

    if QGuiApplication.instance() is None:
        _render_png.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]
    reader = QImageReader(str(svg))
    reader.setScaledSize(QSize(size, size))
    image = reader.read()
    if image.isNull() or not image.save(str(out)):
        raise BuildError(f"{svg}: cannot render at {size} px ({reader.errorString()})")
    return out.read_bytes()


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (Windows Vista and later read them)."""
    sizes = sorted(s for s in pngs if s <= 256)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


# ICNS element types holding PNG data, by pixel size (ic11-ic14 are @2x).
_ICNS_TYPES: Final = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    body = b""
    for kind, size in _ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def build_icons(paths: Paths) -> Path:
    """Render resources/icons/<BUNDLE_ID>.svg to PNG sizes, .ico and .icns.

    Returns:
        The folder: ``<APP_ID>-<size>.png``, ``<APP_ID>.png`` (256),
        ``<APP_ID>.ico``, ``<APP_ID>.icns``.
    """
    svg = REPO / "resources" / "icons" / ICON_SVG_NAME
    out = paths.icons
    out.mkdir(parents=True, exist_ok=True)
    pngs = {
        size: _render_png(svg, size, out / f"{APP_ID}-{size}.png")
        for size in ICON_PNG_SIZES
    }
    (out / f"{APP_ID}.png").write_bytes(pngs[256])
    (out / f"{APP_ID}.ico").write_bytes(ico_bytes(pngs))
    (out / f"{APP_ID}.icns").write_bytes(icns_bytes(pngs))
    return out


# --- bundle ---------------------------------------------------------------------


# The bundle is built in a venv of its own, installed from this lock only (the
# desktop set and PyInstaller): what PyInstaller can find is what ships. Built
# from the development venv, the bundle also took modules of the test tools that
# the desktop set does not have (attrs, click, packaging, pygments...).
BUNDLE_LOCK: Final = REPO / "requirements" / "bundle.txt"


def bundle_python(paths: Paths) -> Path:
    """The Python of the build venv (``build/venv-bundle``), made or refreshed
    from requirements/bundle.txt when the lock changed."""
    venv = paths.work / "venv-bundle"
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    stamp = venv / "lock.sha256"
    wanted = hashlib.sha256(BUNDLE_LOCK.read_bytes()).hexdigest()
    if python.is_file() and stamp.is_file() and stamp.read_text().strip() == wanted:
        return python
    log(f"build venv {venv} from {BUNDLE_LOCK.relative_to(REPO)}")
    run([sys.executable, "-m", "venv", "--clear", venv])
    pip = [python, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    run([*pip, "install", "--require-hashes", "--no-deps", "-r", BUNDLE_LOCK])
    run([*pip, "check", "--quiet"])
    stamp.write_text(wanted + "\n", encoding="utf-8")
    return python


def pyinstaller(spec: Path, paths: Paths, *, icons: Path | None = None) -> None:
    env = dict(os.environ)
    if icons is not None:
        env["HELPER_ICON_DIR"] = str(icons)
    run(
        [
            bundle_python(paths),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            paths.dist,
            "--workpath",
            paths.work / "pyinstaller",
            spec,
        ],
        env=env,
    )


def build_bundle(paths: Paths, *, sign: bool = False) -> Path:
    """Translations, icons, then the PyInstaller bundle; returns its folder."""
    start = time.perf_counter()
    build_translations()
    icons = build_icons(paths)
    paths.stamp.unlink(missing_ok=True)
    pyinstaller(SPEC, paths, icons=icons)
    write_sbom(paths)
    paths.stamp.write_text(sources_digest() + "\n", encoding="utf-8")
    log(f"bundle {paths.bundle} in {time.perf_counter() - start:.1f} s")
    if sign and MACOS:
        tools = macos_tools()
        if tools.sign_app(paths.app):
            tools.notarize(paths.app)
    elif sign and WINDOWS:
        bundle = paths.bundle
        windows_sign([bundle / WINDOWS_GUI_EXE, bundle / f"{APP_ID}.exe"])
    return paths.bundle


# --- what the bundle contains: versions.txt and the SBOM ---------------------------


def bundle_versions(bundle: Path) -> dict[str, str]:
    """``name → version`` from the bundle's resources/versions.txt (the spec
    writes it from what PyInstaller collected), our own line left out."""
    found = sorted(bundle.rglob("resources/versions.txt"))
    if not found:
        raise BuildError(f"{bundle}: no resources/versions.txt (helper.spec writes it)")
    versions = {}
    for line in found[0].read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.strip().partition("==")
            if name != APP_ID:
                versions[name] = version
    return versions


def lock_blocks(lock: Path = BUNDLE_LOCK) -> dict[tuple[str, str], str]:
    """``(name, version) → its block of lines`` in a requirements export (the
    ``name==version ; marker`` line, its ``--hash`` lines and ``# via`` notes)."""
    blocks: dict[tuple[str, str], str] = {}
    key: tuple[str, str] | None = None
    for line in lock.read_text(encoding="utf-8").splitlines(keepends=True):
        if line[:1].isalnum():
            spec = line.split(";", 1)[0].split("\\", 1)[0].strip()
            name, _, version = spec.partition("==")
            key = (name.lower(), version)
            blocks[key] = line
        elif key is not None and line.startswith(" "):
            blocks[key] += line
    return blocks


def write_sbom(paths: Paths) -> Path:
    """The CycloneDX SBOM (cyclonedx-py) of what the bundle contains.

    Every distribution the bundle contains must be pinned in the bundle lock
    (the desktop set, and PyInstaller, whose bootloader and runtime ship too);
    anything else would ship unreviewed, and fail on a plain desktop install.
    """
    bundled = bundle_versions(paths.bundle)
    blocks = lock_blocks()
    missing = [f"{n}=={v}" for n, v in bundled.items() if (n, v) not in blocks]
    if missing:
        raise BuildError(
            f"the bundle contains {', '.join(missing)}, which requirements/bundle.txt "
            "does not pin: add the package to the [desktop] extra and run `make lock`, "
            "or exclude it in installers/pyinstaller/slim.py"
        )
    selected = paths.work / "sbom" / "bundle-requirements.txt"
    selected.parent.mkdir(parents=True, exist_ok=True)
    selected.write_text(
        "".join(blocks[item] for item in sorted(bundled.items())), encoding="utf-8"
    )
    out = paths.sbom
    tool = Path(sys.executable).parent / ("cyclonedx-py" + (".exe" if WINDOWS else ""))
    run(
        [
            str(tool) if tool.is_file() else need_tool("cyclonedx-py", "make"),
            "requirements",
            str(selected),
            "--pyproject",
            str(REPO / "pyproject.toml"),
            "--output-reproducible",
            "--of",
            "JSON",
            "--output-file",
            str(out),
        ]
    )
    # Our version is dynamic in pyproject.toml, which cyclonedx-py reads.
    document = json.loads(out.read_text(encoding="utf-8"))
    document["metadata"]["component"]["version"] = __version__
    out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    log(f"{out} ({len(bundled)} components)")
    return out


def build_bare(paths: Paths) -> Path:
    pyinstaller(BARE_SPEC, paths)
    return paths.bare


def self_test(
    binary: Path, *, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``binary --self-test`` in a clean environment (POSIX: ``env -i``).

    Only ``QT_QPA_PLATFORM=offscreen`` and ``HOME`` (a temporary folder) are set,
    as on a machine where nothing about the helper is configured. On Windows the
    system variables Windows itself needs are kept.
    """
    with tempfile.TemporaryDirectory(prefix="helper-selftest-") as temp:
        env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home or temp)}
        if WINDOWS:
            for name in (
                "SYSTEMROOT",
                "WINDIR",
                "TEMP",
                "TMP",
                "USERPROFILE",
                "LOCALAPPDATA",
                "APPDATA",
                "PROGRAMDATA",
            ):
                if name in os.environ:
                    env[name] = os.environ[name]
        return subprocess.run(
            [str(binary), "--self-test"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def unexpected_stderr(stderr: str) -> list[str]:
    """stderr lines of a successful self-test that are not known Qt notices."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not SELF_TEST_STDERR_ALLOWED.match(line.strip())
    ]


def check_self_test(binary: Path) -> str:
    """Run the self-test; BuildError unless it exits 0 with a clean stderr."""
    result = self_test(binary)
    if result.returncode != 0:
        raise BuildError(
            f"{binary} --self-test exited with {result.returncode}: "
            f"{(result.stderr or result.stdout).strip()[-1000:]}"
        )
    extra = unexpected_stderr(result.stderr)
    if extra or "Traceback" in result.stderr:
        raise BuildError(f"{binary} --self-test wrote to stderr: {extra[:5]}")
    line = result.stdout.strip()
    log(line)
    return line


# --- Linux: .deb ----------------------------------------------------------------


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


# --- Windows: MSI ---------------------------------------------------------------


def _wix_id(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.encode()).hexdigest()[:24].upper()


def harvest(
    bundle: Path, out: Path, *, windows_paths: bool = WINDOWS
) -> tuple[int, int]:
    """Write files.wxs: component group ``AppFiles``, one component per file.

    Args:
        bundle: the onedir folder installed as INSTALLDIR.
        out: the .wxs to write.
        windows_paths: backslashes in ``Source`` (WiX on Windows).

    Returns:
        (files harvested, symlinks skipped). A Linux bundle has symlinks (MSI
        cannot hold them); a Windows bundle has none.
    """
    ns = "http://schemas.microsoft.com/wix/2006/wi"
    ET.register_namespace("", ns)
    wix = ET.Element(f"{{{ns}}}Wix")
    dirs_fragment = ET.SubElement(wix, f"{{{ns}}}Fragment")
    root_ref = ET.SubElement(dirs_fragment, f"{{{ns}}}DirectoryRef", Id="INSTALLDIR")
    group_fragment = ET.SubElement(wix, f"{{{ns}}}Fragment")
    group = ET.SubElement(group_fragment, f"{{{ns}}}ComponentGroup", Id="AppFiles")
    folders: dict[Path, ET.Element] = {Path("."): root_ref}
    files = skipped = 0
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle)
        if path.is_symlink():
            skipped += 1
            continue
        parent = folders[rel.parent]
        if path.is_dir():
            folders[rel] = ET.SubElement(
                parent,
                f"{{{ns}}}Directory",
                Id=_wix_id("d", rel.as_posix()),
                Name=path.name,
            )
            continue
        component_id = _wix_id("c", rel.as_posix())
        component = ET.SubElement(
            parent, f"{{{ns}}}Component", Id=component_id, Guid="*", Win64="yes"
        )
        source = rel.as_posix().replace("/", "\\") if windows_paths else rel.as_posix()
        separator = "\\" if windows_paths else "/"
        ET.SubElement(
            component,
            f"{{{ns}}}File",
            Id=_wix_id("f", rel.as_posix()),
            KeyPath="yes",
            Source=f"$(var.SourceDir){separator}{source}",
        )
        ET.SubElement(group, f"{{{ns}}}ComponentRef", Id=component_id)
        files += 1
    ET.indent(wix)
    out.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(wix).write(out, encoding="utf-8", xml_declaration=True)
    return files, skipped


def _wxs_parts(wxs: Path) -> tuple[dict[str, str], list[str]]:
    """Component conditions and Secure properties of product.wxs."""
    ns = {"w": "http://schemas.microsoft.com/wix/2006/wi"}
    root = ET.parse(wxs).getroot()
    conditions = {}
    for component in root.iterfind(".//w:Component", ns):
        condition = component.find("w:Condition", ns)
        if condition is not None and condition.text:
            conditions[component.attrib["Id"]] = condition.text.strip()
    secure = [
        p.attrib["Id"]
        for p in root.iterfind(".//w:Property", ns)
        if p.attrib.get("Secure") == "yes"
    ]
    return conditions, secure


def wixl_source(wxs: Path, out: Path) -> None:
    """product.wxs without what wixl 0.101 rejects or ignores.

    wixl aborts on Component/Condition and warns on Property/@Secure and
    MajorUpgrade/@Schedule; :func:`build_msi_wixl` puts the first two back into
    the tables afterwards with msibuild.
    """
    text = wxs.read_text(encoding="utf-8")
    text = re.sub(r"\s*<Condition>[^<]*</Condition>", "", text)
    text = text.replace(' Secure="yes"', "").replace(
        ' Schedule="afterInstallInitialize"', ""
    )
    out.write_text(text, encoding="utf-8")


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def build_msi_wixl(bundle: Path, paths: Paths) -> Path:
    """Build an MSI from a bundle with wixl (the structural check on Linux)."""
    need_tool("wixl", "apt-get install wixl")
    need_tool("msibuild", "apt-get install msitools")
    work = paths.work / "msi-check"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    icons = paths.icons
    if not (icons / f"{APP_ID}.ico").is_file():
        icons = build_icons(paths)
    files, skipped = harvest(bundle, work / "files.wxs", windows_paths=False)
    log(f"harvested {files} files ({skipped} symlinks skipped: MSI has none)")
    product = work / "product.wixl.wxs"
    wixl_source(WINDOWS_DIR / "product.wxs", product)
    shutil.copy2(icons / f"{APP_ID}.ico", work / "app.ico")
    msi = work / f"IntuneMigrationHelper-{__version__}-x64-check.msi"
    # wixl resolves file names relative to its working directory only (absolute
    # ones fail a GLib assertion): run it in `work` with relative paths.
    run(
        [
            "wixl",
            "--arch",
            "x64",
            "-D",
            f"SourceDir={os.path.relpath(bundle, work)}",
            "-D",
            f"Version={__version__}",
            "-D",
            "IconFile=app.ico",
            "-o",
            msi.name,
            product.name,
            "files.wxs",
        ],
        cwd=work,
    )
    conditions, secure = _wxs_parts(WINDOWS_DIR / "product.wxs")
    queries = [
        f"UPDATE `Component` SET `Condition` = {_sql_string(cond)} "
        f"WHERE `Component` = {_sql_string(comp)}"
        for comp, cond in conditions.items()
    ]
    table = msi_table(msi, "Property")
    current = next(
        (r["Value"] for r in table if r["Property"] == "SecureCustomProperties"), ""
    )
    names = [n for n in current.split(";") if n] + secure
    queries.append(
        "UPDATE `Property` SET `Value` = "
        f"{_sql_string(';'.join(names))} WHERE `Property` = 'SecureCustomProperties'"
    )
    for query in queries:
        run(["msibuild", msi, "-q", query], capture=True)
    return msi


def msi_table(msi: Path, table: str) -> list[dict[str, str]]:
    """One table of an MSI as rows (``msiinfo export``)."""
    result = run(["msiinfo", "export", msi, table], capture=True)
    lines = result.stdout.splitlines()
    if len(lines) < 3:
        return []
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:]]


@dataclass
class MsiReport:
    """What msiinfo says about an MSI (``msi-check`` prints and checks it)."""

    tables: list[str]
    properties: dict[str, str]
    summary: dict[str, str]
    upgrade: list[dict[str, str]]
    registry: list[dict[str, str]]
    components: dict[str, dict[str, str]]
    launch_conditions: list[dict[str, str]]
    shortcuts: list[dict[str, str]]
    file_count: int
    problems: list[str] = field(default_factory=list)


def inspect_msi(msi: Path, expected_files: int | None = None) -> MsiReport:
    """Read an MSI back and list what is wrong with it (``problems``)."""
    need_tool("msiinfo", "apt-get install msitools")
    tables = run(["msiinfo", "tables", msi], capture=True).stdout.split()
    summary: dict[str, str] = {}
    for line in run(["msiinfo", "suminfo", msi], capture=True).stdout.splitlines():
        key, _, value = line.partition(":")
        summary[key.strip()] = value.strip()
    properties = {r["Property"]: r["Value"] for r in msi_table(msi, "Property")}
    components = {r["Component"]: r for r in msi_table(msi, "Component")}
    report = MsiReport(
        tables=tables,
        properties=properties,
        summary=summary,
        upgrade=msi_table(msi, "Upgrade"),
        registry=msi_table(msi, "Registry"),
        components=components,
        launch_conditions=msi_table(msi, "LaunchCondition"),
        shortcuts=msi_table(msi, "Shortcut"),
        file_count=len(msi_table(msi, "File")),
    )
    problems = report.problems
    for table in ("Component", "File", "Registry", "Upgrade", "Shortcut", "Media"):
        if table not in tables:
            problems.append(f"no {table} table")
    if properties.get("UpgradeCode") != UPGRADE_CODE:
        problems.append(
            f"UpgradeCode {properties.get('UpgradeCode')} != {UPGRADE_CODE}"
        )
    if properties.get("ALLUSERS") != "1":
        problems.append("not per-machine (ALLUSERS is not 1)")
    if properties.get("ProductVersion") != __version__:
        problems.append(f"ProductVersion {properties.get('ProductVersion')}")
    if not summary.get("Template", "").startswith("x64"):
        problems.append(f"template {summary.get('Template')} is not x64")
    codes = {row.get("UpgradeCode") for row in report.upgrade}
    if codes != {UPGRADE_CODE}:
        problems.append(f"Upgrade table codes {codes}")
    if not any(
        "WIX_DOWNGRADE_DETECTED" in r.get("Condition", "")
        for r in report.launch_conditions
    ):
        problems.append("no downgrade launch condition")
    if not any(r.get("Target", "").endswith(WINDOWS_GUI_EXE) for r in report.shortcuts):
        problems.append("no Start menu shortcut")
    if expected_files is not None and report.file_count != expected_files:
        problems.append(f"{report.file_count} files, expected {expected_files}")
    return report


def msi_check(paths: Paths) -> MsiReport:
    """Build the MSI from the Linux bundle with wixl and inspect it."""
    bundle = paths.bundle
    if not executable(bundle).is_file():
        raise BuildError(f"{bundle}: no bundle; run `build.py bundle` first")
    start = time.perf_counter()
    msi = build_msi_wixl(bundle, paths)
    files = sum(1 for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    report = inspect_msi(msi, expected_files=files)
    policy_rows = [r for r in report.registry if "Policies" in r.get("Key", "")]
    log(
        f"{msi.name}: {msi.stat().st_size / 1e6:.1f} MB, "
        f"{len(report.tables)} tables, {report.file_count} files, "
        f"UpgradeCode {report.properties.get('UpgradeCode')}, "
        f"{len(policy_rows)} policy registry values, "
        f"{time.perf_counter() - start:.1f} s"
    )
    for row in policy_rows:
        condition = report.components.get(row["Component_"], {}).get("Condition", "")
        log(f"  HKLM\\{row['Key']} {row['Name']} = {row['Value']}  if {condition}")
    if report.problems:
        raise BuildError("MSI check: " + "; ".join(report.problems))
    return report


def _wix3_tool(name: str) -> str:
    """candle.exe / light.exe of WiX Toolset 3 (WIX env var, or PATH)."""
    wix = os.environ.get("WIX")
    if wix:
        candidate = Path(wix) / "bin" / f"{name}.exe"
        if candidate.is_file():
            return str(candidate)
    return need_tool(
        name, "install WiX Toolset 3.14 (GitHub's windows-2022 image has it)"
    )


def windows_sign(files: Sequence[Path]) -> None:
    """signtool sign + verify, SHA-256 with an RFC 3161 timestamp.

    The certificate comes from the environment: ``WINDOWS_CERT_SHA1`` (a
    certificate in the store, e.g. imported by CI or an HSM-backed one), or
    ``WINDOWS_CERT_PFX`` + ``WINDOWS_CERT_PASSWORD``. Without either, nothing
    is signed and a line says so.
    """
    thumbprint = os.environ.get("WINDOWS_CERT_SHA1")
    pfx = os.environ.get("WINDOWS_CERT_PFX")
    if not (thumbprint or pfx):
        log("not signing: neither WINDOWS_CERT_SHA1 nor WINDOWS_CERT_PFX is set")
        return
    signtool = need_tool("signtool", "install the Windows SDK")
    timestamp = os.environ.get("WINDOWS_TIMESTAMP_URL", "http://timestamp.digicert.com")
    who = (
        ["/sha1", thumbprint]
        if thumbprint
        else ["/f", str(pfx), "/p", os.environ.get("WINDOWS_CERT_PASSWORD", "")]
    )
    for path in files:
        run(
            [
                signtool,
                "sign",
                "/fd",
                "SHA256",
                "/tr",
                timestamp,
                "/td",
                "SHA256",
                *who,
                path,
            ]
        )
        run([signtool, "verify", "/pa", path])


def build_msi_windows(paths: Paths, *, sign: bool = False) -> Path:
    """The real MSI, on Windows, with WiX Toolset 3 (candle + light)."""
    if not WINDOWS:
        raise BuildError("the MSI is built on Windows; on Linux use `msi-check`")
    bundle = paths.bundle
    if not (bundle / WINDOWS_GUI_EXE).is_file():
        raise BuildError(f"{bundle}: no Windows bundle; run `build.py bundle` first")
    work = paths.work / "msi"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    harvest(bundle, work / "files.wxs", windows_paths=True)
    icons = paths.icons
    if not (icons / f"{APP_ID}.ico").is_file():
        icons = build_icons(paths)
    defines = [
        f"-dVersion={__version__}",
        f"-dSourceDir={bundle}",
        f"-dIconFile={icons / f'{APP_ID}.ico'}",
    ]
    run(
        [
            _wix3_tool("candle"),
            "-nologo",
            "-arch",
            "x64",
            *defines,
            "-out",
            f"{work}\\",
            WINDOWS_DIR / "product.wxs",
            work / "files.wxs",
        ]
    )
    out = paths.msi
    run(
        [
            _wix3_tool("light"),
            "-nologo",
            "-out",
            out,
            work / "product.wixobj",
            work / "files.wixobj",
        ]
    )
    if sign:
        windows_sign([out])
    return out


# --- macOS ----------------------------------------------------------------------


def macos_tools() -> ModuleType:
    return load_module(MACOS_DIR / "build_app.py", "helper_macos_build")


def build_pkg(paths: Paths, *, sign: bool = False) -> Path:
    """The .pkg (macOS); with ``sign``, the .app is signed and notarized first."""
    if not MACOS:
        raise BuildError("the .pkg is built on macOS")
    try:
        return Path(macos_tools().build_pkg(paths.app, paths.pkg, sign=sign))
    except Exception as exc:  # MacBuildError from the module loaded by path
        raise BuildError(str(exc)) from None


# --- commands -------------------------------------------------------------------

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
