"""The violation log: every case, newest first, filtered by group, rule, member, status, dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, rules, violations
from app.core.errors import HuoqunError
from app.core.groups import group_choices
from app.core.violations import ViolationFilter, ViolationRow
from app.ui.labels import ACTIONS, label
from app.ui.widgets.controls import HINT_STYLE, named_button, named_combo, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.member_picker import MemberPicker
from app.ui.widgets.optional_date import OptionalDateEdit, stored_moment
from app.ui.widgets.read_only_table import RIGHT, WARNING_COLOUR, ReadOnlyTable
from app.ui.widgets.violation_dialog import ViolationDialog

COL_CASE, COL_WHEN, COL_MEMBER, COL_GROUP, COL_RULE, COL_POINTS, COL_ACTION, COL_STATUS = range(8)
STATUS_OPEN, STATUS_HANDLED, STATUS_ALL = "open", "handled", "all"
SHOWN_AT_MOST = 2000  # the newest cases; filters reach older ones (the log grows for years)

RunDialog = Callable[[QDialog], bool]


def local_minute(row: ViolationRow) -> str:
    """When the violation happened, in local time to the minute."""
    return clock.to_local(row.at).strftime("%Y-%m-%d %H:%M")


# What each column of a violations table shows; a view lists the keys of its columns.
LOG_KEYS = ("case", "when", "member", "group", "rule", "points", "action", "status")


def violation_cell(row: ViolationRow, key: str, role: int, bold: QFont, locale: QLocale) -> Any:
    """One cell of a violations table: open cases bold with a red status, numbers right."""
    is_open = row.handled_at is None
    if role == Qt.ItemDataRole.DisplayRole:
        return _violation_text(row, key, locale)
    if role == Qt.ItemDataRole.FontRole and is_open:
        return bold
    if role == Qt.ItemDataRole.ForegroundRole and is_open and key == "status":
        return WARNING_COLOUR
    if role == Qt.ItemDataRole.TextAlignmentRole and key in ("case", "points"):
        return RIGHT
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.evidence or None
    return None


def _violation_text(row: ViolationRow, key: str, locale: QLocale) -> str:
    texts = {
        "case": lambda: f"#{row.case_number}",
        "when": lambda: local_minute(row),
        "member": lambda: row.member_name,
        "group": lambda: row.group_name or "—",
        "rule": lambda: row.rule_title or "—",
        "points": lambda: locale.toString(row.points),
        "action": lambda: label(ACTIONS, row.action),
    }
    if key in texts:
        return texts[key]()
    status = "Open" if row.handled_at is None else "Handled"
    return QCoreApplication.translate("ViolationLogView", status)


def fit_words(table: ReadOnlyTable, column: int, words: list[str]) -> None:
    """Size ``column`` to its widest word (or its title, if wider)."""
    title = str(table.rows_model.headerData(column, Qt.Orientation.Horizontal))
    widest = max(
        [table.fontMetrics().horizontalAdvance(w) for w in words]
        + [table.horizontalHeader().fontMetrics().horizontalAdvance(title)]
    )
    table.setColumnWidth(column, widest + 20)


class ViolationLogView(QWidget):
    """Filters over the log, the log itself and what can be done with a case."""

    changed = Signal()  # a violation was logged, edited, handled or reopened
    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("violationLog")
        self._run_dialog = run_dialog
        self._loading = False

        self.group_filter = named_combo("violationGroupFilter", 140)
        self.rule_filter = named_combo("violationRuleFilter", 140)
        self.status_filter = named_combo("violationStatusFilter", 90)
        self.status_filter.addItem(self.tr("Open"), STATUS_OPEN)
        self.status_filter.addItem(self.tr("Handled"), STATUS_HANDLED)
        self.status_filter.addItem(self.tr("All"), STATUS_ALL)
        self.status_filter.setCurrentIndex(2)
        self.member_filter = MemberPicker()
        self.member_filter.setObjectName("violationMemberFilter")
        self.member_filter.setPlaceholderText(self.tr("Any member (type to find one)"))
        self.member_filter.memberChanged.connect(lambda _m: self.reload())
        self.since_edit = OptionalDateEdit()
        self.since_edit.setObjectName("violationSince")
        self.until_edit = OptionalDateEdit()
        self.until_edit.setObjectName("violationUntil")
        for combo in (self.group_filter, self.rule_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.since_edit, self.until_edit):
            edit.changed.connect(self.reload)

        self.table = ReadOnlyTable(
            [
                self.tr("Case"),
                self.tr("When"),
                self.tr("Member"),
                self.tr("Group"),
                self.tr("Rule"),
                self.tr("Points"),
                self.tr("Action"),
                self.tr("Status"),
            ],
            "violationTable",
            self._cell,
            lambda row: row.id,
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.set_widths(
            ["#12345", "2026-03-14 21:30", "欧阳晓明", "中大2016级校友会", "", "9"]
        )
        fit_words(self.table, COL_ACTION, [label(ACTIONS, a) for a in ACTIONS])
        fit_words(self.table, COL_STATUS, [self.tr("Open"), self.tr("Handled")])
        self.table.stretch(COL_GROUP)  # group and rule share the room left
        self.table.stretch(COL_RULE)
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.edit_violation())
        self._bold = QFont(self.table.font())
        self._bold.setBold(True)

        self.log_button = named_button("logViolationButton", self.tr("Log violation…"), self.log)
        self.log_button.setToolTip(self.tr("Record a broken rule (Ctrl+N)"))
        self.edit_button = named_button(
            "editViolationButton", self.tr("Edit…"), self.edit_violation
        )
        self.handled_button = named_button(
            "markHandledButton", self.tr("Mark handled"), lambda: self.set_handled(True)
        )
        self.reopen_button = named_button(
            "reopenViolationButton", self.tr("Reopen"), lambda: self.set_handled(False)
        )
        self.open_member_button = named_button(
            "violationOpenMemberButton", self.tr("Open member"), self.open_member
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("violationCount")
        self.count_label.setStyleSheet(HINT_STYLE)
        self.notice = notice_label("violationNotice")
        self.error = ErrorLabel("violationLogError")

        first = QHBoxLayout()
        first.addWidget(self.group_filter, 1)
        first.addWidget(self.rule_filter, 1)
        first.addWidget(self.member_filter, 1)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Status:")))
        second.addWidget(self.status_filter)
        second.addSpacing(12)
        second.addWidget(QLabel(self.tr("From:")))
        second.addWidget(self.since_edit)
        second.addWidget(QLabel(self.tr("To:")))
        second.addWidget(self.until_edit)
        second.addStretch(1)
        second.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (
            self.log_button,
            self.edit_button,
            self.handled_button,
            self.reopen_button,
            self.open_member_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    def filter_group(self, group_id: int) -> None:
        """Show only the open violations of ``group_id`` (all groups when it is not listed):
        those still to handle."""
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(STATUS_OPEN)))
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(group_id)))

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the filter choices (keeping them) and the log."""
        self._loading = True
        try:
            group_id = self.group_filter.currentData()
            rule_id = self.rule_filter.currentData()
            self.group_filter.clear()
            self.group_filter.addItem(self.tr("All groups"), None)
            for group in group_choices(include_archived=True):
                self.group_filter.addItem(group.name, group.id)
            self.rule_filter.clear()
            self.rule_filter.addItem(self.tr("All rules"), None)
            for rule in rules.list_rules(include_retired=True):
                title = rule.title
                if rule.retired:
                    title = self.tr("{title} (retired)").format(title=rule.title)
                self.rule_filter.addItem(title, rule.id)
            self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(group_id)))
            self.rule_filter.setCurrentIndex(max(0, self.rule_filter.findData(rule_id)))
        finally:
            self._loading = False
        self.reload()

    def current_filter(self) -> ViolationFilter:
        """The filters as shown; the "to" day is included whole."""
        status = self.status_filter.currentData()
        until = self.until_edit.date()
        return ViolationFilter(
            group_id=self.group_filter.currentData(),
            member_id=self.member_filter.member_id(),
            rule_id=self.rule_filter.currentData(),
            open=None if status == STATUS_ALL else status == STATUS_OPEN,
            since=stored_moment(self.since_edit.date()),
            until=stored_moment(until + timedelta(days=1)) if until is not None else None,
        )

    def reload(self) -> None:
        """Search the log again with the filters shown, keeping the selected case."""
        if self._loading:
            return
        rows = violations.list_violations(self.current_filter(), limit=SHOWN_AT_MOST + 1)
        more = len(rows) > SHOWN_AT_MOST
        rows = rows[:SHOWN_AT_MOST]
        self.table.set_rows(rows)
        if more:
            self.count_label.setText(
                self.tr("The newest %Ln violation(s); filter to see older ones", "", len(rows))
            )
        else:
            still_open = sum(1 for row in rows if row.handled_at is None)
            self.count_label.setText(
                self.tr("%Ln violation(s)", "", len(rows))
                + " · "
                + self.tr("%Ln open", "", still_open)
            )
        self._update_buttons()

    def filter_by_group(self, group_id: int | None) -> None:
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(group_id)))

    def filter_by_status(self, status: str) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(status))

    def _cell(self, row: ViolationRow, column: int, role: int) -> Any:
        return violation_cell(row, LOG_KEYS[column], role, self._bold, self.locale())

    # --- selection -------------------------------------------------------------------------

    def selected_rows(self) -> list[ViolationRow]:
        model = self.table.rows_model
        return [model.row_at(index.row()) for index in self.table.selectionModel().selectedRows()]

    def select_case(self, violation_id: int) -> None:
        self.table.select_id(violation_id)

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        self.edit_button.setEnabled(len(rows) == 1)
        self.open_member_button.setEnabled(len(rows) == 1)
        self.handled_button.setEnabled(any(row.handled_at is None for row in rows))
        self.reopen_button.setEnabled(any(row.handled_at is not None for row in rows))

    # --- actions ---------------------------------------------------------------------------

    def _after_write(self, violation_id: int | None, notice: str) -> None:
        self.error.clear_error()
        self.notice.setText(notice)
        self.reload()
        if violation_id is not None:
            self.table.select_id(violation_id)
        self.changed.emit()

    def log(self) -> None:
        dialog = ViolationDialog(
            self.member_filter.member_id(), self.group_filter.currentData(), None, self
        )
        if accepted(self._run_dialog, dialog):
            self._after_write(dialog.violation_id, dialog.outcome)

    def edit_violation(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        dialog = ViolationDialog(violation=rows[0], parent=self)
        if accepted(self._run_dialog, dialog):
            self._after_write(rows[0].id, dialog.outcome)

    def set_handled(self, handled: bool) -> None:
        """Mark the selected cases handled (or open again)."""
        ids = [row.id for row in self.selected_rows() if (row.handled_at is None) == handled]
        if not ids:
            return
        try:
            violations.set_handled(ids, handled)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        notice = (
            self.tr("Marked %n case(s) handled.", "", len(ids))
            if handled
            else self.tr("Reopened %n case(s).", "", len(ids))
        )
        self._after_write(ids[0], notice)

    def open_member(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.memberOpened.emit(rows[0].member_id)
