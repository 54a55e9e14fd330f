"""The Today panel: what needs the operator today, across every group (PRODUCT.md §3 panel 1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, suggestions
from app.core.errors import HuoqunError
from app.core.today import TodayData, gather
from app.ui.changes import Change, announce, follow
from app.ui.generated_text import task_title
from app.ui.jobs import run_job
from app.ui.widgets.controls import HINT_STYLE, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.health_tab import STATUS_COLOURS, finding_text, status_text
from app.ui.widgets.outcome_dialog import OutcomeDialog
from app.ui.widgets.pyramid_chart import Band, PyramidChart
from app.ui.widgets.read_only_table import WARNING_COLOUR, ReadOnlyTable

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _when(moment: Any) -> str:
    return "" if moment is None else clock.to_local(moment).strftime("%m-%d %H:%M")


class TodayPanel(QWidget):
    """Today's tasks, the groups that need attention, meetups, the pyramid and helpers."""

    groupOpened = Signal(int)  # noqa: N815
    memberOpened = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.EVERYTHING, self.load)  # gathered off the UI thread
        self.setObjectName("todayPanel")
        self._overdue_ids: set[int] = set()

        self.counts_label = QLabel()
        self.counts_label.setObjectName("todayCounts")
        self.refresh_button = QPushButton(self.tr("Refresh suggestions"))
        self.refresh_button.setObjectName("refreshSuggestionsButton")
        self.refresh_button.setToolTip(
            self.tr("Turn today's health findings into suggested tasks in the queue")
        )
        self.refresh_button.clicked.connect(self.refresh_suggestions)
        self.notice = notice_label("todayNotice")
        self.error = ErrorLabel("todayError")

        self.tasks = ReadOnlyTable(
            [self.tr("Due"), self.tr("Task"), self.tr("Group")],
            "todayTasks", self._task_cell, lambda row: row.id,
        )  # fmt: skip
        self.tasks.set_widths(["03-14 09:30", "Start a topic discussion here"])
        self.tasks.activated.connect(lambda _i: self.complete_selected())
        self.tasks.rowChanged.connect(self._update_buttons)
        self.complete_button = QPushButton(self.tr("Complete…"))
        self.complete_button.setObjectName("todayCompleteButton")
        self.complete_button.clicked.connect(self.complete_selected)
        self.open_task_group = QPushButton(self.tr("Open group"))
        self.open_task_group.setObjectName("todayOpenGroupButton")
        self.open_task_group.clicked.connect(self._open_task_group)
        self.no_tasks = self._hint(self.tr("Nothing overdue or due today."))

        self.groups = ReadOnlyTable(
            [self.tr("Group"), self.tr("Status"), self.tr("Why")],
            "todayGroups", self._group_cell, lambda row: row.group_id,
        )  # fmt: skip
        self.groups.set_widths(["摄影爱好者交流群", "Needs attention"])
        self.groups.activated.connect(self._open_group_at)
        self.no_groups = self._hint(self.tr("Every group is healthy."))

        self.meetups = ReadOnlyTable(
            [self.tr("When"), self.tr("Meetup"), self.tr("Going")],
            "todayMeetups", self._meetup_cell, lambda row: row.id,
        )  # fmt: skip
        self.meetups.set_widths(["03-14 09:30", "本地剧本杀周末聚会", "123"])
        self.meetups.stretch(1)  # the title takes what is left; the count stays in view
        self.no_meetups = self._hint(self.tr("No meetups planned."))

        self.helpers = ReadOnlyTable(
            [self.tr("Helper"), self.tr("Tier"), self.tr("Overdue")],
            "todayHelpers", self._helper_cell, lambda row: row.member_id,
        )  # fmt: skip
        self.helpers.set_widths(["张三丰丰丰丰", "Core helper"])
        self.helpers.activated.connect(self._open_helper_at)
        self.no_helpers = self._hint(self.tr("Every helper has been checked in with."))

        self.chart = PyramidChart()
        self.chart.setMinimumSize(200, 150)

        header = QHBoxLayout()
        header.addWidget(self.counts_label, 1)
        header.addWidget(self.refresh_button)
        task_buttons = QHBoxLayout()
        task_buttons.addWidget(self.complete_button)
        task_buttons.addWidget(self.open_task_group)
        task_buttons.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        grid.addWidget(
            self._box(self.tr("Overdue and today"), self.tasks, self.no_tasks, task_buttons),
            0, 0,
        )  # fmt: skip
        grid.addWidget(
            self._box(self.tr("Groups that need you"), self.groups, self.no_groups), 1, 0
        )
        grid.addWidget(self._box(self.tr("Next meetups"), self.meetups, self.no_meetups), 0, 1)
        grid.addWidget(self._box(self.tr("Pyramid"), self.chart), 0, 2)
        grid.addWidget(
            self._box(self.tr("Helpers overdue for a check-in"), self.helpers, self.no_helpers),
            1, 1, 1, 2,
        )  # fmt: skip
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(grid, 1)
        self.loaded = False  # True once refresh() or load() has filled the panel
        self._loads = 0  # the number of the newest load() asked for
        self.counts_label.setText(self.tr("Loading…"))
        for hint in (self.no_tasks, self.no_groups, self.no_meetups, self.no_helpers):
            hint.hide()

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(HINT_STYLE)
        label.setWordWrap(True)
        return label

    def _box(
        self, title: str, body: QWidget, empty: QLabel | None = None, extra: Any = None
    ) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(body, 1)
        if empty is not None:
            layout.addWidget(empty)
        if extra is not None:
            layout.addLayout(extra)
        return box

    # --- the main window's interface -----------------------------------------------------

    def refresh(self) -> None:
        """Reload everything now (after the person changed something)."""
        self.show_data(gather())

    def load(self, then: Callable[[], None] | None = None) -> None:
        """Gather the data in a worker thread and show it; then ``then()``.

        Loads may overlap (a click while the start's load runs): only the newest is shown.
        """
        self._loads += 1
        number = self._loads

        def gathered(data: TodayData) -> None:
            if number == self._loads:
                self.show_data(data)
            if then is not None:
                then()

        self.load_job = run_job(
            self, self.tr("Loading…"), lambda _progress: gather(), gathered, quiet=True
        )

    def show_data(self, data: TodayData) -> None:
        """Fill the panel with what ``gather`` found."""
        self._overdue_ids = {row.id for row in data.overdue}
        self.tasks.set_rows([*data.overdue, *data.today])
        self.groups.set_rows(data.needy)
        self.meetups.set_rows(data.meetups)
        self.chart.set_bands([Band(r.name, r.colour, r.count, r.share) for r in data.pyramid])
        self.helpers.set_rows(data.helpers)
        for table, empty in (
            (self.tasks, self.no_tasks), (self.groups, self.no_groups),
            (self.meetups, self.no_meetups), (self.helpers, self.no_helpers),
        ):  # fmt: skip
            empty.setVisible(table.row_count() == 0)
        self.counts_label.setText(
            self.tr("{groups} · {members} · {violations}").format(
                groups=self.tr("%n group(s)", "", data.groups),
                members=self.tr("%Ln member(s)", "", data.members),
                violations=self.tr("%n open violation(s)", "", data.open_violations),
            )
        )
        self._update_buttons()
        self.loaded = True

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- actions -------------------------------------------------------------------------

    def complete_selected(self) -> None:
        """Complete the selected task with a note of how it went."""
        row = self.tasks.current_row()
        if row is None:
            return
        dialog = OutcomeDialog(row.id, task_title(row), self)
        if accepted(self.exec_dialog, dialog):
            self.error.clear_error()
            self.notice.setText(self.tr("Completed; the interaction is logged."))
            self.refresh()
            announce(Change.TASKS | Change.GROUPS, self)

    def refresh_suggestions(self) -> None:
        """Turn findings into suggested tasks (no duplicates) and say how many were added."""
        try:
            added = suggestions.refresh_suggestions()
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.notice.setText(self.tr("%n suggestion(s) added to the queue", "", len(added)))
        self.refresh()
        announce(Change.TASKS, self)

    def _open_task_group(self) -> None:
        row = self.tasks.current_row()
        if row is not None and row.group_id is not None:
            self.groupOpened.emit(row.group_id)

    def _open_group_at(self, index: Any) -> None:
        self.groupOpened.emit(int(self.groups.rows_model.id_at(index.row())))

    def _open_helper_at(self, index: Any) -> None:
        self.memberOpened.emit(int(self.helpers.rows_model.id_at(index.row())))

    def _update_buttons(self) -> None:
        row = self.tasks.current_row()
        self.complete_button.setEnabled(row is not None)
        self.open_task_group.setEnabled(row is not None and row.group_id is not None)

    # --- cells ---------------------------------------------------------------------------

    def _task_cell(self, row: Any, column: int, role: int) -> Any:
        if role == FOREGROUND and column == 0 and row.id in self._overdue_ids:
            return QBrush(WARNING_COLOUR)
        if role == TOOLTIP and column == 1:
            return task_title(row)
        if role != DISPLAY:
            return None
        if column == 0:
            return _when(row.effective_due or row.due_at)
        if column == 1:
            return task_title(row)
        return row.group_name or row.member_name

    def _group_cell(self, row: Any, column: int, role: int) -> Any:
        sentence = finding_text(row.findings[0]) if row.findings else ""
        if role == FOREGROUND and column == 1:
            return QBrush(STATUS_COLOURS.get(row.status, "#5d6d7e"))
        if role == TOOLTIP and column == 2:
            return sentence
        if role != DISPLAY:
            return None
        if column == 0:
            return row.name
        if column == 1:
            return status_text(row.status)
        return sentence

    def _meetup_cell(self, row: Any, column: int, role: int) -> Any:
        if role == TOOLTIP and column == 1:
            return row.title
        if role != DISPLAY:
            return None
        if column == 0:
            return _when(row.start_at)
        if column == 1:
            return row.title
        return str(row.going)

    def _helper_cell(self, row: Any, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        if column == 0:
            return row.name
        if column == 1:
            return row.tier
        return self.tr("%n day(s)", "", row.days_overdue)
