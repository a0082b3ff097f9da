# SPDX-License-Identifier: MIT
"""``gui --screenshots DIR --lang fr|en``: one PNG per page, none blank.

Runs the real command in a child process, as the README's pictures are made:
offscreen, a demo journey on ws1-windows and on kandji-ade-macos.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO
from ui.screenshots import PAGES

# A page of text on a plain background varies by far more than this; a blank
# (single-colour) or almost blank image does not.
MIN_STDDEV = 20.0
SAMPLES = 80


def luminance_stddev(image: QImage) -> float:
    """The standard deviation of the grey level over a grid of pixels."""
    values = []
    width, height = image.width(), image.height()
    for y in range(SAMPLES):
        for x in range(SAMPLES):
            colour = image.pixelColor(x * width // SAMPLES, y * height // SAMPLES)
            values.append(
                0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
            )
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def take(out: Path, lang: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.app",
            "gui",
            "--screenshots",
            str(out),
            "--lang",
            lang,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_png_per_page_none_blank(tmp_path: Path, lang: str) -> None:
    out = tmp_path / lang
    printed = take(out, lang)
    assert printed == [str(out / f"{page}.png") for page in PAGES]
    for page in PAGES:
        image = QImage(str(out / f"{page}.png"))
        assert not image.isNull(), page
        assert image.width() > 400 and image.height() > 300, page
        assert luminance_stddev(image) > MIN_STDDEV, page


def test_languages_differ(tmp_path: Path) -> None:
    """The plan's texts follow --lang: the leave pages differ."""
    take(tmp_path / "en", "en")
    take(tmp_path / "fr", "fr")
    en = QImage(str(tmp_path / "en" / "leave.png"))
    fr = QImage(str(tmp_path / "fr" / "leave.png"))
    assert en != fr
