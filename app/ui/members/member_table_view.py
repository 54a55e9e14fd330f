"""The Members panel's table: fixed row heights, widths from typical cells, selection by id.

Nothing here measures or walks 100,000 rows: widths come from samples, row heights are fixed,
and selections are read and made as ranges of rows.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.core.member_list import RELEVANCE, MemberFilter
from app.ui.widgets.member_table import (
    COL_CITY,
    COL_DISCORD,
    COL_GROUPS,
    COL_LAST_CONTACTED,
    COL_MATCHED,
    COL_NAME,
    COL_PHONE,
    COL_QQ,
    COL_STATUS,
    COL_TAGS,
    COL_TELEGRAM,
    COL_TIER,
    COL_WECHAT,
    COLUMNS,
    MemberTableModel,
)

# a typical cell per column: widths come from these, never from measuring 100,000 rows
COLUMN_SAMPLES = {
    COL_NAME: "★ 欧阳晓明明 Alex",
    COL_TIER: "■ 管理/骨干 ",
    COL_STATUS: "Removed",
    COL_QQ: "12345678901",
    COL_WECHAT: "wxid_abcdefghij",
    COL_PHONE: "138*****1234",
    COL_CITY: "呼和浩特市",
    COL_GROUPS: "读书会、摄影爱好者、周末夜跑群",
    COL_TAGS: "志愿者, 摄影, 老会员",
    COL_LAST_CONTACTED: "2026-03-14 ",
    COL_TELEGRAM: "6232865096",
    COL_DISCORD: "822222222722609098",
    COL_MATCHED: "Group nickname “北京-欧阳晓明”",
}


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class MemberTableView(QTableView):
    """The table of ``model``, sorted by name at first; a header click sorts in SQL.

    A new search shows the best matches first (no column's sort indicator) until a header is
    clicked; clearing the search goes back to the order of the column last clicked.
    """

    def __init__(self, model: MemberTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberTable")
        self.member_model = model
        self._sort_section = COL_NAME  # the column the person sorted by
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._ranked = False  # a search shown best matches first, not by that column
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setCornerButtonEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # Painting a header asks its selection model whether each column is fully selected,
        # which walks every row through Python: seconds once 100,000 rows are selected. The
        # header shows no selection, so it gets a selection model of its own that stays empty.
        header.setSelectionModel(QItemSelectionModel(model, header))
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 20)
        # One search now: enabling sorting sorts once by the indicator, which loads the ids.
        header.setSortIndicator(self._sort_section, self._sort_order)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)

    def show_matched_column(self) -> None:
        """What a search found each member by: beside the name, shown only while searching."""
        header = self.horizontalHeader()
        header.moveSection(header.visualIndex(COL_MATCHED), header.visualIndex(COL_NAME) + 1)
        self.setColumnHidden(COL_MATCHED, True)

    def order_for(self, flt: MemberFilter) -> tuple[str, bool]:
        """The order to show ``flt`` in (a sort key and descending); shows it in the header."""
        searching = bool(flt.text.strip())
        if searching and not self.member_model.member_filter.text.strip():
            self._ranked = True
        elif not searching:
            self._ranked = False
        self._show_sort_indicator()
        self.setColumnHidden(COL_MATCHED, not searching)
        if self._ranked:
            return RELEVANCE, False
        sort = COLUMNS[self._sort_section][1] or "name"
        return sort, self._sort_order == Qt.SortOrder.DescendingOrder

    def _show_sort_indicator(self) -> None:
        """No column's indicator while the best matches come first, else the chosen one."""
        header = self.horizontalHeader()
        header.blockSignals(True)  # the order is set with the search: no search of its own
        if self._ranked:
            header.setSortIndicator(-1, self._sort_order)
        else:
            header.setSortIndicator(self._sort_section, self._sort_order)
        header.blockSignals(False)
        header.viewport().update()

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        """A header click sorts by that column (the view re-runs the search). Groups, tags and
        "Found by" cannot be sorted in SQL: the indicator goes back where it was."""
        if not 0 <= section < len(COLUMNS) or COLUMNS[section][1] is None:
            self._show_sort_indicator()
            return
        self._ranked = False
        self._sort_section, self._sort_order = section, order

    def selected_rows(self) -> set[int]:
        """Selected row numbers, read from the selection's ranges (never row by row)."""
        rows: set[int] = set()
        count = self.member_model.rowCount()
        for span in self.selectionModel().selection():
            rows.update(range(span.top(), min(span.bottom() + 1, count)))
        return rows

    def selected_ids(self) -> list[int]:
        """Ids of the selected members, in table order; no member row is loaded."""
        return [self.member_model.member_id(row) for row in sorted(self.selected_rows())]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.member_model.member_id(index.row()) if index.isValid() else None

    def select_ids(self, ids: list[int], current: int | None, scroll_to: bool = True) -> None:
        """Select the rows showing ``ids`` as a few contiguous ranges (cheap for thousands)."""
        if not ids:
            return
        model = self.member_model
        wanted = set(ids)
        rows = [row for row, member_id in enumerate(model.ids()) if member_id in wanted]
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        for first, last in _runs(rows):
            selection.select(model.index(first, 0), model.index(last, last_column))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
        row = model.row_of(current) if current is not None else -1
        if row >= 0:
            index = model.index(row, COL_NAME)
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll_to:
                self.scrollTo(index)
