"""A group's or a member's open tasks and recent interactions, with buttons to add either."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core import queue
from app.ui.generated_text import outcome_text, task_notes, task_title
from app.ui.labels import TASK_KINDS, label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.outcome_dialog import InteractionDialog
from app.ui.widgets.read_only_table import ReadOnlyTable
from app.ui.widgets.task_dialog import TaskDialog
from app.ui.widgets.task_sections import local_time

HEADING_STYLE = "font-weight: bold;"


class ActivityBox(QWidget):
    """Set it to a group (``set_group``) or a member (``set_member``); ``changed`` on a write."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityBox")
        self.group_id: int | None = None
        self.member_id: int | None = None
        self.tasks_label = QLabel()
        self.tasks_label.setStyleSheet(HEADING_STYLE)
        self.tasks = ReadOnlyTable(
            [self.tr("Due"), self.tr("Task"), self.tr("Kind")],
            "activityTasks",
            self._task_cell,
            lambda row: row.id,
        )
        self.tasks.set_widths(["2026-03-14 20:00 ↻"])
        self.tasks.stretch(1)
        self.interactions_label = QLabel()
        self.interactions_label.setStyleSheet(HEADING_STYLE)
        self.interactions = ReadOnlyTable(
            [self.tr("When"), self.tr("Kind"), self.tr("Note")],
            "activityInteractions",
            self._interaction_cell,
            lambda row: row.id,
        )
        self.interactions.set_widths(["2026-03-14 20:00", "Welcome newcomers"])
        self.log_button = QPushButton(self.tr("Log interaction…"))
        self.log_button.setObjectName("logInteractionButton")
        self.log_button.setToolTip(self.tr("Note something that happened, e.g. a poll run today"))
        self.log_button.clicked.connect(self.log_interaction)
        self.new_button = QPushButton(self.tr("New task…"))
        self.new_button.setObjectName("activityNewTaskButton")
        self.new_button.clicked.connect(self.new_task)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tasks_label)
        layout.addWidget(self.tasks, 1)
        layout.addWidget(self.interactions_label)
        layout.addWidget(self.interactions, 2)
        layout.addLayout(buttons)

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- cells ---------------------------------------------------------------------------

    def _task_cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return local_time(row.effective_due) + (" ↻" if row.rrule else "")
            if column == 1:
                return task_title(row)
            return label(TASK_KINDS, row.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return task_notes(row) or task_title(row)
        return None

    def _interaction_cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return local_time(row.at)
            if column == 1:
                return label(TASK_KINDS, row.kind)
            return outcome_text(row.kind, row.note)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return outcome_text(row.kind, row.note) or None
        return None

    # --- loading -------------------------------------------------------------------------

    def set_group(self, group_id: int | None) -> None:
        self.group_id, self.member_id = group_id, None
        self.refresh()

    def set_member(self, member_id: int | None) -> None:
        self.group_id, self.member_id = None, member_id
        self.refresh()

    def refresh(self) -> None:
        if self.group_id is not None:
            tasks = queue.tasks_for_group(self.group_id)
            done = queue.recent_interactions(group_id=self.group_id)
        elif self.member_id is not None:
            tasks = queue.tasks_for_member(self.member_id)
            done = queue.recent_interactions(member_id=self.member_id)
        else:
            tasks, done = [], []
        self.tasks.set_rows(tasks)
        self.interactions.set_rows(done)
        self.tasks_label.setText(self.tr("Open tasks (%n)", "", len(tasks)))
        self.interactions_label.setText(self.tr("Recent interactions (%n)", "", len(done)))

    def title(self) -> str:
        """The tab's title, with the number of open tasks."""
        return self.tr("Activity (%n)", "", self.tasks.row_count())

    # --- writing -------------------------------------------------------------------------

    def log_interaction(self) -> None:
        self._run(InteractionDialog(self.group_id, self.member_id, self))

    def new_task(self) -> None:
        self._run(TaskDialog(None, self.group_id, self.member_id, self))

    def _run(self, dialog: QDialog) -> None:
        if accepted(self.exec_dialog, dialog):
            self.refresh()
            self.changed.emit()
