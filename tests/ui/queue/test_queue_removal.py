"""Completing "Remove X from G" in the Queue marks X removed from G, after asking; the Ban list
follows whichever side is used."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.core import bans, members, memberships
from app.core.groups import create_group
from app.store.models import Interaction, Membership, Task
from app.ui.queue.panel import QueuePanel
from app.ui.rules.ban_list_view import COL_STILL_IN
from app.ui.rules.panel import TAB_BANS, RulesPanel
from app.ui.widgets.outcome_dialog import OutcomeDialog
from tests.ui.driving import answer_dialogs, click

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def place(now: datetime) -> dict[str, int]:
    """李天欣 banned while in 剧本杀同好会 and 读书会: a removal task for each."""
    ids = {name: create_group(name).id for name in ("剧本杀同好会", "读书会")}
    ids["li"] = members.create_member("李天欣").id
    for name in ("剧本杀同好会", "读书会"):
        memberships.add_membership(ids["li"], ids[name], joined_at=now - timedelta(days=90))
    bans.ban_member(ids["li"], "发广告", now=now - timedelta(hours=1))
    return ids


@pytest.fixture
def panels(qtbot: Any, place: dict[str, int]) -> tuple[QueuePanel, RulesPanel]:
    queue, rules = QueuePanel(), RulesPanel()
    for widget in (queue, rules):
        qtbot.addWidget(widget)
        widget.resize(1000, 600)
        widget.show()
        widget.refresh()
    rules.show_tab(TAB_BANS)
    return queue, rules


def removal(place: dict[str, int], group: str) -> Task:
    return Task.get(Task.member == place["li"], Task.group == place[group])


def complete(qtbot: Any, queue: QueuePanel, task_id: int) -> None:
    assert queue.select_task(task_id)
    click(qtbot, queue.complete_button)


def test_completing_asks_and_marks_her_removed_from_the_group(
    qtbot: Any,
    panels: tuple[QueuePanel, RulesPanel],
    place: dict[str, int],
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    queue, rules = panels
    assert rules.ban_list.table.texts(COL_STILL_IN) == ["读书会、剧本杀同好会"]

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, OutcomeDialog)
        assert dialog.windowTitle() == "Removed from the group?"
        assert dialog.summary.text() == (
            "Did you remove 李天欣 from 剧本杀同好会 in the chat app? Completing marks them "
            "removed from 剧本杀同好会; the Ban list follows."
        )
        assert dialog.ok_button.text() == "Yes, removed"
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "Not removed yet"
        dialog.outcome_edit.setPlainText("群主帮忙踢了")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, queue, answer)
    task = removal(place, "剧本杀同好会")
    complete(qtbot, queue, task.id)
    assert Task.get_by_id(task.id).status == "done"
    assert Membership.get(member=place["li"], group=place["剧本杀同好会"]).left_at == now
    assert Membership.get(member=place["li"], group=place["读书会"]).left_at is None
    assert Interaction.get(Interaction.task == task.id).note == "群主帮忙踢了"
    # the Ban list, following the change, shows where she still is
    assert rules.ban_list.table.texts(COL_STILL_IN) == ["读书会"]


def test_not_removed_yet_leaves_the_task_open_and_her_in_the_group(
    qtbot: Any,
    panels: tuple[QueuePanel, RulesPanel],
    place: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    queue, rules = panels

    def answer(dialog: QDialog) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    seen = answer_dialogs(monkeypatch, queue, answer)
    task = removal(place, "读书会")
    complete(qtbot, queue, task.id)
    assert len(seen) == 1
    assert Task.get_by_id(task.id).status == "open"
    assert Membership.get(member=place["li"], group=place["读书会"]).left_at is None
    assert queue.sections.section_of(task.id) == "overdue"
    assert rules.ban_list.table.texts(COL_STILL_IN) == ["读书会、剧本杀同好会"]


def test_marking_removed_on_the_ban_list_takes_the_task_off_the_queue(
    qtbot: Any,
    panels: tuple[QueuePanel, RulesPanel],
    place: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    queue, rules = panels
    task = removal(place, "读书会")
    assert queue.sections.section_of(task.id) == "overdue"

    def answer(dialog: QDialog) -> None:
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findText("读书会"))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, rules, answer)
    rules.ban_list.select_member(place["li"])
    click(qtbot, rules.ban_list.removed_button)
    assert Task.get_by_id(task.id).status == "done"
    assert queue.sections.section_of(task.id) == "done"  # the Queue followed
    assert rules.ban_list.table.texts(COL_STILL_IN) == ["剧本杀同好会"]
