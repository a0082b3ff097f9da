# SPDX-License-Identifier: MIT
"""The compiled catalogue cache: reused while sources are unchanged, never stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helper import catalogue as catalogue_module
from helper.catalogue import load_catalogue
from helper.paths import cache_dir

EXTRA = """id = "acme-mdm"
name = "Acme MDM"
[windows]
provider_ids = ["AcmeMDM"]
[macos]
supported = false
note = "none"
[linux]
supported = false
note = "none"
"""


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path) -> None:
        raise AssertionError(f"parsed {path} although the cache was fresh")

    monkeypatch.setattr(catalogue_module, "_decode_file", fail)


def test_cache_is_reused_while_sources_are_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = load_catalogue()
    assert (cache_dir() / "catalogue-v1.json").is_file()
    _forbid_parsing(monkeypatch)
    second = load_catalogue()
    assert list(second.vendors.values()) == list(first.vendors.values())


def test_changed_extra_file_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    vendor = extra / "acme-mdm.toml"
    vendor.write_text(EXTRA)
    assert load_catalogue(extra).by_provider_id("acmemdm") is not None
    vendor.write_text(EXTRA.replace('"AcmeMDM"', '"AcmeMDM2"'))
    os.utime(vendor, ns=(1, 1))
    found = load_catalogue(extra)
    assert found.by_provider_id("AcmeMDM2") is not None
    assert found.by_provider_id("AcmeMDM") is None
    # Without the extra folder the vendor is gone again (a different key).
    assert load_catalogue().get("acme-mdm") is None


def test_corrupt_cache_is_rebuilt() -> None:
    load_catalogue()
    cache = cache_dir() / "catalogue-v1.json"
    cache.write_bytes(b"\x00garbage{")
    assert load_catalogue().get("intune") is not None
    assert cache.read_bytes().startswith(b"{")
