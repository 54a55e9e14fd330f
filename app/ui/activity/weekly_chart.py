"""Weekly messages (bars, the operator's part shaded) and speakers (a line) over the weeks
shown, drawn with QPainter (QtCharts is not in every PySide6 build).

The x axis is dated: each week's Monday under its bar (as many as fit), the messages' scale on
the left and the speakers' on the right. Hovering a bar tells that week's figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.ui.activity.figures import axis_date, full_date
from app.ui.widgets.activity_chart import scale_ticks

BAR_COLOUR = QColor("#2e86c1")
OPERATOR_COLOUR = QColor("#aed6f1")  # the operator's part of a bar, shaded lighter
LINE_COLOUR = QColor("#d35400")
GRID_COLOUR = QColor("#d5d8dc")
PADDING = 6.0
GAP = 6.0  # between a scale's figures and the plot
SWATCH = 10.0


class WeeklyChart(QWidget):
    """One bar per week, oldest on the left, over the week's first day."""

    def __init__(self, name: str = "weeklyChart", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._starts: list[date] = []
        self._messages: list[int] = []
        self._operator: list[int] = []
        self._speakers: list[int] | None = None

    def set_weeks(
        self,
        starts: Sequence[date],
        messages: Sequence[int],
        operator: Sequence[int] = (),
        speakers: Sequence[int] | None = None,
    ) -> None:
        """Show the weeks starting on ``starts``; ``operator`` is the operator's part of each
        week's messages; ``speakers`` (None for no line) the members who spoke."""
        self._starts = list(starts)
        self._messages = [max(0, int(m)) for m in messages]
        self._operator = [
            min(max(0, int(o)), m) for o, m in zip(operator, self._messages, strict=False)
        ]
        self._operator += [0] * (len(self._messages) - len(self._operator))
        self._speakers = None if speakers is None else [max(0, int(s)) for s in speakers]
        text = self.description()
        self.setAccessibleDescription(text)
        self.update()

    # --- what it shows (read by tests) -----------------------------------------------------

    def axis_labels(self) -> list[str]:
        """The date under each week, all of them (``drawn_labels`` says which fit)."""
        return [axis_date(day) for day in self._starts]

    def drawn_labels(self) -> list[str]:
        labels = self.axis_labels()
        return [labels[i] for i in self._drawn_indexes()]

    def message_ticks(self) -> list[int]:
        return scale_ticks(max(self._messages, default=0))

    def speaker_ticks(self) -> list[int]:
        return scale_ticks(max(self._speakers or [], default=0))

    def week_text(self, index: int) -> str:
        """One week's figures in words (the tooltip of its bar)."""
        text = self.tr("Week of {date}: %n message(s)", "", self._messages[index]).format(
            date=full_date(self._starts[index])
        )
        if self._operator[index]:
            text += self.tr(", %n yours", "", self._operator[index])
        if self._speakers is not None:
            text += self.tr(", %n speaker(s)", "", self._speakers[index])
        return text

    def description(self) -> str:
        if not self._messages:
            return self.tr("No messages")
        return "; ".join(self.week_text(i) for i in range(len(self._messages)))

    # --- geometry ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, 220)

    def _legend_height(self) -> float:
        return QFontMetrics(self.font()).height() + 6

    def plot_area(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        left = max(metrics.horizontalAdvance(str(t)) for t in self.message_ticks()) + GAP
        right = PADDING
        if self._speakers is not None:
            right = max(metrics.horizontalAdvance(str(t)) for t in self.speaker_ticks()) + GAP
        top = PADDING + self._legend_height() + metrics.height() / 2
        bottom = PADDING + metrics.height() + 2
        return QRectF(self.rect()).adjusted(PADDING + left, top, -PADDING - right, -bottom)

    def _drawn_indexes(self) -> list[int]:
        """Every week's date that has room, else every 2nd, 3rd… (always the current week)."""
        n = len(self._starts)
        if n == 0:
            return []
        slot = self.plot_area().width() / n
        metrics = QFontMetrics(self.font())
        widest = max(metrics.horizontalAdvance(t) for t in self.axis_labels())
        every = max(1, math.ceil((widest + 8) / max(slot, 1.0)))
        return [i for i in range(n) if (n - 1 - i) % every == 0]

    def _index_at(self, x: float) -> int:
        area = self.plot_area()
        n = len(self._messages)
        if n == 0 or not area.left() <= x <= area.right():
            return -1
        return min(n - 1, int((x - area.left()) / (area.width() / n)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(event.position().x())
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.week_text(index), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        if self._messages and area.width() > 0 and area.height() > 0:
            self._paint_legend(painter)
            self._paint_scales(painter, area)
            self._paint_bars(painter, area)
            if self._speakers is not None:
                self._paint_line(painter, area)
            self._paint_dates(painter, area)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        items = [(BAR_COLOUR, self.tr("Messages"), False)]
        if any(self._operator):
            items.append((OPERATOR_COLOUR, self.tr("Yours"), False))
        if self._speakers is not None:
            items.append((LINE_COLOUR, self.tr("Speakers (right scale)"), True))
        x, y = PADDING, PADDING
        painter.setPen(self.palette().text().color())
        for colour, text, line in items:
            middle = y + metrics.height() / 2
            if line:
                painter.setPen(QPen(colour, 2))
                painter.drawLine(QPointF(x, middle), QPointF(x + SWATCH, middle))
            else:
                painter.fillRect(QRectF(x, middle - SWATCH / 2, SWATCH, SWATCH), colour)
            painter.setPen(self.palette().text().color())
            x += SWATCH + 4
            painter.drawText(QPointF(x, y + metrics.ascent()), text)
            x += metrics.horizontalAdvance(text) + 14

    def _paint_scales(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        text = self.palette().text().color()
        ticks = self.message_ticks()
        for tick in ticks:
            y = area.bottom() - area.height() * tick / ticks[-1]
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            box = QRectF(0, y - metrics.height() / 2, area.left() - GAP, metrics.height())
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(tick)
            )
        if self._speakers is None:
            return
        speakers = self.speaker_ticks()
        painter.setPen(LINE_COLOUR)
        for tick in speakers:
            y = area.bottom() - area.height() * tick / speakers[-1]
            box = QRectF(area.right() + GAP, y - metrics.height() / 2, 200, metrics.height())
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), str(tick)
            )

    def _paint_bars(self, painter: QPainter, area: QRectF) -> None:
        top = self.message_ticks()[-1]
        slot = area.width() / len(self._messages)
        bar = max(2.0, slot * 0.7)
        for index, (count, mine) in enumerate(zip(self._messages, self._operator, strict=True)):
            if not count:
                continue
            x = area.left() + index * slot + (slot - bar) / 2
            height = max(2.0, area.height() * count / top)
            painter.fillRect(QRectF(x, area.bottom() - height, bar, height), BAR_COLOUR)
            if mine:
                part = height * mine / count
                painter.fillRect(QRectF(x, area.bottom() - part, bar, part), OPERATOR_COLOUR)

    def _paint_line(self, painter: QPainter, area: QRectF) -> None:
        assert self._speakers is not None
        top = self.speaker_ticks()[-1]
        slot = area.width() / len(self._speakers)
        points = [
            QPointF(area.left() + (i + 0.5) * slot, area.bottom() - area.height() * s / top)
            for i, s in enumerate(self._speakers)
        ]
        painter.setPen(QPen(LINE_COLOUR, 2))
        painter.drawPolyline(points)
        painter.setBrush(LINE_COLOUR)
        for point in points:
            painter.drawEllipse(point, 2.5, 2.5)

    def _paint_dates(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        painter.setPen(self.palette().text().color())
        slot = area.width() / len(self._starts)
        labels = self.axis_labels()
        for index in self._drawn_indexes():
            width = metrics.horizontalAdvance(labels[index]) + 4
            centre = area.left() + (index + 0.5) * slot
            left = min(max(centre - width / 2, 0), self.width() - width)
            box = QRectF(left, area.bottom() + 2, width, metrics.height())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), labels[index])
