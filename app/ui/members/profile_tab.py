"""The Profile tab of a member's page: every field, written when the page is saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import clock
from app.core import members as core
from app.core.groups import group_choices
from app.core.tiers import list_tiers
from app.ui.labels import GENDERS, PERSON_STATUSES, label
from app.ui.members.tags_edit import TagsEdit
from app.ui.widgets.controls import field_values
from app.ui.widgets.swatch import swatch


def local_day(moment: Any) -> str:
    """A stored UTC moment as a local date, or nothing."""
    return "" if moment is None else clock.to_local(moment).strftime("%Y-%m-%d")


class MemberProfileTab(QWidget):
    """The profile fields of a new member (``member_id`` None) or of a stored one."""

    def __init__(self, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.loaded: dict[str, Any] = {}  # the stored profile, in the fields ``values`` gives
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("The name you know them by"))
        self.qq_edit = QLineEdit()
        self.qq_edit.setObjectName("qqEdit")
        self.qq_edit.setPlaceholderText(self.tr("5 to 11 digits"))
        self.wechat_edit = QLineEdit()
        self.wechat_edit.setObjectName("wechatEdit")
        self.wechat_edit.setPlaceholderText(self.tr("e.g. wxid_… or one they chose"))
        self.telegram_edit = QLineEdit()
        self.telegram_edit.setObjectName("telegramEdit")
        self.telegram_edit.setPlaceholderText(self.tr("User id, digits (from a chat export)"))
        self.discord_edit = QLineEdit()
        self.discord_edit.setObjectName("discordEdit")
        self.discord_edit.setPlaceholderText(self.tr("User id, digits (from a chat export)"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setPlaceholderText(self.tr("e.g. 138 0013 8000 or +86…"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        self.city_edit = QLineEdit()
        self.city_edit.setObjectName("cityEdit")
        self.gender_combo = QComboBox()
        self.gender_combo.setObjectName("genderCombo")
        for code in core.GENDERS:
            self.gender_combo.addItem(label(GENDERS, code), code)
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tierCombo")
        self.tier_reason_edit = QLineEdit()
        self.tier_reason_edit.setObjectName("tierReasonEdit")
        self.tier_reason_edit.setPlaceholderText(self.tr("Reason for the tier change (optional)"))
        self.tier_reason_edit.hide()
        self.tier_combo.currentIndexChanged.connect(lambda _i: self.tier_changed())
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        for code in core.PERSON_STATUSES:  # leaving a group is the Groups tab's
            self.status_combo.addItem(label(PERSON_STATUSES, code), code)
        self.status_reason_edit = QLineEdit()
        self.status_reason_edit.setObjectName("statusReasonEdit")
        self.status_reason_edit.setPlaceholderText(self.tr("Why, e.g. posted ads after a warning"))
        self.star_check = QCheckBox(self.tr("Star or soul figure: people join groups for them"))
        self.star_check.setObjectName("starCheck")
        self.tags_edit = TagsEdit()
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. volunteer, photographer"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.first_group_combo = QComboBox()
        self.first_group_combo.setObjectName("firstGroupCombo")
        self.first_group_combo.setMaxVisibleItems(20)
        self.seen_label = QLabel()
        self.seen_label.setObjectName("seenLabel")
        self._lay_out()
        self._fill_choices()

    def _lay_out(self) -> None:
        tier_row = QHBoxLayout()
        tier_row.addWidget(self.tier_combo)
        tier_row.addWidget(self.tier_reason_edit, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.status_reason_edit, 1)

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Display name:"), self.name_edit)
        left.addRow(self.tr("QQ:"), self.qq_edit)
        left.addRow(self.tr("WeChat id:"), self.wechat_edit)
        left.addRow(self.tr("Telegram id:"), self.telegram_edit)
        left.addRow(self.tr("Discord id:"), self.discord_edit)
        left.addRow(self.tr("Phone:"), self.phone_edit)
        left.addRow(self.tr("Email:"), self.email_edit)
        left.addRow(self.tr("City:"), self.city_edit)
        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.addRow(self.tr("Gender:"), self.gender_combo)
        right.addRow(self.tr("Tier:"), tier_row)
        right.addRow(self.tr("Status:"), status_row)
        right.addRow("", self.star_check)
        right.addRow(self.tr("Tags:"), self.tags_edit)
        if self.member_id is None:
            right.addRow(self.tr("Add to group:"), self.first_group_combo)
        else:
            self.first_group_combo.hide()
            right.addRow("", self.seen_label)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        notes_label = QLabel(self.tr("Notes:"))
        notes_label.setBuddy(self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addSpacing(6)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)

    def _fill_choices(self) -> None:
        for tier in list_tiers():
            self.tier_combo.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
        self.tier_combo.setCurrentIndex(self.tier_combo.count() - 1)  # new members start low
        self.tags_edit.set_known_tags(core.all_tags())
        if self.member_id is None:
            self.first_group_combo.addItem(self.tr("No group yet"), None)
            for group in group_choices():
                self.first_group_combo.addItem(group.name, group.id)

    def load(self, member: Any) -> None:
        """Show the stored ``member`` (a ``core.members.get_member`` row)."""
        self.name_edit.setText(member.name)
        self.qq_edit.setText(member.qq or "")
        self.wechat_edit.setText(member.wechat_id or "")
        self.telegram_edit.setText(member.telegram_id or "")
        self.discord_edit.setText(member.discord_id or "")
        self.phone_edit.setText(member.phone or "")
        self.email_edit.setText(member.email)
        self.city_edit.setText(member.city)
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(member.gender)))
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(member.tier_id)))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(member.status)))
        self.status_reason_edit.setText(member.status_reason)
        self.star_check.setChecked(member.star)
        self.tags_edit.set_tags(core.tags_of(member.id))
        self.notes_edit.setPlainText(member.notes)
        seen = self.tr("First seen {date}").format(date=local_day(member.first_seen))
        if member.last_contacted is not None:
            seen += " · " + self.tr("last contacted {date}").format(
                date=local_day(member.last_contacted)
            )
        self.seen_label.setText(seen)

    def mark_stored(self) -> None:
        """What the fields show now is what is stored."""
        self.loaded = self.values()
        self.tier_changed()

    def show_status(self, status: str, reason: str) -> None:
        """A stored status changed elsewhere (a ban): show it, keeping other unsaved edits."""
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
        self.status_reason_edit.setText(reason)
        self.loaded.update(status=status, status_reason=reason)

    def tier_changed(self) -> None:
        """On a member's page, offer a line for the reason once the tier differs from the stored."""
        changed = bool(self.loaded) and self.tier_combo.currentData() != self.loaded["tier_id"]
        self.tier_reason_edit.setVisible(changed)

    def values(self) -> dict[str, Any]:
        """The profile as typed, in the fields ``core.members`` takes."""
        return field_values(
            {
                "name": self.name_edit,
                "qq": self.qq_edit,
                "wechat_id": self.wechat_edit,
                "telegram_id": self.telegram_edit,
                "discord_id": self.discord_edit,
                "phone": self.phone_edit,
                "email": self.email_edit,
                "city": self.city_edit,
                "gender": self.gender_combo,
                "tier_id": self.tier_combo,
                "status": self.status_combo,
                "status_reason": self.status_reason_edit,
                "star": self.star_check,
                "notes": self.notes_edit,
                "tags": self.tags_edit,
            }
        )
