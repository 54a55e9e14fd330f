"""The helper care list: every member of a tier with a check-in cadence, most overdue first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core import care
from app.core import members as core_members
from app.core.errors import HuoqunError
from app.ui.pyramid.tier_dialogs import CareNoteDialog, ChangeTierDialog
from app.ui.widgets.care_words import last_contact_text
from app.ui.widgets.controls import HINT_STYLE, named_button
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.read_only_table import RIGHT, WARNING_COLOUR, ReadOnlyTable, local_day
from app.ui.widgets.swatch import swatch

COL_NAME, COL_TIER, COL_OVERDUE, COL_CONTACTED, COL_RECOGNISED, COL_CADENCE = range(6)
COL_PRESENCE, COL_GROUPS = 6, 7

RunDialog = Callable[[QDialog], bool]


def presence_text(presence: str | None) -> str:
    """A presence in words ("—" without chat history)."""
    words = {
        "regular": QCoreApplication.translate("Presence", "regular"),
        "occasional": QCoreApplication.translate("Presence", "occasional"),
        "once": QCoreApplication.translate("Presence", "once"),
        "silent": QCoreApplication.translate("Presence", "silent"),
    }
    return "—" if presence is None else words.get(presence, presence)


class HelperCareView(QWidget):
    """The care list with its actions: log a check-in or recognition, star, set tier, open."""

    changed = Signal()  # something was written
    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helperCare")
        self._run_dialog = run_dialog
        self.table = ReadOnlyTable(
            [
                self.tr("Name"),
                self.tr("Tier"),
                self.tr("Overdue"),
                self.tr("Last contacted"),
                self.tr("Last recognised"),
                self.tr("Check in every"),
                self.tr("In the chat"),
                self.tr("Groups"),
            ],
            "careTable",
            self._cell,
            lambda row: row.member_id,
        )
        self._bold = QFont(self.table.font())
        self._bold.setBold(True)
        self._quiet = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.table.set_widths(
            [
                "★ 欧阳晓明明",
                "■ 管理/骨干",
                "due in 99 days",
                "2026-03-14",
                "2026-03-14",
                "14 days",
                "occasional",
            ]  # fmt: skip
        )
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.open_member())

        self.checkin_button = named_button("careCheckinButton", self.tr("Log check-in…"))
        self.checkin_button.setToolTip(self.tr("You talked with them: note what about"))
        self.checkin_button.clicked.connect(self.log_checkin)
        self.recognise_button = named_button("careRecogniseButton", self.tr("Log recognition…"))
        self.recognise_button.setToolTip(
            self.tr("You gave them recognition: public thanks, a title, a gift…")
        )
        self.recognise_button.clicked.connect(self.log_recognition)
        self.star_button = named_button("careStarButton", self.tr("★ Star"))
        self.star_button.setCheckable(True)
        self.star_button.setToolTip(self.tr("A star or soul figure: people join groups for them"))
        self.star_button.clicked.connect(self.set_star)
        self.tier_button = named_button("careTierButton", self.tr("Set tier…"))
        self.tier_button.clicked.connect(self.change_tier)
        self.open_button = named_button("careOpenButton", self.tr("Open member"))
        self.open_button.clicked.connect(self.open_member)
        self.summary = QLabel()
        self.summary.setObjectName("careSummary")
        self.summary.setStyleSheet(HINT_STYLE)
        self.empty_note = QLabel(
            self.tr(
                "Nobody to look after yet. The care list shows the members of every tier with a "
                "check-in cadence (set in the Tiers tab)."
            )
        )
        self.empty_note.setObjectName("careEmptyNote")
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet(HINT_STYLE)
        self.empty_note.hide()
        self.error = ErrorLabel("careError")

        buttons = QHBoxLayout()
        for button in (
            self.checkin_button,
            self.recognise_button,
            self.star_button,
            self.tier_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list (one query), keeping the selected member."""
        rows = care.care_list(presence=True)
        self.table.set_rows(rows)
        if rows and self.table.current_id() is None:
            self.table.selectRow(0)  # the most pressing one: ready for an action
        overdue = sum(1 for row in rows if row.days_overdue > 0)
        self.summary.setText(
            self.tr("%n helper(s) to look after", "", len(rows))
            + " · "
            + self.tr("%n overdue", "", overdue)
        )
        self.empty_note.setVisible(not rows)
        self._update_buttons()

    def _cell(self, row: care.CareRow, column: int, role: int) -> Any:
        """What a cell shows; worded only when the table paints it."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if column == COL_TIER and role == Qt.ItemDataRole.DecorationRole:
            return swatch(row.tier_colour)
        if column == COL_OVERDUE:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
            if role == Qt.ItemDataRole.ForegroundRole and row.days_overdue != 0:
                return WARNING_COLOUR if row.days_overdue > 0 else self._quiet
            if role == Qt.ItemDataRole.FontRole and row.days_overdue > 0:
                return self._bold
        if column == COL_GROUPS and role == Qt.ItemDataRole.ToolTipRole:
            return row.groups
        if column == COL_PRESENCE and role == Qt.ItemDataRole.ToolTipRole:
            return self.presence_tip(row)
        if column == COL_PRESENCE and role == Qt.ItemDataRole.ForegroundRole:
            return WARNING_COLOUR if row.presence == "silent" else None
        return None

    def _text(self, row: care.CareRow, column: int) -> str:
        if column == COL_NAME:
            return f"★ {row.name}" if row.star else row.name
        if column == COL_TIER:
            return row.tier
        if column == COL_OVERDUE:
            if row.days_overdue > 0:
                return self.tr("%n day(s)", "", row.days_overdue)
            if row.days_overdue == 0:
                return self.tr("due today")
            return self.tr("due in %n day(s)", "", -row.days_overdue)
        if column == COL_CONTACTED:
            return last_contact_text(row)
        if column == COL_RECOGNISED:
            return local_day(row.last_recognised) or self.tr("never")
        if column == COL_CADENCE:
            return self.tr("%n day(s)", "", row.cadence_days)
        if column == COL_PRESENCE:
            return presence_text(row.presence)
        return row.groups

    def presence_tip(self, row: care.CareRow) -> str:
        if row.presence is None:
            return self.tr("None of their groups has chat history imported")
        return self.tr("Days with a message in the last 30 days, in any of their groups")

    # --- selection -------------------------------------------------------------------------

    def current_id(self) -> int | None:
        return self.table.current_id()

    def current_row(self) -> care.CareRow | None:
        row: care.CareRow | None = self.table.current_row()
        return row

    def select_member(self, member_id: int) -> None:
        self.table.select_id(member_id)

    def _update_buttons(self) -> None:
        row = self.current_row()
        for button in (
            self.checkin_button,
            self.recognise_button,
            self.star_button,
            self.tier_button,
            self.open_button,
        ):
            button.setEnabled(row is not None)
        self.star_button.setChecked(row is not None and row.star)

    # --- actions ---------------------------------------------------------------------------

    def _after_write(self, member_id: int) -> None:
        self.error.clear_error()
        self.refresh()
        self.table.select_id(member_id)
        self.changed.emit()

    def _note_dialog(self, recognition: bool) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = CareNoteDialog(row.member_id, row.name, recognition, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(row.member_id)

    def log_checkin(self) -> None:
        self._note_dialog(recognition=False)

    def log_recognition(self) -> None:
        self._note_dialog(recognition=True)

    def set_star(self, star: bool) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            core_members.set_star([row.member_id], star)
        except HuoqunError as exc:
            self.error.show_error(exc)
            self._update_buttons()
            return
        self._after_write(row.member_id)

    def change_tier(self) -> None:
        row = self.current_row()
        if row is None:
            return
        tier_id = core_members.get_member(row.member_id).tier_id
        dialog = ChangeTierDialog(row.member_id, row.name, tier_id, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(row.member_id)

    def open_member(self) -> None:
        member_id = self.current_id()
        if member_id is not None:
            self.memberOpened.emit(member_id)
