"""Input widgets shared by the new-group dialog and the group page's profile editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from app.core import groups
from app.ui.labels import KINDS, PLATFORMS, label

NUMBER_MAX = 100000  # the core's limit for a member cap or a cadence
SUGGESTED_CAPS = {"wechat": 500}  # a WeChat group is full at 500 members


class CodeCombo(QComboBox):
    """A combo box of domain codes shown as translated words; ``code()`` is the selection."""

    def __init__(self, codes: tuple[str, ...], words: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        for code in codes:
            self.addItem(label(words, code), code)

    def code(self) -> str:
        return str(self.currentData())

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


def platform_combo(parent: QWidget | None = None) -> CodeCombo:
    """Platforms, in the order the core lists them."""
    return CodeCombo(groups.PLATFORMS, PLATFORMS, parent)


def kind_combo(parent: QWidget | None = None) -> CodeCombo:
    """Group kinds, in the order the core lists them."""
    return CodeCombo(groups.KINDS, KINDS, parent)


class ParentCombo(QComboBox):
    """ "No parent" and every other group; ``group_id()`` is the choice or None."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(420)  # a long group name is elided, not a window-wide combo
        self.reload(None, None)

    def reload(self, exclude_id: int | None, selected_id: int | None) -> None:
        """Fill with every group but ``exclude_id`` (archived ones marked) and select one."""
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("None (a top-level group)"), None)
        for row in groups.group_choices(include_archived=True):
            if row.id == exclude_id:
                continue
            text = self.tr("{name} (archived)").format(name=row.name) if row.archived else row.name
            self.addItem(text, row.id)
        self.set_group_id(selected_id)
        self.blockSignals(False)

    def group_id(self) -> int | None:
        data = self.currentData()
        return None if data is None else int(data)

    def set_group_id(self, group_id: int | None) -> None:
        index = self.findData(group_id) if group_id is not None else 0
        self.setCurrentIndex(max(index, 0))


class OptionalNumberSpin(QSpinBox):
    """A whole number from 1 to 100000, or 0 shown as ``empty_text`` meaning "not set"."""

    def __init__(self, empty_text: str, suffix: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self.setRange(0, NUMBER_MAX)
        self.setSpecialValueText(empty_text)
        self.setSuffix(suffix)
        self.setAccelerated(True)

    def number(self) -> int | None:
        return self.value() or None

    def set_number(self, value: int | None) -> None:
        self.setValue(value or 0)
