# SPDX-License-Identifier: MIT
"""The .deb: its metadata, its files, and an install into a throwaway root.

``dpkg-deb -x`` unpacks it anywhere; ``dpkg --root`` (as root) really installs
it into an empty root with its own package database, registers the conffile,
and removes it again. The installed binary passes ``--self-test`` under
``env -i``. The MSI check (wixl on this bundle) is here too: it needs the same
Linux bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helper import APP_ID, BUNDLE_ID, __version__
from installers.buildsteps.msi import UPGRADE_CODE, inspect_msi
from tests.packaging.test_frozen import run_clean, unexpected

pytestmark = pytest.mark.slow

MAX_DEB_BYTES = 60 * 1024 * 1024
CONFFILE = f"/etc/{APP_ID}/config.toml"


def dpkg_deb(*args: str) -> str:
    return subprocess.run(
        ["dpkg-deb", *args], capture_output=True, text=True, check=True
    ).stdout


def test_deb_size(deb: Path) -> None:
    assert deb.stat().st_size <= MAX_DEB_BYTES, f"{deb.stat().st_size / 1e6:.1f} MB"


def test_deb_control(deb: Path) -> None:
    fields = {
        name: dpkg_deb("--field", str(deb), name).strip()
        for name in ("Package", "Version", "Architecture", "Depends", "Section")
    }
    assert fields["Package"] == APP_ID
    assert fields["Version"] == __version__
    assert fields["Section"] == "admin"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert depends[0].startswith("libc6 (>= ")
    # What Qt's xcb platform plugin needs from the system: the one list that
    # `make run` and `make test` install too.
    names = {d.split(" ", 1)[0] for d in depends}
    list_file = Path(__file__).resolve().parents[2] / "installers" / "linux"
    for line in (list_file / "qt-runtime-packages.txt").read_text().splitlines():
        package = line.split("#", 1)[0].strip()
        if package:
            assert package in names, package
    info = dpkg_deb("--info", str(deb))
    assert "conffiles" in info


def test_deb_contents(deb: Path) -> None:
    listing = dpkg_deb("--contents", str(deb)).splitlines()
    # "-rwxr-xr-x root/root 1234 2025-01-01 00:00 ./path[ -> target]"
    entries = {line.split(None, 5)[5].split(" -> ")[0]: line for line in listing}
    assert all(" root/root " in line for line in listing)
    binary = f"./opt/{APP_ID}/{APP_ID}"
    assert binary in entries
    link = entries[f"./usr/bin/{APP_ID}"]
    assert link.startswith("l") and link.endswith(f"-> /opt/{APP_ID}/{APP_ID}")
    for path in (
        f"./usr/share/applications/{BUNDLE_ID}.desktop",
        f"./usr/share/metainfo/{BUNDLE_ID}.metainfo.xml",
        f"./usr/share/icons/hicolor/scalable/apps/{BUNDLE_ID}.svg",
        f"./usr/share/icons/hicolor/256x256/apps/{BUNDLE_ID}.png",
        f"./usr/share/doc/{APP_ID}/copyright",
        f"./usr/share/doc/{APP_ID}/sbom.cdx.json",
        f".{CONFFILE}",
    ):
        assert path in entries, path
    assert entries[binary].startswith("-rwxr-xr-x")
    assert entries[f".{CONFFILE}"].startswith("-rw-r--r--")


def test_unpacked_deb_passes_self_test(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    link = root / "usr" / "bin" / APP_ID
    target = root / os.readlink(link).lstrip("/")  # absolute link, inside the root
    assert target == root / "opt" / APP_ID / APP_ID
    home = tmp_path / "home"
    home.mkdir()
    result = run_clean(
        target, "--self-test", home=home, env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    assert unexpected(result.stderr) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("dpkg") is None,
    reason="dpkg --root needs root",
)
def test_deb_installs_into_a_throwaway_root(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    for name in ("status", "available"):
        (admin / name).touch()
    dpkg = ["dpkg", f"--root={root}", "--force-not-root"]
    # The throwaway root has none of the Depends: install anyway.
    install = subprocess.run(
        [*dpkg, "--force-depends", "-i", str(deb)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Setting up intune-migration-helper" in install.stdout, install.stderr
    status = subprocess.run(
        [*dpkg, "-s", APP_ID], capture_output=True, text=True, check=True
    ).stdout
    assert "Status: install ok installed" in status
    assert f" {CONFFILE} " in status  # registered as a conffile

    home = tmp_path / "home"
    home.mkdir()
    installed = root / "opt" / APP_ID / APP_ID
    result = run_clean(
        installed, "--self-test", home=home, env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr

    # An edited conffile survives removal; purge deletes it.
    (root / CONFFILE.lstrip("/")).write_text(
        '[ui]\nlanguage = "fr"\n', encoding="utf-8"
    )
    subprocess.run(
        [*dpkg, "--force-depends", "-r", APP_ID], capture_output=True, check=True
    )
    assert not installed.exists()
    assert (root / CONFFILE.lstrip("/")).is_file()
    subprocess.run(
        [*dpkg, "--force-depends", "-P", APP_ID], capture_output=True, check=True
    )
    assert not (root / CONFFILE.lstrip("/")).exists()


def test_msi_structure_from_the_linux_bundle(bundle: Path, tmp_path: Path) -> None:
    """wixl builds product.wxs + the harvested bundle; msiinfo reads it back."""
    if shutil.which("wixl") is None or shutil.which("msiinfo") is None:
        pytest.skip("wixl and msitools are not installed")
    from tests.packaging.conftest import run_build

    run_build("msi-check", "--work", str(tmp_path))  # its own folder: no races
    msi = next((tmp_path / "msi-check").glob("*.msi"))
    files = sum(1 for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    report = inspect_msi(msi, expected_files=files)
    assert report.problems == []
    assert report.properties["UpgradeCode"] == UPGRADE_CODE
    assert report.summary["Template"].startswith("x64")
    policy = {
        (row["Key"], row["Name"]): report.components[row["Component_"]]["Condition"]
        for row in report.registry
        if row["Key"].startswith("SOFTWARE\\Policies\\IntuneMigrationHelper")
    }
    assert policy[
        ("SOFTWARE\\Policies\\IntuneMigrationHelper\\tenant", "tenant_id")
    ] == ("TENANTID")
    assert all(condition for condition in policy.values())
    secure = report.properties["SecureCustomProperties"].split(";")
    assert {"TENANTID", "CLIENTID", "COLLECTORURL", "CAMPAIGN"} <= set(secure)
