"""The Groups panel driven as a person would: click, type, read what is shown, check the file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from app.core import groups, members, memberships
from app.store.models import Group
from app.ui.groups.group_page import MEMBERS_TAB, PROFILE_TAB, SUBGROUPS_TAB
from app.ui.groups.group_table import ARCHIVED_COLOUR, COL_NAME, ArchivedRole
from app.ui.groups.panel import GroupsPanel
from tests.ui.announcements import announced_by

LEFT = Qt.MouseButton.LeftButton
# The offscreen platform warns whenever a window's size hints change (any word-wrapped label
# does that); a real desktop does not, and nothing is wrong.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def panel(qtbot) -> GroupsPanel:
    widget = GroupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.page.tabs.setCurrentIndex(PROFILE_TAB)  # Health comes first; most tests edit the profile
    return widget


def child(parent: QWidget, kind: type, name: str):  # noqa: ANN201 - the widget asked for
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} called {name!r}"
    return widget


def answer_modal(handle: Callable[[QWidget], None]) -> list[BaseException]:
    """Run ``handle`` on the next modal dialog as soon as it is shown; failures close it."""
    failures: list[BaseException] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, look)
            return
        try:
            handle(modal)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test
            failures.append(exc)
            modal.close()

    QTimer.singleShot(0, look)
    return failures


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a person: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_names(panel: GroupsPanel) -> list[str]:
    table = child(panel, QTableView, "groupTable")
    model = table.model()
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def row_index(panel: GroupsPanel, name: str) -> QModelIndex:
    model = child(panel, QTableView, "groupTable").model()
    for row in range(model.rowCount()):
        index = model.index(row, COL_NAME)
        if index.data() == name:
            return index
    raise AssertionError(f"{name} is not in the list")


def click_group(qtbot, panel: GroupsPanel, name: str) -> None:
    table = child(panel, QTableView, "groupTable")
    rect = table.visualRect(row_index(panel, name))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())


def page_title(panel: GroupsPanel) -> str:
    return child(panel, QLabel, "groupTitle").text()


def open_tab(qtbot, panel: GroupsPanel, index: int) -> None:
    bar = panel.page.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert panel.page.tabs.currentIndex() == index


def click(qtbot, panel: QWidget, name: str) -> None:
    qtbot.mouseClick(child(panel, QPushButton, name), LEFT)


# --- creating ------------------------------------------------------------------------------


def test_empty_state_says_what_to_do(panel: GroupsPanel) -> None:
    hint = child(panel, QLabel, "groupEmptyState")
    assert hint.isVisible()
    assert "New group" in hint.text()
    assert not child(panel, QWidget, "groupPage").isVisible()


def test_new_group_from_the_dialog_is_listed_selected_and_stored(qtbot, panel) -> None:
    def fill(dialog: QWidget) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "groupName"), "深圳徒步俱乐部")
        platform = child(dialog, QComboBox, "groupPlatform")
        platform.setCurrentIndex(platform.findText("QQ"))
        kind = child(dialog, QComboBox, "groupKind")
        kind.setCurrentIndex(kind.findText("Interest / hobby"))
        type_text(qtbot, child(dialog, QLineEdit, "groupPlatformId"), "123456789")
        child(dialog, QSpinBox, "groupMemberCap").setValue(2000)
        click(qtbot, dialog, "createGroupButton")

    failures = answer_modal(fill)
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel, "newGroupButton")
    assert not failures

    group = Group.get(Group.name == "深圳徒步俱乐部")
    assert (group.platform, group.kind, group.platform_id) == ("qq", "interest", "123456789")
    assert group.member_cap == 2000 and group.cadence_days is None
    assert shown_names(panel) == ["深圳徒步俱乐部"]
    assert child(panel, QTableView, "groupTable").selectionModel().isRowSelected(0, QModelIndex())
    assert child(panel, QWidget, "groupPage").isVisible()
    assert page_title(panel) == "深圳徒步俱乐部"


def test_new_group_dialog_shows_a_refusal_in_place_and_writes_nothing(qtbot, panel) -> None:
    groups.create_group("读书会", "wechat", "interest")
    seen: list[str] = []

    def refuse(dialog: QWidget) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "groupName"), "读书会")
        click(qtbot, dialog, "createGroupButton")
        error = child(dialog, QLabel, "groupDialogError")
        assert dialog.isVisible() and error.isVisible()
        seen.append(error.text())
        dialog.reject()

    failures = answer_modal(refuse)
    click(qtbot, panel, "newGroupButton")
    assert not failures
    assert seen == ["There is already a group called “读书会”."]
    assert Group.select().count() == 1


def test_new_sub_group_starts_with_its_parent(qtbot, panel) -> None:
    big = groups.create_group("深圳徒步俱乐部", "wechat", "interest")
    panel.refresh()
    panel.show_group(big.id)
    open_tab(qtbot, panel, SUBGROUPS_TAB)

    def fill(dialog: QWidget) -> None:
        assert child(dialog, QComboBox, "groupParent").currentText() == "深圳徒步俱乐部"
        type_text(qtbot, child(dialog, QLineEdit, "groupName"), "徒步领队群")
        click(qtbot, dialog, "createGroupButton")

    failures = answer_modal(fill)
    click(qtbot, panel, "newSubgroupButton")
    assert not failures
    assert Group.get(Group.name == "徒步领队群").parent_id == big.id
    assert page_title(panel) == "徒步领队群"


# --- editing -------------------------------------------------------------------------------


def test_edit_description_and_announcement_then_save(qtbot, panel) -> None:
    group = groups.create_group("深圳徒步俱乐部", "wechat", "interest")
    panel.refresh()
    click_group(qtbot, panel, "深圳徒步俱乐部")
    assert page_title(panel) == "深圳徒步俱乐部"
    save = child(panel, QPushButton, "saveGroupButton")
    assert not save.isEnabled()  # nothing to save yet

    type_text(qtbot, panel.page.description_edit, "每周六出发的徒步活动")
    type_text(qtbot, panel.page.announcement_edit, "禁止广告")
    cadence = child(panel, QSpinBox, "profileCadence")
    cadence.setValue(10)
    assert save.isEnabled()
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel, "saveGroupButton")

    stored = Group.get_by_id(group.id)
    assert stored.description == "每周六出发的徒步活动"
    assert stored.announcement == "禁止广告"
    assert stored.cadence_days == 10
    assert stored.member_cap is None
    assert child(panel, QLabel, "groupSaved").isVisible()
    assert not child(panel, QLabel, "groupError").isVisible()
    assert not save.isEnabled()


def test_a_group_cannot_become_its_own_sub_groups_child(qtbot, panel) -> None:
    big = groups.create_group("深圳徒步俱乐部", "wechat", "interest")
    groups.create_group("徒步领队群", "qq", "core", parent_id=big.id)
    panel.refresh()
    click_group(qtbot, panel, "深圳徒步俱乐部")
    parent = child(panel, QComboBox, "profileParent")
    parent.setCurrentIndex(parent.findText("徒步领队群"))
    type_text(qtbot, panel.page.description_edit, "大群")
    click(qtbot, panel, "saveGroupButton")

    error = child(panel, QLabel, "groupError")
    assert error.isVisible()
    assert "“徒步领队群” cannot be the parent" in error.text()
    stored = Group.get_by_id(big.id)
    assert stored.parent_id is None and stored.description == ""
    assert panel.page.is_dirty()  # the typed text is still there to fix


def test_an_empty_name_is_refused_in_place(qtbot, panel) -> None:
    group = groups.create_group("读书会", "wechat", "interest")
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    name = child(panel, QLineEdit, "profileName")
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    click(qtbot, panel, "saveGroupButton")
    assert child(panel, QLabel, "groupError").text() == "A group needs a name."
    assert Group.get_by_id(group.id).name == "读书会"
    click(qtbot, panel, "revertGroupButton")
    assert name.text() == "读书会"
    assert not child(panel, QLabel, "groupError").isVisible()


def test_leaving_unsaved_edits_asks_first(qtbot, panel, monkeypatch) -> None:
    first = groups.create_group("读书会", "wechat", "interest")
    groups.create_group("周杰伦歌迷会", "qq", "fan")
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    type_text(qtbot, panel.page.announcement_edit, "周日共读")

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(panel, "ask_unsaved", lambda name: answers.pop(0))
    click_group(qtbot, panel, "周杰伦歌迷会")
    assert page_title(panel) == "读书会"  # cancelled: still here, edits kept
    assert panel.page.announcement_edit.toPlainText() == "周日共读"
    assert row_index(panel, "读书会").row() == panel.table.currentIndex().row()

    click_group(qtbot, panel, "周杰伦歌迷会")
    assert page_title(panel) == "周杰伦歌迷会"
    assert Group.get_by_id(first.id).announcement == "周日共读"


def test_refresh_keeps_the_selection_and_unsaved_edits(qtbot, panel) -> None:
    groups.create_group("读书会", "wechat", "interest")
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    type_text(qtbot, panel.page.description_edit, "共读")
    groups.create_group("阿里巴巴校友群", "wechat", "organisation")  # sorts before 读书会
    panel.refresh()
    assert shown_names(panel) == ["阿里巴巴校友群", "读书会"]
    assert panel.table.selectionModel().isRowSelected(1, QModelIndex())
    assert panel.page.description_edit.toPlainText() == "共读"

    panel.activateWindow()
    qtbot.waitActive(panel)
    qtbot.keyClick(panel.page.description_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Group.get(Group.name == "读书会").description == "共读"


# --- archiving -----------------------------------------------------------------------------


def test_archive_hides_show_archived_greys_and_unarchive(qtbot, panel) -> None:
    group = groups.create_group("周杰伦歌迷会", "qq", "fan")
    groups.create_group("读书会", "wechat", "interest")
    panel.refresh()
    click_group(qtbot, panel, "周杰伦歌迷会")
    archive = child(panel, QPushButton, "archiveButton")

    def decline(box: QWidget) -> None:
        assert "周杰伦歌迷会" in box.text()
        box.button(QMessageBox.StandardButton.No).click()

    failures = answer_modal(decline)
    qtbot.mouseClick(archive, LEFT)
    assert not failures
    assert not Group.get_by_id(group.id).archived

    failures = answer_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(**announced_by(panel)):
        qtbot.mouseClick(archive, LEFT)
    assert not failures
    assert Group.get_by_id(group.id).archived
    assert shown_names(panel) == ["读书会"]
    assert child(panel, QLabel, "archivedBadge").isVisible()  # the page stays, to undo
    assert archive.text() == "Unarchive"

    qtbot.mouseClick(child(panel, QCheckBox, "showArchived"), LEFT)
    assert shown_names(panel) == ["读书会", "周杰伦歌迷会"]
    index = row_index(panel, "周杰伦歌迷会")
    assert index.data(ArchivedRole) is True
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == ARCHIVED_COLOUR

    click_group(qtbot, panel, "读书会")
    click_group(qtbot, panel, "周杰伦歌迷会")
    with qtbot.waitSignal(**announced_by(panel)):
        qtbot.mouseClick(archive, LEFT)  # unarchiving asks nothing
    assert not Group.get_by_id(group.id).archived
    assert row_index(panel, "周杰伦歌迷会").data(ArchivedRole) is False
    assert not child(panel, QLabel, "archivedBadge").isVisible()


def test_show_group_reveals_an_archived_group(qtbot, panel) -> None:
    group = groups.create_group("周杰伦歌迷会", "qq", "fan")
    groups.set_archived(group.id, True)
    panel.refresh()
    assert shown_names(panel) == []
    panel.show_group(group.id)
    assert child(panel, QCheckBox, "showArchived").isChecked()
    assert page_title(panel) == "周杰伦歌迷会"
    assert panel.table.selectionModel().isRowSelected(0, QModelIndex())


# --- members and sub-groups ----------------------------------------------------------------


def test_group_page_lists_its_members_and_opens_one(qtbot, panel) -> None:
    book = groups.create_group("读书会", "wechat", "interest")
    other = groups.create_group("周杰伦歌迷会", "qq", "fan")
    ids = {}
    for name, qq in (("张三", "10001"), ("李四", "10002"), ("王五", "10003"), ("赵六", "10004")):
        ids[name] = members.create_member(name, qq=qq).id
    for name in ("张三", "李四", "王五"):
        memberships.add_membership(ids[name], book.id)
    memberships.add_membership(ids["赵六"], other.id)
    memberships.leave_group(ids["王五"], book.id)
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    open_tab(qtbot, panel, MEMBERS_TAB)

    table = child(panel, QTableView, "groupMembers")
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert names == ["李四", "张三"]  # pinyin order; 王五 left, 赵六 is elsewhere
    assert child(panel, QLabel, "groupMemberCount").text() == "2 members"
    assert panel.page.tabs.tabText(MEMBERS_TAB) == "Members (2)"

    rect = table.visualRect(table.model().index(1, 0))
    with qtbot.waitSignal(panel.memberOpened) as opened:
        qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())  # a double-click's first
        qtbot.mouseDClick(table.viewport(), LEFT, pos=rect.center())
    assert opened.args == [ids["张三"]]

    qtbot.mouseClick(
        table.viewport(), LEFT, pos=table.visualRect(table.model().index(0, 0)).center()
    )
    with qtbot.waitSignal(panel.memberOpened) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [ids["李四"]]

    type_text(qtbot, child(panel, QLineEdit, "groupMemberFilter"), "zs")
    assert table.model().rowCount() == 1
    assert child(panel, QLabel, "groupMemberCount").text() == "1 of 2 members match"


def test_sub_groups_open_on_double_click_and_the_parent_link_goes_back(qtbot, panel) -> None:
    big = groups.create_group("深圳徒步俱乐部", "wechat", "interest")
    groups.create_group("徒步领队群", "qq", "core", parent_id=big.id)
    groups.create_group("徒步摄影组", "wechat", "interest", parent_id=big.id)
    groups.create_group("读书会", "wechat", "interest")
    panel.refresh()
    click_group(qtbot, panel, "深圳徒步俱乐部")
    assert not child(panel, QPushButton, "parentButton").isVisible()
    open_tab(qtbot, panel, SUBGROUPS_TAB)

    listing = panel.page.subgroup_list
    texts = [listing.item(r).text() for r in range(listing.count())]
    assert len(texts) == 2
    assert texts[0].startswith("徒步领队群") and "Core group" in texts[0]
    assert texts[1].startswith("徒步摄影组")
    assert panel.page.tabs.tabText(SUBGROUPS_TAB) == "Sub-groups (2)"

    rect = listing.visualItemRect(listing.item(0))
    qtbot.mouseClick(listing.viewport(), LEFT, pos=rect.center())
    assert page_title(panel) == "深圳徒步俱乐部"  # a click only selects
    qtbot.mouseDClick(listing.viewport(), LEFT, pos=rect.center())
    assert page_title(panel) == "徒步领队群"
    assert panel.table.currentIndex().data() == "徒步领队群"
    assert child(panel, QLabel, "noSubgroups").isVisible()

    parent = child(panel, QPushButton, "parentButton")
    assert parent.isVisible() and "深圳徒步俱乐部" in parent.text()
    qtbot.mouseClick(parent, LEFT)
    assert page_title(panel) == "深圳徒步俱乐部"


# --- finding -------------------------------------------------------------------------------


def test_filter_box_narrows_the_list_by_name_or_pinyin(qtbot, panel) -> None:
    for name in ("深圳徒步俱乐部", "徒步领队群", "读书会", "周杰伦歌迷会"):
        groups.create_group(name, "wechat", "interest")
    panel.refresh()
    box = child(panel, QLineEdit, "groupFilter")
    panel.focus_search()
    qtbot.waitUntil(box.hasFocus)

    type_text(qtbot, box, "徒步")
    assert shown_names(panel) == ["深圳徒步俱乐部", "徒步领队群"]
    assert child(panel, QLabel, "groupCount").text() == "2 of 4 groups shown"
    box.clear()
    type_text(qtbot, box, "dsh")
    assert shown_names(panel) == ["读书会"]
    box.clear()
    type_text(qtbot, box, "zhoujie")
    assert shown_names(panel) == ["周杰伦歌迷会"]
    box.clear()
    assert len(shown_names(panel)) == 4


def test_the_keyboard_goes_from_filter_to_list_to_page(qtbot, panel) -> None:
    for name in ("深圳徒步俱乐部", "读书会"):
        groups.create_group(name, "wechat", "interest")
    panel.refresh()
    panel.activateWindow()
    qtbot.waitActive(panel)
    panel.focus_search()
    box = child(panel, QLineEdit, "groupFilter")
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "dsh")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # opens the first match
    assert page_title(panel) == "读书会"
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # into its page
    assert child(panel, QLineEdit, "profileName").hasFocus()


def test_filtering_away_the_shown_group_keeps_its_page(qtbot, panel) -> None:
    groups.create_group("读书会", "wechat", "interest")
    groups.create_group("周杰伦歌迷会", "qq", "fan")
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    type_text(qtbot, child(panel, QLineEdit, "groupFilter"), "zhou")
    assert shown_names(panel) == ["周杰伦歌迷会"]
    assert page_title(panel) == "读书会"
    child(panel, QLineEdit, "groupFilter").clear()
    assert panel.table.currentIndex().data() == "读书会"
