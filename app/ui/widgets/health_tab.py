"""A group's health: score and status, the findings most serious first, weekly activity."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, health, health_findings
from app.ui.labels import health_status
from app.ui.widgets.activity_chart import ActivityChart
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE, notice_label
from app.ui.widgets.people_dialog import PeopleDialog

STATUS_COLOURS = {"alive": "#1e8449", "attention": "#b9770e", "dying": "#b03a2e"}
SEVERITY_COLOURS = {
    "critical": "#b03a2e",
    "warning": "#b9770e",
    "info": "#5d6d7e",
    "good": "#1e8449",
}
PEOPLE_LINK = "people"
# the buttons of the activity findings (PRODUCT.md §4b "Actions"), by finding code; another
# finding shows the button of its own ``action``
FINDING_ACTIONS: dict[str, tuple[str, ...]] = {
    "ads_standing": ("log_ads",),
    "newcomers_silent": ("welcome_newcomers",),
    "activity_falling": ("topic", "reach_out"),
    "soul_figure": ("star_helpers",),
}


def actions_of(finding: Any) -> tuple[str, ...]:
    """The actions a finding's buttons offer, in order."""
    return FINDING_ACTIONS.get(finding.code) or ((finding.action,) if finding.action else ())


def finding_text(finding: Any) -> str:
    """A finding's sentence in the interface language (five names at most, then how many)."""
    params = dict(finding.params)
    if "people" in params:
        shown, more = _names_shown(params["people"])
        params["names"] = f"{shown} {more_text(more)}" if more else shown
    return QCoreApplication.translate("Health", finding.template).format(**params)


def finding_html(finding: Any) -> str:
    """The sentence as rich text: "and 245 more" is a link that lists everyone."""
    params = {key: html.escape(str(value)) for key, value in finding.params.items()}
    shown, more = _names_shown(finding.params.get("people", ()))
    params["names"] = f'{html.escape(shown)} <a href="{PEOPLE_LINK}">{more_text(more)}</a>'
    template = QCoreApplication.translate("Health", finding.template)
    return html.escape(template).format(**params)


def more_text(more: int) -> str:
    """The tail of a list of names: "and 245 more"."""
    return QCoreApplication.translate("Health", "and %n more", "", more)


def _names_shown(people: Sequence[str]) -> tuple[str, int]:
    """The first names a sentence shows, joined, and how many it leaves out."""
    shown = health_findings.NAMES_SHOWN
    return "、".join(people[:shown]), max(0, len(people) - shown)


def status_text(status: str) -> str:
    """The status in words."""
    return health_status(status)


class HealthTab(QWidget):
    """What is wrong with the group and the next step for each finding."""

    actionRequested = Signal(str, str)  # noqa: N815 - (action, the finding's sentence)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("healthTab")
        self._group_id: int | None = None
        self.score_label = QLabel()
        self.score_label.setObjectName("healthScore")
        font = self.score_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.score_label.setFont(font)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("healthStatus")
        self.notice = notice_label("healthNotice")
        self.chart = ActivityChart()
        chart_title = QLabel(self.tr("Interactions per week, last 12 weeks"))
        chart_title.setStyleSheet(HINT_STYLE)

        self.findings_box = QWidget()
        self.findings_layout = QVBoxLayout(self.findings_box)
        self.findings_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_layout.setSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.findings_box)

        top = QHBoxLayout()
        top.addWidget(self.score_label)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addWidget(chart_title)
        layout.addWidget(self.chart)
        self.buttons: dict[str, QPushButton] = {}
        self.confirmations: dict[str, QLabel] = {}  # beside each button: what it created
        self._confirmed: dict[str, str] = {}  # kept while the same group is shown

    def title(self) -> str:
        return self.tr("Health")

    def set_group(self, group_id: int) -> None:
        """Show the health of ``group_id``."""
        if group_id != self._group_id:
            self.notice.clear()
            self._confirmed = {}
        self._group_id = group_id
        self.refresh()

    def refresh(self) -> None:
        if self._group_id is None:
            return
        result = health.group_health(self._group_id)
        self.show_health(result)
        now = clock.now()
        starts = [clock.local_date(t) for t in health.week_starts(12, now)]
        self.chart.set_counts(health.weekly_activity(self._group_id, 12, now), starts)

    def show_health(self, result: Any) -> None:
        """Fill in score, status and findings from a GroupHealth."""
        self.score_label.setText(self.tr("Score {score}").format(score=result.score))
        colour = STATUS_COLOURS.get(result.status, "#5d6d7e")
        self.status_badge.setText(status_text(result.status))
        self.status_badge.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 3px; padding: 2px 8px;"
        )
        while self.findings_layout.count():
            item = self.findings_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.buttons = {}
        self.confirmations = {}
        for finding in result.findings:
            self.findings_layout.addWidget(self._finding_row(finding))
        if not result.findings:
            empty = QLabel(self.tr("Nothing to worry about."))
            empty.setStyleSheet(HINT_STYLE)
            self.findings_layout.addWidget(empty)
        self.findings_layout.addStretch(1)

    def finding_texts(self) -> list[str]:
        """The sentences shown, top to bottom (for tests)."""
        labels = self.findings_box.findChildren(QLabel, "findingText")
        return [str(label.property("sentence")) for label in labels]

    def show_people(self, sentence: str, people: Sequence[str]) -> None:
        """Everyone a finding names, in a small dialog."""
        dialog = self.make_people_dialog(sentence, people)
        dialog.exec()
        dialog.deleteLater()

    def make_people_dialog(self, sentence: str, people: Sequence[str]) -> PeopleDialog:
        """The list of everyone in a finding (tests drive it instead of running it)."""
        return PeopleDialog(sentence, people, self)

    def _finding_row(self, finding: Any) -> QWidget:
        row = QFrame()
        row.setObjectName(f"finding_{finding.code}")
        colour = SEVERITY_COLOURS.get(finding.severity, "#5d6d7e")
        row.setStyleSheet(f"QFrame#finding_{finding.code} {{ border-left: 4px solid {colour}; }}")
        sentence = finding_text(finding)
        text = QLabel(sentence)
        text.setObjectName("findingText")
        text.setProperty("sentence", sentence)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        people = tuple(finding.params.get("people", ()))
        if len(people) > health_findings.NAMES_SHOWN:
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setText(finding_html(finding))
            text.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            text.setToolTip(
                self.tr("Click “{more}” to see everyone").format(
                    more=more_text(len(people) - health_findings.NAMES_SHOWN)
                )
            )
            text.linkActivated.connect(lambda _link, s=sentence, p=people: self.show_people(s, p))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(text, 1)
        for action in actions_of(finding):
            self._add_button(layout, action, sentence)
        return row

    def _add_button(self, layout: QHBoxLayout, action: str, sentence: str) -> None:
        """The action's button, with the line beside it that says what it created."""
        button_text = self.action_text(action)
        if not button_text:
            return
        button = QPushButton(button_text)
        button.setObjectName(f"healthAction_{action}")
        button.clicked.connect(
            lambda _c=False, a=action, t=sentence: self.actionRequested.emit(a, t)
        )
        confirmation = QLabel(self._confirmed.get(action, ""))
        confirmation.setObjectName(f"healthConfirm_{action}")
        confirmation.setStyleSheet(NOTICE_STYLE)
        confirmation.setVisible(action in self._confirmed)
        layout.addWidget(confirmation, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons.setdefault(action, button)  # two findings, one action: the first's
        self.confirmations.setdefault(action, confirmation)

    def confirm(self, action: str, text: str) -> None:
        """Say beside the action's button what it created ("✓ Topic queued for 03-14 20:00");
        when the finding is gone (the action fixed it), say it in the notice line instead."""
        line = f"✓ {text}"
        self._confirmed[action] = line
        label = self.confirmations.get(action)
        if label is None:
            self.notice.setText(line)
            return
        label.setText(line)
        label.show()

    def action_text(self, action: str) -> str:
        """The button's words for an action ("" for none)."""
        texts = {
            "topic": self.tr("Schedule a topic"),
            "rules": self.tr("Write rules"),
            "profile": self.tr("Fill in the profile"),
            "appoint_helper": self.tr("Appoint a helper"),
            "checkin": self.tr("Check in with a helper"),
            "meetup": self.tr("Plan a meetup"),
            "clear_violations": self.tr("Clear open violations"),
            "log_ads": self.tr("Log violations…"),
            "welcome_newcomers": self.tr("Welcome the newcomers"),
            "reach_out": self.tr("Reach out"),
            "star_helpers": self.tr("Mark as star / invite to helpers"),
        }
        return texts.get(action, "")

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
