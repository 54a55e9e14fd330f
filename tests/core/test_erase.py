"""Erase this person: every row naming them goes, and their text leaves the file's bytes."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core import groups, members, memberships, tiers
from app.core.erase import erase_member
from app.core.errors import NotFound
from app.core.member_list import MemberFilter, search_ids
from app.store import leftovers
from app.store.database import close_database
from app.store.models import (
    AgendaItem,
    Attendance,
    Interaction,
    Meetup,
    MeetupRole,
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    Rule,
    Task,
    TierChange,
    Violation,
    db,
)

NAME = "擦除测试王小明"
PHONE = "13912345678"
QQ = "987654321"
WECHAT = "wxid_erase_me_42"
NICK = "小明同学要被擦除"
TAG = "擦除专用标签"
NOTES = "他的备注：住在擦除路88号"
EVIDENCE = "截图：擦除测试证据"
PRIVATE = [NAME, PHONE, QQ, WECHAT, NICK, NOTES, EVIDENCE, "ca chu ce shi wang xiao ming"]


def build_person(now: datetime) -> tuple[int, int, int]:
    """The person to erase with a full history, and a neighbour who must stay."""
    group = groups.create_group("擦除测试群", platform="qq")
    person = members.create_member(
        NAME, phone=PHONE, qq=QQ, wechat_id=WECHAT, notes=NOTES, tags=[TAG, "跑步"]
    )
    other = members.create_member("留下的李四", qq="123456789", tags=["跑步"])
    memberships.add_membership(person.id, group.id, nickname=NICK)
    memberships.add_membership(other.id, group.id, nickname="李四")
    members.update_member(person.id, tier_id=tiers.list_tiers()[0].id)
    meetup = Meetup.create(title="周末跑", start_at=now, end_at=now + timedelta(hours=2))
    rule = Rule.create(title="不发广告")
    Violation.create(
        case_number=1, member=person, group=group, rule=rule, at=now, evidence=EVIDENCE
    )
    Attendance.create(meetup=meetup, member=person, rsvp="going", rsvp_at=now, attended=True)
    Attendance.create(meetup=meetup, member=other, rsvp="going", rsvp_at=now)
    MeetupRole.create(meetup=meetup, member=person, role="photos")
    agenda = AgendaItem.create(meetup=meetup, title="Welcome", owner=person)
    task = Task.create(title="Call back", member=person, group=group, created_at=now)
    Interaction.create(member=person, kind="check-in", at=now, note="聊了跑步")
    Interaction.create(group=group, kind="message", at=now, task=task, note="回访")
    Interaction.create(group=group, kind="message", at=now, note="群公告")
    return person.id, other.id, agenda.id


def file_bytes(path: Path) -> bytes:
    """The database file and whatever sits beside it (-wal, -shm), as raw bytes."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def test_erase_removes_every_row_and_the_bytes(database: Path, now: datetime) -> None:
    person, other, agenda = build_person(now)
    before = file_bytes(database)
    for text in PRIVATE + [TAG]:
        assert text.encode() in before, text  # the search below can find what it looks for

    erase_member(person)

    for model, field in (
        (Member, Member.id),
        (MemberSearch, MemberSearch.member),
        (MemberTag, MemberTag.member),
        (Membership, Membership.member),
        (TierChange, TierChange.member),
        (Violation, Violation.member),
        (Attendance, Attendance.member),
        (MeetupRole, MeetupRole.member),
        (Task, Task.member),
        (Interaction, Interaction.member),
    ):
        assert not model.select().where(field == person).exists(), model.__name__
    assert AgendaItem.get_by_id(agenda).owner_id is None
    assert [i.note for i in Interaction.select()] == ["群公告"]  # the call-back note went too
    assert search_ids(MemberFilter(text="王小明")) == []
    assert search_ids(MemberFilter(text=PHONE)) == []
    assert search_ids(MemberFilter(text="cc")) == []
    assert search_ids(MemberFilter(text="李四")) == [other]
    assert members.tags_of(other) == ["跑步"]
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []

    # the open file, right after the erase, and again once closed
    for _ in range(2):
        raw = file_bytes(database)
        for text in PRIVATE + [TAG]:
            assert text.encode() not in raw, text
        assert "留下的李四".encode() in raw
        close_database()


def test_erasing_someone_already_gone_says_so(database: Path) -> None:
    with pytest.raises(NotFound):
        erase_member(4242)


def test_erase_refuses_to_run_inside_a_transaction(database: Path) -> None:
    person = members.create_member("事务中")
    with db.atomic(), pytest.raises(RuntimeError):
        erase_member(person.id)
    assert Member.get_or_none(Member.id == person.id) is not None


def test_erase_removes_the_partial_copies_a_killed_backup_or_export_left(
    database: Path, now: datetime, tmp_path: Path
) -> None:
    person, _, _ = build_person(now)
    backups = database.parent / "backups"
    backups.mkdir()
    finished = backups / "huoqun-20260314-093000-daily.db"
    partial = backups / ".huoqun-20260314-093500-daily.db.partial"
    for copy in (finished, partial):
        with sqlite3.connect(copy) as out:
            db.connection().backup(out)
        out.close()
    exports = tmp_path / "exports"
    exports.mkdir()
    export_temp = exports / ".名单.csv.0123456789ab.part"
    export_temp.write_text(f"{NAME},{PHONE}\n")
    registry = leftovers.registry_for(database)
    registry.write_text(json.dumps(str(export_temp)) + "\n")

    erase_member(person)

    assert not partial.exists() and not export_temp.exists() and not registry.exists()
    assert PHONE.encode() in finished.read_bytes()  # an earlier backup: the window warns of it
