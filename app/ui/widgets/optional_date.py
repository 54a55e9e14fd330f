"""A date field that may also be empty: a check box turns the date on or off."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from app.core import clock


def local_date(moment: datetime | None) -> date | None:
    """The local calendar day of a stored (naive UTC) time."""
    return None if moment is None else clock.local_date(moment)


def stored_moment(day: date | None) -> datetime | None:
    """Local midnight of ``day`` as naive UTC, ready to store."""
    if day is None:
        return None
    return clock.local_day_start(day)


class OptionalDateEdit(QWidget):
    """A ``QDateEdit`` with a check box in front; unchecked means "no date"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.check.setToolTip(self.tr("Untick to leave the date empty"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1990, 1, 1))
        self.edit.setMaximumDate(QDate(2100, 12, 31))
        self.edit.setSpecialValueText(self.tr("No date"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)
        self._last = QDate.currentDate()
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.set_date(None)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on:
            self.edit.setDate(self._last)
        else:
            if self.edit.date() != self.edit.minimumDate():
                self._last = self.edit.date()
            self.edit.setDate(self.edit.minimumDate())
        self.changed.emit()

    def set_date(self, day: date | None) -> None:
        """Show ``day``, or no date."""
        if day is not None:
            self._last = QDate(day.year, day.month, day.day)
        self.check.blockSignals(True)
        self.check.setChecked(day is not None)
        self.check.blockSignals(False)
        self.edit.setEnabled(day is not None)
        self.edit.setDate(self._last if day is not None else self.edit.minimumDate())

    def date(self) -> date | None:
        """The chosen day, or ``None`` when the date is left empty."""
        if not self.check.isChecked():
            return None
        value = self.edit.date()
        return date(value.year(), value.month(), value.day())
