"""Reading XLSX rosters with calamine: the same text as openpyxl reads, wherever the data is."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.io.rosters.xlsx import _cell_text, xlsx_rows
from tests.conftest import SHARED_DATA

WORKBOOKS = sorted((SHARED_DATA / "rosters").glob("*.xlsx"))


def openpyxl_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The rows as openpyxl reads them (what Huoqun used before calamine), trailing blanks cut."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append((number, cells))
    finally:
        book.close()
    while rows and not rows[-1][1]:
        rows.pop()
    return rows


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_every_shared_workbook_reads_as_openpyxl_reads_it(path: Path) -> None:
    rows = xlsx_rows(path)
    while rows and not rows[-1][1]:
        rows.pop()
    assert len(rows) > 100
    assert rows == openpyxl_rows(path)


def test_shared_workbooks_exist() -> None:
    assert [p.name for p in WORKBOOKS] == ["wechat-group-tool.xlsx"]


def test_rows_keep_their_sheet_numbers_when_the_data_starts_lower(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"] = "成员", "QQ号"
    sheet["C4"], sheet["D4"] = "张三", 123456
    sheet["C6"], sheet["D6"] = "李四", "0123"
    path = tmp_path / "lower.xlsx"
    book.save(path)
    rows = [row for row in xlsx_rows(path) if row[1]]
    assert rows == [
        (3, ["", "", "成员", "QQ号"]),
        (4, ["", "", "张三", "123456"]),
        (6, ["", "", "李四", "0123"]),
    ]


def test_a_wrong_used_range_hides_no_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for number in range(1, 6):
        sheet.append([f"成员{number}", 100000 + number])
    good = tmp_path / "good.xlsx"
    book.save(good)
    wrong = tmp_path / "wrong.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(wrong, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:A1"/>', data)
                assert b'ref="A1:A1"' in data
            target.writestr(item, data)
    assert [cells for _, cells in xlsx_rows(wrong)][-1] == ["成员5", "100005"]


def test_each_kind_of_cell_becomes_the_text_it_shows(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["时间", "日期", "钟点", "是否", "小数", "手机", "时长", "负数"])
    sheet.append(
        [
            datetime(2023, 9, 23, 4, 36, 59, 600_000),  # rounds to the second
            date(2024, 1, 2),
            time(13, 45),
            True,
            1.5,
            13800138000,
            timedelta(hours=25),
            -3,
        ]
    )
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    assert xlsx_rows(path)[1] == (
        2,
        [
            "2023-09-23 04:37:00",
            "2024-01-02",
            "13:45:00",
            "TRUE",
            "1.5",
            "13800138000",
            "1 day, 1:00:00",
            "-3",
        ],
    )


def test_the_first_worksheet_is_read_even_when_hidden(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    first.append(["第一张"])
    first.sheet_state = "hidden"
    book.create_sheet("第二张").append(["第二张"])
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    assert xlsx_rows(path) == [(1, ["第一张"])]
