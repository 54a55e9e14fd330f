"""The Members panel driven as a person would: type, filter, select, open, change many."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

import app.ui.members.panel as members_panel_module
import app.ui.widgets.member_table as member_table
from app.core import member_bulk, memberships
from app.core import members as core
from app.core.groups import create_group
from app.core.tiers import list_tiers
from app.store.models import Member, Membership, MemberTag, db
from app.ui.changes import change_bus
from app.ui.members.bulk_dialogs import (
    AddToGroupDialog,
    BulkDialog,
    MergeDialog,
    TagDialog,
)
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.panel import MembersPanel
from app.ui.widgets.member_table import (
    COL_GROUPS,
    COL_MATCHED,
    COL_NAME,
    COL_QQ,
    COL_TAGS,
    COLUMNS,
    MemberTableModel,
)
from tests.ui.announcements import announced_by
from tests.ui.driving import answer_dialogs
from tests.ui.widgets.test_member_table import bulk_members

# The offscreen platform says what it cannot do (size hints, raise, keyboard grabs for popups).
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


# "%n member(s)" reads "1 member" / "2 members" with the English plural forms installed
MEMBERS = r"%s members?"


@dataclass
class Community:
    reading: int
    running: int
    zhang: int
    zhao: int
    li: int
    wang: int


@pytest.fixture
def community() -> Community:
    tiers = list_tiers()
    reading = create_group("读书会").id
    running = create_group("夜跑群", platform="qq").id
    zhang = core.create_member("张三", ["志愿者"], qq="10001", star=True).id
    zhao = core.create_member("赵四", tier_id=tiers[1].id).id
    li = core.create_member("李四", status="banned", phone="13800138000").id
    wang = core.create_member("王五", wechat_id="wangwu_88").id
    memberships.add_membership(zhang, reading, nickname="读书的张")
    memberships.add_membership(zhao, running)
    memberships.add_membership(wang, reading)
    return Community(reading, running, zhang, zhao, li, wang)


@pytest.fixture
def panel(qtbot: Any, community: Community) -> MembersPanel:
    widget = MembersPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(panel: MembersPanel) -> list[str]:
    """The names the table shows, top to bottom (a star is drawn before a name)."""
    model = panel.table.model()
    return [model.index(row, COL_NAME).data().removeprefix("★ ") for row in range(model.rowCount())]


def cell(panel: MembersPanel, name: str, column: int) -> str:
    row = names(panel).index(name)
    return panel.table.model().index(row, column).data()


def click_row(qtbot: Any, panel: MembersPanel, name: str, ctrl: bool = False) -> None:
    row = names(panel).index(name)
    rect = panel.table.visualRect(panel.table.model().index(row, COL_NAME))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def press(qtbot: Any, panel: MembersPanel, action_name: str) -> None:
    """Click the toolbar button of an action."""
    action = getattr(panel, action_name)
    assert action.isEnabled()
    qtbot.mouseClick(panel.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def apply_and_wait(qtbot: Any, dialog: QDialog) -> None:
    """Press the dialog's button; the change runs as a job: wait until the dialog closes or
    shows why it refused."""
    assert isinstance(dialog, BulkDialog)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.result() == QDialog.DialogCode.Accepted or bool(dialog.error.text()),
        timeout=30_000,
    )


def count_searches(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    real = member_table.search_ids

    def counted(*args: Any, **kwargs: Any) -> list[int]:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(member_table, "search_ids", counted)
    return calls


def test_shows_every_member_with_a_count(panel: MembersPanel) -> None:
    assert sorted(names(panel)) == sorted(["张三", "赵四", "李四", "王五"])
    assert re.fullmatch(MEMBERS % "4", panel.count_label.text())


def test_typing_pinyin_initials_finds_the_member(qtbot: Any, panel: MembersPanel) -> None:
    qtbot.keyClicks(panel.search, "zs")
    qtbot.waitUntil(lambda: sorted(names(panel)) == sorted(["张三", "赵四"]))
    panel.search.clear()
    qtbot.keyClicks(panel.search, "zhangsan")
    qtbot.waitUntil(lambda: names(panel) == ["张三"])
    panel.search.clear()
    panel.search.insert("读书的")  # a group nickname, as an input method enters it
    qtbot.waitUntil(lambda: names(panel) == ["张三"])


def click_header(qtbot: Any, panel: MembersPanel, column: int) -> None:
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


@pytest.fixture
def namesakes(panel: MembersPanel, community: Community) -> None:
    """Members ``zxy`` finds in different ways; 曾 reads zeng as a surname."""
    core.create_member("张晓燕", qq="123456")
    core.create_member("曾小悦", qq="9999999")
    nick = core.create_member("李明").id
    memberships.add_membership(nick, community.running, nickname="zxy的朋友")
    panel.refresh()


def test_typing_zxy_shows_zeng_xiaoyue_first_and_what_found_each(
    qtbot: Any, panel: MembersPanel, namesakes: None
) -> None:
    header = panel.table.horizontalHeader()
    assert panel.table.isColumnHidden(COL_MATCHED)  # nothing searched: nothing to explain
    qtbot.keyClicks(panel.search, "zxy")
    qtbot.waitUntil(lambda: panel.model.member_filter.text == "zxy")
    # the whole name in pinyin first (zeng before zhang), then a group nickname
    assert names(panel) == ["曾小悦", "张晓燕", "李明"]
    assert not panel.table.isColumnHidden(COL_MATCHED)
    assert header.visualIndex(COL_MATCHED) == header.visualIndex(COL_NAME) + 1
    assert panel.table.model().headerData(COL_MATCHED, Qt.Orientation.Horizontal) == "Found by"
    assert cell(panel, "曾小悦", COL_MATCHED) == "Name in pinyin"
    assert cell(panel, "李明", COL_MATCHED) == "Group nickname “zxy的朋友”"
    assert header.sortIndicatorSection() not in range(len(COLUMNS))  # best matches first

    panel.search.clear()
    panel.search_now()
    assert panel.table.isColumnHidden(COL_MATCHED)
    assert header.sortIndicatorSection() == COL_NAME
    # by name again, 曾 under zeng: li, li, wang, zeng, zhang, zhang, zhao
    assert names(panel) == ["李明", "李四", "王五", "曾小悦", "张三", "张晓燕", "赵四"]


def test_a_search_that_finds_nobody_says_so(qtbot: Any, panel: MembersPanel) -> None:
    assert panel.table.isVisible() and not panel.empty_label.isVisible()
    qtbot.keyClicks(panel.search, "xyz")
    qtbot.waitUntil(lambda: panel.empty_label.isVisible())
    assert panel.empty_label.text().startswith("No member matches “xyz”")
    assert not panel.table.isVisible()
    assert re.fullmatch(MEMBERS % "0", panel.count_label.text())
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("banned"))
    assert "filters" in panel.empty_label.text()  # the filters beside the box apply too
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: names(panel) == ["李四"])
    assert panel.table.isVisible() and not panel.empty_label.isVisible()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("left"))
    assert panel.empty_label.text() == "No member matches these filters."


def test_qq_header_sorts_numbers_as_numbers_with_blanks_last(
    qtbot: Any, panel: MembersPanel, namesakes: None
) -> None:
    click_header(qtbot, panel, COL_QQ)
    assert panel.table.horizontalHeader().sortIndicatorSection() == COL_QQ
    qq = [cell(panel, name, COL_QQ) for name in names(panel)]
    assert qq == ["10001", "123456", "9999999", "", "", "", ""]  # not 10001, 123456, 9999999
    assert names(panel)[:3] == ["张三", "张晓燕", "曾小悦"]
    click_header(qtbot, panel, COL_QQ)
    qq = [cell(panel, name, COL_QQ) for name in names(panel)]
    assert qq == ["9999999", "123456", "10001", "", "", "", ""]


def test_a_header_click_during_a_search_sorts_the_results_by_that_column(
    qtbot: Any, panel: MembersPanel, namesakes: None
) -> None:
    qtbot.keyClicks(panel.search, "zxy")
    qtbot.waitUntil(lambda: names(panel) == ["曾小悦", "张晓燕", "李明"])
    click_header(qtbot, panel, COL_QQ)
    assert names(panel) == ["张晓燕", "曾小悦", "李明"]  # 123456, 9999999, none
    qtbot.keyClick(panel.search, Qt.Key.Key_Backspace)  # refining the search keeps it
    qtbot.waitUntil(lambda: panel.model.member_filter.text == "zx")
    assert panel.table.horizontalHeader().sortIndicatorSection() == COL_QQ
    assert names(panel)[:2] == ["张晓燕", "曾小悦"]


def test_fast_typing_runs_one_search(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_searches(monkeypatch)
    qtbot.keyClick(panel.search, "z")
    qtbot.keyClick(panel.search, "s")
    assert calls == []  # nothing yet: waiting for a pause in typing
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert not panel.search_timer.isActive()  # and nothing else pending
    assert len(calls) == 1
    assert calls[0][0].text == "zs"


def test_enter_searches_at_once(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_searches(monkeypatch)
    qtbot.keyClicks(panel.search, "wangwu")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert len(calls) == 1
    assert not panel.search_timer.isActive()
    assert names(panel) == ["王五"]


def test_enter_on_a_row_opens_the_member_page(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = answer_dialogs(monkeypatch, panel, lambda dialog: None)
    qtbot.keyClicks(panel.search, "lisi")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # into the table
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    page = opened[0]
    assert isinstance(page, MemberDialog)
    assert page.name_edit.text() == "李四"
    assert page.phone_edit.text() == "13800138000"  # in full on the member's page


def test_double_click_opens_the_member_page(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = answer_dialogs(monkeypatch, panel, lambda dialog: None)
    row = names(panel).index("王五")
    rect = panel.table.visualRect(panel.table.model().index(row, COL_NAME))
    viewport = panel.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # a double click
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # is two clicks
    assert [d.name_edit.text() for d in opened] == ["王五"]  # type: ignore[attr-defined]


def test_filters(qtbot: Any, panel: MembersPanel, community: Community) -> None:
    def choose(combo_name: str, text: str) -> None:
        combo = getattr(panel, combo_name)
        index = combo.findText(text)
        assert index >= 0, text
        combo.setCurrentIndex(index)

    choose("group_filter", "读书会")
    assert sorted(names(panel)) == sorted(["张三", "王五"])
    choose("status_filter", "In group")
    assert sorted(names(panel)) == sorted(["张三", "王五"])
    choose("group_filter", "All groups")
    choose("status_filter", "Banned")
    assert names(panel) == ["李四"]
    choose("status_filter", "Any status")
    helpers = list_tiers()[1]
    choose("tier_filter", f"2 · {helpers.name}")
    assert names(panel) == ["赵四"]
    choose("tier_filter", "All tiers")
    choose("tag_filter", "志愿者")
    assert names(panel) == ["张三"]
    choose("tag_filter", "All tags")
    qtbot.mouseClick(panel.star_filter, Qt.MouseButton.LeftButton)
    assert names(panel) == ["张三"]
    qtbot.mouseClick(panel.star_filter, Qt.MouseButton.LeftButton)
    assert len(names(panel)) == 4


def test_bulk_actions_need_a_selection(qtbot: Any, panel: MembersPanel) -> None:
    assert not panel.tag_action.isEnabled()
    assert not panel.merge_action.isEnabled()
    click_row(qtbot, panel, "张三")
    assert panel.tag_action.isEnabled()
    assert not panel.merge_action.isEnabled()
    click_row(qtbot, panel, "王五", ctrl=True)
    assert panel.merge_action.isEnabled()
    assert re.fullmatch(MEMBERS % "2 of 4" + " selected", panel.count_label.text())


def test_bulk_tag(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        dialog.tag_combo.lineEdit().insert("摄影")  # input methods commit whole words
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "赵四")
    click_row(qtbot, panel, "王五", ctrl=True)
    with qtbot.waitSignal(**announced_by(panel)):
        press(qtbot, panel, "tag_action")
    tagged = {t.member_id for t in MemberTag.select().where(MemberTag.tag == "摄影")}
    assert tagged == {community.zhao, community.wang}
    assert cell(panel, "赵四", COL_TAGS) == "摄影"
    assert cell(panel, "王五", COL_TAGS) == "摄影"
    assert panel.tag_filter.findText("摄影") >= 0  # the new tag can be filtered on
    assert "2" in panel.notice.text()


def test_bulk_remove_tag(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        dialog.remove_radio.click()
        dialog.tag_combo.setCurrentText("志愿者")
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "张三")
    press(qtbot, panel, "tag_action")
    assert core.tags_of(community.zhang) == []
    assert cell(panel, "张三", COL_TAGS) == ""


def test_an_empty_tag_is_refused_in_the_dialog(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        apply_and_wait(qtbot, dialog)
        errors.append(dialog.error.text())

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "张三")
    with qtbot.assertNotEmitted(change_bus().changed):
        press(qtbot, panel, "tag_action")
    assert errors == ["A tag cannot be empty."]
    assert MemberTag.select().count() == 1


def test_bulk_add_to_group(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddToGroupDialog)
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findText("夜跑群"))
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "张三")
    click_row(qtbot, panel, "赵四", ctrl=True)  # already in it
    with qtbot.waitSignal(**announced_by(panel)):
        press(qtbot, panel, "add_group_action")
    in_running = {
        m.member_id
        for m in Membership.select().where(
            Membership.group == community.running, Membership.left_at.is_null()
        )
    }
    assert in_running == {community.zhang, community.zhao}
    assert cell(panel, "张三", COL_GROUPS) == "读书会、夜跑群"
    assert re.fullmatch(
        "Added " + MEMBERS % "1" + " to 夜跑群; 1 already in it.", panel.notice.text()
    )


def test_merge_two_records(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MergeDialog)
        shown.append(dialog.summary.text())
        keep = next(r for r in dialog.keep_radios if r.text().startswith("王五"))
        keep.click()
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "王五")
    click_row(qtbot, panel, "赵四", ctrl=True)
    with qtbot.waitSignal(**announced_by(panel)):
        press(qtbot, panel, "merge_action")
    assert "memberships" in shown[0]
    assert Member.get_or_none(Member.id == community.zhao) is None
    groups = {m.group_id for m in memberships.memberships_of(community.wang)}
    assert groups == {community.reading, community.running}
    assert sorted(names(panel)) == sorted(["张三", "李四", "王五"])
    assert cell(panel, "王五", COL_GROUPS) == "读书会、夜跑群"


def test_new_member_from_the_panel(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberDialog)
        dialog.name_edit.insert("欧阳娜娜")
        qtbot.keyClicks(dialog.qq_edit, "123456")
        dialog.save_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    with qtbot.waitSignal(**announced_by(panel)):
        panel.new_item()
    assert "欧阳娜娜" in names(panel)
    assert panel.current_id() == Member.get(Member.qq == "123456").id  # the new one is selected


def test_open_group_from_a_member_page(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberDialog)
        dialog.memberships_table.selectRow(0)
        dialog.open_group_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    with qtbot.waitSignal(panel.groupOpened) as blocker:
        panel.show_member(community.zhang)
    assert blocker.args == [community.reading]


def test_header_click_sorts_once_and_only_sortable_columns(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_searches(monkeypatch)
    header = panel.table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + 10
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )

    click(COL_NAME)
    assert len(calls) == 1
    assert names(panel) == ["赵四", "张三", "王五", "李四"]  # zhao, zhang, wang, li
    click(COL_GROUPS)  # cannot be sorted in SQL: nothing happens
    assert len(calls) == 1
    assert header.sortIndicatorSection() == COL_NAME


def test_refresh_keeps_filters_and_picks_up_new_groups(
    panel: MembersPanel, community: Community
) -> None:
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findText("志愿者"))
    create_group("新群")
    core.create_member("张小花", ["志愿者"])
    panel.refresh()
    assert panel.tag_filter.currentText() == "志愿者"
    assert panel.group_filter.findText("新群") >= 0
    assert sorted(names(panel)) == sorted(["张三", "张小花"])


def test_focus_search_selects_the_text(qtbot: Any, panel: MembersPanel) -> None:
    qtbot.keyClicks(panel.search, "zs")
    panel.table.setFocus()
    panel.focus_search()
    assert panel.search.hasFocus()
    assert panel.search.selectedText() == "zs"


def test_escape_clears_the_search(qtbot: Any, panel: MembersPanel) -> None:
    qtbot.keyClicks(panel.search, "wangwu")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert names(panel) == ["王五"]
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert len(names(panel)) == 4


def test_refresh_keeps_the_selection(qtbot: Any, panel: MembersPanel, community: Community) -> None:
    click_row(qtbot, panel, "王五")
    core.create_member("阿明")  # sorts first: every row moves down
    panel.refresh()
    assert names(panel)[0] == "阿明"
    assert panel.selected_ids() == [community.wang]
    assert panel.current_id() == community.wang


class CountingModel(MemberTableModel):
    """The member model, counting how often Qt asks for the row count."""

    row_counts = 0

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        CountingModel.row_counts += 1
        return super().rowCount(parent)


def test_selecting_thousands_loads_no_rows(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, community: Community
) -> None:
    bulk_members(5000)
    monkeypatch.setattr(members_panel_module, "MemberTableModel", CountingModel)
    panel = MembersPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()  # finish the first layout and paint
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    CountingModel.row_counts = 0
    try:
        panel.table.selectAll()  # what "Select all" in the table's menu does
        panel.repaint()
        ids = panel.selected_ids()
    finally:
        db.connection().set_trace_callback(None)
    assert len(ids) == 5004
    assert re.fullmatch(MEMBERS % "5,?004 of 5,?004" + " selected", panel.count_label.text())
    assert statements == []  # ids come from the model, no row is fetched
    assert CountingModel.row_counts < 1000  # painting does not walk every selected row


def test_bulk_tag_of_thousands_runs_off_the_ui_thread_and_refreshes_the_table(
    qtbot: Any, panel: MembersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk_members(5000)
    panel.refresh()
    threads: list[int] = []
    reports: list[tuple[int, int]] = []
    real_tag = member_bulk.bulk_add_tag

    def bulk_add_tag(ids: Any, tag: str, progress: Any = None) -> None:
        threads.append(threading.get_ident())

        def report(done: int, total: int) -> None:
            reports.append((done, total))
            progress(done, total)

        real_tag(ids, tag, report)

    monkeypatch.setattr(member_bulk, "bulk_add_tag", bulk_add_tag)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        dialog.tag_combo.lineEdit().insert("春游")
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    panel.table.selectAll()
    with qtbot.waitSignal(**announced_by(panel), timeout=30_000):
        press(qtbot, panel, "tag_action")
    assert threads and threads[0] != threading.get_ident()  # written in the worker
    assert len(reports) > 5 and reports[-1][1] == 5004  # progress, chunk by chunk
    assert MemberTag.select().where(MemberTag.tag == "春游").count() == 5004
    assert re.fullmatch(r"Tagged 5,?004 members “春游”\.", panel.notice.text())
    model = panel.table.model()
    assert all("春游" in model.index(row, COL_TAGS).data() for row in range(30))  # reloaded
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findText("春游"))
    assert panel.model.rowCount() == 5004


def test_cancel_during_a_bulk_change_writes_nothing_and_keeps_the_dialog(
    qtbot: Any, panel: MembersPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real_add = member_bulk.bulk_add_to_group

    def gated_add(ids: Any, group_id: int, progress: Any = None) -> int:
        def gate(done: int, total: int) -> None:
            started.set()
            release.wait(10)  # the person presses Cancel while the first chunk is written
            progress(done, total)

        return real_add(ids, group_id, gate)

    monkeypatch.setattr(member_bulk, "bulk_add_to_group", gated_add)
    before = Membership.select().count()
    seen: list[tuple[bool, bool]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddToGroupDialog)
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findText("夜跑群"))
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(started.is_set, timeout=10_000)
        assert dialog.job is not None
        qtbot.mouseClick(dialog.job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        release.set()
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        seen.append(
            (dialog.result() == QDialog.DialogCode.Accepted, dialog.apply_button.isEnabled())
        )

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "张三")
    click_row(qtbot, panel, "王五", ctrl=True)
    with qtbot.assertNotEmitted(change_bus().changed):
        press(qtbot, panel, "add_group_action")
    assert seen == [(False, True)]  # still open, and the person may try again
    assert Membership.select().count() == before
    assert cell(panel, "张三", COL_GROUPS) == "读书会"
