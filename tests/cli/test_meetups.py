"""``huoqun export meetups`` and ``huoqun export plan``: run as a person would, on the sample."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from tests.cli.test_export import huoqun


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample community with past and upcoming meetups, made by ``huoqun demo``."""
    path = tmp_path_factory.mktemp("cli-meetups") / "sample.db"
    result = huoqun("demo", "--db", str(path), "--members", "400", "--groups", "8")
    assert result.returncode == 0, result.stderr
    return path


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        total = con.execute("SELECT COUNT(*) FROM meetup").fetchone()[0]
        soon = con.execute(
            "SELECT COUNT(*) FROM meetup WHERE status IN ('planned', 'confirmed')"
            " AND end_at > datetime('now')"
        ).fetchone()[0]
    return total, soon


def test_export_meetups_all_and_upcoming(sample: Path, tmp_path: Path) -> None:
    total, soon = _counts(sample)
    assert total > soon > 0
    out = tmp_path / "all.ics"
    result = huoqun("export", "meetups", str(out), "--db", str(sample))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out}: {total} meetups"
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert len(calendar.walk("VEVENT")) == total
    upcoming = tmp_path / "soon.ics"
    result = huoqun("export", "meetups", str(upcoming), "--upcoming", "--db", str(sample))
    assert result.returncode == 0, result.stderr
    events = icalendar.Calendar.from_ical(upcoming.read_bytes()).walk("VEVENT")
    assert len(events) == soon
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert {str(e["UID"]) for e in events} <= uids


def test_export_plan_writes_the_pdf(sample: Path, tmp_path: Path) -> None:
    with sqlite3.connect(sample) as con:
        meetup_id, title = con.execute(
            "SELECT id, title FROM meetup WHERE status = 'confirmed' ORDER BY id"
        ).fetchone()
        name = con.execute(
            "SELECT m.name FROM attendance a JOIN member m ON m.id = a.member_id"
            " WHERE a.meetup_id = ? AND a.rsvp = 'going' ORDER BY a.rsvp_at LIMIT 1",
            (meetup_id,),
        ).fetchone()[0]
    out = tmp_path / "plan.pdf"
    args = ("export", "plan", str(meetup_id), str(out), "--language", "zh_CN")
    result = huoqun(*args, "--db", str(sample))
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(out).pages)
    assert result.stdout.strip() == f"{out}: {pages} pages" and pages >= 2
    text = "".join(p.extract_text() or "" for p in PdfReader(out).pages).replace(" ", "")
    assert title[:2] in text and name[0] in text and "签" in text


def test_unknown_meetup_and_missing_database(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = huoqun("export", "plan", "9999", str(out), "--db", str(sample))
    assert result.returncode == 1
    assert result.stderr.strip() == "huoqun: Meetup #9999 no longer exists."
    assert not out.exists()
    missing = tmp_path / "missing.db"
    result = huoqun("export", "meetups", str(tmp_path / "x.ics"), "--db", str(missing))
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert not missing.exists()
