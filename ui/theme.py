# SPDX-License-Identifier: MIT
"""The window's look: IT's branding on top of the OS's own palette.

Rules (issue requirement 3):

- Colours come from the palette roles of the OS theme (light, dark, high
  contrast), never hard-coded. The only exception is the organization's accent
  colour (``organization.accent_color``), applied to the header band alone, and
  only when a text colour reaches a 4.5:1 contrast on it (WCAG AA); otherwise,
  and always in high-contrast mode, the header uses the palette's highlight.
- Font sizes are relative to the system font (``pointSizeF`` factors), so the
  window follows the user's text-size setting; no pixel font sizes.
- No application-wide stylesheet (Qt's stylesheet style slows every widget):
  cards are styled panels on the palette's base colour, notices carry a stripe
  in the highlight colour; only the demo banner has a (palette-only) stylesheet.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from helper.config.model import Config

MIN_TEXT_CONTRAST: Final = 4.5
HEADLINE_SCALE: Final = 1.6
TITLE_SCALE: Final = 1.25
CODE_SCALE: Final = 1.8

# Object names (tests and accessibility tools find the frames by them).
CARD: Final = "Card"
DEMO_BANNER: Final = "DemoBanner"
NOTICE: Final = "Notice"

# The demo banner's look, on that banner alone: an application-wide stylesheet
# puts every widget through Qt's slower stylesheet style (3 ms of start-up
# measured for three rules), so cards and notices use the palette directly.
DEMO_BANNER_STYLE: Final = (
    "QFrame#DemoBanner { border: 2px dashed palette(highlight); border-radius: 4px; }"
)
NOTICE_STRIPE_WIDTH: Final = 4


class Branding:
    """IT's branding, ready for widgets.

    Attributes:
        name: the organization's name ("" when not configured).
        message: IT's message for the first page (plain text).
        logo: the logo file, when configured and present.
        accent: the configured accent colour, None when invalid.
    """

    # A plain class: typing.NamedTuple and dataclasses cost about 1 ms to set up,
    # and this module is on the way to the first paint.
    __slots__ = ("accent", "logo", "message", "name")

    def __init__(
        self, name: str, message: str, logo: str | None, accent: QColor | None
    ) -> None:
        self.name = name
        self.message = message
        self.logo = logo
        self.accent = accent


def branding(config: Config) -> Branding:
    """The branding of ``config.organization``."""
    org = config.organization
    accent = QColor(org.accent_color) if org.accent_color else QColor()
    # os.path, not pathlib: one module fewer for Qt's import hook to read.
    logo = org.logo if org.logo and os.path.isfile(org.logo) else None
    return Branding(
        name=org.name.strip(),
        message=org.message.strip(),
        logo=logo,
        accent=accent if accent.isValid() else None,
    )


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of a colour (0 black, 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (color.redF(), color.greenF(), color.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable_text_on(background: QColor) -> QColor | None:
    """White or black, whichever reads best on ``background``; None if neither
    reaches :data:`MIN_TEXT_CONTRAST`."""
    white, black = QColor(255, 255, 255), QColor(0, 0, 0)
    best = max((white, black), key=lambda c: contrast_ratio(c, background))
    return best if contrast_ratio(best, background) >= MIN_TEXT_CONTRAST else None


def high_contrast() -> bool:
    """The OS asks for high contrast (Qt 6.10+ accessibility hints).

    Reading it builds the ``Qt`` enums (ui.pages.common.qt): the window asks
    only after its first paint, and repaints the header if the answer is yes.
    """
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def header_colors(
    brand: Branding, palette: QPalette, *, contrast_known: bool = True
) -> tuple[QColor, QColor]:
    """(background, text) of the header band.

    The accent colour when a text colour reads on it and high contrast is off;
    else the palette's highlight pair (which the OS keeps readable).

    Args:
        brand: the branding.
        palette: the widget's palette.
        contrast_known: False before the first paint: high contrast is not
            asked yet (see :func:`high_contrast`).
    """
    if brand.accent is not None and not (contrast_known and high_contrast()):
        text = readable_text_on(brand.accent)
        if text is not None:
            return brand.accent, text
    return (
        palette.color(QPalette.ColorRole.Highlight),
        palette.color(QPalette.ColorRole.HighlightedText),
    )


def paint_header(
    widget: QWidget, brand: Branding, *, contrast_known: bool = True
) -> None:
    """Give a header widget (and its labels) the branded colours."""
    palette = widget.palette()
    background, text = header_colors(brand, palette, contrast_known=contrast_known)
    palette.setColor(QPalette.ColorRole.Window, background)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Text, text)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """``base`` scaled by ``factor`` (relative to the system font size)."""
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:  # a pixel-sized system font: scale that instead
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    if bold:
        font.setBold(True)
    return font


def logo_pixmap(brand: Branding, height: int) -> QPixmap | None:
    """The logo fitted in ``height`` device-independent pixels (4:1 at most),
    smoothly scaled (PNG) or rendered at that size (SVG), if any."""
    if brand.logo is None:
        return None
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    pixmap = QIcon(brand.logo).pixmap(QSize(height * 4, height))
    return None if pixmap.isNull() else pixmap


def style_card(frame: QFrame) -> None:
    """A card: the style's own panel frame, filled with the palette's base."""
    frame.setObjectName(CARD)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setBackgroundRole(QPalette.ColorRole.Base)
    frame.setAutoFillBackground(True)


def notice_layout(frame: QFrame) -> QVBoxLayout:
    """Make ``frame`` a notice (a stripe in the highlight colour on its left);
    returns the layout its content goes in."""
    frame.setObjectName(NOTICE)
    row = QHBoxLayout(frame)
    row.setContentsMargins(0, 0, 0, 0)
    stripe = QWidget(frame)
    stripe.setFixedWidth(NOTICE_STRIPE_WIDTH)
    stripe.setBackgroundRole(QPalette.ColorRole.Highlight)
    stripe.setAutoFillBackground(True)
    row.addWidget(stripe)
    content = QVBoxLayout()
    row.addLayout(content, 1)
    return content


def style_demo_banner(frame: QFrame) -> None:
    """The demo banner's dashed border (a stylesheet on the banner alone)."""
    frame.setObjectName(DEMO_BANNER)
    frame.setStyleSheet(DEMO_BANNER_STYLE)
