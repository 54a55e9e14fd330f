"""Settings: the thresholds of activity from chat history (PRODUCT.md §4b) and the ad-word
list, edited and saved together beside the group health thresholds."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import health_thresholds
from app.core.errors import HuoqunError
from app.ui.settings.thresholds_box import show_values, spin_grid, values_of
from app.ui.widgets.controls import NOTICE_STYLE
from app.ui.widgets.error_label import ErrorLabel

_SEPARATORS = re.compile(r"[\n,，、;；]+")


class ActivityBox(QGroupBox):
    """One spin box per activity threshold and the ad words; Save stores them all or none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityBox")
        self.setTitle(self.tr("Activity from chat history"))
        # two a row: a "…" label goes on with the one beside it
        labels = {
            "activity_falling_trend": self.tr("Activity falling at or below (of before):"),
            "activity_collapse_trend": self.tr("… and critical at or below:"),
            "activity_enough_weekly": self.tr("Enough data: messages a week before, at least:"),
            "activity_enough_30d": self.tr("… or messages in 30 days, at least:"),
            "one_voice_share": self.tr("One voice: one member sends more than:"),
            "operator_monologue_share": self.tr("Monologue: you send more than:"),
            "soul_share": self.tr("Soul figure: a share of messages of at least:"),
            "soul_messages": self.tr("Soul figure: messages in 30 days, at least:"),
            "soul_days": self.tr("Soul figure: days with a message, at least:"),
            "quiet_before_messages": self.tr("Went quiet after at least (messages before):"),
            "newcomers_min": self.tr("Newcomers silent: joined in 90 days, at least:"),
            "newcomers_speaking_share": self.tr("… and fewer of them spoke than:"),
            "activity_regular_days": self.tr("Regular: days with a message in 30, at least:"),
            "activity_occasional_days": self.tr("Occasional: days with a message, at least:"),
            "ads_standing_days": self.tr("Ads standing: ad-like messages of the last (days):"),
        }
        grid, self.spins = spin_grid(labels)
        words_label = QLabel(
            self.tr(
                "Ad words: a message with one of these and a link, phone number or chat handle"
                " is ad-like (from chat imports made after saving). Separate them with commas"
                " or new lines."
            )
        )
        words_label.setWordWrap(True)
        self.words = QPlainTextEdit()
        self.words.setObjectName("adWordsEdit")
        self.words.setTabChangesFocus(True)
        self.words.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        words_label.setBuddy(self.words)
        self.save_button = QPushButton(self.tr("Save activity settings"))
        self.save_button.setObjectName("saveActivityButton")
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setObjectName("activityNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.error = ErrorLabel("activityError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(words_label)
        layout.addWidget(self.words)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored thresholds and ad words."""
        show_values(self.spins, health_thresholds.thresholds())
        self.words.setPlainText("、".join(health_thresholds.ad_words()))
        self.notice.clear()
        self.error.clear_error()

    def ad_words(self) -> list[str]:
        """The words typed, split at commas, 、, semicolons and new lines."""
        return [w for w in _SEPARATORS.split(self.words.toPlainText()) if w.strip()]

    def save(self) -> bool:
        """Store every threshold and the ad words, or show why not and store nothing."""
        self.notice.clear()
        try:
            health_thresholds.set_activity_settings(self.ad_words(), **values_of(self.spins))
        except HuoqunError as exc:
            self.error.show_error(exc)
            return False
        self.refresh()
        self.notice.setText(self.tr("Saved."))
        return True
