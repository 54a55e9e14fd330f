"""The import wizard's first page: the file and the group it goes into.

Reading the file is a job the wizard starts; its outcome comes back to the page's handlers on
the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from app.core import roster_import
from app.core.groups import PLATFORMS, find_group, group_choices
from app.io.rosters.file import GROUP_NAME_LIMIT
from app.ui.imports.page_parts import (
    NEW_GROUP,
    ImportPage,
)
from app.ui.jobs import failure_text
from app.ui.labels import PLATFORMS as PLATFORM_WORDS
from app.ui.labels import label
from app.ui.widgets.error_label import ErrorLabel

if TYPE_CHECKING:
    from app.core.roster_import import RosterFile
    from app.ui.imports.import_wizard import ImportWizard


class FilePage(ImportPage):
    """Which file, into which group: one the person picks from the list, or a new one named
    after the file. Nothing is picked for them (unless the wizard was opened on a group's page,
    or there is no group yet and a new one is the only choice)."""

    def __init__(self, wizard: ImportWizard, group_name: str) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The file and the group"))
        self.setSubTitle(
            self.tr(
                "A QQ group export, a WeChat group tool sheet or any CSV, TSV or XLSX list of "
                "members. Nothing is written before you have seen what the import would do."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Choose a file…"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("importGroup")
        self.group_combo.setMaxVisibleItems(24)
        self.group_combo.setPlaceholderText(self.tr("Choose a group…"))
        groups = group_choices()
        for group in groups:
            self.group_combo.addItem(group.name, group.id)
        if groups:
            self.group_combo.insertSeparator(len(groups))
        self.group_combo.addItem(self.tr("New group…"), NEW_GROUP)
        self.new_name_edit = QLineEdit()
        self.new_name_edit.setObjectName("importNewGroupName")
        self.new_name_edit.setPlaceholderText(self.tr("The new group's name"))
        self.new_name_edit.setMaxLength(GROUP_NAME_LIMIT)
        self._name_typed = False  # the person typed the new group's name: no prefill over it
        self.platform_combo = QComboBox()
        self.platform_combo.setObjectName("importPlatform")
        self.platform_combo.addItem(self.tr("From the kind of file"), None)
        for code in PLATFORMS:
            self.platform_combo.addItem(label(PLATFORM_WORDS, code), code)
        self.group_note = QLabel()
        self.group_note.setObjectName("importGroupNote")
        self.group_note.setWordWrap(True)
        self.error = ErrorLabel("importFileError")
        self._read_done = False  # the file was read: the next validatePage lets the wizard on
        self._next_when_read = False  # the file is read for Next (not on Browse): move on
        self._form = QFormLayout(self)
        self._form.addRow(self.tr("File:"), row)
        self._form.addRow(self.tr("Into the group:"), self.group_combo)
        self._form.addRow(self.tr("New group's name:"), self.new_name_edit)
        self._form.addRow(self.tr("Platform of a new group:"), self.platform_combo)
        self._form.addRow("", self.group_note)
        self._form.addRow("", self.error)
        self._choose_first(group_name, bool(groups))
        self.path_edit.textChanged.connect(self._path_changed)
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        self.new_name_edit.textEdited.connect(self._name_edited)
        self.new_name_edit.textChanged.connect(self._group_changed)
        self._group_changed()

    def _choose_first(self, group_name: str, any_group: bool) -> None:
        """The group given by the page the wizard was opened on; else none, so the person
        chooses (only "New group…" is chosen when there is no group to choose from)."""
        index = self.group_combo.findText(group_name) if group_name else -1
        if index >= 0 and self.group_combo.itemData(index) != NEW_GROUP:
            self.group_combo.setCurrentIndex(index)
        elif group_name or not any_group:
            self.group_combo.setCurrentIndex(self.group_combo.findData(NEW_GROUP))
            self.new_name_edit.setText(group_name)
            self._name_typed = bool(group_name)
        else:
            self.group_combo.setCurrentIndex(-1)

    def is_new_group(self) -> bool:
        return self.group_combo.currentData() == NEW_GROUP

    def group_name(self) -> str:
        """The chosen group's name, or the new group's; "" while none is chosen."""
        if self.is_new_group():
            return self.new_name_edit.text().strip()
        return self.group_combo.currentText() if self.group_combo.currentIndex() >= 0 else ""

    def platform(self) -> str | None:
        return self.platform_combo.currentData()

    def _name_clash(self) -> bool:
        """A "new" group named like one that exists: the person must choose that one instead."""
        name = self.group_name()
        return self.is_new_group() and bool(name) and find_group(name) is not None

    def _group_changed(self) -> None:
        new = self.is_new_group()
        self._form.setRowVisible(self.new_name_edit, new)
        self._form.setRowVisible(self.platform_combo, new)
        name = self.group_name()
        if self._name_clash():
            note = self.tr(
                "There is already a group called “{name}”: choose it in the list, or give the "
                "new group another name."
            ).format(name=name)
        elif new and name:
            note = self.tr("A new group “{name}” will be created.").format(name=name)
        else:
            note = ""
        self.group_note.setText(note)
        self.completeChanged.emit()

    def _name_edited(self, _text: str) -> None:
        self._name_typed = True

    def _suggest_name(self, name: str) -> None:
        """Prefill the new group's name, unless the person typed one."""
        if name and not self._name_typed:
            self.new_name_edit.setText(name)

    def _path_changed(self, text: str) -> None:
        if text.strip():
            self._suggest_name(roster_import.group_name_for(Path(text.strip())))
        self.error.clear_error()
        self.completeChanged.emit()

    def _browse(self) -> None:
        path = self._wizard.choose_file()
        if path:
            self.path_edit.setText(path)
            if not self._wizard.busy():
                self._start_read()  # now: its chat's name is known before Next is pressed

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.path_edit.text().strip() and self.group_name()) and not self._name_clash()

    def _path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Read the file as detected, in the background; a file that cannot be imported stops
        here. This call starts the reading and stays; once read, the wizard moves on."""
        roster = self._wizard.roster
        if self._read_done or (roster is not None and roster.path == self._path()):
            return True
        if not self._wizard.busy():
            self._next_when_read = True
            self._start_read()
        return False

    def _start_read(self) -> None:
        self.error.clear_error()
        self._wizard.read(self._path(), None, None, None, self._read, self._not_read, self._stop)

    def _not_read(self, exc: Exception) -> None:
        self._next_when_read = False
        self.error.show_error(failure_text(exc))

    def _stop(self) -> None:
        self._next_when_read = False  # cancelled: stay, nothing read

    def _read(self, roster: RosterFile) -> None:
        if roster.path != self._path():
            self._next_when_read = False  # another file was chosen meanwhile: Next reads it
            return
        self._suggest_name(roster_import.group_name_for(roster.path, roster.title))
        if not self._next_when_read:
            return
        self._next_when_read = False
        self._read_done = True
        try:
            self._wizard.next()
        finally:
            self._read_done = False
