# SPDX-License-Identifier: MIT
"""The vendor catalogue: vendor knowledge as data (resources/vendors/<id>.toml).

IT can add or override vendor files from the configured extra directory; a file
there with the same ``id`` replaces the built-in one.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import msgspec

from helper.errors import CatalogueError

OsKey = Literal["windows", "macos", "linux"]
Removable = Literal["yes", "no", "unknown"]


class OsSignatures(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """How a vendor shows on one OS. Every list is optional.

    Attributes:
        supported: False when no signature is known for this OS (``note`` says why).
        provider_ids: Windows Enrollments ``ProviderID`` values (case-insensitive).
        server_hosts: MDM server / discovery host patterns: ``*.awmdm.com`` matches
            awmdm.com and every subdomain; anything else matches exactly.
        url_keywords: weak heuristics: substrings of the server host.
        profile_identifiers: macOS profile / payload identifiers (``*`` globs).
        profile_uuids: macOS profile / payload UUIDs.
        bundle_ids, launchd_labels: macOS apps and daemons.
        paths: files or folders whose presence shows the agent.
        services: Windows service names.
        uninstall_names: Windows uninstall DisplayName globs.
        registry_keys: Windows registry keys (``HKLM\\SOFTWARE\\AirWatch``).
        packages: Linux package names.
        removable: can the user remove the management without IT?
        removal_note: why, in English, for helpdesk.
    """

    supported: bool = True
    note: str = ""
    provider_ids: list[str] = []
    server_hosts: list[str] = []
    url_keywords: list[str] = []
    profile_identifiers: list[str] = []
    profile_uuids: list[str] = []
    bundle_ids: list[str] = []
    launchd_labels: list[str] = []
    paths: list[str] = []
    services: list[str] = []
    uninstall_names: list[str] = []
    registry_keys: list[str] = []
    packages: list[str] = []
    removable: Removable = "unknown"
    removal_note: str = ""


class Vendor(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """One catalogue entry.

    Attributes:
        id: stable id (``workspace-one``), the file name without .toml.
        name: display name.
        role: ``legacy`` (to leave) or ``target`` (Intune).
        aliases: former names (AirWatch, MobileIron...), for people searching.
    """

    id: str
    name: str
    role: Literal["legacy", "target"] = "legacy"
    aliases: list[str] = []
    windows: OsSignatures = msgspec.field(default_factory=OsSignatures)
    macos: OsSignatures = msgspec.field(default_factory=OsSignatures)
    linux: OsSignatures = msgspec.field(default_factory=OsSignatures)

    def on(self, os_name: str) -> OsSignatures:
        sig: OsSignatures = getattr(self, os_name)
        return sig


def host_matches(pattern: str, host: str) -> bool:
    """Match a host against a catalogue host pattern (see OsSignatures)."""
    pattern = pattern.lower().rstrip(".")
    host = host.lower().rstrip(".")
    if pattern.startswith("*."):
        base = pattern[2:]
        return host == base or host.endswith("." + base)
    return host == pattern


def url_host(url: str) -> str | None:
    """The host of a URL (or of a bare host name), lower-cased; None if none."""
    text = url.strip()
    if not text:
        return None
    if "://" in text:
        text = text.split("://", 1)[1]
    text = text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    text = text.rsplit("@", 1)[-1]
    if text.startswith("["):  # IPv6 literal
        return text.split("]", 1)[0][1:].lower() or None
    text = text.split(":", 1)[0].strip(".")
    return text.lower() or None


class Catalogue:
    """All vendors, with lookups by the signatures detection meets."""

    def __init__(self, vendors: Iterable[Vendor]) -> None:
        self.vendors: dict[str, Vendor] = {v.id: v for v in vendors}

    def __iter__(self) -> Iterator[Vendor]:
        return iter(self.vendors.values())

    def get(self, vendor_id: str) -> Vendor | None:
        return self.vendors.get(vendor_id)

    def by_provider_id(self, provider_id: str) -> Vendor | None:
        wanted = provider_id.strip().lower()
        for vendor in self:
            if any(p.lower() == wanted for p in vendor.windows.provider_ids):
                return vendor
        return None

    def by_host(
        self, host: str, os_name: str, *, keywords: bool = True
    ) -> Vendor | None:
        """The vendor whose server host patterns match, then (if ``keywords``)
        whose keywords do.

        Patterns of the given OS are tried first, then every OS's (a vendor's
        server host is the same whatever the device). Keywords are weak
        heuristics: callers with stronger evidence (profile identifiers) pass
        ``keywords=False`` first and fall back to :meth:`by_keyword`. Keywords
        apply even in ``supported = false`` sections.
        """
        for scope in (os_name, None):
            for vendor in self:
                sigs = [vendor.on(scope)] if scope else _all_os(vendor)
                if any(host_matches(p, host) for s in sigs for p in s.server_hosts):
                    return vendor
        return self.by_keyword(host) if keywords else None

    def by_keyword(self, host: str) -> Vendor | None:
        """The vendor whose weak URL keywords appear in the host."""
        lowered = host.lower()
        for vendor in self:
            if any(
                k.lower() in lowered for s in _all_os(vendor) for k in s.url_keywords
            ):
                return vendor
        return None

    def by_url(self, url: str, os_name: str, *, keywords: bool = True) -> Vendor | None:
        host = url_host(url)
        return self.by_host(host, os_name, keywords=keywords) if host else None

    def by_profile(
        self, identifier: str, uuid: str, os_name: str = "macos"
    ) -> Vendor | None:
        """The vendor owning a macOS profile/payload identifier or UUID."""
        ident = identifier.strip()
        wanted_uuid = uuid.strip().upper()
        for vendor in self:
            sig = vendor.on(os_name)
            if wanted_uuid and any(u.upper() == wanted_uuid for u in sig.profile_uuids):
                return vendor
            if ident and any(
                fnmatch.fnmatchcase(ident.lower(), p.lower())
                for p in sig.profile_identifiers
            ):
                return vendor
        return None

    def by_agent(self, kind: str, value: str, os_name: str) -> Vendor | None:
        """The vendor an agent finding belongs to (kind as in agents.json)."""
        field = _AGENT_FIELDS.get(kind)
        if field is None:
            return None
        value_l = value.strip().lower()
        for vendor in self:
            patterns: list[str] = getattr(vendor.on(os_name), field)
            for pattern in patterns:
                p = pattern.lower()
                if kind in ("path", "registry-key"):
                    p = p.replace("\\", "/").rstrip("/")
                    v = value_l.replace("\\", "/").rstrip("/")
                    if v == p or fnmatch.fnmatchcase(v, p):
                        return vendor
                elif fnmatch.fnmatchcase(value_l, p):
                    return vendor
        return None


_AGENT_FIELDS = {
    "path": "paths",
    "app": "bundle_ids",
    "bundle": "bundle_ids",
    "launchd": "launchd_labels",
    "service": "services",
    "uninstall": "uninstall_names",
    "registry-key": "registry_keys",
    "package": "packages",
}


def _all_os(vendor: Vendor) -> list[OsSignatures]:
    return [vendor.windows, vendor.macos, vendor.linux]


def _decode_file(path: Path) -> Vendor:
    from helper.tomlfile import load_toml_as

    vendor = load_toml_as(path, Vendor, CatalogueError, "catalogue-invalid")
    if vendor.id != path.stem:
        raise CatalogueError(
            "catalogue-invalid",
            f"{path}: id is {vendor.id!r}, expected {path.stem!r} (the file name)",
        )
    return vendor


class _Compiled(msgspec.Struct):
    """The catalogue as last compiled, with the files it came from."""

    key: list[tuple[str, int, int]]
    vendors: list[Vendor]


_CACHE_NAME = "catalogue-v1.json"


def _scan(dirs: list[Path]) -> tuple[list[Path], list[tuple[str, int, int]]]:
    """The vendor files and their (path, mtime, size) key, in load order.

    os.scandir gives the stat data with the listing: a third of Path.glob's time
    on the path every `detect` run takes.
    """
    import os

    files: list[Path] = []
    key: list[tuple[str, int, int]] = []
    for folder in dirs:
        with os.scandir(folder) as entries:
            found = sorted(
                (e for e in entries if e.name.endswith(".toml") and e.is_file()),
                key=lambda e: e.name,
            )
        for entry in found:
            stat = entry.stat()
            files.append(Path(entry.path))
            key.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return files, key


def load_catalogue(
    extra_dir: Path | None = None, *, use_cache: bool = True
) -> Catalogue:
    """Load the built-in vendors, then IT's extra directory (which wins).

    Parsing 20 TOML files costs about 5 ms, a quarter of the interpreter's own
    start-up; `detect` runs at every start, so the validated result is cached as
    JSON in the user cache folder and reused while no source file changes (path,
    mtime and size of every file form the key).

    Raises:
        CatalogueError: a vendor file is invalid (names the file and the key).
    """
    from helper.resources import resource_path

    dirs = [resource_path("vendors")]
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise CatalogueError(
                "catalogue-invalid",
                f"{extra_dir}: extra catalogue folder does not exist",
            )
        dirs.append(extra_dir)
    files, key = _scan(dirs)
    cache: Path | None = None
    if use_cache:
        from helper.paths import cache_dir

        try:
            cache = cache_dir() / _CACHE_NAME
            compiled = msgspec.json.decode(cache.read_bytes(), type=_Compiled)
            if compiled.key == key:
                return Catalogue(compiled.vendors)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            pass  # no cache yet, or a stale/corrupt one: rebuild it below
    vendors: dict[str, Vendor] = {}
    for path in files:
        vendor = _decode_file(path)
        vendors[vendor.id] = vendor
    catalogue = Catalogue(vendors.values())
    if cache is not None:
        _write_cache(cache, _Compiled(key, list(vendors.values())))
    return catalogue


def _write_cache(cache: Path, compiled: _Compiled) -> None:
    import os

    tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
    try:
        from helper.private import write_private

        write_private(tmp, msgspec.json.encode(compiled))
        os.replace(tmp, cache)
    except OSError:
        # A read-only cache folder only costs speed.
        tmp.unlink(missing_ok=True)
