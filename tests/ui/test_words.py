"""The words the window shows: one meaning for 活跃, placeholders in the interface's language,
Qt's own dialogs translated, and names with emoji drawn."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from app.core import clock, meetups, memberships, tasks
from app.core import members as core
from app.core.database import open_community
from app.core.groups import create_group
from app.store.database import close_database
from app.ui.app import install_translations
from app.ui.generated_text import show_default_tiers
from app.ui.groups import group_table
from app.ui.groups.group_page import HEALTH_TAB
from app.ui.groups.panel import GroupsPanel
from app.ui.meetups.meetup_dialog import MeetupDialog
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.membership_dialog import MembershipDialog
from app.ui.widgets.member_table import COL_NAME, COL_STATUS, MemberTableModel
from app.ui.widgets.task_dialog import TaskDialog
from tests.ui.groups.test_group_table_health import column
from tests.ui.groups.test_groups_panel import click_group
from tests.ui.today.test_today_panel import dying_group

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
# Latin words a Chinese placeholder may hold: ids and search keys typed as they are.
LATIN_KEPT = re.compile(r"\b(QQ|ID|TA|zs)\b|wxid_")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
RRULE_FIELDS = {"taskRrule"}  # an RFC 5545 rule (FREQ=WEEKLY;…) reads the same in any language
BLOSSOM = 0x1F338  # 🌸


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The Chinese interface for one test (the English one comes back after)."""
    install_translations(qapp, "zh_CN")
    try:
        yield
    finally:
        install_translations(qapp, "en")


@pytest.fixture
def chinese_community(tmp_path: Path, chinese: None) -> None:
    """A database opened in the Chinese interface: the default tiers show as 核心 / 管理/骨干 /
    活跃 / 普通 once the window starts."""
    close_database()
    open_community(tmp_path / "zh.db", "zh_CN")
    show_default_tiers()  # what the window does at its start


def local(*parts: int) -> datetime:
    return clock.from_local(datetime(*parts))


# Qt's own dialogs ----------------------------------------------------------------------------


def file_dialog_labels(qtbot: Any) -> dict[str, str]:
    dialog = QFileDialog(None, "", str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}


def test_qt_ships_its_chinese_translation() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_file_dialog_speaks_chinese(qtbot: Any, chinese: None) -> None:
    labels = file_dialog_labels(qtbot)
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileNameLabel"] == "文件名称(&N)："  # from Qt's own qtbase_zh_CN.qm
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_file_dialog_speaks_english(qtbot: Any) -> None:
    labels = file_dialog_labels(qtbot)
    assert (labels["lookInLabel"], labels["fileTypeLabel"]) == ("&Look in:", "Files of &type:")


# 活跃 means one thing: a tier ----------------------------------------------------------------


def test_member_statuses_and_the_tier_in_chinese(qtbot: Any, chinese_community: None) -> None:
    zhang = core.create_member("张三").id
    li = core.create_member("李四").id
    group = create_group("读书会").id
    memberships.add_membership(li, group)
    memberships.set_membership_status(li, group, "left")  # left the only group he was in
    dialog = MemberDialog(zhang)
    qtbot.addWidget(dialog)
    statuses = [dialog.status_combo.itemText(i) for i in range(dialog.status_combo.count())]
    assert statuses == ["未封禁", "已封禁"]  # the person's; leaving is a group's
    tiers = [dialog.tier_combo.itemText(i) for i in range(dialog.tier_combo.count())]
    assert tiers[2] == "3 · 活跃"
    model = MemberTableModel()
    model.reload()
    shown = {
        model.index(r, COL_NAME).data(): model.index(r, COL_STATUS).data()
        for r in range(model.rowCount())
    }
    assert shown == {"张三": "在群", "李四": "已退群"}


def test_group_health_in_chinese(qtbot: Any, now: datetime, chinese: None) -> None:
    dying_group(now, "夜跑群")
    panel = GroupsPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    panel.show()
    combo = panel.status_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", "濒危", "需关注", "健康"]
    assert column(panel, group_table.COL_STATUS) == ["濒危"]
    click_group(qtbot, panel, "夜跑群")
    assert panel.page.tabs.currentIndex() == HEALTH_TAB
    assert panel.page.health_tab.status_badge.text() == "濒危"
    words = {QCoreApplication.translate("Health", w) for w in ("Healthy", "Needs attention")}
    assert words == {"健康", "需关注"}
    assert "活跃" not in words


def test_group_health_in_english_is_healthy_not_alive(qtbot: Any, now: datetime) -> None:
    panel = GroupsPanel()
    qtbot.addWidget(panel)
    combo = panel.status_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All",
        "Dying",
        "Needs attention",
        "Healthy",
    ]


# Placeholders in the interface's language ----------------------------------------------------


def placeholders(widget: QWidget) -> dict[str, str]:
    """Every placeholder text of the line and text edits in ``widget``, by object name."""
    found = {}
    for edit in widget.findChildren(QLineEdit) + widget.findChildren(QTextEdit):
        found[edit.objectName() or repr(edit)] = edit.placeholderText()
    for plain in widget.findChildren(QPlainTextEdit):
        found[plain.objectName() or repr(plain)] = plain.placeholderText()
    return {name: text for name, text in found.items() if text}


def dialogs_with_fields(qtbot: Any) -> list[QWidget]:
    """The meetup, member, membership and task dialogs, new and existing, with every tab."""
    group = create_group("读书会").id
    zhang = core.create_member("张三").id
    memberships.add_membership(zhang, group)
    meetup = meetups.create_meetup(
        "三月读书会", local(2026, 3, 20, 19), local(2026, 3, 20, 21), [group]
    ).id
    widgets: list[QWidget] = [
        MeetupDialog(meetup),
        MeetupDialog(None),
        MemberDialog(None),
        MemberDialog(zhang),
        MembershipDialog(zhang),
        TaskDialog(),
        TaskDialog(group_id=group),
    ]
    for widget in widgets:
        qtbot.addWidget(widget)
    return widgets


def test_english_placeholders_have_no_chinese(qtbot: Any, now: datetime) -> None:
    shown = {}
    for dialog in dialogs_with_fields(qtbot):
        for name, text in placeholders(dialog).items():
            shown[f"{type(dialog).__name__}.{name}"] = text
    assert "MeetupDialog.meetupTitle" in shown and "MemberDialog.wechatEdit" in shown
    assert "MeetupDialog.budgetItem" in shown and "TaskDialog.taskTitle" in shown
    chinese = {name: text for name, text in shown.items() if CJK.search(text)}
    assert not chinese, chinese
    budget = MeetupDialog(None).findChild(QTableWidget, "budgetTable")
    headers = [budget.horizontalHeaderItem(i).text() for i in range(budget.columnCount())]
    assert not [h for h in headers if CJK.search(h)], headers


def test_chinese_placeholders_have_no_english(qtbot: Any, now: datetime, chinese: None) -> None:
    shown = {}
    for dialog in dialogs_with_fields(qtbot):
        for name, text in placeholders(dialog).items():
            if name not in RRULE_FIELDS:
                shown[f"{type(dialog).__name__}.{name}"] = text
    assert shown["MeetupDialog.meetupTitle"] == "例如：三月读书会线下分享"
    english = {
        name: text
        for name, text in shown.items()
        if ENGLISH_WORD.search(LATIN_KEPT.sub("", text)) or not CJK.search(text)
    }
    assert not english, english


# Names with emoji ----------------------------------------------------------------------------


def coloured_pixels(image: QImage, area: QRect) -> int:
    """Pixels of ``area`` with a clear colour (text is black or grey; 🌸 is pink)."""
    count = 0
    for x in range(area.left(), area.right() + 1):
        for y in range(area.top(), area.bottom() + 1):
            colour = QColor(image.pixel(x, y))
            count += colour.hsvSaturation() > 80 and colour.value() > 80
    return count


def test_a_name_with_an_emoji_is_drawn(qtbot: Any) -> None:
    core.create_member("小雨🌸")
    core.create_member("小雨")
    model = MemberTableModel()
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(700, 200)
    view.setColumnWidth(COL_NAME, 200)
    view.show()
    qtbot.waitExposed(view)
    rows = {model.index(r, COL_NAME).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"小雨🌸", "小雨"}

    # A font on the system has the glyph, and Qt's fallback picks it for the blossom.
    layout = QTextLayout("小雨🌸", view.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = [r for r in layout.glyphRuns() if r.rawFont().supportsCharacter(BLOSSOM)]
    assert runs, [r.rawFont().familyName() for r in layout.glyphRuns()]
    assert all(index != 0 for index in runs[0].glyphIndexes())  # glyph 0 is the empty box

    # And it shows in colour where the name is, while the same name without it has none.
    image = view.viewport().grab().toImage()

    def cell(name: str) -> QRect:
        return view.visualRect(model.index(rows[name], COL_NAME)).intersected(image.rect())

    assert coloured_pixels(image, cell("小雨")) == 0
    assert coloured_pixels(image, cell("小雨🌸")) >= 10


def test_the_status_column_fits_its_bold_words(qtbot: Any, now: datetime) -> None:
    reading = create_group("读书会", "wechat", "interest").id
    tasks.log_interaction("topic", group_id=reading, note="话题", at=now)
    panel = GroupsPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    panel.show()
    assert column(panel, group_table.COL_STATUS) == ["Needs attention"]
    cell = panel.proxy.index(0, group_table.COL_STATUS)
    drawn = QFontMetrics(cell.data(Qt.ItemDataRole.FontRole)).horizontalAdvance("Needs attention")
    assert panel.table.columnWidth(group_table.COL_STATUS) >= drawn + 8  # the cell's margins
