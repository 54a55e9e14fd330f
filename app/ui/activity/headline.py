"""The Activity tab's headline: the group's figures of the last 30 days and its trend, each a
label tests and people read (messages, speakers, speaking share, trend, newcomers speaking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.core.activity import GroupActivity
from app.ui.activity.figures import NO_FIGURE, arrow, percent, trend_sentence

FALLING_COLOUR = "#b03a2e"
RISING_COLOUR = "#1e8449"


class ActivityHeadline(QWidget):
    """Label/figure pairs in two columns; ``figures`` maps each name to the text shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityHeadline")
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        titles = {
            "messages": self.tr("Messages, last 30 days:"),
            "speakers": self.tr("Speakers, last 30 days:"),
            "share": self.tr("Speaking share:"),
            "top": self.tr("Loudest voice's share:"),
            "trend": self.tr("Trend:"),
            "newcomers": self.tr("Newcomers who spoke:"),
        }
        for n, (key, title) in enumerate(titles.items()):
            value = QLabel()
            value.setObjectName(f"headline_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(n, 2) if n < 4 else (n - 2, 0)  # trend, newcomers: whole rows
            grid.addWidget(QLabel(title), row, column * 2)
            span = 3 if key in ("trend", "newcomers") else 1
            grid.addWidget(value, row, column * 2 + 1, 1, span)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def figures(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.values.items()}

    def show_activity(self, found: GroupActivity) -> None:
        messages = self.tr("%n message(s)", "", found.messages_30d)
        if found.operator_messages_30d:
            messages += self.tr(" ({count} yours, {share})").format(
                count=found.operator_messages_30d, share=percent(found.operator_share_30d)
            )
        self.values["messages"].setText(messages)
        self.values["speakers"].setText(
            self.tr("%n of {members} member(s)", "", found.speakers_30d).format(
                members=found.members
            )
        )
        self.values["share"].setText(percent(found.speaking_share))
        self.values["top"].setText(percent(found.top_share) if found.messages_30d else NO_FIGURE)
        trend = self.values["trend"]
        trend.setText(trend_sentence(found))
        colour = {"▼": FALLING_COLOUR, "▲": RISING_COLOUR}.get(arrow(found.trend), "")
        trend.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        newcomers = found.newcomers_90d
        if newcomers:
            spoke = len(newcomers) - len(found.silent_newcomers)
            text = self.tr(
                "{spoke} of %n who joined in the last 90 days ({share})", "", len(newcomers)
            )
            self.values["newcomers"].setText(
                text.format(spoke=spoke, share=percent(found.newcomers_speaking_share))
            )
        else:
            self.values["newcomers"].setText(self.tr("nobody joined in the last 90 days"))
