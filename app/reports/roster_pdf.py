"""A printable roster as PDF: title, date, and a table whose header repeats on every page.

Painted with QPainter on a QPdfWriter (QtGui only, no widgets) in two passes over the rows:
the first measures each row's height to find the page breaks (so every page can say "n / N"),
the second paints. Rows stream from the source page by page, so a long roster does not sit
in memory. Chinese text renders with a CJK-capable family Qt finds on the system.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.progress import Progress
from app.reports.pdf_page import PdfError, roster_font
from app.reports.pdf_text import DrawnText, fix_text_layer
from app.reports.roster_columns import fit_columns, flat

if TYPE_CHECKING:
    from app.core.roster_export import RosterSource


DPI = 300
MARGIN_MM = 12.0
PADDING_MM = 1.2
MAX_LINES = 4  # a cell taller than this is cut: a roster is for reading down, not notes
BODY_PT, HEADER_PT, TITLE_PT, FOOT_PT = 8.0, 8.0, 15.0, 7.0
# Columns whose text must not wrap (numbers, dates, single words); the others give way.
UNBREAKABLE = frozenset(
    {"tier", "status", "star", "qq", "phone", "city", "gender", "first_seen", "last_contacted"}
)
MIN_WRAP_MM = 14.0  # the narrowest a wrapping column gets
GRID, HEADER_FILL, STRIPE = QColor("#b0b0b0"), QColor("#e8e8e8"), QColor("#f6f6f6")


class _Lines:
    """Where lines of a font sit: a pitch and a baseline that fit every family it falls back to."""

    def __init__(self, font: QFont, device: QPdfWriter) -> None:
        self.metrics = QFontMetricsF(font, device)
        single = []
        for family in font.families() or [font.family()]:
            one = QFont(font)
            one.setFamilies([family])
            single.append(QFontMetricsF(one, device))
        self.ascent = max(m.ascent() for m in single)
        self.height = max(m.ascent() + m.descent() for m in single) + self.metrics.leading()


@dataclass
class _Metrics:
    """Sizes in device pixels of the page and the table on it."""

    width: float
    height: float
    padding: float
    columns: list[tuple[float, float]]  # (x, width) of each column
    foot: float
    title_block: float


def write_roster_pdf(
    path: Path, title: str, source: RosterSource, progress: Progress | None = None
) -> int:
    """Write ``source`` as an A4 PDF at ``path``; the number of member rows."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a QGuiApplication must exist to write a PDF")
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setCreator("Huoqun")
    writer.setTitle(title)
    wide = len(source.columns) > 6
    orientation = QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be written as a PDF."), path=str(path)
        )
    roster = _Roster(painter, writer, title, source, progress)
    try:
        rows = roster.paint()
    finally:
        painter.end()
    fix_text_layer(path, roster.drawn)
    return rows


class _Roster:
    """One roster being laid out and painted."""

    def __init__(
        self,
        painter: QPainter,
        writer: QPdfWriter,
        title: str,
        source: RosterSource,
        progress: Progress | None,
    ) -> None:
        self.painter, self.writer, self.title = painter, writer, title
        self.source, self.progress = source, progress
        self.body = roster_font(BODY_PT)
        self.bold = roster_font(HEADER_PT, bold=True)
        self.title_font = roster_font(TITLE_PT, bold=True)
        self.foot_font = roster_font(FOOT_PT)
        # Line metrics on the PDF, by boldness (the body is regular, the header bold).
        self.lines = {False: _Lines(self.body, writer), True: _Lines(self.bold, writer)}
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.m = self._metrics()
        self.header_height = self._row_height(source.headers, self.bold)
        self.drawn = DrawnText([self.body, self.bold])

    def _metrics(self) -> _Metrics:
        width, height = float(self.writer.width()), float(self.writer.height())
        mm = DPI / 25.4
        pad = PADDING_MM * mm
        columns, x = [], 0.0
        for column_width in self._column_widths(width, pad, mm):
            columns.append((x, column_width))
            x += column_width
        title = _Lines(self.title_font, self.writer)
        foot = QFontMetricsF(self.foot_font, self.writer)
        return _Metrics(
            width=width,
            height=height,
            padding=pad,
            columns=columns,
            foot=foot.lineSpacing() + 2 * mm,
            title_block=title.height + self.lines[False].height + 4 * mm,
        )

    def _column_widths(self, width: float, pad: float, mm: float) -> list[float]:
        """Column widths from the header and the first page of rows, fitted to ``width``."""
        first = next(self.source.pages(), (0, []))[1]
        natural, fixed = [], []
        body, bold = self.lines[False].metrics, self.lines[True].metrics
        slack = 2 * pad + 0.3 * mm  # shaping may be a hair wider than the metrics say
        for index, (column, header) in enumerate(
            zip(self.source.columns, self.source.headers, strict=True)
        ):
            sizes = sorted(body.horizontalAdvance(flat(r[index])) for r in first)
            unbreakable = column in UNBREAKABLE
            # A text column is sized for nearly all its cells; a rare long one wraps.
            longest = sizes[-1] if sizes else 0.0
            typical = sizes[int(0.95 * (len(sizes) - 1))] if sizes else 0.0
            content = longest if unbreakable or longest <= 2 * typical else typical
            natural.append(max(bold.horizontalAdvance(header), content) + slack)
            fixed.append(unbreakable)
        return fit_columns(natural, fixed, width, MIN_WRAP_MM * mm)

    # --- measuring ---------------------------------------------------------------------

    def _fits(self, text: str, font: QFont, width: float) -> bool:
        """Whether ``text`` fits on one line ``width`` wide (the common, cheap case)."""
        advance = self.lines[font.bold()].metrics.horizontalAdvance(text)
        return "\u2028" not in text and advance <= width

    def _lines(self, text: str, font: QFont, width: float) -> int:
        """How many lines ``text`` takes in a cell ``width`` wide (at most ``MAX_LINES``)."""
        if not text or self._fits(text, font, width):
            return 1
        return min(self._layout(text, font, width).lineCount(), MAX_LINES)

    def _layout(self, text: str, font: QFont, width: float) -> QTextLayout:
        """``text`` in lines ``width`` wide, wrapping between words or CJK characters.

        Lines sit on the same baselines as one-line cells, whatever fonts each line uses.
        """
        lines = self.lines[font.bold()]
        layout = QTextLayout(text, font, self.writer)
        layout.setTextOption(self.option)
        layout.beginLayout()
        index = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, index * lines.height + lines.ascent - line.ascent()))
            index += 1
        layout.endLayout()
        return layout

    def _row_height(self, row: Sequence[str], font: QFont) -> float:
        pad = self.m.padding
        widths = [w - 2 * pad for _, w in self.m.columns]
        lines = max((self._lines(t, font, w) for t, w in zip(row, widths, strict=True)), default=1)
        return lines * self.lines[font.bold()].height + 2 * pad

    # --- the two passes ----------------------------------------------------------------

    def paint(self) -> int:
        """Measure every row, then paint the pages; the number of rows."""
        total = self.source.total
        heights: list[float] = []
        for done, rows in self.source.pages():
            heights.extend(self._row_height([flat(t) for t in r], self.body) for r in rows)
            self._report(done, total, 0)
        starts = self._page_starts(heights)
        pages = len(starts)
        self._begin_page(1, pages)
        y = self.m.title_block + self.header_height
        index = 0
        page = 1
        for done, rows in self.source.pages():
            for row in rows:
                if page < pages and index == starts[page]:
                    page += 1
                    self.writer.newPage()
                    self._begin_page(page, pages)
                    y = self.header_height
                self._paint_row([flat(t) for t in row], y, heights[index], index % 2 == 1)
                y += heights[index]
                index += 1
            self._report(done, total, 1)
        return index

    def _page_starts(self, heights: Sequence[float]) -> list[int]:
        """The index of the first row on each page."""
        usable = self.m.height - self.m.foot - self.header_height
        starts, room = [0], usable - self.m.title_block
        for index, height in enumerate(heights):
            if height > room and index != starts[-1]:
                starts.append(index)
                room = usable
            room -= height
        return starts

    def _report(self, done: int, total: int, second_pass: int) -> None:
        if self.progress is not None:
            self.progress(second_pass * total + done, 2 * total)

    # --- painting ----------------------------------------------------------------------

    def _begin_page(self, page: int, pages: int) -> None:
        p, m = self.painter, self.m
        top = 0.0
        if page == 1:
            p.setFont(self.title_font)
            p.setPen(QColor("#000000"))
            title = _Lines(self.title_font, self.writer)
            p.drawText(QPointF(0, title.ascent), self.title)
            p.setFont(self.body)
            p.setPen(QColor("#444444"))
            baseline = title.height + self.lines[False].ascent
            count = self._count_line()
            p.drawText(QPointF(0, baseline), count)
            self.drawn.add(self.title + count)
            top = m.title_block
        p.fillRect(QRectF(0, top, m.width, self.header_height), HEADER_FILL)
        self._paint_cells(self.source.headers, top, self.header_height, self.bold)
        p.setPen(QPen(GRID, 0))
        p.drawLine(QPointF(0, top + self.header_height), QPointF(m.width, top + self.header_height))
        p.setFont(self.foot_font)
        p.setPen(QColor("#666666"))
        foot = QRectF(0, m.height - m.foot, m.width, m.foot)
        align = Qt.AlignmentFlag.AlignBottom
        p.drawText(foot, int(align | Qt.AlignmentFlag.AlignLeft), self.title)
        p.drawText(foot, int(align | Qt.AlignmentFlag.AlignRight), f"{page} / {pages}")
        self.drawn.add(f"{self.title}{page} / {pages}")

    def _count_line(self) -> str:
        """The line under the title: today's date and how many members the roster has."""
        today = clock.local_today().isoformat()
        count = self.source.total
        if self.source.language == "zh_CN":
            return f"{today} · 共 {count} 人"
        return f"{today} · {count} member" + ("" if count == 1 else "s")

    def _paint_row(self, row: Sequence[str], y: float, height: float, striped: bool) -> None:
        if striped:
            self.painter.fillRect(QRectF(0, y, self.m.width, height), STRIPE)
        self._paint_cells(row, y, height, self.body)
        self.painter.setPen(QPen(GRID, 0))
        self.painter.drawLine(QPointF(0, y + height), QPointF(self.m.width, y + height))

    def _paint_cells(self, row: Sequence[str], y: float, height: float, font: QFont) -> None:
        p, pad = self.painter, self.m.padding
        p.setFont(font)
        p.setPen(QColor("#000000"))
        ascent = self.lines[font.bold()].ascent
        for text, (x, width) in zip(row, self.m.columns, strict=True):
            if not text:
                continue
            self.drawn.add(text)
            inner = width - 2 * pad
            if self._fits(text, font, inner):
                p.drawText(QPointF(x + pad, y + pad + ascent), text)
                continue
            p.save()
            p.setClipRect(QRectF(x, y, width, height))
            self._layout(text, font, inner).draw(p, QPointF(x + pad, y + pad))
            p.restore()
