"""The search box and the filters above the Members table (group, status, tier, tag, stars)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from app.core import members as core
from app.core.choice_codes import STATUSES as FILTER_STATUSES
from app.core.groups import group_choices
from app.core.member_list import MemberFilter
from app.core.tiers import list_tiers
from app.ui.labels import STATUSES, label
from app.ui.widgets.controls import named_combo
from app.ui.widgets.swatch import swatch


class MemberFilterBar(QWidget):
    """What to search for; ``filtersChanged`` when a filter (not the text) changes."""

    filtersChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, nickname, pinyin (zs), QQ, WeChat, phone"))
        self.search.setToolTip(
            self.tr(
                "Search by name, group nickname, pinyin (full or initials: zs and zhangsan find "
                "张三), QQ number, WeChat id or phone (Ctrl+F)"
            )
        )
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("m" * 30))
        self.group_filter = named_combo("groupFilter", 150)
        self.status_filter = named_combo("statusFilter", 90)
        self.tier_filter = named_combo("tierFilter", 100)
        self.tag_filter = named_combo("tagFilter", 100)
        self.star_filter = QCheckBox(self.tr("Stars only"))
        self.star_filter.setObjectName("starFilter")
        self.star_filter.setToolTip(self.tr("Only star members and soul figures"))
        self.star_filter.toggled.connect(lambda _on: self.filtersChanged.emit())
        self.status_filter.addItem(self.tr("Any status"), None)
        for code in FILTER_STATUSES:  # left / removed: from the group filtered, or any
            self.status_filter.addItem(label(STATUSES, code), code)
        self.fill_lists()
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        for combo in self._combos():
            layout.addWidget(combo)
        layout.addWidget(self.star_filter)

    def _combos(self) -> tuple[QWidget, ...]:
        return (self.group_filter, self.status_filter, self.tier_filter, self.tag_filter)

    def fill_lists(self) -> None:
        """(Re)load the groups, tiers and tags offered by the filters, keeping the choices."""
        for combo in (self.group_filter, self.tier_filter, self.tag_filter):
            combo.blockSignals(True)
        try:
            group_id = self.group_filter.currentData()
            tier_id = self.tier_filter.currentData()
            tag = self.tag_filter.currentData()
            self.group_filter.clear()
            self.group_filter.addItem(self.tr("All groups"), None)
            groups = group_choices(include_archived=True)
            for group in sorted(groups, key=lambda g: g.archived):
                text = group.name
                if group.archived:
                    text = self.tr("{name} (archived)").format(name=group.name)
                self.group_filter.addItem(text, group.id)
            self.tier_filter.clear()
            self.tier_filter.addItem(self.tr("All tiers"), None)
            for tier in list_tiers():
                self.tier_filter.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
            self.tag_filter.clear()
            self.tag_filter.addItem(self.tr("All tags"), None)
            for name in core.all_tags():
                self.tag_filter.addItem(name, name)
            for combo, value in (
                (self.group_filter, group_id),
                (self.tier_filter, tier_id),
                (self.tag_filter, tag),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
        finally:
            for combo in (self.group_filter, self.tier_filter, self.tag_filter):
                combo.blockSignals(False)

    def current_filter(self) -> MemberFilter:
        """The search text and filters as shown."""
        return MemberFilter(
            text=self.search.text(),
            group_id=self.group_filter.currentData(),
            status=self.status_filter.currentData(),
            tier_id=self.tier_filter.currentData(),
            tag=self.tag_filter.currentData(),
            star=True if self.star_filter.isChecked() else None,
        )

    def show_only_group(self, group_id: int) -> None:
        """The group filter set to ``group_id``, the others cleared; no signal is sent."""
        combos = (self.group_filter, self.status_filter, self.tier_filter, self.tag_filter)
        widgets = (*combos, self.star_filter, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in combos:
                combo.setCurrentIndex(0)
            self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(group_id)))
            self.star_filter.setChecked(False)
            self.search.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
