"""The import wizard's last page: the dry run's counts, its problems, and the choices."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.core import roster_import
from app.core.errors import ERRORS_CONTEXT
from app.ui.error_messages import REFUSALS
from app.ui.imports.page_parts import SHOWN_NOTES, ImportPage, fill_table, read_only_table
from app.ui.jobs import failure_text
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.roster_changes_view import RosterChangesView

if TYPE_CHECKING:
    from app.ui.imports.import_wizard import ImportWizard


class PreviewPage(ImportPage):
    """The dry run: counts, every invalid row, and the two choices that change the import."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("What the import would do"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.changes_view = RosterChangesView()
        self.changes_view.setObjectName("importChangesPreview")
        self.mark_left = QCheckBox(
            self.tr("Mark members of the group who are not in the file as left")
        )
        self.mark_left.setObjectName("importMarkLeft")
        self.skip_invalid = QCheckBox(self.tr("Import only the valid rows"))
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.invalid_caption = QLabel(self.tr("Invalid rows (not imported):"))
        self.invalid_table = read_only_table("importInvalid")
        self.warnings_caption = QLabel(self.tr("Cells left empty (their rows are imported):"))
        self.warnings_table = read_only_table("importWarnings")
        self.save_report = QPushButton(self.tr("Save the report…"))
        self.save_report.setObjectName("importSaveReport")
        self.save_report.clicked.connect(self._save_report)
        self.report_full_phones = QCheckBox(self.tr("Full phone numbers in the report"))
        self.report_full_phones.setObjectName("importReportFullPhones")
        self.report_full_phones.setToolTip(
            self.tr("Unticked, phones read 138****1234: enough to recognise, not to misuse")
        )
        self.note = QLabel()
        self.note.setObjectName("importNote")
        self.note.setWordWrap(True)
        self.error = ErrorLabel("importError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.changes_view)
        layout.addWidget(self.mark_left)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.invalid_caption)
        layout.addWidget(self.invalid_table, 10)
        layout.addWidget(self.warnings_caption)
        layout.addWidget(self.warnings_table, 10)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_report)
        buttons.addWidget(self.report_full_phones)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)  # keeps the lines together when there is no invalid row
        self.mark_left.toggled.connect(self._recount)
        self.skip_invalid.toggled.connect(self._recount)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self._show_choices(False, False)  # as the dry run was made, with no new one
        self.note.clear()
        self.error.clear_error()
        self._show()

    def _show_choices(self, mark_left: bool, skip_invalid: bool) -> None:
        for box, checked in ((self.mark_left, mark_left), (self.skip_invalid, skip_invalid)):
            box.blockSignals(True)
            box.setChecked(checked)
            box.blockSignals(False)

    def _put_back_choices(self) -> None:
        """The boxes as the dry run shown was made (after a failed or cancelled recount)."""
        preview = self._wizard.preview
        if preview is not None:
            self._show_choices(preview.mark_left, preview.skip_invalid)

    def _recount(self) -> None:
        """The dry run again with the boxes as ticked (in the background)."""
        if self._wizard.busy():
            self._put_back_choices()
            return
        self.error.clear_error()
        self._wizard.make_preview(
            self.mark_left.isChecked(),
            self.skip_invalid.isChecked(),
            lambda _preview: self._show(),
            self._recount_failed,
            self._put_back_choices,
        )

    def _recount_failed(self, exc: Exception) -> None:
        self._put_back_choices()
        self.error.show_error(failure_text(exc))

    def _show(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        group = (
            preview.group_name
            if preview.group_exists
            else self.tr("{name} (new)").format(name=preview.group_name)
        )
        lines = [
            self.tr(
                "Into {group}: {new} new, {updated} updated, {unchanged} unchanged, "
                "{invalid} invalid."
            ).format(
                group=group,
                new=preview.new,
                updated=preview.updated,
                unchanged=preview.unchanged,
                invalid=preview.invalid,
            )
        ]
        if preview.mark_left:
            lines.append(
                self.tr(
                    "%n member(s) not in the file will be marked as left.",
                    "",
                    len(preview.marked_left),
                )
            )
        if preview.banned_returning:
            names = "、".join(ref.name for ref in preview.banned_returning[:10])
            lines.append(
                self.tr(
                    "Banned members in this file: {names}. They are flagged, not unbanned."
                ).format(names=names)
            )
        if preview.invalid and not preview.skip_invalid:
            lines.append(
                self.tr(
                    "The file has invalid rows: it is refused as a whole unless you import "
                    "only the valid rows."
                )
            )
        if preview.warnings:
            lines.append(
                self.tr(
                    "%n cell(s) could not be read and will be left empty; their rows are imported.",
                    "",
                    len(preview.warnings),
                )
            )
        if preview.unmapped:
            lines.append(
                self.tr(
                    "{columns} will not be imported. To import a column, go back and choose "
                    "its field."
                ).format(columns=self.tr(", ").join(preview.unmapped))
            )
        self.counts.setText("\n".join(lines))
        self.changes_view.show_changes(preview.changes, dry_run=True)
        has_invalid = preview.invalid > 0
        self.skip_invalid.setVisible(has_invalid)
        self.save_report.setVisible(has_invalid or bool(preview.warnings))
        self.report_full_phones.setVisible(has_invalid or bool(preview.warnings))
        self.invalid_caption.setVisible(has_invalid)
        self.invalid_table.setVisible(has_invalid)
        self.warnings_caption.setVisible(bool(preview.warnings))
        self.warnings_table.setVisible(bool(preview.warnings))
        self.mark_left.setEnabled(preview.group_exists)
        self.mark_left.setToolTip(
            "" if preview.group_exists else self.tr("A new group has no members to mark as left.")
        )
        for table, notes in (
            (self.invalid_table, preview.invalid_rows),
            (self.warnings_table, preview.warnings),
        ):
            rows = [
                [
                    str(row.line),
                    row.column,
                    QCoreApplication.translate(ERRORS_CONTEXT, row.template).format(**row.params),
                ]
                for row in notes[:SHOWN_NOTES]
            ]
            if len(notes) > SHOWN_NOTES:
                more = len(notes) - SHOWN_NOTES
                rows.append(["", "", self.tr("…and %n more: save the report for all.", "", more)])
            fill_table(table, [self.tr("Line"), self.tr("Column"), self.tr("Reason")], rows)
            table.setColumnWidth(0, 60)
            table.setColumnWidth(1, 140)
        self.completeChanged.emit()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        """The last page until imported (its Finish is "Import"), then the result."""
        wizard = self._wizard
        return getattr(wizard, "result_page_id", -1) if wizard.result_ is not None else -1

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        preview = self._wizard.preview
        return preview is not None and preview.can_apply and not self._wizard.busy()

    def _save_report(self) -> None:
        preview = self._wizard.preview
        path = self._wizard.choose_report_path()
        if preview is None or not path:
            return
        try:
            roster_import.write_report_csv(
                preview, Path(path), full_phones=self.report_full_phones.isChecked()
            )
        except REFUSALS as exc:
            self.note.clear()
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.note.setText(self.tr("Saved the report to {file}.").format(file=Path(path).name))
