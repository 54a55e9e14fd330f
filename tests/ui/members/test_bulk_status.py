"""The Members panel's bulk "Set status": left or removed from the groups ticked, or a
person's own status (not banned, banned), as a person uses it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from app.core import memberships
from app.store.models import Member, Membership
from app.ui.members.bulk_status_dialog import SetStatusDialog
from app.ui.members.panel import MembersPanel
from app.ui.widgets.member_table import COL_GROUPS, COL_STATUS
from tests.ui.announcements import announced_by
from tests.ui.driving import answer_dialogs
from tests.ui.members import test_members_panel as members_page
from tests.ui.members.test_members_panel import (
    Community,
    apply_and_wait,
    cell,
    click_row,
    press,
)

community = members_page.community  # the Members panel's fixtures
panel = members_page.panel
pytestmark = members_page.pytestmark


def test_bulk_set_status_asks_for_the_groups(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removed from one of their groups: that membership only; the person stays active."""
    memberships.add_membership(community.wang, community.running)
    offered: list[list[str]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetStatusDialog)
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("Removed"))
        assert dialog.group_list.isVisibleTo(dialog) and not dialog.reason_edit.isVisibleTo(dialog)
        lines = [dialog.group_list.item(r) for r in range(dialog.group_list.count())]
        offered.append([line.text() for line in lines])
        assert lines[0].checkState() == Qt.CheckState.Checked  # all their groups, at first
        running = next(line for line in lines if line.text() == "夜跑群")
        rect = dialog.group_list.visualItemRect(running)
        check = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # its check box
        qtbot.mouseClick(dialog.group_list.viewport(), Qt.MouseButton.LeftButton, pos=check)
        assert running.checkState() == Qt.CheckState.Checked
        assert lines[0].checkState() == Qt.CheckState.Unchecked  # one or the other
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "王五")
    with qtbot.waitSignal(**announced_by(panel)):
        press(qtbot, panel, "status_action")
    assert offered == [["All their groups", "读书会", "夜跑群"]]
    state = {
        m.group_id: m.status for m in Membership.select().where(Membership.member == community.wang)
    }
    assert state == {community.reading: "active", community.running: "removed"}
    assert Member.get_by_id(community.wang).status == "active"
    assert cell(panel, "王五", COL_STATUS) == "In group"  # still in 读书会
    assert cell(panel, "王五", COL_GROUPS) == "读书会"
    assert panel.notice.text() == "Marked 1 member “Removed” in 夜跑群."


def test_bulk_left_from_all_their_groups_and_a_ban_on_the_person(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    choices = iter(("Left", "Banned"))

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetStatusDialog)
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findText(next(choices)))
        if dialog.status_combo.currentData() == "banned":
            assert dialog.reason_edit.isVisibleTo(dialog)
            assert not dialog.group_list.isVisibleTo(dialog)
            apply_and_wait(qtbot, dialog)  # a ban needs a reason: refused, nothing written
            assert dialog.error.text() == "A ban needs a reason."
            dialog.reason_edit.insert("发广告")
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "王五")
    click_row(qtbot, panel, "张三", ctrl=True)
    with qtbot.waitSignal(**announced_by(panel)):
        press(qtbot, panel, "status_action")
    left = Membership.select().where(Membership.member.in_([community.wang, community.zhang]))
    assert {(m.status, m.left_at is not None) for m in left} == {("left", True)}
    assert cell(panel, "王五", COL_STATUS) == "Left"  # out of every group they were in
    assert cell(panel, "王五", COL_GROUPS) == ""
    assert panel.notice.text() == "Marked 2 members “Left” in all their groups."
    click_row(qtbot, panel, "王五")
    with qtbot.waitSignal(**announced_by(panel)):
        press(qtbot, panel, "status_action")
    wang = Member.get_by_id(community.wang)
    assert (wang.status, wang.status_reason) == ("banned", "发广告")  # the person's
    assert cell(panel, "王五", COL_STATUS) == "Banned"
