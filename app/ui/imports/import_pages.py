"""The pages of the import wizard.

A page that needs the file read or the dry run made asks the wizard to start it as a job and
stays where it is; the job's outcome comes back to the page's handlers on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.core import roster_import
from app.core.errors import ERRORS_CONTEXT, HuoqunError
from app.core.groups import PLATFORMS, find_group, group_choices
from app.core.roster_mappings import auto_mapping, remember_mapping
from app.io.errors import FileRefused
from app.io.rosters.file import GROUP_NAME_LIMIT
from app.io.rosters.presets import FIELD_LABELS, FIELDS, PRESETS
from app.ui.jobs import failure_text
from app.ui.labels import PLATFORMS as PLATFORM_WORDS
from app.ui.labels import label
from app.ui.widgets.error_label import ErrorLabel

if TYPE_CHECKING:
    from app.core.roster_import import ImportPreview, RosterFile
    from app.ui.imports.import_wizard import ImportWizard

PREVIEW_ROWS = 30
SHOWN_NOTES = 1000  # rows of a problem table; the saved report has every one
NEW_GROUP = 0  # the data of "New group…" among the groups' ids (which start at 1)
ENCODINGS = [
    ("utf-8", QT_TRANSLATE_NOOP("ImportPages", "UTF-8")),
    ("utf-8-sig", QT_TRANSLATE_NOOP("ImportPages", "UTF-8 with BOM")),
    ("utf-16", QT_TRANSLATE_NOOP("ImportPages", "UTF-16 (Excel “Unicode text”)")),
    ("gb18030", QT_TRANSLATE_NOOP("ImportPages", "GB18030 (Chinese Windows, GBK)")),
]
DELIMITERS = [
    (",", QT_TRANSLATE_NOOP("ImportPages", "Comma")),
    ("\t", QT_TRANSLATE_NOOP("ImportPages", "Tab")),
    (";", QT_TRANSLATE_NOOP("ImportPages", "Semicolon")),
]


def _words(text: str) -> str:
    return QCoreApplication.translate("ImportPages", text)


def _fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells[: len(headers)]):
            table.setItem(r, c, QTableWidgetItem(text))


def _read_only_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


class FilePage(QWizardPage):
    """Which file, into which group: one the person picks from the list, or a new one named
    after the file. Nothing is picked for them (unless the wizard was opened on a group's page,
    or there is no group yet and a new one is the only choice)."""

    def __init__(self, wizard: ImportWizard, group_name: str) -> None:
        super().__init__()
        self._wizard = wizard
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


class MappingPage(QWizardPage):
    """How the file was read (overridable) and which column fills which field."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("How the file reads"))
        self.setSubTitle(
            self.tr(
                "Check the columns below; change the encoding or the header row if the text "
                "looks wrong."
            )
        )
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("importEncoding")
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.setObjectName("importDelimiter")
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("importHeaderLine")
        self.header_spin.setRange(1, 50)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("importPreset")
        for key, preset in PRESETS.items():
            self.preset_combo.addItem(QCoreApplication.translate(ERRORS_CONTEXT, preset.label), key)
        self.detected = QLabel()
        self.detected.setObjectName("importDetected")
        self.error = ErrorLabel("importReadError")
        self._previewed = False  # the dry run is done: the next validatePage lets the wizard on
        self.table = _read_only_table("importSample")
        self.field_combos: dict[str, QComboBox] = {}
        fields = QGridLayout()
        for index, name in enumerate(FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"importField_{name}")
            self.field_combos[name] = combo
            caption = QLabel(QCoreApplication.translate(ERRORS_CONTEXT, FIELD_LABELS[name]))
            fields.addWidget(caption, index // 3, (index % 3) * 2)
            fields.addWidget(combo, index // 3, (index % 3) * 2 + 1)
        reading = QHBoxLayout()
        for caption, widget in (
            (self.tr("Encoding:"), self.encoding_combo),
            (self.tr("Delimiter:"), self.delimiter_combo),
            (self.tr("Header row:"), self.header_spin),
            (self.tr("Kind of file:"), self.preset_combo),
        ):
            reading.addWidget(QLabel(caption))
            reading.addWidget(widget)
        reading.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(reading)
        layout.addWidget(self.detected)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(fields)
        self._loading = False
        for combo in (self.encoding_combo, self.delimiter_combo):
            combo.currentIndexChanged.connect(self._reread)
        self.header_spin.valueChanged.connect(self._reread)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self._show_roster(reset_preset=True)

    def preset(self) -> str:
        return str(self.preset_combo.currentData())

    def mapping(self) -> dict[str, int | None]:
        return {name: combo.currentData() for name, combo in self.field_combos.items()}

    def _show_roster(self, reset_preset: bool) -> None:
        roster = self._wizard.roster
        assert roster is not None
        self._loading = True
        try:
            self._show_reading_choices(roster)
            if roster.kind != "xlsx":
                self.detected.setText(
                    self.tr(
                        "Detected: {encoding}, {delimiter}; {rows} rows below the header."
                    ).format(
                        encoding=self._encoding_words(roster.detected_encoding),
                        delimiter=self._delimiter_words(roster.detected_delimiter),
                        rows=len(roster.rows),
                    )
                )
            else:
                self.detected.setText(
                    self.tr("An Excel workbook; {rows} rows below the header.").format(
                        rows=len(roster.rows)
                    )
                )
            _fill_table(
                self.table, roster.headers, [cells for _line, cells in roster.rows[:PREVIEW_ROWS]]
            )
            if reset_preset:
                detected = roster_import.detect_preset(roster.headers)
                self.preset_combo.setCurrentIndex(self.preset_combo.findData(detected))
            self._fill_fields()
        finally:
            self._loading = False

    def _show_reading_choices(self, roster: RosterFile) -> None:
        """The encoding, delimiter and header row ``roster`` was read with."""
        loading, self._loading = self._loading, True
        try:
            csv_file = roster.kind != "xlsx"
            self.encoding_combo.clear()
            self.delimiter_combo.clear()
            for code, words in ENCODINGS:
                self.encoding_combo.addItem(_words(words), code)
            for code, words in DELIMITERS:
                self.delimiter_combo.addItem(_words(words), code)
            self.encoding_combo.setCurrentIndex(
                max(self.encoding_combo.findData(roster.encoding), 0)
            )
            self.delimiter_combo.setCurrentIndex(
                max(self.delimiter_combo.findData(roster.delimiter), 0)
            )
            self.encoding_combo.setEnabled(csv_file)
            self.delimiter_combo.setEnabled(csv_file)
            self.header_spin.setValue(roster.header_line)
        finally:
            self._loading = loading

    def _encoding_words(self, code: str | None) -> str:
        return next((_words(w) for c, w in ENCODINGS if c == code), code or "")

    def _delimiter_words(self, code: str | None) -> str:
        return next((_words(w) for c, w in DELIMITERS if c == code), code or "")

    def _fill_fields(self) -> None:
        roster = self._wizard.roster
        assert roster is not None
        chosen = auto_mapping(roster.headers, self.preset())
        for name, combo in self.field_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not imported —"), None)
            for column, header in enumerate(roster.headers):
                combo.addItem(header or self.tr("(column {n})").format(n=column + 1), column)
            combo.setCurrentIndex(max(combo.findData(chosen.get(name)), 0))
            combo.blockSignals(False)

    def _preset_changed(self) -> None:
        if not self._loading and self._wizard.roster is not None:
            self._fill_fields()

    def _reread(self) -> None:
        """Read the file again with the choices shown (in the background)."""
        if self._loading or self._wizard.roster is None or self._wizard.busy():
            return
        roster = self._wizard.roster
        self._wizard.read(
            roster.path,
            self.encoding_combo.currentData() if roster.kind != "xlsx" else None,
            self.delimiter_combo.currentData() if roster.kind != "xlsx" else None,
            self.header_spin.value(),
            self._reread_done,
            lambda exc: self.error.show_error(failure_text(exc)),
            lambda: self._show_reading_choices(roster),  # cancelled: back to what was read
        )

    def _reread_done(self, _roster: RosterFile) -> None:
        self.error.clear_error()
        self._show_roster(reset_preset=False)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Run the dry run in the background; this call starts it and stays, and once it is
        done the mapping is kept for files like this one and the wizard moves on."""
        if self._previewed:
            return True
        if not self._wizard.busy():
            self.error.clear_error()
            self._wizard.make_preview(
                False,
                False,
                self._previewed_now,
                lambda exc: self.error.show_error(failure_text(exc)),
                lambda: None,  # cancelled: stay, nothing changed
            )
        return False

    def _previewed_now(self, _preview: ImportPreview) -> None:
        roster = self._wizard.roster
        assert roster is not None
        remember_mapping(self.preset(), roster.headers, self.mapping())
        self._previewed = True
        try:
            self._wizard.next()
        finally:
            self._previewed = False


class PreviewPage(QWizardPage):
    """The dry run: counts, every invalid row, and the two choices that change the import."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("What the import would do"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.mark_left = QCheckBox(
            self.tr("Mark members of the group who are not in the file as left")
        )
        self.mark_left.setObjectName("importMarkLeft")
        self.skip_invalid = QCheckBox(self.tr("Import only the valid rows"))
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.invalid_caption = QLabel(self.tr("Invalid rows (not imported):"))
        self.invalid_table = _read_only_table("importInvalid")
        self.warnings_caption = QLabel(self.tr("Cells left empty (their rows are imported):"))
        self.warnings_table = _read_only_table("importWarnings")
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
            _fill_table(table, [self.tr("Line"), self.tr("Column"), self.tr("Reason")], rows)
            table.setColumnWidth(0, 60)
            table.setColumnWidth(1, 140)
        self.completeChanged.emit()

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
        except (HuoqunError, FileRefused) as exc:
            self.note.clear()
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.note.setText(self.tr("Saved the report to {file}.").format(file=Path(path).name))
