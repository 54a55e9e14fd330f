"""Roster re-import says what changed (issue #19, PRODUCT §5): joined, left, came back and
went quiet since the group's last roster; a first roster says so; a dry run says what would
change and remembers nothing; ``roster_changes`` gives the last import's changes later."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core import chat_import, clock, memberships
from app.core import roster_import as ri
from app.core.erase import erase_member
from app.core.members import create_member
from app.core.roster_changes import pack_ids, roster_changes, unpack_ids
from app.io.chats import detect, list_chats
from app.store.models import ChatDay, Member, Message, RosterImport
from tests.conftest import SHARED_DATA

ROSTERS = SHARED_DATA / "rosters"
CHATS = SHARED_DATA / "chats"


pytestmark = pytest.mark.usefixtures("shanghai")  # exports carry China's local times


def load(path: Path, group: str = "读书会", **options: object) -> ri.ImportPreview:
    roster = ri.read_roster(path)
    preset = ri.detect_preset(roster.headers)
    mapping = ri.auto_mapping(roster.headers, preset)
    return ri.preview(roster, mapping, group, preset=preset, **options)  # type: ignore[arg-type]


def write(path: Path, *rows: tuple[str, str]) -> Path:
    path.write_text("Name,QQ\n" + "".join(f"{n},{q}\n" for n, q in rows), encoding="utf-8")
    return path


def names(refs: list[ri.MemberRef]) -> list[str]:
    return [ref.name for ref in refs]


def qq_of(refs: list[ri.MemberRef]) -> set[str]:
    return {Member.get_by_id(ref.id).qq for ref in refs}


def later(clock_at: datetime, days: int) -> None:
    clock.fix(clock_at + timedelta(days=days))


def test_ids_pack_small_and_come_back() -> None:
    ids = list(range(1, 100_001, 1)) + [250_000, 7]
    text = pack_ids(ids)
    assert len(text) < 2_000  # 100,000 members in a few hundred bytes
    assert unpack_ids(text) == sorted(set(ids))
    assert unpack_ids(pack_ids([])) == [] and unpack_ids("") == []


def test_the_first_roster_says_so(now: datetime) -> None:
    first = load(ROSTERS / "qq-group-export-gbk.csv")
    assert first.changes.first and first.changes.unchanged  # a dry run of a new group
    result = ri.apply(first)
    assert result.changes is not None and result.changes.first
    assert result.changes.at == now and result.changes.file_name == "qq-group-export-gbk.csv"
    stored = roster_changes(result.group_id)
    assert stored is not None and stored.first and stored.joined == []
    assert not stored.chat_history  # nobody can be seen going quiet without it
    assert RosterImport.get().members == 300


def test_the_later_export_says_who_joined_and_who_left(now: datetime) -> None:
    group = ri.apply(load(ROSTERS / "qq-group-export-gbk.csv")).group_id
    later(now, 30)
    dry = load(ROSTERS / "qq-group-export-later-gbk.csv")
    assert (len(dry.changes.joined), len(dry.changes.left), dry.changes.came_back) == (15, 20, [])
    assert {ref.id for ref in dry.changes.joined} == {0}  # not members yet: named only
    assert dry.changes.previous_at == now and dry.changes.at is None
    assert RosterImport.select().count() == 1  # the dry run remembered nothing
    result = ri.apply(dry)
    changes = result.changes
    assert changes is not None and not changes.first
    assert len(changes.joined) == 15 and all(ref.id for ref in changes.joined)
    assert set(names(changes.joined)) == set(names(dry.changes.joined))
    left = qq_of(changes.left)
    assert len(left) == 20
    # left: those the first roster listed and the later one does not
    before = _qq_column(ROSTERS / "qq-group-export-gbk.csv")
    after = _qq_column(ROSTERS / "qq-group-export-later-gbk.csv")
    assert left == before - after
    assert qq_of(changes.joined) == after - before
    assert roster_changes(group) == changes  # kept for later, the same lists
    # the first file again: the 20 are back (an earlier roster listed them), the 15 left
    later(now, 60)
    back = ri.apply(load(ROSTERS / "qq-group-export-gbk.csv")).changes
    assert back is not None
    assert qq_of(back.came_back) == before - after and back.joined == []
    assert qq_of(back.left) == after - before


def test_a_member_who_had_left_and_is_listed_again_came_back(tmp_path: Path, now: datetime) -> None:
    roster = write(tmp_path / "r.csv", ("张三", "10001"), ("李四", "10002"))
    group = ri.apply(load(roster)).group_id
    zhang = Member.get(Member.qq == "10001")
    memberships.set_membership_status(zhang.id, group, "left")  # left the group meanwhile
    later(now, 7)
    write(roster, ("张三", "10001"), ("李四", "10002"), ("王五", "10003"))
    dry = load(roster)
    assert names(dry.changes.came_back) == ["张三"]
    assert names(dry.changes.joined) == ["王五"] and dry.changes.left == []
    changes = ri.apply(dry).changes
    assert changes is not None
    assert (names(changes.came_back), names(changes.joined)) == (["张三"], ["王五"])
    assert roster_changes(group) == changes


def test_the_same_roster_twice_changes_nothing_and_is_not_remembered_again(
    tmp_path: Path, now: datetime
) -> None:
    roster = write(tmp_path / "r.csv", ("张三", "10001"), ("李四", "10002"))
    ri.apply(load(roster))
    write(roster, ("张三", "10001"))
    later(now, 7)
    group = ri.apply(load(roster)).group_id
    kept = roster_changes(group)
    later(now, 14)
    again = ri.apply(load(roster)).changes
    assert again is not None and again.unchanged and not again.first
    assert RosterImport.select().count() == 2
    assert roster_changes(group) == kept and names(kept.left) == ["李四"]  # type: ignore[union-attr]


def test_an_erased_member_is_not_named_and_their_id_not_mistaken(
    tmp_path: Path, now: datetime
) -> None:
    roster = write(tmp_path / "r.csv", ("张三", "10001"), ("李四", "10002"))
    group = ri.apply(load(roster)).group_id
    erase_member(Member.get(Member.qq == "10002").id)
    later(now, 1)
    create_member("新人", qq="10009")  # may get the erased member's id
    write(roster, ("张三", "10001"))
    changes = ri.apply(load(roster)).changes
    assert changes is not None and changes.left == [] and changes.joined == []
    assert roster_changes(group) == changes


def _day(group: int, member: int, day: date, messages: int) -> None:
    ChatDay.create(group=group, member=member, day=day, messages=messages)


def test_went_quiet_counts_the_days_as_product_4b_says(tmp_path: Path, now: datetime) -> None:
    today = clock.to_local(now).date()
    people = [("安静", "10001"), ("少言", "10002"), ("还在说", "10003"), ("很久以前", "10004")]
    roster = write(tmp_path / "r.csv", *people, ("刚来", "10005"))
    group = ri.apply(load(roster)).group_id
    ids = {m.name: m.id for m in Member.select()}
    outsider = create_member("不在名单", qq="10006").id
    _day(group, ids["安静"], today - timedelta(days=60), 10)  # ≥ 10 before, none since
    _day(group, ids["少言"], today - timedelta(days=60), 9)  # too few before
    _day(group, ids["还在说"], today - timedelta(days=60), 30)
    _day(group, ids["还在说"], today - timedelta(days=29), 1)  # spoke in the last 30 days
    _day(group, ids["很久以前"], today - timedelta(days=120), 50)  # before the 90 days
    _day(group, outsider, today - timedelta(days=60), 40)  # not on the roster
    changes = roster_changes(group)
    assert changes is not None and names(changes.went_quiet) == ["安静"]
    _day(group, ids["很久以前"], today - timedelta(days=119), 11)  # the 90 days' first day
    assert names(roster_changes(group).went_quiet) == ["很久以前", "安静"]  # type: ignore[union-attr]


def test_went_quiet_from_a_real_chat_history_and_a_roster_of_its_group(tmp_path: Path) -> None:
    clock.fix(datetime(2026, 12, 7, 12, 0))  # the shared examples' "now"
    zone = ZoneInfo("Asia/Shanghai")
    paths = [CHATS / "wechat" / "露营装备群.json"]
    (chat,) = list_chats(paths, detect(paths))
    group = chat_import.apply(chat_import.plan_chat(chat, zone=zone)).group_id
    people = list(Member.select().where(Member.wechat_id.is_null(False)))
    roster = tmp_path / "露营装备群.csv"
    roster.write_text(
        "微信昵称,微信号\n" + "".join(f"{m.name},{m.wechat_id}\n" for m in people),
        encoding="utf-8",
    )
    changes = ri.apply(load(roster, "露营装备群")).changes
    assert changes is not None and changes.first
    # the same rule, counted here from the messages themselves
    today = date(2026, 12, 7)
    recent: Counter[int] = Counter()
    before: Counter[int] = Counter()
    for msg in Message.select().where(Message.group == group, Message.member.is_null(False)):
        day = msg.sent_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date()
        if day > today - timedelta(days=30):
            recent[msg.member_id] += 1
        elif day > today - timedelta(days=120):
            before[msg.member_id] += 1
    expected = {m for m, n in before.items() if n >= 10 and not recent[m]}
    assert expected  # the example has one
    assert {ref.id for ref in changes.went_quiet} == expected
    assert changes.chat_history


def _qq_column(path: Path) -> set[str]:
    roster = ri.read_roster(path)
    column = roster.headers.index("QQ号")
    return {cells[column].strip() for _, cells in roster.rows if cells[column].strip()}
