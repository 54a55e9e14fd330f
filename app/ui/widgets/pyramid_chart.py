"""The member pyramid drawn with QPainter: one band per tier, as wide as its count says.

Bands have equal heights. A band's width grows with the square root of its count, from a
floor for the smallest tier up to the full base for the largest: a pyramid of 12, 138, 650 and
2,200 members reads as one, without squashing the top to a sliver as proportional widths
would, and an empty tier is a narrow stub, never the widest band. Labels are fitted to each
band: the share goes first when space is short; a band too narrow for its name has its label
beside it, so no text is ever cut off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import sqrt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SIZE = QSize(320, 220)
TOP_WIDTH = 0.34  # the smallest tier with members is this share of the base, so it has room
EMPTY_WIDTH = 0.06  # an empty tier's stub, as a share of the base
ELIDE_SLACK = 4  # pixels
SLOPE = 0.35  # each side of a band leans in by this share of its height
GAP = 3.0  # pixels between bands
PADDING = 8.0


@dataclass(frozen=True)
class Band:
    """What one band shows: a tier's name, colour, count and share (0…1)."""

    name: str
    colour: str
    count: int
    share: float


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    # contrast against white is 1.05 / (lum + 0.05), against black (lum + 0.05) / 0.05
    return QColor("#ffffff") if 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 else QColor("#1b1b1b")


class PyramidChart(QWidget):
    """A stack of trapezoids, one per tier, labelled with name, count and share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pyramidChart")
        self.setMinimumSize(MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._bands: list[Band] = []
        self._update_description()

    # --- data ------------------------------------------------------------------------------

    def set_bands(self, bands: Sequence[Band]) -> None:
        """Show ``bands``, top tier first."""
        self._bands = list(bands)
        self._update_description()
        self.update()

    def bands(self) -> list[Band]:
        return list(self._bands)

    def share_text(self, share: float) -> str:
        """A share as a percentage in the widget's locale, e.g. 12% or 0.4%."""
        percent = float(share) * 100
        digits = 1 if 0 < percent < 10 else 0
        return self.locale().toString(percent, "f", digits) + "%"

    def count_text(self, count: int) -> str:
        return self.locale().toString(count)

    def description(self) -> str:
        """One line per tier: name, count and share (the tooltip and accessible text)."""
        return "\n".join(
            f"{band.name}: {self.count_text(band.count)} ({self.share_text(band.share)})"
            for band in self._bands
        )

    def _update_description(self) -> None:
        text = self.description()
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    # --- size ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(460, 300)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return MIN_SIZE

    # --- painting --------------------------------------------------------------------------

    def band_widths(self, base: float) -> list[float]:
        """Each band's bottom width for a pyramid ``base`` wide: by the square root of its count."""
        peak = max((band.count for band in self._bands), default=0)
        widths = []
        for band in self._bands:
            if band.count <= 0 or peak <= 0:
                widths.append(base * EMPTY_WIDTH)
            else:
                widths.append(base * (TOP_WIDTH + (1 - TOP_WIDTH) * sqrt(band.count / peak)))
        return widths

    def band_polygons(self) -> list[QPolygonF]:
        """The trapezoid of each band, top first, in widget coordinates."""
        n = len(self._bands)
        if n == 0:
            return []
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        # keep the pyramid's proportions: never wider than about twice its height
        base = min(area.width(), area.height() * 2.1)
        centre = area.center().x()
        height = (area.height() - GAP * (n - 1)) / n
        polygons = []
        for index, w1 in enumerate(self.band_widths(base)):
            y0 = area.top() + index * (height + GAP)
            y1 = y0 + height
            w0 = max(w1 * 0.5, w1 - 2 * SLOPE * height)
            polygons.append(
                QPolygonF(
                    [
                        QPointF(centre - w0 / 2, y0),
                        QPointF(centre + w0 / 2, y0),
                        QPointF(centre + w1 / 2, y1),
                        QPointF(centre - w1 / 2, y1),
                    ]
                )
            )
        return polygons

    def band_lines(self, band: Band, width: float, height: float) -> list[str]:
        """The label lines that fit a band ``width`` × ``height``: share dropped first."""
        metrics = QFontMetrics(self.font())
        bold = QFontMetrics(self.name_font())
        count, share = self.count_text(band.count), self.share_text(band.share)
        line_height = metrics.height()
        room = max(0, int(width))

        def fits(text: str) -> bool:
            return metrics.horizontalAdvance(text) <= room

        if height >= line_height + bold.height() + 4:
            figures = next(
                (t for t in (f"{count} · {share}", count) if fits(t)),
                metrics.elidedText(count, Qt.TextElideMode.ElideRight, room),
            )
            name = bold.elidedText(band.name, Qt.TextElideMode.ElideRight, room)
            return [line for line in (name, figures) if line]
        if height < line_height:
            return []
        for text in (f"{band.name}  {count} · {share}", f"{band.name}  {count}"):
            if fits(text):
                return [text]
        tail = f"  {count}"
        name_room = room - metrics.horizontalAdvance(tail)
        name = metrics.elidedText(band.name, Qt.TextElideMode.ElideRight, max(0, name_room))
        if name and name != "…":
            return [name + tail]
        return [metrics.elidedText(count, Qt.TextElideMode.ElideRight, room)]

    def label_span(self, band: Band, polygon: QPolygonF) -> tuple[float, float]:
        """Where a band's label goes, left to right: in the band (its narrow top edge), or
        beside it on the right when the band is too narrow to show the name."""
        # the band's edges where the label's first line starts (the label is centred, and the
        # band widens downwards): wider than its top edge
        top, bottom = polygon.at(0).y(), polygon.at(2).y()
        label = QFontMetrics(self.name_font()).height() + QFontMetrics(self.font()).height()
        along = max(0.0, (bottom - top - label) / 2) / max(bottom - top, 1.0)
        left = polygon.at(0).x() + (polygon.at(3).x() - polygon.at(0).x()) * along
        right = polygon.at(1).x() + (polygon.at(2).x() - polygon.at(1).x()) * along
        one_line = QFontMetrics(self.font()).horizontalAdvance(
            f"{band.name}  {self.count_text(band.count)}"
        )
        name_line = QFontMetrics(self.name_font()).horizontalAdvance(band.name)
        # a few pixels to spare: eliding measures in fractions, these widths are whole
        if right - left - 2 * PADDING >= min(one_line, name_line) + ELIDE_SLACK:
            return left, right
        beside = polygon.at(2).x() + PADDING / 2
        return beside, max(beside, float(self.width()) - PADDING / 2)

    def name_font(self) -> QFont:
        """The font of a tier's name when it has a line of its own."""
        font = QFont(self.font())
        font.setBold(True)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for band, polygon in zip(self._bands, self.band_polygons(), strict=True):
            self._paint_band(painter, band, polygon)
        painter.end()

    def _paint_band(self, painter: QPainter, band: Band, polygon: QPolygonF) -> None:
        fill = QColor(band.colour)
        if not fill.isValid():
            fill = QColor("#888888")
        painter.setPen(QPen(fill.darker(125), 1))
        painter.setBrush(fill)
        painter.drawPolygon(polygon)
        top, bottom = polygon.at(0).y(), polygon.at(2).y()
        left, right = self.label_span(band, polygon)
        lines = self.band_lines(band, right - left - 2 * PADDING, bottom - top)
        if not lines:
            return
        inside = left < polygon.at(1).x()
        painter.setPen(text_colour(fill) if inside else self.palette().text().color())
        align = Qt.AlignmentFlag.AlignHCenter if inside else Qt.AlignmentFlag.AlignLeft
        if len(lines) == 1:
            text_rect = QRectF(left, top, right - left, bottom - top)
            painter.drawText(text_rect, align | Qt.AlignmentFlag.AlignVCenter, lines[0])
            return
        name_height = QFontMetrics(self.name_font()).height()
        figures_height = QFontMetrics(self.font()).height()
        y = top + (bottom - top - name_height - figures_height) / 2
        centre = align | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(self.name_font())
        painter.drawText(QRectF(left, y, right - left, name_height), centre, lines[0])
        painter.setFont(self.font())
        painter.drawText(
            QRectF(left, y + name_height, right - left, figures_height), centre, lines[1]
        )
