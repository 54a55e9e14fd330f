"""Settings: back up now, restore a backup (the window reloads), export everything as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.core import database as backups
from app.core import groups, health_thresholds
from app.store.models import Group
from app.ui.jobs import _RUNNING
from app.ui.main_window import MainWindow
from app.ui.navigation import SETTINGS
from app.ui.settings.panel import SettingsPanel
from tests.ui.announcements import announced_by

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def panel(qtbot, database: Path) -> SettingsPanel:
    widget = SettingsPanel(database)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def jobs_done() -> bool:
    return not _RUNNING


def test_back_up_now_lists_the_new_backup(qtbot, panel: SettingsPanel) -> None:
    box = panel.backups_box
    assert box.table.rowCount() == 0
    assert not box.restore_button.isEnabled()
    click(qtbot, box.back_up_button)
    qtbot.waitUntil(lambda: box.table.rowCount() == 1, timeout=10_000)
    assert box.table.item(0, 1).text() == "Backed up by hand"
    assert box.notice.text().startswith("Backed up to huoqun-")
    assert [b.reason for b in backups.backups()] == ["manual"]


def test_restore_brings_back_the_data_and_the_window_reloads(
    qtbot, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups.create_group("读书会", "wechat", "interest")
    backups.back_up_now()
    groups.create_group("后来建的群", "qq", "interest")
    # after the backup: the restore undoes it
    health_thresholds.set_thresholds(group_cadence_days=30)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(jobs_done, timeout=10_000)  # the daily backup at start
    window.go_to(SETTINGS)  # on screen: the panel that restores shows the restored settings
    assert window.current_panel() is window.settings_panel
    box = window.settings_panel.backups_box
    manual = next(r for r, b in enumerate(box._infos) if b.reason == "manual")
    box.table.selectRow(manual)
    asked: list[str] = []
    monkeypatch.setattr(box, "confirm_restore", lambda made: asked.append(made) or True)
    with qtbot.waitSignal(**announced_by(window.settings_panel), timeout=10_000):
        click(qtbot, box.restore_button)
    assert len(asked) == 1
    assert [g.name for g in Group.select()] == ["读书会"]
    assert "before-restore" in [b.reason for b in backups.backups()]
    assert box.notice.text().startswith("Restored the backup made ")
    # the panel that restored shows the restored settings at once, not when next visited
    assert window.settings_panel.thresholds_box.spins["group_cadence_days"].value() == 7
    names = [
        window.groups_panel.table.model().index(r, 0).data()
        for r in range(window.groups_panel.table.model().rowCount())
    ]
    assert names == ["读书会"]


def test_cancelling_a_restore_changes_nothing(
    qtbot, panel: SettingsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups.back_up_now()
    groups.create_group("留下的群", "qq", "interest")
    panel.refresh()
    panel.backups_box.table.selectRow(0)
    monkeypatch.setattr(panel.backups_box, "confirm_restore", lambda _made: False)
    click(qtbot, panel.backups_box.restore_button)
    assert [g.name for g in Group.select()] == ["留下的群"]
    assert [b.reason for b in backups.backups()] == ["manual"]


def test_export_everything_as_json(
    qtbot, panel: SettingsPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups.create_group("读书会", "wechat", "interest")
    target = tmp_path / "all.json"
    monkeypatch.setattr(panel, "choose_json_path", lambda: str(target))
    click(qtbot, panel.json_button)
    qtbot.waitUntil(lambda: panel.json_notice.text() != "", timeout=10_000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [g["name"] for g in data["tables"]["chat_group"]] == ["读书会"]
    assert panel.json_notice.text().endswith("to all.json.")
    assert target.stat().st_mode & 0o777 == 0o600
