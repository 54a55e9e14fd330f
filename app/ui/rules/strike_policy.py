"""The strike policy: the escalation ladder (at N strikes, do this) and when strikes expire."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import violations
from app.core.errors import HuoqunError
from app.core.violations import LadderStep
from app.ui.labels import ACTIONS, label
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE
from app.ui.widgets.error_label import ErrorLabel

MAX_STRIKES = 99
MAX_EXPIRY_DAYS = 3650


class LadderRow:
    """The widgets of one step: its strike count, its action and a remove button."""

    def __init__(self, strikes_spin: QSpinBox, action_combo: QComboBox, remove: QPushButton):
        self.strikes_spin = strikes_spin
        self.action_combo = action_combo
        self.remove_button = remove

    def step(self) -> LadderStep:
        return LadderStep(self.strikes_spin.value(), str(self.action_combo.currentData()))


class StrikePolicyEditor(QWidget):
    """Edit the ladder and the expiry; Save writes both at once, a refusal is shown here."""

    changed = Signal()  # the policy was saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strikePolicy")
        self.rows: list[LadderRow] = []
        intro = QLabel(
            self.tr(
                "Each violation adds its rule's strike points to the member's count. When "
                "logging a violation, Huoqun suggests the action of the highest step the new "
                "count reaches. Strikes expire, so old mistakes stop counting."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)

        self.ladder_box = QGroupBox(self.tr("Escalation ladder"))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(3, 1)  # the steps keep their size; the room is on the right
        self.grid.addWidget(QLabel(self.tr("At strike")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Suggested action")), 0, 1)
        self.add_button = QPushButton(self.tr("Add step"))
        self.add_button.setObjectName("addStepButton")
        self.add_button.clicked.connect(lambda _c=False: self.add_step())
        box_layout = QVBoxLayout(self.ladder_box)
        box_layout.addLayout(self.grid)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        box_layout.addLayout(add_row)

        self.expiry_spin = QSpinBox()
        self.expiry_spin.setObjectName("expiryDays")
        self.expiry_spin.setRange(0, MAX_EXPIRY_DAYS)
        self.expiry_spin.setSuffix(self.tr(" days"))
        self.expiry_spin.setToolTip(self.tr("A violation stops counting as a strike after this"))
        self.expiry_spin.setMinimumWidth(self.expiry_spin.fontMetrics().horizontalAdvance("m" * 10))
        expiry_form = QFormLayout()
        expiry_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        expiry_form.addRow(self.tr("Strikes expire after:"), self.expiry_spin)

        self.error = ErrorLabel("strikePolicyError")
        self.saved_label = QLabel(self.tr("Saved."))
        self.saved_label.setObjectName("strikePolicySaved")
        self.saved_label.setStyleSheet(NOTICE_STYLE)
        self.saved_label.hide()
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertPolicyButton")
        self.revert_button.clicked.connect(lambda _c=False: self.refresh())
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePolicyButton")
        self.save_button.clicked.connect(lambda _c=False: self.save())
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        column = QVBoxLayout()
        column.addWidget(intro)
        column.addWidget(self.ladder_box)
        column.addLayout(expiry_form)
        column.addWidget(self.error)
        column.addLayout(buttons)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addLayout(column, 3)
        outer.addStretch(1)

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the stored policy (throwing away unsaved edits)."""
        self._clear_rows()
        for step in violations.ladder():
            self.add_step(step)
        self.expiry_spin.setValue(violations.expiry_days())
        self.error.clear_error()
        self.saved_label.hide()

    def _clear_rows(self) -> None:
        for row in self.rows:
            for widget in (row.strikes_spin, row.action_combo, row.remove_button):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []

    def add_step(self, step: LadderStep | None = None) -> LadderRow:
        """Add a step at the bottom (by default one strike above the last step)."""
        if step is None:
            last = self.rows[-1].strikes_spin.value() if self.rows else 0
            step = LadderStep(min(last + 1, MAX_STRIKES), violations.ACTIONS[-1])
        number = len(self.rows)
        spin = QSpinBox()
        spin.setObjectName(f"stepStrikes{number}")
        spin.setRange(1, MAX_STRIKES)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("9999") + 40)
        spin.setValue(step.strikes)
        combo = QComboBox()
        combo.setObjectName(f"stepAction{number}")
        for code in violations.ACTIONS:
            combo.addItem(label(ACTIONS, code), code)
        combo.setCurrentIndex(max(0, combo.findData(step.action)))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"removeStep{number}")
        row = LadderRow(spin, combo, remove)
        remove.clicked.connect(lambda _c=False, r=row: self.remove_step(r))
        self.rows.append(row)
        grid_row = len(self.rows)
        self.grid.addWidget(spin, grid_row, 0)
        self.grid.addWidget(combo, grid_row, 1)
        self.grid.addWidget(remove, grid_row, 2, Qt.AlignmentFlag.AlignLeft)
        spin.valueChanged.connect(lambda _v: self.saved_label.hide())
        combo.currentIndexChanged.connect(lambda _i: self.saved_label.hide())
        self.saved_label.hide()
        return row

    def remove_step(self, row: LadderRow) -> None:
        """Drop a step; the rows below move up."""
        steps = [r.step() for r in self.rows if r is not row]
        self._clear_rows()
        for step in steps:
            self.add_step(step)
        self.saved_label.hide()

    def steps(self) -> list[LadderStep]:
        """The ladder as shown, top to bottom."""
        return [row.step() for row in self.rows]

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the ladder and expiry; a refusal is shown here and nothing is written."""
        try:
            violations.set_ladder(self.steps(), self.expiry_spin.value())
        except HuoqunError as exc:
            self.saved_label.hide()
            self.error.show_error(exc)
            return False
        self.error.clear_error()
        self.refresh()
        self.saved_label.show()
        self.changed.emit()
        return True
