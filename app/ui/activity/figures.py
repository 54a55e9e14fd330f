"""The words and figures of chat activity (PRODUCT.md §4b) as the window shows them: shares as
percentages, the trend as an arrow with its ratio, presence, dates on a chart's axis.

One place for them so the Activity tab, the Groups columns and a member's page say the same.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core import clock
from app.core.activity import GroupActivity

CONTEXT = "ActivityWords"
STEADY_BAND = 0.1  # a trend within 10 % of 1 is steady: →
NO_FIGURE = "—"
PRESENCE_WORDS = {
    "regular": QT_TRANSLATE_NOOP("ActivityWords", "Regular"),
    "occasional": QT_TRANSLATE_NOOP("ActivityWords", "Occasional"),
    "once": QT_TRANSLATE_NOOP("ActivityWords", "Once"),
    "silent": QT_TRANSLATE_NOOP("ActivityWords", "Silent"),
}
PRESENCE_ORDER = {"regular": 0, "occasional": 1, "once": 2, "silent": 3}


def translated(text: str) -> str:
    """A word marked with QT_TRANSLATE_NOOP in this context, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def percent(share: float | None) -> str:
    """A share as a whole percentage ("42 %"); "—" for None."""
    return NO_FIGURE if share is None else f"{round(share * 100)} %"


def arrow(trend: float | None) -> str:
    """▲ rising, ▼ falling, → steady; "" without a trend."""
    if trend is None:
        return ""
    if trend > 1 + STEADY_BAND:
        return "▲"
    if trend < 1 - STEADY_BAND:
        return "▼"
    return "→"


def trend_text(trend: float | None) -> str:
    """The arrow and the ratio ("▼ 0.25×"); "—" without a trend."""
    if trend is None:
        return NO_FIGURE
    return f"{arrow(trend)} {trend:.2f}×"


def weekly_figure(value: float) -> str:
    """Messages per week: whole when large, one decimal when small."""
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def trend_sentence(found: GroupActivity) -> str:
    """The trend with its figures: "▼ 0.25×: last 4 weeks 10/week vs 40/week before"."""
    figures = QCoreApplication.translate(
        "ActivityWords", "last 4 weeks {recent}/week vs {earlier}/week before"
    ).format(recent=weekly_figure(found.recent_weekly), earlier=weekly_figure(found.earlier_weekly))
    if found.trend is None:
        if not found.has_history:
            return NO_FIGURE
        reason = QCoreApplication.translate("ActivityWords", "not enough messages for a trend")
        return f"{NO_FIGURE} ({reason}; {figures})"
    return f"{trend_text(found.trend)}: {figures}"


def presence_word(code: str) -> str:
    return translated(PRESENCE_WORDS.get(code, code))


def axis_date(day: date) -> str:
    """A week's start under a chart's bar: month-day ("03-09")."""
    return f"{day:%m-%d}"


def full_date(day: date) -> str:
    return day.isoformat()


def local_minute(moment: datetime | None) -> str:
    """A stored UTC time as the local minute ("2026-03-14 20:05"); "" for None."""
    return "" if moment is None else clock.to_local(moment).strftime("%Y-%m-%d %H:%M")
