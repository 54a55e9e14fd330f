"""More suggestions: the ranked rest that did not fit today's plan, to accept or dismiss.

They are computed when asked for and never stored: Accept makes one a task of the Queue (due
at the working hour); Dismiss keeps it away for 14 days unless its finding gets worse.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core import suggested_tasks
from app.core.errors import HuoqunError
from app.core.suggestions import Suggestion
from app.ui.generated_text import text_shown
from app.ui.widgets.controls import HINT_STYLE, notice_label
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.health_tab import finding_text
from app.ui.widgets.read_only_table import ReadOnlyTable


class MoreSuggestionsDialog(QDialog):
    """The suggestions not in today's plan, most impact first, with Accept and Dismiss."""

    def __init__(self, found: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moreSuggestionsDialog")
        self.setWindowTitle(self.tr("More suggestions"))
        self.changed = False  # True once one was accepted or dismissed
        explain = QLabel(
            self.tr(
                "What did not fit today's plan, the most useful first. "
                "Accept one to add it to the Queue; dismiss it for 14 days."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(HINT_STYLE)
        self.table = ReadOnlyTable(
            [self.tr("Suggestion"), self.tr("Why")], "moreSuggestionsTable", self._cell,
            lambda s: s.key,
        )  # fmt: skip
        self.table.set_widths(["Start a topic discussion in 摄影爱好者交流群"])
        self.table.set_rows(found)
        if found:
            self.table.selectRow(0)
        self.table.rowChanged.connect(self._update_buttons)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptSuggestionButton")
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismissSuggestionButton")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeSuggestionsButton")
        close.clicked.connect(self.accept)
        self.notice = notice_label("moreSuggestionsNotice")
        self.error = ErrorLabel("moreSuggestionsError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(860, 480)
        self._update_buttons()

    def _selected(self) -> Suggestion | None:
        found: Suggestion | None = self.table.current_row()
        return found

    def accept_selected(self) -> None:
        """Make the selected suggestion a task of the Queue."""
        self._act(suggested_tasks.accept_suggestion, self.tr("Added to the Queue: {title}"))

    def dismiss_selected(self) -> None:
        """Turn the selected suggestion down for 14 days."""
        self._act(suggested_tasks.dismiss_candidate, self.tr("Dismissed: {title}"))

    def _act(self, action: Any, said: str) -> None:
        found = self._selected()
        if found is None:
            return
        try:
            action(found.key)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.changed = True
        row = self.table.row_of(found.key)
        rows = [s for s in self.table.rows_model.rows() if s.key != found.key]
        self.table.set_rows(rows)
        if rows:
            self.table.selectRow(min(row, len(rows) - 1))
        self.notice.setText(said.format(title=text_shown(found.title)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.accept_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _cell(self, found: Suggestion, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding_text(found.reason) if column else text_shown(found.title)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return finding_text(found.reason) if column else text_shown(found.title)
