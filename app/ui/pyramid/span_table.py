"""Members per helper in each group, against the span target the operator sets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.core import settings
from app.core.pyramid import GroupSpan
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.read_only_table import RIGHT, WARNING_COLOUR, ReadOnlyTable

COL_GROUP, COL_MEMBERS, COL_HELPERS, COL_PER_HELPER = range(4)
TARGET_KEY = "helper_span_target"


class SpanBox(QGroupBox):
    """A table of groups with members, helpers and members per helper; problems flagged."""

    targetChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Members per helper"))
        self.setObjectName("spanBox")
        self.target_spin = QSpinBox()
        self.target_spin.setObjectName("spanTarget")
        self.target_spin.setRange(1, 10_000)
        self.target_spin.setSuffix(self.tr(" per helper"))
        self.target_spin.setToolTip(
            self.tr("One helper can look after about this many members; groups above are flagged")
        )
        self.target_spin.editingFinished.connect(self._store_target)
        self.summary = QLabel()
        self.summary.setObjectName("spanSummary")
        self.summary.setWordWrap(True)
        self.table = ReadOnlyTable(
            [self.tr("Group"), self.tr("Members"), self.tr("Helpers"), self.tr("Per helper")],
            "spanTable",
            self._cell,
            lambda span: span.group_id,
        )
        self.table.set_widths(["", "1,000", "100", "no helper"])
        self.table.stretch(COL_GROUP)
        self._target = 0
        self._bold = QFont(self.table.font())
        self._bold.setBold(True)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Target:")))
        target_row.addWidget(self.target_spin)
        target_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(target_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def load(self, spans: Sequence[GroupSpan], target: int) -> None:
        """Show ``spans`` as given (worst first) against ``target``."""
        self.target_spin.blockSignals(True)
        self.target_spin.setValue(int(target))
        self.target_spin.blockSignals(False)
        self._target = int(target)
        self.table.set_rows(spans)
        over = sum(1 for span in spans if span.over_target)
        alone = sum(1 for span in spans if span.no_helper)
        if not spans:
            self.summary.setText(self.tr("No groups yet."))
        elif over or alone:
            self.summary.setText(
                self.tr("%n group(s) over the target", "", over)
                + " · "
                + self.tr("%n without a helper", "", alone)
            )
        else:
            self.summary.setText(self.tr("Every group is within the target."))
        self.summary.setStyleSheet("" if over or alone else HINT_STYLE)

    def _cell(self, span: GroupSpan, column: int, role: int) -> Any:
        """What a cell shows; a stretched group's figure is flagged in the warning colour."""
        flagged = span.no_helper or span.over_target
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_GROUP:
                return span.name
            if column in (COL_MEMBERS, COL_HELPERS):
                value = span.members if column == COL_MEMBERS else span.helpers
                return self.locale().toString(value)
            if span.no_helper:
                return self.tr("no helper")
            if span.per_helper is None:
                return "—"
            return self.locale().toString(round(span.per_helper))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_GROUP:
            return RIGHT
        if column == COL_GROUP and role == Qt.ItemDataRole.ToolTipRole:
            return span.name
        if column == COL_PER_HELPER and flagged:
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                if span.no_helper:
                    return self.tr("No helper in a group of %n member(s)", "", span.members)
                return self.tr("Over the target of %n member(s) per helper", "", self._target)
        return None

    def _store_target(self) -> None:
        value = self.target_spin.value()
        if value != settings.get(TARGET_KEY):
            settings.put(TARGET_KEY, value)
            self.targetChanged.emit()
