"""The pyramid from chat history (PRODUCT.md §4b): promotion "spoke on N of the last 30 days",
demotion "silent for N days", and each helper's presence in Helper care; only for members of
groups whose chat history was imported."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.core import candidates, care, chat_presence, clock, members, violations
from app.core.errors import ValidationError
from app.core.tiers import helper_tier
from app.store.models import Member, TierChange
from tests.core.chat_samples import ChatLog


def today() -> date:
    return clock.local_today()


def member_id(name: str) -> int:
    return int(Member.get(Member.name == name).id)


def talk(log: ChatLog, qq: str, name: str, days: int, last: int = 0) -> None:
    """A message a day from ``qq`` on ``days`` days, the latest ``last`` days ago."""
    for back in range(last, last + days):
        log.say(qq, name, today() - timedelta(days=back))


@pytest.fixture
def chat(now: datetime, tmp_path: Path) -> int:
    log = ChatLog()
    talk(log, "20001", "王芳", 15)  # 15 of the last 30 days
    talk(log, "20002", "李雷", 14)  # one day short
    talk(log, "20003", "韩梅", 3, last=31)  # last spoke 31 days ago
    talk(log, "20004", "赵四", 8, last=10)  # 8 days, the latest 10 days ago
    return log.imported(tmp_path)


def promoted() -> dict[str, candidates.Candidate]:
    return {c.name: c for c in candidates.promotion_candidates()}


def test_spoke_on_n_of_the_last_30_days_qualifies_for_promotion(chat: int) -> None:
    assert chat_presence.chat_days("promotion_spoke_days") == 15
    found = promoted()
    assert set(found) == {"王芳"}
    assert found["王芳"].met == ("strike_free", "spoke") and found["王芳"].spoke_days == 15
    chat_presence.set_chat_days("promotion_spoke_days", 8)
    found = promoted()
    assert set(found) == {"王芳", "李雷", "赵四"}
    assert (found["李雷"].spoke_days, found["赵四"].spoke_days) == (14, 8)
    chat_presence.set_chat_days("promotion_spoke_days", 0)  # off
    assert promoted() == {}


def test_a_strike_keeps_a_talker_from_promotion(chat: int) -> None:
    violations.log_violation(member_id("王芳"), chat, None, evidence="刷屏")
    assert promoted() == {}


def test_a_member_without_chat_history_has_no_chat_figure(chat: int) -> None:
    offline = members.create_member("线下老周").id
    members.set_star([offline], True)
    found = promoted()
    assert found["线下老周"].met == ("strike_free", "star") and found["线下老周"].spoke_days is None
    assert found["王芳"].spoke_days == 15


def test_the_reason_of_an_accepted_chat_promotion_names_the_figure(chat: int) -> None:
    candidates.accept_promotion(member_id("王芳"))
    assert TierChange.get().reason == (
        "Promotion suggested: no strike in 180 days, spoke on 15 of the last 30 days"
    )


def make_helpers(now: datetime, *names: str) -> None:
    """Helpers, contacted just now (so only the chat can suggest them), with no tier change
    (a recent promotion keeps them from demotion suggestions)."""
    ids = [member_id(n) for n in names]
    Member.update(tier=helper_tier().id, last_contacted=now).where(Member.id.in_(ids)).execute()


def test_a_helper_silent_in_the_chat_for_n_days_is_suggested_for_demotion(
    chat: int, now: datetime
) -> None:
    make_helpers(now, "韩梅", "赵四")
    assert chat_presence.chat_days("demotion_silent_days") == 30
    (found,) = candidates.demotion_candidates()
    assert found.name == "韩梅" and found.met == ("chat_silent",)
    assert found.chat_silent_days == 31  # local days since they last spoke
    chat_presence.set_chat_days("demotion_silent_days", 10)
    assert [c.name for c in candidates.demotion_candidates()] == ["韩梅", "赵四"]
    chat_presence.set_chat_days("demotion_silent_days", 0)  # off
    assert candidates.demotion_candidates() == []
    # a helper in no group with chat history is judged by contact only
    offline = members.create_member("线下老周", tier_id=helper_tier().id).id
    Member.update(last_contacted=now - timedelta(days=100)).where(Member.id == offline).execute()
    (found,) = candidates.demotion_candidates()
    assert found.name == "线下老周" and found.met == ("silent",)
    assert found.chat_silent_days is None


def test_the_chat_criteria_are_checked_when_stored() -> None:
    with pytest.raises(ValidationError):
        chat_presence.set_chat_days("promotion_spoke_days", 31)
    with pytest.raises(ValidationError):
        chat_presence.set_chat_days("demotion_silent_days", -1)
    assert chat_presence.chat_days("promotion_spoke_days") == 15


def test_helper_care_shows_each_helpers_presence(chat: int, now: datetime) -> None:
    make_helpers(now, "王芳", "李雷", "韩梅", "赵四")
    members.create_member("线下老周", tier_id=helper_tier().id)
    rows = {r.name: r.presence for r in care.care_list(presence=True)}
    assert rows == {
        "王芳": "regular",
        "李雷": "regular",
        "赵四": "regular",
        "韩梅": "silent",
        "线下老周": None,
    }
    assert {r.presence for r in care.care_list()} == {None}  # not asked for


def test_presence_once_and_occasional(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    talk(log, "20001", "一次", 1)
    talk(log, "20002", "偶尔", 2)
    log.imported(tmp_path)
    found = chat_presence.presences([member_id("一次"), member_id("偶尔")])
    assert list(found.values()) == ["once", "occasional"]
