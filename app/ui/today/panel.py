"""The Today panel: what needs the operator today, across every group (PRODUCT.md §3 panel 1).

It leads with today's plan (``plan_box``); the plan itself is decided in ``core.today_plan``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, suggested_tasks
from app.core.errors import HuoqunError
from app.core.today import TodayData, plan_and_gather
from app.core.today_plan import PlanItem
from app.ui.changes import Change, announce, follow
from app.ui.generated_text import task_title
from app.ui.jobs import failure_text, run_job
from app.ui.today.more_suggestions import MoreSuggestionsDialog
from app.ui.today.plan_box import PlanBox
from app.ui.today.quiet_box import QuietBox
from app.ui.widgets.care_words import last_contact_text
from app.ui.widgets.controls import HINT_STYLE, notice_label
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.health_tab import STATUS_COLOURS, finding_text, status_text
from app.ui.widgets.outcome_dialog import OutcomeDialog
from app.ui.widgets.pyramid_chart import Band, PyramidChart
from app.ui.widgets.read_only_table import ReadOnlyTable

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _when(moment: Any) -> str:
    return "" if moment is None else clock.to_local(moment).strftime("%m-%d %H:%M")


class Row(QWidget):
    """A row of Today's boxes whose height never follows its width. A wrapped hint inside
    ("No meetups planned.") would otherwise make the page's layout take the row's
    height-for-width as both its size and its minimum, and squeeze the plan below its own
    minimum when the window is short: its buttons drawn over its table."""

    def hasHeightForWidth(self) -> bool:
        return False


class TodayPanel(QWidget):
    """Today's tasks, the groups that need attention, meetups, the pyramid and helpers."""

    groupOpened = Signal(int)  # noqa: N815
    memberOpened = Signal(int)  # noqa: N815
    queueRequested = Signal()  # noqa: N815 - "More…" under the plan
    violationsRequested = Signal(int)  # noqa: N815 - the open violations of a group

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.EVERYTHING, self.load)  # gathered off the UI thread
        self.setObjectName("todayPanel")
        self._data: TodayData | None = None

        self.counts_label = QLabel()
        self.counts_label.setObjectName("todayCounts")
        self.refresh_button = QPushButton(self.tr("Refresh the plan"))
        self.refresh_button.setObjectName("refreshSuggestionsButton")
        self.refresh_button.setToolTip(
            self.tr("Fill free places in today's plan with the tasks due and the top suggestions")
        )
        self.refresh_button.clicked.connect(self.refresh_suggestions)
        self.notice = notice_label("todayNotice")
        self.error = ErrorLabel("todayError")

        self.plan = PlanBox()
        self.plan.completeRequested.connect(self.complete_item)
        self.plan.dismissRequested.connect(self.dismiss_item)
        self.plan.openRequested.connect(self._open_item)
        self.plan.queueRequested.connect(self.queueRequested.emit)
        self.plan.moreSuggestionsRequested.connect(self.more_suggestions)
        self.tasks = self.plan.table
        self.complete_button = self.plan.complete_button

        self.groups = ReadOnlyTable(
            [self.tr("Group"), self.tr("Status"), self.tr("Why")],
            "todayGroups", self._group_cell, lambda row: row.group_id,
        )  # fmt: skip
        self.groups.set_widths(["摄影爱好者交流群", status_text("attention")])
        self._fit(self.groups, 2)  # "Why" takes the room left, elided, whole in its tooltip
        self.groups.activated.connect(self._open_group_at)
        self.no_groups = self._hint(self.tr("Every group is healthy."))

        self.meetups = ReadOnlyTable(
            [self.tr("When"), self.tr("Meetup"), self.tr("Going")],
            "todayMeetups", self._meetup_cell, lambda row: row.id,
        )  # fmt: skip
        self.meetups.set_widths(["03-14 09:30", "本地剧本杀周末聚会", "123"])
        self.meetups.stretch(1)  # the title takes what is left; the count stays in view
        self.no_meetups = self._hint(self.tr("No meetups planned."))

        self.helpers = ReadOnlyTable(
            [self.tr("Helper"), self.tr("Tier"), self.tr("Overdue"), self.tr("Last contacted")],
            "todayHelpers", self._helper_cell, lambda row: row.member_id,
        )  # fmt: skip
        self.helpers.set_widths(["张三丰丰", "管理/骨干", self.tr("%n day(s)", "", 365)])
        self._fit(self.helpers, 3)
        self.helpers.activated.connect(self._open_helper_at)
        self.no_helpers = self._hint(self.tr("Every helper has been checked in with."))

        self.chart = PyramidChart()
        self.chart.setMinimumSize(200, 120)
        self.quiet = QuietBox()  # who went quiet in the chats (issue #19)
        self.quiet.memberOpened.connect(self.memberOpened.emit)
        self.quiet.reachedOut.connect(self._reached_out)
        self.quiet.failed.connect(self.error.show_error)

        header = QHBoxLayout()
        header.addWidget(self.counts_label, 1)
        header.addWidget(self.refresh_button)
        # the plan leads, wide, with the next meetups and the pyramid (a picture) beside it;
        # below, the groups and the helpers it draws on share the whole width, so their last
        # column has room (what is still too long is elided, whole in its tooltip)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self._box(self.tr("Next meetups"), self.meetups, self.no_meetups), 3)
        side.addWidget(self._box(self.tr("Pyramid"), self.chart), 2)
        top_row = Row()
        top = QHBoxLayout(top_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(12)
        top.addWidget(self.plan, 7)
        top.addLayout(side, 3)
        bottom_row = Row()
        bottom = QHBoxLayout(bottom_row)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(12)
        bottom.addWidget(self._box(self.tr("Groups that need you"), self.groups, self.no_groups), 1)
        bottom.addWidget(
            self._box(self.tr("Helpers overdue for a check-in"), self.helpers, self.no_helpers),
            1,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(top_row, 1)
        layout.addWidget(bottom_row, 1)
        layout.addWidget(self.quiet)
        self.loaded = False  # True once refresh() or load() has filled the panel
        self._loads = 0  # the number of the newest load() asked for
        self._finished = 0  # how many loads came back
        self.counts_label.setText(self.tr("Loading…"))
        for hint in (self.no_groups, self.no_meetups, self.no_helpers):
            hint.hide()

    @staticmethod
    def _fit(table: ReadOnlyTable, column: int) -> None:
        """``column`` takes the width the others leave, never a horizontal scroll: a text
        too long is elided there, and its tooltip carries it whole."""
        table.stretch(column)
        table.horizontalHeader().setMinimumSectionSize(40)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(HINT_STYLE)
        label.setWordWrap(True)
        return label

    def _box(
        self, title: str, body: QWidget, empty: QLabel | None = None, extra: Any = None
    ) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(body, 1)
        if empty is not None:
            layout.addWidget(empty)
        if extra is not None:
            layout.addLayout(extra)
        return box

    # --- the main window's interface -----------------------------------------------------

    def refresh(self) -> None:
        """Fill the plan and reload everything (after the person changed something), off the
        UI thread like ``load``: on the reference load it takes about a second."""
        self.load()

    @property
    def busy(self) -> bool:
        """Whether a load asked for has not come back yet."""
        return self._finished < self._loads

    def load(self, then: Callable[[], None] | None = None) -> None:
        """Fill the plan and gather the data in a worker thread, and show it; then ``then()``.

        Loads may overlap (a click while the start's load runs): only the newest is shown.
        """
        self._loads += 1
        number = self._loads

        def gathered(data: TodayData) -> None:
            self._finished += 1
            if number == self._loads:
                self.show_data(data)
            if then is not None:
                then()

        def failed(exc: Exception) -> None:
            self._finished += 1
            self.error.show_error(failure_text(exc))

        self.load_job = run_job(
            self, self.tr("Loading…"), lambda _progress: plan_and_gather(), gathered,
            failed, quiet=True,
        )  # fmt: skip

    def show_data(self, data: TodayData) -> None:
        """Fill the panel with what ``gather`` found."""
        self._data = data
        self.plan.show_plan(data.plan)
        self.groups.set_rows(data.needy)
        self.meetups.set_rows(data.meetups)
        self.chart.set_bands([Band(r.name, r.colour, r.count, r.share) for r in data.pyramid])
        self.helpers.set_rows(data.helpers)
        self.quiet.show_picks(data.went_quiet)
        for table, empty in (
            (self.groups, self.no_groups),
            (self.meetups, self.no_meetups), (self.helpers, self.no_helpers),
        ):  # fmt: skip
            empty.setVisible(table.row_count() == 0)
        self.counts_label.setText(
            self.tr("{groups} · {members} · {violations}").format(
                groups=self.tr("%n group(s)", "", data.groups),
                members=self.tr("%Ln member(s)", "", data.members),
                violations=self.tr("%n open violation(s)", "", data.open_violations),
            )
        )
        self.loaded = True

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- actions -------------------------------------------------------------------------

    def complete_selected(self) -> None:
        """Complete the selected item of the plan with a note of how it went."""
        item = self.plan.current()
        if item is not None and not item.done:
            self.complete_item(item)

    def complete_item(self, item: PlanItem) -> None:
        """Complete a task of the plan with a note of how it went; it stays, ticked."""
        dialog = OutcomeDialog(item.task_id, task_title(item), self)
        if accepted(self.exec_dialog, dialog):
            self.error.clear_error()
            self.notice.setText(self.tr("Completed; the interaction is logged."))
            self.refresh()
            announce(Change.TASKS | Change.GROUPS, self)
        elif dialog.open_violations and item.group_id is not None:
            self.violationsRequested.emit(item.group_id)

    def dismiss_item(self, item: PlanItem) -> None:
        """Turn a suggestion of the plan down: not suggested again for 14 days."""
        try:
            suggested_tasks.dismiss_suggestion(item.task_id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.notice.setText(self.tr("Dismissed: {title}").format(title=item.title))
        self.refresh()
        announce(Change.TASKS, self)

    def refresh_suggestions(self) -> None:
        """Fill the plan's free places (off the UI thread) and say how many suggestions were
        added."""
        self.error.clear_error()
        self.load(then=self._say_added)

    def _say_added(self) -> None:
        added = self._data.added if self._data is not None else 0
        self.notice.setText(self.tr("%n suggestion(s) added to today's plan", "", added))
        announce(Change.TASKS, self)

    def _reached_out(self, text: str) -> None:
        """A reach-out was queued from "Went quiet": say so; the plan and list follow."""
        self.error.clear_error()
        self.notice.setText(text)
        self.refresh()
        announce(Change.TASKS, self)

    def more_suggestions(self) -> None:
        """The ranked suggestions that did not fit the plan, to accept or dismiss."""
        found = self._data.plan.available if self._data is not None else []
        dialog = self.make_suggestions_dialog(found)
        self.exec_dialog(dialog)
        if dialog.changed:
            self.refresh()
            announce(Change.TASKS, self)
        dialog.deleteLater()

    def make_suggestions_dialog(self, found: list[Any]) -> MoreSuggestionsDialog:
        return MoreSuggestionsDialog(found, self)

    def _open_item(self, item: PlanItem) -> None:
        if item.group_id is not None and item.action == "clear_violations":
            self.violationsRequested.emit(item.group_id)  # where each is handled
        elif item.group_id is not None:
            self.groupOpened.emit(item.group_id)
        elif item.member_id is not None:
            self.memberOpened.emit(item.member_id)

    def _open_group_at(self, index: Any) -> None:
        self.groupOpened.emit(int(self.groups.rows_model.id_at(index.row())))

    def _open_helper_at(self, index: Any) -> None:
        self.memberOpened.emit(int(self.helpers.rows_model.id_at(index.row())))

    # --- cells ---------------------------------------------------------------------------

    def _group_cell(self, row: Any, column: int, role: int) -> Any:
        sentence = finding_text(row.findings[0]) if row.findings else ""
        if role == FOREGROUND and column == 1:
            return QBrush(STATUS_COLOURS.get(row.status, "#5d6d7e"))
        if role == TOOLTIP:  # whole, where the cell may be elided
            return f"{row.name}\n{sentence}" if sentence else row.name
        if role != DISPLAY:
            return None
        if column == 0:
            return row.name
        if column == 1:
            return status_text(row.status)
        return sentence

    def _meetup_cell(self, row: Any, column: int, role: int) -> Any:
        if role == TOOLTIP and column == 1:
            return row.title
        if role != DISPLAY:
            return None
        if column == 0:
            return _when(row.start_at)
        if column == 1:
            return row.title
        return str(row.going)

    def _helper_cell(self, row: Any, column: int, role: int) -> Any:
        if role == TOOLTIP:  # whole, where the cell may be elided
            return " · ".join((row.name, row.tier, last_contact_text(row)))
        if role != DISPLAY:
            return None
        if column == 0:
            return row.name
        if column == 1:
            return row.tier
        if column == 2:
            return self.tr("%n day(s)", "", row.days_overdue)
        return last_contact_text(row)
