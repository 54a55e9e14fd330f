"""Tiers edited from the Pyramid panel; a member's tier set with a reason, alone or in bulk."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import members as core
from app.core import memberships, tiers
from app.core.groups import create_group
from app.core.tiers import list_tiers
from app.store.models import Member, Tier, TierChange
from app.ui.members.bulk_dialogs import SetTierDialog
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.panel import MembersPanel
from app.ui.pyramid.panel import TAB_TIERS, PyramidPanel
from app.ui.pyramid.tier_dialogs import RemoveTierDialog, TierDialog
from app.ui.pyramid.tiers_editor import COL_CHECKIN, COL_MEMBERS, COL_NAME
from tests.ui.announcements import announced_by
from tests.ui.driving import answer_dialogs, click
from tests.ui.members.test_member_dialog import open_page, save
from tests.ui.members.test_members_panel import answer_dialogs as answer_members_dialogs
from tests.ui.members.test_members_panel import click_row, press

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def panel(qtbot: Any) -> PyramidPanel:
    widget = PyramidPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    widget.tabs.setCurrentIndex(TAB_TIERS)
    return widget


def tier_names(panel: PyramidPanel) -> list[str]:
    return panel.tiers.table.texts(COL_NAME)


def select_tier(panel: PyramidPanel, name: str) -> None:
    panel.tiers.table.selectRow(tier_names(panel).index(name))


def test_the_tiers_tab_lists_every_tier(panel: PyramidPanel) -> None:
    core.create_member("张三")
    panel.refresh()
    assert tier_names(panel) == ["Core", "Helpers", "Active", "Members"]
    assert [t for t in panel.tiers.table.texts(COL_CHECKIN)] == [
        "7 days",
        "14 days",
        "—",
        "—",
    ]
    assert panel.tiers.table.texts(COL_MEMBERS) == ["0", "0", "0", "1"]


def test_add_a_tier(qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TierDialog)
        assert dialog.windowTitle() == "Add a tier"
        dialog.name_edit.setText("新人")
        dialog.description_edit.setText("刚进群的成员")
        dialog.colour_edit.setText("#AABBCC")
        dialog.checkin_check.setChecked(True)
        dialog.checkin_spin.setValue(30)
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel.tiers.add_button)
    added = Tier.get(Tier.name == "新人")
    assert (added.rank, added.colour, added.checkin_days) == (5, "#aabbcc", 30)
    assert tier_names(panel)[-1] == "新人"
    assert panel.tiers.table.current_id() == added.id
    assert [b.name for b in panel.chart.bands()][-1] == "新人"


def test_a_refused_tier_stays_open_with_the_reason(
    qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TierDialog)
        dialog.name_edit.setText("Core")
        dialog.colour_edit.setText("red")
        dialog.ok_button.click()
        assert dialog.error.isVisibleTo(dialog)
        assert dialog.error.text() == "There is already a tier called “Core”."

    seen = answer_dialogs(monkeypatch, panel, fill)
    click(qtbot, panel.tiers.add_button)
    assert seen[0].result() != QDialog.DialogCode.Accepted
    assert Tier.select().count() == 4


def test_rename_and_drop_the_cadence(
    qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TierDialog)
        assert dialog.name_edit.text() == "Helpers"
        assert dialog.checkin_check.isChecked() and dialog.checkin_spin.value() == 14
        dialog.name_edit.setText("管理/骨干")
        dialog.checkin_check.setChecked(False)
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    select_tier(panel, "Helpers")
    click(qtbot, panel.tiers.edit_button)
    helpers = Tier.get(Tier.rank == 2)
    assert (helpers.name, helpers.checkin_days) == ("管理/骨干", None)
    assert tier_names(panel)[1] == "管理/骨干"
    assert panel.tiers.table.texts(COL_CHECKIN)[1] == "—"


def test_reorder(qtbot: Any, panel: PyramidPanel) -> None:
    select_tier(panel, "Active")
    assert panel.tiers.up_button.isEnabled() and panel.tiers.down_button.isEnabled()
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel.tiers.up_button)
    assert tier_names(panel) == ["Core", "Active", "Helpers", "Members"]
    assert [t.name for t in list_tiers()] == tier_names(panel)
    assert [b.name for b in panel.chart.bands()] == tier_names(panel)
    click(qtbot, panel.tiers.down_button)
    click(qtbot, panel.tiers.down_button)
    assert tier_names(panel) == ["Core", "Helpers", "Members", "Active"]
    assert not panel.tiers.down_button.isEnabled()  # already at the bottom
    select_tier(panel, "Core")
    assert not panel.tiers.up_button.isEnabled()


def test_remove_a_tier_with_members_moves_them(
    qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    active = Tier.get(Tier.name == "Active")
    members_tier = Tier.get(Tier.name == "Members")
    ids = [core.create_member(name, tier_id=active.id).id for name in ("张三", "李四")]
    # members of any status move too: 李四 left the only group he was in
    group = create_group("读书会").id
    memberships.add_membership(ids[1], group)
    memberships.set_membership_status(ids[1], group, "left")
    panel.refresh()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RemoveTierDialog)
        assert dialog.summary.text() == (
            "1 active member in “Active”, plus 1 no longer active (left, removed or banned). "
            "Choose the tier they all move to; the tier is then removed."
        )  # the table says 1 too; the one who left moves with them
        combo = dialog.move_combo
        assert [combo.itemData(i) for i in range(combo.count())] == [
            t.id for t in list_tiers() if t.id != active.id
        ]
        assert combo.currentData() == members_tier.id  # one tier down by default
        dialog.ok_button.click()

    seen = answer_dialogs(monkeypatch, panel, fill)
    select_tier(panel, "Active")
    assert panel.tiers.table.texts(COL_MEMBERS)[2] == "1"
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel.tiers.remove_button)
    assert len(seen) == 1
    assert tier_names(panel) == ["Core", "Helpers", "Members"]
    assert {Member.get_by_id(i).tier_id for i in ids} == {members_tier.id}
    reasons = {c.reason for c in TierChange.select().where(TierChange.member.in_(ids))}
    assert reasons == {"The tier “Active” was removed"}
    assert panel.tiers.table.texts(COL_MEMBERS)[-1] == "1"  # active members only
    assert len(panel.chart.bands()) == 3


def test_removing_the_bottom_tier_moves_its_members_up_one_never_to_core(
    qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    active = Tier.get(Tier.name == "Active")
    bottom = Tier.get(Tier.name == "Members")
    ids = [core.create_member(name).id for name in ("张三", "李四", "王五")]  # the bottom tier
    assert {Member.get_by_id(i).tier_id for i in ids} == {bottom.id}
    panel.refresh()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RemoveTierDialog)
        assert dialog.summary.text().startswith("3 active members in “Members”. Choose")
        assert dialog.move_combo.currentData() == active.id  # the tier above, not Core
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    select_tier(panel, "Members")
    assert panel.tiers.table.texts(COL_MEMBERS)[-1] == "3"
    click(qtbot, panel.tiers.remove_button)
    assert tier_names(panel) == ["Core", "Helpers", "Active"]
    assert {Member.get_by_id(i).tier_id for i in ids} == {active.id}
    assert panel.tiers.table.texts(COL_MEMBERS) == ["0", "0", "3"]


def test_removing_below_three_tiers_is_refused_in_place(
    qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiers.delete_tier(Tier.get(Tier.name == "Active").id)
    panel.refresh()
    seen = answer_dialogs(monkeypatch, panel, lambda dialog: dialog.reject())
    select_tier(panel, "Members")
    click(qtbot, panel.tiers.remove_button)
    assert not seen, "no dialog for a removal that cannot happen"
    assert panel.tiers.error.isVisibleTo(panel)
    assert panel.tiers.error.text().startswith("There must always be at least three tiers")
    assert tier_names(panel) == ["Core", "Helpers", "Members"]
    assert Tier.select().count() == 3


def test_removing_an_empty_tier(
    qtbot: Any, panel: PyramidPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RemoveTierDialog)
        assert dialog.summary.text() == "Remove the tier “Active”? Nobody is in it."
        assert not dialog.move_combo.isVisibleTo(dialog)
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    select_tier(panel, "Active")
    click(qtbot, panel.tiers.remove_button)
    assert tier_names(panel) == ["Core", "Helpers", "Members"]


# --- a member's tier -------------------------------------------------------------------------


def test_bulk_set_tier_from_the_members_panel(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    helpers = list_tiers()[1]
    ids = [core.create_member(name).id for name in ("张三", "李四", "王五")]
    core.set_tier([ids[2]], helpers.id)
    members = MembersPanel()
    qtbot.addWidget(members)
    members.resize(1100, 600)
    members.show()
    qtbot.waitExposed(members)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetTierDialog)
        assert dialog.summary.text().startswith("Move 3 members to a tier.")
        dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData(helpers.id))
        dialog.reason_edit.insert("读书会骨干")
        dialog.apply_button.click()  # the change runs as a job: wait for the dialog to close
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)

    answer_members_dialogs(monkeypatch, members, fill)
    click_row(qtbot, members, "张三")
    click_row(qtbot, members, "李四", ctrl=True)
    click_row(qtbot, members, "王五", ctrl=True)
    with qtbot.waitSignal(**announced_by(members)):
        press(qtbot, members, "tier_action")
    changes = TierChange.select().where(TierChange.reason == "读书会骨干")
    assert sorted(c.member_id for c in changes) == ids[:2]
    assert {Member.get_by_id(i).tier_id for i in ids} == {helpers.id}
    assert re.fullmatch(
        r"Moved 2 members? to “Helpers”; 1 already there\.",
        members.notice.text(),
    )


def test_the_bulk_tier_action_needs_a_selection(qtbot: Any) -> None:
    core.create_member("张三")
    members = MembersPanel()
    qtbot.addWidget(members)
    members.show()
    qtbot.waitExposed(members)
    assert not members.tier_action.isEnabled()
    click_row(qtbot, members, "张三")
    assert members.tier_action.isEnabled()


def test_member_page_tier_change_with_a_reason(qtbot: Any) -> None:
    helpers = list_tiers()[1]
    member = core.create_member("张三")
    dialog = open_page(qtbot, member.id)
    assert not dialog.tier_reason_edit.isVisibleTo(dialog)
    dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData(helpers.id))
    assert dialog.tier_reason_edit.isVisibleTo(dialog)
    assert dialog.tier_reason_edit.placeholderText() == "Reason for the tier change (optional)"
    qtbot.keyClicks(dialog.tier_reason_edit, "runs the book swap")
    save(qtbot, dialog)
    change = TierChange.get(TierChange.member == member.id)
    assert (change.to_tier_id, change.reason) == (helpers.id, "runs the book swap")

    again = open_page(qtbot, member.id)
    assert again.history_table.item(0, 3).text() == "runs the book swap"
    assert not again.tier_reason_edit.isVisibleTo(again)


def test_the_reason_line_hides_when_the_tier_goes_back(qtbot: Any) -> None:
    member = core.create_member("张三")
    dialog: MemberDialog = open_page(qtbot, member.id)
    original = dialog.tier_combo.currentIndex()
    dialog.tier_combo.setCurrentIndex(0)
    assert dialog.tier_reason_edit.isVisibleTo(dialog)
    dialog.tier_combo.setCurrentIndex(original)
    assert not dialog.tier_reason_edit.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert TierChange.select().count() == 0


def test_editing_a_tier_opens_with_no_field_to_type_over(qtbot: Any) -> None:
    dialog = TierDialog(Tier.get(Tier.name == "Core"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.focusWidget() is dialog.ok_button
    assert dialog.name_edit.selectedText() == ""
