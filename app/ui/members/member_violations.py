"""A member's violations, their strike count now, and logging, banning or unbanning them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core import bans, memberships, violations
from app.core import members as core_members
from app.core.violations import ViolationRow
from app.ui.labels import ACTIONS, label
from app.ui.widgets.ban_dialogs import BanDialog, UnbanDialog
from app.ui.widgets.controls import HINT_STYLE, named_button, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.read_only_table import ReadOnlyTable
from app.ui.widgets.violation_dialog import ViolationDialog
from app.ui.widgets.violation_log import fit_words, violation_cell

BANNED_STYLE = "color: #b03a2e; font-weight: bold;"
COL_CASE, COL_WHEN, COL_GROUP, COL_RULE, COL_POINTS, COL_ACTION, COL_STATUS = range(7)
KEYS = ("case", "when", "group", "rule", "points", "action", "status")  # the log's, less member

RunDialog = Callable[[QDialog], bool]


class MemberViolationsView(QWidget):
    """The Violations tab of a member's page; writes at once, like the Groups tab."""

    changed = Signal()  # a violation was logged or edited, or the member was banned or unbanned

    def __init__(self, member_id: int, run_dialog: RunDialog, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberViolations")
        self.member_id = member_id
        self._run_dialog = run_dialog
        self._strikes = 0
        self._banned = False
        self.strike_label = QLabel()
        self.strike_label.setObjectName("memberStrikes")
        self.banned_label = QLabel()
        self.banned_label.setObjectName("memberBanned")
        self.banned_label.setStyleSheet(BANNED_STYLE)
        self.banned_label.setWordWrap(True)
        self.table = ReadOnlyTable(
            [
                self.tr("Case"),
                self.tr("When"),
                self.tr("Group"),
                self.tr("Rule"),
                self.tr("Points"),
                self.tr("Action"),
                self.tr("Status"),
            ],
            "memberViolationTable",
            self._cell,
            lambda row: row.id,
        )
        self.table.set_widths(["#12345", "2026-03-14 21:30", "中大2016级校友会", "", "9"])
        fit_words(self.table, COL_ACTION, [label(ACTIONS, a) for a in ACTIONS])
        fit_words(self.table, COL_STATUS, [self.tr("Open"), self.tr("Handled")])
        self.table.stretch(COL_GROUP)  # group and rule share the room left
        self.table.stretch(COL_RULE)
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.edit_violation())
        self._bold = QFont(self.table.font())
        self._bold.setBold(True)
        self.empty_note = QLabel(self.tr("No violation logged. A clean record."))
        self.empty_note.setStyleSheet(HINT_STYLE)
        self.log_button = named_button(
            "memberLogViolationButton", self.tr("Log violation…"), self.log
        )
        self.edit_button = named_button(
            "memberEditViolationButton", self.tr("Edit…"), self.edit_violation
        )
        self.ban_button = named_button("memberBanButton", "", self.ban_or_unban)
        self.notice = notice_label("memberViolationNotice")
        note = QLabel(self.tr("Violations and bans are saved at once."))
        note.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        for button in (self.log_button, self.edit_button, self.ban_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strike_label)
        layout.addWidget(self.banned_label)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.refresh()

    # --- loading ---------------------------------------------------------------------------

    def title(self) -> str:
        """The tab's title, with the strike count now."""
        return self.tr("Violations (%n strike(s))", "", self._strikes)

    def strikes(self) -> int:
        return self._strikes

    def refresh(self) -> None:
        """Reload the member's violations, strikes and ban."""
        rows = violations.violations_of(self.member_id)
        self.table.set_rows(rows)
        self._strikes = violations.strikes(self.member_id)
        self.strike_label.setText(
            self.tr("%n strike(s) now", "", self._strikes)
            + " · "
            + self.tr("strikes expire after %n day(s)", "", violations.expiry_days())
        )
        self._banned = bans.is_banned(self.member_id)
        if self._banned:
            reason = core_members.get_member(self.member_id).status_reason
            text = self.tr("Banned in every group.")
            if reason:
                text += " " + self.tr("Why: {reason}").format(reason=reason)
            still_in = [
                m.group.name
                for m in memberships.memberships_of(self.member_id)
                if m.left_at is None
            ]
            if still_in:
                text += " " + self.tr("Still in {groups}: remove them there.").format(
                    groups="、".join(still_in)
                )
            self.banned_label.setText(text)
        self.banned_label.setVisible(self._banned)
        self.empty_note.setVisible(not rows)
        self.ban_button.setText(self.tr("Unban…") if self._banned else self.tr("Ban…"))
        self._update_buttons()

    def _cell(self, row: ViolationRow, column: int, role: int) -> Any:
        return violation_cell(row, KEYS[column], role, self._bold, self.locale())

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.table.current_id() is not None)

    # --- actions ---------------------------------------------------------------------------

    def _after_write(self, notice: str, violation_id: int | None = None) -> None:
        self.notice.setText(notice)
        self.refresh()
        if violation_id is not None:
            self.table.select_id(violation_id)
        self.changed.emit()

    def log(self) -> None:
        dialog = ViolationDialog(self.member_id, None, None, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(dialog.outcome, dialog.violation_id)

    def edit_violation(self) -> None:
        row: ViolationRow | None = self.table.current_row()
        if row is None:
            return
        dialog = ViolationDialog(violation=row, parent=self)
        if accepted(self._run_dialog, dialog):
            self._after_write(dialog.outcome, row.id)

    def ban_or_unban(self) -> None:
        """Ban the member (a task per group they are still in), or lift their ban."""
        name = core_members.get_member(self.member_id).name
        dialog: BanDialog | UnbanDialog
        if self._banned:
            dialog = UnbanDialog(self.member_id, name, self)
        else:
            dialog = BanDialog(self.member_id, name, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(dialog.outcome)
