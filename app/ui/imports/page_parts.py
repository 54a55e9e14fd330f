"""What the import wizard's pages share: the choices they offer and their tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWizardPage,
)

if TYPE_CHECKING:
    from app.ui.imports.import_wizard import ImportWizard


PREVIEW_ROWS = 30
SHOWN_NOTES = 1000  # rows of a problem table; the saved report has every one
NEW_GROUP = 0  # the data of "New group…" among the groups' ids (which start at 1)
ENCODINGS = [
    ("utf-8", QT_TRANSLATE_NOOP("ImportPages", "UTF-8")),
    ("utf-8-sig", QT_TRANSLATE_NOOP("ImportPages", "UTF-8 with BOM")),
    ("utf-16", QT_TRANSLATE_NOOP("ImportPages", "UTF-16 (Excel “Unicode text”)")),
    ("gb18030", QT_TRANSLATE_NOOP("ImportPages", "GB18030 (Chinese Windows, GBK)")),
]
DELIMITERS = [
    (",", QT_TRANSLATE_NOOP("ImportPages", "Comma")),
    ("\t", QT_TRANSLATE_NOOP("ImportPages", "Tab")),
    (";", QT_TRANSLATE_NOOP("ImportPages", "Semicolon")),
]


class ImportPage(QWizardPage):
    """A page of the import wizard, which holds what the pages read and choose."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard


def page_words(text: str) -> str:
    return QCoreApplication.translate("ImportPages", text)


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells[: len(headers)]):
            table.setItem(r, c, QTableWidgetItem(text))


def read_only_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table
