"""The io writers take plain records, no database: a calendar, a roster CSV, a JSON dump."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import icalendar

from app.io.ics import CalendarEvent, write_ics
from app.io.json_dump import iso, write_dump
from app.io.roster_export import write_csv

STAMP = datetime(2026, 3, 14, 9, 30)


def test_a_calendar_from_plain_events(tmp_path: Path) -> None:
    event = CalendarEvent(
        7, "读书会；第一期", datetime(2026, 3, 21, 3), datetime(2026, 3, 21, 6), "cancelled",
        location="漫咖啡, 二楼", description="带书\n带笔", categories=("读书群", "夜跑群"),
    )  # fmt: skip
    path = tmp_path / "plain.ics"
    assert write_ics(path, [event], "abc123", STAMP) == 1
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (parsed,) = calendar.walk("VEVENT")
    assert str(parsed["UID"]) == "meetup-7-abc123@huoqun"
    assert str(parsed["SUMMARY"]) == "读书会；第一期"
    assert str(parsed["LOCATION"]) == "漫咖啡, 二楼"
    assert str(parsed["DESCRIPTION"]) == "带书\n带笔"
    assert str(parsed["STATUS"]) == "CANCELLED"
    assert parsed.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 3, 21, 3)


class Rows:
    """A roster's pages as plain lists, as ``RosterRows`` asks."""

    columns = ["name", "status"]
    headers = ["Name", "Status"]
    language = "en"

    @property
    def total(self) -> int:
        return 3

    def pages(self) -> Iterator[tuple[int, list[list[str]]]]:
        yield 2, [["=1+1", "=ours"], ["王芳", "In group"]]
        yield 3, [["@李娜", "Left"]]


def test_a_roster_csv_from_plain_pages(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    seen: list[tuple[int, int]] = []
    count = write_csv(path, Rows(), "utf-8-sig", lambda d, t: seen.append((d, t)), {"status"})
    assert count == 3 and seen == [(2, 3), (3, 3)]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["Name", "Status"],
        ["'=1+1", "=ours"],  # a member's cell never runs as a formula; our own words stay
        ["王芳", "In group"],
        ["'@李娜", "Left"],
    ]


def test_a_json_dump_from_plain_batches(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    tables = [("member", iter([[{"id": 1, "name": "王芳"}], [{"id": 2, "name": "李娜"}]]))]
    tables.append(("tier", iter([])))
    counts = write_dump(path, {"format": "x", "at": iso(STAMP)}, tables)
    assert counts == {"member": 2, "tier": 0}
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "format": "x",
        "at": "2026-03-14T09:30:00Z",
        "tables": {"member": [{"id": 1, "name": "王芳"}, {"id": 2, "name": "李娜"}], "tier": []},
    }
