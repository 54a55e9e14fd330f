"""The member page: create and edit a member, refusals shown in place, memberships."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from app.core import clock, memberships
from app.core import members as core
from app.core.groups import create_group
from app.core.tiers import list_tiers
from app.store.models import Attendance, Group, Meetup, Member, Membership, TierChange
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.membership_dialog import MembershipDialog
from app.ui.members.tags_edit import split_tags
from app.ui.widgets.optional_date import local_date, stored_moment

# The offscreen platform says what it cannot do (size hints, raise, keyboard grabs for popups).
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


def open_page(qtbot: Any, member_id: int | None = None) -> MemberDialog:
    dialog = MemberDialog(member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot: Any, dialog: MemberDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def answer(dialog: MemberDialog, monkeypatch: pytest.MonkeyPatch, fill: Any) -> None:
    """Fill each sub-dialog the page opens instead of waiting for a person."""

    def run(sub: QDialog) -> bool:
        fill(sub)
        return sub.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog, "exec_dialog", run)


def test_create_a_member(qtbot: Any) -> None:
    group = create_group("读书会")
    dialog = open_page(qtbot)
    assert dialog.windowTitle() == "New member"
    dialog.name_edit.insert("张三")  # as an input method commits it
    qtbot.keyClicks(dialog.qq_edit, "10001")
    qtbot.keyClicks(dialog.phone_edit, "+86 138-0013-8000")
    dialog.tags_edit.insert("志愿者，摄影")  # a full-width comma separates tags too
    qtbot.mouseClick(dialog.star_check, Qt.MouseButton.LeftButton)
    dialog.first_group_combo.setCurrentIndex(dialog.first_group_combo.findText("读书会"))
    save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    member = Member.get(Member.name == "张三")
    assert member.phone == "13800138000"
    assert member.qq == "10001"
    assert member.star
    assert sorted(core.tags_of(member.id)) == sorted(["志愿者", "摄影"])
    assert [m.group_id for m in memberships.memberships_of(member.id)] == [group.id]
    assert dialog.member_id == member.id and dialog.wrote


def test_a_new_member_whose_group_is_gone_is_not_half_written(qtbot: Any) -> None:
    group = create_group("读书会")
    dialog = open_page(qtbot)
    dialog.name_edit.insert("张三")
    dialog.first_group_combo.setCurrentIndex(dialog.first_group_combo.findText("读书会"))
    Group.delete_by_id(group.id)  # removed elsewhere while the page was open
    save(qtbot, dialog)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and dialog.error.text()  # why, in place
    assert Member.select().where(Member.name == "张三").count() == 0  # neither was written
    assert dialog.member_id is None and not dialog.wrote


def test_a_duplicate_qq_is_refused_in_place(qtbot: Any) -> None:
    existing = core.create_member("李四", qq="123456")
    dialog = open_page(qtbot)
    dialog.name_edit.insert("王五")
    qtbot.keyClicks(dialog.qq_edit, "123456")
    save(qtbot, dialog)

    assert dialog.isVisible()  # still open, to fix the number
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "李四" in dialog.error.text()
    assert f"#{existing.id}" in dialog.error.text()
    assert Member.select().count() == 1
    assert not dialog.wrote


def test_a_refused_edit_writes_nothing(qtbot: Any) -> None:
    member = core.create_member("张三", ["老会员"])
    dialog = open_page(qtbot, member.id)
    dialog.tags_edit.setText("新标签")
    qtbot.keyClicks(dialog.email_edit, "not-an-email")
    save(qtbot, dialog)
    assert "not-an-email" in dialog.error.text()
    assert core.tags_of(member.id) == ["老会员"]
    assert Member.get_by_id(member.id).email == ""

    dialog.email_edit.setText("zhang@example.com")  # fixed: now it saves
    save(qtbot, dialog)
    assert not dialog.error.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert core.tags_of(member.id) == ["新标签"]


def test_a_member_page_shows_everything_stored(qtbot: Any) -> None:
    member = core.create_member(
        "张三", ["志愿者"], qq="10001", phone="13800138000", city="杭州", status="banned"
    )
    dialog = open_page(qtbot, member.id)
    assert dialog.windowTitle() == "Member: 张三"
    assert dialog.phone_edit.text() == "13800138000"
    assert dialog.city_edit.text() == "杭州"
    assert dialog.status_combo.currentText() == "Banned"
    # the person's own status: active or banned (leaving is a group's, on the Groups tab)
    statuses = [dialog.status_combo.itemData(i) for i in range(dialog.status_combo.count())]
    assert statuses == ["active", "banned"]
    assert dialog.tags_edit.text() == "志愿者"
    assert dialog.tier_combo.currentData() == list_tiers()[-1].id


def test_changing_the_tier_records_a_tier_change(qtbot: Any) -> None:
    tiers = list_tiers()
    member = core.create_member("张三")
    dialog = open_page(qtbot, member.id)
    dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData(tiers[1].id))
    save(qtbot, dialog)

    change = TierChange.get(TierChange.member == member.id)
    assert (change.from_tier_id, change.to_tier_id) == (tiers[-1].id, tiers[1].id)
    assert Member.get_by_id(member.id).tier_id == tiers[1].id

    again = open_page(qtbot, member.id)
    history = again.history_table
    assert history.rowCount() == 1
    assert history.item(0, 1).text() == tiers[-1].name
    assert history.item(0, 2).text() == tiers[1].name
    assert again.tabs.tabText(2) == "Tier history (1)"


def test_saving_without_changes_writes_nothing(qtbot: Any) -> None:
    member = core.create_member("张三")
    dialog = open_page(qtbot, member.id)
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.wrote


def test_add_edit_and_leave_a_membership(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    group = create_group("夜跑群", platform="qq")
    create_group("读书会")
    member = core.create_member("张三")
    dialog = open_page(qtbot, member.id)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.memberships_table.rowCount() == 0

    def add(sub: QDialog) -> None:
        assert isinstance(sub, MembershipDialog)
        assert sub.group_combo is not None
        sub.group_combo.setCurrentIndex(sub.group_combo.findData(group.id))
        sub.nickname_edit.insert("跑者小张")
        sub.role_combo.setCurrentIndex(sub.role_combo.findData("admin"))
        sub.save_button.click()

    answer(dialog, monkeypatch, add)
    qtbot.mouseClick(dialog.add_membership_button, Qt.MouseButton.LeftButton)
    membership = Membership.get(Membership.member == member.id)
    assert (membership.group_id, membership.nickname, membership.role) == (
        group.id,
        "跑者小张",
        "admin",
    )
    assert membership.joined_at is not None
    table = dialog.memberships_table
    assert [table.item(0, c).text() for c in range(3)] == ["夜跑群", "跑者小张", "Admin"]
    assert dialog.tabs.tabText(1) == "Groups (1)"

    spoke = local_date(now) - timedelta(days=3)

    def edit(sub: QDialog) -> None:
        assert isinstance(sub, MembershipDialog)
        sub.nickname_edit.setText("小张")
        sub.last_spoke_edit.check.click()
        sub.last_spoke_edit.edit.setDate(QDate(spoke.year, spoke.month, spoke.day))
        sub.save_button.click()

    answer(dialog, monkeypatch, edit)
    table.selectRow(0)
    qtbot.mouseClick(dialog.edit_membership_button, Qt.MouseButton.LeftButton)
    membership = Membership.get_by_id(membership.id)
    assert membership.nickname == "小张"
    assert local_date(membership.last_spoke_at) == spoke
    assert table.item(0, 4).text() == spoke.isoformat()

    def clear(sub: QDialog) -> None:
        assert isinstance(sub, MembershipDialog)
        sub.last_spoke_edit.check.click()  # no date after all
        sub.save_button.click()

    answer(dialog, monkeypatch, clear)
    table.selectRow(0)
    qtbot.mouseClick(dialog.edit_membership_button, Qt.MouseButton.LeftButton)
    assert Membership.get_by_id(membership.id).last_spoke_at is None

    table.selectRow(0)
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)
    assert Membership.get_by_id(membership.id).left_at == now
    assert table.item(0, 5).text() == local_date(now).isoformat()
    assert not dialog.leave_button.isEnabled()
    assert dialog.tabs.tabText(1) == "Groups (0)"
    assert dialog.wrote


def test_a_refused_membership_date_is_shown_in_its_dialog(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = create_group("夜跑群")
    member = core.create_member("张三")
    memberships.add_membership(member.id, group.id, joined_at=datetime(2025, 6, 1, 12))
    dialog = open_page(qtbot, member.id)
    errors: list[str] = []

    def edit(sub: QDialog) -> None:
        assert isinstance(sub, MembershipDialog)
        sub.left_edit.check.click()
        sub.left_edit.edit.setDate(QDate(2025, 1, 1))  # before joining
        sub.save_button.click()
        errors.append(sub.error.text())

    answer(dialog, monkeypatch, edit)
    dialog.memberships_table.selectRow(0)
    qtbot.mouseClick(dialog.edit_membership_button, Qt.MouseButton.LeftButton)
    assert errors == ["A member cannot leave a group before joining it."]
    assert Membership.get(Membership.member == member.id).left_at is None


def test_meetups_attended_are_listed(qtbot: Any, now: datetime) -> None:
    member = core.create_member("张三")
    meetup = Meetup.create(
        title="春季读书会线下见面",
        start_at=now - timedelta(days=20),
        end_at=now - timedelta(days=20) + timedelta(hours=3),
    )
    Attendance.create(meetup=meetup, member=member, rsvp="going", rsvp_at=now, attended=True)
    dialog = open_page(qtbot, member.id)
    table = dialog.meetups_table
    assert [table.item(0, c).text() for c in (0, 2, 3)] == [
        "春季读书会线下见面",
        "Going",
        "Attended",
    ]
    assert table.item(0, 1).text() == clock.to_local(meetup.start_at).strftime("%Y-%m-%d %H:%M")
    assert dialog.tabs.tabText(3) == "Meetups (1 attended)"


def test_open_group_saves_the_profile_first(qtbot: Any) -> None:
    group = create_group("读书会")
    member = core.create_member("张三")
    memberships.add_membership(member.id, group.id)
    dialog = open_page(qtbot, member.id)
    qtbot.keyClicks(dialog.city_edit, "Hangzhou")
    dialog.memberships_table.selectRow(0)
    with qtbot.waitSignal(dialog.groupOpened) as blocker:
        qtbot.mouseClick(dialog.open_group_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [group.id]
    assert dialog.opened_group_id == group.id
    assert Member.get_by_id(member.id).city == "Hangzhou"


def test_a_chosen_day_is_stored_as_utc_and_shown_as_the_same_local_day() -> None:
    day = date(2026, 3, 14)
    stored = stored_moment(day)
    assert stored == clock.from_local(datetime(2026, 3, 14))
    assert local_date(stored) == day


def test_tags_complete_from_tags_in_use(qtbot: Any) -> None:
    core.create_member("张三", ["volunteer", "photography"])
    dialog = open_page(qtbot)
    edit = dialog.tags_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "regular, volu")
    popup = edit.completer_popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "regular, volunteer, "
    assert edit.tags() == ["regular", "volunteer"]


def test_tags_split_on_chinese_commas_too() -> None:
    assert split_tags("志愿者，摄影、 老会员; 志愿者,,") == ["志愿者", "摄影", "老会员"]


def test_erase_this_person_after_confirmation(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    group = create_group("读书会")
    keep = core.create_member("李四", qq="20002")
    gone = core.create_member("王小明", qq="10001", phone="13800138000", tags=["志愿者"])
    memberships.add_membership(gone.id, group.id, nickname="小明")
    dialog = open_page(qtbot, gone.id)
    asked: list[str] = []

    def refuse(name: str) -> bool:
        asked.append(name)
        return False

    monkeypatch.setattr(dialog, "confirm_erase", refuse)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert asked == ["王小明"]
    assert Member.get_or_none(Member.id == gone.id) is not None  # "Cancel" erases nothing

    monkeypatch.setattr(dialog, "confirm_erase", lambda _name: True)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.erased and dialog.wrote
    assert Member.get_or_none(Member.id == gone.id) is None
    assert Membership.select().where(Membership.member == gone.id).count() == 0
    assert [m.name for m in Member.select()] == [keep.name]


def test_a_new_member_page_has_no_erase_button(qtbot: Any) -> None:
    dialog = open_page(qtbot)
    assert not hasattr(dialog, "erase_button")


def test_an_existing_member_opens_with_no_field_to_type_over(qtbot: Any) -> None:
    member = core.create_member("蔡娜")
    page = open_page(qtbot, member.id)
    page.activateWindow()
    qtbot.waitActive(page)
    assert page.focusWidget() is page.tabs.tabBar()
    assert page.name_edit.selectedText() == ""
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_X)  # a stray key changes nothing
    assert page.name_edit.text() == "蔡娜"


def test_a_new_member_starts_at_the_name(qtbot: Any) -> None:
    page = open_page(qtbot)
    page.activateWindow()
    qtbot.waitActive(page)
    assert page.focusWidget() is page.name_edit


def test_the_groups_tab_sets_left_removed_and_back_per_group(qtbot: Any, now: datetime) -> None:
    """Left and removed belong to one group: the person stays in the other and stays active."""
    book, hike = create_group("读书会"), create_group("爬山群")
    member = core.create_member("李天欣")
    joined = now - timedelta(days=30)
    memberships.add_membership(member.id, book.id, joined_at=joined)
    memberships.add_membership(member.id, hike.id, joined_at=joined)
    dialog = open_page(qtbot, member.id)
    table = dialog.memberships_table

    def shown() -> list[tuple[str, str, str]]:
        return [
            (table.item(r, 0).text(), table.item(r, 5).text(), table.item(r, 6).text())
            for r in range(table.rowCount())
        ]

    assert shown() == [("读书会", "", "In group"), ("爬山群", "", "In group")]
    assert not dialog.leave_button.isEnabled()  # nothing chosen yet
    table.selectRow(0)
    assert dialog.leave_button.isEnabled() and dialog.remove_button.isEnabled()
    assert not dialog.back_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    today = local_date(now).isoformat()
    # ended memberships come last; the removed one stays chosen
    assert shown() == [("爬山群", "", "In group"), ("读书会", today, "Removed")]
    assert table.item(table.currentRow(), 0).text() == "读书会"
    assert dialog.tabs.tabText(1) == "Groups (1)"
    assert Membership.get(member=member.id, group=book.id).status == "removed"
    assert Membership.get(member=member.id, group=hike.id).status == "active"
    assert dialog.status_combo.currentData() == "active"  # the person is not banned
    assert not dialog.remove_button.isEnabled() and dialog.back_button.isEnabled()
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)  # left, not removed
    assert shown()[1] == ("读书会", today, "Left")
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert shown() == [("读书会", "", "In group"), ("爬山群", "", "In group")]
    assert dialog.tabs.tabText(1) == "Groups (2)"
    assert dialog.wrote
