"""Promote or demote one member: from → to (one tier by default), and why (optional)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.core import candidates
from app.core import members as core_members
from app.core.tiers import get_tier
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.swatch import swatch

PROMOTION = "promotion"


class TierMoveDialog(FormDialog):
    """Accept a promotion or demotion suggestion: the tier it goes to and the reason.

    The nearest tier up (or down) is chosen; the operator may pick another. The reason is
    prefilled with what the suggestion was based on and may be changed or left empty.
    """

    def __init__(
        self, member_id: int, name: str, kind: str, reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("tierMoveError", "tierMoveOkButton", parent, min_width=560)
        self.setObjectName("tierMoveDialog")
        self.member_id = member_id
        self.kind = kind
        self.name = name
        current = get_tier(core_members.get_member(member_id).tier_id)
        self.before = current.name
        up = kind == PROMOTION
        self.setWindowTitle(
            (self.tr("Promote {name}") if up else self.tr("Demote {name}")).format(name=name)
        )
        self.from_label = QLabel(f"{current.rank} · {current.name}")
        self.from_label.setObjectName("tierMoveFrom")
        colour = QLabel()
        colour.setPixmap(swatch(current.colour).pixmap(12, 12))
        from_row = QHBoxLayout()
        from_row.addWidget(colour)
        from_row.addWidget(self.from_label, 1)
        self.to_combo = QComboBox()
        self.to_combo.setObjectName("tierMoveTo")
        for tier in candidates.move_targets(member_id, kind):
            self.to_combo.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
        self.to_combo.setCurrentIndex(0)  # one tier: the nearest
        self.reason_edit = QLineEdit(reason)
        self.reason_edit.setObjectName("tierMoveReason")
        self.reason_edit.setPlaceholderText(self.tr("Why (optional)"))
        self.reason_edit.setClearButtonEnabled(True)
        self.reason_edit.setCursorPosition(0)  # read from the start
        self.form.addRow(self.tr("From:"), from_row)
        self.form.addRow(self.tr("To:"), self.to_combo)
        self.form.addRow(self.tr("Reason:"), self.reason_edit)
        self.set_summary(
            self.tr("One tier up by default; pick another tier if you mean it.")
            if up
            else self.tr("One tier down by default; pick another tier if you mean it.")
        )
        self.ok_button.setText(self.tr("Promote") if up else self.tr("Demote"))
        self.ok_button.setFocus()

    def apply(self) -> None:
        target = self.to_combo.currentData()
        reason = self.reason_edit.text().strip()
        if self.kind == PROMOTION:
            moved = candidates.accept_promotion(self.member_id, reason, to_tier_id=target)
        else:
            moved = candidates.accept_demotion(self.member_id, reason, to_tier_id=target)
        self.outcome = self.tr("{name} moved from “{before}” to “{after}”.").format(
            name=self.name, before=self.before, after=moved.name
        )
