"""About Huoqun: the version, where the data lives and the licences of what ships with it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.paths import data_folder

# (component, licence): the third-party code a Huoqun bundle carries. Names and licence
# identifiers are not translated.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("Qt / PySide6", "LGPL-3.0-only"),
    ("peewee", "MIT"),
    ("pypinyin", "MIT"),
    ("openpyxl", "MIT"),
    ("python-calamine (calamine)", "MIT"),
    ("qasync", "BSD-2-Clause"),
    ("platformdirs", "MIT"),
    ("defusedxml", "PSF-2.0"),
    ("charset-normalizer", "MIT"),
    ("icalendar", "BSD-2-Clause"),
    ("python-dateutil", "Apache-2.0 / BSD-3-Clause"),
    ("Python", "PSF-2.0"),
)


def licence_text() -> str:
    """The plain-text licence notice shown in the dialog (English: licence texts are)."""
    width = max(len(name) for name, _ in COMPONENTS)
    lines = [
        f"Huoqun {__version__} is free software under the GNU General Public License, "
        "version 3 or later (GPL-3.0-or-later).",
        "",
        "It ships with these components, each under its own licence:",
        "",
    ]
    lines += [f"  {name.ljust(width)}  {licence}" for name, licence in COMPONENTS]
    lines += [
        "",
        f"Qt {qVersion()} and PySide6 {pyside_version} are used under the GNU Lesser General "
        "Public License v3; you may replace the Qt libraries in this bundle with your own build.",
        f"Python {sys.version.split()[0]}.",
    ]
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Read-only: the version, the database file, the data folder and the licences."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Huoqun"))
        title = QLabel(f"<h2>Huoqun 活群 {__version__}</h2>")
        title.setObjectName("aboutTitle")
        tagline = QLabel(self.tr("Keep chat communities alive."))
        form = QFormLayout()
        self.version_label = QLabel(__version__)
        self.version_label.setObjectName("aboutVersion")
        self.database_label = QLabel(str(db_path))
        self.database_label.setObjectName("aboutDatabase")
        self.folder_label = QLabel(str(data_folder(db_path)))
        self.folder_label.setObjectName("aboutDataFolder")
        for label in (self.version_label, self.database_label, self.folder_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Version"), self.version_label)
        form.addRow(self.tr("Database file"), self.database_label)
        form.addRow(self.tr("Data folder"), self.folder_label)
        self.licences = QPlainTextEdit(licence_text())
        # the component list is a two-column table laid out with spaces: a fixed-width font
        self.licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licences.setObjectName("aboutLicences")
        self.licences.setReadOnly(True)
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.licences.setMinimumSize(520, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Licences")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
