"""The tiers of the pyramid as a list to edit: add, edit, reorder and remove."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core import tiers
from app.core.errors import HuoqunError
from app.ui.pyramid.tier_dialogs import RemoveTierDialog, TierDialog
from app.ui.widgets.controls import HINT_STYLE, named_button
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.read_only_table import RIGHT, ReadOnlyTable
from app.ui.widgets.swatch import swatch

if TYPE_CHECKING:
    from app.core.tiers import Tier

COL_RANK, COL_NAME, COL_DESCRIPTION, COL_CHECKIN, COL_MEMBERS = range(5)

RunDialog = Callable[[QDialog], bool]


class TiersEditor(QWidget):
    """Every tier, top first, with its colour, check-in cadence and member count."""

    changed = Signal()  # a tier was added, edited, moved or removed

    def __init__(self, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tiersEditor")
        self._run_dialog = run_dialog
        self._tiers: dict[int, Tier] = {}
        self._counts: dict[int, int] = {}
        self.table = ReadOnlyTable(
            [
                self.tr("Rank"),
                self.tr("Name"),
                self.tr("Description"),
                self.tr("Check in every"),
                self.tr("Members"),
            ],
            "tiersTable",
            self._cell,
            lambda tier: tier.id,
        )
        self.table.set_widths(["Rank", "■ 管理/骨干 Helpers", "", "14 days", "100,000"])
        self.table.stretch(COL_DESCRIPTION)
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.edit_tier())

        self.add_button = named_button("addTierButton", self.tr("Add…"), self.add_tier)
        self.edit_button = named_button("editTierButton", self.tr("Edit…"), self.edit_tier)
        self.up_button = named_button("tierUpButton", self.tr("Move up"), self.move_up)
        self.down_button = named_button("tierDownButton", self.tr("Move down"), self.move_down)
        self.remove_button = named_button("removeTierButton", self.tr("Remove…"), self.remove_tier)
        self.error = ErrorLabel("tiersError")
        note = QLabel(
            self.tr(
                "A pyramid needs at least three levels: you, your helpers and everyone else. "
                "Tiers with a check-in cadence are the helpers in the care list."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(note)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the tiers and their member counts (two queries), keeping the selection."""
        rows = tiers.list_tiers()
        self._tiers = {tier.id: tier for tier in rows}
        self._counts = tiers.tier_member_counts()
        self.table.set_rows(rows)
        self._update_buttons()

    def _cell(self, tier: Tier, column: int, role: int) -> Any:
        """What a cell shows."""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_RANK:
                return str(tier.rank)
            if column == COL_NAME:
                return tier.name
            if column == COL_DESCRIPTION:
                return tier.description
            if column == COL_CHECKIN:
                if tier.checkin_days is None:
                    return "—"
                return self.tr("%n day(s)", "", tier.checkin_days)
            return self.locale().toString(self._counts.get(tier.id, 0))
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NAME:
            return swatch(tier.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_RANK, COL_MEMBERS):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DESCRIPTION:
            return tier.description
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MEMBERS:
            return self.tr("Active members; members who left or were removed are not counted")
        return None

    def current_tier(self) -> Tier | None:
        tier: Tier | None = self.table.current_row()
        return tier

    def select_tier(self, tier_id: int) -> None:
        self.table.select_id(tier_id)

    def _update_buttons(self) -> None:
        tier = self.current_tier()
        row = self.table.row_of(tier.id) if tier is not None else -1
        self.edit_button.setEnabled(tier is not None)
        self.remove_button.setEnabled(tier is not None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.row_count() - 1)

    # --- actions ---------------------------------------------------------------------------

    def _after_write(self, tier_id: int | None) -> None:
        self.error.clear_error()
        self.refresh()
        if tier_id is not None:
            self.table.select_id(tier_id)
        self.changed.emit()

    def add_tier(self) -> None:
        self._write_in_dialog(None)

    def edit_tier(self) -> None:
        if (tier := self.current_tier()) is not None:
            self._write_in_dialog(tier)

    def _write_in_dialog(self, tier: Tier | None) -> None:
        """The tier dialog, new (None) or editing ``tier``; what it wrote is selected."""
        dialog = TierDialog(tier, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(dialog.tier_id)

    def move_up(self) -> None:
        self.move(-1)

    def move_down(self) -> None:
        self.move(1)

    def move(self, step: int) -> None:
        """Move the selected tier one place up (``step`` -1) or down (+1)."""
        tier = self.current_tier()
        if tier is None:
            return
        try:
            tiers.move_tier(tier.id, tier.rank + step)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._after_write(tier.id)

    def remove_tier(self) -> None:
        """Remove the selected tier, asking where its members go.

        With only three tiers left the core refuses at once (nothing is written): the refusal
        is shown here instead of a dialog that could not succeed.
        """
        tier = self.current_tier()
        if tier is None:
            return
        if len(self._tiers) <= tiers.MIN_TIERS:
            try:
                tiers.delete_tier(tier.id)
            except HuoqunError as exc:
                self.error.show_error(exc)
                return
            self._after_write(None)
            return
        others = [t for t in self._tiers.values() if t.id != tier.id]
        active = self._counts.get(tier.id, 0)  # as the table shows it
        dialog = RemoveTierDialog(tier, active, tiers.members_in_tier(tier.id), others, self)
        if accepted(self._run_dialog, dialog):
            self._after_write(None)
