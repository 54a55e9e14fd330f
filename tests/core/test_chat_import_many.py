"""Several chats imported at once (the window's wizard): one transaction, all or none; and
the preview's list of senders, for "this is me"."""

from __future__ import annotations

import pytest

from app.core import chat_import as ci
from app.core.chat_match import OPERATOR, my_accounts
from app.core.errors import Cancelled
from tests.core.test_chat_import import SHANGHAI, chat_of, paths_of, scalar, table_counts


def _preview(name: str, me: str = "") -> ci.ChatPreview:
    plan = ci.plan_chat(chat_of(paths_of(name)), me=[me] if me else [], zone=SHANGHAI)
    return ci.preview(plan)


def test_several_chats_are_written_in_one_go() -> None:
    first, second = _preview("qq/摄影爱好者.txt"), _preview("wechat/露营装备群.json")
    seen: list[tuple[int, int]] = []
    results = ci.apply_many(
        [(first, None), (second, None)], progress=lambda d, t: seen.append((d, t))
    )
    assert [r.counts.messages_new for r in results] == [
        first.counts.messages_new,
        second.counts.messages_new,
    ]
    assert scalar("SELECT count(*) FROM message") == sum(r.counts.messages_new for r in results)
    assert [r.group_created for r in results] == [True, True]
    whole = {t for _d, t in seen}
    assert whole == {first.records + second.records}  # one bar over both chats
    assert seen[-1][0] == first.records + second.records


def test_a_cancel_during_the_second_chat_writes_neither() -> None:
    first, second = _preview("qq/摄影爱好者.txt"), _preview("wechat/露营装备群.json")
    before = table_counts()

    def cancel(done: int, total: int) -> None:
        if done > first.records:
            raise Cancelled()

    with pytest.raises(Cancelled):
        ci.apply_many([(first, None), (second, None)], progress=cancel)
    assert table_counts() == before


def test_the_preview_lists_every_sender_most_messages_first() -> None:
    preview = _preview("qq/摄影爱好者.txt")
    counts = [s.messages for s in preview.senders]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == preview.counts.messages_new
    top = preview.senders[0]
    # "this is me": the same chat planned with that id makes the sender the operator's
    again = _preview("qq/摄影爱好者.txt", me=top.sender_id)
    (mine,) = [s for s in again.senders if s.sender_id == top.sender_id]
    assert mine.how == OPERATOR
    assert again.counts.operator_messages >= top.messages
    assert my_accounts("qq") == set()  # a preview remembers nothing
    ci.apply(again)
    assert top.sender_id in my_accounts("qq")
