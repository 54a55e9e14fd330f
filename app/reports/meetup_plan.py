"""A meetup's printable plan: details, agenda, roles, checklist, budget, then a sign-in sheet.

``render_plan`` paints on any QPagedPaintDevice (a QPdfWriter, or the QPrinter a
QPrintPreviewDialog hands over), so printing, the preview and the CLI share one layout.
It lays out twice: once to count the pages (for "n / N"), once to paint. The sign-in sheet
starts on a new page, repeats its title and table header on every page, and ends with blank
rows for walk-ins (at least ``WALK_IN_ROWS``, then to the foot of the page).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.core.errors import QT_TRANSLATE_NOOP
from app.io.atomic_file import replacing
from app.reports.meetup_plan_data import PlanData, labels, plan_data
from app.reports.pdf_page import PdfError, roster_font
from app.reports.pdf_text import DrawnText, fix_text_layer

DPI = 300
MARGIN_MM = 15.0
WALK_IN_ROWS = 10
BODY_PT, HEAD_PT, TITLE_PT, FOOT_PT = 10.0, 12.0, 18.0, 7.5
GRID, HEADER_FILL = QColor("#909090"), QColor("#e8e8e8")

# Sign-in columns: key and share of the width.
COLUMNS = (("no", 0.06), ("name", 0.19), ("nickname", 0.2), ("phone", 0.15), ("rsvp", 0.14),
           ("signature", 0.26))  # fmt: skip


def write_plan_pdf(
    path: Path, meetup_id: int, full_phones: bool = False, language: str = "zh_CN"
) -> int:
    """Write the plan of ``meetup_id`` as an A4 PDF at ``path`` (atomically); the page count."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a QGuiApplication must exist to write a PDF")
    data = plan_data(meetup_id, full_phones, language)
    with replacing(Path(path)) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(DPI)
        writer.setCreator("Huoqun")
        writer.setTitle(data.title)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        pages = _render(writer, data, language, path, temp)
        del writer  # the file is complete once the painter has ended
    return pages


def render_plan(
    device: QPagedPaintDevice,
    meetup_id: int,
    full_phones: bool = False,
    language: str = "zh_CN",
    pdf_file: Path | None = None,
) -> int:
    """Paint the plan on ``device`` (a QPdfWriter or a QPrinter); the number of pages.

    ``pdf_file`` is the file the device writes when it prints to a PDF: its text layer is
    corrected once the plan is painted (see ``pdf_text``).
    """
    data = plan_data(meetup_id, full_phones, language)
    return _render(device, data, language, pdf_file, pdf_file)


def _render(
    device: QPagedPaintDevice,
    data: PlanData,
    language: str,
    path: Path | None,
    pdf_file: Path | None,
) -> int:
    """Count the pages, then paint them; then correct the text layer of ``pdf_file``."""
    pages = _Plan(None, device, data, language, 0).run()
    painter = QPainter()
    if not painter.begin(device):
        raise PdfError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be written as a PDF."),
            path=str(path or ""),
        )
    plan = _Plan(painter, device, data, language, pages)
    try:
        painted = plan.run()
    finally:
        painter.end()
    if pdf_file is not None:
        fix_text_layer(pdf_file, plan.drawn)
    return painted


class _Plan:
    """One pass over the plan: measuring only (no painter) or painting."""

    def __init__(
        self,
        painter: QPainter | None,
        device: QPagedPaintDevice,
        data: PlanData,
        language: str,
        pages: int,
    ) -> None:
        self.p, self.device, self.data, self.pages = painter, device, data, pages
        self.words = labels(language)
        self.body, self.bold = roster_font(BODY_PT), roster_font(BODY_PT, bold=True)
        self.head, self.title_font = roster_font(HEAD_PT, True), roster_font(TITLE_PT, True)
        self.foot_font = roster_font(FOOT_PT)
        self.width, self.height = float(device.width()), float(device.height())
        self.mm = device.logicalDpiY() / 25.4
        self.foot = QFontMetricsF(self.foot_font, device).lineSpacing() + 2 * self.mm
        self.bottom = self.height - self.foot
        self.page, self.y = 1, 0.0
        self.drawn = DrawnText([self.body, self.bold])

    # --- primitives --------------------------------------------------------------------

    def _draw(self, rect: QRectF, flags: int, text: str) -> None:
        assert self.p is not None
        self.p.drawText(rect, flags, text)
        self.drawn.add(text)

    def _metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def _new_page(self) -> None:
        self._footer()
        if self.p is not None:
            self.device.newPage()
        self.page += 1
        self.y = 0.0

    def _footer(self) -> None:
        if self.p is None:
            return
        self.p.setFont(self.foot_font)
        self.p.setPen(QColor("#666666"))
        rect = QRectF(0, self.bottom, self.width, self.foot)
        align = Qt.AlignmentFlag.AlignBottom
        self._draw(rect, int(align | Qt.AlignmentFlag.AlignLeft), self.data.title)
        number = str(self.words["page"]).format(page=self.page, pages=self.pages)
        self._draw(rect, int(align | Qt.AlignmentFlag.AlignRight), number)

    def _block(self, text: str, font: QFont, x: float = 0.0, gap: float = 0.0) -> None:
        """Wrapped text from ``x`` to the right edge, on a new page when it does not fit."""
        width = self.width - x
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        rect = self._metrics(font).boundingRect(QRectF(0, 0, width, self.bottom), flags, text)
        height = min(rect.height(), self.bottom)
        if self.y + height > self.bottom and self.y > 0:
            self._new_page()
        if self.p is not None:
            self.p.setFont(font)
            self.p.setPen(QColor("#000000"))
            self._draw(QRectF(x, self.y, width, height), flags, text)
        self.y += height + gap

    def _pair(self, label: str, value: str, label_width: float) -> None:
        """A label in bold and its value beside it, wrapped."""
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        width = self.width - label_width
        rect = self._metrics(self.body).boundingRect(QRectF(0, 0, width, self.bottom), flags, value)
        height = max(rect.height(), self._metrics(self.bold).height())
        if self.y + height > self.bottom and self.y > 0:
            self._new_page()
        if self.p is not None:
            self.p.setPen(QColor("#000000"))
            self.p.setFont(self.bold)
            self._draw(QRectF(0, self.y, label_width, height), flags, label)
            self.p.setFont(self.body)
            self._draw(QRectF(label_width, self.y, width, height), flags, value)
        self.y += height + 0.8 * self.mm

    def _heading(self, text: str) -> None:
        need = self._metrics(self.head).height() + 3 * self._metrics(self.body).height()
        if self.y + need > self.bottom:
            self._new_page()
        self.y += 3 * self.mm
        self._block(text, self.head, gap=1.5 * self.mm)

    # --- sections ----------------------------------------------------------------------

    def run(self) -> int:
        """Lay out (and paint, with a painter) every section; the number of pages."""
        w, d = self.words, self.data
        self._block(d.title, self.title_font, gap=3 * self.mm)
        label_width = max(self._metrics(self.bold).horizontalAdvance(k) for k, _ in d.facts)
        for label, value in d.facts:
            self._pair(label, value, label_width + 4 * self.mm)
        if d.agenda:
            self._heading(str(w["agenda"]))
            time_width = self._metrics(self.body).horizontalAdvance("00:00") + 4 * self.mm
            for at, title, owner in d.agenda:
                self._pair(at, title + (f"（{owner}）" if owner else ""), time_width)
        if d.roles:
            self._heading(str(w["roles"]))
            role_width = max(self._metrics(self.bold).horizontalAdvance(r) for r, _ in d.roles)
            for role, name in d.roles:
                self._pair(role, name, role_width + 4 * self.mm)
        if d.checklist:
            self._heading(str(w["checklist"]))
            for done, text in d.checklist:
                self._block(("☑ " if done else "☐ ") + text, self.body, gap=0.8 * self.mm)
        if d.budget:
            self._heading(str(w["budget"]))
            self._budget()
        if d.notes:
            self._heading(str(w["notes"]))
            for paragraph in d.notes.splitlines() or [""]:
                self._block(paragraph, self.body, gap=0.8 * self.mm)
        self._sign_in()
        self._footer()
        return self.page

    def _budget(self) -> None:
        rows = [*self.data.budget, (str(self.words["total"]), self.data.total)]
        metrics = self._metrics(self.body)
        line = metrics.height() + 0.8 * self.mm
        amount_x = self.width * 0.6
        for index, (item, amount) in enumerate(rows):
            if self.y + line > self.bottom:
                self._new_page()
            last = index == len(rows) - 1
            if self.p is not None:
                font = self.bold if last else self.body
                self.p.setFont(font)
                self.p.setPen(QColor("#000000"))
                self._draw(QRectF(0, self.y, amount_x, line), 0, item)
                right = int(Qt.AlignmentFlag.AlignRight)
                self._draw(QRectF(amount_x, self.y, self.width * 0.4, line), right, amount)
                if last:
                    self.p.setPen(QPen(GRID, 0))
                    self.p.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
            self.y += line

    def _sign_in(self) -> None:
        """The sign-in table on fresh pages, header repeated, then blank rows for walk-ins."""
        self._new_page()
        row_height = max(9 * self.mm, self._metrics(self.body).height() * 2.2)
        header_height = self._metrics(self.bold).height() + 3 * self.mm
        self._sign_in_header(header_height)
        rows: list[Sequence[str]] = [
            (str(i), *a, "") for i, a in enumerate(self.data.attendees, start=1)
        ]
        blank = 0
        number = len(rows)
        while True:
            if self.y + row_height > self.bottom:
                if blank >= WALK_IN_ROWS and not rows:
                    break
                self._new_page()
                self._sign_in_header(header_height)
            if rows:
                self._row(rows.pop(0), row_height)
            else:
                number += 1
                blank += 1
                self._row((str(number), "", "", "", "", ""), row_height)

    def _sign_in_header(self, height: float) -> None:
        title = f"{self.words['sign_in']} · {self.data.title}"
        self._block(title, self.head, gap=0.8 * self.mm)
        self._block(" · ".join(filter(None, (self.data.when, self.data.venue))), self.body)
        self.y += 2 * self.mm
        headers = [str(self.words[key]) for key, _ in COLUMNS]
        if self.p is not None:
            self.p.fillRect(QRectF(0, self.y, self.width, height), HEADER_FILL)
        self._cells(headers, height, self.bold)
        self.y += height

    def _row(self, cells: Sequence[str], height: float) -> None:
        self._cells(cells, height, self.body)
        self.y += height

    def _cells(self, cells: Sequence[str], height: float, font: QFont) -> None:
        if self.p is None:
            return
        p, pad = self.p, 1.5 * self.mm
        p.setPen(QPen(GRID, 0))
        p.drawRect(QRectF(0, self.y, self.width, height))
        x = 0.0
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        for text, (_, share) in zip(cells, COLUMNS, strict=True):
            width = self.width * share
            if x > 0:
                p.setPen(QPen(GRID, 0))
                p.drawLine(QPointF(x, self.y), QPointF(x, self.y + height))
            if text:
                p.setFont(font)
                p.setPen(QColor("#000000"))
                self._draw(QRectF(x + pad, self.y, width - 2 * pad, height), flags, text)
            x += width
