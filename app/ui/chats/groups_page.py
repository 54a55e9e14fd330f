"""The chat import wizard's third page: the group each chat goes into.

The group the chat's platform id names is chosen for it, else the group the wizard was
opened from, else the group of the chat's name; the note says how it was found. With none,
"New group" named after the chat is chosen; any other group can be picked instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.chat_match import group_for_chat
from app.core.groups import find_group, group_choices
from app.io.chats import ChatInfo
from app.io.rosters.file import GROUP_NAME_LIMIT
from app.ui.chats.chat_words import chat_title
from app.ui.imports.page_parts import NEW_GROUP, ImportPage
from app.ui.widgets.controls import HINT_STYLE

if TYPE_CHECKING:
    from app.ui.chats.chat_wizard import ChatWizard, Target


class ChatGroupRow(QObject):
    """One chat's choice: the group list, the new group's name, and how it was chosen."""

    def __init__(self, page: GroupsPage, index: int, chat: ChatInfo) -> None:
        super().__init__(page)
        self.page, self.chat = page, chat
        self.title = QLabel(chat_title(chat))
        self.title.setObjectName(f"chatGroupTitle{index}")
        self.combo = QComboBox()
        self.combo.setObjectName(f"chatGroup{index}")
        self.combo.setMaxVisibleItems(24)
        self.combo.setMinimumWidth(220)
        groups = group_choices()
        for group in groups:
            self.combo.addItem(group.name, group.id)
        if groups:
            self.combo.insertSeparator(len(groups))
        self.combo.addItem(self.tr("New group…"), NEW_GROUP)
        # named as the CLI names it: the chat's own name (a Discord server, not its channel)
        named = chat.name.strip() or chat.chat_id or chat.files[0].stem
        self.name_edit = QLineEdit(named[:GROUP_NAME_LIMIT])
        self.name_edit.setObjectName(f"chatNewGroupName{index}")
        self.name_edit.setMaxLength(GROUP_NAME_LIMIT)
        self.name_edit.setMinimumWidth(220)
        self.name_edit.setPlaceholderText(self.tr("The new group's name"))
        self.note = QLabel()
        self.note.setObjectName(f"chatGroupNote{index}")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        self.found = self._preselect()
        self.combo.currentIndexChanged.connect(self.changed)
        self.name_edit.textChanged.connect(self.changed)
        self.changed()

    def _preselect(self) -> str:
        """Choose the chat's group; how it was found: "id", "opened", "name" or "none"."""
        chat, opened = self.chat, self.page.opened_from()
        group, how = group_for_chat(chat.platform, chat.chat_id, chat.name)
        if how != "id" and opened is not None:
            group_id, how = opened, "opened"
        else:
            group_id = group.id if group is not None else NEW_GROUP
        index = self.combo.findData(group_id)
        self.combo.setCurrentIndex(index if index >= 0 else self.combo.findData(NEW_GROUP))
        return how if index >= 0 else "none"

    def target(self) -> Target:
        data = self.combo.currentData()
        if data == NEW_GROUP:
            return self.name_edit.text().strip()
        return int(data)

    def changed(self) -> None:
        new = self.combo.currentData() == NEW_GROUP
        self.name_edit.setVisible(new)
        name = self.name_edit.text().strip()
        chosen = self.combo.currentData()
        if new and not name:
            note = self.tr("Name the new group.")
        elif new and find_group(name) is not None:
            note = self.tr(
                "There is already a group called “{name}”: the chat goes into it."
            ).format(name=name)
        elif new:
            note = self.tr("A new group “{name}” will be created.").format(name=name)
        elif self.found == "id" and chosen == self._found_id():
            note = self.tr("Found by the chat's id.")
        elif self.found == "opened" and chosen == self.page.opened_from():
            note = self.tr("The group whose page you came from.")
        elif self.found == "name" and chosen == self._found_id():
            note = self.tr("Found by the chat's name.")
        else:
            note = self.tr("Chosen by you.")
        self.note.setText(note)
        self.page.completeChanged.emit()

    def _found_id(self) -> int | None:
        group, _how = group_for_chat(self.chat.platform, self.chat.chat_id, self.chat.name)
        return None if group is None else group.id


class GroupsPage(ImportPage):
    """A row per chosen chat: its name, the group, and how that group was found."""

    def __init__(self, wizard: ChatWizard) -> None:
        super().__init__(wizard)  # type: ignore[arg-type]
        self._chat_wizard = wizard
        self.setTitle(self.tr("Into which group"))
        self.setSubTitle(
            self.tr(
                "Each chat goes into a group: the one found for it, another you pick, or a new one."
            )
        )
        self.rows: list[ChatGroupRow] = []
        self._body = QWidget()
        self._grid = QGridLayout(self._body)
        self._grid.setColumnStretch(3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def opened_from(self) -> int | None:
        return self._chat_wizard.group_id

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        for row in self.rows:
            for widget in (row.title, row.combo, row.name_edit, row.note):
                widget.deleteLater()
        self.rows = []
        for index, chat in enumerate(self._chat_wizard.chosen):
            row = ChatGroupRow(self, index, chat)
            self.rows.append(row)
            self._grid.addWidget(row.title, index, 0)
            self._grid.addWidget(row.combo, index, 1)
            self._grid.addWidget(row.name_edit, index, 2)
            self._grid.addWidget(row.note, index, 3)
        self._grid.setRowStretch(len(self.rows), 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return all(row.target() != "" for row in self.rows) and not self._chat_wizard.busy()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        targets = [row.target() for row in self.rows]
        if targets != self._chat_wizard.targets:
            self._chat_wizard.targets = targets
            self._chat_wizard.previews = []
        return True
