# SPDX-License-Identifier: MIT
"""The window's menus, filled after the first paint (docs/architecture.md,
Start-up rules: their actions' types cost 1 ms to set up), and the About box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from helper import APP_NAME, __version__
from ui import words
from ui.pages.common import qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def fill_menus(window: MainWindow) -> None:
    """The menus' actions, after the first paint (their types cost 1 ms to set
    up): File (sign-in when reporting offers it, Quit) and Help."""
    file_menu = window.file_menu
    quit_action = QAction(translate("MainWindow", "&Quit"), window)
    quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    sign_in = getattr(window.reporting, "sign_in", None)
    if callable(sign_in):
        # Reports wait for a signed-in work account when the collector asks.
        window.sign_in_action = QAction(
            translate("MainWindow", "&Sign in to send status updates"), window
        )
        window.sign_in_action.triggered.connect(sign_in)
        file_menu.addAction(window.sign_in_action)
        file_menu.addSeparator()
    file_menu.addAction(quit_action)
    help_menu = window.help_menu
    window.helpdesk_action = QAction(
        translate("MainWindow", "&Helpdesk panel…"), window
    )
    window.helpdesk_action.setShortcuts([QKeySequence("Ctrl+Shift+H")])
    window.helpdesk_action.triggered.connect(window._on_helpdesk)
    help_menu.addAction(window.helpdesk_action)
    window.guide_action = QAction(
        translate("MainWindow", "&Guide another device…"), window
    )
    window.guide_action.triggered.connect(window._on_guide)
    help_menu.addAction(window.guide_action)
    help_menu.addSeparator()
    about = QAction(words.arg(translate("MainWindow", "&About %1"), APP_NAME), window)
    about.triggered.connect(window._on_about)
    help_menu.addAction(about)
    # Shortcuts work even when the menu bar is hidden (macOS global menu).
    window.addAction(window.helpdesk_action)


def show_about(parent: QWidget) -> None:
    """The About box."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(words.arg(translate("MainWindow", "About %1"), APP_NAME))
    box.setText(
        words.arg(
            translate(
                "MainWindow",
                "%1 %2\nHelps you move this device to Microsoft Intune.",
            ),
            APP_NAME,
            __version__,
        )
    )
    box.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
    box.open()
