"""A read-only table over a ``RowTableModel`` that keeps its selection by row id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.core import clock
from app.ui.widgets.row_table import CellFn, RowTableModel

WARNING_COLOUR = QColor("#b03a2e")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_day(moment: datetime | None) -> str:
    """A stored UTC time as the local date, e.g. 2026-03-14; "" for None."""
    return "" if moment is None else clock.to_local(moment).strftime("%Y-%m-%d")


class ReadOnlyTable(QTableView):
    """Rows selected whole, one at a time; reloading keeps the selected row's id selected."""

    rowChanged = Signal()  # noqa: N815 - the selected row changed (after a reload too)

    def __init__(
        self, headers: Sequence[str], name: str, cell: CellFn, row_id: Callable[[Any], Any]
    ) -> None:
        super().__init__()
        self.setObjectName(name)
        self.rows_model = RowTableModel(headers, cell, row_id, self)
        self.setModel(self.rows_model)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.selectionModel().selectionChanged.connect(lambda *_a: self.rowChanged.emit())
        self.rows_model.modelReset.connect(self.rowChanged.emit)

    def set_widths(self, samples: Sequence[str]) -> None:
        """Size the first columns to fit a typical cell (or their title, if wider)."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        for column, sample in enumerate(samples):
            title = str(self.rows_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(sample) + 24,
                header.fontMetrics().horizontalAdvance(title) + 24,
            )
            self.setColumnWidth(column, width)

    def stretch(self, column: int) -> None:
        """Give ``column`` the room left over (instead of the last column)."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # --- rows ----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``, keeping the selected row (by id) when it is still there."""
        selected = self.current_id()
        self.rows_model.set_rows(rows)
        if selected is not None:
            self.select_id(selected, scroll=False)

    def row_count(self) -> int:
        return self.rows_model.rowCount()

    def current_id(self) -> Any:
        """The id of the selected row, or None."""
        rows = self.selectionModel().selectedRows()
        return self.rows_model.id_at(rows[0].row()) if rows else None

    def current_row(self) -> Any:
        """The selected row object, or None."""
        rows = self.selectionModel().selectedRows()
        return self.rows_model.row_at(rows[0].row()) if rows else None

    def row_of(self, row_id: Any) -> int:
        return self.rows_model.row_of(row_id)

    def select_id(self, row_id: Any, scroll: bool = True) -> None:
        """Select the row of ``row_id`` (when it is listed)."""
        row = self.row_of(row_id)
        if row < 0:
            self.clearSelection()
            return
        index = self.rows_model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if scroll:
            self.scrollTo(index)

    def ids(self) -> list[Any]:
        return [self.rows_model.id_at(row) for row in range(self.row_count())]

    def cell_data(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.rows_model.index(row, column).data(role)

    def texts(self, column: int) -> list[str]:
        """What column ``column`` shows, top to bottom."""
        return [str(self.cell_data(row, column) or "") for row in range(self.row_count())]
