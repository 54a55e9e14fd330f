"""Log a violation, or correct one: who, where, which rule, when, the evidence and the action.

While logging, a line says which strike on the ladder this would be and preselects the action
the ladder suggests; the operator can pick another.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QPlainTextEdit, QWidget

from app.core import bans, clock, memberships, rules, violations
from app.core.errors import HuoqunError
from app.core.groups import group_choices
from app.core.violations import ViolationRow
from app.ui.labels import ACTIONS, label
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.member_picker import MemberPicker

SUGGESTION_STYLE = "color: #1f5f99; font-weight: bold;"


def local_now() -> datetime:
    """The clock's now as a naive local time, for a date-time field."""
    return clock.to_local(clock.now()).replace(tzinfo=None)


class ViolationDialog(FormDialog):
    """Log a new violation (``violation`` None), optionally for a known member or group."""

    def __init__(
        self,
        member_id: int | None = None,
        group_id: int | None = None,
        violation: ViolationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("dialogError", "logViolationButton", parent, min_width=460, grow_form=True)
        self.setObjectName("violationDialog")
        self.resize(580, 460)
        self.violation_id = violation.id if violation is not None else None
        self.case_number: int | None = violation.case_number if violation is not None else None
        self.outcome = ""
        # a group given, or picked by hand, stays when the member changes
        self._group_chosen = group_id is not None or violation is not None
        self._rule_chosen = violation is not None
        self.task_ids: list[int] = []

        self.member_picker = MemberPicker()
        self.member_picker.setObjectName("violationMember")
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("violationGroup")
        self.group_combo.setMaxVisibleItems(20)
        self.rule_combo = QComboBox()
        self.rule_combo.setObjectName("violationRule")
        self.rule_combo.setMaxVisibleItems(20)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setObjectName("violationWhen")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.evidence_edit = QPlainTextEdit()
        self.evidence_edit.setObjectName("violationEvidence")
        self.evidence_edit.setTabChangesFocus(True)
        self.evidence_edit.setPlaceholderText(
            self.tr("What happened: the message, a screenshot's file name, who reported it")
        )
        self.evidence_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("violationAction")
        for code in violations.ACTIONS:
            self.action_combo.addItem(label(ACTIONS, code), code)
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("violationSuggestion")
        self.suggestion_label.setWordWrap(True)

        self.form.addRow(self.tr("&Member:"), self.member_picker)
        self.form.addRow(self.tr("&Group:"), self.group_combo)
        self.form.addRow(self.tr("&Rule:"), self.rule_combo)
        self.form.addRow(self.tr("&When:"), self.when_edit)
        self.form.addRow(self.tr("&Evidence:"), self.evidence_edit)
        self.form.addRow("", self.suggestion_label)
        self.form.addRow(self.tr("&Action taken:"), self.action_combo)

        if violation is None:
            self.setWindowTitle(self.tr("Log a violation"))
            self.ok_button.setText(self.tr("Log"))
            self.member_picker.set_member(member_id)
            self._fill_groups(group_id)
            self._fill_rules(None)
            self._set_when(local_now())
        else:
            self.setWindowTitle(self.tr("Case #{number}").format(number=violation.case_number))
            self.ok_button.setText(self.tr("Save"))
            self.member_picker.set_member(violation.member_id, violation.member_name)
            self._fill_groups(violation.group_id)
            self._fill_rules(violation.rule_id)
            self._set_when(clock.to_local(violation.at).replace(tzinfo=None))
            self.evidence_edit.setPlainText(violation.evidence)
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(violation.action)))
            self.suggestion_label.hide()
        self.member_picker.memberChanged.connect(self._member_changed)
        self.group_combo.activated.connect(self._group_picked)
        self.group_combo.currentIndexChanged.connect(lambda _i: self._refill_rules())
        self.rule_combo.activated.connect(self._rule_picked)
        self.rule_combo.currentIndexChanged.connect(lambda _i: self._suggest())
        self._suggest()
        if member_id is None and violation is None:
            self.member_picker.setFocus()
        else:
            self.rule_combo.setFocus()

    # --- choices ---------------------------------------------------------------------------

    def member_id(self) -> int | None:
        return self.member_picker.member_id()

    def group_id(self) -> int | None:
        return self.group_combo.currentData()

    def rule_id(self) -> int | None:
        return self.rule_combo.currentData()

    def _set_when(self, moment: datetime) -> None:
        day = QDate(moment.year, moment.month, moment.day)
        self.when_edit.setDateTime(QDateTime(day, QTime(moment.hour, moment.minute)))

    def when(self) -> datetime:
        """The time as entered (local), as naive UTC for storing."""
        value = self.when_edit.dateTime()
        day, time = value.date(), value.time()
        local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return clock.from_local(local)

    def _fill_groups(self, selected: int | None) -> None:
        """The member's groups first, then every other group."""
        member_id = self.member_id()
        own: list[tuple[int, str]] = []
        if member_id is not None:
            own = [
                (m.group_id, m.group.name)
                for m in memberships.memberships_of(member_id)
                if m.left_at is None
            ]
        if selected is None and own:
            selected = own[0][0]
        combo = self.group_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            for group_id, name in own:
                combo.addItem(name, group_id)
            others = [g for g in group_choices() if g.id not in {i for i, _n in own}]
            if own and others:
                combo.insertSeparator(combo.count())
            for group in others:
                combo.addItem(group.name, group.id)
            combo.setCurrentIndex(max(0, combo.findData(selected) if selected else -1))
        finally:
            combo.blockSignals(False)

    def _fill_rules(self, selected: int | None) -> None:
        """The group's adopted rules first, in its order, then the rest of the library."""
        group_id = self.group_id()
        adopted: list[tuple[int, str]] = (
            [(int(r.id), str(r.title)) for r in rules.group_rules(group_id)] if group_id else []
        )
        ids = {rule_id for rule_id, _title in adopted}
        others = [
            (r.id, r.title)
            for r in rules.list_rules(include_retired=True)
            if r.id not in ids and (not r.retired or r.id == selected)
        ]
        combo = self.rule_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            for rule_id, title in adopted:
                combo.addItem(title, rule_id)
            if adopted and others:
                combo.insertSeparator(combo.count())
            for rule_id, title in others:
                combo.addItem(title, rule_id)
            combo.setCurrentIndex(max(0, combo.findData(selected) if selected else -1))
        finally:
            combo.blockSignals(False)
        self._suggest()

    def _group_picked(self, _index: int) -> None:
        self._group_chosen = True

    def _rule_picked(self, _index: int) -> None:
        self._rule_chosen = True

    def _refill_rules(self) -> None:
        """Offer the rules of the group now chosen; a rule picked by hand stays chosen."""
        self._fill_rules(self.rule_id() if self._rule_chosen else None)

    def _member_changed(self, _member_id: object) -> None:
        self._fill_groups(self.group_id() if self._group_chosen else None)
        self._refill_rules()

    def _suggest(self) -> None:
        """Say which strike this is and preselect the ladder's action (only when logging)."""
        if self.violation_id is not None:
            return
        member_id, rule_id = self.member_id(), self.rule_id()
        if member_id is None or rule_id is None:
            self.suggestion_label.setStyleSheet(HINT_STYLE)
            self.suggestion_label.setText(
                self.tr("Choose the member and the rule to see what the strike ladder suggests.")
            )
            return
        suggestion = violations.suggest(member_id, rule_id)
        self.suggestion_label.setStyleSheet(SUGGESTION_STYLE)
        self.suggestion_label.setText(
            self.tr("Strike {n} of the ladder → suggested action: {action}").format(
                n=suggestion.strike, action=label(ACTIONS, suggestion.action)
            )
        )
        self.action_combo.setCurrentIndex(self.action_combo.findData(suggestion.action))

    def action(self) -> str:
        return str(self.action_combo.currentData())

    # --- writing ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Refuse an unchosen member here (there is nothing to send); else write."""
        try:
            self.member_picker.chosen_member()  # a name typed but not picked: taken or refused
        except HuoqunError as exc:
            self.error.show_error(exc)
            self.member_picker.setFocus()
            return
        if self.member_id() is None:
            self.error.show_error(
                self.tr("Choose the member: type part of their name and pick them from the list.")
            )
            self.member_picker.setFocus()
            return
        super().accept()

    def apply(self) -> None:
        member_id = self.member_id()
        assert member_id is not None
        group_id, rule_id, at = self.group_id(), self.rule_id(), self.when()
        evidence, action = self.evidence_edit.toPlainText(), self.action()
        tasks_before = bans.open_removal_tasks(member_id)
        if self.violation_id is not None:
            violations.update_violation(
                self.violation_id,
                member_id=member_id,
                group_id=group_id,
                rule_id=rule_id,
                at=at,
                evidence=evidence,
                action=action,
            )
            self.outcome = self.tr("Saved case #{number}.").format(number=self.case_number)
        else:
            violation = violations.log_violation(member_id, group_id, rule_id, at, evidence, action)
            self.violation_id = int(violation.id)
            self.case_number = violation.case_number
            self.outcome = self.tr("Logged case #{number}.").format(number=self.case_number)
        if self.action() == "banned":
            created = max(0, bans.open_removal_tasks(member_id) - tasks_before)
            self.outcome += " " + self.tr("Banned; %n removal task(s) created.", "", created)
