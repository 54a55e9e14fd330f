"""The groups table model: Qt's model checks, the words and numbers it shows, its sort roles."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

from app.core import groups, members, memberships
from app.store.models import Interaction
from app.ui.groups.group_table import (
    ARCHIVED_COLOUR,
    COL_KIND,
    COL_LAST_INTERACTION,
    COL_MEMBERS,
    COL_NAME,
    COL_PARENT,
    COL_PLATFORM,
    ArchivedRole,
    GroupIdRole,
    GroupTableModel,
    SortRole,
)


def text(model: GroupTableModel, row: int, column: int) -> str:
    return str(model.index(row, column).data())


def column_texts(model: GroupTableModel, column: int) -> list[str]:
    return [text(model, row, column) for row in range(model.rowCount())]


def make_community() -> dict[str, int]:
    big = groups.create_group("深圳徒步俱乐部", "wechat", "interest")
    core = groups.create_group("徒步领队群", "qq", "core", parent_id=big.id)
    fans = groups.create_group("周杰伦歌迷会", "telegram", "fan")
    for i in range(3):
        member = members.create_member(f"成员{i}", qq=f"1000000{i}")
        memberships.add_membership(member.id, big.id)
        if i == 0:
            memberships.add_membership(member.id, core.id)
    return {"big": big.id, "core": core.id, "fans": fans.id}


def test_model_checks_empty_with_groups_and_after_refresh(qtmodeltester) -> None:
    model = GroupTableModel()
    model.refresh()
    qtmodeltester.check(model)
    make_community()
    model.refresh()
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    groups.create_group("读书会", "qq", "interest")
    model.refresh()
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_columns_show_translated_labels_counts_and_parents(now: datetime) -> None:
    ids = make_community()
    model = GroupTableModel()
    model.refresh()
    # pinyin order: shen zhen…, tu bu…, zhou jie lun…
    assert column_texts(model, COL_NAME) == ["深圳徒步俱乐部", "徒步领队群", "周杰伦歌迷会"]
    assert column_texts(model, COL_PLATFORM) == ["WeChat", "QQ", "Telegram"]
    assert column_texts(model, COL_KIND) == ["Interest / hobby", "Core group", "Fans of a star"]
    assert column_texts(model, COL_MEMBERS) == ["3", "1", "0"]
    assert column_texts(model, COL_PARENT) == ["", "深圳徒步俱乐部", ""]
    assert column_texts(model, COL_LAST_INTERACTION) == ["never", "never", "never"]
    assert [model.index(r, COL_NAME).data(GroupIdRole) for r in range(3)] == [
        ids["big"],
        ids["core"],
        ids["fans"],
    ]
    assert model.headerData(COL_MEMBERS, Qt.Orientation.Horizontal) == "Members"
    assert model.headerData(COL_LAST_INTERACTION, Qt.Orientation.Horizontal) == ("Last interaction")


def test_last_interaction_is_relative_then_a_local_date(now: datetime) -> None:
    ids = make_community()
    Interaction.create(group=ids["big"], kind="topic", at=now - timedelta(days=3))
    Interaction.create(group=ids["big"], kind="topic", at=now - timedelta(days=9))
    Interaction.create(group=ids["core"], kind="poll", at=now)
    Interaction.create(group=ids["fans"], kind="poll", at=now - timedelta(days=120))
    model = GroupTableModel()
    model.refresh()
    old = (now - timedelta(days=120)).strftime("%Y-%m-")  # the local date of that day
    texts = column_texts(model, COL_LAST_INTERACTION)
    assert texts[0] == "3 days ago"
    assert texts[1] == "today"
    assert texts[2].startswith(old)
    # newest first when sorted descending on the stored time, "never" last
    groups.create_group("新群", "wechat", "other")
    model.refresh()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(COL_LAST_INTERACTION, Qt.SortOrder.DescendingOrder)
    order = [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]
    assert order == ["徒步领队群", "深圳徒步俱乐部", "周杰伦歌迷会", "新群"]


def test_members_sort_numerically_and_names_in_pinyin() -> None:
    model = GroupTableModel()
    names = ["张三群", "阿里群", "Zoo", "北京群"]
    for name in names:
        groups.create_group(name, "wechat", "other")
    big = groups.find_group("北京群")
    assert big is not None
    for i in range(12):
        member = members.create_member(f"人{i}", qq=f"2000000{i:02d}")
        memberships.add_membership(member.id, big.id)
    small = groups.find_group("张三群")
    assert small is not None
    member = members.create_member("独行者", qq="30000001")
    memberships.add_membership(member.id, small.id)
    for i in range(2):
        extra = members.create_member(f"客{i}", qq=f"4000000{i}")
        memberships.add_membership(extra.id, small.id)
    model.refresh()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(COL_NAME)
    assert [proxy.index(r, COL_NAME).data() for r in range(4)] == [
        "阿里群",
        "北京群",
        "张三群",
        "Zoo",
    ]
    proxy.sort(COL_MEMBERS, Qt.SortOrder.DescendingOrder)
    # 12 before 3: numbers, not the text "12" < "3"
    assert [proxy.index(r, COL_MEMBERS).data() for r in range(4)] == ["12", "3", "0", "0"]


def test_archived_groups_only_when_asked_and_greyed() -> None:
    ids = make_community()
    groups.set_archived(ids["fans"], True)
    model = GroupTableModel()
    model.refresh()
    assert "周杰伦歌迷会" not in column_texts(model, COL_NAME)
    model.set_include_archived(True)
    row = model.row_of(ids["fans"])
    assert row >= 0
    assert model.index(row, COL_NAME).data(ArchivedRole) is True
    brush = model.index(row, COL_NAME).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == ARCHIVED_COLOUR
    live = model.row_of(ids["big"])
    assert model.index(live, COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is None


def test_filter_proxy_is_a_valid_model_and_matches_pinyin(qtmodeltester) -> None:
    from app.ui.groups.group_table import GroupFilterProxy

    make_community()
    model = GroupTableModel()
    model.refresh()
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_needle("tb")  # 徒步 by its initials, inside both names
    shown = {proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())}
    assert shown == {"徒步领队群", "深圳徒步俱乐部"}
    proxy.set_needle("zhoujie")
    assert [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())] == ["周杰伦歌迷会"]
    qtmodeltester.check(proxy)
    proxy.sort(COL_PARENT, Qt.SortOrder.AscendingOrder)
    proxy.set_needle("")
    assert proxy.rowCount() == 3
    assert proxy.index(2, COL_PARENT).data() == "深圳徒步俱乐部"
