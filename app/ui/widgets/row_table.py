"""A read-only table model over a list of rows a core service returned (dataclasses).

Setting the rows costs nothing per row: each cell is worded only when the view asks for
it, so a care list of thousands of helpers loads as fast as its query runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
RowIdRole = Qt.ItemDataRole.UserRole + 1
CellFn = Callable[[Any, int, int], Any]  # (row, column, role) -> what the cell shows


class RowTableModel(QAbstractTableModel):
    """Rows in the order given; ``cell`` words each cell, ``row_id`` names each row."""

    def __init__(
        self,
        headers: Sequence[str],
        cell: CellFn,
        row_id: Callable[[Any], Any],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cell = cell
        self._row_id = row_id
        self._rows: list[Any] = []
        self._rows_by_id: dict[Any, int] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_by_id = {self._row_id(row): n for n, row in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, row_id: Any) -> int:
        """The row number showing ``row_id``, or -1."""
        return self._rows_by_id.get(row_id, -1)

    def id_at(self, row: int) -> Any:
        return self._row_id(self._rows[row])

    # --- Qt's model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowIdRole:
            return self._row_id(row)
        return self._cell(row, index.column(), role)
