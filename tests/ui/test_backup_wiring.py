"""Backups the window makes by itself: once a day at start, and before every bulk change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from app.core import database as backups
from app.core import members
from app.store.models import MemberTag
from app.ui.jobs import _RUNNING
from app.ui.main_window import MainWindow
from app.ui.members.bulk_dialogs import TagDialog


def reasons() -> list[str]:
    return [b.reason for b in backups.backups()]


def test_start_makes_a_daily_backup_off_the_ui_thread(qtbot, database: Path) -> None:
    assert reasons() == []
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: reasons() == ["daily"], timeout=10_000)
    second = MainWindow(database)  # the same day: no second backup
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(
        lambda: hasattr(second.start, "_backup_job") and second.start._backup_job not in _RUNNING
    )
    assert reasons() == ["daily"]


def test_a_bulk_change_is_backed_up_first(qtbot) -> None:
    ids = [members.create_member(name).id for name in ("张三", "李四")]
    dialog = TagDialog(ids)
    qtbot.addWidget(dialog)
    dialog.tag_combo.setEditText("志愿者")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _RUNNING)  # the change runs as a job
    assert MemberTag.select().where(MemberTag.tag == "志愿者").count() == 2
    assert reasons() == ["bulk"]
    backup = backups.backups()[0].path
    with sqlite3.connect(backup) as conn:
        tags = conn.execute("SELECT count(*) FROM member_tag").fetchone()[0]
    conn.close()
    assert tags == 0  # the backup holds the state before the change
