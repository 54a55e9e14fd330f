"""No dialog opens narrower than its title: the title bar shows every word of it.

The filter is installed on the test application as on the real one (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from app.core import groups, members, rules
from app.ui.dialog_titles import TITLE_ROOM, title_width
from app.ui.pyramid.tier_dialogs import CareNoteDialog
from app.ui.widgets.people_dialog import PeopleDialog
from app.ui.widgets.rule_dialog import RuleGroupsDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
LONG_RULE = "群名片格式：城市-昵称，入群三天内改好，否则请管理员提醒后移出"


def _small_dialog() -> QDialog:
    dialog = QDialog()
    dialog.setWindowTitle("Snooze the task “Welcome the newcomers of 读书会” until")
    QVBoxLayout(dialog).addWidget(QDateTimeEdit())
    return dialog


def _progress() -> QDialog:
    dialog = QProgressDialog("Writing…", "Cancel", 0, 0)
    dialog.setWindowTitle("Loading a sample community of 3,000 members in 24 groups")
    return dialog


def _message_box() -> QDialog:
    return QMessageBox(
        QMessageBox.Icon.Question, "Save the changes to “我的世界上海开黑志愿者群”?", "Save?"
    )


def _rule_groups() -> QDialog:
    rule = rules.create_rule(LONG_RULE)
    return RuleGroupsDialog(rule.id, LONG_RULE)


def _care_note() -> QDialog:
    member = members.create_member("欧阳娜娜·Nana（上海交大）")
    return CareNoteDialog(member.id, member.name, recognition=False)


def _people() -> QDialog:
    return PeopleDialog("Helpers not contacted…", [f"骨干{i}" for i in range(1234)])


@pytest.mark.parametrize(
    "make", [_small_dialog, _progress, _message_box, _rule_groups, _care_note, _people]
)
def test_a_dialog_is_as_wide_as_its_title(qtbot: Any, make: Callable[[], QDialog]) -> None:
    groups.create_group("读书会")
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.width() >= title_width(dialog))  # a message box: once laid out
    words = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= words + TITLE_ROOM
    dialog.close()


def test_a_wide_dialog_keeps_its_width(qtbot: Any) -> None:
    dialog = QDialog()
    dialog.setWindowTitle("Hi")
    dialog.resize(600, 300)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() == 600
    assert title_width(QWidget()) == 0  # no title, nothing to fit
