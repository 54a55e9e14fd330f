"""The .ics export: parsed by icalendar, stable UIDs, CRLF, folding, escaping, Chinese."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from app.core import groups, meetup_calendar, meetup_plan, meetups, members
from app.core.errors import NotFound
from app.io import ics
from app.store.models import Tier

START = datetime(2026, 3, 21, 11, 0)
LONG_NOTES = "请带上身份证，地址：上海市徐汇区漕溪北路 88 号；" * 8


def make(title: str = "周末读书会：《三体》", **fields: object) -> int:
    group = groups.create_group(f"读书群{title[:2]}")
    made = meetups.create_meetup(
        title,
        START,
        START + timedelta(hours=3),
        [group.id],
        venue="漫咖啡, 二楼",
        address="上海市徐汇区",
        notes=LONG_NOTES,
        **fields,  # type: ignore[arg-type]
    )
    host = members.create_member("主持人", tier_id=Tier.get(Tier.rank == 3).id).id
    meetup_plan.add_agenda_item(made.id, "签到", START, owner_id=host)
    meetup_plan.add_agenda_item(made.id, "分享; 讨论\\总结", START + timedelta(hours=1))
    return made.id


def events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_the_calendar_parses_with_every_required_property(now: datetime, tmp_path: Path) -> None:
    first = make()
    second = make("Board games", status="cancelled")
    out = tmp_path / "meetups.ics"
    assert meetup_calendar.export_ics(out, [first, second]) == 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    one, two = events(out)
    for event in (one, two):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "STATUS"):
            assert name in event, name
    assert str(one["SUMMARY"]) == "周末读书会：《三体》"
    assert one.decoded("DTSTART") == START.replace(tzinfo=one.decoded("DTSTART").tzinfo)
    assert one.decoded("DTSTART").utcoffset() == timedelta(0)
    assert one.decoded("DTSTAMP").replace(tzinfo=None) == now
    assert str(one["LOCATION"]) == "漫咖啡, 二楼, 上海市徐汇区"
    description = str(one["DESCRIPTION"])
    assert "签到 (主持人)" in description and "分享; 讨论\\总结" in description
    assert LONG_NOTES in description
    assert (str(one["STATUS"]), str(two["STATUS"])) == ("TENTATIVE", "CANCELLED")


def test_uids_are_stable_across_exports_and_edits(now: datetime, tmp_path: Path) -> None:
    made = make()
    out = tmp_path / "a.ics"
    meetup_calendar.export_ics(out, [made])
    (before,) = events(out)
    meetups.update_meetup(made, title="改了名字", start_at=START + timedelta(days=1),
                          end_at=START + timedelta(days=1, hours=2))  # fmt: skip
    meetup_calendar.export_ics(out, [made], now=now + timedelta(hours=1))
    (after,) = events(out)
    assert str(before["UID"]) == str(after["UID"])
    assert str(after["SUMMARY"]) == "改了名字"
    other = make("另一个")
    meetup_calendar.export_ics(out, [made, other])
    assert len({str(e["UID"]) for e in events(out)}) == 2


def test_raw_lines_are_crlf_folded_at_75_octets_and_escaped(now: datetime, tmp_path: Path) -> None:
    made = make()
    out = tmp_path / "raw.ics"
    meetup_calendar.export_ics(out, [made])
    raw = out.read_bytes()
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no multi-byte character split across lines
    assert any(line.startswith(b" ") for line in lines)
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    assert "LOCATION:漫咖啡\\, 二楼\\, 上海市徐汇区\r\n" in unfolded
    assert "分享\\; 讨论\\\\总结" in unfolded
    assert "\\n" in unfolded


def test_fold_never_splits_a_character() -> None:
    for text in ("a" * 200, "中" * 100, "a" + "中" * 100, "ab" + "😀" * 60):
        folded = ics.fold(text)
        parts = folded.encode("utf-8").split(b"\r\n")
        assert all(len(p) <= 75 for p in parts)
        assert all(p.startswith(b" ") for p in parts[1:])
        assert folded.replace("\r\n ", "") == text


def test_upcoming_ids_and_unknown_meetups(now: datetime, tmp_path: Path) -> None:
    soon = make()
    meetups.create_meetup("旧", now - timedelta(days=5), now - timedelta(days=4))
    assert meetup_calendar.upcoming_ids() == [soon]
    with pytest.raises(NotFound):
        meetup_calendar.export_ics(tmp_path / "x.ics", [999])
    assert not (tmp_path / "x.ics").exists()
