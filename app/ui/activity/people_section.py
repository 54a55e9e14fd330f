"""A section of the Activity tab: a heading with room for its actions, and a short read-only
table of people (or their messages); double-clicking a person opens them, as elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.read_only_table import ReadOnlyTable
from app.ui.widgets.row_table import CellFn

HEADING_STYLE = "font-weight: bold;"
MAX_ROWS_SHOWN = 10  # taller lists scroll inside their table (top speakers fit whole)


class PeopleSection(QWidget):
    """``memberOpened(member_id)`` on a double-click of a row that names a member."""

    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        name: str,
        headers: Sequence[str],
        cell: CellFn,
        row_id: Callable[[Any], Any],
        member_of: Callable[[Any], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._member_of = member_of
        self.heading = QLabel()
        self.heading.setObjectName(f"{name}Heading")
        self.heading.setStyleSheet(HEADING_STYLE)
        # as tall as a button, so sections side by side line up with or without an action
        self.heading.setMinimumHeight(QPushButton("M").sizeHint().height())
        self.note = QLabel()
        self.note.setObjectName(f"{name}Note")
        self.note.setStyleSheet(HINT_STYLE)
        self.note.setWordWrap(True)
        self.table = ReadOnlyTable(headers, f"{name}Table", cell, row_id)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        # the place for this section's actions (part of #19's actions), beside its heading
        self.actions = QHBoxLayout()
        self.actions.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addLayout(self.actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def add_action(self, button: QPushButton) -> None:
        """Put an action's button beside the heading."""
        self.actions.addWidget(button)

    def show_rows(self, heading: str, rows: Sequence[Any], empty: str, note: str = "") -> None:
        """Fill the table; a section without rows says ``empty`` instead of an empty table."""
        self.heading.setText(heading)
        self.table.set_rows(rows)
        self.table.setVisible(bool(rows))
        text = note if rows else empty
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self._fit_height(len(rows))

    def _fit_height(self, rows: int) -> None:
        shown = min(max(rows, 1), MAX_ROWS_SHOWN)
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + shown * row + 2 * self.table.frameWidth() + 2)

    def member_at(self, row: int) -> int | None:
        return self._member_of(self.table.rows_model.row_at(row))

    def _open(self, row: int) -> None:
        member = self.member_at(row)
        if member is not None:
            self.memberOpened.emit(member)
