"""Edit → Undo “…” and Redo “…” (Ctrl+Z, Ctrl+Shift+Z): the window's side of ``core/undo``.

Each step is named in the interface language from its code, count and what it was about
("Undo: complete task “Check in with 李森龙”", "Undo: import roster into 夜跑群 (120 new)");
after an undo or redo every panel that shows what it touched redraws (the changes are
announced as any write's). A text field that has the focus keeps Ctrl+Z for its own text: Qt
offers the key to the focused editor first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from app.core import undo
from app.core.errors import HuoqunError
from app.core.undo import Step
from app.ui.changes import Change, announce, change_bus
from app.ui.error_messages import error_text
from app.ui.generated_text import text_shown

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# What each table's rows are shown as: the panels that redraw after a step touched it.
TABLE_CHANGES: dict[str, Change] = {
    "member": Change.MEMBERS | Change.GROUPS | Change.TIERS,
    "member_search": Change.MEMBERS,
    "member_tag": Change.MEMBERS,
    "membership": Change.MEMBERS | Change.GROUPS,
    "tier_change": Change.MEMBERS | Change.TIERS,
    "suggestion_dismissal": Change.TIERS,
    "chat_group": Change.GROUPS | Change.MEMBERS,
    "task": Change.TASKS,
    "interaction": Change.TASKS | Change.GROUPS | Change.MEMBERS,
    "rule": Change.RULES,
    "group_rule": Change.RULES | Change.GROUPS,
    "violation": Change.RULES | Change.MEMBERS | Change.GROUPS,
    "meetup": Change.MEETUPS,
    "meetup_group": Change.MEETUPS,
    "agenda_item": Change.MEETUPS,
    "checklist_item": Change.MEETUPS,
    "budget_line": Change.MEETUPS,
    "meetup_role": Change.MEETUPS,
    "attendance": Change.MEETUPS | Change.MEMBERS,
    "tier": Change.TIERS | Change.MEMBERS,
    "setting": Change.SETTINGS,
}


def changes_of(tables: frozenset[str]) -> Change:
    """The kinds of records a step over ``tables`` changed (a table not listed: everything)."""
    change = Change(0)
    for table in tables:
        change |= TABLE_CHANGES.get(table, Change.EVERYTHING)
    return change


class UndoSteps(QObject):
    """The Undo and Redo actions of the Edit menu, named after the steps they would take."""

    stepsChanged = Signal()  # noqa: N815 - from any thread: a job's step ends on its worker

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        first = menu.actions()[0] if menu.actions() else None
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(lambda _checked=False: self.undo())
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(lambda _checked=False: self.redo())
        menu.insertActions(first, [self.undo_action, self.redo_action])  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.aboutToShow.connect(self.update_actions)
        change_bus().changed.connect(self._announced)  # a slot: it goes with this object
        self.stepsChanged.connect(self.update_actions)  # queued when emitted by a worker
        undo.listen(self._steps_changed)
        self.destroyed.connect(lambda _o=None, tell=self._steps_changed: undo.unlisten(tell))
        self.update_actions()

    def _announced(self, _change: object, _source: object) -> None:
        self.update_actions()

    def _steps_changed(self) -> None:
        try:
            self.stepsChanged.emit()
        except RuntimeError:  # the window is gone: stop listening
            undo.unlisten(self._steps_changed)

    def update_actions(self) -> None:
        """Name the actions after the steps they would take; disabled when there is none."""
        to_undo, to_redo = undo.can_undo(), undo.can_redo()
        undo_text = self.tr("&Undo: {step}") if to_undo else self.tr("&Undo")
        redo_text = self.tr("&Redo: {step}") if to_redo else self.tr("&Redo")
        self.undo_action.setEnabled(to_undo is not None)
        self.undo_action.setText(undo_text.format(step=self._menu_name(to_undo)))
        self.redo_action.setEnabled(to_redo is not None)
        self.redo_action.setText(redo_text.format(step=self._menu_name(to_redo)))

    def _menu_name(self, step: Step | None) -> str:
        return self.name(step).replace("&", "&&") if step is not None else ""  # no mnemonic

    def undo(self) -> Step | None:
        """Ctrl+Z: undo the newest step, redraw what it touched and say what was undone."""
        return self._take(undo.undo, self.tr("Undone: {step}"))

    def redo(self) -> Step | None:
        """Ctrl+Shift+Z: redo the step undone last."""
        return self._take(undo.redo, self.tr("Redone: {step}"))

    def _take(self, action: object, done: str) -> Step | None:
        if not callable(action):
            return None
        try:
            step: Step = action()
        except HuoqunError as exc:  # refused, or the disk is full: nothing was changed
            self.update_actions()
            self._refused(exc)
            return None
        announce(changes_of(step.tables))
        self._window.statusBar().showMessage(done.format(step=self.name(step)), 6000)
        self.update_actions()
        return step

    def _refused(self, exc: HuoqunError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Undo"),
            error_text(exc),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("undoRefused")
        self._window.exec_dialog(box)  # type: ignore[arg-type]

    def name(self, step: Step) -> str:
        """The step's name in the interface language, as the menu and the notice say it: what
        it did and to what ("complete task “Check in with 李森龙”")."""
        n, who, where = step.count, text_shown(step.detail), step.place
        names = {
            "add_to_group": lambda: self.tr("add %n member(s) to {group}", "", n),
            "set_status": lambda: self.tr("set status of %n member(s)", "", n),
            "add_tag": lambda: self.tr("tag %n member(s)", "", n),
            "remove_tag": lambda: self.tr("remove a tag from %n member(s)", "", n),
            "set_star": lambda: self.tr("change the star of %n member(s)", "", n),
            "set_tier": lambda: self.tr("change the tier of %n member(s)", "", n),
            "edit_member": lambda: self.tr("edit {member}"),
            "promote": lambda: self.tr("promote {member}"),
            "demote": lambda: self.tr("demote {member}"),
            "merge": lambda: self.tr("merge into {member}"),
            "leave_group": lambda: self.tr("{member} left {group}"),
            "membership_status": lambda: self.tr("change where {member} stands in {group}"),
            "complete_task": lambda: self.tr("complete task “{task}”"),
            "skip_task": lambda: self.tr("skip task “{task}”"),
            "snooze_task": lambda: self.tr("snooze task “{task}”"),
            "log_violation": lambda: self.tr("log a violation by {member}"),
            "edit_violation": lambda: self.tr("edit violation #{case}"),
            "handle_violation": lambda: self.tr("mark %n violation(s) handled", "", n),
            "ban": lambda: self.tr("ban {member}"),
            "unban": lambda: self.tr("lift the ban on {member}"),
            "mark_removed": lambda: self.tr("mark {member} removed from {group}"),
            "rsvp": lambda: self.tr("change the RSVP of {member} to “{meetup}”"),
            "remove_rsvp": lambda: self.tr("remove the RSVP of {member} to “{meetup}”"),
            "attendance": lambda: self.tr("check the attendance of {member} at “{meetup}”"),
            "accept_suggestion": lambda: self.tr("accept the suggestion “{task}”"),
            "dismiss_suggestion": lambda: self.tr("dismiss the suggestion “{task}”"),
            "import": lambda: self.tr("import roster into {group} (%n new)", "", n),
            "log_ad_violations": lambda: self.tr("log violations of %n ad sender(s)", "", n),
            "welcome_newcomers": lambda: self.tr("queue a welcome in {group}"),
            "reach_out": lambda: self.tr("queue %n reach-out task(s)", "", n),
            "mark_star": lambda: self.tr("star %n member(s)", "", n),
            "schedule_topic": lambda: self.tr("schedule a topic in {group}"),
        }
        named = names.get(step.kind)
        if named is None:
            return self.tr("a change")
        return named().format(member=who, task=who, case=who, group=where, meetup=where)
