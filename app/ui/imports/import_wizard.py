"""The import wizard: a roster file into a group, previewed before anything is written.

Pages: the file and the group; how the file was read (encoding, delimiter, header row) and
which column is which; the dry run (counts, every invalid row, what would change since the
group's last roster); after the import, the result (what changed, each list to open).
Reading the file, the dry run and the import each run off the UI thread as a job
(``app.ui.jobs``), with progress and Cancel: a page starts the job and stays; when it
succeeds the wizard moves on by itself, a refusal is shown in place, and a Cancel leaves
everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
    QWizard,
)

from app.core import roster_import
from app.core.roster_import import ImportPreview, ImportResult, RosterFile
from app.shown_errors import is_shown
from app.ui.error_messages import error_text
from app.ui.imports.file_page import FilePage
from app.ui.imports.mapping_page import MappingPage
from app.ui.imports.preview_page import PreviewPage
from app.ui.imports.result_page import ResultPage
from app.ui.jobs import Progress
from app.ui.widgets.job_wizard import JobWizard


class ImportWizard(JobWizard):
    """Three pages, the import, then its result; ``result_`` holds what was written (None if
    nothing)."""

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
        self.preview_page.setCommitPage(True)  # no going back once imported
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.result_page_id = self.addPage(self.result_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))

    # --- jobs: reading, the dry run and the import -----------------------------------------

    def read(
        self,
        path: Path,
        encoding: str | None,
        delimiter: str | None,
        header: int | None,
        on_read: Callable[[RosterFile], None],
        on_failure: Callable[[Exception], None],
        on_cancel: Callable[[], None],
    ) -> None:
        """Read the file with these choices in the background; ``roster`` is set when read."""

        def work(progress: Progress) -> RosterFile:
            roster = roster_import.read_roster(path, encoding, delimiter, header)
            progress(1, 1)  # a Cancel pressed while the file was read is honoured here
            return roster

        def read(roster: RosterFile) -> None:
            self.roster = roster
            on_read(roster)

        self.run(
            self.tr("Reading {file}…").format(file=path.name), work, read, on_failure, on_cancel
        )

    def make_preview(
        self,
        mark_left: bool,
        skip_invalid: bool,
        on_done: Callable[[ImportPreview], None],
        on_failure: Callable[[Exception], None],
        on_cancel: Callable[[], None],
    ) -> None:
        """The dry run with the pages' choices, in the background; writes nothing.

        ``preview`` is set when it is done; a failure or a Cancel leaves it as it was.
        """
        roster = self.roster
        assert roster is not None
        mapping = self.mapping_page.mapping()
        group_name = self.file_page.group_name()
        platform = self.file_page.platform()
        preset = self.mapping_page.preset()

        def work(progress: Progress) -> ImportPreview:
            return roster_import.preview(
                roster,
                mapping,
                group_name,
                platform,
                mark_left=mark_left,
                skip_invalid=skip_invalid,
                preset=preset,
                progress=progress,
            )

        def done(preview: ImportPreview) -> None:
            self.preview = preview
            on_done(preview)

        self.run(
            self.tr("Checking %n row(s)…", "", len(roster.rows)),
            work,
            done,
            on_failure,
            on_cancel,
        )

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
        """ "Import" on the dry run: write in the background, then show the result; "Close"
        on the result ends the wizard."""
        if self.result_ is not None:
            super().accept()
            return
        preview = self.preview
        if preview is None or not preview.can_apply or self.busy():
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.preview_page.note.clear()
        self.preview_page.error.clear_error()

        def write(progress: Progress) -> ImportResult:
            result = roster_import.apply(preview, progress)
            roster_import.let_go_of(preview)  # the wizard closes: its rows go here, not at once
            return result

        self.run(
            self.tr("Importing %n row(s)…", "", len(preview.roster.rows)),
            write,
            self._imported,
            self._failed,
            self._import_cancelled,
        )

    def reject(self) -> None:
        """Not while a job runs (its progress dialog has the Cancel for that); after the
        import, closing is accepting what was written."""
        if self.result_ is not None:
            super().accept()
        elif not self.busy():
            super().reject()

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.result_ = result
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # it is written
        self.next()  # to the result page

    def _failed(self, exc: Exception) -> None:
        """Refused or failed: nothing was written; the person may correct and try again."""
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if is_shown(exc):
            self.preview_page.error.show_error(error_text(exc))
        else:
            self.preview_page.error.show_error(
                self.tr("The import failed and nothing was written: {error}").format(error=exc)
            )

    def _import_cancelled(self) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.preview_page.note.setText(self.tr("Cancelled; nothing was written."))

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
