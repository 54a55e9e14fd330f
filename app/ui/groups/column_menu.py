"""The groups table's columns: a few start hidden so the rest fit a 1200-pixel window side by
side, and a right-click on the header shows or hides any of them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView


def install_column_menu(table: QTableView, hidden: Iterable[int]) -> None:
    """Hide ``hidden`` columns; the header's context menu toggles each column by its title."""
    header = table.horizontalHeader()
    for column in hidden:
        header.setSectionHidden(column, True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda pos: column_menu(table).popup(header.mapToGlobal(pos))
    )


def column_menu(table: QTableView, _at: QPoint | None = None) -> QMenu:
    """A menu with one checkable entry per column (the name column is always shown)."""
    header, model = table.horizontalHeader(), table.model()
    menu = QMenu(table)
    menu.setObjectName("groupColumnsMenu")
    for column in range(1, model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = QAction(title, menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.addAction(action)
    return menu
