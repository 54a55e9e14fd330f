"""The printable roster: real PDFs read back with poppler (pdfinfo, pdftotext)."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest

from app.core import clock, groups, members, memberships, roster_export
from app.core.errors import Cancelled
from app.core.roster_export import COLUMNS, default_columns, member_ids_for
from app.io.cells import mask_phone
from app.reports.roster_columns import fit_columns
from app.reports.roster_pdf import write_roster_pdf
from app.sample import demo
from app.store.models import Member

# the PDF writer is the caller's choice; here it is always the printable roster
export_roster = partial(roster_export.export_roster, write_pdf=write_roster_pdf)
pytestmark = pytest.mark.usefixtures("qapp")

# These tests read the PDFs back with poppler-utils (pdftotext, pdfinfo): a test
# dependency like fonts-noto-cjk, installed by .ci/run. Missing, they fail; they never skip.
assert shutil.which("pdftotext") and shutil.which("pdfinfo"), "apt-get install poppler-utils"


def _page_count(path: Path) -> int:
    """Page objects in the file (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def _text(path: Path, page: int | None = None) -> str:
    """The PDF's text, as pdftotext reads it (exactly the characters drawn: test_pdf_text)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out


@pytest.fixture
def three_hundred(now: datetime) -> None:
    demo.build(300, 6, seed=5)


def test_a_300_member_roster_has_pages_with_header_and_numbers(
    tmp_path: Path, three_hundred: None
) -> None:
    out = tmp_path / "roster.pdf"
    count = export_roster(out, member_ids_for(), default_columns(), "pdf", language="zh_CN")
    assert count == 300
    pages = _page_count(out)
    assert pages >= 5
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{pages}$", info, re.M)
    assert "A4" in info
    for page in (1, 2, pages):
        text = _text(out, page)
        assert "姓名" in text and "手机号" in text, page  # the header row on every page
        assert f"{page} / {pages}" in text
    first = _text(out, 1)
    assert "全部成员" in first
    assert clock.to_local(clock.now()).date().isoformat() in first
    assert "共 300 人" in first
    everything = _text(out)
    chinese = [m.name for m in Member.select() if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", m.name)]
    assert len(chinese) > 100
    found = [name for name in chinese if name in everything]
    assert len(found) == len(chinese), set(chinese) - set(found)
    phones = [m.phone for m in Member.select() if m.phone]
    assert phones
    assert all(mask_phone(p) in everything and p not in everything for p in phones)


def test_a_group_roster_is_titled_with_the_group(tmp_path: Path, now: datetime) -> None:
    book = groups.create_group("读书会·北京", "wechat")
    zhang = members.create_member("张伟", phone="13800138000")
    memberships.add_membership(zhang.id, book.id, nickname="书虫老张")
    out = tmp_path / "book.pdf"
    export_roster(
        out,
        member_ids_for(group_ids=[book.id]),
        ["name", "nickname", "phone"],
        "pdf",
        full_phones=True,
        group_ids=[book.id],
    )
    text = _text(out)
    assert "读书会·北京" in text
    assert "1 member\n" in text or "1 member " in text
    assert "Name" in text and "Nickname" in text
    assert "书虫老张" in text and "13800138000" in text
    assert _page_count(out) == 1


def test_long_notes_wrap_and_are_cut_not_spread_over_pages(tmp_path: Path, now: datetime) -> None:
    for i in range(3):
        members.create_member(f"话痨{i}", notes="很长的备注，" * 800 + "\n第二段")
    out = tmp_path / "notes.pdf"
    assert export_roster(out, member_ids_for(), ["name", "notes"], "pdf") == 3
    assert _page_count(out) == 1
    text = _text(out)
    assert "话痨0" in text and "话痨2" in text
    assert "很长的备注，很长的备注" in text


def test_a_300_member_roster_spreads_over_pages(tmp_path: Path, three_hundred: None) -> None:
    """Without poppler too: page objects counted in the file; more columns, more pages."""
    narrow, wide = tmp_path / "narrow.pdf", tmp_path / "wide.pdf"
    assert export_roster(narrow, member_ids_for(), ["name", "city"], "pdf") == 300
    export_roster(wide, member_ids_for(), default_columns(), "pdf")
    assert 5 <= _page_count(narrow) < _page_count(wide) < 40
    assert b"/Title" in wide.read_bytes()


def test_an_empty_roster_is_one_page(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert export_roster(out, [], list(COLUMNS), "pdf") == 0
    assert _page_count(out) == 1
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_pdf_is_the_owners_and_a_cancel_leaves_nothing(
    tmp_path: Path, three_hundred: None
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "roster.pdf"
    export_roster(out, member_ids_for(), ["name"], "pdf")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        calls.append((done, total))
        if done > total // 2:  # in the painting pass
            raise Cancelled

    with pytest.raises(Cancelled):
        export_roster(out, member_ids_for(), list(COLUMNS), "pdf", progress=cancel)
    assert calls[0] == (300, 600)
    assert out.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["roster.pdf"]


def test_columns_fit_the_page() -> None:
    # room to spare: fixed columns keep their width, text columns share the rest
    assert fit_columns([10, 20], [True, False], 100, 5) == [10, 90]
    # short of room: numbers keep theirs; a narrow text column gets all it needs,
    # the wide ones split what is left in proportion (110 as 2 : 1)
    widths = fit_columns([30, 10, 200, 100], [True, False, False, False], 150, 5)
    assert widths == pytest.approx([30, 10, 220 / 3, 110 / 3])
    # ... but none below the floor
    widths = fit_columns([30, 10, 1000, 100], [True, False, False, False], 150, 20)
    assert widths == pytest.approx([30, 10, 90, 20])
    # far too many columns: everything shrinks alike
    assert fit_columns([100, 100], [False, False], 10, 20) == [5, 5]
