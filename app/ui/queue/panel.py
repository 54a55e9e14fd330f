"""The Queue panel: what to do in which group, and when (PRODUCT.md §3 panel 7).

Groups without a soul figure live only through regular interaction: topics, shares, polls,
check-ins. The queue lists them by urgency; completing one logs the interaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, queue, suggestions, tasks
from app.core.errors import HuoqunError
from app.ui.changes import Change, announce, follow
from app.ui.generated_text import task_title
from app.ui.labels import TASK_KINDS, label
from app.ui.widgets.controls import fill_group_choices, named_button, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.member_picker import MemberPicker
from app.ui.widgets.outcome_dialog import OutcomeDialog
from app.ui.widgets.task_dialog import TaskDialog, from_qdatetime, to_qdatetime
from app.ui.widgets.task_sections import TaskSections, snooze_entries


class QueuePanel(QWidget):
    """The sectioned queue with filters above and the selected task's actions below."""

    groupOpened = Signal(int)  # noqa: N815
    memberOpened = Signal(int)  # noqa: N815
    violationsRequested = Signal(int)  # noqa: N815 - the open violations of a group

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.TASKS | Change.GROUPS | Change.MEMBERS)
        self.setObjectName("queuePanel")
        self.group_filter = QComboBox()
        self.group_filter.setObjectName("queueGroupFilter")
        self.group_filter.setMaxVisibleItems(20)
        self.group_filter.setMinimumContentsLength(14)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("queueKindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code in tasks.KINDS:
            self.kind_filter.addItem(label(TASK_KINDS, code), code)
        self.member_filter = MemberPicker()
        self.member_filter.setObjectName("queueMemberFilter")
        self.member_filter.setPlaceholderText(self.tr("Any member"))
        self.member_filter.setMinimumWidth(180)
        self.group_filter.currentIndexChanged.connect(lambda _i: self.refresh_queue())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh_queue())
        self.member_filter.memberChanged.connect(lambda _m: self.refresh_queue())
        self.new_button = QPushButton(self.tr("New task…"))
        self.new_button.setObjectName("newTaskButton")
        self.new_button.setToolTip(self.tr("Plan an interaction (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_item())

        self.sections = TaskSections()
        self.sections.taskActivated.connect(self.edit_task)
        self.sections.actionRequested.connect(self.run_action)
        self.sections.currentItemChanged.connect(lambda *_a: self._update_buttons())

        self.complete_button = named_button(
            "completeButton", self.tr("Complete…"), lambda: self._on_selected("complete")
        )
        self.skip_button = named_button(
            "skipButton", self.tr("Skip"), lambda: self._on_selected("skip")
        )
        self.snooze_button = QPushButton(self.tr("Snooze"))  # a push button with a menu
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_menu = QMenu(self.snooze_button)
        for action, text in snooze_entries():
            entry = self.snooze_menu.addAction(text)
            entry.setData(action)
            entry.triggered.connect(lambda _c=False, a=action: self._on_selected(a))
        self.snooze_button.setMenu(self.snooze_menu)
        self.edit_button = named_button(
            "editTaskButton", self.tr("Edit…"), lambda: self._on_selected("edit")
        )
        self.group_button = named_button(
            "openGroupButton", self.tr("Open group"), lambda: self._on_selected("open_group")
        )
        self.member_button = named_button(
            "openMemberButton", self.tr("Open member"), lambda: self._on_selected("open_member")
        )
        self.notice = notice_label("queueNotice")
        self.error = ErrorLabel("queueError")

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Group:")))
        filters.addWidget(self.group_filter)
        filters.addWidget(QLabel(self.tr("Kind:")))
        filters.addWidget(self.kind_filter)
        filters.addWidget(QLabel(self.tr("Member:")))
        filters.addWidget(self.member_filter)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        actions = QHBoxLayout()
        for widget in (
            self.complete_button, self.skip_button, self.snooze_button, self.edit_button,
            self.group_button, self.member_button,
        ):  # fmt: skip
            actions.addWidget(widget)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(filters)
        layout.addWidget(self.sections, 1)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        self._fill_groups()
        self._update_buttons()

    # --- the main window's interface -----------------------------------------------------

    def refresh(self) -> None:
        self._fill_groups()
        self.refresh_queue()

    def new_item(self) -> None:
        """Ctrl+N: a new task, preset to the filtered group and member."""
        dialog = TaskDialog(None, self.group_filter.currentData(), self.member_filter.member_id())
        self._run(dialog)

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_time(self, start: datetime) -> datetime | None:
        """Ask for a local time to snooze until; None when cancelled. Tests replace this."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Snooze until"))
        edit = QDateTimeEdit(to_qdatetime(start))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        try:
            if not self.exec_dialog(dialog):
                return None
            return from_qdatetime(edit.dateTime())
        finally:
            dialog.deleteLater()

    # --- the queue -----------------------------------------------------------------------

    def _fill_groups(self) -> None:
        fill_group_choices(self.group_filter, self.tr("All groups"))

    def task_filter(self) -> queue.TaskFilter:
        return queue.TaskFilter(
            group_id=self.group_filter.currentData(),
            kind=self.kind_filter.currentData(),
            member_id=self.member_filter.member_id(),
        )

    def refresh_queue(self) -> None:
        self.sections.set_queue(queue.queue(self.task_filter()))
        self._update_buttons()

    def select_task(self, task_id: int) -> bool:
        """Select the task, clearing filters that hide it; False when it is not listed."""
        if self.sections.select_id(task_id):
            return True
        for combo in (self.group_filter, self.kind_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.member_filter.set_member(None)
        self.refresh_queue()
        return self.sections.select_id(task_id)

    def open_task(self, task_id: int) -> None:
        """Show the task selected and open it for editing (a reminder was clicked)."""
        self.select_task(task_id)
        self.edit_task(task_id)

    def _update_buttons(self) -> None:
        task_id = self.sections.current_id()
        row = self.sections.row(task_id) if task_id is not None else None
        is_open = row is not None and row.status == "open"
        for button in (self.complete_button, self.skip_button, self.snooze_button):
            button.setEnabled(is_open)
        self.edit_button.setEnabled(row is not None)
        self.group_button.setEnabled(row is not None and row.group_id is not None)
        self.group_button.setText(
            self.tr("Open violations")
            if row is not None and suggestions.clears_violations(row.origin)
            else self.tr("Open group")
        )
        self.member_button.setEnabled(row is not None and row.member_id is not None)

    # --- actions -------------------------------------------------------------------------

    def _on_selected(self, action: str) -> None:
        task_id = self.sections.current_id()
        if task_id is not None:
            self.run_action(action, task_id)

    def run_action(self, action: str, task_id: int) -> None:
        """Do ``action`` (complete, skip, snooze_…, edit, open_group, open_member) on a task."""
        row = self.sections.row(task_id)
        if action == "edit":
            self.edit_task(task_id)
        elif action == "complete":
            dialog = OutcomeDialog(task_id, task_title(row) if row else "", self)
            self._run(dialog)
            if dialog.open_violations and dialog.group_id is not None:
                self.violationsRequested.emit(dialog.group_id)
        elif action == "open_group" and row is not None and row.group_id is not None:
            if suggestions.clears_violations(row.origin):
                self.violationsRequested.emit(row.group_id)  # where they are handled
            else:
                self.groupOpened.emit(row.group_id)
        elif action == "open_member" and row is not None and row.member_id is not None:
            self.memberOpened.emit(row.member_id)
        elif action == "skip":
            self._write(lambda: tasks.skip_task(task_id), self.tr("Skipped."), task_id)
        elif action.startswith("snooze_"):
            self._snooze(task_id, action.removeprefix("snooze_"))

    def _snooze(self, task_id: int, choice: str) -> None:
        """Snooze from now, or from the due time of a task that is not due yet."""
        try:
            start = tasks.snooze_start(task_id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        if choice == "choose":
            first = clock.to_local(start).replace(tzinfo=None) + timedelta(hours=1)
            local = self.choose_time(first.replace(second=0, microsecond=0))
            if local is None:
                return
            until = clock.from_local(local)
        else:
            until = tasks.snooze_presets(start)[choice]
        shown = clock.to_local(until).strftime("%Y-%m-%d %H:%M")
        notice = self.tr("Snoozed until {time}.").format(time=shown)
        if start > clock.now():
            due = clock.to_local(start).strftime("%Y-%m-%d %H:%M")
            notice = self.tr("Not due until {due} yet: snoozed from then until {time}.").format(
                due=due, time=shown
            )
        self._write(lambda: tasks.snooze_task(task_id, until), notice, task_id)

    def _write(self, write: object, notice: str, task_id: int) -> None:
        try:
            write()  # type: ignore[operator]
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.notice.setText(notice)
        self.refresh_queue()
        self.sections.select_id(task_id)
        announce(Change.TASKS | Change.MEMBERS | Change.GROUPS, self)

    def edit_task(self, task_id: int) -> None:
        self._run(TaskDialog(task_id, parent=self))

    def _run(self, dialog: QDialog) -> None:
        if accepted(self.exec_dialog, dialog):
            self.error.clear_error()
            if isinstance(dialog, OutcomeDialog):
                self.notice.setText(self.tr("Completed; the interaction is logged."))
            else:
                self.notice.setText(str(getattr(dialog, "outcome", "") or ""))
            self.refresh_queue()
            saved = getattr(dialog, "saved_id", None) or getattr(dialog, "task_id", None)
            if saved is not None:
                self.sections.select_id(saved)
            announce(Change.TASKS | Change.MEMBERS | Change.GROUPS, self)
