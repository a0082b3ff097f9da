# SPDX-License-Identifier: MIT
"""What the window tells about reporting: the development-mode banner and the
dialog of a failed sign-in (words in the ``MainWindow`` translation context,
where the window's other words are)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QWidget

from ui import theme, words
from ui.pages.common import qt, translate, wrapped_label

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def dev_banner(window: MainWindow, parent: QWidget) -> QWidget:
    """reporting.dev_unsigned_tokens: as visible as the collector's own
    dev-mode banner, so a trial configuration never goes unnoticed."""
    banner = QFrame(parent)
    theme.style_demo_banner(banner)
    row = QHBoxLayout(banner)
    text = words.arg(
        translate(
            "MainWindow",
            "Development mode: status updates go to a test collector on "
            "this computer (%1) with unsigned tokens. Never use this "
            "configuration on employees' devices.",
        ),
        window.config.reporting.collector_url,
    )
    label = wrapped_label(text, banner)
    label.setFont(theme.scaled_font(window.font(), 1.0, bold=True))
    label.setAccessibleName(translate("MainWindow", "Development mode"))
    row.addWidget(label)
    return banner


def sign_in_failure(window: MainWindow, code: str) -> QMessageBox:
    """A sign-in the user asked for failed: say what happened and what to try
    (it used to fail silently, only the log said ``sign-in-network``)."""
    what, advice = words.sign_in_problem(code)
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("MainWindow", "Sign-in failed"))
    box.setText(what)
    box.setInformativeText(advice)
    retry = box.addButton(
        translate("MainWindow", "&Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
    box.setAccessibleName(translate("MainWindow", "Sign-in failed"))
    sign_in = getattr(window.reporting, "sign_in", None)

    def on_clicked(button: object) -> None:
        if button is retry and callable(sign_in):
            sign_in()

    box.buttonClicked.connect(on_clicked)
    box.open()
    return box
