"""A group's Activity tab (PRODUCT.md §4b): what its chat history says.

Weekly messages and speakers over 26 weeks (dated, the operator's part shaded), the headline
figures and trend, then the people: top speakers, soul figures, who went quiet, the silent
newcomers, and the ad-like messages kept as evidence, each section with its action beside its
heading. A group without chat history says so and offers to import some. Below, with or
without chat history, what the group's last roster import changed (PRODUCT.md §5).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import activity
from app.core.activity import AdMessage, GroupActivity, Newcomer, QuietMember, Speaker
from app.core.health_thresholds import thresholds
from app.core.roster_changes import roster_changes
from app.ui.activity.figures import arrow, full_date, local_minute, percent
from app.ui.activity.headline import ActivityHeadline
from app.ui.activity.people_section import HEADING_STYLE, PeopleSection
from app.ui.activity.weekly_chart import WeeklyChart
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.read_only_table import RIGHT, WARNING_COLOUR, local_day
from app.ui.widgets.roster_changes_view import RosterChangesView

DISPLAY = Qt.ItemDataRole.DisplayRole
SECTIONS = ("top_speakers", "soul_figures", "went_quiet", "silent_newcomers", "ad_like")
# each section's action (PRODUCT.md §4b "Actions"): the codes the group page's health actions
# take (core/activity_actions.py and its dialogs carry them out); "topic" sits by the chart
SECTION_ACTIONS = {
    "soul_figures": "star_helpers",
    "went_quiet": "reach_out",
    "silent_newcomers": "welcome_newcomers",
    "ad_like": "log_ads",
}


def _speaker_cell(row: Speaker, column: int, role: int) -> Any:
    if role == DISPLAY:
        return (row.name, str(row.messages_30d), str(row.days), percent(row.share))[column]
    if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
        return int(RIGHT)
    return None


class ChatActivityTab(QWidget):
    """Set it to a group with ``set_group``; ``memberOpened`` when a person is double-clicked,
    ``importRequested`` when the operator asks to import chat history into this group."""

    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming
    importRequested = Signal(int)  # noqa: N815 - a group id
    actionRequested = Signal(str)  # noqa: N815 - an action code the group page carries out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatActivityTab")
        self.group_id: int | None = None
        self.found: GroupActivity | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self._figures_page())
        self.roster_heading = QLabel(self.tr("Since the last roster import"))
        self.roster_heading.setStyleSheet(HEADING_STYLE)
        self.roster_changes = RosterChangesView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.roster_heading)
        layout.addWidget(self.roster_changes)

    def _empty_page(self) -> QWidget:
        page = QWidget()
        self.empty_label = QLabel(self.tr("No chat history yet"))
        self.empty_label.setObjectName("noChatHistory")
        self.empty_label.setStyleSheet(HEADING_STYLE)
        hint = QLabel(
            self.tr(
                "Import an export of this group's chat (QQ, WeChat, Telegram, Discord) to see "
                "who talks, who went quiet and whether the group is falling away."
            )
        )
        hint.setWordWrap(True)  # across the page, centred: a centred box would squeeze it
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet(HINT_STYLE)
        self.import_button = QPushButton(self.tr("Import chat history…"))
        self.import_button.setObjectName("importChatHistoryButton")
        self.import_button.clicked.connect(self._ask_import)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.empty_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _figures_page(self) -> QWidget:
        self.chart_heading = QLabel()
        self.chart_heading.setStyleSheet(HEADING_STYLE)
        self.chart = WeeklyChart("activityWeeklyChart")
        self.headline = ActivityHeadline()
        self.sections = {
            "top_speakers": PeopleSection(
                "topSpeakers",
                [self.tr("Member"), self.tr("Messages"), self.tr("Days"), self.tr("Share")],
                _speaker_cell, lambda r: r.member_id, lambda r: r.member_id,
            ),
            "soul_figures": PeopleSection(
                "soulFigures",
                [self.tr("Member"), self.tr("Messages"), self.tr("Days"), self.tr("Share")],
                _speaker_cell, lambda r: r.member_id, lambda r: r.member_id,
            ),
            "went_quiet": PeopleSection(
                "wentQuiet",
                [self.tr("Member"), self.tr("Messages before"), self.tr("Last spoke")],
                self._quiet_cell, lambda r: r.member_id, lambda r: r.member_id,
            ),
            "silent_newcomers": PeopleSection(
                "silentNewcomers",
                [self.tr("Member"), self.tr("Joined")],
                self._newcomer_cell, lambda r: r.member_id, lambda r: r.member_id,
            ),
            "ad_like": PeopleSection(
                "adLike",
                [self.tr("Sent"), self.tr("Sender"), self.tr("Violation logged"),
                 self.tr("Message")],
                self._ad_cell, lambda r: r.message_id, lambda r: r.member_id,
            ),
        }  # fmt: skip
        widths = {
            "top_speakers": ["王小明同学很长", "12345", "30", "100 %"],
            "soul_figures": ["王小明同学很长", "12345", "30", "100 %"],
            "went_quiet": ["王小明同学很长", "Messages before", "2026-03-14"],
            "silent_newcomers": ["王小明同学很长", "2026-03-14"],
            "ad_like": ["2026-03-14 20:00", "王小明同学很长", "Violation logged"],
        }
        self.action_buttons: dict[str, QPushButton] = {}
        for code, action in SECTION_ACTIONS.items():
            self.sections[code].add_action(self._action_button(action))
        self.topic_button = self._action_button("topic")
        chart_row = QHBoxLayout()
        chart_row.addWidget(self.chart_heading, 1)
        chart_row.addWidget(self.topic_button)
        for code, section in self.sections.items():
            section.table.set_widths(widths[code])
            section.table.stretch(3 if code == "ad_like" else 0)
            section.memberOpened.connect(self.memberOpened)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.headline)
        layout.addLayout(chart_row)
        layout.addWidget(self.chart)
        grid = QGridLayout()  # two sections side by side; the ad-like evidence across both
        grid.setHorizontalSpacing(16)
        places = {
            "top_speakers": (0, 0), "soul_figures": (0, 1), "went_quiet": (1, 0),
            "silent_newcomers": (1, 1), "ad_like": (2, 0),
        }  # fmt: skip
        for code, (row, column) in places.items():
            span = 2 if code == "ad_like" else 1
            grid.addWidget(self.sections[code], row, column, 1, span, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("activityScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _action_button(self, action: str) -> QPushButton:
        words = {
            "star_helpers": self.tr("Mark as star / invite to helpers…"),
            "reach_out": self.tr("Reach out…"),
            "welcome_newcomers": self.tr("Welcome the newcomers…"),
            "log_ads": self.tr("Log violations…"),
            "topic": self.tr("Schedule a topic…"),
        }
        button = QPushButton(words[action])
        button.setObjectName(f"activityAction_{action}")
        button.clicked.connect(lambda _c=False, a=action: self.actionRequested.emit(a))
        self.action_buttons[action] = button
        return button

    # --- cells -------------------------------------------------------------------------

    def _quiet_cell(self, row: QuietMember, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (row.name, str(row.messages_before), full_date(row.last_day))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(RIGHT)
        return None

    def _newcomer_cell(self, row: Newcomer, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (row.name, local_day(row.joined_at))[column]
        return None

    def _ad_cell(self, row: AdMessage, column: int, role: int) -> Any:
        if role == DISPLAY:
            logged = self.tr("Yes") if row.violation_logged else self.tr("No — still standing")
            name = row.name or self.tr("(not matched to a member)")
            return (local_minute(row.sent_at), name, logged, row.excerpt)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return row.excerpt
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and not row.violation_logged:
            return WARNING_COLOUR
        return None

    # --- showing a group ---------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Chat activity")

    def has_history(self) -> bool:
        return self.found is not None and self.found.has_history

    def set_group(self, group_id: int | None) -> None:
        self.group_id = group_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the group's activity (a fixed number of queries)."""
        found = changes = None
        if self.group_id is not None:
            found = activity.group_activity([self.group_id]).get(self.group_id)
            changes = roster_changes(self.group_id)
        self.found = found
        self.roster_heading.setVisible(changes is not None)
        self.roster_changes.show_changes(changes)
        if found is None or not found.has_history:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.headline.show_activity(found)
        self.chart_heading.setText(
            self.tr("Messages and speakers per week, from {first} to the week of {last}").format(
                first=full_date(found.weekly[0].week_start),
                last=full_date(found.weekly[-1].week_start),
            )
        )
        self.chart.set_weeks(
            [w.week_start for w in found.weekly],
            [w.messages for w in found.weekly],
            [w.operator_messages for w in found.weekly],
            [w.speakers for w in found.weekly],
        )
        self._show_sections(found)
        # an action shows where it has something to act on
        self.topic_button.setVisible(arrow(found.trend) == "▼")
        self.action_buttons["star_helpers"].setVisible(bool(found.soul_figures))
        self.action_buttons["reach_out"].setVisible(bool(found.went_quiet))
        self.action_buttons["welcome_newcomers"].setVisible(bool(found.silent_newcomers))
        self.action_buttons["log_ads"].setVisible(bool(found.ads_standing))

    def _show_sections(self, found: GroupActivity) -> None:
        s = self.sections
        s["top_speakers"].show_rows(
            self.tr("Top speakers, last 30 days (%n)", "", len(found.top_speakers)),
            found.top_speakers,
            self.tr("No member spoke in the last 30 days."),
        )
        s["soul_figures"].show_rows(
            self.tr("Soul figures (%n)", "", len(found.soul_figures)),
            found.soul_figures,
            self.tr("Nobody carries the talk on many days yet."),
            self.tr("They keep the group talking on many days; worth thanking or a helper's role."),
        )
        s["went_quiet"].show_rows(
            self.tr("Went quiet (%n)", "", len(found.went_quiet)),
            found.went_quiet,
            self.tr("Nobody who used to talk has gone quiet."),
            self.tr("Talked in the 90 days before the last 30, silent since; most active first."),
        )
        silent = found.silent_newcomers
        days = thresholds()["ads_standing_days"]
        s["silent_newcomers"].show_rows(
            self.tr("Silent newcomers (%n)", "", len(silent)),
            silent,
            self.tr("Every newcomer of the last 90 days has spoken.")
            if found.newcomers_90d
            else self.tr("Nobody joined in the last 90 days."),
        )
        s["ad_like"].show_rows(
            self.tr("Ad-like messages, last {days} days (%n)", "", len(found.ad_like_14d)).format(
                days=days
            ),
            found.ad_like_14d,
            self.tr("No ad-like message in the last {days} days.").format(days=days),
        )

    def _ask_import(self) -> None:
        if self.group_id is not None:
            self.importRequested.emit(self.group_id)
