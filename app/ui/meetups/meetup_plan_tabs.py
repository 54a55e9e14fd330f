"""A meetup's plan: agenda, checklist, budget and helper roles; each change writes at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, meetup_plan, meetups
from app.core.errors import HuoqunError
from app.ui.labels import MEETUP_ROLES, label
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.member_picker import MemberPicker

MeetupId = Callable[[], int | None]
IdRole = Qt.ItemDataRole.UserRole + 1


def _table(name: str, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, item_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if item_id is not None:
        item.setData(IdRole, item_id)
    return item


class PlanTab(QWidget):
    """An add row above a list, a Remove button and an error line; subclasses fill them."""

    changed = Signal()

    def __init__(self, meetup_id: MeetupId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meetup_id = meetup_id
        self._loading = False
        self.add_row = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self._write(self.add))
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self._write(self.remove))
        self.error = ErrorLabel("planError")
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.remove_button)
        self.bottom.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.add_row)

    def finish_layout(self, view: QWidget) -> None:
        """Put the Add button at the end of the add row; Enter in any of its fields adds."""
        for index in range(self.add_row.count()):
            field = self.add_row.itemAt(index).widget()
            if isinstance(field, QComboBox) and field.isEditable():
                field = field.lineEdit()
            if isinstance(field, QLineEdit):
                field.returnPressed.connect(lambda: self._write(self.add))
        self.add_row.addWidget(self.add_button)
        self.body.addWidget(view, 1)
        self.body.addWidget(self.error)
        self.body.addLayout(self.bottom)

    def meetup_id(self) -> int:
        meetup_id = self._meetup_id()
        assert meetup_id is not None
        return meetup_id

    def _write(self, action: Callable[[], object]) -> None:
        """Run a write; a refusal shows in place (an action returning False said why itself)."""
        if self._meetup_id() is None:
            return
        try:
            if action() is False:
                return
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.refresh()
        self.changed.emit()

    def add(self) -> object:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError


class AgendaTab(PlanTab):
    """Time, title and owner of each agenda item; titles can be edited in place."""

    def __init__(self, meetup_id: MeetupId, parent: QWidget | None = None) -> None:
        super().__init__(meetup_id, parent)
        self.setObjectName("agendaTab")
        self.time_edit = QTimeEdit(QTime(19, 0))
        self.time_edit.setObjectName("agendaTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("agendaTitle")
        self.title_edit.setPlaceholderText(self.tr("What happens, e.g. introductions"))
        self.owner_picker = MemberPicker()
        self.owner_picker.setObjectName("agendaOwner")
        self.owner_picker.setPlaceholderText(self.tr("Owner (optional)"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setObjectName("addAgendaButton")
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setObjectName("removeAgendaButton")
        self.table = _table("agendaTable", [self.tr("Time"), self.tr("Title"), self.tr("Owner")], 1)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(2, 140)
        self.table.itemChanged.connect(self._title_edited)
        self.add_row.addWidget(self.time_edit)
        self.add_row.addWidget(self.title_edit, 2)
        self.add_row.addWidget(self.owner_picker, 1)
        self.finish_layout(self.table)

    def refresh(self) -> None:
        meetup_id = self._meetup_id()
        items = meetup_plan.agenda(meetup_id) if meetup_id is not None else []
        if meetup_id is not None and not items:  # the first item starts with the meetup
            start = clock.to_local(meetups.get_meetup(meetup_id).start_at)
            self.time_edit.setTime(QTime(start.hour, start.minute))
        self._loading = True
        try:
            self.table.setRowCount(len(items))
            for n, item in enumerate(items):
                at = f"{clock.to_local(item.at):%H:%M}" if item.at else ""
                fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                when = _item(at, item.id)
                when.setFlags(fixed)
                owner = _item(item.owner.name if item.owner else "")
                owner.setFlags(fixed)
                self.table.setItem(n, 0, when)
                self.table.setItem(n, 1, _item(item.title, item.id))
                self.table.setItem(n, 2, owner)
        finally:
            self._loading = False

    def add(self) -> None:
        start = clock.to_local(meetups.get_meetup(self.meetup_id()).start_at)
        time = self.time_edit.time()
        local = datetime(start.year, start.month, start.day, time.hour(), time.minute())
        meetup_plan.add_agenda_item(
            self.meetup_id(),
            self.title_edit.text().strip(),
            at=clock.from_local(local),
            owner_id=self.owner_picker.chosen_member(),  # a typed name is taken or refused
        )
        self.title_edit.clear()
        self.owner_picker.set_member(None)

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            meetup_plan.remove_agenda_item(self.table.item(rows[0].row(), 0).data(IdRole))

    def _title_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        item_id, title = item.data(IdRole), item.text().strip()
        self._write(lambda: meetup_plan.update_agenda_item(item_id, title=title))


class ChecklistTab(PlanTab):
    """Tick what is done; add and remove items."""

    def __init__(self, meetup_id: MeetupId, parent: QWidget | None = None) -> None:
        super().__init__(meetup_id, parent)
        self.setObjectName("checklistTab")
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("checklistText")
        self.text_edit.setPlaceholderText(self.tr("Something to do before the day"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setObjectName("addChecklistButton")
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setObjectName("removeChecklistButton")
        self.list = QListWidget()
        self.list.setObjectName("checklistList")
        self.list.itemChanged.connect(self._ticked)
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        self.bottom.addWidget(self.progress)
        self.add_row.addWidget(self.text_edit, 1)
        self.finish_layout(self.list)

    def refresh(self) -> None:
        meetup_id = self._meetup_id()
        items = meetup_plan.checklist(meetup_id) if meetup_id is not None else []
        self._loading = True
        try:
            self.list.clear()
            for entry in items:
                item = QListWidgetItem(entry.text)
                item.setData(IdRole, entry.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self._loading = False
        done = sum(1 for entry in items if entry.done)
        self.progress.setText(self.tr("{done} of {total} done").format(done=done, total=len(items)))

    def add(self) -> None:
        meetup_plan.add_checklist_item(self.meetup_id(), self.text_edit.text().strip())
        self.text_edit.clear()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            meetup_plan.remove_checklist_item(item.data(IdRole))

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        item_id, done = item.data(IdRole), item.checkState() == Qt.CheckState.Checked
        self._write(lambda: meetup_plan.set_checklist_done(item_id, done))


class BudgetTab(PlanTab):
    """Budget lines in yuan (元) with two decimals, and their total."""

    def __init__(self, meetup_id: MeetupId, parent: QWidget | None = None) -> None:
        super().__init__(meetup_id, parent)
        self.setObjectName("budgetTab")
        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("budgetItem")
        self.item_edit.setPlaceholderText(self.tr("Item, e.g. venue hire"))
        self.amount_spin = QDoubleSpinBox()
        self.amount_spin.setObjectName("budgetAmount")
        self.amount_spin.setDecimals(2)
        self.amount_spin.setRange(-1_000_000, 10_000_000)
        self.amount_spin.setPrefix("¥ ")
        self.amount_spin.setMinimumWidth(130)
        self.add_button.setText(self.tr("Add"))
        self.add_button.setObjectName("addBudgetButton")
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setObjectName("removeBudgetButton")
        self.table = _table("budgetTable", [self.tr("Item"), self.tr("Amount (¥)")], 0)
        self.table.setColumnWidth(1, 140)
        self.total = QLabel()
        self.total.setObjectName("budgetTotal")
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        self.bottom.addWidget(self.total)
        self.add_row.addWidget(self.item_edit, 1)
        self.add_row.addWidget(self.amount_spin)
        self.finish_layout(self.table)

    def money(self, cents: int) -> str:
        return self.locale().toString(cents / 100, "f", 2)

    def refresh(self) -> None:
        meetup_id = self._meetup_id()
        lines = meetup_plan.budget(meetup_id) if meetup_id is not None else []
        self.table.setRowCount(len(lines))
        for n, line in enumerate(lines):
            self.table.setItem(n, 0, _item(line.item, line.id))
            amount = _item(self.money(line.amount_cents))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(n, 1, amount)
        total = meetup_plan.budget_total_cents(meetup_id) if meetup_id is not None else 0
        self.total.setText(self.tr("Total: ¥{amount}").format(amount=self.money(total)))

    def add(self) -> None:
        cents = round(self.amount_spin.value() * 100)
        meetup_plan.add_budget_line(self.meetup_id(), self.item_edit.text().strip(), cents)
        self.item_edit.clear()
        self.amount_spin.setValue(0)

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            meetup_plan.remove_budget_line(self.table.item(rows[0].row(), 0).data(IdRole))


class RolesTab(PlanTab):
    """Helpers and what each does (a listed role or free text)."""

    def __init__(self, meetup_id: MeetupId, parent: QWidget | None = None) -> None:
        super().__init__(meetup_id, parent)
        self.setObjectName("rolesTab")
        self.member_picker = MemberPicker()
        self.member_picker.setObjectName("roleMember")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        self.role_combo.setEditable(True)
        self.role_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter adds the role
        self.role_combo.setMinimumWidth(140)
        for code in meetup_plan.ROLES:
            self.role_combo.addItem(label(MEETUP_ROLES, code), code)
        self.add_button.setText(self.tr("Add"))
        self.add_button.setObjectName("addRoleButton")
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setObjectName("removeRoleButton")
        self.table = _table("rolesTable", [self.tr("Member"), self.tr("Role")], 0)
        self.table.setColumnWidth(1, 160)
        self.add_row.addWidget(self.member_picker, 1)
        self.add_row.addWidget(self.role_combo)
        self.finish_layout(self.table)

    def role(self) -> str:
        """The chosen role's code, or the text typed."""
        text = self.role_combo.currentText().strip()
        index = self.role_combo.findText(text)
        return str(self.role_combo.itemData(index)) if index >= 0 else text

    def refresh(self) -> None:
        meetup_id = self._meetup_id()
        roles = meetup_plan.roles(meetup_id) if meetup_id is not None else []
        self.table.setRowCount(len(roles))
        for n, (role, name) in enumerate(roles):
            self.table.setItem(n, 0, _item(name, role.id))
            self.table.setItem(n, 1, _item(label(MEETUP_ROLES, role.role)))

    def add(self) -> object:
        member_id = self.member_picker.chosen_member()  # a typed name is taken or refused
        if member_id is None:
            self.error.show_error(self.tr("Choose a member: type part of a name and pick one."))
            return False
        meetup_plan.add_role(self.meetup_id(), member_id, self.role())
        self.member_picker.set_member(None)
        return True

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            meetup_plan.remove_role(self.table.item(rows[0].row(), 0).data(IdRole))
