"""The Sub-groups tab of a group's page: the groups pulled out of it, one click to open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.groups import GroupRow
from app.ui.groups.group_table import ARCHIVED_COLOUR
from app.ui.labels import KINDS, PLATFORMS, label
from app.ui.widgets.controls import HINT_STYLE

GroupIdRole = Qt.ItemDataRole.UserRole + 1


class SubgroupList(QListWidget):
    """Sub-groups; a double-click or Enter asks to open one (a click only selects it)."""

    groupChosen = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.itemActivated.connect(self._choose)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.groupChosen.emit(int(item.data(GroupIdRole)))


class SubgroupsTab(QWidget):
    """The sub-groups of the group shown, and a button for a new one."""

    groupRequested = Signal(int)  # noqa: N815 - Qt signal naming
    newSubgroupRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        intro = QLabel(
            self.tr(
                "Sub-groups are groups pulled out of this one, such as a core group of helpers "
                "who help run it. Click one to open it."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.subgroup_list = SubgroupList()
        self.subgroup_list.setObjectName("subgroupList")
        self.subgroup_list.setSpacing(3)
        self.subgroup_list.groupChosen.connect(self.groupRequested)
        self.no_subgroups_label = QLabel(self.tr("This group has no sub-groups yet."))
        self.no_subgroups_label.setObjectName("noSubgroups")
        self.no_subgroups_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_subgroup_button = QPushButton(self.tr("New sub-group…"))
        self.new_subgroup_button.setObjectName("newSubgroupButton")
        self.new_subgroup_button.clicked.connect(lambda _checked=False: self._new_subgroup())

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.new_subgroup_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.subgroup_list, 1)
        layout.addWidget(self.no_subgroups_label, 1)
        layout.addLayout(bottom)

    def _new_subgroup(self) -> None:
        self.newSubgroupRequested.emit()

    def title(self) -> str:
        return self.tr("Sub-groups (%n)", "", self._count)

    def show_subgroups(self, children: list[GroupRow]) -> None:
        self.subgroup_list.clear()
        for child in children:
            details = " · ".join(
                (
                    label(PLATFORMS, child.platform),
                    label(KINDS, child.kind),
                    self.tr("%Ln member(s)", "", child.members),
                )
            )
            text = f"{child.name}    {details}"
            if child.archived:
                text = self.tr("{name} (archived)").format(name=text)
            item = QListWidgetItem(text)
            item.setData(GroupIdRole, child.id)
            if child.archived:
                item.setForeground(QBrush(ARCHIVED_COLOUR))
            self.subgroup_list.addItem(item)
        self.subgroup_list.setVisible(bool(children))
        self.no_subgroups_label.setVisible(not children)
        self._count = len(children)
