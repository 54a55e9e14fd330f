"""The PDFs' text layer: what pdftotext reads back is exactly the data, character for character.

Noto Sans CJK draws 心 and the Kangxi radical ⼼ (U+2F3C), 马 and ⻢ (U+2EE2), 肉 and ⾁ (U+2F81)
with one glyph each, and Qt's PDF engine used to name such a glyph by the radical: the page
showed 心, a search for it found nothing. No folding here (no NFKC): the text must be itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest

from app.core import groups, meetup_plan, meetups, members, memberships, roster_export
from app.core.roster_export import default_columns, member_ids_for
from app.core.rsvp import set_rsvp
from app.reports.meetup_plan import write_plan_pdf
from app.reports.meetup_plan_data import plan_data
from app.reports.roster_pdf import write_roster_pdf
from app.sample import demo
from app.store.models import Member

# the PDF writer is the caller's choice; here it is always the printable roster
export_roster = partial(roster_export.export_roster, write_pdf=write_roster_pdf)
pytestmark = pytest.mark.usefixtures("qapp")
assert shutil.which("pdftotext"), "apt-get install poppler-utils"

# Names whose characters share a glyph with a radical or another look-alike in CJK fonts.
TRICKY = {
    "王心怡": "心心",
    "马晓东": "老马",
    "肉肉": "吃肉的小胖",
    "黄飞鸿": "广东～黄师傅",
    "司马长风": "长风／编辑部",
    "龙门一角": "一角",
}
RADICALS = re.compile("[\u2e80-\u2fdf\u31c0-\u31ef]")
# Emoji print as pictures from a colour font, so they have no text to find.
EMOJI = re.compile("[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]")


def _text(path: Path) -> str:
    """Every character pdftotext reads from ``path``, whitespace removed (cells wrap)."""
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", out)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", EMOJI.sub("", text))


@pytest.fixture
def community(now: datetime) -> int:
    """The sample community, plus the tricky names going to its next meetup; that meetup."""
    demo.build(300, 6, seed=5)
    upcoming = meetups.upcoming(now)[0].id
    group = meetups.group_ids_of(upcoming)[0]
    for i, (name, nickname) in enumerate(TRICKY.items()):
        member = members.create_member(name, phone=f"1391234567{i}")
        memberships.add_membership(member.id, group, nickname=nickname)
        set_rsvp(upcoming, member.id, "going")
    meetup_plan.add_agenda_item(upcoming, "心得分享：马拉松与肉夹馍", now)
    meetup_plan.add_checklist_item(upcoming, "买一角钱的糖")
    return upcoming


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_plan_reads_back_as_its_data(tmp_path: Path, community: int, language: str) -> None:
    out = tmp_path / "plan.pdf"
    write_plan_pdf(out, community, language=language)
    text = _text(out)
    assert not RADICALS.search(text), RADICALS.findall(text)
    data = plan_data(community, language=language)
    shown = [data.title, *(v for _, v in data.facts)]
    shown += [title for _, title, _ in data.agenda] + [text for _, text in data.checklist]
    shown += [cell for row in data.attendees for cell in row]
    assert set(TRICKY) <= {name for name, *_ in data.attendees}
    for phrase in filter(None, map(_plain, shown)):
        assert phrase in text, phrase
    assert "心得分享：马拉松与肉夹馍" in text and "广东～黄师傅" in text


def test_a_roster_reads_back_as_its_data(tmp_path: Path, community: int) -> None:
    out = tmp_path / "roster.pdf"
    export_roster(out, member_ids_for(), default_columns(), "pdf", language="zh_CN")
    text = _text(out)
    assert not RADICALS.search(text), RADICALS.findall(text)
    names = [_plain(m.name) for m in Member.select()]
    assert len(names) == 306 and set(TRICKY) <= set(names)
    missing = [name for name in names if name not in text]
    assert not missing
    titles = [_plain(g.name) for g in groups.list_groups()]
    assert len(titles) == 6
    missing = [title for title in titles if title not in text]
    assert not missing


def test_a_radical_with_its_own_glyph_stays_a_radical(tmp_path: Path, now: datetime) -> None:
    """The fix renames only glyphs shared with a character that was drawn."""
    members.create_member("⺮竹")  # the bamboo radical has its own glyph in Noto
    out = tmp_path / "radical.pdf"
    export_roster(out, member_ids_for(), ["name"], "pdf")
    assert "⺮竹" in _text(out)
