"""The printable meetup plan: real PDFs read back with pypdf."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core import groups, meetup_plan, meetups, members, memberships
from app.core import rsvp as attendance
from app.core.errors import NotFound
from app.reports.meetup_plan import render_plan, write_plan_pdf
from app.reports.meetup_plan_data import plan_data
from app.store.models import Tier

pytestmark = pytest.mark.usefixtures("qapp")
START = datetime(2026, 3, 21, 11, 0)


def _pages(path: Path) -> list[str]:
    """Each page's text, whitespace removed (as it reads back: see test_pdf_text)."""
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(path).pages]


def _has(text: str, phrase: str) -> bool:
    return re.sub(r"\s+", "", phrase) in text


def plan(people: int) -> int:
    group = groups.create_group("读书会一群")
    made = meetups.create_meetup(
        "春季读书会线下聚会",
        START,
        START + timedelta(hours=3),
        [group.id],
        venue="漫咖啡",
        address="上海市徐汇区漕溪北路88号",
        capacity=max(1, people - 3),
        notes="请带一本书来交换。",
    ).id
    tier = Tier.get(Tier.rank == 3).id
    for i in range(people):
        member_id = members.create_member(
            f"参会者{i:02d}", tier_id=tier, phone=f"1380000{i:04d}"
        ).id
        memberships.add_membership(member_id, group.id, nickname=f"书虫{i:02d}")
        attendance.set_rsvp(made, member_id, "going")
    host = members.create_member("主持人老王", tier_id=tier).id
    meetup_plan.add_agenda_item(made, "签到与自我介绍", START, owner_id=host)
    meetup_plan.add_agenda_item(made, "好书分享", START + timedelta(hours=1))
    meetup_plan.add_role(made, host, "host")
    meetup_plan.add_budget_line(made, "场地费", 50_000)
    meetup_plan.add_budget_line(made, "饮料", 12_050)
    return made


def test_the_plan_shows_the_title_agenda_and_attendees(now: datetime, tmp_path: Path) -> None:
    made = plan(5)
    out = tmp_path / "plan.pdf"
    assert write_plan_pdf(out, made) == 2
    first, sign_in = _pages(out)
    for phrase in ("春季读书会线下聚会", "签到与自我介绍", "好书分享", "主持人老王", "漫咖啡"):
        assert _has(first, phrase), phrase
    assert _has(first, "¥620.50")
    assert _has(sign_in, "签到表") and _has(sign_in, "签名")
    for i in range(5):
        assert _has(sign_in, f"参会者{i:02d}") and _has(sign_in, f"书虫{i:02d}")
    assert _has(sign_in, "138****0001") and not _has(sign_in, "13800000001")
    assert _has(sign_in, "候补第1位") and _has(sign_in, "参加")
    assert _has(first, "计划中")
    full = tmp_path / "full.pdf"
    write_plan_pdf(full, made, full_phones=True, language="en")
    first, sign_in = _pages(full)
    assert _has(first, "Agenda") and _has(first, "Checklist") and _has(first, "Total")
    assert _has(sign_in, "Sign-in sheet") and _has(sign_in, "13800000001")
    assert _has(first, "StatusPlanned") and _has(first, "Host主持人老王")
    assert _has(sign_in, "Going") and _has(sign_in, "Waitlist #1")
    assert not re.search(r"going|waitlist", sign_in) and "planned" not in first  # never codes


def test_the_sign_in_sheet_is_headed_with_title_date_and_venue(
    now: datetime, tmp_path: Path
) -> None:
    made = plan(60)
    for language in ("zh_CN", "en"):
        out = tmp_path / f"{language}.pdf"
        write_plan_pdf(out, made, language=language)
        when = plan_data(made, language=language).when
        assert re.search(r"2026-03-2\d (周|Sat|Sun)", when)
        pages = _pages(out)
        assert len(pages) >= 3
        for page in pages[1:]:
            assert _has(page, "签到表·春季读书会线下聚会" if language == "zh_CN" else "Sign-in")
            assert _has(page, f"{when} · 漫咖啡"), language


def test_sixty_attendees_flow_over_pages_with_the_header_repeated(
    now: datetime, tmp_path: Path
) -> None:
    made = plan(60)
    out = tmp_path / "long.pdf"
    pages = write_plan_pdf(out, made, language="zh_CN")
    texts = _pages(out)
    assert pages == len(texts) >= 3
    sign_in = texts[1:]
    assert all(_has(t, "签到表") and _has(t, "群昵称") for t in sign_in)
    joined = "".join(sign_in)
    assert all(_has(joined, f"参会者{i:02d}") for i in range(60))
    assert _has(texts[-1], "70")  # ten blank numbered rows after the 60 attendees


def test_render_plan_draws_on_any_paged_device(now: datetime, tmp_path: Path) -> None:
    from PySide6.QtGui import QPdfWriter

    made = plan(2)
    writer = QPdfWriter(str(tmp_path / "device.pdf"))
    assert render_plan(writer, made, language="en") == 2
    with pytest.raises(NotFound):
        write_plan_pdf(tmp_path / "none.pdf", 999)
    assert not (tmp_path / "none.pdf").exists()
