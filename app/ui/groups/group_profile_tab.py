"""The Profile tab of a group's page: its fields, saved with Save or Ctrl+S, or reverted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import groups, settings
from app.core.errors import HuoqunError
from app.ui.groups.group_fields import OptionalNumberSpin, ParentCombo, kind_combo, platform_combo
from app.ui.widgets.controls import HINT_STYLE, field_values
from app.ui.widgets.error_label import ErrorLabel


class GroupProfileTab(QWidget):
    """The profile form of the group shown; ``saved`` after a write, ``reverted`` on Revert."""

    saved = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_id: int | None = None
        self._dirty = False
        self._loading = False
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("profileName")
        self.name_edit.setMaxLength(100)
        self.platform_combo = platform_combo()
        self.platform_combo.setObjectName("profilePlatform")
        self.platform_id_edit = QLineEdit()
        self.platform_id_edit.setObjectName("profilePlatformId")
        self.kind_combo = kind_combo()
        self.kind_combo.setObjectName("profileKind")
        self.parent_combo = ParentCombo()
        self.parent_combo.setObjectName("profileParent")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("profileDescription")
        self.description_edit.setPlaceholderText(
            self.tr("What the group is about and who it is for")
        )
        self.announcement_edit = QPlainTextEdit()
        self.announcement_edit.setObjectName("profileAnnouncement")
        self.announcement_edit.setPlaceholderText(self.tr("The pinned announcement"))
        line = self.description_edit.fontMetrics().lineSpacing()
        for edit in (self.description_edit, self.announcement_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(line * 3 + 12)
        self.description_edit.setMaximumHeight(line * 6 + 12)
        self.cap_spin = OptionalNumberSpin(self.tr("No cap"))
        self.cap_spin.setObjectName("profileMemberCap")
        default_days = int(settings.get("group_cadence_days") or 0)
        self.cadence_spin = OptionalNumberSpin(
            self.tr("Default (every %n day(s))", "", default_days)
        )
        self.cadence_spin.setObjectName("profileCadence")
        self.cadence_spin.setToolTip(
            self.tr("How many days may pass between interactions before the group needs one.")
        )
        self.fields: dict[str, QWidget] = dict(  # the profile's fields, by update_group's keywords
            name=self.name_edit,
            platform=self.platform_combo,
            platform_id=self.platform_id_edit,
            kind=self.kind_combo,
            parent_id=self.parent_combo,
            description=self.description_edit,
            announcement=self.announcement_edit,
            member_cap=self.cap_spin,
            cadence_days=self.cadence_spin,
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Platform:"), self.platform_combo)
        form.addRow(self.tr("Group &number:"), self.platform_id_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("P&arent group:"), self.parent_combo)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("Announce&ment:"), self.announcement_edit)
        form.addRow(self.tr("Member &cap:"), self.cap_spin)
        form.addRow(self.tr("Interaction ca&dence (days):"), self.cadence_spin)

        self.error_label = ErrorLabel("groupError")
        self.saved_label = QLabel(self.tr("Saved."))
        self.saved_label.setObjectName("groupSaved")
        self.saved_label.setStyleSheet(HINT_STYLE)
        self.saved_label.hide()
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertGroupButton")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveGroupButton")
        self.save_button.setToolTip(self.tr("Save the profile (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, self)
        save_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_keys.activated.connect(self._save_if_dirty)

        for button in (self.revert_button, self.save_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.saved_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

        for line_edit in (self.name_edit, self.platform_id_edit):
            line_edit.textEdited.connect(self._mark_dirty)
        for text in (self.description_edit, self.announcement_edit):
            text.textChanged.connect(self._mark_dirty)
        for combo in (self.platform_combo, self.kind_combo, self.parent_combo):
            combo.currentIndexChanged.connect(self._mark_dirty)
        for spin in (self.cap_spin, self.cadence_spin):
            spin.valueChanged.connect(self._mark_dirty)
        self.set_dirty(False)

    def fill(self, group: Any) -> None:
        """Show the stored ``group`` (a ``groups.get_group`` row), dropping unsaved edits."""
        self._loading = True
        try:
            self.name_edit.setText(group.name)
            self.platform_combo.set_code(group.platform)
            self.platform_id_edit.setText(group.platform_id)
            self.kind_combo.set_code(group.kind)
            self.parent_combo.reload(group.id, group.parent_id)
            self.description_edit.setPlainText(group.description)
            self.announcement_edit.setPlainText(group.announcement)
            self.cap_spin.set_number(group.member_cap)
            self.cadence_spin.set_number(group.cadence_days)
        finally:
            self._loading = False
        self.error_label.hide()
        self.set_dirty(False)

    def is_dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self) -> None:
        if not self._loading and self.group_id is not None:
            self.set_dirty(True)
            self.saved_label.hide()

    def set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def profile_fields(self) -> dict[str, Any]:
        """The profile as typed, as ``groups.update_group`` keywords."""
        return field_values(self.fields)

    def save(self) -> bool:
        """Write the profile; a refusal is shown under the form and nothing is written."""
        if self.group_id is None:
            return False
        try:
            groups.update_group(self.group_id, **self.profile_fields())
        except HuoqunError as exc:
            self.saved_label.hide()
            self.error_label.show_error(exc)
            return False
        self.error_label.hide()
        self.set_dirty(False)
        self.saved.emit()  # the page re-reads the group, then says it was saved
        return True

    def _save_if_dirty(self) -> None:
        if self._dirty:
            self.save()

    def revert(self) -> None:
        """Throw away unsaved edits and show what is stored."""
        self.set_dirty(False)
        self.reverted.emit()
