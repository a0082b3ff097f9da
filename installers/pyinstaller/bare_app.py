# SPDX-License-Identifier: MIT
"""A bare one-window PySide6 app: the size and start-up baseline of the helper.

Frozen by bare.spec with exactly the helper's excludes and DROP filter, it tells
what the helper's bundle and start-up cost on top of "Qt Widgets and a window"
(tests/bench_package.py prints both and their ratio).

``--version`` prints without creating a QApplication. With
``HELPER_FIRST_PAINT_EXIT=1`` (as the helper's ui/app.py) it prints
``first-paint`` and quits when its window is painted for the first time.
"""

from __future__ import annotations

import os
import sys

FIRST_PAINT_ENV = "HELPER_FIRST_PAINT_EXIT"
FIRST_PAINT_MARKER = "first-paint"


def main(argv: list[str]) -> int:
    """Show a window with a label and a button."""
    if "--version" in argv:
        sys.stdout.write("bare 1.0\n")
        return 0
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self._painted = False
            self.setWindowTitle("Bare")
            layout = QVBoxLayout(self)
            layout.addWidget(QLabel("Move this device to Microsoft Intune", self))
            layout.addWidget(QPushButton("Start", self))
            self.resize(640, 420)

        def paintEvent(self, event: QPaintEvent) -> None:
            super().paintEvent(event)
            if not self._painted:
                self._painted = True
                if os.environ.get(FIRST_PAINT_ENV):
                    sys.stdout.write(f"{FIRST_PAINT_MARKER}\n")
                    sys.stdout.flush()
                    QApplication.quit()

    app = QApplication([sys.argv[0], *argv])
    window = Window()
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
