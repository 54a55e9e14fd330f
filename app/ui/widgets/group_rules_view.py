"""One group's rules in order, and the same rules as announcement text ready to paste."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core import rules
from app.core.errors import HuoqunError
from app.ui.error_messages import interface_language
from app.ui.labels import SEVERITIES, label
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE, named_button
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.read_only_table import RIGHT, ReadOnlyTable
from app.ui.widgets.rule_dialog import AdoptRulesDialog
from app.ui.widgets.rule_library import SEVERITY_COLOURS

if TYPE_CHECKING:
    from app.core.rules import Rule

COPIED_NOTE_MS = 4000
COL_NUMBER, COL_TITLE, COL_SEVERITY, COL_POINTS = range(4)

RunDialog = Callable[[QDialog], bool]


class GroupRulesView(QWidget):
    """Adopt, drop and order one group's rules; preview and copy its announcement text."""

    changed = Signal()  # the group's rules were changed

    def __init__(self, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupRulesView")
        self._run_dialog = run_dialog
        self.group_id: int | None = None
        self.group_name = ""
        self.table = ReadOnlyTable(
            [self.tr("No."), self.tr("Rule"), self.tr("Severity"), self.tr("Points")],
            "groupRuleTable",
            self._cell,
            lambda rule: rule.id,
        )
        self.table.set_widths(["99", "No advertising or links", "Removal", "Points"])
        self.table.stretch(COL_TITLE)
        self.table.rowChanged.connect(self._update_buttons)
        self.empty_note = QLabel(
            self.tr("This group has adopted no rule yet. Use “Adopt…” to pick from the library.")
        )
        self.empty_note.setObjectName("noGroupRules")
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet(HINT_STYLE)
        self.adopt_button = named_button("adoptRuleButton", self.tr("Adopt…"), self.adopt)
        self.adopt_button.setToolTip(self.tr("Add rules from the library to this group"))
        self.drop_button = named_button("dropRuleButton", self.tr("Drop"), self.drop)
        self.drop_button.setToolTip(self.tr("This group no longer follows the rule"))
        self.up_button = named_button(
            "ruleUpButton", self.tr("Move up"), lambda: self.move_rule(-1)
        )
        self.down_button = named_button(
            "ruleDownButton", self.tr("Move down"), lambda: self.move_rule(1)
        )
        self.error = ErrorLabel("groupRulesError")

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("announcementLanguage")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(interface_language()))
        self.language_combo.currentIndexChanged.connect(lambda _i: self._show_announcement())
        self.announcement = QPlainTextEdit()
        self.announcement.setObjectName("announcementPreview")
        self.announcement.setReadOnly(True)
        self.announcement.setPlaceholderText(self.tr("The announcement appears here."))
        self.copy_button = named_button(
            "copyAnnouncementButton", self.tr("Copy to clipboard"), self.copy_announcement
        )
        self.copy_button.setToolTip(self.tr("Copy the text, then paste it into the chat app"))
        self.copied_note = QLabel(self.tr("Copied."))
        self.copied_note.setObjectName("copiedNote")
        self.copied_note.setStyleSheet(NOTICE_STYLE)
        self.copied_note.hide()
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(COPIED_NOTE_MS)
        self._copied_timer.timeout.connect(self.copied_note.hide)

        rule_buttons = QHBoxLayout()
        for button in (self.adopt_button, self.drop_button, self.up_button, self.down_button):
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.empty_note)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.error)
        left_layout.addLayout(rule_buttons)

        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("As announcement text:")), 1)
        heading.addWidget(self.language_combo)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copied_note)
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addLayout(heading)
        right_layout.addWidget(self.announcement, 1)
        right_layout.addLayout(copy_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("groupRulesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------

    def set_group(self, group_id: int | None, name: str = "") -> None:
        """Show the rules of ``group_id`` (None: no group)."""
        self.group_id = group_id
        self.group_name = name
        self.error.clear_error()
        self.copied_note.hide()
        self.refresh()

    def refresh(self) -> None:
        """Reload the group's rules and its announcement (two queries)."""
        adopted = rules.group_rules(self.group_id) if self.group_id is not None else []
        self.table.set_rows(adopted)
        self.empty_note.setVisible(self.group_id is not None and not adopted)
        self._show_announcement()
        self._update_buttons()

    def rule_count(self) -> int:
        return self.table.row_count()

    def _show_announcement(self) -> None:
        text = ""
        if self.group_id is not None and self.table.row_count():
            text = rules.announcement_text(self.group_id, self.language_combo.currentData())
        self.announcement.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def _cell(self, rule: Rule, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NUMBER:
                return self.locale().toString(self.table.row_of(rule.id) + 1)
            if column == COL_TITLE:
                return rule.title
            if column == COL_SEVERITY:
                return label(SEVERITIES, rule.severity)
            return self.locale().toString(rule.strike_points)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return rule.text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_POINTS):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SEVERITY:
            return QColor(SEVERITY_COLOURS.get(rule.severity, "#000000"))
        return None

    def _update_buttons(self) -> None:
        row = self.table.row_of(self.table.current_id()) if self.table.current_id() else -1
        self.adopt_button.setEnabled(self.group_id is not None)
        self.drop_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.row_count() - 1)

    # --- actions ---------------------------------------------------------------------------

    def _after_write(self, rule_id: int | None) -> None:
        self.error.clear_error()
        self.copied_note.hide()
        self.refresh()
        if rule_id is not None:
            self.table.select_id(rule_id)
        self.changed.emit()

    def adopt(self) -> None:
        if self.group_id is None:
            return
        dialog = AdoptRulesDialog(self.group_id, self.group_name, self)
        try:
            if self._run_dialog(dialog) and dialog.adopted:
                self._after_write(dialog.adopted[-1])
        finally:
            dialog.deleteLater()

    def drop(self) -> None:
        rule_id = self.table.current_id()
        if self.group_id is None or rule_id is None:
            return
        try:
            rules.drop_rule(self.group_id, rule_id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._after_write(None)

    def move_rule(self, step: int) -> None:
        """Move the selected rule ``step`` places (−1 up, +1 down)."""
        rule_id = self.table.current_id()
        if self.group_id is None or rule_id is None:
            return
        row = self.table.row_of(rule_id) + step
        if not 0 <= row < self.table.row_count():
            return
        try:
            rules.move_group_rule(self.group_id, rule_id, row)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._after_write(rule_id)

    def copy_announcement(self) -> None:
        """Put the announcement text on the clipboard and say so for a moment."""
        text = self.announcement.toPlainText()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.copied_note.show()
        self._copied_timer.start()
