"""The chat import wizard's first page: the export file(s).

Several files of one export go together (DiscordChatExporter's ``--partition`` parts, the
channels of one server, PyWxDump's parts with their ``users.json``). Next detects the format
by content and lists the chats, as a job; a file that is no chat export is refused here, in
place, with nothing written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from app.ui.imports.page_parts import ImportPage
from app.ui.jobs import failure_text
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.error_label import ErrorLabel

if TYPE_CHECKING:
    from app.ui.chats.chat_wizard import ChatWizard


class FilesPage(ImportPage):
    """Which files: added with Browse…, dropped on the window, or given by the entry."""

    def __init__(self, wizard: ChatWizard, paths: Sequence[Path]) -> None:
        super().__init__(wizard)  # type: ignore[arg-type]
        self._chat_wizard = wizard
        self.setTitle(self.tr("The chat export"))
        self.setSubTitle(
            self.tr(
                "Choose the file(s) a chat app or its export tool wrote. Several files of one "
                "export go together. Nothing is written before you have seen the preview."
            )
        )
        self.file_list = QListWidget()
        self.file_list.setObjectName("chatFiles")
        self.file_list.setAlternatingRowColors(True)
        add = QPushButton(self.tr("Add files…"))
        add.setObjectName("chatAddFiles")
        add.clicked.connect(self._browse)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("chatRemoveFile")
        self.remove_button.clicked.connect(self._remove)
        known = QLabel(
            self.tr(
                "Read: Telegram Desktop (JSON, one chat or the whole account), "
                "DiscordChatExporter (JSON, CSV), the QQ message manager (TXT), QQ Chat "
                "Exporter (JSON, chunked), MemoTrace / WeChatMsg (CSV), PyWxDump (CSV with "
                "users.json), WeFlow / EchoTrace (JSON) and ChatLab (JSON, JSONL)."
            )
        )
        known.setObjectName("chatKnownFormats")
        known.setWordWrap(True)
        known.setStyleSheet(HINT_STYLE)
        self.error = ErrorLabel("chatFilesError")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(known)
        layout.addWidget(self.error)
        self._listed = False  # the files were listed for Next: the next validatePage lets on
        self.file_list.itemSelectionChanged.connect(self._selection_changed)
        self.add_paths(paths)
        self._selection_changed()

    def paths(self) -> list[Path]:
        return [Path(self.file_list.item(i).text()) for i in range(self.file_list.count())]

    def add_paths(self, paths: Sequence[Path | str]) -> None:
        """Add files to the list (each once)."""
        shown = set(self.paths())
        for path in paths:
            if Path(path) not in shown:
                self.file_list.addItem(str(path))
                shown.add(Path(path))
        self._files_changed()

    def _browse(self) -> None:
        self.add_paths(self._chat_wizard.choose_files())

    def _remove(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self._files_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.file_list.selectedItems()))

    def _files_changed(self) -> None:
        self.error.clear_error()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.file_list.count() > 0 and not self._chat_wizard.busy()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Detect and list in the background; once listed, the wizard moves on by itself."""
        wizard = self._chat_wizard
        if self._listed or (wizard.chats and wizard.listed_for == self.paths()):
            return True
        if not wizard.busy():
            self.error.clear_error()
            wizard.list_files(self.paths(), self._done, self._refused, lambda: None)
        return False

    def _refused(self, exc: Exception) -> None:
        self.error.show_error(failure_text(exc))

    def _done(self) -> None:
        self._listed = True
        try:
            self._chat_wizard.next()
        finally:
            self._listed = False
