# SPDX-License-Identifier: MIT
"""Windows: the MSI (WiX Toolset 3, on Windows), its structure check with wixl
from the Linux bundle, and Authenticode signing (signtool)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from helper import APP_ID, __version__
from installers.buildsteps.common import (
    WINDOWS,
    WINDOWS_DIR,
    BuildError,
    Paths,
    executable,
    log,
    need_tool,
    run,
)
from installers.buildsteps.icons import build_icons

# The Windows GUI executable (the console twin is APP_ID.exe); see helper.spec.
WINDOWS_GUI_EXE: Final = "IntuneMigrationHelper.exe"
# The UpgradeCode in installers/windows/product.wxs. It never changes.
UPGRADE_CODE: Final = "{67576366-CDF7-4C68-98B1-ACBA38156454}"


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
