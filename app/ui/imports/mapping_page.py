"""The import wizard's second page: how the file was read, and which column is which field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from app.core import roster_import
from app.core.errors import ERRORS_CONTEXT
from app.core.roster_mappings import auto_mapping, remember_mapping
from app.io.rosters.presets import FIELD_LABELS, FIELDS, PRESETS
from app.ui.imports.page_parts import (
    DELIMITERS,
    ENCODINGS,
    PREVIEW_ROWS,
    ImportPage,
    fill_table,
    page_words,
    read_only_table,
)
from app.ui.jobs import failure_text
from app.ui.widgets.error_label import ErrorLabel

if TYPE_CHECKING:
    from app.core.roster_import import ImportPreview, RosterFile
    from app.ui.imports.import_wizard import ImportWizard


class MappingPage(ImportPage):
    """How the file was read (overridable) and which column fills which field."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
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
        self.table = read_only_table("importSample")
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
            fill_table(
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
            for code, text in ENCODINGS:
                self.encoding_combo.addItem(page_words(text), code)
            for code, text in DELIMITERS:
                self.delimiter_combo.addItem(page_words(text), code)
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
        return next((page_words(w) for c, w in ENCODINGS if c == code), code or "")

    def _delimiter_words(self, code: str | None) -> str:
        return next((page_words(w) for c, w in DELIMITERS if c == code), code or "")

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
