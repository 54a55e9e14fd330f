"""The groups list shows each group's health score and status, sorts and filters on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from app.core import groups, tasks
from app.ui.groups.group_table import COL_NAME, COL_SCORE, COL_STATUS, StatusRole
from app.ui.groups.panel import GroupsPanel
from tests.ui.today.test_today_panel import dying_group


def column(panel: GroupsPanel, col: int) -> list[str]:
    proxy = panel.proxy
    return [str(proxy.index(r, col).data() or "") for r in range(proxy.rowCount())]


def test_score_status_and_the_dying_filter(qtbot: Any, now: datetime) -> None:
    dying_group(now, "夜跑群")
    lively = groups.create_group("读书会", "wechat", "interest").id
    tasks.log_interaction("topic", group_id=lively, note="话题", at=now)
    panel = GroupsPanel()
    qtbot.addWidget(panel)
    panel.show()
    names = column(panel, COL_NAME)
    statuses = dict(zip(names, column(panel, COL_STATUS), strict=True))
    assert statuses["夜跑群"] == "Dying"
    assert statuses["读书会"] != "Dying"
    assert all(text.isdigit() for text in column(panel, COL_SCORE))
    dying_row = names.index("夜跑群")
    brush = panel.proxy.index(dying_row, COL_STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == "#b03a2e"
    assert panel.proxy.index(dying_row, COL_STATUS).data(StatusRole) == "dying"

    panel.table.sortByColumn(COL_SCORE, Qt.SortOrder.AscendingOrder)
    scores = [int(s) for s in column(panel, COL_SCORE)]
    assert scores == sorted(scores)

    combo = panel.status_filter
    combo.setCurrentIndex(combo.findData("dying"))
    assert column(panel, COL_NAME) == ["夜跑群"]
    assert combo.currentText() == "Dying"
    combo.setCurrentIndex(combo.findData(""))
    assert sorted(column(panel, COL_NAME)) == sorted(["夜跑群", "读书会"])
