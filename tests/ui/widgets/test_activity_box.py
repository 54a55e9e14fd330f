"""The Activity tab of a group's page and a member's page: open tasks, interactions, logging."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from app.core import members, tasks
from app.core.groups import create_group
from app.store.models import Interaction
from app.ui.groups.group_page import GroupPage
from app.ui.members.member_dialog import MemberDialog
from app.ui.widgets.outcome_dialog import InteractionDialog
from app.ui.widgets.task_dialog import TaskDialog


def accept_with(monkeypatch: pytest.MonkeyPatch, owner: Any, fill: Any) -> list[QDialog]:
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(owner, "exec_dialog", run)
    return seen


def test_group_page_activity_tab(
    qtbot: Any, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = create_group("读书会").id
    task = tasks.create_task("周五话题", "topic", group_id=group, due_at=now + timedelta(days=1))
    page = GroupPage()
    qtbot.addWidget(page)
    page.load(group)
    box = page.activity_box
    assert page.tabs.tabText(page.tabs.indexOf(box)) == "Activity (1)"
    assert box.tasks.ids() == [task.id]
    assert box.tasks_label.text() == "Open tasks (1)"

    def fill(dialog: Any) -> None:
        assert isinstance(dialog, InteractionDialog)
        dialog.set_kind("poll")
        dialog.note_edit.setPlainText("今天做了投票")

    accept_with(monkeypatch, box, fill)
    box.log_button.click()
    interaction = Interaction.get(Interaction.group == group)
    assert (interaction.kind, interaction.note) == ("poll", "今天做了投票")
    assert box.interactions.texts(2) == ["今天做了投票"]
    assert box.interactions_label.text() == "Recent interactions (1)"


def test_member_dialog_activity_tab_new_task(
    qtbot: Any, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = members.create_member("张三").id
    dialog = MemberDialog(member)
    qtbot.addWidget(dialog)
    box = dialog.activity_box
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[-2:] == ["Activity (0)", "Chat activity"]  # the chat's own tab after it

    def fill(sub: Any) -> None:
        assert isinstance(sub, TaskDialog)
        assert sub.member_picker.member_id() == member
        sub.title_edit.setText("关心一下张三")
        sub.kind_combo.setCurrentIndex(sub.kind_combo.findData("checkin"))

    accept_with(monkeypatch, dialog, fill)
    box.new_button.click()
    assert box.tasks.texts(1) == ["关心一下张三"]
    assert dialog.tabs.tabText(dialog.tabs.indexOf(box)) == "Activity (1)"
