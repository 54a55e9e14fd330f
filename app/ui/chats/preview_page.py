"""The chat import wizard's preview: each chosen chat read once (a job), nothing written; then
"Import" writes them all in one transaction (a job whose Cancel writes nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout

from app.core.chat_match import Resolution
from app.ui.chats.chat_words import chat_title
from app.ui.chats.preview_tab import ChatPreviewTab
from app.ui.imports.page_parts import ImportPage
from app.ui.jobs import failure_text
from app.ui.widgets.error_label import ErrorLabel

if TYPE_CHECKING:
    from app.ui.chats.chat_wizard import ChatWizard


class PreviewPage(ImportPage):
    """A tab per chat; "Import" (the commit button) starts the import and stays until done."""

    def __init__(self, wizard: ChatWizard) -> None:
        super().__init__(wizard)  # type: ignore[arg-type]
        self._chat_wizard = wizard
        self.setTitle(self.tr("What the import would do"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, self.tr("Import"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chatPreviewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)
        self.note = QLabel()
        self.note.setObjectName("chatPreviewNote")
        self.note.setWordWrap(True)
        self.error = ErrorLabel("chatPreviewError")
        self.again_button = QPushButton(self.tr("Read again"))
        self.again_button.setObjectName("chatPreviewAgain")
        self.again_button.clicked.connect(self._read)
        self.again_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self._imported = False  # the import is done: the next validatePage lets the wizard on

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.note.clear()
        self.error.clear_error()
        if self._chat_wizard.previews:
            self._show()
        else:
            self._read()

    def _read(self) -> None:
        if self._chat_wizard.busy():
            return
        self.tabs.clear()
        self.again_button.hide()
        self.note.setText(self.tr("Reading…"))
        self.error.clear_error()
        self._chat_wizard.make_previews(self._show, self._not_read, self._read_cancelled)

    def _not_read(self, exc: Exception) -> None:
        self.note.clear()
        self.again_button.show()
        self.error.show_error(failure_text(exc))

    def _read_cancelled(self) -> None:
        self.again_button.show()
        self.note.setText(self.tr("Cancelled: nothing was read and nothing was written."))

    def _show(self) -> None:
        wizard = self._chat_wizard
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for preview in wizard.previews:
            tab = ChatPreviewTab(preview, wizard.resolutions, self._choose)
            tab.thisIsMe.connect(self._this_is_me)
            self.tabs.addTab(tab, chat_title(preview.plan.chat))
        self.tabs.setCurrentIndex(max(current, 0))
        self.note.clear()
        self.completeChanged.emit()

    def tab(self, index: int = 0) -> ChatPreviewTab:
        widget = self.tabs.widget(index)
        assert isinstance(widget, ChatPreviewTab)
        return widget

    def _choose(self, key: str, resolution: Resolution) -> None:
        self._chat_wizard.resolutions[key] = resolution

    def _this_is_me(self, platform: str, sender_id: str) -> None:
        """The sender is the operator: the preview is read again with that id as theirs."""
        self._chat_wizard.me.setdefault(platform, set()).add(sender_id)
        self._read()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        wizard = self._chat_wizard
        return bool(wizard.previews) and self.tabs.count() > 0 and not wizard.busy()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """ "Import": write in the background; once written, the wizard moves on by itself."""
        if self._imported:
            return True
        wizard = self._chat_wizard
        if not wizard.busy():
            self.note.clear()
            self.error.clear_error()
            wizard.write(self._written, self._failed, self._cancelled)
        return False

    def _written(self) -> None:
        self._imported = True
        try:
            self._chat_wizard.next()
        finally:
            self._imported = False

    def _failed(self, exc: Exception) -> None:
        self.error.show_error(
            self.tr("The import failed and nothing was written: {error}").format(
                error=failure_text(exc)
            )
        )

    def _cancelled(self) -> None:
        self.note.setText(self.tr("Cancelled; nothing was written."))
