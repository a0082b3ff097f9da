# SPDX-License-Identifier: MIT
"""Every code the core can return has words (for the CLI; ui/ translates the same
list), and every warning code is documented."""

from __future__ import annotations

import re
import typing

from helper import words
from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.detect.model import Join, Verdict
from tests.conftest import CAPTURES, REPO

DETECT_SOURCES = sorted((REPO / "helper" / "detect").glob("*.py"))


def _emitted_in_code() -> set[str]:
    codes: set[str] = set()
    for path in DETECT_SOURCES:
        text = path.read_text(encoding="utf-8")
        codes.update(re.findall(r'Warning\(\s*"([a-z0-9-]+)"', text))
    codes.add("unknown-mdm")  # emitted through the UNKNOWN_MDM constant
    return codes


def test_every_warning_code_has_words_and_docs() -> None:
    emitted = _emitted_in_code()
    assert len(emitted) >= 8
    for case in sorted(p for p in CAPTURES.iterdir() if (p / "capture.json").exists()):
        result = detect(open_capture(case), load_catalogue())
        emitted.update(w.code for w in result.warnings)
    assert emitted - set(words.WARNINGS) == set()
    documented = (REPO / "docs" / "detection.md").read_text(encoding="utf-8")
    for code in words.WARNINGS:
        assert f"`{code}`" in documented, code


def test_every_verdict_and_join_has_words() -> None:
    assert set(typing.get_args(Verdict)) == set(words.VERDICTS)
    assert set(typing.get_args(Join)) == set(words.JOINS)
