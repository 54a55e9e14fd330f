"""A roster that lists a member seen only in chat history confirms their membership
(``Membership.chat_only`` cleared); the others seen only in chat stay marked (issue #18)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core import chat_import, roster_import
from app.core.groups import create_group
from app.core.members import create_member
from app.io.chats import detect, list_chats
from app.store.models import Member, Membership, db
from tests.conftest import SHARED_DATA

QQ = SHARED_DATA / "chats" / "qq"


pytestmark = pytest.mark.usefixtures("shanghai")  # exports carry China's local times


def run_roster(path: Path, group: str) -> roster_import.ImportResult:
    roster = roster_import.read_roster(path)
    preset = roster_import.detect_preset(roster.headers)
    mapping = roster_import.auto_mapping(roster.headers, preset)
    return roster_import.apply(roster_import.preview(roster, mapping, group, preset=preset))


def chat_only(group_id: int) -> set[str]:
    rows = db.execute_sql(
        "SELECT m.qq FROM membership ms JOIN member m ON m.id = ms.member_id"
        " WHERE ms.group_id = ? AND ms.chat_only",
        (group_id,),
    )
    return {r[0] for r in rows}


def test_a_roster_listing_a_chat_only_member_confirms_them(tmp_path: Path, now: datetime) -> None:
    group = create_group("读书会", "qq")
    heard = create_member("张三", qq="10001")
    other = create_member("李四", qq="10002")
    for member in (heard, other):
        Membership.create(member=member.id, group=group.id, nickname="", chat_only=True)
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,QQ\n张三,10001\n王五,10003\n", encoding="utf-8")
    result = run_roster(roster, "读书会")
    assert (result.new, result.updated, result.unchanged) == (1, 1, 0)
    assert chat_only(group.id) == {"10002"}
    again = run_roster(roster, "读书会")  # confirmed once: nothing left to change
    assert (again.updated, again.unchanged) == (0, 2)


def test_the_shared_group_member_export_confirms_the_chat_senders(now: datetime) -> None:
    paths = [QQ / "开心读书会.txt"]
    (chat,) = list_chats(paths, detect(paths))
    chat_result = chat_import.apply(chat_import.plan_chat(chat, zone=ZoneInfo("Asia/Shanghai")))
    seen = chat_only(chat_result.group_id)
    assert len(seen) > 50  # every sender was a member known only from the chat
    run_roster(QQ / "开心读书会-成员.csv", "开心读书会")
    listed = {m.qq for m in Member.select(Member.qq)} - seen
    left_unconfirmed = chat_only(chat_result.group_id)
    assert left_unconfirmed < seen
    roster_qq = {
        line.split(",")[2]
        for line in (QQ / "开心读书会-成员.csv").read_text(encoding="gb18030").splitlines()[1:]
    }
    assert not left_unconfirmed & roster_qq  # every one the roster lists is confirmed
    assert left_unconfirmed == seen - roster_qq
    assert listed  # and the roster added those who never spoke
