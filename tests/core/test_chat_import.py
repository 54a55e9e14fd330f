"""Importing chat history (issue #18): every shared export with its true figures, nothing twice,
an overlap adds only what is new, a damaged file or a cancel writes nothing, and the effects
(daily counts, last spoke, joined/left, the operator's interactions, ad-like excerpts)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.core import chat_import as ci
from app.core.errors import Cancelled
from app.io.chats import ChatExportError, ChatInfo, detect, list_chats
from app.store.models import ChatDay, ChatEvent, Interaction, Member, Membership, Message, db
from tests.conftest import SHARED_DATA

CHATS = SHARED_DATA / "chats"
EXPECTED: dict[str, Any] = json.loads((CHATS / "expected.json").read_text(encoding="utf-8"))
SHANGHAI = ZoneInfo("Asia/Shanghai")
# every export once: a whole folder stands for its parts
EXPORTS = [
    name
    for name, e in EXPECTED.items()
    if not name.startswith("_") and "messages" in e and "part_of" not in e
]


def paths_of(name: str) -> list[Path]:
    if name.endswith("/"):
        return sorted(p for p in (CHATS / name).iterdir() if p.suffix == ".csv")
    return [CHATS / name]


def chat_of(paths: list[Path]) -> ChatInfo:
    (chat,) = list_chats(paths, detect(paths))
    return chat


def operator_of(expected: dict[str, Any]) -> str:
    """The operator's id: the one speaker with exactly the operator's message count."""
    (me,) = [
        k
        for k, v in expected["per_speaker"].items()
        if v["messages"] == expected["operator_messages"]
    ]
    return me


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def scalar(sql: str, *params: Any) -> Any:
    return db.execute_sql(sql, params).fetchone()[0]


def table_counts() -> dict[str, int]:
    tables = ("member", "membership", "chat_group", "message", "chat_event", "chat_day",
              "interaction", "chat_source", "my_account")  # fmt: skip
    return {t: scalar(f"SELECT count(*) FROM {t}") for t in tables}


def run(paths: list[Path], me: str = "", **kwargs: Any) -> ci.ChatResult:
    plan = ci.plan_chat(chat_of(paths), me=[me] if me else [], zone=SHANGHAI)
    return ci.apply(plan, **kwargs)


@pytest.mark.parametrize("name", EXPORTS)
def test_every_shared_export_imports_with_its_true_figures(name: str) -> None:
    expected = EXPECTED[name]
    me = operator_of(expected)
    result = run(paths_of(name), me)
    group = result.group_id
    assert result.counts.messages_new == expected["messages"]
    assert scalar("SELECT count(*) FROM message WHERE group_id = ?", group) == expected["messages"]
    # speakers: members with counted days (the operator's and bots' messages are no member's)
    speakers = scalar(
        "SELECT count(DISTINCT member_id) FROM chat_day WHERE group_id = ? AND NOT operator", group
    )
    assert speakers == expected["distinct_speakers"]
    assert result.counts.senders_new == expected["distinct_speakers"]
    assert (
        scalar("SELECT sum(messages) FROM chat_day WHERE group_id = ?", group)
        == (expected["messages_by_humans"])
    )
    operator = scalar("SELECT count(*) FROM message WHERE group_id = ? AND flags & 16", group)
    assert operator == expected["operator_messages"] == result.counts.operator_messages
    assert (
        scalar("SELECT sum(messages) FROM chat_day WHERE group_id = ? AND operator", group)
        == (expected["operator_messages"])
    )
    joins = scalar("SELECT count(*) FROM chat_event WHERE group_id = ? AND kind = 'join'", group)
    leaves = scalar(
        "SELECT count(*) FROM chat_event WHERE group_id = ? AND kind IN ('leave', 'removed')", group
    )
    assert (joins, leaves) == (expected["joins"], expected["leaves"])
    assert (result.counts.joins, result.counts.leaves) == (joins, leaves)
    first, last = db.execute_sql(
        "SELECT min(sent_at), max(sent_at) FROM message WHERE group_id = ?", (group,)
    ).fetchone()
    # Discord's CSV dates have minutes only
    precision = {"second": 0} if expected["format"] == "discordchatexporter-csv" else {}
    assert datetime.fromisoformat(first) == utc(expected["first_message_at"]).replace(**precision)
    assert datetime.fromisoformat(last) == utc(expected["last_message_at"]).replace(**precision)
    # no message text is kept: only excerpts of ad-like messages
    assert scalar("SELECT count(*) FROM message WHERE excerpt IS NOT NULL AND NOT flags & 2") == 0


def test_the_same_export_again_adds_nothing_even_read_again() -> None:
    paths = paths_of("telegram/result.json")
    run(paths)
    before = table_counts()
    again = run(paths)  # the same files: known by their fingerprints
    assert again.counts.messages_new == 0
    assert again.counts.messages_known == EXPECTED["telegram/result.json"]["messages"]
    assert table_counts() == before
    plan = ci.plan_chat(chat_of(paths), zone=SHANGHAI)
    read_again = ci.apply(replace(plan, earlier=None))  # every record read and matched again
    assert read_again.counts.messages_new == 0
    assert read_again.counts.senders_new == 0
    assert {k: v for k, v in table_counts().items() if k != "chat_source"} == {
        k: v for k, v in before.items() if k != "chat_source"
    }


def _part(items: list[Any], start: float, end: float) -> list[Any]:
    """The share of ``items`` from ``start`` to ``end`` (0 to 1)."""
    return items[int(len(items) * start) : int(len(items) * end)]


def _telegram_part(tmp_path: Path, name: str, start: float, end: float) -> Path:
    data = json.loads((CHATS / "telegram/result.json").read_text(encoding="utf-8"))
    data["messages"] = _part(data["messages"], start, end)
    path = tmp_path / name / "result.json"
    path.parent.mkdir()
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _chatlab_part(tmp_path: Path, name: str, start: float, end: float) -> Path:
    lines = (CHATS / "chatlab/桌游周末局.jsonl").read_text(encoding="utf-8").splitlines()
    head = [x for x in lines if '"_type": "message"' not in x and '"_type":"message"' not in x]
    body = [x for x in lines if x not in head]
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join([*head, *_part(body, start, end)]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_telegram_part, _chatlab_part])
def test_an_overlapping_export_adds_only_what_is_new(tmp_path: Path, make: Any) -> None:
    """Telegram keys on the platform's message ids; ChatLab's lines carry none (hashed)."""
    whole = run([make(tmp_path, "whole", 0, 1)])
    total = whole.counts.messages_new
    days = scalar("SELECT sum(messages) FROM chat_day")
    db.execute_sql("DELETE FROM chat_day")
    for table in ("message", "chat_event", "chat_source"):
        db.execute_sql(f"DELETE FROM {table}")
    early = run([make(tmp_path, "early", 0, 0.6)])
    late = run([make(tmp_path, "late", 0.4, 1)])
    assert early.counts.messages_new + late.counts.messages_new == total
    assert late.counts.messages_known > 0
    assert scalar("SELECT count(*) FROM message") == total
    # the daily counts of an overlap count each message once (a batch partly new included)
    assert scalar("SELECT sum(messages) FROM chat_day") == days


def test_a_damaged_export_writes_nothing(tmp_path: Path) -> None:
    run(paths_of("qq/摄影爱好者.txt"))
    before = table_counts()
    text = (CHATS / "telegram/result.json").read_bytes()
    cut = tmp_path / "result.json"
    cut.write_bytes(text[: len(text) * 2 // 3])  # cut short in the middle of the messages
    chat = chat_of([cut])
    with pytest.raises(ChatExportError, match="damaged or cut short"):
        ci.apply(ci.plan_chat(chat))
    assert table_counts() == before


def test_a_cancelled_import_writes_nothing() -> None:
    run(paths_of("qq/摄影爱好者.txt"))
    before = table_counts()

    def cancel(done: int, total: int) -> None:
        if done >= 1000:
            raise Cancelled()

    plan = ci.plan_chat(chat_of(paths_of("wechat/")))
    preview = ci.preview(plan)
    with pytest.raises(Cancelled):
        ci.apply(preview, progress=cancel)
    assert table_counts() == before


def test_a_preview_counts_what_apply_then_does_and_writes_nothing() -> None:
    plan = ci.plan_chat(chat_of(paths_of("qce/考研互助群.json")), zone=SHANGHAI)
    before = table_counts()
    preview = ci.preview(plan)
    assert table_counts() == before
    result = ci.apply(preview)
    assert preview.counts == result.counts
    assert preview.records == result.counts.messages_new + 6 + 6 + 0 or preview.records > 0


def test_senders_match_members_by_platform_id(club: int) -> None:
    """A QQ number already known is that member: no new member, the messages are theirs."""
    expected = EXPECTED["qq/摄影爱好者.txt"]
    qq = max(expected["per_speaker"], key=lambda k: expected["per_speaker"][k]["messages"])
    known = Member.create(
        name="老会员", sort_key="lao", qq=qq, tier=1, first_seen=datetime(2026, 1, 1)
    )
    result = run(paths_of("qq/摄影爱好者.txt"))
    assert result.counts.senders_matched == 1
    assert Member.select().where(Member.qq == qq).count() == 1
    mine = Message.select().where(Message.member == known.id).count()
    assert mine == expected["per_speaker"][qq]["messages"]
    ship = Membership.get(Membership.member == known.id, Membership.group == result.group_id)
    assert ship.chat_only  # in the group only by the chat history
    assert ship.last_spoke_at == utc(expected["per_speaker"][qq]["last_message_at"])


def _speaker(name: str) -> tuple[str, str]:
    """A speaker of the export ``name``: (id, display name)."""
    chat = chat_of(paths_of(name))
    from app.io.chats import ChatMessage, read_chat

    for rec in read_chat(chat, SHANGHAI):
        if isinstance(rec, ChatMessage) and not rec.from_operator and rec.sender_id:
            return rec.sender_id, rec.group_nickname or rec.sender_name
    raise AssertionError("no speaker")


def test_a_sender_matches_by_nickname_in_the_group_and_gets_the_id() -> None:
    name = "wechat/宝妈交流群.csv"
    wxid, nickname = _speaker(name)
    group = ci.plan_chat(chat_of(paths_of(name))).group_name
    from app.core.groups import create_group
    from app.core.members import create_member
    from app.core.memberships import add_membership

    gid = create_group(group, "wechat").id
    person = create_member("别的名字")
    add_membership(person.id, gid, nickname=nickname)
    result = run(paths_of(name))
    assert result.group_id == gid
    assert Member.get_by_id(person.id).wechat_id == wxid  # filled in
    assert Message.select().where(Message.member == person.id).count() > 0
    assert not Membership.get(Membership.member == person.id).chat_only  # the roster knew them


def test_an_ambiguous_sender_is_listed_then_skipped_resolved_or_made_new() -> None:
    name = "wechat/宝妈交流群.csv"
    wxid, nickname = _speaker(name)
    from app.core.groups import create_group
    from app.core.members import create_member
    from app.core.memberships import add_membership

    gid = create_group(ci.plan_chat(chat_of(paths_of(name))).group_name, "wechat").id
    twins = [create_member(f"同名{i}") for i in range(2)]
    for twin in twins:
        add_membership(twin.id, gid, nickname=nickname)
    plan = ci.plan_chat(chat_of(paths_of(name)), zone=SHANGHAI)
    preview = ci.preview(plan)
    assert preview.counts.senders_ambiguous == 1
    (sender,) = preview.ambiguous
    assert sender.sender_id == wxid
    assert [c.member_id for c in sender.candidates] == [t.id for t in twins]
    # the default: skipped, the messages kept unmatched with who sent them
    result = ci.apply(preview)
    assert result.counts.senders_ambiguous == 1
    loose = Message.select().where(Message.group == gid, Message.sender_id == wxid)
    assert loose.count() == sender.messages
    assert all(m.member_id is None for m in loose)
    assert Member.select().where(Member.wechat_id == wxid).count() == 0


def test_an_ambiguous_sender_resolved_to_a_member_or_new() -> None:
    name = "wechat/宝妈交流群.csv"
    wxid, nickname = _speaker(name)
    from app.core.groups import create_group
    from app.core.members import create_member
    from app.core.memberships import add_membership

    gid = create_group(ci.plan_chat(chat_of(paths_of(name))).group_name, "wechat").id
    twins = [create_member(f"同名{i}") for i in range(2)]
    for twin in twins:
        add_membership(twin.id, gid, nickname=nickname)
    preview = ci.preview(ci.plan_chat(chat_of(paths_of(name)), zone=SHANGHAI))
    (sender,) = preview.ambiguous
    ci.apply(preview, resolutions={sender.key: twins[1].id})
    assert Member.get_by_id(twins[1].id).wechat_id is None  # a pick does not claim the id
    assert Message.select().where(Message.member == twins[1].id).count() == sender.messages
    db.execute_sql("DELETE FROM message")
    db.execute_sql("DELETE FROM chat_source")
    ci.apply(ci.plan_chat(chat_of(paths_of(name)), zone=SHANGHAI), new_members=True)
    made = Member.get(Member.wechat_id == wxid)
    assert made.id not in {t.id for t in twins}


def test_the_operators_messages_are_interactions_not_talk() -> None:
    expected = EXPECTED["wechat/宝妈交流群.csv"]
    result = run(paths_of("wechat/宝妈交流群.csv"))  # IsSender marks the operator
    assert result.counts.operator_messages == expected["operator_messages"]
    ops = Message.select().where(Message.group == result.group_id, Message.flags.bin_and(16) != 0)
    assert all(m.member_id is None for m in ops)
    chats = Interaction.select().where(Interaction.group == result.group_id)
    last_op = max(m.sent_at for m in ops)
    assert max(i.at for i in chats) == last_op  # the group's last interaction moved
    from app.core.health import all_health

    (health,) = [h for h in all_health() if h.group_id == result.group_id]
    assert health.last_interaction == last_op


def test_join_and_leave_events_date_memberships() -> None:
    result = run(paths_of("qce/考研互助群.json"))
    gid = result.group_id
    joined = Membership.select().where(Membership.group == gid, Membership.joined_at.is_null(False))
    assert joined.count() > 0
    for ship in joined:
        first = (
            ChatEvent.select()
            .where(ChatEvent.member == ship.member_id, ChatEvent.kind == "join")
            .order_by(ChatEvent.at)
            .first()
        )
        assert first is not None and ship.joined_at == first.at
    assert (
        Membership.select()
        .where(Membership.group == gid, Membership.left_at.is_null(False))
        .count()
    )


def test_ad_like_messages_keep_a_short_excerpt() -> None:
    run(paths_of("wechat/宝妈交流群.csv"))
    ads = list(Message.select().where(Message.flags.bin_and(2) != 0))
    assert len(ads) >= EXPECTED["wechat/宝妈交流群.csv"]["ad_like_messages_last_14d"] > 0
    assert all(m.excerpt and len(m.excerpt) <= 200 for m in ads)


def test_erasing_a_person_erases_their_messages_events_and_counts() -> None:
    from app.core.erase import erase_member

    result = run(paths_of("qce/考研互助群.json"))
    member = (
        ChatEvent.select(ChatEvent.member).where(ChatEvent.member.is_null(False)).first().member_id
    )
    assert Message.select().where(Message.member == member).count() > 0
    erase_member(member)
    for model in (Message, ChatEvent, ChatDay):
        assert model.select().where(model.member == member).count() == 0
    assert Message.select().where(Message.group == result.group_id).count() > 0


def test_merging_two_members_moves_messages_and_sums_daily_counts() -> None:
    from app.core.member_merge import merge_members

    result = run(paths_of("qq/摄影爱好者.txt"))
    top = db.execute_sql(
        "SELECT member_id FROM chat_day WHERE member_id IS NOT NULL GROUP BY member_id"
        " ORDER BY sum(messages) DESC LIMIT 2"
    ).fetchall()
    keep, drop = (r[0] for r in top)
    total = scalar("SELECT sum(messages) FROM chat_day WHERE member_id IN (?, ?)", keep, drop)
    messages = Message.select().where(Message.member.in_([keep, drop])).count()
    merge_members(keep, drop)
    assert scalar("SELECT sum(messages) FROM chat_day WHERE member_id = ?", keep) == total
    assert Message.select().where(Message.member == keep).count() == messages
    days = db.execute_sql(
        "SELECT count(*) FROM chat_day WHERE member_id = ? GROUP BY day HAVING count(*) > 1",
        (keep,),
    ).fetchall()
    assert days == []
    assert result.group_id


def test_my_accounts_are_remembered_for_the_next_import() -> None:
    expected = EXPECTED["telegram/result.json"]
    me = operator_of(expected)
    run(paths_of("telegram/result.json"), me)
    db.execute_sql("DELETE FROM message")
    db.execute_sql("DELETE FROM chat_source")
    again = run(paths_of("telegram/result.json"))  # no --me this time
    assert again.counts.operator_messages == expected["operator_messages"]
