# SPDX-License-Identifier: MIT
"""Branding: the accent colour only where text stays readable, palette roles
elsewhere, fonts relative to the system font."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from helper.config.model import Config, Organization
from ui import theme


def test_contrast_ratio() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    assert theme.contrast_ratio(white, black) == pytest.approx(21.0)
    assert theme.contrast_ratio(white, white) == pytest.approx(1.0)
    # The default accent (Microsoft blue) takes white text.
    assert theme.readable_text_on(QColor("#0F6CBD")) == white
    assert theme.readable_text_on(QColor("#FFD700")) == black
    for accent in ("#0F6CBD", "#FFD700", "#777777", "#00A86B"):
        text = theme.readable_text_on(QColor(accent))
        assert text is not None
        assert theme.contrast_ratio(text, QColor(accent)) >= theme.MIN_TEXT_CONTRAST


def brand(accent: str, name: str = "Contoso") -> theme.Branding:
    org = Organization(name=name, accent_color=accent)
    return theme.branding(Config().replace(organization=org))


def test_header_uses_the_accent_unless_high_contrast(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    palette = QPalette()
    background, text = theme.header_colors(brand("#0F6CBD"), palette)
    assert background == QColor("#0F6CBD") and text == QColor("#ffffff")
    monkeypatch.setattr(theme, "high_contrast", lambda: True)
    background, text = theme.header_colors(brand("#0F6CBD"), palette)
    assert background == palette.color(QPalette.ColorRole.Highlight)
    assert text == palette.color(QPalette.ColorRole.HighlightedText)
    widget = QWidget()
    qtbot.addWidget(widget)
    theme.paint_header(widget, brand("#0F6CBD"))
    assert widget.palette().color(QPalette.ColorRole.Window) == palette.color(
        QPalette.ColorRole.Highlight
    )


def test_invalid_accent_falls_back_to_the_palette() -> None:
    assert brand("not-a-colour").accent is None
    palette = QPalette()
    background, _ = theme.header_colors(brand("not-a-colour"), palette)
    assert background == palette.color(QPalette.ColorRole.Highlight)


def test_fonts_scale_with_the_system_font(qapp: object) -> None:
    base = QFont()
    base.setPointSizeF(10.0)
    assert theme.scaled_font(base, 1.5).pointSizeF() == pytest.approx(15.0)
    base.setPointSizeF(20.0)
    assert theme.scaled_font(base, 1.5, bold=True).pointSizeF() == pytest.approx(30.0)
    # No fixed sizes, no hard-coded colours in the one stylesheet: palette roles.
    assert "font-size" not in theme.DEMO_BANNER_STYLE
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", theme.DEMO_BANNER_STYLE)


def test_logo_is_optional(tmp_path: object) -> None:
    assert theme.logo_pixmap(brand("#0F6CBD"), 40) is None


def test_cards_and_notices_follow_the_palette_without_a_stylesheet(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QApplication, QFrame

    from ui.main_window import MainWindow
    from ui.pages.steps import HintList

    window = MainWindow(Config(), autostart=False)
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # Qt's stylesheet style would slow every widget (start-up, painting).
    assert app.styleSheet() == ""
    cards = [f for f in window.findChildren(QFrame) if f.objectName() == theme.CARD]
    assert cards, "the welcome page shows its cards"
    for frame in cards:
        assert frame.frameShape() == QFrame.Shape.StyledPanel
        assert frame.autoFillBackground()
        assert frame.backgroundRole() == QPalette.ColorRole.Base
    hints = HintList(["Restart the device, then try again."])
    qtbot.addWidget(hints)
    stripe = hints.layout().itemAt(0).widget()  # type: ignore[union-attr]
    assert stripe is not None and stripe.width() <= theme.NOTICE_STRIPE_WIDTH
    assert stripe.backgroundRole() == QPalette.ColorRole.Highlight
    assert stripe.autoFillBackground()
