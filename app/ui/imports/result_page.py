"""The import wizard's result: what was written, and what changed since the group's last
roster (joined, left, came back, went quiet), each list opened from here (issue #19)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard

from app.ui.imports.page_parts import ImportPage
from app.ui.widgets.roster_changes_view import RosterChangesView

if TYPE_CHECKING:
    from app.ui.imports.import_wizard import ImportWizard


class ResultPage(ImportPage):
    """Shown once the import is written; Close ends the wizard."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importResultPage")
        self.setTitle(self.tr("Imported"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.counts = QLabel()
        self.counts.setObjectName("importResultCounts")
        self.counts.setWordWrap(True)
        self.changes = RosterChangesView()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addSpacing(12)
        layout.addWidget(self.changes)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        result = self._wizard.result_
        if result is None:
            return
        self.setSubTitle(self._wizard.file_page.group_name())
        self.counts.setText(
            self.tr(
                "{new} new, {updated} updated, {unchanged} unchanged, {left} marked left, "
                "{invalid} invalid rows skipped."
            ).format(
                new=result.new,
                updated=result.updated,
                unchanged=result.unchanged,
                left=result.marked_left,
                invalid=result.invalid,
            )
        )
        self.changes.show_changes(result.changes)
