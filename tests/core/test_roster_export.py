"""Roster export: real CSV and XLSX files, read back the way Excel or WPS would see them."""

from __future__ import annotations

import csv
import os
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from app.core import clock, groups, members, memberships, roster_export
from app.core.errors import Cancelled, HuoqunError, ValidationError
from app.core.member_list import MemberFilter
from app.core.roster_export import (
    COLUMNS,
    default_columns,
    export_roster,
    header_names,
    member_ids_for,
    parse_columns,
)
from app.core.tiers import list_tiers
from app.io.atomic_file import ExportError
from app.io.cells import mask_phone, neutralise
from app.io.errors import FileRefused
from app.io.rosters.presets import PRESETS, normalise_header
from app.sample import demo
from app.store.models import Member, Membership, db
from tests.small_disk import device

HOSTILE = '=HYPERLINK("http://x","y")'
EN_HEADERS = [
    "Name",
    "Nickname",
    "Tier",
    "Status",
    "Star",
    "QQ",
    "WeChat",
    "Telegram id",
    "Discord id",
    "Phone",
    "Email",
    "City",
    "Gender",
    "Groups",
    "Tags",
    "First seen",
    "Last contacted",
    "Notes",
]
ZH_HEADERS = [
    "姓名",
    "群名片",
    "层级",
    "状态",
    "明星",
    "QQ号",
    "微信号",
    "Telegram ID",
    "Discord ID",
    "手机号",
    "邮箱",
    "城市",
    "性别",
    "所在群",
    "标签",
    "首次记录",
    "最近联系",
    "备注",
]


@pytest.fixture
def people(now: datetime) -> dict[str, int]:
    """A small community with the awkward cases: Chinese, hostile and empty cells."""
    book = groups.create_group("读书会", "wechat")
    runners = groups.create_group("Runners", "qq")
    zhang = members.create_member(
        "张伟",
        tags=["读书", "核心"],
        phone="13800138000",
        qq="10001",
        wechat_id="zhangwei_01",
        telegram_id="6232865096",
        discord_id="822222222722609098",
        email="zw@example.com",
        city="北京",
        gender="male",
        star=True,
        notes="第一行\n第二行",
    )
    hostile = members.create_member(
        HOSTILE, qq="20002", city="-2+3", notes="@SUM(A1:A2)", phone="13900139000"
    )
    error_text = members.create_member("#N/A", wechat_id="na_member", notes="响铃\x07字符")
    plain = members.create_member("Li Na")
    memberships.add_membership(plain.id, runners.id)
    memberships.set_membership_status(plain.id, runners.id, "left")  # out of every group
    memberships.add_membership(zhang.id, book.id, nickname="书虫老张", role="admin")
    memberships.add_membership(zhang.id, runners.id, nickname="Zhang")
    memberships.add_membership(hostile.id, book.id, nickname="+1+1")
    memberships.add_membership(error_text.id, runners.id)
    return {
        "book": book.id,
        "runners": runners.id,
        "zhang": zhang.id,
        "hostile": hostile.id,
        "error": error_text.id,
        "plain": plain.id,
    }


def _ids(*names: str) -> list[int]:
    return [Member.get(Member.name == n).id for n in names]


def _read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def _by_name(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header = rows[0]
    return {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}


# --- CSV -------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_and_keeps_chinese(tmp_path: Path, people: dict[str, int]) -> None:
    out = tmp_path / "roster.csv"
    ids = member_ids_for()
    count = export_roster(out, ids, default_columns(), "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert "张伟".encode() in raw
    rows = _read_csv(out)
    assert count == 4 == len(rows) - 1
    assert rows[0] == [h for h in EN_HEADERS if h != "Nickname"]
    zhang = _by_name(rows)["张伟"]
    assert zhang["City"] == "北京"
    assert (zhang["Telegram id"], zhang["Discord id"]) == ("6232865096", "822222222722609098")
    assert zhang["Tags"] == "核心;读书"
    assert zhang["Groups"] == "读书会;Runners"  # pinyin order: du shu hui < runners
    assert zhang["Star"] == "yes"
    assert zhang["Gender"] == "Male"
    assert zhang["Notes"] == "第一行\n第二行"
    assert zhang["First seen"] == clock.to_local(clock.now()).date().isoformat()
    assert _by_name(rows)["Li Na"]["Status"] == "Left"


def test_csv_gb18030_decodes_as_gb18030_only(tmp_path: Path, people: dict[str, int]) -> None:
    members.create_member("小鱼🐟")  # outside GBK: GB18030 still has it
    out = tmp_path / "roster.csv"
    export_roster(out, member_ids_for(), ["name", "city"], "csv-gb18030", language="zh_CN")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    rows = _read_csv(out, "gb18030")
    assert rows[0] == ["姓名", "城市"]
    assert ["张伟", "北京"] in rows
    assert ["小鱼🐟", ""] in rows


def test_csv_neutralises_formula_cells(tmp_path: Path, people: dict[str, int]) -> None:
    out = tmp_path / "roster.csv"
    export_roster(out, member_ids_for(), list(COLUMNS), "csv", group_ids=[people["book"]])
    rows = _by_name(_read_csv(out))
    hostile = rows["'" + HOSTILE]
    assert hostile["City"] == "'-2+3"
    assert hostile["Notes"] == "'@SUM(A1:A2)"
    assert hostile["Nickname"] == "'+1+1"
    assert rows["张伟"]["Nickname"] == "书虫老张"  # only cells that need it change
    assert rows["#N/A"]["Name"] == "#N/A"


def test_neutralise_covers_every_formula_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r", "\n"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("张=1") == "张=1"
    assert neutralise("") == ""


def test_phones_are_masked_unless_asked(tmp_path: Path, people: dict[str, int]) -> None:
    masked, full = tmp_path / "masked.csv", tmp_path / "full.csv"
    ids = _ids("张伟")
    export_roster(masked, ids, ["name", "phone"], "csv")
    export_roster(full, ids, ["name", "phone"], "csv", full_phones=True)
    assert _read_csv(masked)[1] == ["张伟", "138****8000"]
    assert _read_csv(full)[1] == ["张伟", "13800138000"]
    assert "13800138000" not in masked.read_text(encoding="utf-8-sig")
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("12345") == "12345"


def test_headers_in_both_languages_are_the_agreed_names() -> None:
    assert header_names(COLUMNS, "en") == EN_HEADERS
    assert header_names(COLUMNS, "zh_CN") == ZH_HEADERS


def test_headers_are_aliases_of_the_plain_import_preset() -> None:
    """An exported file imports back with the "plain" preset, headers in either language."""
    aliases = {
        field: {normalise_header(a) for a in names}
        for field, names in PRESETS["plain"].aliases.items()
    }
    shared = [c for c in COLUMNS if c in aliases]
    assert shared == [
        "name",
        "nickname",
        "qq",
        "wechat_id",
        "telegram_id",
        "discord_id",
        "phone",
        "email",
        "city",
        "gender",
        "tags",
        "notes",
    ]
    for language in ("en", "zh_CN"):
        for column, header in zip(shared, header_names(shared, language), strict=True):
            assert normalise_header(header) in aliases[column], (language, header)


def test_nickname_is_the_one_in_the_exported_group(tmp_path: Path, people: dict[str, int]) -> None:
    out = tmp_path / "runners.csv"
    ids = member_ids_for(group_ids=[people["runners"]])
    export_roster(out, ids, ["name", "nickname"], "csv", group_ids=[people["runners"]])
    assert _read_csv(out)[1:] == [["#N/A", ""], ["张伟", "Zhang"]]
    assert default_columns(1) == list(COLUMNS)
    assert "nickname" not in default_columns(0)


def test_rows_follow_the_given_order(tmp_path: Path, people: dict[str, int]) -> None:
    out = tmp_path / "o.csv"
    ids = _ids("Li Na", "张伟", "#N/A")
    assert export_roster(out, ids, ["name"], "csv") == 3
    assert [r[0] for r in _read_csv(out)[1:]] == ["Li Na", "张伟", "#N/A"]


def test_local_dates_are_right_in_a_zone_with_a_45_minute_offset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dates are cached per UTC hour; Nepal (+05:45) changes date in the middle of one."""
    monkeypatch.setenv("TZ", "Asia/Kathmandu")
    time.tzset()
    try:
        source = roster_export.RosterSource([], ["first_seen"], False, "en")
        assert source._local_date("2026-03-14 18:14:00") == "2026-03-14"
        assert source._local_date("2026-03-14 18:15:00") == "2026-03-15"
        assert source._local_date("2026-03-14 18:14:59") == "2026-03-14"
        assert source._local_date("") == ""
    finally:
        monkeypatch.undo()
        time.tzset()


# --- XLSX ------------------------------------------------------------------------------


def test_xlsx_has_no_formula_and_keeps_every_digit(tmp_path: Path, people: dict[str, int]) -> None:
    out = tmp_path / "roster.xlsx"
    ids = member_ids_for()
    count = export_roster(out, ids, list(COLUMNS), "xlsx", full_phones=True)
    assert count == 4
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in archive.namelist():
            if name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header == EN_HEADERS
    rows = {r[0].value: {h: c for h, c in zip(header, r, strict=True)} for r in sheet.iter_rows(2)}
    zhang = rows["张伟"]
    for column, digits in (
        ("Phone", "13800138000"), ("QQ", "10001"), ("Discord id", "822222222722609098")
    ):  # fmt: skip
        assert zhang[column].data_type == "s"
        assert zhang[column].value == digits
    hostile = rows[HOSTILE]["Name"]
    assert hostile.data_type == "s" and hostile.value == HOSTILE
    assert rows[HOSTILE]["Notes"].value == "@SUM(A1:A2)"
    assert rows["#N/A"]["Name"].data_type == "s"
    assert rows["#N/A"]["Notes"].value == "响铃字符"  # a control XML cannot hold is dropped
    assert all(c.data_type in ("s", "n") and not isinstance(c.value, int) for c in sheet["F"])


def test_xlsx_header_is_bold_frozen_filtered_and_sized(
    tmp_path: Path, people: dict[str, int]
) -> None:
    out = tmp_path / "roster.xlsx"
    export_roster(out, member_ids_for(), ["name", "qq", "groups"], "xlsx", language="zh_CN")
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    assert sheet.title == "成员"
    assert [c.value for c in sheet[1]] == ["姓名", "QQ号", "所在群"]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C5"
    # as wide as the longest text (CJK counts double) plus 2, at least 6: the hostile name
    # (26), the QQ numbers (5 → 6), "读书会;Runners" (6 + 8)
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [28, 8, 16]
    hostile_row = next(r for r in sheet.iter_rows(2) if r[0].value == HOSTILE)
    assert hostile_row[0].quotePrefix  # stays text when someone edits the cell


# --- Files: owner only, atomic, cancel -------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "csv-gb18030", "xlsx"])
def test_file_is_readable_by_the_owner_only(
    tmp_path: Path, people: dict[str, int], fmt: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "roster.out"
    out.write_text("old")
    out.chmod(0o644)
    export_roster(out, member_ids_for(), ["name"], fmt)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["roster.out"]  # no temp file left


def _cancel(done: int, total: int) -> None:
    raise Cancelled


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_cancel_leaves_no_file_and_no_temp_file(
    tmp_path: Path, people: dict[str, int], fmt: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    openpyxl_temps = list(openpyxl_writer.ALL_TEMP_FILES)
    with pytest.raises(Cancelled):
        export_roster(folder / "r.x", member_ids_for(), list(COLUMNS), fmt, progress=_cancel)
    assert list(folder.iterdir()) == []
    leftover = [p for p in openpyxl_writer.ALL_TEMP_FILES if os.path.exists(p)]
    assert leftover == [p for p in openpyxl_temps if os.path.exists(p)]


def test_a_cancel_keeps_the_previous_file(tmp_path: Path, people: dict[str, int]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "roster.csv"
    export_roster(out, _ids("张伟"), ["name"], "csv")
    before = out.read_bytes()
    with pytest.raises(Cancelled):
        export_roster(out, member_ids_for(), ["name"], "csv", progress=_cancel)
    assert out.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["roster.csv"]


def test_an_unwritable_place_is_one_clear_error(tmp_path: Path, people: dict[str, int]) -> None:
    with pytest.raises((HuoqunError, FileRefused)) as caught:
        export_roster(tmp_path / "missing" / "r.csv", member_ids_for(), ["name"], "csv")
    assert "cannot be written" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", ["null", "full", "folder", "fifo"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_target_that_is_not_a_regular_file_is_refused_untouched(
    tmp_path: Path, people: dict[str, int], kind: str, fmt: str
) -> None:
    if kind == "folder":
        target = str(tmp_path / "a folder.csv")
        os.mkdir(target)
    elif kind == "fifo":
        target = str(tmp_path / "pipe.csv")
        os.mkfifo(target)
    else:
        target = str(device(tmp_path, kind))
    before = os.stat(target)
    with pytest.raises(ExportError) as caught:
        export_roster(Path(target), member_ids_for(), ["name"], fmt)
    assert str(caught.value) == (
        f"{target} is not a regular file (a folder or a device); nothing was saved."
    )
    after = os.stat(target)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode,
        before.st_ino,
        before.st_rdev,
    )
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_symlink_target_is_written_through_and_kept(
    tmp_path: Path, people: dict[str, int]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    real = folder / "名单.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(folder / "new.csv")
    export_roster(link, _ids("张伟"), ["name"], "csv")
    export_roster(dangling, _ids("张伟"), ["name"], "csv")
    assert link.is_symlink() and dangling.is_symlink()
    for file in (real, folder / "new.csv"):
        assert file.read_text(encoding="utf-8-sig").splitlines() == ["Name", "张伟"]
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["new.csv", "名单.csv"]


def test_xlsx_streams_its_sheet_beside_the_target_not_in_the_system_temp(
    tmp_path: Path, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[tuple[list[str], list[str]]] = []

    def look(done: int, total: int) -> None:  # in the middle of the export
        sheets = [p.name for p in folder.iterdir() if p.name.endswith(".sheet.part")]
        seen.append((sheets, [p.name for p in system_temp.iterdir()]))

    export_roster(folder / "r.xlsx", member_ids_for(), list(COLUMNS), "xlsx", progress=look)
    assert seen and all(len(sheets) == 1 and not temp for sheets, temp in seen)
    for sheet in seen[0][0]:
        assert sheet.startswith(".r.xlsx.")
    assert [p.name for p in folder.iterdir()] == ["r.xlsx"]
    assert list(system_temp.iterdir()) == []


# --- Choosing members, pages, progress -------------------------------------------------


@pytest.fixture
def community(now: datetime) -> None:
    demo.build(400, 6, seed=3)


def test_a_filter_exports_exactly_its_members(tmp_path: Path, community: None) -> None:
    group = Membership.select(Membership.group).first().group_id
    tier = list_tiers()[-1]
    out = tmp_path / "f.csv"
    ids = member_ids_for(MemberFilter(status="active", tier_id=tier.id), [group])
    export_roster(out, ids, ["name", "qq", "wechat_id", "phone"], "csv", full_phones=True)
    expected = db.execute_sql(
        "SELECT m.id, m.name, ifnull(m.qq, ''), ifnull(m.wechat_id, ''), ifnull(m.phone, '')"
        " FROM member m JOIN membership ms ON ms.member_id = m.id"
        " WHERE ms.group_id = ? AND ms.left_at IS NULL AND m.status = 'active' AND m.tier_id = ?",
        (group, tier.id),
    ).fetchall()
    assert len(expected) > 10
    assert sorted(ids) == sorted(r[0] for r in expected)
    assert sorted(_read_csv(out)[1:]) == sorted(list(r[1:]) for r in expected)
    others = {r[0] for r in db.execute_sql("SELECT id FROM member")} - set(ids)
    assert others  # the filter did leave people out


def test_several_groups_export_their_union_once(tmp_path: Path, community: None) -> None:
    first, second = [g.id for g in groups.list_groups()[:2]]
    ids = member_ids_for(group_ids=[first, second])
    expected = {
        r[0]
        for r in db.execute_sql(
            "SELECT DISTINCT member_id FROM membership WHERE group_id IN (?, ?)"
            " AND left_at IS NULL",
            (first, second),
        )
    }
    assert len(ids) == len(set(ids)) == len(expected)
    assert set(ids) == expected
    names = [Member.get_by_id(i).sort_key for i in ids[:50]]
    assert names == sorted(names)  # still in name order


@contextmanager
def _selects() -> Iterator[list[str]]:
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


def test_rows_come_in_pages_with_a_fixed_number_of_queries(
    tmp_path: Path, community: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(roster_export, "PAGE", 50)
    ids = member_ids_for()
    calls: list[tuple[int, int]] = []
    with _selects() as statements:
        count = export_roster(
            tmp_path / "p.csv",
            ids,
            list(COLUMNS),
            "csv",
            progress=lambda done, total: calls.append((done, total)),
        )
    assert count == 400
    pages = 8
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # members, groups, tags and nicknames per page, the group names once
    assert len(selects) == 4 * pages + 1
    assert calls == [(50 * (i + 1), 400) for i in range(pages)]


def test_members_deleted_meanwhile_are_skipped(tmp_path: Path, people: dict[str, int]) -> None:
    ids = member_ids_for()
    Member.delete().where(Member.id == people["plain"]).execute()
    assert export_roster(tmp_path / "d.csv", ids, ["name"], "csv") == 3


# --- Refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda p: export_roster(p, [], ["name"], "docx"), "Unknown export format"),
        (lambda p: export_roster(p, [], ["name", "age"], "csv"), "Unknown column “age”"),
        (lambda p: export_roster(p, [], [], "csv"), "at least one column"),
        (lambda p: export_roster(p, [], ["name"], "csv", language="fr"), "Unknown language"),
    ],
)
def test_bad_requests_are_refused_before_any_file(
    tmp_path: Path, call: Callable[[Path], Any], words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        call(tmp_path / "x.csv")
    assert words in str(caught.value)
    assert caught.value.template  # a translatable template, not a bare string
    assert not (tmp_path / "x.csv").exists()


def test_columns_are_parsed_from_keys_or_headers() -> None:
    assert parse_columns("name, phone,城市,First seen") == ["name", "phone", "city", "first_seen"]
    with pytest.raises(ValidationError):
        parse_columns("name,,phone")


def test_an_empty_roster_is_a_header_only_file(tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    assert export_roster(out, [], ["name", "phone"], "csv") == 0
    assert _read_csv(out) == [["Name", "Phone"]]
