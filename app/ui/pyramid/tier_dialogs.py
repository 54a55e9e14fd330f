"""Small dialogs of the Pyramid panel: edit or remove a tier, move one member, log care.

Each dialog writes when its button is pressed; a refusal is shown in the dialog, which stays
open, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.core import care, database, tiers
from app.core import members as core_members
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.swatch import swatch

if TYPE_CHECKING:
    from app.core.tiers import Tier

DEFAULT_CADENCE = 14


class TierDialog(FormDialog):
    """Add a tier (``tier`` None, placed at the bottom) or edit one."""

    def __init__(self, tier: Tier | None = None, parent: QWidget | None = None) -> None:
        super().__init__("tierDialogError", "tierDialogOkButton", parent)
        self.setObjectName("tierDialog")
        self.tier_id = tier.id if tier is not None else None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("tierNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Helpers"))
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("tierDescriptionEdit")
        self.description_edit.setPlaceholderText(self.tr("Who belongs here, in a few words"))
        self.colour_edit = QLineEdit()
        self.colour_edit.setObjectName("tierColourEdit")
        self.colour_edit.setPlaceholderText("#rrggbb")
        self.colour_edit.setMaxLength(7)
        self.colour_edit.setMaximumWidth(self.colour_edit.fontMetrics().horizontalAdvance("m" * 8))
        self.colour_edit.textChanged.connect(self._show_colour)
        self.colour_sample = QLabel()
        self.colour_sample.setFixedSize(22, 22)
        self.colour_button = QPushButton(self.tr("Choose…"))
        self.colour_button.setObjectName("tierColourButton")
        self.colour_button.clicked.connect(self._choose_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_sample)
        colour_row.addWidget(self.colour_edit)
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        self.checkin_check = QCheckBox(self.tr("Check in with them every"))
        self.checkin_check.setObjectName("tierCheckinCheck")
        self.checkin_check.setToolTip(
            self.tr("Members of a tier with a check-in cadence appear in the helper care list")
        )
        self.checkin_spin = QSpinBox()
        self.checkin_spin.setObjectName("tierCheckinSpin")
        self.checkin_spin.setRange(1, 365)
        self.checkin_spin.setSuffix(self.tr(" days"))
        self.checkin_spin.setValue(DEFAULT_CADENCE)
        self.checkin_check.toggled.connect(self.checkin_spin.setEnabled)
        checkin_row = QHBoxLayout()
        checkin_row.addWidget(self.checkin_check)
        checkin_row.addWidget(self.checkin_spin)
        checkin_row.addStretch(1)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.form.addRow(self.tr("Description:"), self.description_edit)
        self.form.addRow(self.tr("Colour:"), colour_row)
        self.form.addRow(self.tr("Check-ins:"), checkin_row)
        if tier is None:
            self.setWindowTitle(self.tr("Add a tier"))
            self.set_summary(self.tr("The new tier goes to the bottom; move it up afterwards."))
            self.ok_button.setText(self.tr("Add tier"))
            self.colour_edit.setText("#888888")
            self.checkin_check.setChecked(False)
        else:
            self.setWindowTitle(self.tr("Edit tier: {name}").format(name=tier.name))
            self.ok_button.setText(self.tr("Save"))
            self.name_edit.setText(tier.name)
            self.description_edit.setText(tier.description)
            self.colour_edit.setText(tier.colour)
            self.checkin_check.setChecked(tier.checkin_days is not None)
            if tier.checkin_days is not None:
                self.checkin_spin.setValue(tier.checkin_days)
        self.checkin_spin.setEnabled(self.checkin_check.isChecked())
        # a new tier starts at the name; an existing one opens with no field to type over
        (self.name_edit if tier is None else self.ok_button).setFocus()

    def _show_colour(self, text: str) -> None:
        colour = QColor(text.strip())
        shown = colour.name() if colour.isValid() else "transparent"
        self.colour_sample.setStyleSheet(f"background: {shown}; border: 1px solid #777;")

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self.colour_edit.text()), self, self.tr("Tier colour")
        )
        if chosen.isValid():
            self.colour_edit.setText(chosen.name())

    def checkin_days(self) -> int | None:
        return self.checkin_spin.value() if self.checkin_check.isChecked() else None

    def apply(self) -> None:
        fields = {
            "name": self.name_edit.text(),
            "description": self.description_edit.text(),
            "colour": self.colour_edit.text().strip(),
            "checkin_days": self.checkin_days(),
        }
        if self.tier_id is None:
            self.tier_id = tiers.create_tier(**fields).id
        else:
            tiers.update_tier(self.tier_id, **fields)


class RemoveTierDialog(FormDialog):
    """Remove a tier; when members are in it, ask which tier they move to.

    ``active`` is the count the tiers table shows (active members); ``member_count`` counts
    every member of the tier, who all move (those who left or were removed too).
    """

    def __init__(
        self,
        tier: Tier,
        active: int,
        member_count: int,
        others: Sequence[Tier],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("tierDialogError", "tierDialogOkButton", parent)
        self.setObjectName("removeTierDialog")
        self.tier_id = tier.id
        self.tier_name = tier.name
        self.member_count = member_count
        self.moved = 0
        self.setWindowTitle(self.tr("Remove tier: {name}").format(name=tier.name))
        self.move_combo = QComboBox()
        self.move_combo.setObjectName("moveToCombo")
        for other in others:
            self.move_combo.addItem(swatch(other.colour), f"{other.rank} · {other.name}", other.id)
        target = tiers.default_move_to(tier.id)  # one tier down; the bottom one goes up one
        if target is not None:
            self.move_combo.setCurrentIndex(max(0, self.move_combo.findData(target.id)))
        if member_count:
            if member_count == active:
                summary = self.tr(
                    "%Ln active member(s) in “{name}”. Choose the tier they move to; the tier "
                    "is then removed.",
                    "",
                    active,
                )
            else:
                summary = self.tr(
                    "%Ln active member(s) in “{name}”, plus {more} no longer active (left, "
                    "removed or banned). Choose the tier they all move to; the tier is then "
                    "removed.",
                    "",
                    active,
                )
            more = self.locale().toString(member_count - active)
            self.set_summary(summary.format(name=tier.name, more=more))
            self.form.addRow(self.tr("Move them to:"), self.move_combo)
        else:
            self.move_combo.hide()
            self.set_summary(
                self.tr("Remove the tier “{name}”? Nobody is in it.").format(name=tier.name)
            )
        self.ok_button.setText(self.tr("Remove tier"))

    def apply(self) -> None:
        move_to = self.move_combo.currentData() if self.member_count else None
        if self.member_count:
            database.backup_before("bulk")
        reason = self.tr("The tier “{name}” was removed").format(name=self.tier_name)
        self.moved = tiers.delete_tier(self.tier_id, move_to, reason)


class ChangeTierDialog(FormDialog):
    """Move one member to another tier, with an optional reason kept in the tier history."""

    def __init__(
        self, member_id: int, name: str, tier_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__("tierDialogError", "tierDialogOkButton", parent)
        self.setObjectName("changeTierDialog")
        self.member_id = member_id
        self.setWindowTitle(self.tr("Set tier: {name}").format(name=name))
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("changeTierCombo")
        for tier in tiers.list_tiers():
            self.tier_combo.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(tier_id)))
        self.from_label = QLabel(self.tier_combo.currentText())  # shown as from → to
        self.from_label.setObjectName("changeTierFrom")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("changeTierReason")
        self.reason_edit.setPlaceholderText(self.tr("Why (optional), e.g. runs the weekly quiz"))
        self.form.addRow(self.tr("From:"), self.from_label)
        self.form.addRow(self.tr("To:"), self.tier_combo)
        self.form.addRow(self.tr("Reason:"), self.reason_edit)
        self.ok_button.setText(self.tr("Set tier"))

    def apply(self) -> None:
        core_members.set_tier(
            [self.member_id], self.tier_combo.currentData(), self.reason_edit.text().strip()
        )


class CareNoteDialog(FormDialog):
    """Log a check-in or a recognition of one helper, with a note."""

    def __init__(
        self, member_id: int, name: str, recognition: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__("tierDialogError", "tierDialogOkButton", parent)
        self.setObjectName("careNoteDialog")
        self.member_id = member_id
        self.recognition = recognition
        self.how_combo = QComboBox()
        self.how_combo.setObjectName("recognitionCombo")
        words = {
            "thanks": self.tr("Public thanks"),
            "title": self.tr("A title or role"),
            "gift": self.tr("A gift"),
            "other": self.tr("Other"),
        }
        for code in care.RECOGNITIONS:
            self.how_combo.addItem(words.get(code, code), code)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("careNoteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().height() * 5)
        if recognition:
            self.setWindowTitle(self.tr("Recognise {name}").format(name=name))
            self.note_edit.setPlaceholderText(
                self.tr("What for, e.g. thanked in the group for running the book swap")
            )
            self.form.addRow(self.tr("How:"), self.how_combo)
            self.ok_button.setText(self.tr("Log recognition"))
        else:
            self.how_combo.hide()
            self.setWindowTitle(self.tr("Check in with {name}").format(name=name))
            self.note_edit.setPlaceholderText(
                self.tr("What you talked about, e.g. plans for the spring meetup")
            )
            self.ok_button.setText(self.tr("Log check-in"))
        self.form.addRow(self.tr("Note:"), self.note_edit)
        self.note_edit.setFocus()

    def apply(self) -> None:
        note = self.note_edit.toPlainText().strip()
        if self.recognition:
            care.log_recognition(self.member_id, note, how=self.how_combo.currentData())
        else:
            care.log_checkin(self.member_id, note)
