# SPDX-License-Identifier: MIT
"""The PyInstaller bundle: its venv, the build, what it contains, its self-test.

The bundle is frozen in ``build/venv-bundle`` (installed from the bundle lock
only); the spec writes ``resources/versions.txt``, from which the CycloneDX
SBOM is made; ``--self-test`` runs the built binary in a clean environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from helper import APP_ID, __version__
from installers.buildsteps.common import (
    BUNDLE_LOCK,
    INSTALLERS,
    MACOS,
    REPO,
    WINDOWS,
    BuildError,
    Paths,
    executable,
    log,
    need_tool,
    run,
    sources_digest,
)
from installers.buildsteps.icons import build_icons
from installers.buildsteps.msi import WINDOWS_GUI_EXE, windows_sign
from installers.buildsteps.pkg import macos_tools

SPEC: Final = INSTALLERS / "pyinstaller" / "helper.spec"
BARE_SPEC: Final = INSTALLERS / "pyinstaller" / "bare.spec"
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


# --- building it ----------------------------------------------------------------


def bundle_is_current(paths: Paths) -> bool:
    """Is there a bundle built from exactly these sources?"""
    if not executable(paths.bundle).is_file() or not paths.stamp.is_file():
        return False
    return paths.stamp.read_text(encoding="utf-8").strip() == sources_digest()


def build_translations() -> None:
    """Compile resources/translations/*.ts into .qm (the i18n engineer's tool)."""
    run([sys.executable, INSTALLERS / "build_translations.py", "--if-needed"])


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


def build_bare(paths: Paths) -> Path:
    pyinstaller(BARE_SPEC, paths)
    return paths.bare


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


# --- its self-test --------------------------------------------------------------


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
    if not binary.is_file():
        raise BuildError(f"{binary}: no bundle; run `build.py bundle` first")
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
