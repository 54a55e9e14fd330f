"""The dialogs of the activity findings' buttons (PRODUCT.md §4b "Actions").

- ``AdSendersDialog`` (ads standing) and ``SoulDialog`` (soul figure): per person, in
  ``person_action_dialogs``.
- ``WelcomeDialog`` (newcomers silent): the silent newcomers, ticked, and when: one task.
- ``ReachOutDialog`` (went quiet): who went quiet, most active first (the first five
  ticked), and when: a task each, never a second one for a member who has one open.

Each leaves in ``outcome`` the line the Health tab shows beside the button. The data come
from ``core/activity.py``; the writes go through ``core/activity_actions.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.core import activity, activity_actions, daily_plan
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.ui.groups.health_action_dialogs import due_edit, utc_of, when_text
from app.ui.groups.person_action_dialogs import AdSendersDialog, SoulDialog, day_text
from app.ui.widgets.form_dialog import FormDialog

REACH_OUT_TICKED = 5  # the reach-out dialog ticks the five most active


def _checked_list(name: str, rows: Sequence[tuple[int, str]], ticked: int | None) -> QListWidget:
    """A list of people with a tick each; the first ``ticked`` (None: all) ticked."""
    widget = QListWidget()
    widget.setObjectName(name)
    for index, (member_id, text) in enumerate(rows):
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, member_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        on = ticked is None or index < ticked
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def checked_ids(widget: QListWidget) -> list[int]:
    """The ids of the ticked rows, top to bottom."""
    return [
        int(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class WelcomeDialog(FormDialog):
    """Newcomers silent: one task welcoming the ticked newcomers, at the time chosen."""

    def __init__(
        self,
        group_id: int,
        group_name: str,
        newcomers: Sequence[activity.Newcomer],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("healthActionError", "healthActionOkButton", parent, grow_form=True)
        self.setObjectName("welcomeDialog")
        self.group_id = group_id
        self.setWindowTitle(self.tr("Welcome the newcomers of {group}").format(group=group_name))
        self.people = _checked_list(
            "welcomeList",
            [
                (n.member_id, self.tr("{name} — joined {day}").format(
                    name=n.name, day=day_text(n.joined_at)))
                for n in newcomers
            ],
            None,
        )  # fmt: skip
        self.due_edit = due_edit(daily_plan.suggestion_due())
        self.set_summary(
            self.tr(
                "They joined in the last 90 days and have not said a word. One task names them."
            )
        )
        self.form.addRow(self.tr("Newcomers:"), self.people)
        self.form.addRow(self.tr("When:"), self.due_edit)
        self.ok_button.setText(self.tr("Add to the queue"))
        self.ok_button.setEnabled(bool(newcomers))

    def apply(self) -> None:
        done = activity_actions.welcome_newcomers_task(
            self.group_id, checked_ids(self.people), utc_of(self.due_edit)
        )
        when = when_text(done.due_at)
        self.outcome = (
            self.tr("Welcome queued for {when}") if done.created else self.tr("Moved to {when}")
        ).format(when=when)


class ReachOutDialog(FormDialog):
    """Went quiet: a "reach out" task for each ticked member, most active first."""

    def __init__(
        self,
        group_id: int,
        group_name: str,
        quiet: Sequence[activity.QuietMember],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("healthActionError", "healthActionOkButton", parent, grow_form=True)
        self.setObjectName("reachOutDialog")
        self.group_id = group_id
        self.setWindowTitle(self.tr("Reach out in {group}").format(group=group_name))
        self.people = _checked_list(
            "reachOutList",
            [
                (q.member_id, self.tr("{name} — %n message(s) before, last {day}", "",
                                      q.messages_before).format(
                    name=q.name, day=day_text(q.last_day)))
                for q in quiet
            ],
            REACH_OUT_TICKED,
        )  # fmt: skip
        self.due_edit = due_edit(daily_plan.suggestion_due())
        self.set_summary(
            self.tr(
                "They talked in the 90 days before the last 30 and not since; the most active "
                "first. A task each; whoever has one open keeps it."
            )
        )
        self.form.addRow(self.tr("Went quiet:"), self.people)
        self.form.addRow(self.tr("When:"), self.due_edit)
        self.ok_button.setText(self.tr("Add to the queue"))
        self.ok_button.setEnabled(bool(quiet))

    def apply(self) -> None:
        picked = checked_ids(self.people)
        if not picked:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Tick at least one member."))
        done = activity_actions.reach_out_tasks(self.group_id, picked, utc_of(self.due_edit))
        made = sum(d.created for d in done)
        text = self.tr("%n reach-out task(s) queued", "", made)
        if made < len(done):
            text += self.tr(" (%n already queued)", "", len(done) - made)
        self.outcome = text


def activity_dialog(action: str, group_id: int, group_name: str, parent: QWidget) -> QDialog | None:
    """The dialog of an activity action (one of ``ACTIONS``), filled from the group's
    activity now; None for another action."""
    if action not in ACTIONS:
        return None
    found = activity.group_activity([group_id]).get(group_id)
    if action == "log_ads":
        return AdSendersDialog(group_id, group_name, activity_actions.ad_senders(group_id), parent)
    if action == "welcome_newcomers":
        newcomers = found.silent_newcomers if found else ()
        return WelcomeDialog(group_id, group_name, newcomers, parent)
    if action == "reach_out":
        return ReachOutDialog(group_id, group_name, found.went_quiet if found else (), parent)
    return SoulDialog(group_id, group_name, found.soul_figures if found else (), parent)


ACTIONS = ("log_ads", "welcome_newcomers", "reach_out", "star_helpers")
