"""Reading roster files: encodings, delimiters, header rows below titles, and refusals."""

from __future__ import annotations

import codecs
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.io.rosters import file as roster_file
from app.io.rosters import xlsx as roster_xlsx
from app.io.rosters.file import RosterError, group_name_for, read_roster
from tests.conftest import SHARED_DATA

ROSTERS = SHARED_DATA / "rosters"
QQ_HEADER = ["序号", "成员", "群名片", "QQ号", "性别", "Q龄", "入群时间", "等级(积分)", "最后发言"]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_qq_export_is_read_as_gb18030_with_its_header() -> None:
    roster = read_roster(ROSTERS / "qq-group-export-gbk.csv")
    assert (roster.kind, roster.encoding, roster.delimiter) == ("csv", "gb18030", ",")
    assert (roster.detected_encoding, roster.detected_delimiter) == ("gb18030", ",")
    assert roster.header_line == 1
    assert roster.headers == QQ_HEADER
    assert len(roster.rows) == 300
    line, cells = roster.rows[1]
    assert line == 3
    assert cells[1:4] == ["冉春梅", "[管理]冉春梅", "465690097"]


def test_the_wechat_workbook_skips_its_title_row_and_keeps_dates() -> None:
    roster = read_roster(ROSTERS / "wechat-group-tool.xlsx")
    assert (roster.kind, roster.encoding, roster.delimiter) == ("xlsx", None, None)
    assert roster.header_line == 2
    assert roster.headers == ["微信昵称", "微信号", "群昵称", "性别", "地区", "入群时间", "备注"]
    assert len(roster.rows) == 200
    assert roster.rows[0] == (
        3,
        ["xiuying79", "jlei77", "唐建华", "未知", "辽宁省 柳州", "2023-09-23 04:36:00"],
    )


def test_a_new_group_is_named_after_the_chat_in_the_title_row_else_the_file() -> None:
    workbook = read_roster(ROSTERS / "wechat-group-tool.xlsx")
    assert workbook.title == "读书会3群 成员列表（导出时间 2026-11-01 20:15）"
    assert group_name_for(workbook.path, workbook.title) == "读书会3群"
    export = read_roster(ROSTERS / "qq-group-export-gbk.csv")
    assert export.title == ""
    assert group_name_for(export.path, export.title) == "qq-group-export-gbk"
    assert group_name_for(Path("读书会3群_成员列表_2024-03-01.csv")) == "读书会3群"
    assert group_name_for(Path("摄影群 群成员(导出).xlsx")) == "摄影群"
    assert group_name_for(Path("members.csv")) == "members"  # nothing else to go by
    assert len(group_name_for(Path("群" * 300 + ".csv"))) == 100


def test_a_utf8_bom_is_not_part_of_the_first_header() -> None:
    roster = read_roster(ROSTERS / "plain-roster-utf8bom.csv")
    assert roster.encoding == "utf-8-sig"
    assert roster.headers == ["Name", "Phone", "Email", "City", "Tags"]
    assert len(roster.rows) == 120


def test_hostile_cells_are_kept_as_text_with_their_lines() -> None:
    roster = read_roster(ROSTERS / "formula-injection.csv")
    assert roster.rows == [
        (2, ['=HYPERLINK("http://example.invalid","点我")', "11111111", "+1+1"]),
        (3, ["@SUM(A1:A2)", "22222222", "-2+3"]),
        (4, ["\tTabbed", "33333333", "\rCR"]),
    ]


def test_excel_unicode_text_is_utf16_and_tab_separated(tmp_path: Path) -> None:
    text = "姓名\tQQ号\r\n张三\t123456\r\n李四\t234567\r\n"
    path = write(tmp_path / "unicode.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    roster = read_roster(path)
    assert (roster.kind, roster.encoding, roster.delimiter) == ("tsv", "utf-16", "\t")
    assert roster.headers == ["姓名", "QQ号"]
    assert roster.rows == [(2, ["张三", "123456"]), (3, ["李四", "234567"])]


def test_semicolons_are_detected_and_title_rows_skipped(tmp_path: Path) -> None:
    text = "会员名单 2024\n\nName;Phone;City\n张三;13800138000;上海\n李四;13900139000;北京\n"
    roster = read_roster(write(tmp_path / "semi.csv", text.encode()))
    assert roster.delimiter == ";"
    assert roster.header_line == 3
    assert roster.rows == [
        (4, ["张三", "13800138000", "上海"]),
        (5, ["李四", "13900139000", "北京"]),
    ]


def test_unknown_headers_start_at_the_first_wide_row_followed_by_data(tmp_path: Path) -> None:
    text = "My people\ncol a,col b\nx,1\n"
    roster = read_roster(write(tmp_path / "unknown.csv", text.encode()))
    assert roster.header_line == 2
    assert roster.headers == ["col a", "col b"]


def test_a_cell_over_two_lines_keeps_the_next_rows_line_numbers(tmp_path: Path) -> None:
    text = 'Name,QQ,Notes\n张三,123456,"第一行\n第二行"\n李四,234567,\n'
    roster = read_roster(write(tmp_path / "multi.csv", text.encode()))
    assert roster.rows == [(2, ["张三", "123456", "第一行\n第二行"]), (4, ["李四", "234567", ""])]


def test_overrides_win_and_gbk_means_gb18030(tmp_path: Path) -> None:
    text = "title;x\n成员,QQ号\n张三,123456\n"
    path = write(tmp_path / "o.csv", text.encode("gb18030"))
    roster = read_roster(path, encoding="GBK", delimiter=",", header_line=2)
    assert roster.encoding == "gb18030"
    assert roster.detected_encoding == "gb18030"
    assert roster.header_line == 2
    assert roster.rows == [(3, ["张三", "123456"])]


def test_a_wrong_encoding_override_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "成员,QQ号\n张三,123456\n".encode("gb18030"))
    with pytest.raises(RosterError) as caught:
        read_roster(path, encoding="utf-8")
    assert caught.value.params["line"] == 1
    with pytest.raises(RosterError, match="Unknown encoding"):
        read_roster(path, encoding="klingon")


def test_a_header_line_that_is_empty_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", b"a,b\n\n1,2\n")
    with pytest.raises(RosterError, match="Line 2 of h.csv is empty"):
        read_roster(path, header_line=2)


def test_numbers_and_dates_in_a_workbook_become_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["微信昵称", "微信号", "手机号", "入群时间"])
    sheet.append(["张三", "zhangsan", 13800138000, datetime(2023, 9, 23, 4, 36)])
    sheet.append(["李四", "lisi88", 13900139000.0, "2023/01/02 03:04"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    roster = read_roster(path)
    assert roster.rows == [
        (2, ["张三", "zhangsan", "13800138000", "2023-09-23 04:36:00"]),
        (3, ["李四", "lisi88", "13900139000", "2023/01/02 03:04"]),
    ]


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("binary.csv", "binary file"),
        ("empty.csv", "is empty"),
        ("header-only.csv", "no members under it"),
        ("mixed-encoding.csv", "it reads as GB18030, but line 3 is UTF-8"),
        ("not-really.xlsx", "not a real XLSX"),
    ],
)
def test_bad_files_are_refused_with_a_reason(name: str, words: str) -> None:
    with pytest.raises(RosterError) as caught:
        read_roster(ROSTERS / "bad" / name)
    assert words in str(caught.value)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_utf8_file_with_a_gbk_line_is_mixed(tmp_path: Path) -> None:
    data = "成员,QQ号\n张三,123456\n".encode() + "李四,234567\n".encode("gbk")
    with pytest.raises(RosterError) as caught:
        read_roster(write(tmp_path / "m.csv", data))
    assert "it reads as UTF-8, but line 3 is GB18030" in str(caught.value)


def test_a_file_in_neither_encoding_names_a_guess(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", b"name,qq\n\x80\xff\x80,12345\n")
    with pytest.raises(RosterError, match="not in UTF-8, UTF-16 or GB18030"):
        read_roster(path)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.truncate(roster_file.SIZE_LIMIT + 1)  # sparse: nothing written
    with pytest.raises(RosterError, match=f"over {roster_file.SIZE_LIMIT // 2**20} MB are refused"):
        read_roster(path)


def test_a_workbook_that_would_expand_too_far_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster_xlsx, "XLSX_EXPANDED_LIMIT", 20_000)
    with pytest.raises(RosterError, match="would expand to"):
        read_roster(ROSTERS / "wechat-group-tool.xlsx")


def test_a_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (roster_xlsx.XLSX_RATIO_FLOOR + 1))
    with pytest.raises(RosterError, match="zip bomb"):
        read_roster(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(RosterError, match="not an Excel workbook"):
        read_roster(path)


def test_a_broken_workbook_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not xml")
    with pytest.raises(RosterError, match="cannot be read as an Excel workbook"):
        read_roster(path)


def test_an_old_xls_workbook_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(RosterError, match="old Excel .xls"):
        read_roster(path)


def test_a_missing_file_is_a_roster_error(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="cannot be read"):
        read_roster(tmp_path / "nope.csv")


def test_a_gb18030_line_that_happens_to_be_valid_utf8_is_not_mixed(tmp_path: Path) -> None:
    # 未知 in GB18030 is CE B4 D6 AA: valid UTF-8 too ("δ֪"), but no Chinese read that way
    data = "成员,性别\n张三,男\nmomo,未知\n".encode("gb18030")
    roster = read_roster(write(tmp_path / "g.csv", data))
    assert roster.encoding == "gb18030"
    assert [cells for _line, cells in roster.rows] == [["张三", "男"], ["momo", "未知"]]
