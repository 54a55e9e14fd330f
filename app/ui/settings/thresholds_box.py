"""Settings: the thresholds the group health diagnosis uses, edited and saved together."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import health_thresholds
from app.core.errors import HuoqunError
from app.ui.widgets.controls import NOTICE_STYLE
from app.ui.widgets.error_label import ErrorLabel


def spin_grid(labels: dict[str, str]) -> tuple[QGridLayout, dict[str, QAbstractSpinBox]]:
    """A spin box per threshold, two a row beside their labels, offering only what the core
    accepts (a share in per cent)."""
    spins: dict[str, QAbstractSpinBox] = {}
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    for position, (key, text) in enumerate(labels.items()):
        spin: QAbstractSpinBox
        low, high = health_thresholds.THRESHOLDS[key]
        if key in health_thresholds.SHARES:
            spin = QDoubleSpinBox()
            spin.setRange(low * 100, high * 100)
            spin.setDecimals(0)
            spin.setSuffix(" %")
        else:
            spin = QSpinBox()
            spin.setRange(int(low), int(high))  # a cadence of 0 days cannot be typed
        spin.setObjectName(f"threshold_{key}")
        spin.setFixedWidth(110)
        spins[key] = spin
        row, pair = divmod(position, 2)
        label = QLabel(text)
        label.setBuddy(spin)
        grid.addWidget(label, row, pair * 2)
        grid.addWidget(spin, row, pair * 2 + 1)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return grid, spins


def show_values(spins: dict[str, QAbstractSpinBox], values: dict[str, Any]) -> None:
    """Put the stored values in the spin boxes (shares in per cent)."""
    for key, spin in spins.items():
        value = values.get(key, 0)
        if isinstance(spin, QDoubleSpinBox):
            spin.setValue(float(value) * 100)
        elif isinstance(spin, QSpinBox):
            spin.setValue(int(value))


def values_of(spins: dict[str, QAbstractSpinBox]) -> dict[str, int | float]:
    """What the spin boxes say, in the units the core stores."""
    out: dict[str, int | float] = {}
    for key, spin in spins.items():
        if isinstance(spin, QDoubleSpinBox):
            out[key] = round(spin.value() / 100, 4)
        elif isinstance(spin, QSpinBox):
            out[key] = spin.value()
    return out


class ThresholdsBox(QGroupBox):
    """One spin box per threshold; Save stores them all or says why not, in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsBox")
        self.setTitle(self.tr("Group health"))
        labels = {
            "group_cadence_days": self.tr("Default interaction cadence (days):"),
            "silence_multiplier": self.tr("Silent after this many cadences:"),
            "helper_span_target": self.tr("Members per helper, at most:"),
            "second_level_min_members": self.tr("Members before a group needs a helper:"),
            "helper_neglect_days": self.tr("Helper neglected after (days):"),
            "open_violation_days": self.tr("Violation left open too long after (days):"),
            "meetup_window_days": self.tr("A meetup at least every (days):"),
            "silent_members_share": self.tr("Mostly silent above this share of members:"),
            "silent_members_days": self.tr("A member is silent after (days):"),
        }
        grid, self.spins = spin_grid(labels)
        self.save_button = QPushButton(self.tr("Save thresholds"))
        self.save_button.setObjectName("saveThresholdsButton")
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setObjectName("thresholdsNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.error = ErrorLabel("thresholdsError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice, 1)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored thresholds."""
        show_values(self.spins, health_thresholds.thresholds())
        self.notice.clear()
        self.error.clear_error()

    def values(self) -> dict[str, int | float]:
        """What the spin boxes say, in the units the core stores."""
        return values_of(self.spins)

    def save(self) -> bool:
        """Store every threshold, or show why not and store nothing."""
        self.notice.clear()
        try:
            health_thresholds.set_thresholds(**self.values())
        except HuoqunError as exc:
            self.error.show_error(exc)
            return False
        self.error.clear_error()
        self.notice.setText(self.tr("Saved."))
        return True
