"""The activity actions that act per person, each with its own button (PRODUCT.md §4b).

- ``AdSendersDialog`` (ads standing): each sender of standing ad-like messages with their
  excerpts and a "Log violation…" button that opens the violation dialog prefilled with the
  sender, the group and the excerpts (the strike ladder suggests the action, as usual).
- ``SoulDialog`` (soul figure): each soul figure with "Mark as star" and "Invite to helpers".

Closing says what was done in ``outcome`` (accepted when something was).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core import activity, activity_actions, clock
from app.core.activity_actions import AdSender
from app.core.errors import HuoqunError
from app.core.tiers import HELPER_RANK
from app.ui.error_messages import error_text
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.violation_dialog import ViolationDialog

EXCERPTS_SHOWN = 3


def day_text(moment: date | datetime) -> str:
    """A local month-day."""
    if isinstance(moment, datetime):
        return clock.to_local(moment).strftime("%m-%d")
    return moment.strftime("%m-%d")


class _PeopleActions(QDialog):
    """A list of people, each with its buttons; Close accepts once something was done."""

    def __init__(self, name: str, title: str, about: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.outcome = ""
        self.done_count = 0
        intro = QLabel(about)
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.rows_box = QWidget()
        self.grid = QGridLayout(self.rows_box)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.rows_box)
        self.error = QLabel()
        self.error.setObjectName("activityActionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("activityActionClose")
        buttons.rejected.connect(self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 380)

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def finish(self) -> None:
        """Close: accepted when something was done (the Health tab then confirms it)."""
        if self.done_count:
            self.accept()
        else:
            self.reject()

    def show_refusal(self, exc: HuoqunError) -> None:
        self.error.setText(error_text(exc))
        self.error.show()

    @staticmethod
    def mark_done(label: QLabel, text: str) -> None:
        label.setText(f"✓ {text}")
        label.setStyleSheet(NOTICE_STYLE)


class AdSendersDialog(_PeopleActions):
    """Ads standing: a "Log violation…" per sender, opening the violation dialog prefilled."""

    def __init__(
        self,
        group_id: int,
        group_name: str,
        senders: Sequence[AdSender],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "adSendersDialog",
            self.tr("Ads standing in {group}").format(group=group_name),
            self.tr(
                "Ad-like messages with no violation logged for their sender since. Log one "
                "violation per sender: the excerpts are the evidence, and the strike ladder "
                "suggests the action."
            ),
            parent,
        )
        self.group_id = group_id
        self.senders = list(senders)
        self.buttons: list[QPushButton] = []
        self.states: list[QLabel] = []
        for row, sender in enumerate(self.senders):
            name = QLabel(
                self.tr("{name} (%n message(s))", "", len(sender.messages)).format(name=sender.name)
            )
            name.setObjectName("adSenderName")
            excerpts = QLabel(
                "\n".join(
                    f"{day_text(m.sent_at)}  {m.excerpt}" for m in sender.messages[:EXCERPTS_SHOWN]
                )
            )
            excerpts.setObjectName("adSenderExcerpts")
            excerpts.setWordWrap(True)
            excerpts.setStyleSheet(HINT_STYLE)
            excerpts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            state = QLabel()
            state.setObjectName("adSenderState")
            button = QPushButton(self.tr("Log violation…"))
            button.setObjectName("logAdViolation")
            if sender.member_id is None:
                button.setEnabled(False)
                state.setText(self.tr("Not matched to a member"))
                state.setStyleSheet(HINT_STYLE)
                button.setToolTip(
                    self.tr("Match this sender to a member (import the chat again) to log it")
                )
            button.clicked.connect(lambda _c=False, i=row: self.log_for(i))
            self.grid.addWidget(name, row * 2, 0)
            self.grid.addWidget(state, row * 2, 1, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(button, row * 2, 2)
            self.grid.addWidget(excerpts, row * 2 + 1, 0, 1, 3)
            self.buttons.append(button)
            self.states.append(state)
        if not self.senders:
            self.grid.addWidget(QLabel(self.tr("No ad-like message is standing.")), 0, 0)
        self.grid.setRowStretch(len(self.senders) * 2 + 1, 1)  # the rows sit at the top

    def violation_dialog(self, index: int) -> ViolationDialog:
        """The violation dialog for the sender at ``index``, prefilled."""
        sender = self.senders[index]
        dialog = ViolationDialog(sender.member_id, self.group_id, None, self)
        dialog.evidence_edit.setPlainText(sender.evidence)
        return dialog

    def log_for(self, index: int) -> None:
        """One click per sender: the violation dialog, prefilled; once logged, say so."""
        dialog = self.violation_dialog(index)
        if not accepted(self.exec_dialog, dialog):
            return
        self.mark_done(self.states[index], str(dialog.outcome or ""))
        self.buttons[index].setEnabled(False)
        self.done_count += 1
        self.outcome = self.tr("Violations logged for %n sender(s)", "", self.done_count)


class SoulDialog(_PeopleActions):
    """Soul figures: mark each as a star, or invite them to the helpers' tier."""

    def __init__(
        self,
        group_id: int,
        group_name: str,
        souls: Sequence[activity.Speaker],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "soulDialog",
            self.tr("Soul figures of {group}").format(group=group_name),
            self.tr(
                "They keep the group talking without you. Mark them as stars, or invite them "
                "to the helpers' tier (the reason is written with the promotion)."
            ),
            parent,
        )
        self.group_id = group_id
        self.group_name = group_name
        self.souls = list(souls)
        self.star_buttons: list[QPushButton] = []
        self.invite_buttons: list[QPushButton] = []
        self.states: list[QLabel] = []
        ranks = activity_actions.star_and_rank([s.member_id for s in self.souls])
        for row, soul in enumerate(self.souls):
            star, rank = ranks.get(soul.member_id, (False, HELPER_RANK + 1))
            name = QLabel(
                self.tr("{name}: {messages} messages on {days} days ({share} %)").format(
                    name=soul.name,
                    messages=soul.messages_30d,
                    days=soul.days,
                    share=round(soul.share * 100),
                )
            )
            state = QLabel()
            state.setObjectName("soulState")
            star_button = QPushButton(self.tr("Mark as star"))
            star_button.setObjectName("soulStar")
            star_button.setEnabled(not star)
            star_button.clicked.connect(lambda _c=False, i=row: self.star(i))
            invite = QPushButton(self.tr("Invite to helpers"))
            invite.setObjectName("soulInvite")
            invite.setEnabled(rank > HELPER_RANK)
            if rank <= HELPER_RANK:
                invite.setToolTip(self.tr("Already a helper or above"))
            invite.clicked.connect(lambda _c=False, i=row: self.invite(i))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(state, row, 1, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(star_button, row, 2)
            self.grid.addWidget(invite, row, 3)
            self.star_buttons.append(star_button)
            self.invite_buttons.append(invite)
            self.states.append(state)
        self.grid.setRowStretch(len(self.souls), 1)  # the rows sit at the top

    def _did(self, index: int, text: str) -> None:
        self.mark_done(self.states[index], text)
        self.done_count += 1
        self.outcome = text

    def star(self, index: int) -> None:
        soul = self.souls[index]
        try:
            activity_actions.mark_star([soul.member_id])
        except HuoqunError as exc:
            self.show_refusal(exc)
            return
        self.star_buttons[index].setEnabled(False)
        self._did(index, self.tr("{name} is a star").format(name=soul.name))

    def invite(self, index: int) -> None:
        soul = self.souls[index]
        try:
            tier = activity_actions.invite_to_helpers(soul.member_id, self.group_id)
        except HuoqunError as exc:
            self.show_refusal(exc)
            return
        self.invite_buttons[index].setEnabled(False)
        self._did(index, self.tr("{name} moved to {tier}").format(name=soul.name, tier=tier.name))
