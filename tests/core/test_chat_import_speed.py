"""What the chat import does to be fast must not change what it writes (issue #18, PRODUCT §7):
the messages' other indexes dropped during a big import are made again as they were (and a
cancel keeps them), rows written many to a statement land as one at a time would, and
pypinyin's dictionaries read a few entries at a time are pypinyin's own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.core import chat_import as ci
from app.core import chat_scan
from app.core.errors import Cancelled
from app.store.models import db
from tests.core.test_chat_import import (
    EXPECTED,
    SHANGHAI,
    chat_of,
    operator_of,
    paths_of,
    scalar,
    table_counts,
)

TELEGRAM = "telegram/result.json"


def message_indexes() -> list[tuple[str, str]]:
    return sorted(
        db.execute_sql(
            "SELECT name, ifnull(sql, '') FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = 'message'"
        ).fetchall()
    )


def figures(group: int) -> tuple[Any, ...]:
    """What the import wrote for the group: messages, their keys and days, the daily counts."""
    return (
        db.execute_sql(
            "SELECT member_id, sender_id, sent_at, kind, flags, key, excerpt FROM message"
            " WHERE group_id = ? ORDER BY id",
            (group,),
        ).fetchall(),
        db.execute_sql(
            "SELECT member_id, day, operator, messages FROM chat_day WHERE group_id = ?"
            " ORDER BY member_id, day, operator",
            (group,),
        ).fetchall(),
    )


def spy_statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = db.obj.execute_sql  # db is a proxy: the open database is its obj

    def execute_sql(sql: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(db.obj, "execute_sql", execute_sql)
    return seen


def import_telegram(**kwargs: Any) -> ci.ChatResult:
    me = operator_of(EXPECTED[TELEGRAM])
    return ci.apply(ci.plan_chat(chat_of(paths_of(TELEGRAM)), me=[me], zone=SHANGHAI), **kwargs)


def test_a_big_import_makes_the_deferred_indexes_again_as_they_were(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = message_indexes()
    monkeypatch.setattr(chat_scan, "DEFER_AT_LEAST", 1)  # the small export counts as big
    seen = spy_statements(monkeypatch)
    result = import_telegram()
    dropped = [s for s in seen if s.startswith("DROP INDEX")]
    assert dropped, "the import did not defer the indexes"
    assert not any("message_group_id_key" in s for s in dropped)  # the unique key stays
    assert message_indexes() == before
    expected = EXPECTED[TELEGRAM]
    assert result.counts.messages_new == expected["messages"]
    assert scalar("SELECT sum(messages) FROM chat_day") == expected["messages_by_humans"]
    # every index is whole again: it finds each member's messages
    by_index = scalar(
        "SELECT count(*) FROM message INDEXED BY message_member_id WHERE member_id > 0"
    )
    assert by_index == scalar("SELECT count(*) FROM message WHERE member_id IS NOT NULL")


def test_a_small_import_into_a_big_table_keeps_its_indexes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = spy_statements(monkeypatch)
    import_telegram()  # 2,226 messages: under DEFER_AT_LEAST
    assert not [s for s in seen if s.startswith("DROP INDEX")]


def test_a_cancelled_big_import_keeps_the_indexes_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chat_scan, "DEFER_AT_LEAST", 1)
    ci.apply(ci.plan_chat(chat_of(paths_of("qq/摄影爱好者.txt"))))
    before, counts = message_indexes(), table_counts()

    def cancel(done: int, total: int) -> None:
        if done >= 2000:  # after the first batch is written
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_telegram(progress=cancel)
    assert message_indexes() == before
    assert table_counts() == counts


@pytest.mark.parametrize(("per", "batch"), [(1, 2000), (3, 7), (100, 250)])
def test_rows_written_many_to_a_statement_land_as_one_at_a_time(
    monkeypatch: pytest.MonkeyPatch, per: int, batch: int
) -> None:
    monkeypatch.setattr(chat_scan, "PER_STATEMENT", 1)
    monkeypatch.setattr(chat_scan, "_INSERT_MESSAGES", chat_scan._INSERT_MESSAGE)
    one = figures(import_telegram().group_id)
    for table in ("message", "chat_event", "chat_source", "chat_day"):
        db.execute_sql(f"DELETE FROM {table}")
    values = ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" * (per - 1)
    monkeypatch.setattr(chat_scan, "PER_STATEMENT", per)
    monkeypatch.setattr(chat_scan, "BATCH", batch)
    monkeypatch.setattr(chat_scan, "_INSERT_MESSAGES", chat_scan._INSERT_MESSAGE + values)
    many = figures(import_telegram().group_id)
    assert len(many[0]) == EXPECTED[TELEGRAM]["messages"]
    assert [r[1:] for r in many[0]] == [r[1:] for r in one[0]]  # members were made again
    assert sum(r[3] for r in many[1]) == sum(r[3] for r in one[1])


def test_pypinyins_dictionaries_are_read_gently_and_are_its_own() -> None:
    """In a fresh interpreter: the first name converted loads the dictionaries through
    ``pinyin_load`` (pypinyin's own loader, one long ``json.loads``, never runs), and they
    hold what pypinyin's files say."""
    code = """
import json, sys
if sys.argv[1] == "own":
    import pypinyin  # its own loader first
from pathlib import Path
from app.core.pinyin import sort_key, syllables
words = [syllables("曾小悦"), syllables("张伟Leo"), sort_key("长孙无忌")]
import pypinyin.phrases_dict as phrases, pypinyin.pinyin_dict as chars
folder = Path(chars.__file__).parent
raw = json.loads((folder / "pinyin_dict.json").read_text("utf8"))
own_chars = {int(k): v for k, v in raw.items()}
own_phrases = json.loads((folder / "phrases_dict.json").read_text("utf8"))
print(json.dumps({
    "words": words,
    "gentle": not hasattr(phrases, "_load_phrases_dict")
    and not hasattr(chars, "_load_pinyin_dict"),
    "same": chars.pinyin_dict == own_chars and phrases.phrases_dict == own_phrases,
}, ensure_ascii=False))
"""
    root = Path(__file__).resolve().parents[2]
    found, own = (
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code, how], cwd=root, capture_output=True, text=True,
                check=True,
            ).stdout
        )
        for how in ("gentle", "own")
    )  # fmt: skip
    assert found["gentle"] and found["same"]
    assert not own["gentle"] and own["same"]
    assert found["words"] == own["words"]
    assert found["words"][1] == ["zhang", "wei", "leo"]
