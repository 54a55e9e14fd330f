"""Interactions per week over the last weeks, drawn as a small bar chart with QPainter.

Each bar is labelled with the day its week begins (``10-05``) and read against a scale on the
left (0, 2, 4…), so a bar says how many and when without hovering.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#2e86c1")
EMPTY_COLOUR = QColor("#d5d8dc")
GRID_COLOUR = QColor("#d5d8dc")
PADDING = 6.0
TICK_GAP = 6.0  # between a scale figure and the axis
MAX_TICKS = 4  # steps above zero on the scale
RIGHT = Qt.AlignmentFlag.AlignRight


def scale_ticks(peak: int) -> list[int]:
    """Round figures from 0 to at least ``peak``, at most ``MAX_TICKS`` steps: 0, 2, 4, 6."""
    peak = max(peak, 1)
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            steps = math.ceil(peak / step)
            if steps <= MAX_TICKS:
                return list(range(0, step * steps + 1, step))
        magnitude *= 10


class ActivityChart(QWidget):
    """One bar per week, oldest on the left, over its start date; a scale on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityChart")
        self.setMinimumSize(QSize(240, 110))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._counts: list[int] = []
        self._starts: list[date] = []
        self._update_description()

    def set_counts(self, counts: Sequence[int], starts: Sequence[date] = ()) -> None:
        """Show ``counts``, one per week, oldest first; ``starts`` are the weeks' first days."""
        self._counts = [max(0, int(c)) for c in counts]
        self._starts = list(starts)[: len(self._counts)]
        self._update_description()
        self.update()

    def counts(self) -> list[int]:
        return list(self._counts)

    def week_labels(self) -> list[str]:
        """The date under each bar, month-day (all of them, drawn or not)."""
        return [f"{day:%m-%d}" for day in self._starts]

    def ticks(self) -> list[int]:
        """The figures of the scale."""
        return scale_ticks(max(self._counts, default=0))

    def description(self) -> str:
        """The counts in words (the tooltip and accessible text)."""
        if not self._counts:
            return self.tr("No activity data")
        weeks = len(self._counts)
        if self._starts:
            figures = ", ".join(
                f"{label}: {count}"
                for label, count in zip(self.week_labels(), self._counts, strict=False)
            )
            return self.tr("Interactions per week, by the week's first day: {counts}").format(
                counts=figures
            )
        figures = ", ".join(str(c) for c in self._counts)
        return self.tr(
            "Interactions per week, last %n week(s), oldest first: {counts}", "", weeks
        ).format(counts=figures)

    def _update_description(self) -> None:
        text = self.description()
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 120)

    def plot_area(self) -> QRectF:
        """Where the bars go: right of the scale, above the dates."""
        metrics = QFontMetrics(self.font())
        scale_width = max(metrics.horizontalAdvance(str(t)) for t in self.ticks()) + TICK_GAP
        top = PADDING + metrics.height() / 2  # room for the top figure's upper half
        bottom = PADDING + metrics.height() + 2
        return QRectF(self.rect()).adjusted(PADDING + scale_width, top, -PADDING, -bottom)

    def drawn_week_labels(self) -> list[int]:
        """Which weeks' dates are drawn: every one that has room, else every 2nd, 3rd…"""
        n = len(self._counts)
        if not self._starts or n == 0:
            return []
        slot = self.plot_area().width() / n
        widest = max(QFontMetrics(self.font()).horizontalAdvance(t) for t in self.week_labels())
        every = max(1, math.ceil((widest + 4) / max(slot, 1.0)))
        return [i for i in range(len(self._starts)) if (n - 1 - i) % every == 0]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        n = len(self._counts)
        if n == 0 or area.width() <= 0 or area.height() <= 0:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        text = self.palette().text().color()
        ticks = self.ticks()
        top = ticks[-1]
        for tick in ticks:
            y = area.bottom() - area.height() * tick / top
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            box = QRectF(0, y - metrics.height() / 2, area.left() - TICK_GAP, metrics.height())
            painter.drawText(box, int(RIGHT | Qt.AlignmentFlag.AlignVCenter), str(tick))
        slot = area.width() / n
        bar = max(2.0, slot * 0.7)
        for index, count in enumerate(self._counts):
            x = area.left() + index * slot + (slot - bar) / 2
            height = max(2.0, area.height() * count / top) if count else 2.0
            rect = QRectF(x, area.bottom() - height, bar, height)
            painter.fillRect(rect, BAR_COLOUR if count else EMPTY_COLOUR)
        painter.setPen(text)
        labels = self.week_labels()
        for index in self.drawn_week_labels():
            centre = area.left() + (index + 0.5) * slot
            width = metrics.horizontalAdvance(labels[index]) + 4
            left = min(max(centre - width / 2, area.left()), self.width() - width)
            box = QRectF(left, area.bottom() + 2, width, metrics.height())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), labels[index])
        painter.end()
