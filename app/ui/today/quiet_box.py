"""Today's "Went quiet" box: the five members most worth a message across every group, each
with their group and a "Reach out" button that queues a reach-out task (PRODUCT.md §4b).

The list is ``core.went_quiet.worth_a_message`` (gathered with the rest of Today); a member
whose reach-out is queued leaves it at the next load. Hidden when nobody went quiet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from app.core import activity_actions, clock
from app.core.errors import HuoqunError
from app.core.went_quiet import QuietPick
from app.ui.widgets.controls import HINT_STYLE


class QuietBox(QGroupBox):
    """Who went quiet, most messages before first: name (a link), group, figures, button."""

    memberOpened = Signal(int)  # noqa: N815
    reachedOut = Signal(str)  # noqa: N815 - what was queued, in words
    failed = Signal(object)  # a refusal (HuoqunError) to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayWentQuiet")
        self.setTitle(self.tr("Went quiet: worth a message"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 8)
        self.grid.setColumnStretch(1, 1)
        self.picks: list[QuietPick] = []
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_picks(self, picks: Sequence[QuietPick]) -> None:
        """Show ``picks`` (at most five), or hide the box when there are none."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.picks = list(picks)
        self.buttons = []
        for row, pick in enumerate(self.picks):
            name = QLabel(f'<a href="{pick.member_id}">{pick.name}</a>')
            name.setObjectName("quietName")
            name.linkActivated.connect(lambda link: self.memberOpened.emit(int(link)))
            about = QLabel(
                self.tr("{group} · %n message(s) before, last {day}", "", pick.messages_before)
                .format(group=pick.group_name, day=pick.last_day.strftime("%m-%d"))
            )  # fmt: skip
            about.setObjectName("quietAbout")
            about.setStyleSheet(HINT_STYLE)
            button = QPushButton(self.tr("Reach out"))
            button.setObjectName("quietReachOut")
            button.setToolTip(
                self.tr("Queue “Reach out to {name}” for the working hour").format(name=pick.name)
            )
            button.clicked.connect(lambda _c=False, i=row: self.reach_out(i))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(about, row, 1)
            self.grid.addWidget(button, row, 2)
            self.buttons.append(button)
        self.setVisible(bool(self.picks))

    def reach_out(self, index: int) -> None:
        """Queue a reach-out task for the member (the working hour); say so."""
        pick = self.picks[index]
        try:
            (done,) = activity_actions.reach_out_tasks(pick.group_id, [pick.member_id])
        except HuoqunError as exc:
            self.failed.emit(exc)
            return
        self.buttons[index].setEnabled(False)
        when = clock.to_local(done.due_at).strftime("%m-%d %H:%M") if done.due_at else ""
        self.reachedOut.emit(
            self.tr("Reach out to {name}: queued for {when}").format(name=pick.name, when=when)
        )
