"""The chat import wizard's second page: the format found and the chat(s) to import.

A whole-account Telegram export lists its group chats (private chats are never listed), none
ticked: the person ticks those to import. Other exports hold one chat (or one per section of a
QQ message manager TXT), ticked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from app.io.chats import ChatInfo
from app.ui.chats.chat_words import FORMATS, KINDS, chat_title, words
from app.ui.imports.page_parts import ImportPage
from app.ui.labels import PLATFORMS, label
from app.ui.widgets.controls import HINT_STYLE

if TYPE_CHECKING:
    from app.ui.chats.chat_wizard import ChatWizard


class ChatsPage(ImportPage):
    """The format, and a list of the chats with a tick each."""

    def __init__(self, wizard: ChatWizard) -> None:
        super().__init__(wizard)  # type: ignore[arg-type]
        self._chat_wizard = wizard
        self.setTitle(self.tr("What the files hold"))
        self.format_label = QLabel()
        self.format_label.setObjectName("chatFormat")
        self.format_label.setWordWrap(True)
        self.chat_list = QListWidget()
        self.chat_list.setObjectName("chatList")
        self.chat_list.itemChanged.connect(lambda _item: self.completeChanged.emit())
        self.note = QLabel()
        self.note.setObjectName("chatListNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.format_label)
        layout.addWidget(self.chat_list, 1)
        layout.addWidget(self.note)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self._chat_wizard
        chats = wizard.chats
        self.format_label.setText(
            self.tr("Format: {format}, from {platform}. %n chat(s) found.", "", len(chats)).format(
                format=words(FORMATS, wizard.format),
                platform=label(PLATFORMS, chats[0].platform if chats else "other"),
            )
        )
        whole_account = any(c.key for c in chats) and wizard.format == "telegram-json"
        self.setSubTitle(
            self.tr("Tick the chats to import.")
            if len(chats) > 1
            else self.tr("This chat will be imported.")
        )
        self.note.setText(
            self.tr(
                "A whole-account export: its group chats are listed; private chats are "
                "never imported."
            )
            if whole_account
            else ""
        )
        chosen = {c.key or c.chat_id or c.name for c in wizard.chosen}
        self.chat_list.blockSignals(True)
        self.chat_list.clear()
        for chat in chats:
            item = QListWidgetItem(self._describe(chat))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = len(chats) == 1 or (chat.key or chat.chat_id or chat.name) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.chat_list.addItem(item)
        self.chat_list.blockSignals(False)
        self.completeChanged.emit()

    def _describe(self, chat: ChatInfo) -> str:
        parts = [chat_title(chat), words(KINDS, chat.kind)]
        if chat.chat_id and chat.name.strip():  # else the title is the id already
            parts.append(self.tr("id {id}").format(id=chat.chat_id))
        files = len(chat.files)
        if files > 1:
            parts.append(self.tr("%n file(s)", "", files))
        return " · ".join(parts)

    def ticked(self) -> list[ChatInfo]:
        wizard = self._chat_wizard
        return [
            chat
            for row, chat in enumerate(wizard.chats)
            if self.chat_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.ticked()) and not self._chat_wizard.busy()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        ticked = self.ticked()
        if ticked != self._chat_wizard.chosen:
            self._chat_wizard.chosen = ticked
            self._chat_wizard.previews = []
        return True
