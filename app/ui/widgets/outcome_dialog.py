"""Complete a task with a note of how it went, or log an interaction that just happened."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPlainTextEdit, QWidget

from app.core import clock, suggestions, tasks
from app.core.queue import get_task
from app.ui.labels import TASK_KINDS, label
from app.ui.widgets.form_dialog import FormDialog


def _note_edit(parent: QWidget, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class OutcomeDialog(FormDialog):
    """Mark a task done; the outcome note goes on the interaction it writes."""

    def __init__(self, task_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__("outcomeError", "completeTaskButton", parent)
        self.setObjectName("outcomeDialog")
        self.task_id = task_id
        self.setWindowTitle(self.tr("Complete task"))
        self.set_summary(self.tr("Done: {title}").format(title=title))
        self.outcome_edit = _note_edit(self, "outcomeNote")
        self.outcome_edit.setPlaceholderText(
            self.tr("How did it go? e.g. 23 replies, two newcomers introduced themselves")
        )
        self.form.addRow(self.tr("&Outcome:"), self.outcome_edit)
        self.ok_button.setText(self.tr("Complete"))
        task = get_task(task_id)
        self.group_id: int | None = task.group_id
        self.open_violations = False  # closed by "Open the violations": the caller shows them
        self.removal = tasks.is_removal(task)
        self.violations_left = suggestions.violations_left(task)
        if self.removal:
            self._ask_removed(task_id)
        elif self.violations_left:
            self._ask_cleared(task.group.name)
        self.outcome_edit.setFocus()

    def _ask_cleared(self, group: str) -> None:
        """ "Clear the open violations in G" with some still open: completing handles none of
        them, so say so, and offer the violation log where each is handled."""
        self.setWindowTitle(self.tr("Violations still open"))
        self.set_summary(
            self.tr(
                "%n violation(s) in {group} still open. Completing this task handles none of "
                "them: handle each in the violation log, and the finding goes with them.",
                "",
                self.violations_left,
            ).format(group=group)
        )
        self.ok_button.setText(self.tr("Complete anyway"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Not cleared yet"))
        cancel.setObjectName("notClearedYetButton")
        self.violations_button = self.buttons.addButton(
            self.tr("Open the violations"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.violations_button.setObjectName("openViolationsButton")
        self.violations_button.clicked.connect(self._open_violations)
        self.outcome_edit.setPlaceholderText(self.tr("Anything to note (optional)"))

    def _open_violations(self) -> None:
        self.open_violations = True
        self.reject()

    def _ask_removed(self, task_id: int) -> None:
        """A ban's "Remove X from G": done means X is out of G, so ask before marking it."""
        task = get_task(task_id)
        self.setWindowTitle(self.tr("Removed from the group?"))
        self.set_summary(
            self.tr(
                "Did you remove {member} from {group} in the chat app? Completing marks them "
                "removed from {group}; the Ban list follows."
            ).format(member=task.member.name, group=task.group.name)
        )
        self.ok_button.setText(self.tr("Yes, removed"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Not removed yet"))
        cancel.setObjectName("notRemovedYetButton")
        self.outcome_edit.setPlaceholderText(self.tr("Anything to note (optional)"))

    def apply(self) -> object:
        return tasks.complete_task(self.task_id, self.outcome_edit.toPlainText().strip())


class InteractionDialog(FormDialog):
    """Log something that happened in a group or with a member ("we ran a poll today")."""

    def __init__(
        self,
        group_id: int | None = None,
        member_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("interactionError", "logInteractionButton", parent)
        self.setObjectName("interactionDialog")
        self.group_id = group_id
        self.member_id = member_id
        self.setWindowTitle(self.tr("Log an interaction"))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("interactionKind")
        for code in tasks.LOG_KINDS:
            self.kind_combo.addItem(label(TASK_KINDS, code), code)
        self.note_edit = _note_edit(self, "interactionNote")
        self.note_edit.setPlaceholderText(self.tr("What happened"))
        self.form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.form.addRow(self.tr("&Note:"), self.note_edit)
        self.ok_button.setText(self.tr("Log"))

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def apply(self) -> object:
        at: datetime = clock.now()
        return tasks.log_interaction(
            str(self.kind_combo.currentData()),
            group_id=self.group_id,
            member_id=self.member_id,
            note=self.note_edit.toPlainText().strip(),
            at=at,
        )
