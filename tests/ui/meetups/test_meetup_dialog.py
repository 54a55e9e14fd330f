"""A meetup's page driven as a person would: RSVPs and the waitlist, attendance, the plan tabs,
printing and exporting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QPushButton

from app.core import clock, meetup_plan, meetups, memberships, settings
from app.core import members as core
from app.core import rsvp as attendance
from app.core.groups import create_group
from app.store.models import Meetup
from app.ui.jobs import _RUNNING
from app.ui.meetups.meetup_dialog import TAB_RSVPS, MeetupDialog
from app.ui.meetups.meetup_rsvps import COL_ATTENDED, COL_RSVP, COL_WAITLIST
from app.ui.widgets.member_picker import MemberPicker

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def local(*parts: int) -> datetime:
    return clock.from_local(datetime(*parts))


@dataclass
class Plan:
    meetup: int
    group: int
    zhang: int
    li: int
    wang: int


@pytest.fixture
def plan(now: datetime) -> Plan:
    group = create_group("读书会").id
    ids = []
    for name, nickname in (("张三", "三哥"), ("李四", ""), ("王五", "小五")):
        member = core.create_member(name)
        memberships.add_membership(member.id, group, nickname=nickname)
        ids.append(member.id)
    meetup = meetups.create_meetup(
        "三月读书会", local(2026, 3, 20, 19), local(2026, 3, 20, 21), [group], capacity=2
    )
    return Plan(meetup.id, group, *ids)


@pytest.fixture
def dialog(qtbot: Any, plan: Plan) -> MeetupDialog:
    widget = MeetupDialog(plan.meetup)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def click(qtbot: Any, button: QPushButton) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(picker: MemberPicker, name: str) -> None:
    picker.setText(name)
    picker.search_now()
    picker.choose(next(i for i, n in picker.matches() if n == name))


def test_the_page_shows_the_meetup(dialog: MeetupDialog, plan: Plan) -> None:
    assert dialog.windowTitle() == "Meetup: 三月读书会"
    assert dialog.title_edit.text() == "三月读书会"
    assert dialog.group_ids() == [plan.group]
    assert dialog.capacity_spin.value() == 2
    assert dialog.start_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-20 19:00"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Details", "RSVPs", "Agenda", "Checklist", "Budget", "Roles",
    ]  # fmt: skip
    assert dialog.checklist_tab.list.count() == len(settings.checklist_template())


def test_waitlist_promotion_and_attendance(qtbot: Any, dialog: MeetupDialog, plan: Plan) -> None:
    tab = dialog.rsvps_tab
    dialog.tabs.setCurrentIndex(TAB_RSVPS)
    for name in ("张三", "李四", "王五"):
        pick(tab.picker, name)
        click(qtbot, tab.add_button)
    assert [tab.rsvp_of(m) for m in (plan.zhang, plan.li, plan.wang)] == [
        "going", "going", "waitlist",
    ]  # fmt: skip
    assert tab.table.item(tab.row_of(plan.wang), COL_WAITLIST).text() == "1"
    assert "waitlist" in tab.notice.text()
    assert tab.counts.text() == "2 going · 1 waiting"
    assert not tab.all_attended_button.isEnabled()  # not begun yet
    flags = tab.table.item(0, COL_ATTENDED).flags()
    assert not flags & Qt.ItemFlag.ItemIsEnabled

    combo = tab.table.cellWidget(tab.row_of(plan.zhang), COL_RSVP)
    assert isinstance(combo, QComboBox)
    index = combo.findData("declined")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert tab.notice.text() == "王五 moved up from the waitlist."
    assert tab.rsvp_of(plan.wang) == "going"
    assert tab.rsvp_of(plan.zhang) == "declined"
    assert dialog.changed

    clock.fix(local(2026, 3, 20, 19, 30))  # the meetup has begun
    tab.refresh()
    li_attended = tab.table.item(tab.row_of(plan.li), COL_ATTENDED)
    assert li_attended.flags() & Qt.ItemFlag.ItemIsEnabled
    li_attended.setCheckState(Qt.CheckState.Checked)
    rows = {row.member_id: row for row in attendance.rsvps(plan.meetup)}
    assert rows[plan.li].attended is True
    click(qtbot, tab.all_attended_button)
    rows = {row.member_id: row for row in attendance.rsvps(plan.meetup)}
    assert rows[plan.wang].attended is True
    assert not rows[plan.zhang].attended
    assert tab.notice.text().startswith("Marked ")


def test_agenda_checklist_budget_and_roles_persist(
    qtbot: Any, dialog: MeetupDialog, plan: Plan
) -> None:
    agenda = dialog.agenda_tab
    agenda.time_edit.setTime(agenda.time_edit.time().fromString("19:30", "HH:mm"))
    agenda.title_edit.setText("自我介绍")
    pick(agenda.owner_picker, "李四")
    click(qtbot, agenda.add_button)
    items = meetup_plan.agenda(plan.meetup)
    assert [(i.title, i.owner.name) for i in items] == [("自我介绍", "李四")]
    assert clock.to_local(items[0].at).strftime("%Y-%m-%d %H:%M") == "2026-03-20 19:30"
    assert agenda.table.item(0, 0).text() == "19:30"
    agenda.table.item(0, 1).setText("自我介绍和破冰")
    assert meetup_plan.agenda(plan.meetup)[0].title == "自我介绍和破冰"

    checklist = dialog.checklist_tab
    before = len(meetup_plan.checklist(plan.meetup))
    checklist.text_edit.setText("买水果")
    click(qtbot, checklist.add_button)
    assert meetup_plan.checklist(plan.meetup)[-1].text == "买水果"
    checklist.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert meetup_plan.checklist(plan.meetup)[0].done
    assert checklist.progress.text() == f"1 of {before + 1} done"
    checklist.list.setCurrentRow(checklist.list.count() - 1)
    click(qtbot, checklist.remove_button)
    assert len(meetup_plan.checklist(plan.meetup)) == before

    budget = dialog.budget_tab
    for item, amount in (("场地费", 1234.5), ("水果", 100.0)):
        budget.item_edit.setText(item)
        budget.amount_spin.setValue(amount)
        click(qtbot, budget.add_button)
    assert meetup_plan.budget_total_cents(plan.meetup) == 133450
    assert budget.total.text() == "Total: ¥1,334.50"
    budget.table.selectRow(1)
    click(qtbot, budget.remove_button)
    assert budget.total.text() == "Total: ¥1,234.50"

    roles = dialog.roles_tab
    pick(roles.member_picker, "王五")
    roles.role_combo.setCurrentIndex(roles.role_combo.findData("check-in"))
    click(qtbot, roles.add_button)
    pick(roles.member_picker, "张三")
    roles.role_combo.setEditText("摄像")
    click(qtbot, roles.add_button)
    saved = [(role.role, name) for role, name in meetup_plan.roles(plan.meetup)]
    assert sorted(saved) == sorted([("check-in", "王五"), ("摄像", "张三")])
    assert sorted(roles.table.item(r, 1).text() for r in range(2)) == sorted(["Check-in", "摄像"])
    click(qtbot, roles.add_button)  # nobody chosen
    assert roles.error.text() == "Choose a member: type part of a name and pick one."


def test_refusals_show_in_place_and_write_nothing(
    qtbot: Any, dialog: MeetupDialog, plan: Plan
) -> None:
    dialog.title_edit.clear()
    click(qtbot, dialog.save_button)
    assert dialog.details_error.isVisibleTo(dialog)
    assert Meetup.get_by_id(plan.meetup).title == "三月读书会"
    dialog.title_edit.setText("三月读书会（改期）")
    click(qtbot, dialog.save_button)
    assert not dialog.details_error.isVisibleTo(dialog)
    assert Meetup.get_by_id(plan.meetup).title == "三月读书会（改期）"
    assert dialog.details_notice.text() == "Saved."


def test_save_pdf_export_ics_and_print(
    qtbot: Any, dialog: MeetupDialog, plan: Plan, tmp_path: Path, monkeypatch: Any
) -> None:
    attendance.set_rsvp(plan.meetup, plan.zhang, "going")
    pdf = tmp_path / "plan.pdf"
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda: pdf)
    click(qtbot, dialog.pdf_button)
    qtbot.waitUntil(lambda: not _RUNNING, timeout=20_000)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert dialog.notice.text().startswith("Saved ")

    calendar = tmp_path / "meetup.ics"
    monkeypatch.setattr(dialog, "choose_ics_path", lambda: calendar)
    click(qtbot, dialog.ics_button)
    text = calendar.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and "三月读书会" in text
    assert dialog.notice.text() == "Exported 1 meetup to meetup.ics."

    printed: list[QPrinter] = []

    def preview(printer: QPrinter) -> None:
        printed.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        dialog.render_plan(printer)

    monkeypatch.setattr(dialog, "open_print_preview", preview)
    click(qtbot, dialog.print_button)
    assert len(printed) == 1 and isinstance(printed[0], QPrinter)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    # The text layer is corrected there too: 月, not the radical ⽉ that shares its glyph.
    assert "三月读书会" in PdfReader(tmp_path / "printed.pdf").pages[0].extract_text()
