# SPDX-License-Identifier: MIT
"""Guide another device: the steps for a phone or tablet the helper cannot run on.

The user picks the device (iPhone or iPad, Android, Windows 10 Mobile,
Windows 8.1) and what manages it today (the catalogue's vendors that have a
playbook for it, by display name, plus "not managed yet" and "another system,
or not sure"). The dialog shows that playbook's steps (planned without a
detection, :func:`helper.journey.planner.build_plan`) in the window's language.
Store links meant for the other device (``qr = true`` in the playbook) get a QR
code to scan with its camera, the link as text and a "Copy link" button.

Keyboard: both choices have mnemonics (Alt+D, Alt+M), the step list scrolls
with the keyboard, link texts are selectable and every button is reachable
with Tab. Each QR image carries the URL in its accessible name and description.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language

if TYPE_CHECKING:
    from helper.catalogue import Catalogue
    from helper.config.model import Config
    from helper.journey.plan import Plan, Step, Text
    from helper.journey.playbooks import PlaybookSet

log = logging.getLogger(__name__)

NOT_MANAGED: Final = "none"
UNKNOWN: Final = "unknown-mdm"
QR_SCALE: Final = 5  # pixels per module: a store link is 33-37 modules wide


def qr_png(url: str, *, scale: int = QR_SCALE) -> bytes:
    """A PNG of the QR code for ``url`` (medium error correction, quiet zone)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="png", scale=scale, border=4
    )
    return buffer.getvalue()


def qr_pixmap(url: str, *, scale: int = QR_SCALE) -> QPixmap:
    """The QR code for ``url`` as a pixmap (PNG: QtSvg may be missing)."""
    pixmap = QPixmap()
    if not pixmap.loadFromData(qr_png(url, scale=scale), "PNG"):
        log.warning("could not render the QR code for %s", url)
    return pixmap


def platform_names() -> list[tuple[str, str]]:
    """(platform, display name) for the devices this dialog guides."""

    translate = QCoreApplication.translate
    return [
        ("ios", translate("GuideDialog", "iPhone or iPad")),
        ("android", translate("GuideDialog", "Android phone or tablet")),
        ("windows-10-mobile", translate("GuideDialog", "Windows 10 Mobile")),
        ("windows-8.1", translate("GuideDialog", "Windows 8.1")),
    ]


def text_in(text: Text, lang: str) -> str:
    """A playbook text in the window's language (English when not translated)."""
    return text.in_language(lang)


class GuideDialog(QDialog):
    """Steps, links and QR codes to move another device.

    Args:
        parent: the main window.
        config: IT's configuration (support contact, discovery URL); None loads it.
        catalogue: the vendor catalogue; None loads it.
        playbooks: the playbooks; None loads them (IT's extra folder included).
        support_code: the user's support code, put in texts that mention it.
        language: ``en``/``fr``; None for the window's (:func:`current_language`).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        config: Config | None = None,
        catalogue: Catalogue | None = None,
        playbooks: PlaybookSet | None = None,
        support_code: str | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide another device"))
        self._config = config if config is not None else _load_config()
        self._language = language or current_language()
        if catalogue is None or playbooks is None:
            from helper.migration import load_knowledge

            loaded = load_knowledge(self._config, (self._language,))
            catalogue = catalogue if catalogue is not None else loaded[0]
            playbooks = playbooks if playbooks is not None else loaded[1]
        self._catalogue = catalogue
        self._playbooks = playbooks
        self._support_code = support_code
        self._plan: Plan | None = None
        self.qr_labels: list[QLabel] = []
        self.link_labels: list[QLabel] = []

        intro = QLabel(
            self.tr(
                "Choose the device to move and what manages it today: the steps "
                "below are the ones to follow on that device."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.platform_combo = QComboBox(self)
        for platform, name in platform_names():
            self.platform_combo.addItem(name, platform)
        self.vendor_combo = QComboBox(self)
        form = QFormLayout()
        platform_label = QLabel(self.tr("&Device:"), self)
        platform_label.setBuddy(self.platform_combo)
        vendor_label = QLabel(self.tr("&Managed today by:"), self)
        vendor_label.setBuddy(self.vendor_combo)
        form.addRow(platform_label, self.platform_combo)
        form.addRow(vendor_label, self.vendor_combo)

        self.steps_widget = QWidget()
        self.steps_layout = QVBoxLayout(self.steps_widget)
        self.steps_area = QScrollArea(self)
        self.steps_area.setWidgetResizable(True)
        self.steps_area.setWidget(self.steps_widget)
        self.steps_area.setAccessibleName(self.tr("Steps"))
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.steps_area, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 640)

        self._fill_vendors()
        self.platform_combo.currentIndexChanged.connect(self._on_platform_changed)
        self.vendor_combo.currentIndexChanged.connect(self._on_vendor_changed)
        self._show_plan()

    # --- choices ----------------------------------------------------------------------

    @property
    def platform(self) -> str:
        return str(self.platform_combo.currentData())

    @property
    def vendor(self) -> str:
        return str(self.vendor_combo.currentData())

    @property
    def plan(self) -> Plan | None:
        """The plan shown now."""
        return self._plan

    def select(self, platform: str, vendor: str) -> None:
        """Choose a device and a vendor (as the user would)."""
        index = self.platform_combo.findData(platform)
        if index < 0:
            raise ValueError(f"unknown platform {platform!r}")
        self.platform_combo.setCurrentIndex(index)
        index = self.vendor_combo.findData(vendor)
        if index < 0:
            raise ValueError(f"no playbook for {vendor!r} on {platform!r}")
        self.vendor_combo.setCurrentIndex(index)

    def vendors(self) -> list[tuple[str, str]]:
        """(vendor id, display name) offered for the chosen device."""
        return [
            (str(self.vendor_combo.itemData(i)), self.vendor_combo.itemText(i))
            for i in range(self.vendor_combo.count())
        ]

    def _fill_vendors(self) -> None:
        previous = self.vendor_combo.currentData()
        platform = self.platform
        legacy = sorted(
            (
                (vendor.name, vendor.id)
                for vendor in self._catalogue
                if vendor.role == "legacy"
                and vendor.id != UNKNOWN
                and self._playbooks.get(vendor.id, platform) is not None
            ),
            key=lambda item: item[0].casefold(),
        )
        self.vendor_combo.blockSignals(True)
        self.vendor_combo.clear()
        for name, vendor_id in legacy:
            self.vendor_combo.addItem(name, vendor_id)
        self.vendor_combo.addItem(self.tr("Another system, or not sure"), UNKNOWN)
        self.vendor_combo.addItem(self.tr("Nothing: not managed yet"), NOT_MANAGED)
        index = self.vendor_combo.findData(previous)
        self.vendor_combo.setCurrentIndex(max(index, 0))
        self.vendor_combo.blockSignals(False)

    @Slot(int)
    def _on_platform_changed(self, index: int) -> None:
        del index
        self._fill_vendors()
        self._show_plan()

    @Slot(int)
    def _on_vendor_changed(self, index: int) -> None:
        del index
        self._show_plan()

    # --- steps ------------------------------------------------------------------------

    def _build_plan(self) -> Plan:
        from helper.journey.planner import build_plan

        fill = {"support_code": self._support_code} if self._support_code else None
        vendor = None if self.vendor == NOT_MANAGED else self.vendor
        return build_plan(
            None,
            platform=self.platform,
            vendor=vendor,
            config=self._config,
            catalogue=self._catalogue,
            playbooks=self._playbooks,
            fill=fill,
        )

    def _clear_steps(self) -> None:
        while self.steps_layout.count():
            item = self.steps_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                # Out of the tree now (findChildren, accessibility), deleted later.
                widget.setParent(None)
                widget.deleteLater()
        self.qr_labels = []
        self.link_labels = []

    def _show_plan(self) -> None:
        self._clear_steps()
        self.status.clear()
        try:
            plan = self._build_plan()
        except Exception as exc:  # an IT playbook may be broken: say so, go on
            log.warning("cannot plan %s/%s: %s", self.platform, self.vendor, exc)
            self._plan = None
            error = QLabel(
                self.tr("The steps for this device cannot be shown: %1").replace(
                    "%1", str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                ),
                self.steps_widget,
            )
            error.setWordWrap(True)
            self.steps_layout.addWidget(error)
            self.steps_layout.addStretch(1)
            return
        self._plan = plan
        stage = None
        number = 0
        for step in plan.steps:
            if step.stage != stage:
                stage = step.stage
                heading = QLabel(self._stage_title(stage), self.steps_widget)
                font = heading.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.15)
                heading.setFont(font)
                heading.setAccessibleName(heading.text())
                self.steps_layout.addWidget(heading)
            number += 1
            self.steps_layout.addWidget(self._step_widget(number, step))
        self.steps_layout.addStretch(1)

    def _stage_title(self, stage: str) -> str:
        from helper.journey.stages import title_key

        # Keyed by the stage table's title keys (helper/journey/stages.py).
        titles = {
            "prepare": self.tr("Before you start"),
            "leave": self.tr("Leave the current management"),
            "confirm-left": self.tr("Check that it has left"),
            "join": self.tr("Join Microsoft Intune"),
            "confirm-joined": self.tr("Check the enrollment"),
            "done": self.tr("Done"),
            "contact-it": self.tr("Contact IT"),
        }
        return titles.get(title_key(stage), stage)

    def _step_widget(self, number: int, step: Step) -> QWidget:
        box = QFrame(self.steps_widget)
        box.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        text = self.tr("%1. %2").replace("%1", str(number), 1)
        text = text.replace("%2", text_in(step.text, self._language), 1)
        label = QLabel(text, box)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        if step.uri and (step.qr or step.kind == "open"):
            layout.addWidget(self._link_widget(step.uri, qr=step.qr, parent=box))
        return box

    def _link_widget(self, url: str, *, qr: bool, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        if qr:
            image = QLabel(row)
            image.setPixmap(qr_pixmap(url))
            image.setAccessibleName(self.tr("QR code for %1").replace("%1", url))
            image.setAccessibleDescription(
                self.tr(
                    "Scan this code with the camera of the other device to open %1"
                ).replace("%1", url)
            )
            image.setToolTip(url)
            self.qr_labels.append(image)
            layout.addWidget(image)
        column = QVBoxLayout()
        link = QLabel(url, row)
        link.setTextFormat(Qt.TextFormat.PlainText)
        link.setWordWrap(True)
        link.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        link.setAccessibleName(self.tr("Link"))
        self.link_labels.append(link)
        copy = QPushButton(self.tr("Copy link"), row)
        copy.setAccessibleDescription(url)
        copy.setProperty("url", url)
        copy.clicked.connect(self._on_copy_link)
        column.addWidget(link)
        column.addWidget(copy, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        layout.addLayout(column, 1)
        return row

    @Slot()
    def _on_copy_link(self) -> None:
        button = self.sender()
        url = button.property("url") if button is not None else None
        if isinstance(url, str):
            QGuiApplication.clipboard().setText(url)
            self.status.setText(self.tr("Link copied to the clipboard."))


def _load_config() -> Config:
    from helper.config import load_config
    from helper.config.model import Config
    from helper.errors import ConfigError

    try:
        return load_config(None)
    except ConfigError as exc:
        # The window already told the user; the guide works on defaults.
        log.warning("configuration not usable for the guide: %s", exc)
        return Config()
