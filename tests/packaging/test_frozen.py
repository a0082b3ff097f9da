# SPDX-License-Identifier: MIT
"""The PyInstaller bundle: it starts, tests itself, and carries only what it needs.

The bundle comes from the session fixture (``make package`` leaves one; else it
is built here, about 20 s). Every run is in a clean environment, as ``env -i``:
only ``QT_QPA_PLATFORM=offscreen`` and ``HOME`` (a temporary folder) are set.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helper import APP_ID, __version__
from helper.languages import LANGUAGES, SHIPPED
from installers.buildsteps.common import Paths
from installers.buildsteps.icons import ICON_PNG_SIZES, icns_bytes, ico_bytes

pytestmark = pytest.mark.skipif(
    sys.platform == "win32",
    reason="env -i runs: POSIX (CI's Windows job runs build.py)",
)

# Qt's notices in a clean environment (no locale, offscreen); nothing else may
# appear on stderr (STYLE §3.18).
STDERR_ALLOWED = re.compile(
    r"^(Detected locale \"C\" with character encoding .*"
    r"|Qt depends on a UTF-8 locale.*"
    r"|If this causes problems, reconfigure your locale.*"
    r"|for more information\."
    r"|This plugin does not support propagateSizeHints\(\)"
    r"|QBackingStore::flush\(\) called for .* which does not have a handle\.)$"
)


def run_clean(
    binary: Path, *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``env -i [VAR=...] binary args``."""
    assignments = [f"HOME={home}", *(f"{k}={v}" for k, v in (env or {}).items())]
    return subprocess.run(
        ["env", "-i", *assignments, str(binary), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def unexpected(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not STDERR_ALLOWED.match(line.strip())
    ]


@pytest.fixture
def binary(bundle: Path) -> Path:
    return bundle / APP_ID


@pytest.mark.slow
def test_self_test_passes_in_a_clean_environment(binary: Path, tmp_path: Path) -> None:
    result = run_clean(
        binary, "--self-test", home=tmp_path, env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{APP_ID} {__version__} self-test ok")
    for fact in ("vendors", "playbooks", "scenarios detected", "translations fr, en"):
        assert fact in lines[0]
    assert "welcome page painted in fr" in lines[0]
    assert "welcome page painted in en" in lines[0]
    assert "Traceback" not in result.stderr
    assert unexpected(result.stderr) == []
    # The resources came from the bundle, not from a checkout.
    assert f"resources in {binary.parent}" in lines[0]


@pytest.mark.slow
def test_self_test_failure_is_one_line(binary: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[tenant]\ntenant_id = 'not a guid'\n", encoding="utf-8")
    result = run_clean(
        binary,
        "--self-test",
        "--config",
        str(broken),
        home=tmp_path,
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = [
        line for line in result.stderr.splitlines() if not STDERR_ALLOWED.match(line)
    ]
    assert line.startswith(f"{APP_ID}: self-test failed: configuration: ")
    assert "tenant.tenant_id" in line


@pytest.mark.slow
def test_version_needs_no_display_and_no_qt(binary: Path, tmp_path: Path) -> None:
    # No QT_QPA_PLATFORM and no DISPLAY: creating a QApplication would abort.
    result = run_clean(binary, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_ID} {__version__}"
    assert result.stderr == ""


def _pins(lock: Path) -> set[str]:
    """``name==version`` of every package a requirements export pins."""
    return {
        line.split(";", 1)[0].split("\\", 1)[0].strip()
        for line in lock.read_text(encoding="utf-8").splitlines()
        if line[:1].isalnum()
    }


@pytest.mark.slow
def test_version_verbose_lists_the_bundled_versions(
    binary: Path, bundle: Path, tmp_path: Path
) -> None:
    """--version --verbose prints what the bundle contains: each at the version
    the bundle lock pins, none of the collector's or the test tools'."""
    result = run_clean(binary, "--version", "--verbose", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{APP_ID} {__version__}"
    listed = {line.strip() for line in lines[3:]}
    assert f"{APP_ID}=={__version__}" in listed
    names = {item.split("==")[0] for item in listed}
    assert {"pyside6-essentials", "msal", "keyring", "msgspec", "segno"} <= names
    assert not names & {"starlette", "uvicorn", "psycopg", "pytest", "setuptools"}
    repo = Path(__file__).resolve().parents[2]
    unpinned = (
        listed
        - {f"{APP_ID}=={__version__}"}
        - _pins(repo / "requirements" / "bundle.txt")
    )
    assert not unpinned, f"not in requirements/bundle.txt: {sorted(unpinned)}"


@pytest.mark.slow
def test_sbom_lists_the_bundle(bundle: Path, paths: Paths) -> None:
    """The CycloneDX SBOM (cyclonedx-py) names exactly the bundled versions,
    each with the hashes of its files."""
    import json

    document = json.loads(paths.sbom.read_text(encoding="utf-8"))
    assert document["bomFormat"] == "CycloneDX"
    assert document["metadata"]["component"]["version"] == __version__
    components = {f"{c['name']}=={c['version']}" for c in document["components"]}
    versions = next(bundle.rglob("resources/versions.txt")).read_text()
    bundled = {
        line for line in versions.splitlines() if line and not line.startswith("#")
    } - {f"{APP_ID}=={__version__}"}
    assert {c.lower() for c in components} == bundled
    for component in document["components"]:
        hashes = [h for ref in component["externalReferences"] for h in ref["hashes"]]
        assert hashes, component["name"]


@pytest.mark.slow
def test_window_paints_and_quits_for_the_startup_benchmark(
    binary: Path, tmp_path: Path
) -> None:
    result = run_clean(
        binary,
        home=tmp_path,
        env={"QT_QPA_PLATFORM": "offscreen", "HELPER_FIRST_PAINT_EXIT": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["first-paint"]
    assert unexpected(result.stderr) == []


@pytest.mark.slow
def test_command_line_works_frozen(binary: Path, tmp_path: Path) -> None:
    capture = Path(__file__).resolve().parents[1] / "captures" / "linux-ws1hub-enrolled"
    result = run_clean(
        binary, "detect", "--json", "--capture", str(capture), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert '"verdict"' in result.stdout


# --- what the bundle holds ------------------------------------------------------------


def _files(bundle: Path) -> list[str]:
    return [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()]


@pytest.mark.slow
def test_bundle_holds_the_resources_and_no_sources(bundle: Path) -> None:
    resources = bundle / "_internal" / "resources"
    for name in ("vendors", "playbooks", "scenarios", "schemas", "openapi", "icons"):
        assert any((resources / name).iterdir()), name
    assert (resources / "allowlist.toml").is_file()
    assert {p.name for p in (resources / "translations").iterdir()} == {
        *(f"helper_{lang}.qm" for lang in SHIPPED),
        "playbooks",  # the playbooks' other languages (TOML)
        # The window's strings, for checking IT's own words (no .ts in a bundle).
        "window-words.json",
    }
    assert not [f for f in _files(bundle) if f.endswith((".ts", ".py"))]


@pytest.mark.slow
def test_bundle_holds_only_the_qt_it_uses(bundle: Path) -> None:
    files = _files(bundle)
    pyside = bundle / "_internal" / "PySide6"
    modules = {p.name.split(".")[0] for p in pyside.glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtNetwork"}
    assert {p.name for p in (pyside / "Qt" / "translations").iterdir()} == {
        f"qtbase_{lang}.qm" for lang in LANGUAGES
    }
    banned = re.compile(
        r"WebEngine|Qml|Quick|Pdf|wayland|libqgtk3|libgtk-3|egldeviceintegrations|"
        r"sqldrivers|printsupport|networkinformation|/tls/|tkinter|_tkinter"
    )
    assert not [f for f in files if banned.search(f)]
    platforms = {p.name for p in (pyside / "Qt" / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"}
    assert (pyside / "Qt" / "lib" / "libQt6Network.so.6").is_file()  # QLocalSocket


@pytest.mark.slow
def test_bundle_size_guard(bundle: Path) -> None:
    # tests/bench_package.py measures the ratio to a bare PySide6 app (≤ 1.2×);
    # this absolute guard catches a whole Qt module slipping in (WebEngine: +400 MB).
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if not p.is_dir())
    assert size < 170e6, f"{size / 1e6:.0f} MB"


# --- the spec's filters, without building -------------------------------------------


@pytest.fixture(scope="module")
def slim() -> Any:
    import importlib.util

    path = (
        Path(__file__).resolve().parents[2] / "installers" / "pyinstaller" / "slim.py"
    )
    spec = importlib.util.spec_from_file_location("helper_installers_slim", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qtbase_pt.qm",
        "PySide6/Qt/translations/qt_fr.qm",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libgtk-3.so.0",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/translations/qtbase_ja.qm",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
    ],
)
def test_drop_filter_drops(slim: Any, dest: str) -> None:
    assert slim.dropped(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qtbase_nl.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt6Network.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
    ],
)
def test_drop_filter_keeps(slim: Any, dest: str) -> None:
    assert not slim.dropped(dest)


def test_excludes_every_unused_qt_module(slim: Any) -> None:
    import PySide6

    excluded = set(slim.excludes(Path(PySide6.__file__).parent))
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtSvg", "tkinter"} <= excluded
    for used in ("QtCore", "QtGui", "QtWidgets", "QtNetwork"):
        assert f"PySide6.{used}" not in excluded
    # The GUI imports nothing else from Qt.
    ui = Path(__file__).resolve().parents[2] / "ui"
    imported = set()
    for path in ui.rglob("*.py"):
        imported |= set(
            re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
        )
    assert imported <= set(slim.QT_USED), imported - set(slim.QT_USED)


def test_icon_containers() -> None:
    pngs = {size: b"\x89PNG" + bytes([size % 256]) * 8 for size in ICON_PNG_SIZES}
    ico = ico_bytes(pngs)
    assert ico[:6] == b"\0\0\1\0\7\0"  # 7 images, 16 to 256 px
    icns = icns_bytes(pngs)
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
