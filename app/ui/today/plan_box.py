"""Today's plan on the Today panel: a short list to finish in a sitting, each with its reason.

It only shows what ``core.today_plan`` decided: own overdue and due tasks first, then the day's
suggestions by impact; done items ticked until the day ends. "More…" opens the Queue, "More
suggestions…" the ranked list of the rest.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core import clock
from app.core.today_plan import PlanItem, TodayPlan
from app.ui.generated_text import task_title
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.health_tab import finding_text
from app.ui.widgets.read_only_table import WARNING_COLOUR, ReadOnlyTable

DISPLAY = Qt.ItemDataRole.DisplayRole
COL_TICK, COL_DUE, COL_TASK, COL_WHERE, COL_WHY = range(5)
DONE_COLOUR = "#7f8c8d"


class PlanBox(QGroupBox):
    """The plan's table and its buttons: Complete, Open, Dismiss, More…, More suggestions…"""

    completeRequested = Signal(object)  # noqa: N815 - the PlanItem
    dismissRequested = Signal(object)  # noqa: N815 - the PlanItem (a suggestion)
    openRequested = Signal(object)  # noqa: N815 - the PlanItem: its group or member
    queueRequested = Signal()  # noqa: N815 - "More…": the Queue
    moreSuggestionsRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Today's plan"), parent)
        self.setObjectName("todayPlan")
        self.summary = QLabel()
        self.summary.setObjectName("todayPlanSummary")
        self.summary.setStyleSheet(HINT_STYLE)
        self.table = ReadOnlyTable(
            ["", self.tr("Due"), self.tr("Task"), self.tr("Group or member"), self.tr("Why")],
            "todayPlanTable", self._cell, lambda item: item.task_id,
        )  # fmt: skip
        self.table.set_widths(
            ["✓", "03-14 09:30", "Start a topic discussion in 摄影", "摄影爱好者交流群"]
        )
        self.table.activated.connect(lambda _i: self._complete())
        self.table.rowChanged.connect(self.update_buttons)
        self.empty = QLabel(self.tr("Nothing planned: no task is due and nothing needs doing."))
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.complete_button = self._button("todayCompleteButton", self.tr("Complete…"))
        self.complete_button.clicked.connect(self._complete)
        self.open_button = self._button("todayOpenButton", self.tr("Open"))
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = self._button("todayDismissButton", self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not now: not suggested again for 14 days"))
        self.dismiss_button.clicked.connect(self._dismiss)
        self.more_button = self._button("todayMoreButton", self.tr("More…"))
        self.more_button.setToolTip(self.tr("Every open task, in the Queue"))
        self.more_button.clicked.connect(self.queueRequested.emit)
        self.suggestions_button = self._button(
            "moreSuggestionsButton", self.tr("More suggestions…")
        )
        self.suggestions_button.clicked.connect(self.moreSuggestionsRequested.emit)
        buttons = QHBoxLayout()
        for button in (self.complete_button, self.open_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.suggestions_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self._done_font = QFont(self.font())
        self._done_font.setStrikeOut(True)
        self.update_buttons()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def _fit_rows(self, rows: int) -> None:
        """Tall enough to show every item of the plan without scrolling: the plan leads the
        page, what sits below it gives way (its own tables scroll)."""
        table = self.table
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += table.verticalHeader().defaultSectionSize() * max(rows, 1)
        table.setMinimumHeight(height)

    def show_plan(self, plan: TodayPlan) -> None:
        """Show the plan, its progress and how much more there is."""
        self.table.set_rows(plan.items)
        self._fit_rows(len(plan.items))
        done = sum(1 for item in plan.items if item.done)
        self.summary.setText(
            self.tr("{done} of {count} done · {open} · {overdue}").format(
                done=done,
                count=self.tr("%n item(s)", "", len(plan.items)),
                open=self.tr("%Ln open task(s) in the Queue", "", plan.open_tasks),
                overdue=self.tr("%Ln overdue", "", plan.overdue),
            )
        )
        self.suggestions_button.setText(
            self.tr("More suggestions (%Ln)…", "", len(plan.available))
            if plan.available
            else self.tr("More suggestions…")
        )
        self.suggestions_button.setEnabled(bool(plan.available))
        self.empty.setVisible(not plan.items)
        self.update_buttons()

    def current(self) -> PlanItem | None:
        item: PlanItem | None = self.table.current_row()
        return item

    def update_buttons(self) -> None:
        item = self.current()
        is_open = item is not None and not item.done
        self.complete_button.setEnabled(is_open)
        self.dismiss_button.setEnabled(is_open and item is not None and item.suggestion)
        self.open_button.setEnabled(
            item is not None and (item.group_id is not None or item.member_id is not None)
        )
        self.open_button.setText(
            self.tr("Open member")
            if item is not None and item.group_id is None and item.member_id is not None
            else self.tr("Open violations")
            if item is not None and item.action == "clear_violations"
            else self.tr("Open group")
        )

    def _complete(self) -> None:
        item = self.current()
        if item is not None and not item.done:
            self.completeRequested.emit(item)

    def _dismiss(self) -> None:
        item = self.current()
        if item is not None and item.suggestion and not item.done:
            self.dismissRequested.emit(item)

    def _open(self) -> None:
        item = self.current()
        if item is not None:
            self.openRequested.emit(item)

    def _cell(self, item: PlanItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and item.done and column in (COL_TASK, COL_WHY):
            return self._done_font
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done:
                return QBrush(DONE_COLOUR)
            if column == COL_DUE and item.overdue:
                return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TASK, COL_WHY):
            return f"{task_title(item)}\n{finding_text(item.reason)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_WHERE:
            return item.group_name or item.member_name or None
        if role != DISPLAY:
            return None
        if column == COL_TICK:
            return "✓" if item.status == "done" else "–" if item.done else ""
        if column == COL_DUE:
            return "" if item.due is None else clock.to_local(item.due).strftime("%m-%d %H:%M")
        if column == COL_TASK:
            return task_title(item)
        if column == COL_WHERE:
            return item.group_name or item.member_name
        return finding_text(item.reason)
