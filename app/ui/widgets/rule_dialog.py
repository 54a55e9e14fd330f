"""Dialogs of the rule library: write or edit a rule, adopt rules in a group, a rule's groups.

Each writes when its button is pressed; a refusal is shown in the dialog, which stays open,
and nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.core import rules
from app.core.groups import group_choices
from app.ui.labels import SEVERITIES, label
from app.ui.widgets.form_dialog import FormDialog

IdRole = Qt.ItemDataRole.UserRole + 1


class RuleDialog(FormDialog):
    """Write a new rule for the library (``rule`` None) or edit one."""

    def __init__(self, rule: rules.RuleRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__("dialogError", "saveRuleButton", parent, min_width=460, grow_form=True)
        self.setObjectName("ruleDialog")
        self.resize(540, 420)
        self.rule_id = rule.id if rule is not None else None
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("ruleTitleEdit")
        self.title_edit.setPlaceholderText(self.tr("e.g. No advertising"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("ruleTextEdit")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("What the rule asks of members, as it should read in the announcement")
        )
        self.severity_combo = QComboBox()
        self.severity_combo.setObjectName("ruleSeverityCombo")
        for code in rules.SEVERITIES:
            self.severity_combo.addItem(label(SEVERITIES, code), code)
        self.points_spin = QSpinBox()
        self.points_spin.setObjectName("ruleStrikePoints")
        self.points_spin.setRange(0, 10)
        self.points_spin.setToolTip(
            self.tr("How many strikes one violation of this rule counts on the ladder")
        )
        self.form.addRow(self.tr("&Title:"), self.title_edit)
        self.form.addRow(self.tr("Te&xt:"), self.text_edit)
        self.form.addRow(self.tr("&Severity:"), self.severity_combo)
        self.form.addRow(self.tr("Strike &points:"), self.points_spin)
        if rule is None:
            self.setWindowTitle(self.tr("New rule"))
            self.ok_button.setText(self.tr("Add to library"))
            self.severity_combo.setCurrentIndex(self.severity_combo.findData("warning"))
            self.points_spin.setValue(1)
        else:
            self.setWindowTitle(self.tr("Edit rule"))
            self.ok_button.setText(self.tr("Save"))
            self.title_edit.setText(rule.title)
            self.text_edit.setPlainText(rule.text)
            self.severity_combo.setCurrentIndex(max(0, self.severity_combo.findData(rule.severity)))
            self.points_spin.setValue(rule.strike_points)
            if rule.groups:
                self.set_summary(
                    self.tr("Adopted in %n group(s): the change shows in each.", "", rule.groups)
                )

    def apply(self) -> None:
        fields = {
            "title": self.title_edit.text(),
            "text": self.text_edit.toPlainText(),
            "severity": self.severity_combo.currentData(),
            "strike_points": self.points_spin.value(),
        }
        if self.rule_id is None:
            self.rule_id = rules.create_rule(**fields).id
        else:
            rules.update_rule(self.rule_id, **fields)


def _checklist(name: str) -> QListWidget:
    items = QListWidget()
    items.setObjectName(name)
    items.setMinimumHeight(220)
    items.setAlternatingRowColors(True)
    return items


def _check_item(text: str, item_id: int, checked: bool, tip: str = "") -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(IdRole, item_id)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    if tip:
        item.setToolTip(tip)
    return item


def checked_ids(items: QListWidget) -> list[int]:
    """The ids of the ticked rows, top to bottom."""
    return [
        int(items.item(row).data(IdRole))
        for row in range(items.count())
        if items.item(row).checkState() == Qt.CheckState.Checked
    ]


def tick(items: QListWidget, text: str) -> None:
    """Tick the row that reads ``text`` (as a click on its box does)."""
    for row in range(items.count()):
        if items.item(row).text().startswith(text):
            items.item(row).setCheckState(Qt.CheckState.Checked)
            return
    raise ValueError(f"{text!r} is not listed")


class AdoptRulesDialog(FormDialog):
    """Tick rules from the library that a group does not have yet; they go to its end."""

    def __init__(self, group_id: int, group_name: str, parent: QWidget | None = None) -> None:
        super().__init__("dialogError", "adoptRulesButton", parent, min_width=460, grow_form=True)
        self.setObjectName("adoptRulesDialog")
        self.group_id = group_id
        self.setWindowTitle(self.tr("Adopt rules"))
        self.set_summary(
            self.tr(
                "Tick the rules “{group}” should follow. They are added after its rules."
            ).format(group=group_name)
        )
        adopted = {rule.id for rule in rules.group_rules(group_id)}
        self.rule_list = _checklist("adoptRuleList")
        for rule in rules.list_rules():
            if rule.id not in adopted:
                text = f"{rule.title}  ·  {label(SEVERITIES, rule.severity)}"
                self.rule_list.addItem(_check_item(text, rule.id, False, rule.text))
        self.form.addRow(self.rule_list)
        self.ok_button.setText(self.tr("Adopt"))
        if self.rule_list.count() == 0:
            self.error.show_error(
                self.tr("This group has adopted every rule in the library already.")
            )
            self.ok_button.setEnabled(False)
        self.adopted: list[int] = []

    def apply(self) -> None:
        chosen = checked_ids(self.rule_list)
        rules.adopt_rules(self.group_id, chosen)  # all or nothing
        self.adopted = chosen


class RuleGroupsDialog(FormDialog):
    """The groups that follow one rule: tick to adopt it there, untick to drop it."""

    def __init__(self, rule_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "dialogError", "saveRuleGroupsButton", parent, min_width=460, grow_form=True
        )
        self.setObjectName("ruleGroupsDialog")
        self.rule_id = rule_id
        self.setWindowTitle(self.tr("Groups following “{rule}”").format(rule=title))
        self.set_summary(
            self.tr("Tick every group that follows this rule. A newly ticked group gets it last.")
        )
        following = set(rules.rule_groups(rule_id))
        self.group_list = _checklist("ruleGroupList")
        for group in group_choices():
            self.group_list.addItem(_check_item(group.name, group.id, group.id in following))
        self.form.addRow(self.group_list)
        self.ok_button.setText(self.tr("Save"))

    def apply(self) -> None:
        rules.set_rule_groups(self.rule_id, set(checked_ids(self.group_list)))  # all or nothing
