"""The Groups table's chat-activity columns (messages in 30 days, speaking share, trend) and
its chat filter: what each cell shows, how it sorts (numbers as numbers) and how it filters.

The table model asks here for its three last columns; ``group_activity`` gives every group's
figures in a fixed number of queries when the table reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox

from app.core import activity
from app.core.activity import GroupActivity
from app.ui.activity.figures import NO_FIGURE, arrow, percent, trend_text, weekly_figure

COL_MESSAGES_30D, COL_SPEAKING, COL_TREND = 8, 9, 10
COLUMNS = [
    QT_TRANSLATE_NOOP("GroupTableModel", "Messages (30 days)"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Speaking share"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Trend"),
]
NUMBERS = (COL_MESSAGES_30D, COL_SPEAKING, COL_TREND)
FALLING_COLOUR, RISING_COLOUR = QColor("#b03a2e"), QColor("#1e8449")
NO_HISTORY_SORT = -1.0  # groups without chat history sort below every figure
# the chat filter: code -> words; "" keeps every group
CHAT_FILTERS = {
    "": QT_TRANSLATE_NOOP("GroupTableModel", "Any chat"),
    "history": QT_TRANSLATE_NOOP("GroupTableModel", "With chat history"),
    "falling": QT_TRANSLATE_NOOP("GroupTableModel", "Falling ▼"),
    "rising": QT_TRANSLATE_NOOP("GroupTableModel", "Rising ▲"),
    "none": QT_TRANSLATE_NOOP("GroupTableModel", "No chat history"),
}


def translated(text: str) -> str:
    return QCoreApplication.translate("GroupTableModel", text)


def load(group_ids: list[int]) -> dict[int, GroupActivity]:
    """Every listed group's activity for the columns (no lists of people), in a fixed number
    of queries."""
    return activity.group_activity(group_ids, detail=False) if group_ids else {}


def chat_kind(found: GroupActivity | None) -> str:
    """ "none" without chat history; "falling", "rising" or "steady" by the trend's arrow;
    "history" when there is history but no trend."""
    if found is None or not found.has_history:
        return "none"
    return {"▼": "falling", "▲": "rising", "→": "steady"}.get(arrow(found.trend), "history")


def accepts(wanted: str, kind: str) -> bool:
    """Whether a group of chat ``kind`` passes the chat filter ``wanted``."""
    if not wanted:
        return True
    if wanted == "history":
        return kind != "none"
    return kind == wanted


def text(found: GroupActivity | None, column: int) -> str:
    if found is None or not found.has_history:
        return NO_FIGURE
    if column == COL_MESSAGES_30D:
        return f"{found.messages_30d:,}"
    if column == COL_SPEAKING:
        return percent(found.speaking_share)
    return trend_text(found.trend)


def sort_value(found: GroupActivity | None, column: int) -> float:
    if found is None or not found.has_history:
        return NO_HISTORY_SORT
    if column == COL_MESSAGES_30D:
        return float(found.messages_30d)
    value = found.speaking_share if column == COL_SPEAKING else found.trend
    return NO_HISTORY_SORT / 2 if value is None else float(value)


def tooltip(found: GroupActivity | None, column: int) -> str | None:
    if found is None or not found.has_history:
        return QCoreApplication.translate("GroupTableModel", "No chat history yet")
    if column == COL_MESSAGES_30D and found.operator_messages_30d:
        return QCoreApplication.translate("GroupTableModel", "{count} of them yours").format(
            count=found.operator_messages_30d
        )
    if column == COL_SPEAKING:
        return QCoreApplication.translate(
            "GroupTableModel", "{speakers} of {members} members spoke in the last 30 days"
        ).format(speakers=found.speakers_30d, members=found.members)
    if column == COL_TREND:
        return QCoreApplication.translate(
            "GroupTableModel", "last 4 weeks {recent}/week vs {earlier}/week before"
        ).format(
            recent=weekly_figure(found.recent_weekly), earlier=weekly_figure(found.earlier_weekly)
        )
    return None


def foreground(found: GroupActivity | None, column: int) -> QBrush | None:
    if column != COL_TREND or found is None or found.trend is None:
        return None
    kind = chat_kind(found)
    if kind == "falling":
        return QBrush(FALLING_COLOUR)
    return QBrush(RISING_COLOUR) if kind == "rising" else None


def alignment() -> int:
    return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def chat_filter_combo() -> QComboBox:
    """The Groups panel's chat filter: any, with history, falling, rising, none."""
    combo = QComboBox()
    combo.setObjectName("groupChatFilter")
    for code, words in CHAT_FILTERS.items():
        combo.addItem(translated(words), code)
    combo.setToolTip(
        QCoreApplication.translate(
            "GroupTableModel", "Show only groups whose chat history is like this"
        )
    )
    return combo
