"""Settings' "Today's plan": how many items the plan holds and the working hour suggestions
fall due at (PRODUCT.md §3, Today and Queue)."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.core import daily_plan
from app.core.errors import HuoqunError
from app.ui.changes import Change, announce
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE
from app.ui.widgets.error_label import ErrorLabel


class DailyPlanBox(QGroupBox):
    """The plan's size and the working hour, saved together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Today's plan"), parent)
        self.setObjectName("dailyPlanBox")
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("dailyPlanSize")
        self.size_spin.setRange(*daily_plan.SIZE_RANGE)
        self.hour_edit = QTimeEdit()
        self.hour_edit.setObjectName("workingHour")
        self.hour_edit.setDisplayFormat("HH:mm")
        for field in (self.size_spin, self.hour_edit):
            field.setMinimumWidth(120)
            field.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        explain = QLabel(
            self.tr(
                "Today leads with a short list to finish in a sitting: your tasks due first, "
                "then the most useful suggestions. Suggestions fall due at your working hour."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(HINT_STYLE)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveDailyPlanButton")
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setObjectName("dailyPlanNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.error = ErrorLabel("dailyPlanError")
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow(self.tr("Items in today's plan:"), self.size_spin)
        form.addRow(self.tr("Working hour:"), self.hour_edit)
        form.addRow(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice, 1)
        form.addRow(buttons)

    def refresh(self) -> None:
        """Show the stored size and working hour."""
        self.size_spin.setValue(daily_plan.plan_size())
        hour = daily_plan.working_hour()
        self.hour_edit.setTime(QTime(hour.hour, hour.minute))
        self.notice.clear()
        self.error.clear_error()

    def save(self) -> bool:
        """Store both, or show why not and store nothing."""
        self.notice.clear()
        try:
            daily_plan.set_plan_settings(
                self.size_spin.value(), self.hour_edit.time().toString("HH:mm")
            )
        except HuoqunError as exc:
            self.error.show_error(exc)
            return False
        self.error.clear_error()
        announce(Change.SETTINGS | Change.TASKS, self)  # Settings redraws: say it after
        self.notice.setText(self.tr("Saved."))
        return True
