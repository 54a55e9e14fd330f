"""A wizard whose steps run off the UI thread (reading files, previews, imports): one job at
a time, each page's Next and Finish held while it runs. The roster and chat import wizards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from app.ui.jobs import Job, Progress, run_job


class JobWizard(QWizard):
    """``run`` starts a job; ``busy`` says one is running (pages ask it in ``isComplete``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def busy(self) -> bool:
        """A job (reading, a preview, the import) is running."""
        return self._job is not None

    def run(
        self, title: str, fn: Callable[[Progress], Any], on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None], on_cancel: Callable[[], None],
    ) -> None:  # fmt: skip
        """Start ``fn`` as a job; exactly one of the three handlers runs on the UI thread."""

        def ended() -> None:
            self._job = None
            self._page_changed()

        self._job = run_job(self, title, fn, on_success, on_failure, on_cancel=on_cancel)
        self._job.finished.connect(ended)
        self._page_changed()

    def _page_changed(self) -> None:
        page = self.currentPage()
        if page is not None:
            page.completeChanged.emit()
