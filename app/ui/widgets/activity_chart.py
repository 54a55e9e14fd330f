"""Interactions per week over the last weeks, drawn as a small bar chart with QPainter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#2e86c1")
EMPTY_COLOUR = QColor("#d5d8dc")
PADDING = 6.0


class ActivityChart(QWidget):
    """One bar per week, oldest on the left; the tooltip lists the counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityChart")
        self.setMinimumSize(QSize(240, 90))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._counts: list[int] = []
        self._update_description()

    def set_counts(self, counts: Sequence[int]) -> None:
        """Show ``counts``, one per week, oldest first."""
        self._counts = [max(0, int(c)) for c in counts]
        self._update_description()
        self.update()

    def counts(self) -> list[int]:
        return list(self._counts)

    def description(self) -> str:
        """The counts in words (the tooltip and accessible text)."""
        if not self._counts:
            return self.tr("No activity data")
        weeks = len(self._counts)
        figures = ", ".join(str(c) for c in self._counts)
        return self.tr(
            "Interactions per week, last %n week(s), oldest first: {counts}", "", weeks
        ).format(counts=figures)

    def _update_description(self) -> None:
        text = self.description()
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 110)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_height = metrics.height()
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING - label_height)
        n = len(self._counts)
        if n == 0 or area.width() <= 0 or area.height() <= 0:
            painter.end()
            return
        peak = max(self._counts) or 1
        slot = area.width() / n
        bar = max(2.0, slot * 0.7)
        for index, count in enumerate(self._counts):
            x = area.left() + index * slot + (slot - bar) / 2
            height = max(2.0, area.height() * count / peak) if count else 2.0
            rect = QRectF(x, area.bottom() - height, bar, height)
            painter.fillRect(rect, BAR_COLOUR if count else EMPTY_COLOUR)
            if count and metrics.horizontalAdvance(str(count)) <= slot:
                painter.setPen(self.palette().text().color())
                text_rect = QRectF(x - slot / 2, area.bottom(), bar + slot, label_height)
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()
