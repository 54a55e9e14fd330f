"""The import wizard: a roster file into a group, previewed before anything is written.

Pages: the file and the group; how the file was read (encoding, delimiter, header row) and
which column is which; the dry run (counts and every invalid row). "Import" runs the write
off the UI thread, in one transaction, with progress and Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
    QWizard,
)

from app.core.errors import Cancelled, HuoqunError
from app.io import roster_import
from app.io.roster_import import ImportPreview, ImportResult, RosterFile
from app.ui.dialogs.import_pages import FilePage, MappingPage, PreviewPage
from app.ui.jobs import run_job
from app.ui.qt import error_text


class ImportWizard(QWizard):
    """Three pages, then the import; ``result`` holds what was written (None if nothing)."""

    def __init__(self, group_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(960, 680)
        self.roster: RosterFile | None = None
        self.preview: ImportPreview | None = None
        self.result_: ImportResult | None = None
        self.file_page = FilePage(self, group_name)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    # --- reading and previewing (called by the pages) ------------------------------------

    def read(self, path: Path, encoding: str | None, delimiter: str | None, header: int | None):
        """Read the file with these choices; raises ``HuoqunError`` in the person's words."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.roster = roster_import.read_roster(path, encoding, delimiter, header)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.roster

    def make_preview(self, mark_left: bool, skip_invalid: bool) -> ImportPreview:
        """The dry run with the pages' choices; writes nothing."""
        assert self.roster is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.preview = roster_import.preview(
                self.roster,
                self.mapping_page.mapping(),
                self.file_page.group_name(),
                self.file_page.platform(),
                mark_left=mark_left,
                skip_invalid=skip_invalid,
                preset=self.mapping_page.preset(),
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.preview

    def choose_report_path(self) -> str:
        """Where to save the invalid-row report ("" when cancelled); tests replace this."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / "import-report.csv"), "*.csv"
        )
        return path

    def choose_file(self) -> str:
        """The roster file to import ("" when cancelled); tests replace this."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            str(Path.home()),
            self.tr("Rosters (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
        )
        return path

    # --- importing -------------------------------------------------------------------------

    def accept(self) -> None:
        """ "Import": write in the background; the wizard closes when it is done."""
        preview = self.preview
        if preview is None or not preview.can_apply:
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.preview_page.note.clear()
        title = self.tr("Remove {member} from {group}")
        self._job = run_job(
            self,
            self.tr("Importing %n row(s)…", "", len(preview.roster.rows)),
            lambda progress: roster_import.apply(preview, progress, title),
            self._imported,
            self._failed,
        )
        self._job.finished.connect(self._job_ended)

    def _job_ended(self) -> None:
        if self.result_ is None:  # cancelled or refused: the person may try again
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            if not self.preview_page.error.isVisible():
                self.preview_page.note.setText(self.tr("Cancelled; nothing was written."))

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.result_ = result
        super().accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, HuoqunError):
            self.preview_page.error.show_error(error_text(exc))
        elif not isinstance(exc, Cancelled):
            self.preview_page.error.show_error(
                self.tr("The import failed and nothing was written: {error}").format(error=exc)
            )

    def summary(self) -> str:
        """What the import did, in a sentence, for the panel that opened the wizard."""
        result = self.result_
        if result is None:
            return ""
        return self.tr(
            "Imported into {group}: {new} new, {updated} updated, {left} marked left."
        ).format(
            group=self.file_page.group_name(),
            new=result.new,
            updated=result.updated,
            left=result.marked_left,
        )


def run_import_wizard(parent: QWidget, group_name: str = "") -> ImportResult | None:
    """Open the wizard modally; what was imported, or None."""
    wizard = ImportWizard(group_name, parent)
    try:
        wizard.exec()
        return wizard.result_
    finally:
        wizard.deleteLater()
