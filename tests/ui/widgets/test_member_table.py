"""The member table model: a valid Qt model, pages rows in, sorts in SQL by pinyin."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView

from app.core import clock, member_bulk
from app.core import members as core
from app.core.groups import create_group
from app.core.member_list import RELEVANCE, MemberFilter
from app.core.search import name_keys
from app.core.tiers import list_tiers, lowest_tier
from app.store.models import Member, db
from app.ui.widgets.member_table import (
    COL_GROUPS,
    COL_MATCHED,
    COL_NAME,
    COL_PHONE,
    COL_TAGS,
    COLUMNS,
    PAGE,
    MemberTableModel,
)

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明"]


def bulk_members(count: int) -> list[int]:
    """``count`` members with Chinese names, written in a few statements (fast set-up)."""
    tier = lowest_tier().id
    now = clock.now()
    rows = []
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + str(i)
        rows.append((name, name_keys(name)[0], tier, "active", now, f"1{i:010d}"))
    fields = [Member.name, Member.sort_key, Member.tier, Member.status, Member.first_seen]
    with db.atomic():
        for start in range(0, len(rows), 500):
            Member.insert_many(rows[start : start + 500], fields=[*fields, Member.phone]).execute()
    ids = [m.id for m in Member.select(Member.id).order_by(Member.id)]
    core.refresh_search(ids)
    return ids


def shown_names(model: MemberTableModel) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement run on the connection while the test runs."""
    seen: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(seen.append)
    yield seen
    connection.set_trace_callback(None)


def test_empty_model_is_a_valid_qt_model(qtmodeltester: object) -> None:
    model = MemberTableModel()
    model.reload()
    assert model.rowCount() == 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_model_with_members_filtered_and_sorted_stays_valid(qtmodeltester: object) -> None:
    ids = bulk_members(1000)
    group = create_group("读书会")
    member_bulk.bulk_add_to_group(ids[:10], group.id)
    member_bulk.bulk_add_tag(ids[:5], "志愿者")
    model = MemberTableModel()
    model.reload()
    assert model.rowCount() == 1000
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    model.set_filter(MemberFilter(group_id=group.id))
    assert model.rowCount() == 10
    assert model.index(0, COL_GROUPS).data() == "读书会"
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    model.set_filter(MemberFilter())
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 1000
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_phones_are_masked_and_tags_shown() -> None:
    member = core.create_member("张三", ["志愿者", "摄影"], phone="13800138000")
    model = MemberTableModel()
    model.reload()
    row = model.row_of(member.id)
    assert model.index(row, COL_PHONE).data() == "138****8000"
    assert model.index(row, COL_TAGS).data() == "志愿者, 摄影"


def test_only_the_painted_page_is_fetched(statements: list[str]) -> None:
    bulk_members(5000)
    model = MemberTableModel()
    statements.clear()
    model.set_filter(MemberFilter())
    assert model.rowCount() == 5000
    assert len(statements) == 1  # the ids, no row

    statements.clear()
    last = model.index(4999, COL_NAME).data()
    assert last
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3  # groups, tags and members of one page, whatever its size
    member_query = next(s for s in selects if "FROM member m" in s)
    page_ids = re.search(r"m\.id IN \(([^)]*)\)", member_query).group(1).split(",")  # type: ignore[union-attr]
    assert len(page_ids) == PAGE
    assert str(model.member_id(4999)) in page_ids

    statements.clear()
    model.index(4998, COL_NAME).data()  # same page: cached
    assert statements == []
    model.index(0, COL_NAME).data()  # another page: fetched now, not before
    assert len(statements) == 3


def test_sort_by_name_is_pinyin_order(qtbot: object) -> None:
    for name in ("张三", "阿明", "李四", "Bob", "王五", "欧阳娜娜"):
        core.create_member(name)
    model = MemberTableModel()
    assert model.rowCount() == 0  # nothing is searched until the model is told what to show
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.setModel(model)
    view.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    assert shown_names(model) == ["阿明", "Bob", "李四", "欧阳娜娜", "王五", "张三"]

    view.resize(600, 300)
    view.show()
    header = view.horizontalHeader()
    qtbot.mouseClick(  # type: ignore[attr-defined]
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COL_NAME) + 10, header.height() // 2),
    )
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_names(model) == ["张三", "王五", "欧阳娜娜", "李四", "Bob", "阿明"]


def test_sort_by_tier_keeps_the_selection() -> None:
    tiers = list_tiers()
    low = core.create_member("甲", tier_id=tiers[-1].id)
    top = core.create_member("乙", tier_id=tiers[0].id)
    model = MemberTableModel()
    model.reload()
    view = QTableView()
    view.setModel(model)
    view.selectRow(model.row_of(low.id))
    model.sort(1, Qt.SortOrder.AscendingOrder)  # tier rank: top first
    assert [model.member_id(r) for r in range(2)] == [top.id, low.id]
    selected = [model.member_id(i.row()) for i in view.selectionModel().selectedRows()]
    assert selected == [low.id]
    view.deleteLater()


def test_the_found_by_column_and_the_relevance_order(qtmodeltester: object) -> None:
    core.create_member("张晓燕", wechat_id="zxy_zhang")
    core.create_member("曾小悦")
    core.create_member("Amy", wechat_id="amy_zxy")
    model = MemberTableModel(matched_column=True)
    model.set_filter(MemberFilter(text="zxy"), RELEVANCE)
    assert model.columnCount() == len(COLUMNS) + 1
    assert shown_names(model) == ["曾小悦", "张晓燕", "Amy"]
    found = [model.index(row, COL_MATCHED).data() for row in range(3)]
    assert found == ["Name in pinyin", "Name in pinyin", "WeChat id"]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert shown_names(model) == ["张晓燕", "曾小悦", "Amy"]
    model.sort(-1)  # no column: relevance again
    assert shown_names(model) == ["曾小悦", "张晓燕", "Amy"]
    assert model.sort_key == RELEVANCE
    # a group's member list has no such column
    assert MemberTableModel().columnCount() == len(COLUMNS)
