"""The drawn pyramid: paints at any size, fits its labels, reads on any band colour."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFontMetrics

from app.ui.widgets.pyramid_chart import MIN_SIZE, Band, PyramidChart, text_colour

BANDS = [
    Band("Core", "#c0392b", 12, 12 / 3000),
    Band("管理/骨干", "#d68910", 138, 138 / 3000),
    Band("Active", "#2e86c1", 650, 650 / 3000),
    Band("A very long tier name that cannot fit", "#f4d03f", 2200, 2200 / 3000),
]


@pytest.fixture
def chart(qtbot: Any) -> PyramidChart:
    widget = PyramidChart()
    qtbot.addWidget(widget)
    widget.set_bands(BANDS)
    return widget


@pytest.mark.parametrize("size", [(320, 220), (460, 300), (900, 500), (1600, 400), (320, 700)])
def test_paints_at_any_size(qtbot: Any, chart: PyramidChart, size: tuple[int, int]) -> None:
    chart.resize(*size)
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    assert (image.width(), image.height()) == size
    polygons = chart.band_polygons()
    assert len(polygons) == 4
    widths = [p.boundingRect().width() for p in polygons]
    assert widths == sorted(widths), "the top tier is the narrowest"
    assert all(chart.rect().contains(p.boundingRect().toRect()) for p in polygons)
    # the middle of the top band shows the top tier's colour
    centre = polygons[0].boundingRect().center().toPoint()
    assert image.pixelColor(centre.x(), polygons[0].boundingRect().top() + 2) == QColor("#c0392b")


def test_never_smaller_than_its_minimum(chart: PyramidChart) -> None:
    assert chart.minimumSizeHint() == MIN_SIZE
    assert chart.minimumSize() == MIN_SIZE
    assert chart.sizeHint().width() >= MIN_SIZE.width()


def test_tooltip_and_accessible_text_list_every_count(chart: PyramidChart) -> None:
    lines = chart.toolTip().splitlines()
    assert lines == [
        "Core: 12 (0.4%)",
        "管理/骨干: 138 (4.6%)",
        "Active: 650 (22%)",
        "A very long tier name that cannot fit: 2,200 (73%)",
    ]
    assert chart.accessibleDescription() == chart.toolTip()


def test_labels_drop_the_share_then_elide_the_name(chart: PyramidChart) -> None:
    metrics = QFontMetrics(chart.font())
    tall = metrics.height() * 3
    band = BANDS[0]
    assert chart.band_lines(band, 400, tall) == ["Core", "12 · 0.4%"]
    narrow = metrics.horizontalAdvance("12 · 0") - 1
    assert chart.band_lines(band, narrow, tall)[1] == "12"
    short = metrics.height() + 1
    assert chart.band_lines(band, 400, short) == ["Core  12 · 0.4%"]
    just_count = metrics.horizontalAdvance("Core  12") + 1
    assert chart.band_lines(band, just_count, short) == ["Core  12"]
    long_band = BANDS[3]
    lines = chart.band_lines(long_band, 120, short)
    assert len(lines) == 1 and lines[0].endswith("…  2,200")
    for line in lines + chart.band_lines(long_band, 120, tall):
        assert metrics.horizontalAdvance(line) <= 120
    assert chart.band_lines(band, 400, metrics.height() - 1) == []


def test_text_reads_on_dark_and_light_bands() -> None:
    assert text_colour(QColor("#1b2631")) == QColor("#ffffff")
    assert text_colour(QColor("#c0392b")) == QColor("#ffffff")
    assert text_colour(QColor("#f4d03f")) == QColor("#1b1b1b")
    assert text_colour(QColor("#ffffff")) == QColor("#1b1b1b")


def test_no_tiers_paints_nothing_and_says_nothing(qtbot: Any) -> None:
    chart = PyramidChart()
    qtbot.addWidget(chart)
    chart.resize(QSize(400, 300))
    assert chart.band_polygons() == []
    assert not chart.grab().isNull()
    assert chart.toolTip() == ""


def test_an_empty_tier_is_a_narrow_stub_labelled_beside_it(qtbot: Any) -> None:
    chart = PyramidChart()
    qtbot.addWidget(chart)
    chart.set_bands([*BANDS[:3], Band("Members", "#7f8c8d", 0, 0)])  # nobody at the bottom yet
    chart.resize(460, 300)
    chart.show()
    qtbot.waitExposed(chart)
    widths = [p.boundingRect().width() for p in chart.band_polygons()]
    assert widths[3] == min(widths) and widths[3] < widths[0] / 3, widths
    assert widths[:3] == sorted(widths[:3]), "wider as the count grows"
    stub = chart.band_polygons()[3]
    left, right = chart.label_span(chart.bands()[3], stub)
    assert left > stub.boundingRect().right() and right <= chart.width()  # beside the stub
    assert chart.band_lines(chart.bands()[3], right - left, stub.boundingRect().height())[0] == (
        "Members"
    )
    # the label is painted there in the text colour, not cut inside the stub
    image = chart.grab().toImage()
    row = int(stub.boundingRect().center().y())
    text = chart.palette().text().color()
    assert any(
        image.pixelColor(x, y) == text
        for x in range(int(left), int(right))
        for y in range(row - 12, row + 12)
    )
    assert chart.toolTip().splitlines()[3] == "Members: 0 (0%)"
