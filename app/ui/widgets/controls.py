"""The small controls the panels share: named buttons and combos, read-only tables, and
reading a form's fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.groups import group_choices

HINT_STYLE = "color: palette(placeholder-text);"
NOTICE_STYLE = "color: #1e8449;"  # a line saying what was just done


def named_button(name: str, text: str, slot: Callable[[], None] | None = None) -> QPushButton:
    """A push button with an object name (tests find it by that) that calls ``slot``."""
    button = QPushButton(text)
    button.setObjectName(name)
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    return button


def named_combo(name: str, width: int) -> QComboBox:
    """A filter combo with an object name, at least ``width`` pixels wide, 24 rows open."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setMinimumWidth(width)
    combo.setMaxVisibleItems(24)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def note_label(text: str) -> QLabel:
    """A grey line that explains an empty table."""
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def table_cell(text: str, data: Any = None) -> QTableWidgetItem:
    """A cell that can be selected but not edited, holding ``data`` in its user role."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def row_table(headers: list[str], name: str) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time, the last column stretched."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_group_choices(combo: QComboBox, everything: str | None = None) -> None:
    """Refill ``combo`` with every group, the chosen one kept, after ``everything`` if given
    (an "All groups" item holding None); the combo says nothing while it is refilled."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        if everything is not None:
            combo.addItem(everything, None)
        for group in group_choices():
            combo.addItem(group.name, group.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    finally:
        combo.blockSignals(False)


def notice_label(name: str) -> QLabel:
    """A green line, empty at first, that says what was just done."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(NOTICE_STYLE)
    label.setWordWrap(True)
    return label


def field_values(fields: Mapping[str, QWidget]) -> dict[str, Any]:
    """What each of a form's fields holds, under its key: a line's or a text box's text, a
    tick, a combo's data, a number (None when empty) or a list of tags."""
    return {key: field_value(widget) for key, widget in fields.items()}


def field_value(widget: QWidget) -> Any:
    for reader in ("tags", "number"):  # a TagsEdit, an OptionalNumberSpin
        if hasattr(widget, reader):
            return getattr(widget, reader)()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    raise TypeError(f"no value to read from {type(widget).__name__}")
