"""The queue as a tree: Overdue, Today, This week, Later and Done recently, each with a count."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem

from app.core import clock
from app.ui.generated_text import outcome_text, task_notes, task_title
from app.ui.labels import PRIORITIES, TASK_KINDS, label

SECTIONS = ("overdue", "today", "week", "later", "done")
TaskIdRole = Qt.ItemDataRole.UserRole + 1
COL_TITLE, COL_KIND, COL_WHERE, COL_DUE, COL_PRIORITY = range(5)
OVERDUE_COLOUR = QColor("#b03a2e")
DONE_COLOUR = QColor("#7f8c8d")


def local_time(moment: datetime | None) -> str:
    """A stored UTC time as local "2026-03-14 20:00"; "" for None."""
    return "" if moment is None else clock.to_local(moment).strftime("%Y-%m-%d %H:%M")


class TaskSections(QTreeWidget):
    """One top-level row per section; a task's row carries its id. Right-click for actions."""

    taskActivated = Signal(int)  # noqa: N815 - double click / Enter: edit the task
    actionRequested = Signal(str, int)  # noqa: N815 - (action, task id) from the context menu

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskSections")
        self.setColumnCount(5)
        self.setHeaderLabels(
            [self.tr("Task"), self.tr("Kind"), self.tr("Group / member"), self.tr("Due"),
             self.tr("Priority")]
        )  # fmt: skip
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setStyleSheet("QTreeView#taskSections::item { padding: 3px 2px; }")
        self.setRootIsDecorated(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(self._activated)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in (
            (COL_KIND, "Welcome newcomers  "),
            (COL_WHERE, "理想汽车内测体验核心管理组 · 张三丰"),
            (COL_DUE, "2026-03-14 20:00 ↻  "),
            (COL_PRIORITY, "Normal    "),
        ):
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self._sections: dict[str, QTreeWidgetItem] = {}
        self._rows: dict[int, Any] = {}

    def section_title(self, section: str, count: int) -> str:
        """The words of a section's row, with its count."""
        titles = {
            "overdue": self.tr("Overdue (%n)", "", count),
            "today": self.tr("Today (%n)", "", count),
            "week": self.tr("This week (%n)", "", count),
            "later": self.tr("Later (%n)", "", count),
            "done": self.tr("Done recently (%n)", "", count),
        }
        return titles[section]

    def set_queue(self, sections: dict[str, list[Any]]) -> None:
        """Show the queue's sections; the selected task stays selected when still listed."""
        selected = self.current_id()
        expanded = {name for name, item in self._sections.items() if item.isExpanded()} or set(
            SECTIONS[:4]
        )
        self.clear()
        self._sections.clear()
        self._rows.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for name in SECTIONS:
            rows = sections.get(name, [])
            top = QTreeWidgetItem([self.section_title(name, len(rows))])
            top.setFirstColumnSpanned(True)
            top.setFont(COL_TITLE, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setData(COL_TITLE, Qt.ItemDataRole.AccessibleTextRole, name)
            self.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for row in rows:
                top.addChild(self._item(row, name))
                self._rows[row.id] = row
            top.setExpanded(name in expanded)
            self._sections[name] = top
        if selected is not None:
            self.select_id(selected)

    def _item(self, row: Any, section: str) -> QTreeWidgetItem:
        where = " · ".join(n for n in (row.group_name, row.member_name) if n)
        due = local_time(row.done_at if section == "done" else row.effective_due)
        if row.rrule and section != "done":
            due += " ↻"
        title = task_title(row)
        item = QTreeWidgetItem(
            [title, label(TASK_KINDS, row.kind), where, due,
             label(PRIORITIES, str(row.priority))]
        )  # fmt: skip
        item.setData(COL_TITLE, TaskIdRole, row.id)
        notes = task_notes(row)
        tip = title + (f"\n{notes}" if notes else "")
        if section == "done" and row.outcome:
            outcome = outcome_text(row.kind, row.outcome)
            tip += "\n" + self.tr("Outcome: {outcome}").format(outcome=outcome)
        item.setToolTip(COL_TITLE, tip)
        if section == "overdue":
            item.setForeground(COL_DUE, QBrush(OVERDUE_COLOUR))
        if section == "done":
            for column in range(self.columnCount()):
                item.setForeground(column, QBrush(DONE_COLOUR))
        return item

    # --- reading -------------------------------------------------------------------------

    def section_item(self, section: str) -> QTreeWidgetItem:
        return self._sections[section]

    def section_ids(self, section: str) -> list[int]:
        """The task ids listed under ``section``, top to bottom."""
        top = self._sections[section]
        return [int(top.child(n).data(COL_TITLE, TaskIdRole)) for n in range(top.childCount())]

    def section_of(self, task_id: int) -> str | None:
        for name in SECTIONS:
            if task_id in self.section_ids(name):
                return name
        return None

    def row(self, task_id: int) -> Any:
        """The TaskRow shown for ``task_id`` (None when not listed)."""
        return self._rows.get(task_id)

    def current_id(self) -> int | None:
        item = self.currentItem()
        value = item.data(COL_TITLE, TaskIdRole) if item is not None else None
        return int(value) if value is not None else None

    def current_section(self) -> str | None:
        task_id = self.current_id()
        return self.section_of(task_id) if task_id is not None else None

    def select_id(self, task_id: int) -> bool:
        """Select (and show) the task's row; False when it is not listed."""
        for top in self._sections.values():
            for n in range(top.childCount()):
                child = top.child(n)
                if child.data(COL_TITLE, TaskIdRole) == task_id:
                    top.setExpanded(True)
                    self.setCurrentItem(child)
                    self.scrollToItem(child)
                    return True
        return False

    # --- actions -------------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        task_id = item.data(COL_TITLE, TaskIdRole)
        if task_id is not None:
            self.taskActivated.emit(int(task_id))

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        task_id = item.data(COL_TITLE, TaskIdRole) if item is not None else None
        if task_id is None:
            return
        self.setCurrentItem(item)
        menu = self.build_menu(int(task_id))
        menu.exec(self.viewport().mapToGlobal(position))
        menu.deleteLater()

    def build_menu(self, task_id: int) -> QMenu:
        """The context menu of a task: Complete…, Skip, Snooze ▸, Edit…, Open group/member."""
        row = self._rows.get(task_id)
        done = row is not None and row.status != "open"
        menu = QMenu(self)
        entries = [
            ("complete", self.tr("Complete…")),
            ("skip", self.tr("Skip")),
        ]
        for action, text in entries:
            self._add(menu, text, action, task_id).setEnabled(not done)
        snooze = menu.addMenu(self.tr("Snooze"))
        snooze.setEnabled(not done)
        for action, text in snooze_entries():
            self._add(snooze, text, action, task_id)
        menu.addSeparator()
        self._add(menu, self.tr("Edit…"), "edit", task_id)
        group = self._add(menu, self.tr("Open group"), "open_group", task_id)
        group.setEnabled(row is not None and row.group_id is not None)
        member = self._add(menu, self.tr("Open member"), "open_member", task_id)
        member.setEnabled(row is not None and row.member_id is not None)
        return menu

    def _add(self, menu: QMenu, text: str, action: str, task_id: int) -> QAction:
        entry = menu.addAction(text)
        entry.setData(action)
        entry.triggered.connect(lambda _c=False: self.actionRequested.emit(action, task_id))
        return entry


def snooze_entries() -> list[tuple[str, str]]:
    """The snooze choices as (action, words)."""
    return [
        ("snooze_hour", QCoreApplication.translate("TaskSections", "For 1 hour")),
        ("snooze_tomorrow", QCoreApplication.translate("TaskSections", "Until tomorrow morning")),
        ("snooze_next_week", QCoreApplication.translate("TaskSections", "Until next week")),
        ("snooze_choose", QCoreApplication.translate("TaskSections", "Choose a time…")),
    ]
