"""The shared rule library: every rule, where it is adopted and how often it was broken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core import rules
from app.core.errors import HuoqunError
from app.io.atomic_file import replacing
from app.ui.error_messages import REFUSALS, interface_language
from app.ui.labels import SEVERITIES, label
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE, named_button
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.read_only_table import RIGHT, ReadOnlyTable
from app.ui.widgets.rule_dialog import RuleDialog, RuleGroupsDialog

RETIRED_COLOUR = QColor("#8c8c8c")
SEVERITY_COLOURS = {"notice": "#1f5f99", "warning": "#b9770e", "removal": "#b03a2e"}
COL_TITLE, COL_TEXT, COL_SEVERITY, COL_POINTS, COL_GROUPS, COL_VIOLATIONS = range(6)

RunDialog = Callable[[QDialog], bool]
ChoosePath = Callable[[], Path | None]


class RuleLibraryView(QWidget):
    """The library with its actions: new, edit, groups, retire, restore, export."""

    changed = Signal()  # a rule was written

    def __init__(
        self, run_dialog: RunDialog, choose_path: ChoosePath, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ruleLibrary")
        self._run_dialog = run_dialog
        self._choose_path = choose_path
        self.table = ReadOnlyTable(
            [
                self.tr("Rule"),
                self.tr("Text"),
                self.tr("Severity"),
                self.tr("Strike points"),
                self.tr("Adopted in"),
                self.tr("Violations"),
            ],
            "ruleTable",
            self._cell,
            lambda row: row.id,
        )
        self.table.set_widths(
            ["禁止诈骗和违法内容 No scams", "", "Warning", "", "99 groups", "9,999"]
        )
        self.table.stretch(COL_TEXT)
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.edit_rule())
        self._italic = QFont(self.table.font())
        self._italic.setItalic(True)

        self.show_retired = QCheckBox(self.tr("Show retired rules"))
        self.show_retired.setObjectName("showRetiredRules")
        self.show_retired.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel()
        self.count_label.setObjectName("ruleCount")
        self.count_label.setStyleSheet(HINT_STYLE)
        self.new_button = named_button("newRuleButton", self.tr("New…"), self.new_rule)
        self.new_button.setToolTip(self.tr("Add a rule to the library (Ctrl+N)"))
        self.edit_button = named_button("editRuleButton", self.tr("Edit…"), self.edit_rule)
        self.groups_button = named_button("ruleGroupsButton", self.tr("Groups…"), self.edit_groups)
        self.groups_button.setToolTip(self.tr("Choose the groups that follow this rule"))
        self.retire_button = named_button("retireRuleButton", self.tr("Retire"), self.retire)
        self.retire_button.setToolTip(
            self.tr("Take the rule out of use; its violations stay on record")
        )
        self.restore_button = named_button("restoreRuleButton", self.tr("Restore"), self.restore)
        self.export_button = named_button(
            "exportRulesButton", self.tr("Export as Markdown…"), self.export_markdown
        )
        self.export_button.setToolTip(
            self.tr("Write the whole library to a Markdown file, in the interface language")
        )
        self.notice = QLabel()
        self.notice.setObjectName("ruleNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.error = ErrorLabel("ruleLibraryError")

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_retired)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.groups_button,
            self.retire_button,
            self.restore_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the library (one query), keeping the selected rule."""
        rows = rules.list_rules(include_retired=self.show_retired.isChecked())
        self.table.set_rows(rows)
        in_use = sum(1 for row in rows if not row.retired)
        text = self.tr("%n rule(s) in use", "", in_use)
        if len(rows) > in_use:
            text += " · " + self.tr("%n retired", "", len(rows) - in_use)
        self.count_label.setText(text)
        if rows and self.table.current_id() is None:
            self.table.selectRow(0)
        self._update_buttons()

    def _cell(self, row: rules.RuleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_TEXT):
            return row.text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_POINTS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.retired:
                return RETIRED_COLOUR
            if column == COL_SEVERITY:
                return QColor(SEVERITY_COLOURS.get(row.severity, "#000000"))
        if role == Qt.ItemDataRole.FontRole and row.retired:
            return self._italic
        return None

    def _text(self, row: rules.RuleRow, column: int) -> str:
        if column == COL_TITLE:
            return (
                self.tr("{title} (retired)").format(title=row.title) if row.retired else row.title
            )
        if column == COL_TEXT:
            return " ".join(row.text.split())  # one line
        if column == COL_SEVERITY:
            return label(SEVERITIES, row.severity)
        if column == COL_POINTS:
            return self.locale().toString(row.strike_points)
        if column == COL_GROUPS:
            return self.tr("%n group(s)", "", row.groups)
        return self.locale().toString(row.violations)

    def current_row(self) -> rules.RuleRow | None:
        row: rules.RuleRow | None = self.table.current_row()
        return row

    def _update_buttons(self) -> None:
        row = self.current_row()
        for button in (self.edit_button, self.groups_button):
            button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None and not row.retired)
        self.restore_button.setEnabled(row is not None and row.retired)
        self.groups_button.setEnabled(row is not None and not row.retired)

    # --- actions ---------------------------------------------------------------------------

    def _after_write(self, rule_id: int | None, notice: str = "") -> None:
        self.error.clear_error()
        self.notice.setText(notice)
        self.refresh()
        if rule_id is not None:
            self.table.select_id(rule_id)
        self.changed.emit()

    def new_rule(self) -> None:
        dialog = RuleDialog(None, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(dialog.rule_id)

    def edit_rule(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = RuleDialog(row, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(row.id)

    def edit_groups(self) -> None:
        row = self.current_row()
        if row is None or row.retired:
            return
        dialog = RuleGroupsDialog(row.id, row.title, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(row.id)

    def retire(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            rules.retire_rule(row.id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        notice = self.tr("Retired “{title}”; its violations stay on record.").format(
            title=row.title
        )
        self._after_write(row.id if self.show_retired.isChecked() else None, notice)

    def restore(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            rules.restore_rule(row.id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._after_write(row.id)

    def export_markdown(self) -> None:
        """Write the library as Markdown to a file the operator chooses."""
        path = self._choose_path()
        if path is None:
            return
        try:
            with replacing(path) as temp:  # atomic, owner-only; a device or folder is refused
                temp.write_text(rules.library_markdown(interface_language()), encoding="utf-8")
        except REFUSALS as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.notice.setText(self.tr("Exported the library to {file}.").format(file=path.name))
