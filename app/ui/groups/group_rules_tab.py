"""The Rules tab of a group's page: its rules, its announcement text, and logging a violation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core import bans, violations
from app.ui.widgets.controls import HINT_STYLE, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.group_rules_view import GroupRulesView
from app.ui.widgets.violation_dialog import ViolationDialog

OPEN_STYLE = "color: #b03a2e;"


class GroupRulesTab(QWidget):
    """A ``GroupRulesView`` for one group, with "Log violation…" and its open cases."""

    changed = Signal()  # rules adopted, dropped or moved, or a violation logged

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupRulesTab")
        self.group_id: int | None = None
        self.view = GroupRulesView(lambda dialog: self.exec_dialog(dialog))
        self.view.changed.connect(self._rules_changed)
        self.banned_label = QLabel()
        self.banned_label.setObjectName("groupBannedStillIn")
        self.banned_label.setStyleSheet(OPEN_STYLE + " font-weight: bold;")
        self.banned_label.setWordWrap(True)
        self.banned_label.hide()
        self.open_label = QLabel()
        self.open_label.setObjectName("groupOpenViolations")
        self.notice = notice_label("groupViolationNotice")
        self.log_button = QPushButton(self.tr("Log violation…"))
        self.log_button.setObjectName("groupLogViolationButton")
        self.log_button.setToolTip(self.tr("Record a rule broken in this group"))
        self.log_button.clicked.connect(lambda _c=False: self.log_violation())
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_label)
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banned_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.view.table)

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def title(self) -> str:
        """The tab's title, with how many rules the group follows."""
        return self.tr("Rules (%n)", "", self.view.rule_count())

    def set_group(self, group_id: int, name: str) -> None:
        """Show ``group_id``'s rules (messages from another group are cleared)."""
        if group_id != self.group_id:
            self.notice.clear()
        self.group_id = group_id
        self.view.set_group(group_id, name)
        self._count_open()
        banned = [name for _id, name in bans.banned_still_in(group_id)]
        self.banned_label.setText(
            self.tr("Banned but still in this group: {names}. Remove them in the chat app.").format(
                names="、".join(banned)
            )
        )
        self.banned_label.setVisible(bool(banned))

    def _count_open(self) -> None:
        count = violations.open_count(self.group_id) if self.group_id is not None else 0
        self.open_label.setText(self.tr("%n open violation(s)", "", count))
        self.open_label.setStyleSheet(OPEN_STYLE if count else HINT_STYLE)

    def _rules_changed(self) -> None:
        self.notice.clear()
        self.changed.emit()

    def log_violation(self) -> None:
        """Log a violation in this group; the dialog opens with the group chosen."""
        if self.group_id is None:
            return
        dialog = ViolationDialog(None, self.group_id, None, self)
        if accepted(self.exec_dialog, dialog):
            self.notice.setText(dialog.outcome)
            self._count_open()
            self.changed.emit()
