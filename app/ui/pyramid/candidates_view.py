"""Promotion and demotion suggestions: the operator accepts or dismisses each one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import candidates
from app.core.errors import HuoqunError
from app.ui.pyramid.tier_move_dialog import TierMoveDialog
from app.ui.widgets.controls import HINT_STYLE, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.read_only_table import ReadOnlyTable

COL_NAME, COL_TIER, COL_WHY, COL_CHAT, COL_GROUPS = range(5)
PROMOTION, DEMOTION = "promotion", "demotion"


class CandidatesView(QWidget):
    """Members the criteria suggest moving up (``kind`` "promotion") or down ("demotion")."""

    changed = Signal()  # a suggestion was accepted or dismissed
    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        kind: str,
        run_dialog: Callable[[QDialog], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._run_dialog = run_dialog or (lambda d: d.exec() == QDialog.DialogCode.Accepted)
        self.setObjectName(f"{kind}Candidates")
        self._strike_window = 0
        why = self.tr("Criteria met") if kind == PROMOTION else self.tr("Why")
        self.table = ReadOnlyTable(
            [self.tr("Name"), self.tr("Tier"), why, self.tr("In the chat"), self.tr("Groups")],
            f"{kind}Table",
            self._cell,
            lambda row: row.member_id,
        )
        if kind == PROMOTION:
            self.table.set_widths(
                ["★ 欧阳晓明明", "管理/骨干", "", "30 of 30 days", "读书会、摄影"]
            )
            self.table.stretch(COL_WHY)
        else:  # a short reason: the groups get the room
            self.table.set_widths(
                ["★ 欧阳晓明明", "管理/骨干", "no contact for 1,000 days", "silent 1,000 days"]
            )
            self.table.stretch(COL_GROUPS)
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.open_member())

        accept_text = self.tr("Promote…") if kind == PROMOTION else self.tr("Demote…")
        self.accept_button = QPushButton(accept_text)
        self.accept_button.setObjectName(f"{kind}AcceptButton")
        self.accept_button.clicked.connect(self.accept_selected)
        if kind == PROMOTION:
            self.accept_button.setToolTip(
                self.tr("Move them up one tier (or another you pick), with a reason")
            )
        else:
            self.accept_button.setToolTip(
                self.tr("Move them down one tier (or another you pick), with a reason")
            )
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName(f"{kind}DismissButton")
        self.dismiss_button.setToolTip(
            self.tr(
                "Not now: they are not suggested again for %n day(s)", "", candidates.DISMISS_DAYS
            )
        )
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.open_button = QPushButton(self.tr("Open member"))
        self.open_button.setObjectName(f"{kind}OpenButton")
        self.open_button.clicked.connect(self.open_member)
        self.summary = QLabel()
        self.summary.setObjectName(f"{kind}Summary")
        self.summary.setStyleSheet(HINT_STYLE)
        self.empty_note = QLabel()
        self.empty_note.setObjectName(f"{kind}EmptyNote")
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet(HINT_STYLE)
        self.empty_note.hide()
        self.error = ErrorLabel(f"{kind}Error")
        self.notice = notice_label(f"{kind}Notice")

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        listing = QVBoxLayout()
        listing.setContentsMargins(0, 0, 0, 0)
        listing.addWidget(self.summary)
        listing.addWidget(self.empty_note)
        listing.addWidget(self.table, 1)
        listing.addWidget(self.error)
        listing.addWidget(self.notice)
        listing.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(listing, 1)
        self.criteria_box: CriteriaBox | None = None
        if kind == PROMOTION:
            self.criteria_box = CriteriaBox()
            self.criteria_box.saved.connect(self._criteria_saved)
            layout.addWidget(self.criteria_box)
        self._update_buttons()

    # --- words -----------------------------------------------------------------------------

    def criterion_text(self, code: str, row: candidates.Candidate) -> str:
        """A criterion the candidate met, in words, with the candidate's own figure."""
        if code == "meetups":
            return self.tr("%n meetup(s) attended", "", row.meetups_attended)
        if code == "member_days":
            return self.tr("member for %n day(s)", "", row.member_days)
        if code == "strike_free":
            return self.tr("no strike in %n day(s)", "", self._strike_window)
        if code == "star":
            return self.tr("star member")
        if code == "silent":
            return self.tr("no contact for %n day(s)", "", row.silent_days)
        if code == "spoke":
            return self.tr("spoke on %n of the last 30 days", "", row.spoke_days or 0)
        if code == "chat_silent":
            return self.tr("silent in the chat for %n day(s)", "", row.chat_silent_days or 0)
        return code

    def chat_text(self, row: candidates.Candidate) -> str:
        """Their chat figure: days spoken of the last 30 (promotion), days silent (demotion);
        "—" when none of their groups has chat history."""
        if self.kind == PROMOTION:
            if row.spoke_days is None:
                return "—"
            return self.tr("%n of 30 days", "", row.spoke_days)
        if row.chat_silent_days is None:
            return "—"
        return self.tr("silent %n day(s)", "", row.chat_silent_days)

    def reason_text(self, row: candidates.Candidate) -> str:
        """What a candidate met, in words: shown in the list and kept as the change's reason."""
        return self.tr(", ").join(self.criterion_text(code, row) for code in row.met)

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the suggestions (one query), keeping the selected member."""
        stored = candidates.criteria()
        self._strike_window = stored["strike_free_days"]
        if self.criteria_box is not None:
            self.criteria_box.load(stored)
        if self.kind == PROMOTION:
            rows = candidates.promotion_candidates()
        else:
            rows = candidates.demotion_candidates()
        self.table.set_rows(rows)
        if rows and self.table.current_id() is None:
            self.table.selectRow(0)  # the most pressing one: ready for an action
        self.summary.setText(self.tr("%n suggestion(s)", "", len(rows)))
        if self.kind == PROMOTION:
            self.empty_note.setText(
                self.tr(
                    "Nobody meets the criteria right now. Loosen them on the right to see more."
                )
            )
        else:
            self.empty_note.setText(
                self.tr(
                    "Nobody to suggest. A helper is suggested when there has been no contact "
                    "for %n times their tier's check-in cadence.",
                    "",
                    candidates.demotion_margin(),
                )
            )
        self.empty_note.setVisible(not rows)
        self._update_buttons()

    def current_row(self) -> candidates.Candidate | None:
        row: candidates.Candidate | None = self.table.current_row()
        return row

    def _cell(self, row: candidates.Candidate, column: int, role: int) -> Any:
        """What a cell shows; worded only when the table paints it."""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return f"★ {row.name}" if row.star else row.name
            if column == COL_TIER:
                return row.tier
            if column == COL_WHY:
                return self.reason_text(row)
            if column == COL_CHAT:
                return self.chat_text(row)
            return row.groups
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_WHY, COL_GROUPS):
            return self.reason_text(row) if column == COL_WHY else row.groups
        return None

    def _update_buttons(self) -> None:
        chosen = self.current_row() is not None
        for button in (self.accept_button, self.dismiss_button, self.open_button):
            button.setEnabled(chosen)

    # --- actions ---------------------------------------------------------------------------

    def accept_selected(self) -> None:
        """Promote or demote the selected member: the dialog shows from → to and asks why."""
        row = self.current_row()
        if row is None:
            return
        if self.kind == PROMOTION:
            reason = self.tr("Suggested for promotion: {criteria}")
        else:
            reason = self.tr("Suggested for demotion: {criteria}")
        reason = reason.format(criteria=self.reason_text(row))
        dialog = TierMoveDialog(row.member_id, row.name, self.kind, reason, self)
        if accepted(self._run_dialog, dialog):
            self._after_write()
            self.notice.setText(str(dialog.outcome or ""))

    def dismiss_selected(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.notice.clear()
        try:
            candidates.dismiss(row.member_id, self.kind)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._after_write()

    def _after_write(self) -> None:
        self.error.clear_error()
        self.refresh()
        self.changed.emit()

    def _criteria_saved(self) -> None:
        self.refresh()

    def open_member(self) -> None:
        row = self.current_row()
        if row is not None:
            self.memberOpened.emit(row.member_id)


class CriteriaBox(QGroupBox):
    """The promotion criteria, kept in settings: change them and the list follows."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Promotion criteria"))
        self.setObjectName("criteriaBox")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.meetups_spin = self._spin("criteriaMeetups", 100)
        self.days_spin = self._spin("criteriaMemberDays", 3650)
        self.strike_spin = self._spin("criteriaStrikeDays", 3650)
        self.star_check = QCheckBox(self.tr("Stars qualify on their own"))
        self.star_check.setObjectName("criteriaStar")
        note = QLabel(
            self.tr(
                "Suggested when all three hold, or for a star member, or (with chat history) "
                "for a member who spoke on enough days: Settings → Pyramid."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.save_button = QPushButton(self.tr("Save criteria"))
        self.save_button.setObjectName("criteriaSaveButton")
        self.save_button.clicked.connect(self.save)
        self.error = ErrorLabel("criteriaError")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Meetups attended ≥"), self.meetups_spin)
        form.addRow(self.tr("Days as a member ≥"), self.days_spin)
        form.addRow(self.tr("Days without a strike ≥"), self.strike_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.star_check)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self._shown: tuple[int, int, int, bool] | None = None  # loaded when first refreshed

    def _spin(self, name: str, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(0, high)
        return spin

    def values(self) -> tuple[int, int, int, bool]:
        """The criteria as shown: meetups, days as a member, days without a strike, star."""
        return (
            self.meetups_spin.value(),
            self.days_spin.value(),
            self.strike_spin.value(),
            self.star_check.isChecked(),
        )

    def load(self, stored: dict[str, Any]) -> None:
        """Show the stored criteria, unless the person is in the middle of changing them."""
        if self._shown is not None and self.values() != self._shown:
            return
        self.meetups_spin.setValue(stored["meetups"])
        self.days_spin.setValue(stored["member_days"])
        self.strike_spin.setValue(stored["strike_free_days"])
        self.star_check.setChecked(stored["star"])
        self._shown = self.values()

    def save(self) -> None:
        """Store the criteria shown; the suggestions are recomputed."""
        try:
            candidates.set_criteria(*self.values())
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._shown = self.values()
        self.error.clear_error()
        self.saved.emit()
