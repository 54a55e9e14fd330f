"""The new-group dialog: the few fields a group starts with; the rest is on its page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import groups, settings
from app.core.errors import HuoqunError
from app.ui.groups.group_fields import (
    SUGGESTED_CAPS,
    OptionalNumberSpin,
    ParentCombo,
    kind_combo,
    platform_combo,
)
from app.ui.widgets.error_label import ErrorLabel


class GroupDialog(QDialog):
    """Create a group; refused input is shown in the dialog and nothing is written."""

    def __init__(self, parent: QWidget | None = None, parent_group_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self.setWindowTitle(self.tr("New group"))
        self.setMinimumWidth(440)
        self.created_id: int | None = None

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("groupName")
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("e.g. Weekend hiking club"))
        self.platform_combo = platform_combo()
        self.platform_combo.setObjectName("groupPlatform")
        self.kind_combo = kind_combo()
        self.kind_combo.setObjectName("groupKind")
        self.kind_combo.set_code("other")
        self.parent_combo = ParentCombo()
        self.parent_combo.setObjectName("groupParent")
        self.parent_combo.reload(None, parent_group_id)
        self.platform_id_edit = QLineEdit()
        self.platform_id_edit.setObjectName("groupPlatformId")
        self.platform_id_edit.setPlaceholderText(self.tr("The group's number or id in the app"))
        self.cap_spin = OptionalNumberSpin(self.tr("No cap"))
        self.cap_spin.setObjectName("groupMemberCap")
        default_days = int(settings.get("group_cadence_days") or 0)
        self.cadence_spin = OptionalNumberSpin(
            self.tr("Default (every %n day(s))", "", default_days)
        )
        self.cadence_spin.setObjectName("groupCadence")
        self.cadence_spin.setToolTip(
            self.tr("How many days may pass between interactions before the group needs one.")
        )
        self._suggested_cap = 0
        self.platform_combo.currentIndexChanged.connect(self._suggest_cap)
        self._suggest_cap()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Platform:"), self.platform_combo)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("P&arent group:"), self.parent_combo)
        form.addRow(self.tr("Group &number:"), self.platform_id_edit)
        form.addRow(self.tr("Member &cap:"), self.cap_spin)
        form.addRow(self.tr("Interaction ca&dence (days):"), self.cadence_spin)

        self.error_label = ErrorLabel("groupDialogError")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create group"))
        self.create_button.setObjectName("createGroupButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def _suggest_cap(self) -> None:
        """Prefill the platform's usual cap unless the person typed their own."""
        suggested = SUGGESTED_CAPS.get(self.platform_combo.code(), 0)
        if self.cap_spin.value() in (0, self._suggested_cap):
            self.cap_spin.setValue(suggested)
        self._suggested_cap = suggested

    def fields(self) -> dict[str, Any]:
        """What the person entered, as ``groups.create_group`` keywords."""
        return {
            "name": self.name_edit.text(),
            "platform": self.platform_combo.code(),
            "kind": self.kind_combo.code(),
            "parent_id": self.parent_combo.group_id(),
            "platform_id": self.platform_id_edit.text(),
            "member_cap": self.cap_spin.number(),
            "cadence_days": self.cadence_spin.number(),
        }

    def accept(self) -> None:
        """Create the group, or show why not and stay open."""
        try:
            group = groups.create_group(**self.fields())
        except HuoqunError as exc:
            self.error_label.show_error(exc)
            self.name_edit.setFocus()
            return
        self.created_id = group.id
        super().accept()
