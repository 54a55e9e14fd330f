"""Hostile roster files: each is refused in one message (or its bad rows flagged), quickly,
in little memory, and nothing is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.core.roster_rows import clean_rows
from app.io.rosters import xlsx as roster_xlsx
from app.io.rosters import xlsx_used_range
from app.io.rosters.file import ROW_LIMIT, RosterError, read_roster
from app.io.rosters.presets import auto_mapping

REPO = Path(__file__).resolve().parents[3]
MEMORY_LIMIT_MB = 300


def workbook(path: Path, cells: list[tuple[int, int, str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=1, column=1, value="成员")
    sheet.cell(row=1, column=2, value="QQ号")
    for row, column, value in cells:
        sheet.cell(row=row, column=column, value=value)
    book.save(path)
    return path


def shared_string_everywhere(path: Path, rows: int, size: int) -> Path:
    """A workbook written by hand: one shared string of ``size`` characters named by nine
    cells of each of ``rows`` rows (and a QQ number in each), as a hostile file would be."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    body = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>']
    for r in range(2, rows + 2):
        cells = "".join(f'<c r="{col}{r}" t="s"><v>2</v></c>' for col in "ACDEFGHIJ")
        body.append(f'<row r="{r}">{cells}<c r="K{r}"><v>{100_000 + r}</v></c></row>')
    entries = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
        '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
        f'Type="{kinds}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{kinds}"><sheets><sheet name="s" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
        f'Type="{kinds}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        f'Type="{kinds}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}"><si><t>成员</t></si><si><t>QQ号</t></si>'
        f"<si><t>{'x' * size}</t></si></sst>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{"".join(body)}'
        "</sheetData></worksheet>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return path


def peak_memory_of_reading(path: Path) -> dict[str, object]:
    """Read ``path`` in a fresh interpreter: its outcome and its peak resident memory in MB."""
    script = (
        "import json, resource, sys\n"
        "from app.io.rosters.file import RosterError, read_roster\n"
        "try:\n"
        "    rows = len(read_roster(sys.argv[1]).rows); error = ''\n"
        "except RosterError as exc:\n"
        "    rows = None; error = str(exc)\n"
        # VmHWM is this process's own peak; ru_maxrss would keep the forking parent's
        "status = open('/proc/self/status').read() if sys.platform == 'linux' else ''\n"
        "hwm = [l.split()[1] for l in status.splitlines() if l.startswith('VmHWM:')]\n"
        "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "peak = int(hwm[0] if hwm else own) / 1024\n"
        "print(json.dumps({'rows': rows, 'error': error, 'peak_mb': peak}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.skipif(sys.platform == "win32", reason="resource (peak memory) is POSIX-only")
def test_one_cell_far_down_is_refused_in_little_memory(tmp_path: Path) -> None:
    near = workbook(tmp_path / "near.xlsx", [(2, 1, "张三"), (1_000_000, 1, "x")])
    path = _with_sheet_xml(near, tmp_path / "far.xlsx", {"1000000": "30000000"})
    assert path.stat().st_size < 10_000
    outcome = peak_memory_of_reading(path)
    assert outcome["rows"] is None
    assert "reaches row 30000000" in str(outcome["error"])
    assert f"{ROW_LIMIT} rows" in str(outcome["error"])
    assert float(outcome["peak_mb"]) < MEMORY_LIMIT_MB  # type: ignore[arg-type]


@pytest.mark.skipif(sys.platform == "win32", reason="resource (peak memory) is POSIX-only")
def test_cells_at_column_xfd_are_refused_in_little_memory(tmp_path: Path) -> None:
    cells = [(row, 16384, "x") for row in range(2, 3000)]
    path = workbook(tmp_path / "wide.xlsx", cells)
    outcome = peak_memory_of_reading(path)
    assert outcome["rows"] is None
    assert "column 16384" in str(outcome["error"])
    assert float(outcome["peak_mb"]) < MEMORY_LIMIT_MB  # type: ignore[arg-type]


@pytest.mark.skipif(sys.platform == "win32", reason="resource (peak memory) is POSIX-only")
def test_one_long_shared_string_in_every_cell_is_refused_in_little_memory(tmp_path: Path) -> None:
    # 18,000 cells all naming one 100 KB shared string: 60 KB, 1.8 GB of cells once read
    path = shared_string_everywhere(tmp_path / "repeats.xlsx", rows=2000, size=100_000)
    assert path.stat().st_size < 100_000
    outcome = peak_memory_of_reading(path)
    assert outcome["rows"] is None
    assert "repeats its text into" in str(outcome["error"])
    limit = roster_xlsx.XLSX_EXPANDED_LIMIT // 2**20
    assert f"over {limit} MB are refused" in str(outcome["error"])
    assert float(outcome["peak_mb"]) < MEMORY_LIMIT_MB  # type: ignore[arg-type]


def test_shared_strings_used_by_many_cells_still_read(tmp_path: Path) -> None:
    # the same shape at a size a roster has: 9 × 2,000 uses of a 10-character string
    roster = read_roster(shared_string_everywhere(tmp_path / "fine.xlsx", rows=2000, size=10))
    assert len(roster.rows) == 2000
    assert roster.rows[0] == (2, ["x" * 10] + [""] + ["x" * 10] * 8 + ["100002"])


def test_rows_with_gaps_keep_their_numbers_and_no_empty_rows_are_made(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "gaps.xlsx", [(2, 1, "张三"), (2, 2, "10001"), (100_000, 2, "10002")]
    )
    roster = read_roster(path)
    assert roster.rows == [(2, ["张三", "10001"]), (100_000, ["", "10002"])]


def _with_sheet_xml(source: Path, target: Path, change: dict[str, str]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry.filename)
            if entry.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for before, after in change.items():
                    assert before in text
                    text = text.replace(before, after)
                data = text.encode("utf-8")
            new.writestr(entry, data)
    return target


def test_a_shared_string_index_out_of_range_is_one_message(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [(2, 1, "张三"), (2, 2, "10001")])
    roster = read_roster(good)
    assert roster.rows == [(2, ["张三", "10001"])]
    cell = '<c r="A2" t="inlineStr"><is><t>张三</t></is></c>'
    bad = _with_sheet_xml(good, tmp_path / "bad.xlsx", {cell: '<c r="A2" t="s"><v>999999</v></c>'})
    with pytest.raises(RosterError) as refused:
        read_roster(bad)
    assert "cannot be read as an Excel workbook" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_workbook_with_too_much_shared_text_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "text.xlsx", [(2, 1, "张三")])
    strings = "".join(f"<si><t>名字{n}</t></si>" for n in range(2000))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", f"<sst>{strings}</sst>")
    assert len(read_roster(path).rows) == 1  # under the limit it reads
    monkeypatch.setattr(roster_xlsx, "SHARED_STRINGS_LIMIT", 10_000)
    with pytest.raises(RosterError, match="MB of text"):
        read_roster(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    with pytest.raises(RosterError, match="roster.csv is not a regular file"):
        read_roster(fifo)  # opening it for reading would wait for a writer forever


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "roster.csv"
    folder.mkdir()
    with pytest.raises(RosterError, match="is not a regular file"):
        read_roster(folder)


@pytest.mark.parametrize("encoding", ["rot-13", "hex", "base64", "zip", "bz2", "uu"])
def test_a_codec_that_is_not_a_text_encoding_is_refused(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text("成员,QQ号\n张三,10001\n", encoding="utf-8")
    with pytest.raises(RosterError, match="is not a text encoding"):
        read_roster(path, encoding=encoding)


@pytest.mark.parametrize("encoding", ["no-such-codec", "", "utf-8\x00"])
def test_an_unknown_encoding_is_refused(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text("成员,QQ号\n张三,10001\n", encoding="utf-8")
    with pytest.raises(RosterError, match="Unknown encoding"):
        read_roster(path, encoding=encoding)


def test_a_codec_that_fails_to_decode_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("成员,QQ号\n张三,10001\n".encode("gb18030"))
    with pytest.raises(RosterError, match="cannot be read as"):
        read_roster(path, encoding="idna")


def test_a_line_mixing_utf8_and_gbk_cells_is_an_invalid_row(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    lines = [
        "成员,QQ号,地区".encode("gb18030"),
        "李四".encode("gb18030") + b",10002," + "北京".encode("gb18030"),
        "张三".encode() + b",10001," + "上海".encode("gb18030"),  # a UTF-8 name pasted in
        "王五".encode("gb18030") + b",10003," + "广州".encode("gb18030"),
    ]
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    roster = read_roster(path)
    assert roster.encoding == "gb18030"
    rows = clean_rows(roster, auto_mapping(roster.headers, "plain"), role_from_nickname=False)
    invalid = {row.line: row.errors for row in rows if row.errors}
    assert list(invalid) == [3]
    assert "“张三” is UTF-8 but the rest is GB18030" in invalid[3][0].reason
    names = {row.line: row.member.get("name") for row in rows}
    assert names[2] == "李四" and names[4] == "王五"


def test_a_plain_gbk_file_has_no_mixed_lines() -> None:
    from tests.conftest import SHARED_DATA

    for name in ("qq-group-export-gbk.csv", "qq-group-export-later-gbk.csv"):
        roster = read_roster(SHARED_DATA / "rosters" / name)
        assert roster.encoding == "gb18030"
        assert roster.mixed_lines == {}


def test_a_cell_that_hides_its_place_is_read_by_the_listing_reader(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [(2, 1, "张三"), (2, 2, "10001")])
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml").decode("utf-8")
    a2 = sheet[sheet.index('<c r="A2"') :]
    a2 = a2[: a2.index("</c>") + 4]
    b2 = sheet[sheet.index('<c r="B2"') :]
    b2 = b2[: b2.index("</c>") + 4]
    # an entity spelling column XFD where a scan of the text would not see it
    hidden = b2.replace('r="B2"', 'r="&#88;FD2"')
    bad = _with_sheet_xml(good, tmp_path / "hidden.xlsx", {b2: hidden})
    with zipfile.ZipFile(bad) as archive:
        assert not xlsx_used_range.used_range(archive, "xl/worksheets/sheet1.xml").exact
    with pytest.raises(RosterError, match="column 16384"):
        read_roster(bad)
    # cells that do not say where they are follow one another, as Excel reads them
    plain = _with_sheet_xml(
        good,
        tmp_path / "plain.xlsx",
        {a2: a2.replace(' r="A2"', ""), b2: b2.replace(' r="B2"', "")},
    )
    assert read_roster(plain).rows == [(2, ["张三", "10001"])]


@pytest.mark.skipif(sys.platform == "win32", reason="resource (peak memory) is POSIX-only")
def test_a_dimension_claiming_the_whole_sheet_costs_nothing(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [(2, 1, "张三"), (2, 2, "10001")])
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml").decode("utf-8")
    dimension = sheet[sheet.index("<dimension") :]
    dimension = dimension[: dimension.index("/>") + 2]
    lying = _with_sheet_xml(
        good, tmp_path / "lying.xlsx", {dimension: '<dimension ref="A1:XFD1048576"/>'}
    )
    outcome = peak_memory_of_reading(lying)
    assert outcome["rows"] == 1
    assert float(outcome["peak_mb"]) < MEMORY_LIMIT_MB  # type: ignore[arg-type]
