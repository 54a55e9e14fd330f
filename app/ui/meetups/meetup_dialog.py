"""A meetup's page: details, RSVPs, agenda, checklist, budget and roles; print and export.

Details are written with Save (a new meetup is created then, and the other tabs open up);
every change on the other tabs is written at once. Times are shown local and stored UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, meetups
from app.core import meetup_calendar as ics
from app.core.errors import HuoqunError
from app.core.groups import group_choices
from app.reports import meetup_plan
from app.shown_errors import is_shown
from app.ui.error_messages import REFUSALS, interface_language
from app.ui.jobs import run_job
from app.ui.labels import MEETUP_STATUSES, label
from app.ui.meetups.meetup_plan_tabs import AgendaTab, BudgetTab, ChecklistTab, RolesTab
from app.ui.meetups.meetup_rsvps import RsvpsTab
from app.ui.widgets.controls import NOTICE_STYLE, named_button, notice_label
from app.ui.widgets.error_label import ErrorLabel

TAB_DETAILS, TAB_RSVPS, TAB_AGENDA, TAB_CHECKLIST, TAB_BUDGET, TAB_ROLES = range(6)
GroupIdRole = Qt.ItemDataRole.UserRole + 1


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """A local date-time field's value as naive UTC."""
    day, time = value.date(), value.time()
    return clock.from_local(
        datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
    )


class MeetupDialog(QDialog):
    """Open meetup ``meetup_id``, or plan a new one on ``day`` (19:00–21:00 local)."""

    def __init__(
        self, meetup_id: int | None = None, day: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetupDialog")
        self.resize(820, 620)
        self.meetup_id = meetup_id
        self.changed = False
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("meetupTitle")
        self.title_edit.setPlaceholderText(self.tr("e.g. March book club meetup"))
        self.groups_list = QListWidget()
        self.groups_list.setObjectName("meetupGroups")
        self.groups_list.setMaximumHeight(120)
        self.start_edit = self._date_time("meetupStart")
        self.end_edit = self._date_time("meetupEnd")
        self.start_edit.dateTimeChanged.connect(self._start_moved)
        self.venue_edit = QLineEdit()
        self.venue_edit.setObjectName("meetupVenue")
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("meetupAddress")
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setObjectName("meetupCapacity")
        self.capacity_spin.setRange(0, meetups.MAX_CAPACITY)
        self.capacity_spin.setSpecialValueText(self.tr("No limit"))
        self.capacity_spin.setMinimumWidth(120)
        self.capacity_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("meetupStatus")
        for code in meetups.STATUSES:
            self.status_combo.addItem(label(MEETUP_STATUSES, code), code)
        self.status_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("meetupNotes")
        self.notes_edit.setTabChangesFocus(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveMeetupButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.details_error = ErrorLabel("meetupError")
        self.details_notice = QLabel()
        self.details_notice.setObjectName("meetupSaved")
        self.details_notice.setStyleSheet(NOTICE_STYLE)

        details = QWidget()
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Groups:"), self.groups_list)
        when_label = QLabel(self.tr("&When:"))
        when_label.setBuddy(self.start_edit)
        form.addRow(when_label, times)
        form.addRow(self.tr("&Venue:"), self.venue_edit)
        form.addRow(self.tr("&Address:"), self.address_edit)
        form.addRow(self.tr("&Capacity:"), self.capacity_spin)
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.details_notice, 1)
        save_row.addWidget(self.save_button)
        form.addRow(self.details_error)
        form.addRow(save_row)

        current = lambda: self.meetup_id  # noqa: E731 - the tabs ask for the id when they write
        self.rsvps_tab = RsvpsTab(current)
        self.agenda_tab = AgendaTab(current)
        self.checklist_tab = ChecklistTab(current)
        self.budget_tab = BudgetTab(current)
        self.roles_tab = RolesTab(current)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetupTabs")
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.rsvps_tab, self.tr("RSVPs"))
        self.tabs.addTab(self.agenda_tab, self.tr("Agenda"))
        self.tabs.addTab(self.checklist_tab, self.tr("Checklist"))
        self.tabs.addTab(self.budget_tab, self.tr("Budget"))
        self.tabs.addTab(self.roles_tab, self.tr("Roles"))
        for tab in self.plan_tabs():
            tab.changed.connect(self._tab_changed)

        self.print_button = named_button("printPlanButton", self.tr("Print…"), self.print_plan)
        self.pdf_button = named_button("savePlanPdfButton", self.tr("Save PDF…"), self.save_pdf)
        self.ics_button = named_button("exportIcsButton", self.tr("Export .ics…"), self.export_ics)
        self.full_phones = QCheckBox(self.tr("Full phone numbers"))
        self.full_phones.setObjectName("fullPhonesCheck")
        self.full_phones.setToolTip(
            self.tr("Print whole phone numbers on the sign-in sheet instead of masked ones")
        )
        self.close_button = named_button("closeMeetupButton", self.tr("Close"), self.accept)
        self.notice = notice_label("meetupNotice")
        self.error = ErrorLabel("meetupOutputError")
        bottom = QHBoxLayout()
        for widget in (self.print_button, self.pdf_button, self.ics_button, self.full_phones):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self._load(day)

    def _date_time(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd ddd HH:mm")
        return edit

    def plan_tabs(self) -> tuple[RsvpsTab, AgendaTab, ChecklistTab, BudgetTab, RolesTab]:
        return (
            self.rsvps_tab,
            self.agenda_tab,
            self.checklist_tab,
            self.budget_tab,
            self.roles_tab,
        )

    # --- loading -----------------------------------------------------------------------------

    def _load(self, day: date | None) -> None:
        chosen: set[int] = set()
        if self.meetup_id is None:
            day = day or clock.local_today()
            start = datetime(day.year, day.month, day.day, 19, 0)
            self.start_edit.setDateTime(to_qdatetime(start))
            self.end_edit.setDateTime(to_qdatetime(start + timedelta(hours=2)))
        else:
            meetup = meetups.get_meetup(self.meetup_id)
            self.title_edit.setText(meetup.title)
            self.start_edit.setDateTime(to_qdatetime(clock.to_local(meetup.start_at)))
            self.end_edit.setDateTime(to_qdatetime(clock.to_local(meetup.end_at)))
            self.venue_edit.setText(meetup.venue)
            self.address_edit.setText(meetup.address)
            self.capacity_spin.setValue(meetup.capacity or 0)
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(meetup.status)))
            self.notes_edit.setPlainText(meetup.notes)
            chosen = set(meetups.group_ids_of(self.meetup_id))
        self.groups_list.clear()
        listed = sorted(group_choices(), key=lambda g: g.id not in chosen)  # chosen first
        for group in listed:
            item = QListWidgetItem(group.name)
            item.setData(GroupIdRole, group.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = group.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.groups_list.addItem(item)
        self._show_state()
        for tab in self.plan_tabs():
            tab.refresh()

    def _show_state(self) -> None:
        exists = self.meetup_id is not None
        if exists:
            self.setWindowTitle(self.tr("Meetup: {title}").format(title=self.title_edit.text()))
        else:
            self.setWindowTitle(self.tr("New meetup"))
        self.save_button.setText(self.tr("Save") if exists else self.tr("Create"))
        for index in range(TAB_RSVPS, TAB_ROLES + 1):
            self.tabs.setTabEnabled(index, exists)
        for button in (self.print_button, self.pdf_button, self.ics_button, self.full_phones):
            button.setEnabled(exists)

    def _start_moved(self, value: QDateTime) -> None:
        """Keep the end after the start: a start moved past the end takes the end along."""
        if self.end_edit.dateTime() <= value:
            self.end_edit.setDateTime(value.addSecs(2 * 3600))

    # --- details -----------------------------------------------------------------------------

    def group_ids(self) -> list[int]:
        return [
            int(self.groups_list.item(n).data(GroupIdRole))
            for n in range(self.groups_list.count())
            if self.groups_list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def check_group(self, group_id: int, checked: bool = True) -> None:
        for n in range(self.groups_list.count()):
            item = self.groups_list.item(n)
            if item.data(GroupIdRole) == group_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def set_times(self, start: datetime, end: datetime) -> None:
        """Set the start and end (naive local), as typing them does."""
        self.start_edit.setDateTime(to_qdatetime(start))
        self.end_edit.setDateTime(to_qdatetime(end))

    def fields(self) -> dict[str, object]:
        capacity = self.capacity_spin.value()
        return {
            "title": self.title_edit.text().strip(),
            "start_at": from_qdatetime(self.start_edit.dateTime()),
            "end_at": from_qdatetime(self.end_edit.dateTime()),
            "group_ids": self.group_ids(),
            "venue": self.venue_edit.text().strip(),
            "address": self.address_edit.text().strip(),
            "capacity": capacity or None,
            "status": str(self.status_combo.currentData()),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def save(self) -> bool:
        """Create or update the meetup; a refusal shows under the form and writes nothing."""
        try:
            if self.meetup_id is None:
                meetup = meetups.create_meetup(**self.fields())  # type: ignore[arg-type]
                self.meetup_id = int(meetup.id)
                notice = self.tr("Created. Now add RSVPs, the agenda and the rest.")
            else:
                meetups.update_meetup(self.meetup_id, **self.fields())
                notice = self.tr("Saved.")
        except HuoqunError as exc:
            self.details_error.show_error(exc)
            return False
        self.details_error.clear_error()
        self.details_notice.setText(notice)
        self.changed = True
        self._show_state()
        for tab in self.plan_tabs():
            tab.refresh()  # capacity may have moved the waitlist; a new one has its checklist
        return True

    def _tab_changed(self) -> None:
        self.changed = True

    # --- print and export --------------------------------------------------------------------

    def render_plan(self, printer: QPrinter) -> None:
        """Draw the plan on ``printer`` (the preview's paintRequested)."""
        assert self.meetup_id is not None
        to_pdf = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        pdf_file = Path(printer.outputFileName()) if to_pdf and printer.outputFileName() else None
        meetup_plan.render_plan(
            printer,
            self.meetup_id,
            full_phones=self.full_phones.isChecked(),
            language=interface_language(),
            pdf_file=pdf_file,
        )

    def open_print_preview(self, printer: QPrinter) -> None:
        """Show the print preview of ``printer``; tests replace this."""
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("Print the plan"))
        preview.paintRequested.connect(self.render_plan)
        preview.resize(900, 760)
        preview.exec()
        preview.deleteLater()

    def print_plan(self) -> None:
        if self.meetup_id is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title_edit.text())
        self.open_print_preview(printer)

    def choose_pdf_path(self) -> Path | None:
        """Where to save the plan as PDF; None when cancelled. Tests replace this."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the plan as PDF"),
            f"{self.title_edit.text() or 'meetup'}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return Path(name).with_suffix(".pdf") if name else None

    def choose_ics_path(self) -> Path | None:
        """Where to export the meetup as iCalendar; None when cancelled. Tests replace this."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to a calendar"),
            f"{self.title_edit.text() or 'meetup'}.ics",
            self.tr("iCalendar files (*.ics)"),
        )
        return Path(name).with_suffix(".ics") if name else None

    def save_pdf(self) -> None:
        path, meetup_id = self.choose_pdf_path(), self.meetup_id
        if path is None or meetup_id is None:
            return
        self.error.clear_error()
        self.notice.clear()
        full, language = self.full_phones.isChecked(), interface_language()
        self._pdf_job = run_job(
            self,
            self.tr("Writing the plan…"),
            lambda _p: meetup_plan.write_plan_pdf(path, meetup_id, full, language),
            lambda pages: self.notice.setText(
                self.tr("Saved %n page(s) to {file}.", "", int(pages)).format(file=path.name)
            ),
            self._pdf_failed,
        )

    def _pdf_failed(self, exc: Exception) -> None:
        self.error.show_error(
            exc if is_shown(exc) else self.tr("Could not write the PDF: {error}").format(error=exc)
        )

    def export_ics(self) -> None:
        path = self.choose_ics_path()
        if path is None or self.meetup_id is None:
            return
        try:
            count = ics.export_ics(path, [self.meetup_id])
        except REFUSALS as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.notice.setText(
            self.tr("Exported %n meetup(s) to {file}.", "", count).format(file=path.name)
        )
