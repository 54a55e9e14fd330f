"""Add a member to a group, or edit one membership: nickname, role and dates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, memberships
from app.core.errors import HuoqunError
from app.core.groups import group_choices
from app.ui.labels import PLATFORMS, ROLES, label
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.optional_date import OptionalDateEdit, local_date, stored_moment

if TYPE_CHECKING:
    from app.core.members import Membership


class MembershipDialog(QDialog):
    """One membership; a new one when ``membership`` is None (then a group is picked)."""

    def __init__(
        self,
        member_id: int,
        membership: Membership | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.membership = membership
        self.setMinimumWidth(420)
        form = QFormLayout()
        if membership is None:
            self.setWindowTitle(self.tr("Add to group"))
            self.group_combo: QComboBox | None = QComboBox()
            self.group_combo.setObjectName("membershipGroupCombo")
            self.group_combo.setMaxVisibleItems(20)
            current = {
                m.group_id for m in memberships.memberships_of(member_id) if m.left_at is None
            }
            for group in group_choices():
                if group.id not in current:
                    text = f"{group.name}  ({label(PLATFORMS, group.platform)})"
                    self.group_combo.addItem(text, group.id)
            form.addRow(self.tr("Group:"), self.group_combo)
        else:
            self.setWindowTitle(
                self.tr("Membership in {group}").format(group=membership.group.name)
            )
            self.group_combo = None
            form.addRow(self.tr("Group:"), QLabel(membership.group.name))
        self.nickname_edit = QLineEdit()
        self.nickname_edit.setObjectName("nicknameEdit")
        self.nickname_edit.setPlaceholderText(self.tr("The name shown in this group"))
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        for code in memberships.ROLES:
            self.role_combo.addItem(label(ROLES, code), code)
        self.joined_edit = OptionalDateEdit()
        self.joined_edit.setObjectName("joinedDate")
        self.last_spoke_edit = OptionalDateEdit()
        self.last_spoke_edit.setObjectName("lastSpokeDate")
        self.left_edit = OptionalDateEdit()
        self.left_edit.setObjectName("leftDate")
        form.addRow(self.tr("Group nickname:"), self.nickname_edit)
        form.addRow(self.tr("Role:"), self.role_combo)
        form.addRow(self.tr("Joined:"), self.joined_edit)
        form.addRow(self.tr("Last spoke:"), self.last_spoke_edit)
        if membership is not None:
            form.addRow(self.tr("Left:"), self.left_edit)

        self.error = ErrorLabel("membershipError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(
            self.tr("Add to group") if membership is None else self.tr("Save")
        )
        self.save_button.setObjectName("membershipSaveButton")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._original: dict[str, date | None] = {}
        if membership is None:
            self.joined_edit.set_date(local_date(clock.now()))
            if self.group_combo is not None and self.group_combo.count() == 0:
                self.error.show_error(self.tr("This member is already in every group."))
                self.save_button.setEnabled(False)
        else:
            self.nickname_edit.setText(membership.nickname)
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(membership.role)))
            for key, edit in self._date_edits().items():
                day = local_date(getattr(membership, key))
                self._original[key] = day
                edit.set_date(day)

    def _date_edits(self) -> dict[str, OptionalDateEdit]:
        edits = {"joined_at": self.joined_edit, "last_spoke_at": self.last_spoke_edit}
        if self.membership is not None:
            edits["left_at"] = self.left_edit
        return edits

    def fields(self) -> dict[str, Any]:
        """What to write: nickname, role, and every date the person changed."""
        out: dict[str, Any] = {
            "nickname": self.nickname_edit.text(),
            "role": self.role_combo.currentData(),
        }
        for key, edit in self._date_edits().items():
            day = edit.date()
            # an unchanged day keeps its stored time of day (e.g. from an import)
            if self.membership is None or day != self._original.get(key):
                out[key] = stored_moment(day)
        return out

    def accept(self) -> None:
        """Write the membership; a refusal is shown here and the dialog stays open."""
        try:
            if self.membership is None:
                assert self.group_combo is not None
                memberships.add_membership(
                    self.member_id, self.group_combo.currentData(), **self.fields()
                )
            else:
                memberships.update_membership(self.membership.id, **self.fields())
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        super().accept()
