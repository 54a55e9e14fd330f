"""Enter, the mouse wheel and Tab behave as desktop users expect, in every dialog and view."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QLineEdit,
    QProxyStyle,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, meetup_plan, meetups
from app.core import members as core
from app.core.groups import create_group
from app.store.models import Member, Tier
from app.ui.meetups.meetup_dialog import TAB_AGENDA, MeetupDialog
from app.ui.members.member_dialog import MemberDialog
from app.ui.pyramid.tier_dialogs import TierDialog
from app.ui.widget_habits import WidgetHabitsStyle

ENTER = Qt.Key.Key_Return


def shown(qtbot: Any, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_in_the_tier_name_adds_the_tier_and_never_opens_the_colour_picker(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    picked: list[object] = []
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a: picked.append(a) or QColor())
    dialog = shown(qtbot, TierDialog())
    dialog.name_edit.setText("新人")  # typed (keyClicks takes ASCII only)
    qtbot.keyClick(dialog.name_edit, ENTER)
    assert picked == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert Tier.get(Tier.name == "新人").rank == 5


def test_enter_in_a_new_members_tags_creates_the_member_and_keeps_the_typed_tag(
    qtbot: Any,
) -> None:
    dialog = shown(qtbot, MemberDialog())
    dialog.name_edit.setText("张三")
    dialog.tags_edit.setFocus()
    dialog.tags_edit.setText("摄影")
    qtbot.keyClick(dialog.tags_edit, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted  # Save, not Cancel
    member = Member.get(Member.name == "张三")
    assert core.tags_of(member.id) == ["摄影"]


@pytest.fixture
def meetup_dialog(qtbot: Any, now: datetime) -> MeetupDialog:
    group = create_group("读书会").id
    start = clock.from_local(datetime(2026, 3, 20, 19))
    meetup = meetups.create_meetup("三月读书会", start, start + timedelta(hours=2), [group])
    dialog = MeetupDialog(meetup.id)
    shown(qtbot, dialog)
    return dialog


def test_enter_in_a_meetup_field_saves_and_never_prints(
    qtbot: Any, meetup_dialog: MeetupDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[object] = []
    monkeypatch.setattr(meetup_dialog, "open_print_preview", printed.append)
    meetup_dialog.venue_edit.setFocus()
    meetup_dialog.venue_edit.setText("图书馆三楼")
    qtbot.keyClick(meetup_dialog.venue_edit, ENTER)
    assert printed == []
    assert meetup_dialog.details_notice.text() == "Saved."
    assert meetups.get_meetup(meetup_dialog.meetup_id).venue == "图书馆三楼"
    assert meetup_dialog.isVisible()


def test_enter_on_a_focused_button_presses_that_button(
    qtbot: Any, meetup_dialog: MeetupDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[object] = []
    monkeypatch.setattr(meetup_dialog, "open_print_preview", printed.append)
    meetup_dialog.title_edit.setText("改了没存")
    meetup_dialog.print_button.setFocus()
    qtbot.keyClick(meetup_dialog.print_button, ENTER)
    assert len(printed) == 1
    assert meetups.get_meetup(meetup_dialog.meetup_id).title == "三月读书会"  # Save not pressed


def test_enter_in_the_agenda_title_adds_the_item(qtbot: Any, meetup_dialog: MeetupDialog) -> None:
    meetup_dialog.tabs.setCurrentIndex(TAB_AGENDA)
    agenda = meetup_dialog.agenda_tab
    agenda.title_edit.setFocus()
    agenda.title_edit.setText("自我介绍")
    qtbot.keyClick(agenda.title_edit, ENTER)
    assert [item.title for item in meetup_plan.agenda(meetup_dialog.meetup_id)] == ["自我介绍"]
    assert agenda.title_edit.text() == ""
    assert meetup_dialog.isVisible()


def wheel(widget: QWidget, steps: int = 1) -> None:
    """Turn the mouse wheel over ``widget`` by ``steps`` notches (up)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


Form = tuple[QWidget, QLineEdit, QSpinBox, QComboBox]


@pytest.fixture
def form(qtbot: Any) -> Form:
    """A page with a line edit (focused), a spin box at 14 and a combo box on "Helpers"."""
    page = QWidget()
    qtbot.addWidget(page)
    edit, spin, combo = QLineEdit(), QSpinBox(), QComboBox()
    spin.setRange(0, 100)
    spin.setValue(14)
    combo.addItems(["Core", "Helpers", "Active"])
    combo.setCurrentIndex(1)
    layout = QVBoxLayout(page)
    for widget in (edit, spin, combo):
        layout.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return page, edit, spin, combo


def test_the_wheel_leaves_an_unfocused_spin_box_and_combo_alone(form: Form) -> None:
    _page, edit, spin, combo = form
    wheel(spin)
    wheel(combo, -1)
    assert (spin.value(), combo.currentIndex()) == (14, 1)
    assert edit.hasFocus()  # the wheel does not take the focus either


def test_the_wheel_changes_a_focused_spin_box_and_combo(qtbot: Any, form: Form) -> None:
    _page, _edit, spin, combo = form
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo, -1)
    assert (spin.value(), combo.currentIndex()) == (15, 2)


def test_tab_leaves_a_table(qtbot: Any) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    table = QTableWidget(2, 3)
    for row in range(2):
        for column in range(3):
            table.setItem(row, column, QTableWidgetItem(f"{row}{column}"))
    after = QLineEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(table)
    layout.addWidget(after)
    page.show()
    qtbot.waitExposed(page)
    table.setCurrentCell(0, 0)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert table.currentColumn() == 0


class _SingleClickDesktop(QProxyStyle):
    """A desktop set to open items on a single click (KDE's default, for one)."""

    def styleHint(self, hint: Any, *args: Any) -> int:  # noqa: N802 - Qt override
        if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
            return 1
        return super().styleHint(hint, *args)


@pytest.mark.parametrize("habits", [False, True])
def test_a_single_click_never_opens_a_row(qtbot: Any, habits: bool) -> None:
    style = WidgetHabitsStyle(_SingleClickDesktop("fusion")) if habits else _SingleClickDesktop()
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)  # as the app's tables
    table.setItem(0, 0, QTableWidgetItem("张三"))
    table.setStyle(style)
    table.show()
    qtbot.waitExposed(table)
    opened: list[int] = []
    table.activated.connect(lambda index: opened.append(index.row()))
    centre = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened == ([] if habits else [0])  # without the habits such a desktop opens it
    if habits:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # the 2nd click
        assert opened == [0]
